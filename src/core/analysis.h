/*
 * analysis — the arithmetic of a tariff analysis in fixed prices (spec
 * §7.2, TV-14) and of a cap "PL − x %" (TV-15).
 *
 * A balanced panel of lines, each with places and a tariff in the from-
 * and the to-year, and the PL factor from the from-year to the to-year
 * (pl_factor). Per line: the from-tariff in to-year prices
 * (tariff_from × F) and the real change tariff_to / (tariff_from × F) − 1.
 * Over the panel: the unweighted mean of the real changes and the
 * expenditure-weighted mean Σ places × tariff_to / Σ places × tariff_from
 * × F − 1. Every value is an exact GMP rational; round only for display
 * (pl_mpq_str, analysis_pct_str).
 *
 * Pure: no I/O. GMP allocates internally; init and clear the result
 * structs with the functions below.
 */
#ifndef RAMME_ANALYSIS_H
#define RAMME_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <gmp.h>

struct err;

#define ANALYSIS_LINES_MAX	1000000		/* lines in one panel */
#define ANALYSIS_PLACES_MAX	INT64_C(100000000)	/* places_e2 bound
							   (1,000,000 places) */

/* One line of the panel (an offer's service line present in both years). */
struct analysis_line {
	const char	*id;		/* caller's key, for messages; not
					   copied, may be NULL */
	int64_t		 places_e2;	/* places in hundredths (10 places =
					   1000), 0..ANALYSIS_PLACES_MAX */
	int64_t		 tariff_from_ore; /* tariff of the from-year in its
					   own prices, > 0 */
	int64_t		 tariff_to_ore;	/* tariff of the to-year, ≥ 0 */
};

/* Per line results. */
struct analysis_line_out {
	mpq_t	from_fixed_ore;		/* tariff_from × F: øre in to-year
					   prices, unrounded */
	mpq_t	real_change;		/* tariff_to / from_fixed − 1, a
					   fraction (0.0286 = +2.86 %) */
};

/* Panel results. */
struct analysis_summary {
	size_t	n;			/* lines in the panel */
	mpq_t	unweighted_mean;	/* mean of real_change, a fraction */
	bool	weighted;		/* false when Σ places is 0: no
					   weighted mean */
	mpq_t	weighted_mean;		/* Σ w×to / Σ w×from×F − 1, a fraction
					   (0 when !weighted) */
	mpq_t	expenditure_from_ore;	/* Σ places × tariff_from × F, øre in
					   to-year prices (places as whole
					   places, unrounded) */
	mpq_t	expenditure_to_ore;	/* Σ places × tariff_to, øre */
};

/* mpq_init the n line results and the summary (either may be NULL/0). */
void	analysis_init(struct analysis_line_out *out, size_t n,
	    struct analysis_summary *s);
/* mpq_clear what analysis_init initialised. */
void	analysis_clear(struct analysis_line_out *out, size_t n,
	    struct analysis_summary *s);

/*
 * Compute the panel of lines[0..n) with factor F (> 0) into out[0..n)
 * and *s (initialised by analysis_init). Returns 0, or ERR_INVALID with
 * e filled: key "analysis_empty" ("Analysen har ingen linjer i begge
 * år") for n == 0; "analysis_zero_tariff" naming the line for a
 * from-tariff ≤ 0 (its real change is undefined); "analysis_tariff" for
 * a negative to-tariff; "analysis_places" for places out of range;
 * "analysis_factor" for F ≤ 0; "analysis_too_many" for n above
 * ANALYSIS_LINES_MAX. Field names follow the calculator: "lines[i].…".
 */
int	analysis_compute(const struct analysis_line *lines, size_t n,
	    const mpq_t factor, struct analysis_line_out *out,
	    struct analysis_summary *s, struct err *e);

/*
 * The cap "PL − x %" of TV-15: base_ore × F × (1 − minus_pct_e4 / 10^6)
 * (minus_pct_e4 in ten-thousandths of a percent, 2 % = 20000, 0..10^6)
 * into cap_ore (initialised by the caller; øre, unrounded). Returns 0,
 * or ERR_INVALID (e filled, key "analysis_cap") for a negative base,
 * F ≤ 0 or x outside 0..100 %.
 */
int	analysis_cap(int64_t base_ore, const mpq_t factor,
	    int64_t minus_pct_e4, mpq_t cap_ore, struct err *e);

/*
 * Whether value_ore keeps within cap_ore: true when value ≤ cap, exactly
 * (no rounding of the cap).
 */
bool	analysis_cap_met(int64_t value_ore, const mpq_t cap_ore);

/*
 * A fraction (0.0286) as a percentage string rounded half-up to
 * `decimals` decimals ("2.86"), as pl_mpq_str. Returns 0 or -1.
 */
int	analysis_pct_str(const mpq_t fraction, int decimals, char *out,
	    size_t n);

#endif
