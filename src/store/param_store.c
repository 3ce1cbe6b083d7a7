/*
 * param_store — agreement parameter overrides (see param_store.h).
 */
#include <string.h>

#include "core/params.h"
#include "store/db.h"
#include "store/param_store.h"
#include "util/arena.h"
#include "util/err.h"

int
param_store_apply(struct db *db, int year, struct agreement_params *p,
    struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT key, value FROM agreement_param WHERE "
	    "year = $1 ORDER BY key", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year);
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (params_set(p, db_col_text(st, 0), db_col_i64(st, 1), e)
		    != 0) {
			db_reset(st);
			return ERR_INVALID;
		}
	}
	db_reset(st);
	return rc < 0 ? rc : 0;
}

int
param_store_list(struct db *db, struct arena *a, int year,
    struct param_row **out, int *n, struct err *e)
{
	struct db_stmt		*st;
	struct param_row	*v;
	int			 rc, k = 0, cap = (int)params_count() + 8;

	st = db_prep(db, "SELECT key, value, reason, updated_at FROM "
	    "agreement_param WHERE year = $1 ORDER BY key", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year);
	v = arena_calloc(a, (size_t)cap, sizeof(*v));
	while ((rc = db_step(st, e)) == DB_ROW && k < cap) {
		v[k].key = arena_strdup(a, db_col_text(st, 0));
		v[k].value = db_col_i64(st, 1);
		v[k].reason = db_col_null(st, 2) ? NULL :
		    arena_strdup(a, db_col_text(st, 2));
		v[k].updated_at = arena_strdup(a, db_col_text(st, 3));
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
    const char *reason, const char *at, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "INSERT INTO agreement_param (year, key, value, "
	    "reason, updated_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT "
	    "(year, key) DO UPDATE SET value = excluded.value, reason = "
	    "excluded.reason, updated_at = excluded.updated_at", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year);
	db_bind_text(st, 2, key);
	db_bind_i64(st, 3, value);
	db_bind_text(st, 4, reason);
	db_bind_text(st, 5, at);
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
