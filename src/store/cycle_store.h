/*
 * cycle_store — the stored rules of the annual cycle (table cycle_rule,
 * migration 013). Functions run inside the caller's transaction.
 */
#ifndef RAMME_CYCLE_STORE_H
#define RAMME_CYCLE_STORE_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct cycle_rule;
struct db;
struct err;

/* A stored rule with when and why it last changed. */
struct cycle_rule_row {
	struct cycle_rule	*rule;		/* in the arena */
	const char		*reason;	/* or NULL (a default) */
	const char		*updated_at;	/* ISO UTC */
};

/*
 * Every rule version, by kind then from_year, into a (at most
 * CYCLE_RULES_MAX). rules[i] and rows[i] describe the same rule.
 */
int	cycle_store_list(struct db *db, struct arena *a,
	    struct cycle_rule **rules, struct cycle_rule_row **rows,
	    size_t *n, struct err *e);
/* How many rule versions are stored. */
int	cycle_store_count(struct db *db, int64_t *n, struct err *e);
/*
 * Insert r (r->id 0) or replace the fields of rule r->id; *id receives
 * the id. ERR_CONFLICT when another version has the same kind and
 * from_year, ERR_NOT_FOUND for an unknown id.
 */
int	cycle_store_put(struct db *db, const struct cycle_rule *r,
	    const char *reason, const char *at, int64_t *id, struct err *e);

#endif
