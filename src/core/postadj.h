/*
 * postadj — the post-adjustment (efterregulering) of a secure institution
 * (spec §4.3, minutes March 2014): the day tariff is the cost over the
 * place-days at the year's assumed occupancy, rounded half-up to a
 * multiple of rounding_ore; after the year the municipalities have been
 * billed occupied days × tariff, and the difference cost − billed
 * (> 0 a deficit, < 0 a surplus to return) is shared among them by a key
 * (core/split, to the øre, keeping the sign).
 *
 * Pure: no I/O, no allocation. Messages are Danish, for the user.
 */
#ifndef RAMME_POSTADJ_H
#define RAMME_POSTADJ_H

#include <stdint.h>

struct err;

#define POSTADJ_COST_MAX	INT64_C(100000000000000) /* øre: 10^12 kr. */
#define POSTADJ_PLACES_MAX	INT64_C(10000000)	/* hundredths */

/* What a post-adjustment is computed from. */
struct postadj_input {
	int64_t	places_centi;	/* places, hundredths, > 0 */
	int64_t	day_basis;	/* days in the year, 1..366 */
	int64_t	cost_ore;	/* the year's cost, øre, 0..POSTADJ_COST_MAX */
	int64_t	assumed_bp;	/* assumed occupancy, basis points,
				   1..10000 (9000 = 90 %) */
	int64_t	occupied_days;	/* place-days occupied in the year, 0 up to
				   twice the place-days of the year */
	int64_t	rounding_ore;	/* the tariff is a multiple of this, 1..10000
				   (100 = whole kroner) */
};

/* The result; all amounts in øre. */
struct postadj_result {
	char	tariff_exact[48];	/* cost / budgeted place-days before
					   rounding, øre with 4 decimals */
	int64_t	tariff_ore;	/* day tariff, rounded half-up */
	int64_t	billed_ore;	/* occupied_days × tariff_ore */
	int64_t	difference_ore;	/* cost − billed: > 0 deficit, < 0
				   surplus */
};

/*
 * Compute *out from *in: tariff = cost × 10^6 / (places_centi ×
 * day_basis × assumed_bp) rounded half-up to rounding_ore, billed and
 * difference as above. Returns 0, or ERR_INVALID with e->field naming
 * the input field ("places", "day_basis", "cost_ore",
 * "assumed_occupancy_pct", "occupied_days", "rounding_ore") and a Danish
 * message; *out is then unchanged.
 */
int	postadj_compute(const struct postadj_input *in,
	    struct postadj_result *out, struct err *e);

/*
 * The actual occupancy of the year in basis points (hundredths of a
 * percent, 8.000 = 80 %): occupied_days × 10^6 / (places_centi ×
 * day_basis), rounded half-up; -1 when places_centi or day_basis is not
 * positive or occupied_days is negative.
 */
int64_t	postadj_actual_bp(int64_t occupied_days, int64_t places_centi,
	    int64_t day_basis);

#endif
