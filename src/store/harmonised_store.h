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
struct round_line_row;
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
	int			 to_year;	/* last year it applies (the
						   group was dissolved from the
						   year after), 0 while open */
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

/*
 * The first offer of offer_ids[0..n-1] that has a submission with lines
 * in a round of year from_year or later: *offer_id receives it (0 for
 * none) and *round_title (if not NULL) that round's title.
 */
int	harmonised_store_lines_from(struct db *db, struct arena *a,
	    const int64_t *offer_ids, size_t n, int from_year,
	    int64_t *offer_id, const char **round_title, struct err *e);
/* How many rounds of year from_year or later hold group id's submission. */
int	harmonised_store_rounds_from(struct db *db, int64_t id, int from_year,
	    int64_t *n, struct err *e);
/*
 * The name of the group of offer_id that applies in year and already
 * has its submission in round round_id (*name NULL when there is none).
 */
int	harmonised_store_reported(struct db *db, struct arena *a,
	    int64_t round_id, int year, int64_t offer_id, const char **name,
	    struct err *e);
/* Set the last year of group id (dissolved from to_year + 1). */
int	harmonised_store_set_to_year(struct db *db, int64_t id, int to_year,
	    struct err *e);
/*
 * The lines of the group submission sub_id's other members, for its
 * first pre-fill: for each member offer other than the submission's own
 * (by offer id), the lines of its latest submission with lines in a
 * round before the submission's round, unless that submission is a
 * group's. Rows in member order, each member's by position, with the
 * member's offer id and kind; (*years)[i] is row i's round year.
 */
int	harmonised_store_member_lines(struct db *db, struct arena *a,
	    int64_t sub_id, struct round_line_row **out, int **years,
	    size_t *n, struct err *e);

#endif
