/*
 * harmonised_store — harmonised tariff groups and their member offers,
 * in the database. Functions run inside the caller's transaction; the
 * rule is in core/harmonised, the roles in service/harmonised.
 */
#ifndef RAMME_HARMONISED_STORE_H
#define RAMME_HARMONISED_STORE_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct err;

/* One offer of a group. */
struct harmonised_member {
	int64_t		 offer_id;
	const char	*offer_name;	/* read only */
};

/* A harmonised tariff: one tariff line for several offers. */
struct harmonised {
	int64_t			 id;
	const char		*name;		/* the tariff line's name */
	int			 from_year;	/* first year it applies */
	const char		*operator_code;	/* the offers' operator */
	const char		*operator_name;	/* read only */
	struct harmonised_member *members;	/* by offer name */
	size_t			 nmembers;
	const char		*created_at;	/* ISO timestamp */
	const char		*created_by;	/* username */
};

/*
 * Groups with their members, by name; offer_id > 0 limits to the group
 * of that offer (zero or one).
 */
int	harmonised_store_list(struct db *db, struct arena *a, int64_t offer_id,
	    struct harmonised **out, size_t *n, struct err *e);
/*
 * Insert g (name, from_year, operator_code) with the offers
 * offer_ids[0..n-1]; *id receives the new group. ERR_CONFLICT (key
 * "harmonised_member") if an offer is already in a group.
 */
int	harmonised_store_insert(struct db *db, const struct harmonised *g,
	    const int64_t *offer_ids, size_t n, const char *who,
	    const char *at, int64_t *id, struct err *e);

#endif
