/*
 * overhead — the premises part of an overhead as in KL's budget guide
 * (budget- og regnskabssystem 6-3): floor area times the yearly rent,
 * utilities and other operating costs per m². The secretariat's minutes
 * of early 2012: 30 m² × (850 + 250 + 200) kr. = 39.000 kr. a year.
 * Pure: no I/O, no allocation.
 */
#ifndef RAMME_OVERHEAD_H
#define RAMME_OVERHEAD_H

#include <stdint.h>

struct err;

#define OVERHEAD_AREA_MAX	10000000	/* m² × 100: 100.000 m² */

/* The rates of the premises, per m² a year. */
struct overhead_premises {
	int64_t	area_centi;	/* floor area in m² × 100, > 0 */
	int64_t	rent_ore;	/* husleje per m², ≥ 0 */
	int64_t	utilities_ore;	/* forbrugsafgifter per m², ≥ 0 */
	int64_t	other_ore;	/* øvrige driftsudgifter per m², ≥ 0 */
};

/*
 * The yearly cost of p in øre: area × (rent + utilities + other),
 * rounded half up to the øre once. Returns 0, or ERR_INVALID with e
 * naming the field and saying in Danish why (area ≤ 0 or too large, a
 * negative or unreasonably large rate).
 */
int	overhead_premises_cost(const struct overhead_premises *p,
	    int64_t *out_ore, struct err *e);

#endif
