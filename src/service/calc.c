/*
 * calc — JSON calculators for tariffs, surpluses and occupancy (see
 * calc.h). These files only read and write JSON; every rule is in core/.
 *
 * This file owns the calculators of a tariff, a surplus and the occupancy
 * and the dispatch by name; the split and the post-adjustment are in
 * calc_share.c, fixed prices and the analysis in calc_pl.c, the readers
 * of the input they share in calc_impl.h.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/analysis.h"
#include "core/money.h"
#include "core/occupancy.h"
#include "core/params.h"
#include "core/postadj.h"
#include "core/split.h"
#include "core/pl.h"
#include "core/surplus.h"
#include "core/tariff.h"
#include "service/calc.h"
#include "service/calc_impl.h"
#include "util/err.h"
#include "util/text.h"


/* The agreement year in field "year" (required or not). */
static int
get_year(const json_t *in, bool required, int *year, bool *present,
    struct err *e)
{
	int64_t	v = 0;
	int	rc;

	if ((rc = get_int(in, "year", NULL, required, &v, present, e)) != 0)
		return rc;
	if (present != NULL && !*present)
		return 0;
	if (v < PARAMS_YEAR_MIN || v > PARAMS_YEAR_MAX)
		return err_set(e, ERR_INVALID, "invalid_year", "year",
		    "Året skal ligge mellem %d og %d", PARAMS_YEAR_MIN,
		    PARAMS_YEAR_MAX);
	*year = (int)v;
	return 0;
}

/* The parameters of year, from src or the spec's defaults. */
static int
params_for(const struct calc_params *src, int year, struct agreement_params *p,
    struct err *e)
{
	struct err	pe;
	int		rc;

	if (src == NULL || src->lookup == NULL)
		rc = params_defaults(year, p, e);
	else
		rc = src->lookup(src->arg, year, p, e);
	if (rc != 0)
		return rc;
	err_clear(&pe);
	if (params_validate(p, &pe) != 0)
		return err_set(e, ERR_INTERNAL, "invalid_params", pe.field,
		    "Parametrene for %d er ugyldige: %s", year, pe.msg);
	return 0;
}

/* Output. */

/*
 * An exact value: an integer when whole, else a real with `decimals`.
 * The decimal text is handed to jansson's parser, which converts it to
 * the nearest double whatever the C locale's decimal point is.
 */
static json_t *
ratio_json(struct ratio r, int decimals)
{
	json_t	*v;
	char	 txt[64];

	if (money_ratio_is_int(r) && r.num / r.den >= INT64_MIN &&
	    r.num / r.den <= INT64_MAX)
		return json_integer((json_int_t)(r.num / r.den));
	if (money_ratio_str(r, decimals, txt, sizeof(txt)) != 0 ||
	    (v = json_loads(txt, JSON_DECODE_ANY, NULL)) == NULL)
		return json_null();
	return v;
}

/* Basis points as a percentage number: 9550 → 95.5, 9500 → 95. */
static json_t *
pct_json(int64_t bp)
{
	struct ratio r = { bp, 100 };

	return ratio_json(r, 2);
}

/* tariff */

static const char *const tariff_fields[] = { "year", "unit", "places",
	"occupancy_pct", "days", "month_days", "hours", "costs_ore",
	"overhead_pct", "overhead_base_ore", "income_ore", "carry_over_ore",
	NULL };
static const char *const cost_fields[] = { "wages", "property", "other",
	"overhead", "capital", "pension", NULL };

static int
read_costs(const json_t *in, struct tariff_costs *c, struct err *e)
{
	const json_t	*v = field(in, "costs_ore");
	int		 rc;

	if (v == NULL)
		return missing(e, "costs_ore");
	if ((rc = check_fields(v, cost_fields, "costs_ore", e)) != 0)
		return rc;
	if ((rc = get_ore(v, "wages", "costs_ore", false, &c->wages_ore, NULL,
	    e)) != 0 ||
	    (rc = get_ore(v, "property", "costs_ore", false, &c->property_ore,
	    NULL, e)) != 0 ||
	    (rc = get_ore(v, "other", "costs_ore", false, &c->other_ore, NULL,
	    e)) != 0 ||
	    (rc = get_ore(v, "overhead", "costs_ore", false, &c->overhead_ore,
	    NULL, e)) != 0 ||
	    (rc = get_ore(v, "capital", "costs_ore", false, &c->capital_ore,
	    NULL, e)) != 0 ||
	    (rc = get_ore(v, "pension", "costs_ore", false, &c->pension_ore,
	    NULL, e)) != 0)
		return rc;
	return 0;
}

static int
calc_tariff(const struct calc_params *src, const json_t *in, json_t **out,
    struct err *e)
{
	struct agreement_params	 p;
	struct tariff_input	 ti;
	struct tariff_result	 tr;
	const json_t		*uv;
	json_t			*o, *rounding;
	int			 rc;

	memset(&ti, 0, sizeof(ti));
	if ((rc = check_fields(in, tariff_fields, NULL, e)) != 0 ||
	    (rc = get_year(in, true, &ti.year, NULL, e)) != 0)
		return rc;
	if ((uv = field(in, "unit")) == NULL)
		return missing(e, "unit");
	if (!json_is_string(uv))
		return type_error(e, "unit", "en tekst");
	if (tariff_unit_parse(json_string_value(uv), &ti.unit) != 0)
		return err_set(e, ERR_INVALID, "invalid_unit", "unit",
		    "Ukendt takstenhed: %.20s (brug day, month, hour eller "
		    "year)", json_string_value(uv));
	if ((rc = get_centi(in, "places", NULL, true, &ti.places_centi, NULL,
	    e)) != 0 ||
	    (rc = get_centi(in, "occupancy_pct", NULL, true, &ti.occupancy_bp,
	    NULL, e)) != 0 ||
	    (rc = get_int(in, "days", NULL, false, &ti.days, NULL, e)) != 0 ||
	    (rc = get_int(in, "month_days", NULL, false, &ti.month_days, NULL,
	    e)) != 0 ||
	    (rc = get_centi(in, "hours", NULL, false, &ti.hours_centi, NULL,
	    e)) != 0 ||
	    (rc = read_costs(in, &ti.costs, e)) != 0 ||
	    (rc = get_centi(in, "overhead_pct", NULL, false, &ti.overhead_bp,
	    &ti.overhead_by_pct, e)) != 0 ||
	    (rc = get_ore(in, "overhead_base_ore", NULL, false,
	    &ti.overhead_base_ore, &ti.overhead_base_stated, e)) != 0 ||
	    (rc = get_ore(in, "income_ore", NULL, false, &ti.income_ore, NULL,
	    e)) != 0 ||
	    (rc = get_ore(in, "carry_over_ore", NULL, false, &ti.carry_over_ore,
	    NULL, e)) != 0)
		return rc;
	if (field(in, "days") != NULL && ti.days == 0)
		return err_set(e, ERR_INVALID, "invalid_days", "days",
		    "Antal dage skal ligge mellem 1 og 366");
	if (field(in, "hours") != NULL && ti.unit == TARIFF_UNIT_HOUR &&
	    ti.hours_centi == 0)
		return err_set(e, ERR_INVALID, "invalid_hours", "hours",
		    "Antal timer skal være større end 0");
	if ((rc = params_for(src, ti.year, &p, e)) != 0 ||
	    (rc = tariff_compute(&p, &ti, &tr, e)) != 0)
		return rc;

	o = json_object();
	json_object_set_new(o, "year", json_integer(ti.year));
	json_object_set_new(o, "unit", json_string(tariff_unit_name(ti.unit)));
	json_object_set_new(o, "tariff_base_ore", json_integer(tr.base_ore));
	json_object_set_new(o, "overhead_ore", json_integer(tr.overhead_ore));
	json_object_set_new(o, "days", json_integer(tr.days));
	json_object_set_new(o, "place_days", ratio_json(tr.place_days, 6));
	json_object_set_new(o, "tariff_exact_ore",
	    ratio_json(tr.exact_ore, TARIFF_EXACT_DECIMALS));
	json_object_set_new(o, "tariff_ore", json_integer(tr.tariff_ore));
	rounding = json_object();
	json_object_set_new(rounding, "unit_ore",
	    json_integer(p.tariff_round_ore));
	json_object_set_new(rounding, "mode", json_string(
	    money_round_mode_name((enum round_mode)p.tariff_round_mode)));
	json_object_set_new(o, "rounding", rounding);
	*out = o;
	return 0;
}

/* surplus */

static const char *const surplus_fields[] = { "year", "tariff_base_ore",
	"revenue_ore", "costs_ore", "setaside_ore", "deficit_covered_ore",
	"rule", NULL };

static int
read_rule(const json_t *in, struct agreement_params *p, struct err *e)
{
	const struct param_desc	*d = params_find("surplus_rule");
	const char		*s;
	int64_t			 i;
	int			 rc;

	if ((rc = get_text(in, "rule", false, &s, e)) != 0 || s == NULL)
		return rc;
	for (i = 0; d->choices[i] != NULL; i++)
		if (strcmp(s, d->choices[i]) == 0) {
			p->surplus_rule = i;
			return 0;
		}
	return err_set(e, ERR_INVALID, "invalid_rule", "rule",
	    "Ukendt regelsæt: %.20s (brug setaside eller carryover)", s);
}

static int
calc_surplus(const struct calc_params *src, const json_t *in, json_t **out,
    struct err *e)
{
	struct agreement_params	p;
	struct surplus_input	si;
	struct surplus_result	sr;
	json_t			*o;
	int			rc;

	memset(&si, 0, sizeof(si));
	if ((rc = check_fields(in, surplus_fields, NULL, e)) != 0 ||
	    (rc = get_year(in, true, &si.year, NULL, e)) != 0 ||
	    (rc = get_ore(in, "tariff_base_ore", NULL, true, &si.base_ore,
	    NULL, e)) != 0 ||
	    (rc = get_ore(in, "revenue_ore", NULL, true, &si.revenue_ore, NULL,
	    e)) != 0 ||
	    (rc = get_ore(in, "costs_ore", NULL, true, &si.costs_ore, NULL,
	    e)) != 0 ||
	    (rc = get_ore(in, "setaside_ore", NULL, false, &si.setaside_ore,
	    &si.setaside_given, e)) != 0 ||
	    (rc = get_ore(in, "deficit_covered_ore", NULL, false,
	    &si.deficit_covered_ore, NULL, e)) != 0)
		return rc;
	if ((rc = params_for(src, si.year, &p, e)) != 0 ||
	    (rc = read_rule(in, &p, e)) != 0 ||
	    (rc = surplus_compute(&p, &si, &sr, e)) != 0)
		return rc;

	o = json_object();
	json_object_set_new(o, "year", json_integer(si.year));
	json_object_set_new(o, "rule",
	    json_string(params_find("surplus_rule")->choices[sr.rule]));
	json_object_set_new(o, "result_ore", json_integer(sr.result_ore));
	json_object_set_new(o, "ceiling_ore", json_integer(sr.ceiling_ore));
	json_object_set_new(o, "setaside_ore", json_integer(sr.setaside_ore));
	json_object_set_new(o, "deficit_covered_ore",
	    json_integer(sr.deficit_covered_ore));
	json_object_set_new(o, "to_tariff_ore", json_integer(sr.to_tariff_ore));
	json_object_set_new(o, "tariff_year", json_integer(sr.tariff_year));
	json_object_set_new(o, "setaside_expires_year",
	    sr.setaside_expires_year != 0 ?
	    json_integer(sr.setaside_expires_year) : json_null());
	*out = o;
	return 0;
}

/* occupancy */

static const char *const occupancy_fields[] = { "year", "offer_kind",
	"occupancy_pct", "occupied_days", "available_days", "das_approval",
	NULL };

#define OCC_PCT_DECIMALS	6	/* 10^6 · 100 ≤ OCCUPANCY_AVAILABLE_MAX */

/* The array key of in, 1..OCCUPANCY_YEARS_MAX long, or an error. */
static int
years_array(const json_t *in, const char *key, const json_t **arr,
    struct err *e)
{
	if ((*arr = field(in, key)) == NULL)
		return missing(e, key);
	if (!json_is_array(*arr))
		return type_error(e, key, "en liste med et tal for hvert år");
	if (json_array_size(*arr) == 0 ||
	    json_array_size(*arr) > OCCUPANCY_YEARS_MAX)
		return err_set(e, ERR_INVALID, "wrong_year_count", key,
		    "Angiv den faktiske belægning for 1-%d år",
		    OCCUPANCY_YEARS_MAX);
	return 0;
}

/* Occupied and available place-days of each year, exact. */
static int
read_occupancy_days(const json_t *in, struct occupancy_input *oi,
    struct err *e)
{
	const json_t	*occ = NULL, *avail = NULL;
	char		 path[48];
	size_t		 i;
	int64_t		 o = 0, a = 0;
	int		 rc;

	if (field(in, "occupancy_pct") != NULL)
		return err_set(e, ERR_INVALID, "ambiguous_occupancy",
		    "occupancy_pct", "Angiv enten belægningsprocenter eller "
		    "pladsdøgn, ikke begge");
	if ((rc = years_array(in, "occupied_days", &occ, e)) != 0 ||
	    (rc = years_array(in, "available_days", &avail, e)) != 0)
		return rc;
	if (json_array_size(occ) != json_array_size(avail))
		return err_set(e, ERR_INVALID, "wrong_year_count",
		    "available_days", "Angiv disponible pladsdøgn for hvert "
		    "år med belagte pladsdøgn");
	for (i = 0; i < json_array_size(occ); i++) {
		snprintf(path, sizeof(path), "occupied_days[%zu]", i);
		if ((rc = int_value(json_array_get(occ, i), path, &o, e)) != 0)
			return rc;
		snprintf(path, sizeof(path), "available_days[%zu]", i);
		if ((rc = int_value(json_array_get(avail, i), path, &a, e)) !=
		    0)
			return rc;
		if (a <= 0 || a > OCCUPANCY_AVAILABLE_MAX)
			return err_set(e, ERR_INVALID, "invalid_occupancy",
			    path, "Antal disponible pladsdøgn skal være "
			    "mellem 1 og %lld", (long long)
			    OCCUPANCY_AVAILABLE_MAX);
		if (o < 0 || o > a) {
			snprintf(path, sizeof(path), "occupied_days[%zu]", i);
			return err_set(e, ERR_INVALID, "invalid_occupancy",
			    path, "Belagte pladsdøgn skal ligge mellem 0 og "
			    "de disponible pladsdøgn");
		}
		oi->years[i].occupied = o;
		oi->years[i].available = a;
	}
	oi->nyears = json_array_size(occ);
	return 0;
}

/*
 * Each year's occupancy: place-days (occupied_days, available_days) or
 * percentages with up to OCC_PCT_DECIMALS decimals, read exactly as
 * written (97.014 → 97014 / 100000).
 */
static int
read_occupancy_years(const json_t *in, struct occupancy_input *oi,
    struct err *e)
{
	const json_t	*arr;
	json_t		*item;
	struct decimal	 d;
	char		 path[48];
	size_t		 i;
	int64_t		 hundred;
	int		 rc;

	if (field(in, "occupied_days") != NULL ||
	    field(in, "available_days") != NULL)
		return read_occupancy_days(in, oi, e);
	if ((rc = years_array(in, "occupancy_pct", &arr, e)) != 0)
		return rc;
	json_array_foreach(arr, i, item) {
		snprintf(path, sizeof(path), "occupancy_pct[%zu]", i);
		rc = decimal_read(item, &d);
		if (rc == DECIMAL_NOT_NUMBER)
			return type_error(e, path, "et tal");
		if (rc != 0 || d.scale > OCC_PCT_DECIMALS)
			return err_set(e, ERR_INVALID, "too_many_decimals",
			    path, "Feltet %s må højst have %d decimaler",
			    path, OCC_PCT_DECIMALS);
		for (hundred = 100, rc = 0; rc < d.scale; rc++)
			hundred *= 10;
		if (d.num <= 0 || d.num > hundred)
			return err_set(e, ERR_INVALID, "invalid_occupancy",
			    path, "Belægningsprocenten skal være større end "
			    "0 og højst 100");
		oi->years[i].occupied = d.num;
		oi->years[i].available = hundred;
	}
	oi->nyears = json_array_size(arr);
	return 0;
}

static int
calc_occupancy(const struct calc_params *src, const json_t *in,
    json_t **out, struct err *e)
{
	struct agreement_params	 p;
	struct occupancy_input	 oi;
	struct occupancy_result	 res;
	struct ratio		 pct;
	const char		*kind;
	json_t			*o, *msgs, *band, *years;
	bool			 has_year;
	int			 year = PARAMS_YEAR_MAX, first, last, rc;
	size_t			 i;

	memset(&oi, 0, sizeof(oi));
	if ((rc = check_fields(in, occupancy_fields, NULL, e)) != 0 ||
	    (rc = get_year(in, false, &year, &has_year, e)) != 0 ||
	    (rc = get_text(in, "offer_kind", true, &kind, e)) != 0)
		return rc;
	if (occupancy_class_parse(kind, &oi.cls) != 0)
		return err_set(e, ERR_INVALID, "invalid_offer_kind",
		    "offer_kind", "Ukendt tilbudsart: %.20s (brug ordinary, "
		    "short_stay eller secure_institution)", kind);
	if ((rc = read_occupancy_years(in, &oi, e)) != 0 ||
	    (rc = get_text(in, "das_approval", false, &oi.das_approval,
	    e)) != 0)
		return rc;
	/* Without a year, the latest defaults (the band has not changed). */
	if ((rc = params_for(has_year ? src : NULL, year, &p, e)) != 0 ||
	    (rc = occupancy_budget(&p, &oi, &res, e)) != 0)
		return rc;

	o = json_object();
	json_object_set_new(o, "budget_occupancy_pct", pct_json(res.budget_bp));
	pct.num = res.average.num * 100;
	pct.den = res.average.den;
	json_object_set_new(o, "budget_occupancy_exact_pct",
	    ratio_json(pct, 4));
	json_object_set_new(o, "status",
	    json_string(occupancy_status_name(res.status)));
	msgs = json_array();
	for (i = 0; i < res.nmessages; i++)
		json_array_append_new(msgs, json_string(res.messages[i]));
	json_object_set_new(o, "messages", msgs);
	band = json_object();
	json_object_set_new(band, "min_pct", pct_json(res.min_bp));
	json_object_set_new(band, "max_pct", pct_json(res.max_bp));
	json_object_set_new(band, "recommended_max_pct", pct_json(res.warn_bp));
	json_object_set_new(o, "band", band);
	if (has_year) {
		occupancy_source_years(&p, year, &first, &last);
		years = json_array();
		for (rc = first; rc <= last; rc++)
			json_array_append_new(years, json_integer(rc));
		json_object_set_new(o, "source_years", years);
	}
	*out = o;
	return 0;
}

int
calc_json(const char *name, const struct calc_params *src, const json_t *in,
    json_t **out, struct err *e)
{
	*out = NULL;
	if (name == NULL)
		return err_set(e, ERR_NOT_FOUND, "unknown_calculator", NULL,
		    "Ukendt beregning");
	if (in == NULL)
		return err_set(e, ERR_INVALID, "invalid_json", NULL,
		    "Inddata skal være et JSON-objekt");
	if (strcmp(name, "tariff") == 0)
		return calc_tariff(src, in, out, e);
	if (strcmp(name, "surplus") == 0)
		return calc_surplus(src, in, out, e);
	if (strcmp(name, "occupancy") == 0)
		return calc_occupancy(src, in, out, e);
	if (strcmp(name, "fixed-prices") == 0)
		return calc_fixed_prices(src, in, out, e);
	if (strcmp(name, "analysis") == 0)
		return calc_analysis(src, in, out, e);
	if (strcmp(name, "split") == 0)
		return calc_split(in, out, e);
	if (strcmp(name, "post-adjustment") == 0)
		return calc_post_adjustment(in, out, e);
	return err_set(e, ERR_NOT_FOUND, "unknown_calculator", NULL,
	    "Ukendt beregning: %.20s (brug tariff, surplus, occupancy, "
	    "fixed-prices, analysis, split eller post-adjustment)", name);
}

int
calc_tariff_json(const json_t *in, json_t **out, struct err *e)
{
	return calc_json("tariff", NULL, in, out, e);
}

int
calc_surplus_json(const json_t *in, json_t **out, struct err *e)
{
	return calc_json("surplus", NULL, in, out, e);
}

int
calc_occupancy_json(const json_t *in, json_t **out, struct err *e)
{
	return calc_json("occupancy", NULL, in, out, e);
}
