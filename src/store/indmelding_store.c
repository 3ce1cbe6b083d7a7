/*
 * indmelding_store — the yearly submissions in SQL (see indmelding_store.h).
 */
#include <stdbool.h>
#include <string.h>

#include "core/indmelding.h"
#include "store/db.h"
#include "store/indmelding_store.h"
#include "util/arena.h"
#include "util/err.h"

/* Bind a figure: -1 (not given) is SQL NULL. */
static void
bind_fig(struct db_stmt *st, int n, int64_t v)
{
	if (v < 0)
		db_bind_null(st, n);
	else
		db_bind_i64(st, n, v);
}

static int64_t
col_fig(struct db_stmt *st, int c)
{
	return db_col_null(st, c) ? -1 : db_col_i64(st, c);
}

/* ---- the year ------------------------------------------------------- */

#define YEAR_COLS \
	"id, version, year, deadline, status, hearing_deadline, hearing_at," \
	" agenda_meeting_id, agenda_item_id, agenda_at, created_at"

static void
read_year(struct db_stmt *st, struct arena *a, struct ind_year *y)
{
	memset(y, 0, sizeof(*y));
	y->id = db_col_i64(st, 0);
	y->version = db_col_i64(st, 1);
	y->year = (int)db_col_i64(st, 2);
	y->deadline = db_col_dup(st, 3, a);
	if (ind_year_status_parse(db_col_text(st, 4), &y->status) != 0)
		y->status = IND_DONE;
	y->hearing_deadline = db_col_dup(st, 5, a);
	y->hearing_at = db_col_dup(st, 6, a);
	y->agenda_meeting_id = db_col_i64(st, 7);
	y->agenda_item_id = db_col_i64(st, 8);
	y->agenda_at = db_col_dup(st, 9, a);
	y->created_at = db_col_dup(st, 10, a);
}

int
ind_store_year_insert(struct db *db, int year, const char *deadline,
    const char *at, int64_t *id, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "INSERT INTO indmelding_year (year, deadline, "
	    "created_at, updated_at) VALUES ($1, $2, $3, $3) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year);
	db_bind_text(st, 2, deadline);
	db_bind_text(st, 3, at);
	return db_run_id(st, id, e);
}

int
ind_store_year_get(struct db *db, struct arena *a, int64_t id,
    struct ind_year *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT " YEAR_COLS " FROM indmelding_year "
	    "WHERE id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	if ((rc = db_step_one(st, "Indmeldingen", e)) != 0)
		return rc;
	read_year(st, a, out);
	db_reset(st);
	return 0;
}

int64_t
ind_store_year_find(struct db *db, int year)
{
	struct db_stmt	*st;
	int64_t		 id = 0;

	st = db_prep(db, "SELECT id FROM indmelding_year WHERE year = $1",
	    NULL);
	if (st == NULL)
		return 0;
	db_bind_i64(st, 1, year);
	if (db_step(st, NULL) == DB_ROW)
		id = db_col_i64(st, 0);
	db_reset(st);
	return id;
}

int
ind_store_year_list(struct db *db, struct arena *a, struct ind_year **out,
    size_t *n, struct err *e)
{
	struct db_stmt	*st;
	struct ind_year	*v = NULL;
	size_t		 k = 0, cap = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT " YEAR_COLS " FROM indmelding_year "
	    "ORDER BY year DESC", e);
	if (st == NULL)
		return ERR_DB;
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		read_year(st, a, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
ind_store_year_set(struct db *db, int64_t id, int64_t expected_version,
    enum ind_year_status status, const char *hearing_deadline,
    int64_t meeting_id, int64_t item_id, const char *at, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "UPDATE indmelding_year SET version = version + 1, "
	    "status = $3, hearing_deadline = $4, "
	    "hearing_at = CASE WHEN $3 = 'hearing' AND hearing_at IS NULL "
	    "THEN $7 ELSE hearing_at END, "
	    "agenda_meeting_id = $5, agenda_item_id = $6, "
	    "agenda_at = CASE WHEN $6 IS NULL THEN agenda_at ELSE $7 END, "
	    "updated_at = $7 WHERE id = $1 AND version = $2", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	db_bind_i64(st, 2, expected_version);
	db_bind_text(st, 3, ind_year_status_name(status));
	db_bind_text(st, 4, hearing_deadline);
	db_bind_opt(st, 5, meeting_id);
	db_bind_opt(st, 6, item_id);
	db_bind_text(st, 7, at);
	if (db_run(st, e) != 0)
		return ERR_DB;
	if (db_changes(db) != 1)
		return err_set(e, ERR_PRECONDITION, "stale_version", NULL,
		    "Indmeldingen er ændret af en anden i mellemtiden; hent "
		    "den igen");
	return 0;
}

/* ---- the parties' submissions ----------------------------------------- */

int
ind_store_create_subs(struct db *db, int64_t year_id, int year,
    const char *at, int64_t *n, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	/* A municipality each; an operator of a covered offer each. */
	st = db_prep(db, "INSERT INTO indmelding (year_id, org_code, kind, "
	    "created_at, updated_at, prefilled_from) "
	    "SELECT $1, p.code, p.kind, $2, $2, "
	    " (SELECT s.id FROM indmelding s JOIN indmelding_year y "
	    "  ON y.id = s.year_id WHERE y.year < $3 AND s.org_code = p.code "
	    "  AND s.kind = p.kind ORDER BY y.year DESC LIMIT 1) "
	    "FROM (SELECT code, 'municipality' AS kind FROM organisation "
	    "  WHERE kind = 'kommune' "
	    " UNION SELECT DISTINCT operator_code, 'operator' FROM offer "
	    "  WHERE covered = 1 AND deleted_at IS NULL AND status <> 'closed' "
	    "  AND operator_code IS NOT NULL) p "
	    "ORDER BY p.kind, p.code", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year_id);
	db_bind_text(st, 2, at);
	db_bind_i64(st, 3, year);
	if ((rc = db_run(st, e)) != 0)
		return rc;
	*n = db_changes(db);

	/* A municipality: every covered offer, last year's answers. */
	st = db_prep(db, "INSERT INTO indmelding_line (indmelding_id, "
	    "offer_id, use_places_centi, use_days, change, change_note, "
	    "no_use_reason, alternative) "
	    "SELECT s.id, o.id, p.use_places_centi, p.use_days, "
	    " COALESCE(p.change, ''), p.change_note, p.no_use_reason, "
	    " p.alternative "
	    "FROM indmelding s JOIN offer o ON o.covered = 1 "
	    " AND o.deleted_at IS NULL AND o.status <> 'closed' "
	    "LEFT JOIN indmelding_line p ON p.indmelding_id = s.prefilled_from "
	    " AND p.offer_id = o.id "
	    "WHERE s.year_id = $1 AND s.kind = 'municipality'", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year_id);
	if ((rc = db_run(st, e)) != 0)
		return rc;

	/*
	 * An operator: its covered offers; capacity from the register's
	 * places (the year, or the latest before), else the places of the
	 * latest approved tariff submission, occupancy from the two
	 * latest reported accounts before the year, the rest from last
	 * year.
	 */
	st = db_prep(db, "INSERT INTO indmelding_line (indmelding_id, "
	    "offer_id, capacity_centi, occupancy_bp, occupancy_prev_bp, "
	    "waiting, catchment, development, plans, declaration_url) "
	    "SELECT s.id, o.id, "
	    " COALESCE((SELECT places_centi FROM offer_places "
	    "  WHERE offer_id = o.id AND year <= $2 ORDER BY year DESC "
	    "  LIMIT 1), (SELECT max(sl.places_centi) FROM service_line sl "
	    "  WHERE sl.submission_id = (SELECT su.id FROM submission su "
	    "  JOIN tariff_round tr ON tr.id = su.round_id "
	    "  WHERE su.offer_id = o.id AND su.status = 'approved' "
	    "  AND tr.year <= $2 ORDER BY tr.year DESC, tr.no DESC LIMIT 1)), "
	    "  p.capacity_centi), "
	    " COALESCE((SELECT (occupied_days * 10000 + available_days / 2) "
	    "  / available_days FROM accounts WHERE offer_id = o.id "
	    "  AND year < $2 AND available_days > 0 ORDER BY year DESC "
	    "  LIMIT 1), p.occupancy_bp), "
	    " COALESCE((SELECT (occupied_days * 10000 + available_days / 2) "
	    "  / available_days FROM accounts WHERE offer_id = o.id "
	    "  AND year < $2 AND available_days > 0 ORDER BY year DESC "
	    "  LIMIT 1 OFFSET 1), p.occupancy_prev_bp), "
	    " p.waiting, p.catchment, p.development, p.plans, "
	    " p.declaration_url "
	    "FROM indmelding s JOIN offer o ON o.operator_code = s.org_code "
	    " AND o.covered = 1 AND o.deleted_at IS NULL "
	    " AND o.status <> 'closed' "
	    "LEFT JOIN indmelding_line p ON p.indmelding_id = s.prefilled_from "
	    " AND p.offer_id = o.id "
	    "WHERE s.year_id = $1 AND s.kind = 'operator'", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year_id);
	db_bind_i64(st, 2, year);
	if ((rc = db_run(st, e)) != 0)
		return rc;

	/* Fits and the general text from last year. */
	st = db_prep(db, "INSERT INTO indmelding_fit (indmelding_id, grp, "
	    "fit, note) SELECT s.id, f.grp, f.fit, f.note FROM indmelding s "
	    "JOIN indmelding_fit f ON f.indmelding_id = s.prefilled_from "
	    "WHERE s.year_id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year_id);
	if ((rc = db_run(st, e)) != 0)
		return rc;
	st = db_prep(db, "UPDATE indmelding SET general = (SELECT p.general "
	    "FROM indmelding p WHERE p.id = indmelding.prefilled_from) "
	    "WHERE year_id = $1 AND prefilled_from IS NOT NULL", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year_id);
	return db_run(st, e);
}

#define SUB_COLS \
	"s.id, s.year_id, y.year, s.org_code, o.name, s.kind, s.status," \
	" s.version, s.general, s.comment, s.prefilled_from, s.submitted_at," \
	" s.reviewed_at, s.reviewed_by," \
	" (SELECT count(*) FROM indmelding_line l WHERE l.indmelding_id = s.id)," \
	" (SELECT count(*) FROM indmelding_line l WHERE l.indmelding_id = s.id" \
	"  AND CASE WHEN s.kind = 'municipality' THEN" \
	"  l.use_places_centi IS NOT NULL OR l.use_days IS NOT NULL" \
	"  ELSE l.capacity_centi IS NOT NULL END)"

static void
read_sub(struct db_stmt *st, struct arena *a, struct ind_sub *s)
{
	memset(s, 0, sizeof(*s));
	s->id = db_col_i64(st, 0);
	s->year_id = db_col_i64(st, 1);
	s->year = (int)db_col_i64(st, 2);
	s->org_code = db_col_dup(st, 3, a);
	s->org_name = db_col_dup(st, 4, a);
	if (ind_kind_parse(db_col_text(st, 5), &s->kind) != 0)
		s->kind = IND_MUNICIPALITY;
	if (submission_status_parse(db_col_text(st, 6), &s->status) != 0)
		s->status = SUBMISSION_DRAFT;
	s->version = db_col_i64(st, 7);
	s->general = db_col_dup(st, 8, a);
	s->comment = db_col_dup(st, 9, a);
	s->prefilled_from = db_col_i64(st, 10);
	s->submitted_at = db_col_dup(st, 11, a);
	s->reviewed_at = db_col_dup(st, 12, a);
	s->reviewed_by = db_col_dup(st, 13, a);
	s->nlines = db_col_i64(st, 14);
	s->nanswered = db_col_i64(st, 15);
}

int
ind_store_subs(struct db *db, struct arena *a, int64_t year_id,
    const char *org_code, struct ind_sub **out, size_t *n, struct err *e)
{
	struct db_stmt	*st;
	struct ind_sub	*v = NULL;
	size_t		 k = 0, cap = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT " SUB_COLS " FROM indmelding s "
	    "JOIN indmelding_year y ON y.id = s.year_id "
	    "JOIN organisation o ON o.code = s.org_code "
	    "WHERE s.year_id = $1 AND ($2 IS NULL OR s.org_code = $2) "
	    "ORDER BY s.kind DESC, o.name, s.id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year_id);
	db_bind_text(st, 2, org_code);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		read_sub(st, a, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

#define LINE_COLS \
	"l.offer_id, o.name, op.name, l.use_places_centi, l.use_days," \
	" l.change, l.change_note, l.no_use_reason, l.alternative," \
	" l.capacity_centi, l.occupancy_bp, l.occupancy_prev_bp, l.waiting," \
	" l.catchment, l.development, l.plans, l.declaration_url"

static void
read_line(struct db_stmt *st, struct arena *a, struct ind_line *l)
{
	ind_line_init(l, db_col_i64(st, 0));
	l->offer_name = db_col_dup(st, 1, a);
	l->operator_name = db_col_dup(st, 2, a);
	l->use_places_centi = col_fig(st, 3);
	l->use_days = col_fig(st, 4);
	if (ind_change_parse(db_col_text(st, 5), &l->change) != 0)
		l->change = IND_CHANGE_NONE;
	l->change_note = db_col_dup(st, 6, a);
	l->no_use_reason = db_col_dup(st, 7, a);
	l->alternative = db_col_dup(st, 8, a);
	l->capacity_centi = col_fig(st, 9);
	l->occupancy_bp = col_fig(st, 10);
	l->occupancy_prev_bp = col_fig(st, 11);
	l->waiting = col_fig(st, 12);
	l->catchment = db_col_dup(st, 13, a);
	l->development = db_col_dup(st, 14, a);
	l->plans = db_col_dup(st, 15, a);
	l->declaration_url = db_col_dup(st, 16, a);
}

int
ind_store_sub_get(struct db *db, struct arena *a, int64_t id,
    struct ind_sub *out, struct err *e)
{
	struct db_stmt	*st;
	size_t		 cap = 0;
	int		 rc;

	st = db_prep(db, "SELECT " SUB_COLS " FROM indmelding s "
	    "JOIN indmelding_year y ON y.id = s.year_id "
	    "JOIN organisation o ON o.code = s.org_code WHERE s.id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	if ((rc = db_step_one(st, "Indmeldingen", e)) != 0)
		return rc;
	read_sub(st, a, out);
	db_reset(st);

	st = db_prep(db, "SELECT " LINE_COLS " FROM indmelding_line l "
	    "JOIN offer o ON o.id = l.offer_id "
	    "LEFT JOIN organisation op ON op.code = o.operator_code "
	    "WHERE l.indmelding_id = $1 ORDER BY o.name_key, o.id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		out->lines = arena_grow(a, out->lines, out->nline, &cap,
		    sizeof(*out->lines));
		read_line(st, a, &out->lines[out->nline++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;

	cap = 0;
	st = db_prep(db, "SELECT grp, fit, note FROM indmelding_fit "
	    "WHERE indmelding_id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		out->fits = arena_grow(a, out->fits, out->nfit, &cap,
		    sizeof(*out->fits));
		out->fits[out->nfit].grp = db_col_dup(st, 0, a);
		out->fits[out->nfit].fit = (int)db_col_i64(st, 1);
		out->fits[out->nfit].note = db_col_dup(st, 2, a);
		out->nfit++;
	}
	db_reset(st);
	return rc < 0 ? rc : 0;
}

int
ind_store_line_put(struct db *db, int64_t sub_id, const struct ind_line *l,
    struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "UPDATE indmelding_line SET use_places_centi = $3, "
	    "use_days = $4, change = $5, change_note = $6, "
	    "no_use_reason = $7, alternative = $8, capacity_centi = $9, "
	    "occupancy_bp = $10, occupancy_prev_bp = $11, waiting = $12, "
	    "catchment = $13, development = $14, plans = $15, "
	    "declaration_url = $16 WHERE indmelding_id = $1 AND offer_id = $2",
	    e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, sub_id);
	db_bind_i64(st, 2, l->offer_id);
	bind_fig(st, 3, l->use_places_centi);
	bind_fig(st, 4, l->use_days);
	db_bind_text(st, 5, ind_change_name(l->change));
	db_bind_text(st, 6, l->change_note);
	db_bind_text(st, 7, l->no_use_reason);
	db_bind_text(st, 8, l->alternative);
	bind_fig(st, 9, l->capacity_centi);
	bind_fig(st, 10, l->occupancy_bp);
	bind_fig(st, 11, l->occupancy_prev_bp);
	bind_fig(st, 12, l->waiting);
	db_bind_text(st, 13, l->catchment);
	db_bind_text(st, 14, l->development);
	db_bind_text(st, 15, l->plans);
	db_bind_text(st, 16, l->declaration_url);
	return db_run_one(db, st, "Tilbuddet i indmeldingen", e);
}

int
ind_store_fits_put(struct db *db, int64_t sub_id, const struct ind_fit *v,
    size_t n, const char *general, struct err *e)
{
	struct db_stmt	*st;
	size_t		 i;
	int		 rc;

	st = db_prep(db, "DELETE FROM indmelding_fit WHERE indmelding_id = $1",
	    e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, sub_id);
	if ((rc = db_run(st, e)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		if (v[i].fit < 0)
			continue;
		st = db_prep(db, "INSERT INTO indmelding_fit (indmelding_id, "
		    "grp, fit, note) VALUES ($1, $2, $3, $4)", e);
		if (st == NULL)
			return ERR_DB;
		db_bind_i64(st, 1, sub_id);
		db_bind_text(st, 2, v[i].grp);
		db_bind_i64(st, 3, v[i].fit);
		db_bind_text(st, 4, v[i].note);
		if ((rc = db_run(st, e)) != 0)
			return rc;
	}
	st = db_prep(db, "UPDATE indmelding SET general = $2 WHERE id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, sub_id);
	db_bind_text(st, 2, general != NULL ? general : "");
	return db_run(st, e);
}

int
ind_store_sub_set(struct db *db, int64_t id, int64_t expected_version,
    enum submission_status status, const char *comment, const char *at,
    const char *by, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "UPDATE indmelding SET version = version + 1, "
	    "status = $3, comment = CASE WHEN $3 = 'returned' AND "
	    "status <> $3 THEN $4 ELSE comment END, updated_at = $5, "
	    "submitted_at = CASE WHEN $3 = 'submitted' AND status <> $3 "
	    "THEN $5 ELSE submitted_at END, "
	    "reviewed_at = CASE WHEN $3 IN ('returned', 'approved') AND "
	    "status <> $3 THEN $5 ELSE reviewed_at END, "
	    "reviewed_by = CASE WHEN $3 IN ('returned', 'approved') AND "
	    "status <> $3 THEN $6 ELSE reviewed_by END "
	    "WHERE id = $1 AND version = $2", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	db_bind_i64(st, 2, expected_version);
	db_bind_text(st, 3, submission_status_name(status));
	db_bind_text(st, 4, comment);
	db_bind_text(st, 5, at);
	db_bind_text(st, 6, by);
	if (db_run(st, e) != 0)
		return ERR_DB;
	if (db_changes(db) != 1)
		return err_set(e, ERR_PRECONDITION, "stale_version", NULL,
		    "Indmeldingen er ændret af en anden i mellemtiden; hent "
		    "den igen");
	return 0;
}

int
ind_store_progress(struct db *db, int64_t year_id, struct ind_progress *out,
    struct err *e)
{
	struct db_stmt		*st;
	enum ind_kind		 k;
	enum submission_status	 s;
	int			 rc;

	memset(out, 0, sizeof(*out));
	st = db_prep(db, "SELECT kind, status, count(*) FROM indmelding "
	    "WHERE year_id = $1 GROUP BY kind, status", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (ind_kind_parse(db_col_text(st, 0), &k) != 0 ||
		    submission_status_parse(db_col_text(st, 1), &s) != 0)
			continue;
		out->by_status[k][s] += db_col_i64(st, 2);
		out->total[k] += db_col_i64(st, 2);
		if (s == SUBMISSION_SUBMITTED || s == SUBMISSION_APPROVED)
			out->done[k] += db_col_i64(st, 2);
	}
	db_reset(st);
	return rc < 0 ? rc : 0;
}

/* ---- the hearing ------------------------------------------------------ */

int
ind_store_comment_add(struct db *db, int64_t year_id, const char *org_code,
    int64_t offer_id, const char *text, const char *author, const char *at,
    int64_t *id, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "INSERT INTO indmelding_comment (year_id, org_code, "
	    "offer_id, text, author, created_at) VALUES ($1, $2, $3, $4, $5, "
	    "$6) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year_id);
	db_bind_text(st, 2, org_code);
	db_bind_opt(st, 3, offer_id);
	db_bind_text(st, 4, text);
	db_bind_text(st, 5, author);
	db_bind_text(st, 6, at);
	return db_run_id(st, id, e);
}

int
ind_store_comments(struct db *db, struct arena *a, int64_t year_id,
    struct ind_comment **out, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct ind_comment	*v = NULL, *c;
	size_t			 k = 0, cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT c.id, c.org_code, COALESCE(g.name, "
	    "'Sekretariatet'), c.offer_id, o.name, c.text, c.author, "
	    "c.created_at FROM indmelding_comment c "
	    "LEFT JOIN organisation g ON g.code = c.org_code "
	    "LEFT JOIN offer o ON o.id = c.offer_id WHERE c.year_id = $1 "
	    "ORDER BY c.offer_id IS NOT NULL, o.name_key, c.id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		c = &v[k++];
		c->id = db_col_i64(st, 0);
		c->org_code = db_col_dup(st, 1, a);
		c->org_name = db_col_dup(st, 2, a);
		c->offer_id = db_col_i64(st, 3);
		c->offer_name = db_col_dup(st, 4, a);
		c->text = db_col_dup(st, 5, a);
		c->author = db_col_dup(st, 6, a);
		c->created_at = db_col_dup(st, 7, a);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

/* ---- the report ------------------------------------------------------- */

int
ind_store_report_rows(struct db *db, struct arena *a, int64_t year_id,
    int64_t prev_year_id, struct ind_report_row **out, size_t *n,
    struct err *e)
{
	struct db_stmt		*st;
	struct ind_report_row	*v = NULL, *r;
	size_t			 k = 0, cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "WITH m AS (SELECT s.year_id, l.offer_id, "
	    " sum(l.use_places_centi) AS demand, "
	    " count(l.use_places_centi) AS answers, "
	    " count(CASE WHEN l.use_places_centi = 0 THEN 1 END) AS none "
	    " FROM indmelding_line l JOIN indmelding s "
	    " ON s.id = l.indmelding_id WHERE s.kind = 'municipality' "
	    " AND s.status IN ('submitted', 'approved') "
	    " AND s.year_id IN ($1, $2) GROUP BY s.year_id, l.offer_id) "
	    "SELECT o.id, o.name, g.name, os.id IS NOT NULL, "
	    " ol.capacity_centi, ol.occupancy_bp, ol.occupancy_prev_bp, "
	    " ol.waiting, ol.development, ol.plans, m.demand, "
	    " COALESCE(m.answers, 0), COALESCE(m.none, 0), pm.demand "
	    "FROM offer o LEFT JOIN organisation g ON g.code = o.operator_code "
	    "LEFT JOIN indmelding os ON os.year_id = $1 "
	    " AND os.kind = 'operator' AND os.org_code = o.operator_code "
	    " AND os.status IN ('submitted', 'approved') "
	    "LEFT JOIN indmelding_line ol ON ol.indmelding_id = os.id "
	    " AND ol.offer_id = o.id "
	    "LEFT JOIN m ON m.year_id = $1 AND m.offer_id = o.id "
	    "LEFT JOIN m pm ON pm.year_id = $2 AND pm.offer_id = o.id "
	    "WHERE o.id IN (SELECT l.offer_id FROM indmelding_line l "
	    " JOIN indmelding s ON s.id = l.indmelding_id "
	    " WHERE s.year_id = $1) ORDER BY o.name_key, o.id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year_id);
	db_bind_i64(st, 2, prev_year_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		r = &v[k++];
		r->offer_id = db_col_i64(st, 0);
		r->offer_name = db_col_dup(st, 1, a);
		r->operator_name = db_col_dup(st, 2, a);
		r->reported = db_col_i64(st, 3) != 0;
		r->capacity_centi = col_fig(st, 4);
		r->occupancy_bp = col_fig(st, 5);
		r->occupancy_prev_bp = col_fig(st, 6);
		r->waiting = col_fig(st, 7);
		r->development = db_col_dup(st, 8, a);
		r->plans = db_col_dup(st, 9, a);
		r->demand_centi = col_fig(st, 10);
		r->answers = db_col_i64(st, 11);
		r->no_use = db_col_i64(st, 12);
		r->prev_demand_centi = col_fig(st, 13);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
ind_store_report_fits(struct db *db, struct arena *a, int64_t year_id,
    struct ind_report_fit **out, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct ind_report_fit	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT f.grp, count(CASE WHEN f.fit > 0 THEN 1 END), "
	    "COALESCE(sum(CASE WHEN f.fit > 0 THEN f.fit END), 0), "
	    "count(CASE WHEN f.fit BETWEEN 1 AND 2 THEN 1 END) "
	    "FROM indmelding_fit f JOIN indmelding s ON s.id = f.indmelding_id "
	    "WHERE s.year_id = $1 AND s.status IN ('submitted', 'approved') "
	    "GROUP BY f.grp", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		v[k].grp = db_col_dup(st, 0, a);
		v[k].rated = db_col_i64(st, 1);
		v[k].sum = db_col_i64(st, 2);
		v[k].low = db_col_i64(st, 3);
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
ind_store_report_texts(struct db *db, struct arena *a, int64_t year_id,
    enum ind_kind kind, struct ind_report_text **out, size_t *n,
    struct err *e)
{
	struct db_stmt		*st;
	struct ind_report_text	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT o.name, s.general FROM indmelding s "
	    "JOIN organisation o ON o.code = s.org_code WHERE s.year_id = $1 "
	    "AND s.kind = $2 AND s.status IN ('submitted', 'approved') "
	    "AND s.general <> '' ORDER BY o.name", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year_id);
	db_bind_text(st, 2, ind_kind_name(kind));
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		v[k].org_name = db_col_dup(st, 0, a);
		v[k].text = db_col_dup(st, 1, a);
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
ind_store_next_meeting(struct db *db, struct arena *a, const char *body_key,
    const char *today, int64_t *id, const char **title,
    const char **starts_at, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT m.id, m.title, m.starts_at FROM meeting m "
	    "JOIN body b ON b.id = m.body_id WHERE b.key = $1 "
	    "AND m.state IN ('planlagt', 'indkaldt') "
	    "AND substr(m.starts_at, 1, 10) >= $2 "
	    "ORDER BY m.starts_at, m.id LIMIT 1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, body_key);
	db_bind_text(st, 2, today);
	if ((rc = db_step(st, e)) < 0)
		return rc;
	if (rc != DB_ROW) {
		db_reset(st);
		return err_set(e, ERR_NOT_FOUND, "no_meeting", NULL,
		    "Der er intet kommende møde");
	}
	*id = db_col_i64(st, 0);
	*title = db_col_dup(st, 1, a);
	*starts_at = db_col_dup(st, 2, a);
	db_reset(st);
	return 0;
}
