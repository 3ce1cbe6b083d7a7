/*
 * meeting_follow_up — the follow-ups of agenda items in the database
 * (the part of meeting_store.h that keeps them): who does what by when,
 * their status, the open and the overdue ones.
 */
#include <stdlib.h>
#include <string.h>

#include "core/meeting.h"
#include "store/db.h"
#include "store/meeting_store.h"
#include "util/arena.h"
#include "util/err.h"

#define FOLLOW_UP_COLS \
	"u.id, u.item_id, i.meeting_id, i.number, i.title, m.title," \
	" m.starts_at, u.text, u.owner, u.due_on, u.status, u.closed_at"

static void
read_follow_up(struct db_stmt *st, struct arena *a, struct follow_up *f)
{
	memset(f, 0, sizeof(*f));
	f->id = db_col_i64(st, 0);
	f->item_id = db_col_i64(st, 1);
	f->meeting_id = db_col_i64(st, 2);
	f->item_number = (int)db_col_i64(st, 3);
	f->item_title = db_col_dup(st, 4, a);
	f->meeting_title = db_col_dup(st, 5, a);
	f->meeting_starts = db_col_dup(st, 6, a);
	f->text = db_col_dup(st, 7, a);
	f->owner = db_col_dup(st, 8, a);
	f->due_on = db_col_dup(st, 9, a);
	f->status = db_col_dup(st, 10, a);
	f->closed_at = db_col_dup(st, 11, a);
}

/* Read all rows of st into a fresh array. */
static int
read_follow_ups(struct db_stmt *st, struct arena *a, struct follow_up **out,
    size_t *n, struct err *e)
{
	struct follow_up	*v = NULL;
	size_t			 cap = 0, k = 0;
	int			 rc;

	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		read_follow_up(st, a, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
meeting_store_follow_up_add(struct db *db, const struct follow_up *f,
    const char *at, int64_t *id, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "INSERT INTO follow_up (item_id, text, owner, due_on, "
	    "status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, "
	    "$6) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, f->item_id);
	db_bind_text(st, 2, f->text);
	db_bind_text(st, 3, f->owner);
	db_bind_text(st, 4, f->due_on);
	db_bind_text(st, 5, f->status ? f->status : "aaben");
	db_bind_text(st, 6, at);
	return db_run_id(st, id, e);
}

int
meeting_store_follow_up_set(struct db *db, int64_t id, const char *status,
    const char *at, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "UPDATE follow_up SET status = $2, closed_at = CASE "
	    "WHEN $2 = 'lukket' THEN COALESCE(closed_at, $3) END, "
	    "updated_at = $3 WHERE id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	db_bind_text(st, 2, status);
	db_bind_text(st, 3, at);
	return db_run_one(db, st, "Opfølgningen", e);
}

int
meeting_store_follow_up_get(struct db *db, struct arena *a, int64_t id,
    struct follow_up *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT " FOLLOW_UP_COLS " FROM follow_up u "
	    "JOIN agenda_item i ON i.id = u.item_id "
	    "JOIN meeting m ON m.id = i.meeting_id WHERE u.id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	if ((rc = db_step_one(st, "Opfølgningen", e)) != 0)
		return rc;
	read_follow_up(st, a, out);
	db_reset(st);
	return 0;
}

int
meeting_store_follow_ups(struct db *db, struct arena *a, int64_t meeting_id,
    bool include_closed, struct follow_up **out, size_t *n, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "SELECT " FOLLOW_UP_COLS " FROM follow_up u "
	    "JOIN agenda_item i ON i.id = u.item_id "
	    "JOIN meeting m ON m.id = i.meeting_id "
	    "WHERE i.meeting_id = $1 AND ($2 = 1 OR i.closed = 0) "
	    "ORDER BY i.number, u.id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, meeting_id);
	db_bind_i64(st, 2, include_closed);
	return read_follow_ups(st, a, out, n, e);
}

int
meeting_store_follow_ups_open(struct db *db, struct arena *a, int64_t body_id,
    const char *starts_at, int64_t exclude_meeting, bool public_only,
    struct follow_up **out, size_t *n, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "SELECT " FOLLOW_UP_COLS " FROM follow_up u "
	    "JOIN agenda_item i ON i.id = u.item_id "
	    "JOIN meeting m ON m.id = i.meeting_id "
	    "WHERE m.body_id = $1 AND u.status <> 'lukket' AND m.id <> $3 "
	    "AND ($2 IS NULL OR m.starts_at IS NULL OR m.starts_at < $2) "
	    "AND ($4 = 0 OR (i.closed = 0 AND m.state = 'referat_godkendt')) "
	    "ORDER BY u.due_on IS NULL, u.due_on, u.id LIMIT 500", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, body_id);
	db_bind_text(st, 2, starts_at);
	db_bind_i64(st, 3, exclude_meeting);
	db_bind_i64(st, 4, public_only);
	return read_follow_ups(st, a, out, n, e);
}

int
meeting_store_follow_ups_due(struct db *db, struct arena *a,
    const char *before_on, struct follow_up **out, size_t *n, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "SELECT " FOLLOW_UP_COLS " FROM follow_up u "
	    "JOIN agenda_item i ON i.id = u.item_id "
	    "JOIN meeting m ON m.id = i.meeting_id "
	    "WHERE u.status <> 'lukket' AND u.due_on IS NOT NULL "
	    "AND u.due_on <> '' AND u.due_on < $1 "
	    "ORDER BY u.due_on, u.id LIMIT 200", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, before_on);
	return read_follow_ups(st, a, out, n, e);
}
