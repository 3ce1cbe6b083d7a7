/*
 * takeover_store — SQL of takeovers of regional offers (see
 * takeover_store.h).
 */
#include <string.h>

#include "store/db.h"
#include "store/takeover_store.h"
#include "util/arena.h"
#include "util/err.h"

#define COLS \
	"t.id, t.offer_id, o.name, t.to_code, tn.name, t.from_code, " \
	"fn.name, t.notice_on, t.takeover_on, t.applied_at, t.created_at, " \
	"t.created_by FROM takeover t JOIN offer o ON o.id = t.offer_id " \
	"JOIN organisation tn ON tn.code = t.to_code JOIN organisation fn " \
	"ON fn.code = t.from_code "

static void
row(struct db_stmt *st, struct arena *a, struct takeover *t)
{
	memset(t, 0, sizeof(*t));
	t->id = db_col_i64(st, 0);
	t->offer_id = db_col_i64(st, 1);
	t->offer_name = db_col_dup(st, 2, a);
	t->to_code = db_col_dup(st, 3, a);
	t->to_name = db_col_dup(st, 4, a);
	t->from_code = db_col_dup(st, 5, a);
	t->from_name = db_col_dup(st, 6, a);
	t->notice_on = db_col_dup(st, 7, a);
	t->takeover_on = db_col_dup(st, 8, a);
	t->applied_at = db_col_dup(st, 9, a);
	t->created_at = db_col_dup(st, 10, a);
	t->created_by = db_col_dup(st, 11, a);
}

int
takeover_store_list(struct db *db, struct arena *a, int64_t offer_id,
    const char *due, struct takeover **out, size_t *n, struct err *e)
{
	struct db_stmt	*st;
	struct takeover	*v = NULL;
	size_t		 k = 0, cap = 0;
	int		 rc;

	st = db_prep(db, "SELECT " COLS "WHERE ($1 = 0 OR t.offer_id = $1) "
	    "AND ($2 IS NULL OR (t.applied_at = '' AND t.takeover_on <= $2)) "
	    "ORDER BY t.takeover_on DESC, t.id DESC", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, offer_id > 0 ? offer_id : 0);
	if (due != NULL)
		db_bind_text(st, 2, due);
	else
		db_bind_text(st, 2, NULL);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		row(st, a, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
takeover_store_get(struct db *db, struct arena *a, int64_t id,
    struct takeover *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT " COLS "WHERE t.id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	if ((rc = db_step_one(st, "Overtagelsen", e)) != 0)
		return rc;
	row(st, a, out);
	db_reset(st);
	return 0;
}

int
takeover_store_insert(struct db *db, const struct takeover *t,
    const char *who, const char *at, int64_t *id, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "INSERT INTO takeover (offer_id, to_code, from_code, "
	    "notice_on, takeover_on, created_at, created_by) VALUES ($1, $2, "
	    "$3, $4, $5, $6, $7) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, t->offer_id);
	db_bind_text(st, 2, t->to_code);
	db_bind_text(st, 3, t->from_code);
	db_bind_text(st, 4, t->notice_on);
	db_bind_text(st, 5, t->takeover_on);
	db_bind_text(st, 6, at);
	db_bind_text(st, 7, who);
	return db_run_id(st, id, e);
}

int
takeover_store_applied(struct db *db, int64_t id, const char *at,
    struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "UPDATE takeover SET applied_at = $2 WHERE id = $1 "
	    "AND applied_at = ''", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	db_bind_text(st, 2, at);
	return db_run_one(db, st, "Overtagelsen", e);
}
