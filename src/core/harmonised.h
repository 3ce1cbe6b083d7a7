/*
 * harmonised — the rule of a harmonised tariff: one tariff line shared
 * by several offers of one operator (decided in the minutes of October
 * 2011 for two offers of one operator). A group holds at least two
 * distinct offers, all run by the same operator. Pure: no I/O.
 */
#ifndef RAMME_HARMONISED_H
#define RAMME_HARMONISED_H

#include <stddef.h>
#include <stdint.h>

struct err;

#define HARMONISED_MIN_OFFERS	2	/* offers in a group, at least */
#define HARMONISED_NAME_MAX	200	/* bytes of a group's name */

/* One offer proposed for a group. */
struct harmonised_offer {
	int64_t		 id;		/* the offer */
	const char	*name;		/* its name, for messages */
	const char	*operator_code;	/* its operator; NULL if unknown */
};

/*
 * Check a proposed group: name (1..HARMONISED_NAME_MAX bytes), from_year
 * (2000..2100) and offers v[0..n-1]: at least HARMONISED_MIN_OFFERS
 * distinct offers, each with an operator, all the same operator. 0, or
 * ERR_INVALID with a Danish message: "harmonised_name", "harmonised_year",
 * "harmonised_too_few", "harmonised_duplicate", "harmonised_no_operator",
 * "harmonised_other_operator" (the offer of another operator is named).
 */
int	harmonised_check(const char *name, int from_year,
	    const struct harmonised_offer *v, size_t n, struct err *e);

#endif
