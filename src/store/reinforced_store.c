/*
 * reinforced_store — SQL of the reinforced cooperation (see
 * reinforced_store.h).
 */
#include <string.h>

#include "store/db.h"
#include "store/reinforced_store.h"
#include "util/arena.h"
#include "util/err.h"

int
reinforced_store_nominations(struct db *db, struct arena *a, int year,
    struct reinforced_nomination **out, size_t *n, struct err *e)
{
	struct db_stmt			*st;
	struct reinforced_nomination	*v = NULL;
	size_t				 k = 0, cap = 0;
	int				 rc;

	st = db_prep(db, "SELECT n.id, n.year, n.offer_id, o.name, "
	    "n.nominated_by, g.name, n.reason, n.created_at FROM "
	    "reinforced_nomination n JOIN offer o ON o.id = n.offer_id JOIN "
	    "organisation g ON g.code = n.nominated_by WHERE n.year = $1 "
	    "ORDER BY o.name, g.name", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		v[k].id = db_col_i64(st, 0);
		v[k].year = (int)db_col_i64(st, 1);
		v[k].offer_id = db_col_i64(st, 2);
		v[k].offer_name = db_col_dup(st, 3, a);
		v[k].nominated_by = db_col_dup(st, 4, a);
		v[k].nominated_name = db_col_dup(st, 5, a);
		v[k].reason = db_col_dup(st, 6, a);
		v[k].created_at = db_col_dup(st, 7, a);
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
reinforced_store_nominate(struct db *db, const struct reinforced_nomination *v,
    const char *who, const char *at, int64_t *id, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "INSERT INTO reinforced_nomination (year, offer_id, "
	    "nominated_by, reason, created_at, created_by) VALUES ($1, $2, $3, "
	    "$4, $5, $6) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, v->year);
	db_bind_i64(st, 2, v->offer_id);
	db_bind_text(st, 3, v->nominated_by);
	db_bind_text(st, 4, v->reason);
	db_bind_text(st, 5, at);
	db_bind_text(st, 6, who);
	if ((rc = db_run_id(st, id, e)) == ERR_CONFLICT)
		return err_set(e, ERR_CONFLICT, "duplicate_nomination",
		    "offer_id", "Tilbuddet er allerede indstillet af samme "
		    "organisation for %d", v->year);
	return rc;
}

int
reinforced_store_assessments(struct db *db, struct arena *a, int year,
    struct reinforced_assessment **out, size_t *n, struct err *e)
{
	struct db_stmt			*st;
	struct reinforced_assessment	*v = NULL;
	size_t				 k = 0, cap = 0;
	int				 rc;

	st = db_prep(db, "SELECT s.id, s.year, s.offer_id, o.name, s.kind, "
	    "s.criteria, s.recommend, s.note FROM reinforced_assessment s "
	    "JOIN offer o ON o.id = s.offer_id WHERE s.year = $1 ORDER BY "
	    "o.name", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		v[k].id = db_col_i64(st, 0);
		v[k].year = (int)db_col_i64(st, 1);
		v[k].offer_id = db_col_i64(st, 2);
		v[k].offer_name = db_col_dup(st, 3, a);
		v[k].reassessment = strcmp(db_col_text(st, 4), "genvurdering")
		    == 0;
		v[k].criteria = (unsigned)db_col_i64(st, 5);
		v[k].recommend = db_col_i64(st, 6) != 0;
		v[k].note = db_col_dup(st, 7, a);
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
reinforced_store_assess(struct db *db, const struct reinforced_assessment *v,
    const char *who, const char *at, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "INSERT INTO reinforced_assessment (year, offer_id, "
	    "kind, criteria, recommend, note, created_at, created_by) VALUES "
	    "($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (year, offer_id) DO "
	    "UPDATE SET kind = excluded.kind, criteria = excluded.criteria, "
	    "recommend = excluded.recommend, note = excluded.note, "
	    "created_at = excluded.created_at, created_by = "
	    "excluded.created_by", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, v->year);
	db_bind_i64(st, 2, v->offer_id);
	db_bind_text(st, 3, v->reassessment ? "genvurdering" : "ny");
	db_bind_i64(st, 4, v->criteria);
	db_bind_i64(st, 5, v->recommend ? 1 : 0);
	db_bind_text(st, 6, v->note != NULL ? v->note : "");
	db_bind_text(st, 7, at);
	db_bind_text(st, 8, who);
	return db_run(st, e);
}

int
reinforced_store_year(struct db *db, struct arena *a, int year,
    struct reinforced_year *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	memset(out, 0, sizeof(*out));
	out->year = year;
	out->decided_on = "";
	out->approved_on = "";
	st = db_prep(db, "SELECT y.item_id, i.meeting_id, y.decided_on, "
	    "y.approved_on FROM reinforced_year y LEFT JOIN agenda_item i ON "
	    "i.id = y.item_id WHERE y.year = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year);
	if ((rc = db_step(st, e)) == DB_ROW) {
		out->item_id = db_col_null(st, 0) ? 0 : db_col_i64(st, 0);
		out->meeting_id = db_col_null(st, 1) ? 0 : db_col_i64(st, 1);
		out->decided_on = db_col_dup(st, 2, a);
		out->approved_on = db_col_dup(st, 3, a);
	}
	db_reset(st);
	return rc < 0 ? rc : 0;
}

int
reinforced_store_year_put(struct db *db, const struct reinforced_year *y,
    const char *at, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "INSERT INTO reinforced_year (year, item_id, "
	    "decided_on, approved_on, updated_at) VALUES ($1, $2, $3, $4, $5) "
	    "ON CONFLICT (year) DO UPDATE SET item_id = excluded.item_id, "
	    "decided_on = excluded.decided_on, approved_on = "
	    "excluded.approved_on, updated_at = excluded.updated_at", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, y->year);
	db_bind_opt(st, 2, y->item_id);
	db_bind_text(st, 3, y->decided_on);
	db_bind_text(st, 4, y->approved_on);
	db_bind_text(st, 5, at);
	return db_run(st, e);
}

int
reinforced_store_coverages(struct db *db, struct arena *a, int64_t offer_id,
    int year, struct reinforced_coverage **out, size_t *n, struct err *e)
{
	struct db_stmt			*st;
	struct reinforced_coverage	*v = NULL;
	size_t				 k = 0, cap = 0;
	int				 rc;

	st = db_prep(db, "SELECT c.id, c.offer_id, o.name, coalesce(g.name, "
	    "''), c.year, c.valid_from, c.valid_to, c.status FROM "
	    "reinforced_coverage c JOIN offer o ON o.id = c.offer_id LEFT JOIN "
	    "organisation g ON g.code = o.operator_code WHERE CASE WHEN $1 > 0 "
	    "THEN c.offer_id = $1 WHEN $2 > 0 THEN c.year = $2 WHEN $2 < 0 THEN "
	    "1 = 1 ELSE c.status <> 'ophoert' END ORDER BY CASE WHEN $1 > 0 THEN -c.year ELSE 0 "
	    "END, o.name", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, offer_id);
	db_bind_i64(st, 2, year);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		v[k].id = db_col_i64(st, 0);
		v[k].offer_id = db_col_i64(st, 1);
		v[k].offer_name = db_col_dup(st, 2, a);
		v[k].operator_name = db_col_dup(st, 3, a);
		v[k].year = (int)db_col_i64(st, 4);
		v[k].valid_from = db_col_dup(st, 5, a);
		v[k].valid_to = db_col_dup(st, 6, a);
		(void)coverage_status_parse(db_col_text(st, 7), &v[k].status);
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
reinforced_store_cover(struct db *db, int64_t offer_id, int year,
    const char *valid_from, const char *at, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "INSERT INTO reinforced_coverage (offer_id, year, "
	    "valid_from, status, updated_at) VALUES ($1, $2, $3, 'besluttet', "
	    "$4) ON CONFLICT (offer_id, year) DO NOTHING", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, offer_id);
	db_bind_i64(st, 2, year);
	db_bind_text(st, 3, valid_from);
	db_bind_text(st, 4, at);
	return db_run(st, e);
}

int
reinforced_store_end(struct db *db, int64_t offer_id, const char *valid_to,
    const char *at, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "UPDATE reinforced_coverage SET valid_to = $2, "
	    "status = 'ophoert', updated_at = $3 WHERE offer_id = $1 AND "
	    "status <> 'ophoert' AND valid_from <= $2", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, offer_id);
	db_bind_text(st, 2, valid_to);
	db_bind_text(st, 3, at);
	return db_run(st, e);
}

int
reinforced_store_approve(struct db *db, int year, const char *at,
    struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "UPDATE reinforced_coverage SET status = 'godkendt', "
	    "updated_at = $2 WHERE year = $1 AND status = 'besluttet'", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year);
	db_bind_text(st, 2, at);
	return db_run(st, e);
}

#define CASE_COLS \
	"c.id, c.offer_id, o.name, c.warning, c.opened_on, c.members, " \
	"c.deadline, c.terms, c.terms_on, c.status, c.closed_on FROM " \
	"rescue_case c JOIN offer o ON o.id = c.offer_id "

static void
case_read(struct db_stmt *st, struct arena *a, struct rescue_case *c)
{
	memset(c, 0, sizeof(*c));
	c->id = db_col_i64(st, 0);
	c->offer_id = db_col_i64(st, 1);
	c->offer_name = db_col_dup(st, 2, a);
	c->warning = db_col_dup(st, 3, a);
	c->opened_on = db_col_dup(st, 4, a);
	c->members = db_col_dup(st, 5, a);
	c->deadline = db_col_dup(st, 6, a);
	c->terms = db_col_dup(st, 7, a);
	c->terms_on = db_col_dup(st, 8, a);
	(void)rescue_status_parse(db_col_text(st, 9), &c->status);
	c->closed_on = db_col_dup(st, 10, a);
}

int
reinforced_store_cases(struct db *db, struct arena *a,
    struct rescue_case **out, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct rescue_case	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	st = db_prep(db, "SELECT " CASE_COLS "ORDER BY c.status = 'lukket', "
	    "c.opened_on DESC, c.id DESC", e);
	if (st == NULL)
		return ERR_DB;
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		case_read(st, a, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
reinforced_store_case(struct db *db, struct arena *a, int64_t id,
    struct rescue_case *out, struct err *e)
{
	struct db_stmt	*st;
	size_t		 cap = 0;
	int		 rc;

	st = db_prep(db, "SELECT " CASE_COLS "WHERE c.id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	if ((rc = db_step_one(st, "Nødsporet", e)) != 0)
		return rc;
	case_read(st, a, out);
	db_reset(st);
	st = db_prep(db, "SELECT noted_on, text, created_by FROM rescue_note "
	    "WHERE case_id = $1 ORDER BY noted_on, id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		out->notes = arena_grow(a, out->notes, out->nnotes, &cap,
		    sizeof(*out->notes));
		out->notes[out->nnotes].noted_on = db_col_dup(st, 0, a);
		out->notes[out->nnotes].text = db_col_dup(st, 1, a);
		out->notes[out->nnotes].created_by = db_col_dup(st, 2, a);
		out->nnotes++;
	}
	db_reset(st);
	return rc < 0 ? rc : 0;
}

int
reinforced_store_case_insert(struct db *db, const struct rescue_case *c,
    const char *at, int64_t *id, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "INSERT INTO rescue_case (offer_id, warning, "
	    "opened_on, members, deadline, status, created_at, updated_at) "
	    "VALUES ($1, $2, $3, $4, $5, 'aaben', $6, $6) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, c->offer_id);
	db_bind_text(st, 2, c->warning);
	db_bind_text(st, 3, c->opened_on);
	db_bind_text(st, 4, c->members != NULL ? c->members : "");
	db_bind_text(st, 5, c->deadline != NULL ? c->deadline : "");
	db_bind_text(st, 6, at);
	return db_run_id(st, id, e);
}

int
reinforced_store_case_update(struct db *db, const struct rescue_case *c,
    const char *at, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "UPDATE rescue_case SET members = $2, deadline = $3, "
	    "terms = $4, terms_on = $5, status = $6, closed_on = $7, "
	    "updated_at = $8 WHERE id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, c->id);
	db_bind_text(st, 2, c->members);
	db_bind_text(st, 3, c->deadline);
	db_bind_text(st, 4, c->terms);
	db_bind_text(st, 5, c->terms_on);
	db_bind_text(st, 6, rescue_status_name(c->status));
	db_bind_text(st, 7, c->closed_on);
	db_bind_text(st, 8, at);
	return db_run_one(db, st, "Nødsporet", e);
}

int
reinforced_store_note_add(struct db *db, int64_t case_id, const char *noted_on,
    const char *text, const char *who, const char *at, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "INSERT INTO rescue_note (case_id, noted_on, text, "
	    "created_at, created_by) VALUES ($1, $2, $3, $4, $5)", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, case_id);
	db_bind_text(st, 2, noted_on);
	db_bind_text(st, 3, text);
	db_bind_text(st, 4, at);
	db_bind_text(st, 5, who);
	return db_run(st, e);
}
