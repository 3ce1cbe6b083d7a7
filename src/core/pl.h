/*
 * pl — price-and-wage series (pris- og lønudvikling) and exact
 * fixed-price restatement (spec §7.2, §7.3, TV-13).
 *
 * A series is a yearly % change per year. The factor from year a to
 * year b is the product of (1 + pct/100) for the years a+1 … b, kept
 * exact and unrounded as a GMP rational (mpq_t); b < a gives the
 * inverse, a == b gives 1. Money is rounded half-up (away from zero) to
 * the øre once, at the end. Percentages are in ten-thousandths of a
 * percent ("pct_e4": 1.53 % = 15300), so four decimals are exact.
 *
 * Pure: no I/O. GMP allocates internally; every mpq_t a caller passes
 * must be initialised (mpq_init) and is cleared by the caller.
 */
#ifndef RAMME_PL_H
#define RAMME_PL_H

#include <stddef.h>
#include <stdint.h>

#include <gmp.h>

struct err;

#define PL_PCT_SCALE	10000			/* pct_e4 of 1 % */
#define PL_PCT_MIN	(-50 * PL_PCT_SCALE)	/* −50 % */
#define PL_PCT_MAX	(100 * PL_PCT_SCALE)	/* +100 % */
#define PL_YEAR_MIN	1900
#define PL_YEAR_MAX	2200
#define PL_YEARS_MAX	(PL_YEAR_MAX - PL_YEAR_MIN + 1)	/* years in one series */

/* One year of a series. */
struct pl_year {
	int	year;		/* PL_YEAR_MIN..PL_YEAR_MAX */
	int64_t	pct_e4;		/* change from the year before, in
				   ten-thousandths of a percent (1.53 % =
				   15300), PL_PCT_MIN..PL_PCT_MAX */
};

/* One point of an index series (pl_index). */
struct pl_index_point {
	int	year;
	int64_t	index_e4;	/* index × 10000, rounded half-up (base
				   year = 1000000, i.e. 100.0000) */
};

/*
 * Parse a percentage as typed: optional sign, digits, optional '.' or
 * ',' and at most four decimals ("1.53", "-0,5", "4"), surrounding
 * white space allowed, into *pct_e4. The range is not checked here.
 * Returns 0, or ERR_INVALID for anything else (more decimals are
 * refused, never rounded).
 */
int	pl_pct_parse(const char *s, int64_t *pct_e4);

/*
 * pct_e4 as a decimal string with the decimals it needs ("1.53", "-0.5",
 * "4"), '.' as the decimal mark. Writes at most n bytes (n ≥ 24 always
 * suffices). Returns 0, or -1 if out is too small.
 */
int	pl_pct_str(int64_t pct_e4, char *out, size_t n);

/*
 * Check a series: n ≤ PL_YEARS_MAX, every year in range and found once,
 * every pct_e4 within PL_PCT_MIN..PL_PCT_MAX. Gaps are allowed (a factor
 * across a gap fails in pl_factor). Returns 0, or ERR_INVALID with a
 * Danish message naming the year (field "year" or "pct_change").
 */
int	pl_check(const struct pl_year *ys, size_t n, struct err *e);

/*
 * The factor from year `from` to year `to` into out (initialised by the
 * caller): the product of (1 + pct/100) for the years from+1 … to when
 * from < to, its inverse when from > to, 1 when equal. ys in any order.
 * Returns 0, or ERR_INVALID with e naming the first missing year
 * ("PL-serien mangler 2021", key "pl_year_missing", field "year"), or
 * for a year out of range or a series failing pl_check.
 */
int	pl_factor(const struct pl_year *ys, size_t n, int from, int to,
	    mpq_t out, struct err *e);

/*
 * q rounded half-up (halves away from zero) to a multiple of unit
 * (unit ≥ 1, same unit as q) into *out. Returns 0, or ERR_INVALID if
 * unit < 1 or the result does not fit int64_t.
 */
int	pl_round(const mpq_t q, int64_t unit, int64_t *out);

/*
 * amount_ore × factor rounded half-up to the øre into *out. Returns 0,
 * or ERR_INVALID (e filled, key "amount_too_large") on overflow.
 */
int	pl_restate_ore(int64_t amount_ore, const mpq_t factor, int64_t *out,
	    struct err *e);

/*
 * Restate amount_ore from prices of year `from` into prices of year `to`
 * with series ys: pl_factor then pl_restate_ore. factor_out (may be
 * NULL; initialised by the caller) receives the exact factor.
 * Returns 0 or ERR_INVALID as those two.
 */
int	pl_restate(const struct pl_year *ys, size_t n, int from, int to,
	    int64_t amount_ore, mpq_t factor_out, int64_t *out,
	    struct err *e);

/*
 * q as a decimal string with exactly `decimals` decimals (0..30),
 * rounded half-up (away from zero) at the last one, '.' as the decimal
 * mark, '-' for negatives, no "-0" ("2.86", "1.125180056", "-1.18").
 * Writes at most n bytes including the NUL. Returns 0, or -1 if
 * decimals is out of range or out is too small.
 */
int	pl_mpq_str(const mpq_t q, int decimals, char *out, size_t n);

/*
 * The index of the series with base_year = 100, for every year of ys
 * whose factor from base_year is defined, in increasing year order, into
 * pts[0..maxpts) (*npts set). Years cut off from the base by a gap are
 * left out. Returns 0, or ERR_INVALID if the series fails pl_check,
 * base_year is not a year of ys, or more than maxpts points result.
 */
int	pl_index(const struct pl_year *ys, size_t n, int base_year,
	    struct pl_index_point *pts, size_t maxpts, size_t *npts,
	    struct err *e);

#endif
