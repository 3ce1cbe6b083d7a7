/*
 * calc — the tariff, surplus, occupancy, fixed-price and analysis
 * calculators, JSON in and JSON out. `ramme calc …` and POST
 * /api/v1/calc/… both call these, so they accept and answer exactly the
 * same. No I/O, no database: the rules are in core/ (tariff, surplus,
 * occupancy, pl, analysis); the parameters of the year come from
 * params_defaults() or from the caller's lookup, a named PL series from
 * the caller's pl_series lookup.
 *
 * Number rules for input:
 *   *_ore fields are integers (øre); a number with a fraction or an
 *   exponent is refused, even 100.0.
 *   places, occupancy_pct, hours and overhead_pct may have at most two
 *   decimals. jansson has already turned such a number into a double;
 *   it is printed back with "%.10g" (values are bounded below 10^8, so
 *   this reproduces the decimal text for up to two decimals) and the
 *   text is parsed exactly into hundredths by text_parse_centi(). More
 *   than two non-zero decimals are refused, never rounded.
 *   Unknown fields, wrong types and null for a required field are
 *   refused. null for an optional field means absent.
 *
 * tariff
 *   in:  year, unit ("day"|"month"|"hour"|"year"), places, occupancy_pct,
 *        costs_ore {wages, property, other, overhead, capital, pension}
 *        (each optional, default 0); optional: days (opening days, default
 *        the year's day basis), month_days (28–31, month tariffs when
 *        they are day tariff × days in month), hours (unit hour: budgeted
 *        hours per place a year), overhead_pct with optional
 *        overhead_base_ore (instead of costs_ore.overhead), income_ore
 *        (non-tariff income, default 0), carry_over_ore (surplus < 0 or
 *        deficit > 0 entering this year, default 0).
 *   out: year, unit, tariff_base_ore, overhead_ore, days, place_days,
 *        tariff_exact_ore (number, 4 decimals), tariff_ore (rounded),
 *        rounding {unit_ore, mode}.
 * surplus
 *   in:  year, tariff_base_ore, revenue_ore, costs_ore; optional:
 *        setaside_ore (default the most allowed; signed like the result
 *        under the carryover rule), deficit_covered_ore, rule
 *        ("setaside"|"carryover", default the year's).
 *   out: year, rule, result_ore, ceiling_ore, setaside_ore,
 *        deficit_covered_ore, to_tariff_ore (< 0 lowers the tariff base
 *        of tariff_year, > 0 raises it), tariff_year,
 *        setaside_expires_year (null when nothing is kept).
 * occupancy
 *   in:  offer_kind ("ordinary"|"short_stay"|"secure_institution": the
 *        year's assumed occupancy, no band), occupancy_pct (array, one
 *        per closed year, normally two); optional: year (tariff year, to
 *        pick its parameters and name the source years), das_approval
 *        (reference of a DAS approval of a deviation).
 *   out: budget_occupancy_pct, budget_occupancy_exact_pct, status
 *        ("ok"|"warning"|"rejected"), messages (Danish), band {min_pct,
 *        max_pct, recommended_max_pct}, source_years (with year).
 * split
 *   in:  pool_ore (a multiple of unit_ore; a negative pool keeps its sign
 *        and every share is negated), weights {code: integer ≥ 0, ...}
 *        with a positive sum; optional unit_ore (default 100, whole
 *        kroner).
 *   out: allocations {code: øre, ...} in the order of weights (largest
 *        remainder, ties to the larger weight then the lower code; see
 *        core/split), total_ore (= pool_ore).
 * post-adjustment (a secure institution's year, core/postadj)
 *   in:  places, day_basis (days in the year), cost_ore (the year's
 *        cost), assumed_occupancy_pct, occupied_days (place-days),
 *        weights {code: integer ≥ 0, ...} with a positive sum; optional
 *        rounding_ore (the tariff a multiple of it, default 100).
 *   out: tariff_exact_ore (4 decimals), tariff_ore (rounded half-up),
 *        billed_ore (= occupied_days × tariff_ore), difference_ore
 *        (cost − billed; < 0 a surplus to return), allocations {code:
 *        øre, ...} (the difference by largest remainder to the øre,
 *        with its sign).
 *
 * fixed-prices
 *   in:  from_year, to_year, the series: either pl_pct {"2021": 1.2, ...}
 *        (% change per year, at most four decimals, −50..100) or series
 *        (name of a stored series, its current version; needs a
 *        pl_series lookup); optional amount_ore (in from-year prices).
 *   out: factor (from_year → to_year, the product of 1 + pct/100 for the
 *        years after from_year up to to_year, inverse backwards; 10
 *        decimals half-up), amount_ore (restated, half-up to the øre
 *        once; only when amount_ore was given).
 * analysis
 *   in:  from_year, to_year, pl_pct or series (as fixed-prices), lines
 *        [{id (text), places (two decimals), tariff_from_ore (> 0),
 *        tariff_to_ore}] (1..10,000 lines).
 *   out: lines [{id, real_change_pct}], unweighted_mean_pct,
 *        weighted_mean_pct (weight places × from-tariff in fixed prices;
 *        null when no line has places), every percentage rounded half-up
 *        to two decimals from the exact value.
 *
 * Exact values are JSON reals: dump with CALC_DUMP_FLAGS (15 significant
 * digits) so 228310.5023 does not print as 228310.50229999999.
 */
#ifndef RAMME_CALC_H
#define RAMME_CALC_H

#include <stddef.h>

#include <jansson.h>

#include "core/decimal.h"

struct agreement_params;
struct err;
struct pl_year;

#define CALC_DUMP_FLAGS		DECIMAL_JSON_FLAGS

/* Where the parameters of an agreement year come from. */
struct calc_params {
	/*
	 * Fill *out with the parameters of agreement year `year` (already
	 * checked to be PARAMS_YEAR_MIN..PARAMS_YEAR_MAX). Returns 0 or a
	 * negative enum err_code with e filled.
	 */
	int	(*lookup)(void *arg, int year, struct agreement_params *out,
		    struct err *e);
	void	*arg;
	/*
	 * Fill out[0..max) with the years of the current version of the
	 * PL series `name` (*n set). Returns 0, ERR_NOT_FOUND with a Danish
	 * message for an unknown series, or another negative enum
	 * err_code. NULL: a named series is refused (ERR_INVALID).
	 */
	int	(*pl_series)(void *arg, const char *name, struct pl_year *out,
		    size_t max, size_t *n, struct err *e);
	void	*pl_arg;
};

/*
 * Run the calculator `name` ("tariff", "surplus", "occupancy",
 * "fixed-prices", "analysis", "split", "post-adjustment") on the
 * JSON object in, with parameters from src (NULL: the spec's defaults
 * for the year). On success *out is a new object the caller owns
 * (json_decref) and 0 is returned. On failure *out is NULL and the
 * return is ERR_NOT_FOUND for an unknown name, ERR_INVALID for bad input
 * (e->field names the field, e.g. "costs_ore.wages" or
 * "occupancy_pct[1]", e->msg says what is wrong in Danish), ERR_INTERNAL
 * if the looked-up parameters are inconsistent, or the lookup's error.
 */
int	calc_json(const char *name, const struct calc_params *src,
	    const json_t *in, json_t **out, struct err *e);
/* calc_json("tariff", NULL, ...). */
int	calc_tariff_json(const json_t *in, json_t **out, struct err *e);
/* calc_json("surplus", NULL, ...). */
int	calc_surplus_json(const json_t *in, json_t **out, struct err *e);
/* calc_json("occupancy", NULL, ...). */
int	calc_occupancy_json(const json_t *in, json_t **out, struct err *e);

#endif
