/*
 * startup_store — the start-up costs of offers (migration 029) in the
 * database. Functions run inside the caller's transaction; the rules are
 * in core/startup and service/startup.
 */
#ifndef RAMME_STARTUP_STORE_H
#define RAMME_STARTUP_STORE_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct err;

/* One start-up cost of an offer. */
struct startup_row {
	int64_t		 id;
	int64_t		 offer_id;
	const char	*offer_name;	/* read only */
	int64_t		 amount_ore;	/* total, øre, > 0 */
	int		 first_year;	/* first tariff year with a share */
	int		 years;		/* number of years, 1..10 */
	const char	*text;		/* what the costs cover */
	const char	*created_at;	/* ISO timestamp */
	const char	*created_by;	/* username */
};

/*
 * Start-up costs by offer, first year and id; offer_id > 0 limits to one
 * offer, year > 0 to the costs with a share in that tariff year.
 */
int	startup_store_list(struct db *db, struct arena *a, int64_t offer_id,
	    int year, struct startup_row **out, size_t *n, struct err *e);
/* Insert r; *id receives its id. */
int	startup_store_insert(struct db *db, const struct startup_row *r,
	    int64_t *id, struct err *e);

#endif
