/*
 * reduction — the check of a general tariff reduction per operator: the
 * agreement may require every operator to lower its tariffs by a
 * percentage against the year before (2 % for 2012, from the 2011
 * minutes), and the monitoring group documents who met it.
 *
 * An operator meets it when its tariffs, weighted by places, fell by at
 * least params general_reduction_bp; measured in current prices, or after
 * price and wage (PL) adjustment of last year's tariffs when params
 * reduction_fixed_prices says so. Pure: no I/O, no allocation.
 */
#ifndef RAMME_REDUCTION_H
#define RAMME_REDUCTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/money.h"

struct agreement_params;
struct err;

#define REDUCTION_OFFERS_MAX	10000		/* offers in one check */
#define REDUCTION_PL_MAX	INT64_C(1000000) /* parts of the PL factor */
#define REDUCTION_AMOUNT_MAX	INT64_C(400000000000000000) /* a tariff
					   × 366 days in hundredths of øre */

/* One offer's tariff in the year before and in the year checked. */
struct reduction_offer {
	const char	*operator_code;	/* driftsherre, borrowed */
	int64_t		 places_centi;	/* weight: places, hundredths, > 0 */
	int64_t		 prev_ore;	/* what is compared the year before,
					   > 0: the tariff, or the tariff on
					   a day basis (tariff × days, any
					   fixed scale), ≤ REDUCTION_AMOUNT_MAX */
	int64_t		 cur_ore;	/* the same in the year checked, ≥ 0 */
};

/* The verdict for one operator. */
struct reduction_operator {
	const char	*operator_code;	/* borrowed from the offers */
	size_t		 noffers;	/* offers of the operator */
	size_t		 noffers_met;	/* offers reduced enough on their own */
	int64_t		 change_bp;	/* place-weighted change, basis points,
					   half up (−215 = −2.15 %) */
	bool		 met;		/* the weighted change meets the
					   required reduction */
};

/*
 * Check offers[0..n) against p->general_reduction_bp. pl is the PL
 * factor from the year before to the year checked (e.g. 10292/10130);
 * it is required when p->reduction_fixed_prices is 1 and must be NULL
 * otherwise. One result per operator, in order of first appearance, goes
 * to out[0..max) and *nout. Returns 0, or ERR_INVALID (e filled) for a
 * missing operator code, non-positive places or previous tariff, a
 * negative tariff, a PL factor that is missing, unexpected or not in
 * (0, REDUCTION_PL_MAX], more than REDUCTION_OFFERS_MAX offers, or more
 * operators than max.
 */
int	reduction_check(const struct agreement_params *p,
	    const struct reduction_offer *offers, size_t n,
	    const struct ratio *pl, struct reduction_operator *out, size_t max,
	    size_t *nout, struct err *e);

#endif
