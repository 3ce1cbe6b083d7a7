/*
 * panel — the balanced panel of a tariff analysis built from the
 * published tariffs of two years, and its figures by group (spec §7.2).
 *
 * A line is an offer's service line: offer, paragraph, level and unit.
 * A line found in both years with the same places is in the panel; a
 * line found in both years with other places, and a line whose offer
 * has the same paragraph in the other year under another level or unit,
 * are structural breaks; a line of an offer absent from the other year
 * is a new or a closed offer; any other line is a new or a closed line.
 * Only panel lines enter the means.
 *
 * Cost per place per day is the cost base (takstgrundlag) divided by
 * places × days (days of the line, or 365 when it has none), so that an
 * occupancy change does not look like a cost change. The cap "PL − x %"
 * (TV-15) is checked on it with the from-year as base year.
 *
 * Pure: no I/O. Uses malloc for scratch space and GMP (core/analysis).
 */
#ifndef RAMME_PANEL_H
#define RAMME_PANEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <gmp.h>

#include "core/tariff.h"

struct err;

#define PANEL_NO_VALUE	INT64_MIN	/* a figure that cannot be had */

/* One published tariff of one year (the input). */
struct panel_row {
	int64_t		 offer_id;
	const char	*offer_name;
	const char	*operator_code;	/* or "" */
	const char	*operator_name;
	const char	*target_group;	/* the offer's first, or "" */
	const char	*paragraph;	/* "SEL § 107" */
	int64_t		 section;	/* 107, 0 if none */
	const char	*level;		/* "" if one level */
	enum tariff_unit unit;
	int64_t		 places_centi;	/* places, hundredths, > 0 */
	int64_t		 tariff_ore;	/* ≥ 0 */
	int64_t		 base_ore;	/* cost base of the line, or -1 */
	int64_t		 days;		/* opening days, 0 = 365 */
};

enum panel_kind {
	PANEL_IN = 0,		/* in the panel */
	PANEL_PLACES,		/* both years, places changed */
	PANEL_CHANGED,		/* unit or level changed */
	PANEL_NEW_LINE,		/* a new line of a continuing offer */
	PANEL_CLOSED_LINE,	/* a line that ended, the offer goes on */
	PANEL_NEW_OFFER,	/* the offer has no line in the from-year */
	PANEL_CLOSED_OFFER,	/* the offer has no line in the to-year */
	PANEL_KIND_COUNT
};

/* One line of the result: the rows of the two years and its figures. */
struct panel_line {
	enum panel_kind		 kind;
	const struct panel_row	*from;	/* NULL for a new line */
	const struct panel_row	*to;	/* NULL for a closed line */
	/* Figures of a PANEL_IN line (PANEL_NO_VALUE otherwise): */
	int64_t	from_fixed_ore;	/* from-tariff in the prices of the
				   price year, rounded half-up */
	int64_t	to_fixed_ore;	/* to-tariff in the prices of the price
				   year (the to-tariff itself when the
				   price year is the to-year) */
	int64_t	real_change_e2;	/* real change in hundredths of a
				   percent (286 = +2,86 %) */
	int64_t	real_change_e15; /* the real change as a fraction in units
				   of 10^-15, rounded half-up: what the
				   unweighted mean of a group adds up */
	int64_t	cpd_from_fixed_ore; /* cost per place per day of the from-
				   year in to-year prices, øre */
	int64_t	cpd_to_ore;	/* of the to-year, øre */
	int64_t	cap_ore;	/* the cap on cpd_to, øre, rounded */
	int	cap_met;	/* 1 met, 0 not, -1 no cap or no cost base */
};

/*
 * Figures of a group of panel lines (or of the whole panel). The
 * weighted mean and the expenditures are exact (sums of whole øre ×
 * places, times F); the unweighted mean is the mean of the lines' real
 * changes taken to 15 decimals (a sum of exact fractions would need a
 * common denominator of every tariff in the group), so its two shown
 * decimals are exact unless it lies within 10^-15 of a rounding edge.
 */
struct panel_group {
	const char	*key;		/* operator code, "107", target group
					   text, or "" for the total */
	const char	*label;		/* what a reader sees */
	size_t		 n;		/* panel lines */
	int64_t		 unweighted_e2;	/* hundredths of a percent */
	int64_t		 weighted_e2;	/* PANEL_NO_VALUE without places */
	int64_t		 exp_from_fixed_ore; /* Σ places × from-tariff in the
					   prices of the price year, rounded
					   (places as whole places) */
	int64_t		 exp_to_ore;	/* Σ places × to-tariff, current */
	int64_t		 exp_to_fixed_ore; /* the same in the prices of the
					   price year, rounded */
	size_t		 cap_n;		/* lines with a cap verdict */
	size_t		 cap_met_n;	/* of those, met */
	int		 target_met;	/* weighted ≤ −target: 1, 0, or -1
					   without a target */
};

enum panel_by {
	PANEL_BY_OPERATOR = 0,
	PANEL_BY_SECTION,
	PANEL_BY_TARGET,
	PANEL_BY_TOTAL
};

/* Danish label of a kind ("I panelet", "Nyt tilbud", …). */
const char	*panel_kind_label(enum panel_kind k);
/* Stable API name of a kind ("in", "new_offer", …). */
const char	*panel_kind_name(enum panel_kind k);
/* The kind of an API name; 0 or -1. */
int		 panel_kind_parse(const char *s, enum panel_kind *out);

/*
 * Match the rows of the from-year (from[0..nfrom)) and of the to-year
 * (to[0..nto)) into lines out[0..nfrom + nto) (*n set), in order of
 * offer, paragraph, level and unit. The row arrays are sorted in place.
 * Figures are left as PANEL_NO_VALUE (see panel_compute).
 */
void	panel_match(struct panel_row *from, size_t nfrom,
	    struct panel_row *to, size_t nto, struct panel_line *out,
	    size_t *n);

/*
 * The figures of every PANEL_IN line of v[0..n) with the PL factor F
 * from the from-year to the to-year, and the cap "PL − x %" with x =
 * cap_minus_e4 (ten-thousandths of a percent, -1 for no cap). The
 * tariffs in fixed prices are in the prices of the price year: price is
 * the PL factor from the to-year to it (NULL: the to-year itself). The
 * real change does not depend on the price year; the cost per place per
 * day and the cap stay in to-year prices (TV-15). The lines are
 * computed in 128-bit integers, exactly as in rationals (a line whose
 * numbers do not fit is computed with GMP). Returns 0,
 * or ERR_INVALID as analysis_compute (key "analysis_empty" when no line
 * is in the panel).
 */
int	panel_compute(struct panel_line *v, size_t n, const mpq_t factor,
	    const mpq_t price, int64_t cap_minus_e4, struct err *e);

/*
 * panel_compute in GMP rationals for every line: the reference the
 * unit tests compare panel_compute's integer arithmetic with.
 */
int	panel_compute_rational(struct panel_line *v, size_t n,
	    const mpq_t factor, const mpq_t price, int64_t cap_minus_e4,
	    struct err *e);

/*
 * The groups of the panel lines of v[0..n) (computed) by `by` into
 * out[0..n + 1) (*ngroups set), ordered by label; PANEL_BY_TOTAL gives
 * one group. target_e4 is the general reduction target in ten-
 * thousandths of a percent (2 % = 20000), -1 for none; price as in
 * panel_compute (the expenditures in fixed prices). Returns 0 or
 * ERR_INVALID as panel_compute, ERR_NOMEM.
 */
int	panel_groups(const struct panel_line *v, size_t n, const mpq_t factor,
	    const mpq_t price, enum panel_by by, int64_t target_e4, struct panel_group *out,
	    size_t *ngroups, struct err *e);

/*
 * Hundredths of a percent in Danish with a sign and two decimals:
 * "+2,86 %", "-1,18 %", "0,00 %"; "–" for PANEL_NO_VALUE.
 */
#define PANEL_PCT_SIZE	32
void	panel_pct_da(int64_t e2, char out[PANEL_PCT_SIZE]);

/* A fraction (0.0286) in hundredths of a percent, rounded half-up (286). */
int64_t	panel_pct_e2(const mpq_t fraction);

#endif
