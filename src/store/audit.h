/*
 * audit — the audit log: who changed what, when, with the old and new
 * values as JSON. Written in the same transaction as the change.
 */
#ifndef RAMME_AUDIT_H
#define RAMME_AUDIT_H

#include <stdint.h>

struct arena;
struct db;
struct err;
struct principal;

struct audit_entry {
	int64_t		 id;
	const char	*at;		/* ISO timestamp */
	const char	*username;
	const char	*entity;	/* "offer", "user", ... */
	const char	*entity_id;
	const char	*action;	/* "create", "update", "delete", ... */
	const char	*before_json;	/* NULL for create */
	const char	*after_json;	/* NULL for delete */
};

/*
 * Record one change by who at time at (ISO). before/after are JSON texts
 * or NULL. Must run inside the caller's write transaction.
 */
int	audit_add(struct db *db, const struct principal *who, const char *at,
	    const char *entity, const char *entity_id, const char *action,
	    const char *before_json, const char *after_json, struct err *e);
/*
 * The history of one entity, newest first, at most max entries, copied
 * into arena a. Returns 0 or a negative code.
 */
int	audit_list(struct db *db, struct arena *a, const char *entity,
	    const char *entity_id, int max, struct audit_entry **out,
	    int *n, struct err *e);

#endif
