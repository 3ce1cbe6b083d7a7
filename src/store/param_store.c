/*
 * param_store — agreement parameter overrides (see param_store.h).
 */
#include <string.h>

#include "core/params.h"
#include "store/db.h"
#include "store/param_store.h"
#include "util/arena.h"
#include "util/err.h"

/*
 * The rows in force in year, of each key the latest onward row of an
 * earlier year first, the year's own (unless inherited_only) last.
 */
#define IN_FORCE \
	"SELECT year, onward, key, value, reason, updated_at FROM " \
	"agreement_param a WHERE (year = $1 AND $2 = 0) OR (onward = 1 AND " \
	"year < $1 AND year = (SELECT max(b.year) FROM agreement_param b " \
	"WHERE b.key = a.key AND b.onward = 1 AND b.year < $1)) " \
	"ORDER BY year, key"

static int
apply(struct db *db, int year, bool inherited_only,
    struct agreement_params *p, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	if ((st = db_prep(db, IN_FORCE, e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year);
	db_bind_i64(st, 2, inherited_only);
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (params_set(p, db_col_text(st, 2), db_col_i64(st, 3), e)
		    != 0) {
			db_reset(st);
			return ERR_INVALID;
		}
	}
	db_reset(st);
	return rc < 0 ? rc : 0;
}

int
param_store_apply(struct db *db, int year, struct agreement_params *p,
    struct err *e)
{
	return apply(db, year, false, p, e);
}

int
param_store_inherit(struct db *db, int year, struct agreement_params *p,
    struct err *e)
{
	return apply(db, year, true, p, e);
}

int
param_store_list(struct db *db, struct arena *a, int year,
    struct param_row **out, int *n, struct err *e)
{
	struct db_stmt		*st;
	struct param_row	*v;
	int			 rc, i, k = 0, cap = (int)params_count() * 2 + 8;

	if ((st = db_prep(db, IN_FORCE, e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year);
	db_bind_i64(st, 2, 0);
	v = arena_calloc(a, (size_t)cap, sizeof(*v));
	while ((rc = db_step(st, e)) == DB_ROW && k < cap) {
		/* The year's own row replaces an inherited one. */
		for (i = 0; i < k; i++)
			if (strcmp(v[i].key, db_col_text(st, 2)) == 0)
				break;
		v[i].year = (int)db_col_i64(st, 0);
		v[i].onward = db_col_i64(st, 1) != 0;
		v[i].key = arena_strdup(a, db_col_text(st, 2));
		v[i].value = db_col_i64(st, 3);
		v[i].reason = db_col_null(st, 4) ? NULL :
		    arena_strdup(a, db_col_text(st, 4));
		v[i].updated_at = arena_strdup(a, db_col_text(st, 5));
		if (i == k)
			k++;
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
param_store_put(struct db *db, int year, const char *key, int64_t value,
    bool onward, const char *reason, const char *at, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "INSERT INTO agreement_param (year, key, value, "
	    "reason, updated_at, onward) VALUES ($1, $2, $3, $4, $5, $6) ON "
	    "CONFLICT (year, key) DO UPDATE SET value = excluded.value, "
	    "reason = excluded.reason, updated_at = excluded.updated_at, "
	    "onward = excluded.onward", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year);
	db_bind_text(st, 2, key);
	db_bind_i64(st, 3, value);
	db_bind_text(st, 4, reason);
	db_bind_text(st, 5, at);
	db_bind_i64(st, 6, onward);
	return db_run(st, e);
}

int
param_store_delete(struct db *db, int year, const char *key, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "DELETE FROM agreement_param WHERE year = $1 AND "
	    "key = $2", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year);
	db_bind_text(st, 2, key);
	return db_run(st, e);
}
