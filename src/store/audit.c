/*
 * audit — the audit log (see audit.h).
 */
#include "core/role.h"
#include "store/audit.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/err.h"

int
audit_add(struct db *db, const struct principal *who, const char *at,
    const char *entity, const char *entity_id, const char *action,
    const char *before_json, const char *after_json, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "INSERT INTO audit (at, user_id, username, entity, "
	    "entity_id, action, before_json, after_json) "
	    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, at);
	if (who != NULL && who->user_id > 0)
		db_bind_i64(st, 2, who->user_id);
	else
		db_bind_null(st, 2);
	db_bind_text(st, 3, who != NULL && who->username ? who->username :
	    "system");
	db_bind_text(st, 4, entity);
	db_bind_text(st, 5, entity_id);
	db_bind_text(st, 6, action);
	db_bind_text(st, 7, before_json);
	db_bind_text(st, 8, after_json);
	return db_run(st, e);
}

int
audit_list(struct db *db, struct arena *a, const char *entity,
    const char *entity_id, int max, struct audit_entry **out, int *n,
    struct err *e)
{
	struct db_stmt		*st;
	struct audit_entry	*v;
	int			 rc, k = 0;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT id, at, username, entity, entity_id, action, "
	    "before_json, after_json FROM audit WHERE entity = $1 AND "
	    "entity_id = $2 ORDER BY id DESC LIMIT $3", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, entity);
	db_bind_text(st, 2, entity_id);
	db_bind_i64(st, 3, max);
	v = arena_calloc(a, (size_t)max, sizeof(*v));
	while ((rc = db_step(st, e)) == DB_ROW && k < max) {
		v[k].id = db_col_i64(st, 0);
		v[k].at = arena_strdup(a, db_col_text(st, 1));
		v[k].username = arena_strdup(a, db_col_text(st, 2));
		v[k].entity = arena_strdup(a, db_col_text(st, 3));
		v[k].entity_id = arena_strdup(a, db_col_text(st, 4));
		v[k].action = arena_strdup(a, db_col_text(st, 5));
		v[k].before_json = arena_strdup(a, db_col_text(st, 6));
		v[k].after_json = arena_strdup(a, db_col_text(st, 7));
		k++;
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}
