/*
 * meeting_store — meetings, items, attachments and follow-ups in the
 * database (see meeting_store.h; attachments, follow-ups and the search
 * index are in meeting_attachment.c, meeting_follow_up.c and
 * meeting_search.c).
 */
#include <stdlib.h>
#include <string.h>

#include "core/meeting.h"
#include "store/db.h"
#include "store/meeting_store.h"
#include "store/meeting_store_impl.h"
#include "util/arena.h"
#include "util/err.h"

/* The order of the sections, for numbering. */
#define SECTION_ORDER(t) \
	"CASE " t ".section WHEN 'indledning' THEN 0 WHEN 'behandling' " \
	"THEN 1 WHEN 'efterretning' THEN 2 WHEN 'orientering' THEN 3 " \
	"WHEN 'lukket' THEN 4 ELSE 5 END"

/* ---- meetings ------------------------------------------------------ */

#define MEETING_COLS \
	"m.id, m.version, m.body_id, b.name, b.key, m.title, m.starts_at," \
	" m.ends_at, m.place, m.room, m.participants_note, m.referent," \
	" m.case_no, m.doc_no, m.state, m.agenda_published_at," \
	" m.minutes_circulated_at, m.minutes_approved_at," \
	" m.approved_by_item, m.approved_early, m.approval_note," \
	" m.source_name, m.source_fingerprint, m.unplaced, m.created_at," \
	" m.updated_at"

static void
read_meeting(struct db_stmt *st, struct arena *a, struct meeting *m)
{
	memset(m, 0, sizeof(*m));
	m->id = db_col_i64(st, 0);
	m->version = db_col_i64(st, 1);
	m->body_id = db_col_i64(st, 2);
	m->body_name = db_col_dup(st, 3, a);
	m->body_key = db_col_dup(st, 4, a);
	m->title = db_col_dup(st, 5, a);
	m->starts_at = db_col_dup(st, 6, a);
	m->ends_at = db_col_dup(st, 7, a);
	m->place = db_col_dup(st, 8, a);
	m->room = db_col_dup(st, 9, a);
	m->participants_note = db_col_dup(st, 10, a);
	m->referent = db_col_dup(st, 11, a);
	m->case_no = db_col_dup(st, 12, a);
	m->doc_no = db_col_dup(st, 13, a);
	if (meeting_state_parse(db_col_text(st, 14), &m->state) != 0)
		m->state = MEETING_PLANLAGT;
	m->agenda_published_at = db_col_dup(st, 15, a);
	m->minutes_circulated_at = db_col_dup(st, 16, a);
	m->minutes_approved_at = db_col_dup(st, 17, a);
	m->approved_by_item = db_col_i64(st, 18);
	m->approved_early = db_col_i64(st, 19) != 0;
	m->approval_note = db_col_dup(st, 20, a);
	m->source_name = db_col_dup(st, 21, a);
	m->source_fingerprint = db_col_dup(st, 22, a);
	m->unplaced = db_col_dup(st, 23, a);
	m->created_at = db_col_dup(st, 24, a);
	m->updated_at = db_col_dup(st, 25, a);
}

int
meeting_store_get(struct db *db, struct arena *a, int64_t id,
    struct meeting *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT " MEETING_COLS " FROM meeting m JOIN body b "
	    "ON b.id = m.body_id WHERE m.id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	if ((rc = db_step_one(st, "Mødet", e)) != 0)
		return rc;
	read_meeting(st, a, out);
	db_reset(st);
	return 0;
}

int
meeting_store_list(struct db *db, struct arena *a,
    const struct meeting_filter *f, struct meeting **out, size_t *n,
    struct err *e)
{
	struct db_stmt	*st;
	struct meeting	*v = NULL;
	size_t		 cap = 0, k = 0;
	int		 rc;

	st = db_prep(db, "SELECT " MEETING_COLS " FROM meeting m JOIN body b "
	    "ON b.id = m.body_id WHERE ($1 = 0 OR m.body_id = $1) "
	    "AND ($2 = 0 OR " MEETING_YEAR_SQL("m.starts_at") " = $2) "
	    "AND ($3 = 0 OR m.state <> 'planlagt') "
	    "ORDER BY m.starts_at IS NULL, m.starts_at DESC, m.id DESC "
	    "LIMIT $4", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, f->body_id);
	db_bind_i64(st, 2, f->year);
	db_bind_i64(st, 3, f->public_only);
	db_bind_i64(st, 4, f->limit > 0 ? f->limit : 1000);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		read_meeting(st, a, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
meeting_store_years(struct db *db, struct arena *a, bool public_only,
    int **out, size_t *n, struct err *e)
{
	struct db_stmt	*st;
	int		*v;
	size_t		 k = 0;
	int		 rc;

	st = db_prep(db, "SELECT DISTINCT " MEETING_YEAR_SQL("starts_at")
	    " AS y FROM meeting WHERE starts_at IS NOT NULL AND "
	    "($1 = 0 OR state <> 'planlagt') ORDER BY y DESC LIMIT 300", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, public_only);
	v = arena_calloc(a, 300, sizeof(*v));
	while ((rc = db_step(st, e)) == DB_ROW)
		if ((v[k] = (int)db_col_i64(st, 0)) > 0)	/* 0: no year */
			k++;
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
meeting_store_incomplete(struct db *db, struct arena *a,
    struct meeting_incomplete **out, size_t *n, struct err *e)
{
	struct db_stmt			*st;
	struct meeting_incomplete	*v;
	size_t				 k = 0;
	int				 rc;

	st = db_prep(db, "SELECT m.id, m.title, b.name, m.source_name, "
	    "m.created_at, (SELECT count(*) FROM agenda_item i WHERE "
	    "i.meeting_id = m.id), coalesce(json_array_length(m.unplaced), 0) "
	    "FROM meeting m JOIN body b ON b.id = m.body_id WHERE "
	    "m.start_unread = 1 AND m.starts_at IS NULL ORDER BY m.created_at "
	    "DESC, m.id DESC LIMIT 1000", e);
	if (st == NULL)
		return ERR_DB;
	v = arena_calloc(a, 1000, sizeof(*v));
	while ((rc = db_step(st, e)) == DB_ROW) {
		v[k].id = db_col_i64(st, 0);
		v[k].title = arena_strdup(a, db_col_text(st, 1));
		v[k].body_name = arena_strdup(a, db_col_text(st, 2));
		v[k].source_name = db_col_text(st, 3) ? arena_strdup(a,
		    db_col_text(st, 3)) : NULL;
		v[k].created_at = arena_strdup(a, db_col_text(st, 4));
		v[k].nitems = (int)db_col_i64(st, 5);
		v[k++].nunplaced = (int)db_col_i64(st, 6);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int64_t
meeting_store_find_fingerprint(struct db *db, const char *fp)
{
	struct db_stmt	*st;
	int64_t		 id = 0;

	st = db_prep(db, "SELECT id FROM meeting WHERE source_fingerprint = $1",
	    NULL);
	if (st == NULL)
		return 0;
	db_bind_text(st, 1, fp);
	if (db_step(st, NULL) == DB_ROW)
		id = db_col_i64(st, 0);
	db_reset(st);
	return id;
}

int64_t
meeting_store_previous(struct db *db, int64_t body_id, const char *starts_at,
    int64_t exclude_id)
{
	struct db_stmt	*st;
	int64_t		 id = 0;

	if (starts_at == NULL)
		return 0;
	st = db_prep(db, "SELECT id FROM meeting WHERE body_id = $1 AND "
	    "starts_at < $2 AND state <> 'aflyst' AND id <> $3 "
	    "ORDER BY starts_at DESC, id DESC LIMIT 1", NULL);
	if (st == NULL)
		return 0;
	db_bind_i64(st, 1, body_id);
	db_bind_text(st, 2, starts_at);
	db_bind_i64(st, 3, exclude_id);
	if (db_step(st, NULL) == DB_ROW)
		id = db_col_i64(st, 0);
	db_reset(st);
	return id;
}

int
meeting_store_insert(struct db *db, const struct meeting *m, const char *at,
    int64_t *id, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "INSERT INTO meeting (body_id, title, starts_at, "
	    "ends_at, place, room, participants_note, referent, case_no, "
	    "doc_no, state, agenda_published_at, minutes_circulated_at, "
	    "minutes_approved_at, source_name, source_fingerprint, unplaced, "
	    "start_unread, created_at, updated_at) VALUES ($1, $2, $3, $4, "
	    "$5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $19, "
	    "$18, $18) "
	    "RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, m->body_id);
	db_bind_text(st, 2, m->title);
	db_bind_text(st, 3, m->starts_at);
	db_bind_text(st, 4, m->ends_at);
	db_bind_text(st, 5, m->place);
	db_bind_text(st, 6, m->room);
	db_bind_text(st, 7, m->participants_note);
	db_bind_text(st, 8, m->referent);
	db_bind_text(st, 9, m->case_no);
	db_bind_text(st, 10, m->doc_no);
	db_bind_text(st, 11, meeting_state_name(m->state));
	db_bind_i64(st, 19, m->start_unread);
	db_bind_text(st, 12, m->agenda_published_at);
	db_bind_text(st, 13, m->minutes_circulated_at);
	db_bind_text(st, 14, m->minutes_approved_at);
	db_bind_text(st, 15, m->source_name);
	db_bind_text(st, 16, m->source_fingerprint);
	db_bind_text(st, 17, m->unplaced);
	db_bind_text(st, 18, at);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		*id = db_col_i64(st, 0);
	db_reset(st);
	return rc < 0 ? rc : 0;
}

int
meeting_store_update(struct db *db, const struct meeting *m, const char *at,
    struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "UPDATE meeting SET body_id = $2, title = $3, "
	    "starts_at = $4, ends_at = $5, place = $6, room = $7, "
	    "participants_note = $8, referent = $9, case_no = $10, "
	    "doc_no = $11, version = version + 1, updated_at = $12, "
	    "start_unread = CASE WHEN $4 IS NULL THEN start_unread ELSE 0 END "
	    "WHERE id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, m->id);
	db_bind_i64(st, 2, m->body_id);
	db_bind_text(st, 3, m->title);
	db_bind_text(st, 4, m->starts_at);
	db_bind_text(st, 5, m->ends_at);
	db_bind_text(st, 6, m->place);
	db_bind_text(st, 7, m->room);
	db_bind_text(st, 8, m->participants_note);
	db_bind_text(st, 9, m->referent);
	db_bind_text(st, 10, m->case_no);
	db_bind_text(st, 11, m->doc_no);
	db_bind_text(st, 12, at);
	return db_run_one(db, st, "Mødet", e);
}

int
meeting_store_set_state(struct db *db, const struct meeting *m,
    const char *at, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "UPDATE meeting SET state = $2, "
	    "agenda_published_at = $3, minutes_circulated_at = $4, "
	    "minutes_approved_at = $5, approved_by_item = $6, "
	    "approved_early = $7, approval_note = $8, "
	    "version = version + 1, updated_at = $9 WHERE id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, m->id);
	db_bind_text(st, 2, meeting_state_name(m->state));
	db_bind_text(st, 3, m->agenda_published_at);
	db_bind_text(st, 4, m->minutes_circulated_at);
	db_bind_text(st, 5, m->minutes_approved_at);
	db_bind_opt(st, 6, m->approved_by_item);
	db_bind_i64(st, 7, m->approved_early);
	db_bind_text(st, 8, m->approval_note);
	db_bind_text(st, 9, at);
	return db_run_one(db, st, "Mødet", e);
}

/* ---- participants -------------------------------------------------- */

int
meeting_store_participants(struct db *db, struct arena *a, int64_t meeting_id,
    struct participant **out, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct participant	*v = NULL;
	size_t			 cap = 0, k = 0;
	int			 rc;

	st = db_prep(db, "SELECT id, pos, person_id, name, organisation, note, "
	    "status, substitute FROM meeting_participant WHERE meeting_id = $1 "
	    "ORDER BY pos", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, meeting_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		v[k].id = db_col_i64(st, 0);
		v[k].pos = (int)db_col_i64(st, 1);
		v[k].person_id = db_col_i64(st, 2);
		v[k].name = db_col_dup(st, 3, a);
		v[k].organisation = db_col_dup(st, 4, a);
		v[k].note = db_col_dup(st, 5, a);
		v[k].status = db_col_dup(st, 6, a);
		v[k].substitute = db_col_dup(st, 7, a);
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
meeting_store_participant_add(struct db *db, int64_t meeting_id,
    const struct participant *p, int64_t *id, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "INSERT INTO meeting_participant (meeting_id, pos, "
	    "person_id, name, organisation, note, status, substitute) "
	    "VALUES ($1, (SELECT COALESCE(MAX(pos), 0) + 1 FROM "
	    "meeting_participant WHERE meeting_id = $1), $2, $3, $4, $5, $6, "
	    "$7) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, meeting_id);
	db_bind_opt(st, 2, p->person_id);
	db_bind_text(st, 3, p->name);
	db_bind_text(st, 4, p->organisation);
	db_bind_text(st, 5, p->note);
	db_bind_text(st, 6, p->status);
	db_bind_text(st, 7, p->substitute);
	return db_run_id(st, id, e);
}

int
meeting_store_participant_set(struct db *db, int64_t meeting_id, int64_t id,
    const char *status, const char *substitute, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "UPDATE meeting_participant SET status = $3, "
	    "substitute = $4 WHERE id = $2 AND meeting_id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, meeting_id);
	db_bind_i64(st, 2, id);
	db_bind_text(st, 3, status);
	db_bind_text(st, 4, substitute);
	return db_run_one(db, st, "Deltageren", e);
}

int
meeting_store_participant_delete(struct db *db, int64_t meeting_id,
    int64_t id, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "DELETE FROM meeting_participant WHERE id = $2 AND "
	    "meeting_id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, meeting_id);
	db_bind_i64(st, 2, id);
	return db_run_one(db, st, "Deltageren", e);
}

/* ---- items --------------------------------------------------------- */

#define ITEM_COLS \
	"i.id, i.meeting_id, i.number, i.pos, i.kind, i.section," \
	" i.section_text, i.title, i.presenter, i.background," \
	" i.recommendation, i.earlier_item, i.earlier_body, i.earlier_text," \
	" i.prev_meeting, i.minutes, i.minutes_draft, i.result, i.closed," \
	" i.updated_at"

static void
read_item(struct db_stmt *st, struct arena *a, struct agenda_item *it)
{
	memset(it, 0, sizeof(*it));
	it->id = db_col_i64(st, 0);
	it->meeting_id = db_col_i64(st, 1);
	it->number = (int)db_col_i64(st, 2);
	it->pos = (int)db_col_i64(st, 3);
	if (item_kind_parse(db_col_text(st, 4), &it->kind) != 0)
		it->kind = ITEM_SAG;
	if (item_section_parse(db_col_text(st, 5), &it->section) != 0)
		it->section = SECTION_BEHANDLING;
	it->section_text = db_col_dup(st, 6, a);
	it->title = db_col_dup(st, 7, a);
	it->presenter = db_col_dup(st, 8, a);
	it->background = db_col_dup(st, 9, a);
	it->recommendation = db_col_dup(st, 10, a);
	it->earlier_item = db_col_i64(st, 11);
	it->earlier_body = db_col_i64(st, 12);
	it->earlier_text = db_col_dup(st, 13, a);
	it->prev_meeting = db_col_i64(st, 14);
	it->minutes = db_col_dup(st, 15, a);
	it->minutes_draft = db_col_dup(st, 16, a);
	if (item_result_parse(db_col_text(st, 17), &it->result) != 0)
		it->result = RESULT_NONE;
	it->closed = db_col_i64(st, 18) != 0;
	it->updated_at = db_col_dup(st, 19, a);
}

/* Append f to it->files (arrays grow by copying; items have few). */
static void
item_add_file(struct arena *a, struct agenda_item *it,
    const struct attachment *f)
{
	struct attachment *nv = arena_calloc(a, it->nfiles + 1, sizeof(*nv));

	if (it->nfiles)
		memcpy(nv, it->files, it->nfiles * sizeof(*nv));
	nv[it->nfiles++] = *f;
	it->files = nv;
}

int
meeting_store_items(struct db *db, struct arena *a, int64_t meeting_id,
    bool include_closed, struct agenda_item **out, size_t *n,
    struct err *e)
{
	struct db_stmt		*st;
	struct agenda_item	*v = NULL;
	struct attachment	 f;
	size_t			 cap = 0, k = 0, i;
	int			 rc;

	st = db_prep(db, "SELECT " ITEM_COLS " FROM agenda_item i "
	    "WHERE i.meeting_id = $1 AND ($2 = 1 OR i.closed = 0) "
	    "ORDER BY i.number, i.id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, meeting_id);
	db_bind_i64(st, 2, include_closed);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		read_item(st, a, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	st = db_prep(db, "SELECT " ATTACHMENT_COLS " FROM attachment f "
	    "JOIN agenda_item i ON i.id = f.item_id "
	    "LEFT JOIN file_blob b ON b.hash = f.blob_hash "
	    "WHERE i.meeting_id = $1 AND ($2 = 1 OR (i.closed = 0 AND "
	    "f.closed = 0)) ORDER BY f.item_id, f.pos", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, meeting_id);
	db_bind_i64(st, 2, include_closed);
	while ((rc = db_step(st, e)) == DB_ROW) {
		meeting_store_read_attachment(st, a, &f);
		for (i = 0; i < k; i++)
			if (v[i].id == f.item_id) {
				item_add_file(a, &v[i], &f);
				break;
			}
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
meeting_store_item_get(struct db *db, struct arena *a, int64_t id,
    struct agenda_item *out, struct err *e)
{
	struct db_stmt		*st;
	struct attachment	 f;
	int			 rc;

	st = db_prep(db, "SELECT " ITEM_COLS " FROM agenda_item i "
	    "WHERE i.id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		read_item(st, a, out);
	db_reset(st);
	if (rc < 0)
		return rc;
	if (rc != DB_ROW)
		return db_not_found(e, "Punktet");
	st = db_prep(db, "SELECT " ATTACHMENT_COLS " FROM attachment f "
	    "LEFT JOIN file_blob b ON b.hash = f.blob_hash "
	    "WHERE f.item_id = $1 ORDER BY f.pos", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		meeting_store_read_attachment(st, a, &f);
		item_add_file(a, out, &f);
	}
	db_reset(st);
	return rc < 0 ? rc : 0;
}

int
meeting_store_item_next_pos(struct db *db, int64_t meeting_id,
    enum item_section s)
{
	struct db_stmt	*st;
	int		 pos = 1;

	st = db_prep(db, "SELECT COALESCE(MAX(pos), 0) + 1 FROM agenda_item "
	    "WHERE meeting_id = $1 AND section = $2", NULL);
	if (st == NULL)
		return 1;
	db_bind_i64(st, 1, meeting_id);
	db_bind_text(st, 2, item_section_name(s));
	if (db_step(st, NULL) == DB_ROW)
		pos = (int)db_col_i64(st, 0);
	db_reset(st);
	return pos;
}

int
meeting_store_item_insert(struct db *db, const struct agenda_item *it,
    const char *at, int64_t *id, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "INSERT INTO agenda_item (meeting_id, number, pos, "
	    "kind, section, section_text, title, presenter, background, "
	    "recommendation, earlier_item, earlier_body, earlier_text, "
	    "prev_meeting, minutes, minutes_draft, result, closed, created_at, "
	    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
	    "$12, $13, $14, $15, $16, $17, $18, $19, $19) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, it->meeting_id);
	db_bind_i64(st, 2, it->number);
	db_bind_i64(st, 3, it->pos);
	db_bind_text(st, 4, item_kind_name(it->kind));
	db_bind_text(st, 5, item_section_name(it->section));
	db_bind_text(st, 6, it->section_text);
	db_bind_text(st, 7, it->title);
	db_bind_text(st, 8, it->presenter);
	db_bind_text(st, 9, it->background);
	db_bind_text(st, 10, it->recommendation);
	db_bind_opt(st, 11, it->earlier_item);
	db_bind_opt(st, 12, it->earlier_body);
	db_bind_text(st, 13, it->earlier_text);
	db_bind_opt(st, 14, it->prev_meeting);
	db_bind_text(st, 15, it->minutes);
	db_bind_text(st, 16, it->minutes_draft);
	db_bind_text(st, 17, item_result_name(it->result));
	db_bind_i64(st, 18, it->closed);
	db_bind_text(st, 19, at);
	return db_run_id(st, id, e);
}

int
meeting_store_item_update(struct db *db, const struct agenda_item *it,
    const char *at, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "UPDATE agenda_item SET section = $2, pos = $3, "
	    "title = $4, presenter = $5, background = $6, recommendation = $7, "
	    "earlier_item = $8, earlier_body = $9, earlier_text = $10, "
	    "closed = $11, updated_at = $12 WHERE id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, it->id);
	db_bind_text(st, 2, item_section_name(it->section));
	db_bind_i64(st, 3, it->pos);
	db_bind_text(st, 4, it->title);
	db_bind_text(st, 5, it->presenter);
	db_bind_text(st, 6, it->background);
	db_bind_text(st, 7, it->recommendation);
	db_bind_opt(st, 8, it->earlier_item);
	db_bind_opt(st, 9, it->earlier_body);
	db_bind_text(st, 10, it->earlier_text);
	db_bind_i64(st, 11, it->closed);
	db_bind_text(st, 12, at);
	return db_run_one(db, st, "Punktet", e);
}

int
meeting_store_item_set_minutes(struct db *db, const struct agenda_item *it,
    const char *at, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "UPDATE agenda_item SET minutes = $2, "
	    "minutes_draft = $3, result = $4, updated_at = $5 WHERE id = $1",
	    e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, it->id);
	db_bind_text(st, 2, it->minutes);
	db_bind_text(st, 3, it->minutes_draft);
	db_bind_text(st, 4, item_result_name(it->result));
	db_bind_text(st, 5, at);
	return db_run_one(db, st, "Punktet", e);
}

int
meeting_store_snapshot_minutes(struct db *db, int64_t meeting_id,
    struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "UPDATE agenda_item SET minutes_draft = minutes "
	    "WHERE meeting_id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, meeting_id);
	return db_run(st, e);
}

int
meeting_store_item_delete(struct db *db, int64_t id, struct err *e)
{
	static const char *const sql[] = {
		"UPDATE agenda_item SET earlier_item = NULL WHERE earlier_item = $1",
		"DELETE FROM attachment WHERE item_id = $1",
		"DELETE FROM follow_up WHERE item_id = $1",
		"DELETE FROM meeting_fts WHERE rowid = $1",
		"DELETE FROM agenda_item WHERE id = $1",
	};
	struct db_stmt	*st;
	size_t		 i;
	int		 rc;

	for (i = 0; i < sizeof(sql) / sizeof(sql[0]); i++) {
		if ((st = db_prep(db, sql[i], e)) == NULL)
			return ERR_DB;
		db_bind_i64(st, 1, id);
		if ((rc = db_run(st, e)) != 0)
			return rc;
	}
	return db_changes(db) == 1 ? 0 : db_not_found(e, "Punktet");
}

int
meeting_store_item_swap(struct db *db, const struct agenda_item *a,
    const struct agenda_item *b, const char *at, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "UPDATE agenda_item SET pos = $2, number = $3, "
	    "updated_at = $4 WHERE id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, a->id);
	db_bind_i64(st, 2, b->pos);
	db_bind_i64(st, 3, b->number);
	db_bind_text(st, 4, at);
	if ((rc = db_run(st, e)) != 0)
		return rc;
	db_bind_i64(st, 1, b->id);
	db_bind_i64(st, 2, a->pos);
	db_bind_i64(st, 3, a->number);
	db_bind_text(st, 4, at);
	return db_run(st, e);
}

int
meeting_store_renumber(struct db *db, int64_t meeting_id, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "UPDATE agenda_item AS i SET number = (SELECT "
	    "count(*) FROM agenda_item j WHERE j.meeting_id = i.meeting_id "
	    "AND (" SECTION_ORDER("j") " < " SECTION_ORDER("i") " OR ("
	    SECTION_ORDER("j") " = " SECTION_ORDER("i") " AND (j.pos < i.pos "
	    "OR (j.pos = i.pos AND j.id <= i.id))))) WHERE i.meeting_id = $1",
	    e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, meeting_id);
	return db_run(st, e);
}

/* ---- sign-offs ----------------------------------------------------- */

int
meeting_store_signoff_add(struct db *db, int64_t meeting_id,
    int64_t person_id, const char *at, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "INSERT INTO minutes_signoff (meeting_id, person_id, "
	    "at) VALUES ($1, $2, $3) ON CONFLICT (meeting_id, person_id) "
	    "DO NOTHING", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, meeting_id);
	db_bind_i64(st, 2, person_id);
	db_bind_text(st, 3, at);
	return db_run(st, e);
}

int64_t
meeting_store_signoff_count(struct db *db, int64_t meeting_id)
{
	struct db_stmt	*st;
	int64_t		 n = 0;

	st = db_prep(db, "SELECT count(*) FROM minutes_signoff WHERE "
	    "meeting_id = $1", NULL);
	if (st == NULL)
		return 0;
	db_bind_i64(st, 1, meeting_id);
	if (db_step(st, NULL) == DB_ROW)
		n = db_col_i64(st, 0);
	db_reset(st);
	return n;
}

int
meeting_store_signoffs(struct db *db, struct arena *a, int64_t meeting_id,
    int64_t body_id, const char *today, struct signoff **out, size_t *n,
    struct err *e)
{
	struct db_stmt	*st;
	struct signoff	*v = NULL;
	size_t		 cap = 0, k = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT p.name, s.at, EXISTS (SELECT 1 FROM "
	    "membership m WHERE m.person_id = p.id AND m.body_id = $2 AND "
	    "m.voting = 1 AND m.role <> 'stedfortraeder' AND (m.starts_on IS "
	    "NULL OR m.starts_on <= $3) AND (m.ends_on IS NULL OR m.ends_on "
	    ">= $3)) FROM minutes_signoff s JOIN person p ON p.id = "
	    "s.person_id WHERE s.meeting_id = $1 ORDER BY s.at, p.name", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, meeting_id);
	db_bind_i64(st, 2, body_id);
	db_bind_text(st, 3, today);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		v[k].name = db_col_dup(st, 0, a);
		v[k].at = db_col_dup(st, 1, a);
		v[k++].voting = db_col_i64(st, 2) != 0;
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
meeting_store_items_between(struct db *db, struct arena *a,
    int64_t meeting_id, const char *since, const char *before, int max,
    struct item_ref **out, size_t *n, struct err *e)
{
	struct db_stmt	*st;
	struct item_ref	*v = NULL;
	size_t		 cap = 0, k = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT i.id, i.number, i.title, m.id, m.starts_at, "
	    "b.name FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id "
	    "JOIN body b ON b.id = m.body_id WHERE m.id <> $1 AND "
	    "m.starts_at >= $2 AND m.starts_at < $3 AND m.state <> 'aflyst' "
	    "AND i.kind = 'sag' ORDER BY m.starts_at DESC, m.id, i.number, "
	    "i.id LIMIT $4", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, meeting_id);
	db_bind_text(st, 2, since);
	db_bind_text(st, 3, before);
	db_bind_i64(st, 4, max);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		v[k].id = db_col_i64(st, 0);
		v[k].number = (int)db_col_i64(st, 1);
		v[k].title = db_col_dup(st, 2, a);
		v[k].meeting_id = db_col_i64(st, 3);
		v[k].meeting_starts = db_col_dup(st, 4, a);
		v[k++].body_name = db_col_dup(st, 5, a);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

bool
meeting_store_signed_off(struct db *db, int64_t meeting_id, int64_t person_id)
{
	struct db_stmt	*st;
	bool		 yes = false;

	st = db_prep(db, "SELECT 1 FROM minutes_signoff WHERE meeting_id = $1 "
	    "AND person_id = $2", NULL);
	if (st == NULL)
		return false;
	db_bind_i64(st, 1, meeting_id);
	db_bind_i64(st, 2, person_id);
	yes = db_step(st, NULL) == DB_ROW;
	db_reset(st);
	return yes;
}
