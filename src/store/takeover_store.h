/*
 * takeover_store — municipalities' notices of taking over regional
 * offers, in the database. Functions run inside the caller's
 * transaction; the rules are in core/takeover and service/takeover.
 */
#ifndef RAMME_TAKEOVER_STORE_H
#define RAMME_TAKEOVER_STORE_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct err;

/* A notice of takeover and its effect. */
struct takeover {
	int64_t		 id;
	int64_t		 offer_id;
	const char	*offer_name;	/* read only */
	const char	*to_code;	/* the municipality taking over */
	const char	*to_name;	/* read only */
	const char	*from_code;	/* the region */
	const char	*from_name;	/* read only */
	const char	*notice_on;	/* ISO date of the notice */
	const char	*takeover_on;	/* ISO date it takes effect */
	const char	*applied_at;	/* ISO timestamp the register's
					   operator changed; "" until then */
	const char	*created_at;
	const char	*created_by;
};

/*
 * Takeovers, newest takeover date first; offer_id > 0 limits to one
 * offer, due (ISO date, or NULL) to those not applied taking effect on
 * or before it.
 */
int	takeover_store_list(struct db *db, struct arena *a, int64_t offer_id,
	    const char *due, struct takeover **out, size_t *n, struct err *e);
/* One takeover; ERR_NOT_FOUND. */
int	takeover_store_get(struct db *db, struct arena *a, int64_t id,
	    struct takeover *out, struct err *e);
/* Insert t; *id receives the new id. */
int	takeover_store_insert(struct db *db, const struct takeover *t,
	    const char *who, const char *at, int64_t *id, struct err *e);
/* Mark t applied at at. */
int	takeover_store_applied(struct db *db, int64_t id, const char *at,
	    struct err *e);

#endif
