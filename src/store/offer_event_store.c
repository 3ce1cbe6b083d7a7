/*
 * offer_event_store — SQL of opt-outs and offers' events (see
 * offer_event_store.h).
 */
#include <string.h>

#include "store/db.h"
#include "store/offer_event_store.h"
#include "util/arena.h"
#include "util/err.h"

int
optout_store_list(struct db *db, struct arena *a, int64_t offer_id,
    const char *municipality, struct optout_row **out, size_t *n,
    struct err *e)
{
	struct db_stmt		*st;
	struct optout_row	*v = NULL, *r;
	size_t			 k = 0, cap = 0;
	int			 rc;

	st = db_prep(db, "SELECT s.id, s.offer_id, o.name, o.category, "
	    "s.municipality, s.kind, s.text, s.created_at, s.created_by "
	    "FROM offer_optout_step s JOIN offer o ON o.id = s.offer_id "
	    "WHERE ($1 = 0 OR s.offer_id = $1) AND ($2 IS NULL OR "
	    "s.municipality = $2) ORDER BY s.offer_id, s.municipality, s.id",
	    e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, offer_id > 0 ? offer_id : 0);
	db_bind_text(st, 2, municipality);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		r = &v[k++];
		r->id = db_col_i64(st, 0);
		r->offer_id = db_col_i64(st, 1);
		r->offer_name = db_col_dup(st, 2, a);
		r->category = db_col_dup(st, 3, a);
		r->municipality = db_col_dup(st, 4, a);
		r->kind = db_col_dup(st, 5, a);
		r->text = db_col_dup(st, 6, a);
		r->created_at = db_col_dup(st, 7, a);
		r->created_by = db_col_dup(st, 8, a);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
optout_store_insert(struct db *db, const struct optout_row *r, int64_t *id,
    struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "INSERT INTO offer_optout_step (offer_id, "
	    "municipality, kind, text, created_at, created_by) VALUES ($1, "
	    "$2, $3, $4, $5, $6) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, r->offer_id);
	db_bind_text(st, 2, r->municipality);
	db_bind_text(st, 3, r->kind);
	db_bind_text(st, 4, r->text);
	db_bind_text(st, 5, r->created_at);
	db_bind_text(st, 6, r->created_by);
	return db_run_id(st, id, e);
}

int
offer_event_store_list(struct db *db, struct arena *a, int64_t offer_id,
    const char *due, struct offer_event_row **out, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct offer_event_row	*v = NULL, *r;
	size_t			 k = 0, cap = 0;
	int			 rc;

	st = db_prep(db, "SELECT v.id, v.offer_id, o.name, v.kind, v.on_date, "
	    "v.from_operator, v.to_operator, v.from_status, v.to_status, "
	    "v.note, COALESCE(v.takeover_id, 0), v.applied_at, v.created_at, "
	    "v.created_by FROM offer_event v JOIN offer o ON o.id = v.offer_id "
	    "WHERE ($1 = 0 OR v.offer_id = $1) AND ($2 IS NULL OR "
	    "(v.applied_at = '' AND v.on_date <= $2)) "
	    "ORDER BY v.offer_id, v.on_date, v.id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, offer_id > 0 ? offer_id : 0);
	db_bind_text(st, 2, due);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		r = &v[k++];
		r->id = db_col_i64(st, 0);
		r->offer_id = db_col_i64(st, 1);
		r->offer_name = db_col_dup(st, 2, a);
		r->kind = db_col_dup(st, 3, a);
		r->on_date = db_col_dup(st, 4, a);
		r->from_operator = db_col_dup(st, 5, a);
		r->to_operator = db_col_dup(st, 6, a);
		r->from_status = db_col_dup(st, 7, a);
		r->to_status = db_col_dup(st, 8, a);
		r->note = db_col_dup(st, 9, a);
		r->takeover_id = db_col_i64(st, 10);
		r->applied_at = db_col_dup(st, 11, a);
		r->created_at = db_col_dup(st, 12, a);
		r->created_by = db_col_dup(st, 13, a);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
offer_event_store_insert(struct db *db, const struct offer_event_row *r,
    int64_t *id, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "INSERT INTO offer_event (offer_id, kind, on_date, "
	    "from_operator, to_operator, from_status, to_status, note, "
	    "takeover_id, created_at, created_by) VALUES ($1, $2, $3, $4, $5, "
	    "$6, $7, $8, $9, $10, $11) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, r->offer_id);
	db_bind_text(st, 2, r->kind);
	db_bind_text(st, 3, r->on_date);
	db_bind_text(st, 4, r->from_operator);
	db_bind_text(st, 5, r->to_operator);
	db_bind_text(st, 6, r->from_status);
	db_bind_text(st, 7, r->to_status);
	db_bind_text(st, 8, r->note != NULL ? r->note : "");
	if (r->takeover_id > 0)
		db_bind_i64(st, 9, r->takeover_id);
	else
		db_bind_null(st, 9);
	db_bind_text(st, 10, r->created_at);
	db_bind_text(st, 11, r->created_by);
	return db_run_id(st, id, e);
}

int
offer_event_store_applied(struct db *db, int64_t id, const char *at,
    struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "UPDATE offer_event SET applied_at = $2 WHERE id = $1 "
	    "AND applied_at = ''", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	db_bind_text(st, 2, at);
	return db_run_one(db, st, "Hændelsen", e);
}
