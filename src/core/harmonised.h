/*
 * harmonised — the rule of a harmonised tariff: one tariff line shared
 * by several offers of one operator (decided in the minutes of October
 * 2011 for two offers of one operator). A group holds at least two
 * distinct offers, all run by the same operator. Pure: no I/O.
 */
#ifndef RAMME_HARMONISED_H
#define RAMME_HARMONISED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct err;
struct service_line;

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

/*
 * The group's one line set from its members' lines v[0..n-1] (each
 * member's lines in turn, the first member's first): lines of the same
 * paragraph, level, unit and referral dates become one line whose
 * places, costs, income and carry-over are the members' sums, whose
 * budgeted occupancy (and each known history year) is the mean weighted
 * by places (rounded half up; a history year unknown for one member is
 * unknown for the group), and whose other fields (days, month days,
 * hours per place) are the first member's. out (room for n
 * lines) receives the merged lines in order of first appearance,
 * numbered 1..*nout, without computed fields or reasons; strings are
 * borrowed from v.
 */
void	harmonised_merge_lines(const struct service_line *v, size_t n,
	    struct service_line *out, size_t *nout);

#endif
