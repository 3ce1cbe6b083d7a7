/*
 * calc — JSON calculators for tariffs, surpluses and occupancy (see
 * calc.h). This file only reads and writes JSON; every rule is in core/.
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
#include "util/err.h"
#include "util/text.h"

#define INT_INPUT_MAX	INT64_C(10000000000000)	/* |integer| accepted */
#define CENTI_INPUT_MAX	100000000		/* |decimal| accepted */
#define TEXT_INPUT_MAX	200			/* bytes of a text field */

/* Input reading. */

static int
missing(struct err *e, const char *path)
{
	return err_set(e, ERR_INVALID, "missing_field", path,
	    "Feltet %s mangler", path);
}

static int
type_error(struct err *e, const char *path, const char *what)
{
	return err_set(e, ERR_INVALID, "invalid_type", path,
	    "Feltet %s skal være %s", path, what);
}

/* "prefix.key" (or "key") into out. */
static const char *
path_of(char *out, size_t n, const char *prefix, const char *key)
{
	if (prefix == NULL)
		snprintf(out, n, "%s", key);
	else
		snprintf(out, n, "%s.%s", prefix, key);
	return out;
}

/*
 * obj must be an object holding only keys from allowed (NULL-terminated).
 * The unknown key is found by walking a copy, since jansson's iterator
 * needs a mutable object.
 */
static int
check_fields(const json_t *obj, const char *const *allowed,
    const char *prefix, struct err *e)
{
	const char	*key;
	json_t		*copy, *v;
	char		 path[128];
	size_t		 known = 0, i;
	int		 rc = 0;

	if (!json_is_object(obj)) {
		if (prefix == NULL)
			return err_set(e, ERR_INVALID, "invalid_json", NULL,
			    "Inddata skal være et JSON-objekt");
		return type_error(e, prefix, "et objekt");
	}
	for (i = 0; allowed[i] != NULL; i++)
		if (json_object_get(obj, allowed[i]) != NULL)
			known++;
	if (known == json_object_size(obj))
		return 0;
	copy = json_deep_copy(obj);
	json_object_foreach(copy, key, v) {
		for (i = 0; allowed[i] != NULL; i++)
			if (strcmp(key, allowed[i]) == 0)
				break;
		if (allowed[i] == NULL) {
			path_of(path, sizeof(path), prefix, key);
			rc = err_set(e, ERR_INVALID, "unknown_field", path,
			    "Ukendt felt: %.80s", path);
			break;
		}
	}
	json_decref(copy);
	if (rc == 0)
		rc = err_set(e, ERR_INVALID, "unknown_field", prefix,
		    "Ukendt felt i inddata");
	return rc;
}

/* The value of key, or NULL when it is absent or null. */
static const json_t *
field(const json_t *obj, const char *key)
{
	const json_t *v = json_object_get(obj, key);

	return v == NULL || json_is_null(v) ? NULL : v;
}

/* An integer value at path (not øre). */
static int
int_value(const json_t *v, const char *path, int64_t *out, struct err *e)
{
	json_int_t iv;

	if (!json_is_integer(v))
		return type_error(e, path, "et heltal");
	iv = json_integer_value(v);
	if (iv < -INT_INPUT_MAX || iv > INT_INPUT_MAX)
		return err_set(e, ERR_INVALID, "number_too_large", path,
		    "Feltet %s er urimeligt stort", path);
	*out = (int64_t)iv;
	return 0;
}

/* A money value: an integer number of øre; reals are refused. */
static int
ore_value(const json_t *v, const char *path, int64_t *out, struct err *e)
{
	if (!json_is_integer(v))
		return err_set(e, ERR_INVALID, "invalid_amount", path,
		    "Feltet %s skal være et helt antal øre (et heltal uden "
		    "decimaler)", path);
	return int_value(v, path, out, e);
}

/* A number with at most two decimals, into hundredths (see calc.h). */
static int
centi_value(const json_t *v, const char *path, int64_t *out, struct err *e)
{
	int64_t	iv = 0;
	int	rc;

	if (json_is_integer(v)) {
		if ((rc = int_value(v, path, &iv, e)) != 0)
			return rc;
		*out = iv * 100;
		return 0;
	}
	switch (decimal_from_json(v, 2, CENTI_INPUT_MAX, out)) {
	case 0:
		return 0;
	case DECIMAL_NOT_NUMBER:
		return type_error(e, path, "et tal");
	case DECIMAL_TOO_LARGE:
		return err_set(e, ERR_INVALID, "number_too_large", path,
		    "Feltet %s er urimeligt stort", path);
	default:
		return err_set(e, ERR_INVALID, "too_many_decimals", path,
		    "Feltet %s må højst have to decimaler", path);
	}
}

/*
 * Read obj.key with fn into *out. An absent (or null) field is an error
 * when required; otherwise *out is left alone. *present (if not NULL)
 * says whether the field was there.
 */
static int
get_value(const json_t *obj, const char *key, const char *prefix,
    bool required, int (*fn)(const json_t *, const char *, int64_t *,
    struct err *), int64_t *out, bool *present, struct err *e)
{
	const json_t	*v = field(obj, key);
	char		 path[128];

	path_of(path, sizeof(path), prefix, key);
	if (present != NULL)
		*present = v != NULL;
	if (v == NULL)
		return required ? missing(e, path) : 0;
	return fn(v, path, out, e);
}

static int
get_int(const json_t *obj, const char *key, const char *prefix,
    bool required, int64_t *out, bool *present, struct err *e)
{
	return get_value(obj, key, prefix, required, int_value, out, present,
	    e);
}

static int
get_ore(const json_t *obj, const char *key, const char *prefix,
    bool required, int64_t *out, bool *present, struct err *e)
{
	return get_value(obj, key, prefix, required, ore_value, out, present,
	    e);
}

static int
get_centi(const json_t *obj, const char *key, const char *prefix,
    bool required, int64_t *out, bool *present, struct err *e)
{
	return get_value(obj, key, prefix, required, centi_value, out,
	    present, e);
}

/* A non-empty text field without control characters. */
static int
get_text(const json_t *obj, const char *key, bool required,
    const char **out, struct err *e)
{
	const json_t *v = field(obj, key);

	*out = NULL;
	if (v == NULL)
		return required ? missing(e, key) : 0;
	if (!json_is_string(v))
		return type_error(e, key, "en tekst");
	if (json_string_length(v) == 0 ||
	    json_string_length(v) > TEXT_INPUT_MAX ||
	    strlen(json_string_value(v)) != json_string_length(v) ||
	    text_has_controls(json_string_value(v)))
		return err_set(e, ERR_INVALID, "invalid_text", key,
		    "Feltet %s skal være en tekst på 1-%d tegn uden "
		    "kontroltegn", key, TEXT_INPUT_MAX);
	*out = json_string_value(v);
	return 0;
}

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

/*
 * The weights {code: integer ≥ 0, ...} of in into rows[0..*n). *copy
 * receives a copy of the object that owns the codes (json_decref it);
 * jansson iterates only a mutable object.
 */
static int
read_weights(const json_t *in, struct split_row *rows, size_t *n,
    json_t **copy, struct err *e)
{
	const json_t	*w;
	const char	*code;
	json_t		*v;
	char		 path[128];
	int		 rc = 0;

	*n = 0;
	*copy = NULL;
	if ((w = field(in, "weights")) == NULL)
		return missing(e, "weights");
	if (!json_is_object(w))
		return type_error(e, "weights", "et objekt med en vægt pr. "
		    "kode");
	if (json_object_size(w) > SPLIT_MAX_ROWS)
		return err_set(e, ERR_INVALID, "too_many_weights", "weights",
		    "Der kan højst fordeles mellem %d", SPLIT_MAX_ROWS);
	*copy = json_deep_copy(w);
	json_object_foreach(*copy, code, v) {
		path_of(path, sizeof(path), "weights", code);
		if (!json_is_integer(v)) {
			rc = type_error(e, path, "et heltal");
			break;
		}
		if ((rc = int_value(v, path, &rows[*n].weight, e)) != 0)
			break;
		if (strlen(code) == 0 || strlen(code) > 32 ||
		    text_has_controls(code)) {
			rc = err_set(e, ERR_INVALID, "invalid_code",
			    "weights", "En kode i weights skal være 1-32 "
			    "tegn uden kontroltegn");
			break;
		}
		rows[*n].code = code;
		rows[*n].amount_ore = 0;
		(*n)++;
	}
	if (rc != 0) {
		json_decref(*copy);
		*copy = NULL;
	}
	return rc;
}

/* The allocations of rows[0..n) as {code: øre, ...}. */
static json_t *
allocations_json(const struct split_row *rows, size_t n)
{
	json_t	*alloc = json_object();
	size_t	 i;

	for (i = 0; i < n; i++)
		json_object_set_new(alloc, rows[i].code,
		    json_integer(rows[i].amount_ore));
	return alloc;
}

/* split: a pool by integer weights keyed by organisation code. */
static int
calc_split(const json_t *in, json_t **out, struct err *e)
{
	static const char *const allowed[] = { "pool_ore", "unit_ore",
	    "weights", NULL };
	struct split_row	 rows[SPLIT_MAX_ROWS];
	json_t			*copy;
	int64_t			 pool = 0, unit = 100;
	size_t			 n = 0;
	int			 rc;

	if ((rc = check_fields(in, allowed, NULL, e)) != 0 ||
	    (rc = get_ore(in, "pool_ore", NULL, true, &pool, NULL, e)) != 0 ||
	    (rc = get_ore(in, "unit_ore", NULL, false, &unit, NULL, e)) != 0 ||
	    (rc = read_weights(in, rows, &n, &copy, e)) != 0)
		return rc;
	if ((rc = split_allocate(pool, unit, rows, n, e)) != 0) {
		json_decref(copy);
		return rc;
	}
	*out = json_pack("{s:o, s:I}", "allocations",
	    allocations_json(rows, n), "total_ore", (json_int_t)pool);
	json_decref(copy);
	return 0;
}

/*
 * post-adjustment: a secure institution's year settled against its
 * assumed occupancy, the difference shared by weights to the øre.
 */
static int
calc_post_adjustment(const json_t *in, json_t **out, struct err *e)
{
	static const char *const allowed[] = { "places", "day_basis",
	    "cost_ore", "assumed_occupancy_pct", "occupied_days",
	    "rounding_ore", "weights", NULL };
	struct split_row	 rows[SPLIT_MAX_ROWS];
	struct postadj_input	 pi;
	struct postadj_result	 pr;
	json_t			*copy, *o;
	size_t			 n = 0;
	int			 rc;

	memset(&pi, 0, sizeof(pi));
	pi.rounding_ore = 100;
	if ((rc = check_fields(in, allowed, NULL, e)) != 0 ||
	    (rc = get_centi(in, "places", NULL, true, &pi.places_centi, NULL,
	    e)) != 0 ||
	    (rc = get_int(in, "day_basis", NULL, true, &pi.day_basis, NULL,
	    e)) != 0 ||
	    (rc = get_ore(in, "cost_ore", NULL, true, &pi.cost_ore, NULL,
	    e)) != 0 ||
	    (rc = get_centi(in, "assumed_occupancy_pct", NULL, true,
	    &pi.assumed_bp, NULL, e)) != 0 ||
	    (rc = get_int(in, "occupied_days", NULL, true, &pi.occupied_days,
	    NULL, e)) != 0 ||
	    (rc = get_ore(in, "rounding_ore", NULL, false, &pi.rounding_ore,
	    NULL, e)) != 0 ||
	    (rc = postadj_compute(&pi, &pr, e)) != 0 ||
	    (rc = read_weights(in, rows, &n, &copy, e)) != 0)
		return rc;
	if ((rc = split_allocate(pr.difference_ore, 1, rows, n, e)) != 0) {
		json_decref(copy);
		return rc;
	}
	o = json_object();
	json_object_set_new(o, "tariff_exact_ore",
	    json_loads(pr.tariff_exact, JSON_DECODE_ANY, NULL));
	json_object_set_new(o, "tariff_ore", json_integer(pr.tariff_ore));
	json_object_set_new(o, "billed_ore", json_integer(pr.billed_ore));
	json_object_set_new(o, "difference_ore",
	    json_integer(pr.difference_ore));
	json_object_set_new(o, "allocations", allocations_json(rows, n));
	json_decref(copy);
	*out = o;
	return 0;
}

/* fixed-prices and analysis: the PL series of the input */

/* A percentage with at most four decimals, into ten-thousandths. */
static int
pct_e4_value(const json_t *v, const char *path, int64_t *out, struct err *e)
{
	if (json_is_integer(v)) {
		if (json_integer_value(v) < -100000 ||
		    json_integer_value(v) > 100000)
			goto range;
		*out = (int64_t)json_integer_value(v) * PL_PCT_SCALE;
		return 0;
	}
	switch (decimal_from_json(v, 4, 100000, out)) {
	case 0:
		return 0;
	case DECIMAL_NOT_NUMBER:
		return type_error(e, path, "et tal");
	case DECIMAL_TOO_LARGE:
		goto range;
	default:
		return err_set(e, ERR_INVALID, "too_many_decimals", path,
		    "Feltet %s må højst have fire decimaler", path);
	}
range:
	return err_set(e, ERR_INVALID, "pl_pct_range", path,
	    "Feltet %s skal ligge mellem −50 og 100 (procent)", path);
}

/* A year field between PL_YEAR_MIN and PL_YEAR_MAX. */
static int
get_pl_year(const json_t *in, const char *key, int *year, struct err *e)
{
	int64_t	v = 0;
	int	rc;

	if ((rc = get_int(in, key, NULL, true, &v, NULL, e)) != 0)
		return rc;
	if (v < PL_YEAR_MIN || v > PL_YEAR_MAX)
		return err_set(e, ERR_INVALID, "invalid_year", key,
		    "Feltet %s skal være et år mellem %d og %d", key,
		    PL_YEAR_MIN, PL_YEAR_MAX);
	*year = (int)v;
	return 0;
}

/*
 * The series of the input into ys[0..PL_YEARS_MAX): "pl_pct" {"2021":
 * 1.2, ...} or "series" NAME looked up through src, exactly one of them.
 */
static int
read_series(const struct calc_params *src, const json_t *in,
    struct pl_year *ys, size_t *n, struct err *e)
{
	const json_t	*pct = field(in, "pl_pct"), *v;
	const char	*name = NULL, *key;
	json_t		*copy;
	char		 path[96];
	int64_t		 year;
	int		 rc;

	*n = 0;
	if ((rc = get_text(in, "series", false, &name, e)) != 0)
		return rc;
	if ((pct == NULL) == (name == NULL))
		return err_set(e, ERR_INVALID, "missing_series", "pl_pct",
		    "Angiv enten pl_pct (ændring i procent pr. år) eller "
		    "series (navnet på en PL-serie)");
	if (name != NULL) {
		if (src == NULL || src->pl_series == NULL)
			return err_set(e, ERR_INVALID, "series_needs_db",
			    "series", "En navngiven PL-serie kræver en "
			    "database (brug --db)");
		if ((rc = src->pl_series(src->pl_arg, name, ys, PL_YEARS_MAX,
		    n, e)) != 0)
			return rc;
		return pl_check(ys, *n, e);
	}
	if (!json_is_object(pct))
		return type_error(e, "pl_pct", "et objekt med år som nøgler");
	if (json_object_size(pct) > PL_YEARS_MAX)
		return err_set(e, ERR_INVALID, "pl_too_many_years", "pl_pct",
		    "pl_pct har for mange år");
	copy = json_deep_copy(pct);
	json_object_foreach(copy, key, v) {
		snprintf(path, sizeof(path), "pl_pct.%.40s", key);
		if (text_parse_i64(key, &year) != 0 || year < PL_YEAR_MIN ||
		    year > PL_YEAR_MAX) {
			rc = err_set(e, ERR_INVALID, "invalid_year", path,
			    "Nøglerne i pl_pct skal være år mellem %d og %d",
			    PL_YEAR_MIN, PL_YEAR_MAX);
			break;
		}
		ys[*n].year = (int)year;
		if ((rc = pct_e4_value(v, path, &ys[*n].pct_e4, e)) != 0)
			break;
		(*n)++;
	}
	json_decref(copy);
	if (rc != 0)
		return rc;
	return pl_check(ys, *n, e);
}

/* An exact value rounded half-up to `decimals` as a JSON number. */
static json_t *
mpq_json(const mpq_t q, int decimals)
{
	json_t	*v;
	char	 txt[96];

	if (pl_mpq_str(q, decimals, txt, sizeof(txt)) != 0 ||
	    (v = json_loads(txt, JSON_DECODE_ANY, NULL)) == NULL)
		return json_null();
	return v;
}

/* A fraction (0.0286) as a percentage number with two decimals (2.86). */
static json_t *
fraction_pct_json(const mpq_t q)
{
	mpq_t	p;
	json_t	*v;

	mpq_init(p);
	mpq_set_ui(p, 100, 1);
	mpq_mul(p, p, q);
	v = mpq_json(p, 2);
	mpq_clear(p);
	return v;
}

static const char *const fixed_prices_fields[] = {
	"pl_pct", "series", "from_year", "to_year", "amount_ore", NULL
};

static int
calc_fixed_prices(const struct calc_params *src, const json_t *in,
    json_t **out, struct err *e)
{
	struct pl_year	ys[PL_YEARS_MAX];
	size_t		n;
	int64_t		amount = 0, restated = 0;
	bool		has_amount = false;
	mpq_t		f;
	json_t		*o;
	int		from = 0, to = 0, rc;

	if ((rc = check_fields(in, fixed_prices_fields, NULL, e)) != 0 ||
	    (rc = get_pl_year(in, "from_year", &from, e)) != 0 ||
	    (rc = get_pl_year(in, "to_year", &to, e)) != 0 ||
	    (rc = get_ore(in, "amount_ore", NULL, false, &amount, &has_amount,
	    e)) != 0 ||
	    (rc = read_series(src, in, ys, &n, e)) != 0)
		return rc;
	mpq_init(f);
	if ((rc = pl_factor(ys, n, from, to, f, e)) == 0 && has_amount)
		rc = pl_restate_ore(amount, f, &restated, e);
	if (rc == 0) {
		o = json_object();
		json_object_set_new(o, "factor", mpq_json(f, 10));
		if (has_amount)
			json_object_set_new(o, "amount_ore",
			    json_integer(restated));
		*out = o;
	}
	mpq_clear(f);
	return rc;
}

static const char *const analysis_fields[] = {
	"pl_pct", "series", "from_year", "to_year", "lines", NULL
};
static const char *const analysis_line_fields[] = {
	"id", "places", "tariff_from_ore", "tariff_to_ore", NULL
};

/* lines[] of the input into ls (n entries); ids point into in. */
static int
read_lines(const json_t *in, struct analysis_line *ls, size_t n,
    struct err *e)
{
	const json_t	*arr = field(in, "lines"), *l, *id;
	char		 prefix[48], path[96];
	size_t		 i;
	int		 rc;

	for (i = 0; i < n; i++) {
		l = json_array_get(arr, i);
		snprintf(prefix, sizeof(prefix), "lines[%zu]", i);
		if ((rc = check_fields(l, analysis_line_fields, prefix, e)) != 0)
			return rc;
		snprintf(path, sizeof(path), "%s.id", prefix);
		id = field(l, "id");
		if (id == NULL)
			return missing(e, path);
		if (!json_is_string(id) || json_string_length(id) == 0 ||
		    json_string_length(id) > TEXT_INPUT_MAX ||
		    strlen(json_string_value(id)) != json_string_length(id) ||
		    text_has_controls(json_string_value(id)))
			return err_set(e, ERR_INVALID, "invalid_text", path,
			    "Feltet %s skal være en tekst på 1-%d tegn uden "
			    "kontroltegn", path, TEXT_INPUT_MAX);
		ls[i].id = json_string_value(id);
		if ((rc = get_centi(l, "places", prefix, true, &ls[i].places_e2,
		    NULL, e)) != 0 ||
		    (rc = get_ore(l, "tariff_from_ore", prefix, true,
		    &ls[i].tariff_from_ore, NULL, e)) != 0 ||
		    (rc = get_ore(l, "tariff_to_ore", prefix, true,
		    &ls[i].tariff_to_ore, NULL, e)) != 0)
			return rc;
	}
	return 0;
}

#define CALC_LINES_MAX	10000	/* lines of one calculator analysis */

static int
calc_analysis(const struct calc_params *src, const json_t *in, json_t **out,
    struct err *e)
{
	struct pl_year			 ys[PL_YEARS_MAX];
	struct analysis_line		*ls = NULL;
	struct analysis_line_out	*lo = NULL;
	struct analysis_summary		 s;
	const json_t			*arr;
	size_t				 n, nl = 0, i;
	mpq_t				 f;
	json_t				*o, *lines, *l;
	int				 from = 0, to = 0, rc;

	if ((rc = check_fields(in, analysis_fields, NULL, e)) != 0 ||
	    (rc = get_pl_year(in, "from_year", &from, e)) != 0 ||
	    (rc = get_pl_year(in, "to_year", &to, e)) != 0)
		return rc;
	if ((arr = field(in, "lines")) == NULL)
		return missing(e, "lines");
	if (!json_is_array(arr))
		return type_error(e, "lines", "en liste");
	if ((nl = json_array_size(arr)) > CALC_LINES_MAX)
		return err_set(e, ERR_INVALID, "analysis_too_many", "lines",
		    "Analysen har for mange linjer (højst %d)", CALC_LINES_MAX);
	if ((rc = read_series(src, in, ys, &n, e)) != 0)
		return rc;
	if (nl > 0) {
		ls = calloc(nl, sizeof(*ls));
		lo = calloc(nl, sizeof(*lo));
		if (ls == NULL || lo == NULL) {
			free(ls);
			free(lo);
			return err_set(e, ERR_INTERNAL, "no_memory", NULL,
			    "Ikke nok hukommelse");
		}
	}
	mpq_init(f);
	analysis_init(lo, nl, &s);
	if ((rc = read_lines(in, ls, nl, e)) == 0 &&
	    (rc = pl_factor(ys, n, from, to, f, e)) == 0 &&
	    (rc = analysis_compute(ls, nl, f, lo, &s, e)) == 0) {
		o = json_object();
		lines = json_array();
		for (i = 0; i < nl; i++) {
			l = json_object();
			json_object_set_new(l, "id", json_string(ls[i].id));
			json_object_set_new(l, "real_change_pct",
			    fraction_pct_json(lo[i].real_change));
			json_array_append_new(lines, l);
		}
		json_object_set_new(o, "lines", lines);
		json_object_set_new(o, "unweighted_mean_pct",
		    fraction_pct_json(s.unweighted_mean));
		json_object_set_new(o, "weighted_mean_pct", s.weighted ?
		    fraction_pct_json(s.weighted_mean) : json_null());
		*out = o;
	}
	analysis_clear(lo, nl, &s);
	mpq_clear(f);
	free(ls);
	free(lo);
	return rc;
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
