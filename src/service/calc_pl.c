/*
 * calc_pl — the calculators of price-and-wage development: an amount in
 * fixed prices (core/pl) and a tariff analysis in fixed prices
 * (core/analysis), as JSON.
 */
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/analysis.h"
#include "core/decimal.h"
#include "core/money.h"
#include "core/pl.h"
#include "service/calc.h"
#include "service/calc_impl.h"
#include "util/err.h"
#include "util/text.h"

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

int
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

int
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

