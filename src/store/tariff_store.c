/*
 * tariff_store — submissions and service lines (see tariff_store.h;
 * the published tariffs are in tariff_published.c).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/offer.h"
#include "core/round.h"
#include "core/tariff.h"
#include "store/db.h"
#include "store/offer_event_store.h"
#include "store/tariff_store.h"
#include "store/tariff_store_impl.h"
#include "util/arena.h"
#include "util/err.h"

int
tariff_store_create_submissions(struct db *db, const struct tariff_round *r,
    const char *at, int64_t *n, struct err *e)
{
	struct db_stmt	*st;
	char		 end[11];
	int		 rc;

	/*
	 * A harmonised group that applies in the year reports once: its
	 * first taking-part member offer gets the submission, naming the
	 * group, and the other members get none.
	 */
	st = db_prep(db, "WITH part AS (SELECT o.id, o.operator_code "
	    "FROM offer o WHERE o.deleted_at IS NULL "
	    "AND o.operator_code IS NOT NULL AND o.status <> 'closed' "
	    "AND (o.kind IS NULL OR o.kind <> 'supervision') "
	    "AND ($5 = 0 OR o.covered = 1)), "
	    "grp AS (SELECT m.offer_id, h.id AS gid FROM harmonised_member m "
	    "JOIN harmonised_tariff h ON h.id = m.group_id "
	    "WHERE h.from_year <= $3 AND (h.to_year IS NULL OR h.to_year >= $3) "
	    "AND m.offer_id IN (SELECT id FROM part)), "
	    "lead AS (SELECT gid, min(offer_id) AS offer_id FROM grp "
	    "GROUP BY gid) "
	    "INSERT INTO submission (round_id, offer_id, "
	    "operator_code, status, version, created_at, updated_at, "
	    "prefilled_from, harmonised_id) "
	    "SELECT $1, o.id, " OFFER_EVENT_OPERATOR_SQL("o.id", "$6",
	    "o.operator_code") ", 'draft', 1, $2, $2, "
	    " (SELECT s2.id FROM submission s2 "
	    "  JOIN tariff_round r2 ON r2.id = s2.round_id "
	    "  WHERE s2.offer_id = o.id AND (r2.year < $3 OR "
	    "  (r2.year = $3 AND r2.no < $4)) AND EXISTS (SELECT 1 FROM "
	    "  service_line l WHERE l.submission_id = s2.id) "
	    "  ORDER BY r2.year DESC, r2.no DESC LIMIT 1), "
	    " (SELECT gid FROM lead WHERE lead.offer_id = o.id) "
	    "FROM part o WHERE o.id NOT IN (SELECT offer_id FROM grp) "
	    "OR o.id IN (SELECT offer_id FROM lead) ORDER BY o.id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, r->id);
	db_bind_text(st, 2, at);
	db_bind_i64(st, 3, r->year);
	db_bind_i64(st, 4, r->no);
	db_bind_i64(st, 5, r->covered_only ? 1 : 0);
	snprintf(end, sizeof(end), "%04d-12-31", r->year);
	db_bind_text(st, 6, end);
	rc = db_step(st, e);
	db_reset(st);
	if (rc < 0)
		return rc;
	*n = db_changes(db);
	return 0;
}

int
tariff_store_add_submission(struct db *db, const struct tariff_round *r,
    int64_t offer_id, const char *operator_code, const char *at, int64_t *id,
    struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "INSERT INTO submission (round_id, offer_id, "
	    "operator_code, status, version, created_at, updated_at, "
	    "prefilled_from, harmonised_id) VALUES ($1, $2, $3, 'draft', 1, "
	    "$4, $4, "
	    " (SELECT s2.id FROM submission s2 "
	    "  JOIN tariff_round r2 ON r2.id = s2.round_id "
	    "  WHERE s2.offer_id = $2 AND (r2.year < $5 OR "
	    "  (r2.year = $5 AND r2.no < $6)) AND EXISTS (SELECT 1 FROM "
	    "  service_line l WHERE l.submission_id = s2.id) "
	    "  ORDER BY r2.year DESC, r2.no DESC LIMIT 1), "
	    " (SELECT h.id FROM harmonised_member m JOIN harmonised_tariff h "
	    "  ON h.id = m.group_id WHERE m.offer_id = $2 AND h.from_year <= $5 "
	    "  AND (h.to_year IS NULL OR h.to_year >= $5))) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, r->id);
	db_bind_i64(st, 2, offer_id);
	db_bind_text(st, 3, operator_code);
	db_bind_text(st, 4, at);
	db_bind_i64(st, 5, r->year);
	db_bind_i64(st, 6, r->no);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		*id = db_col_i64(st, 0);
	db_reset(st);
	if (rc == ERR_CONFLICT)
		return err_set(e, ERR_CONFLICT, "already_in_round", "offer_id",
		    "Tilbuddet er allerede med i runden");
	return rc < 0 ? rc : 0;
}

/* The entered columns of a line, from col on (22 columns). */
#define LINE_INPUT_COLS \
	"l.pos, l.paragraph, l.level, l.unit, l.places_centi, l.days," \
	" l.month_days, l.hours_centi, l.occupancy_bp, l.hist1_bp," \
	" l.hist2_bp, l.wages_ore, l.property_ore, l.other_ore," \
	" l.overhead_ore, l.capital_ore, l.pension_ore, l.income_ore," \
	" l.carry_over_ore, l.reason, l.referred_from, l.referred_before"
#define LINE_INPUT_NCOLS	22
/* The computed ones that follow (5 columns). */
#define LINE_RESULT_COLS \
	"l.base_ore, l.tariff_exact, l.tariff_ore, l.warnings, l.startup_ore"

static void
read_line_input(struct db_stmt *st, struct arena *a, int c,
    struct service_line *l)
{
	memset(l, 0, sizeof(*l));
	l->pos = (int)db_col_i64(st, c);
	l->paragraph = arena_strdup(a, db_col_text(st, c + 1));
	l->level = arena_strdup(a, db_col_text(st, c + 2));
	l->unit = unit_of(db_col_text(st, c + 3));
	l->places_centi = db_col_i64(st, c + 4);
	l->days = db_col_i64(st, c + 5);
	l->month_days = db_col_i64(st, c + 6);
	l->hours_centi = db_col_i64(st, c + 7);
	l->occupancy_bp = db_col_i64(st, c + 8);
	l->hist_bp[0] = db_col_null(st, c + 9) ? -1 : db_col_i64(st, c + 9);
	l->hist_bp[1] = db_col_null(st, c + 10) ? -1 : db_col_i64(st, c + 10);
	l->costs.wages_ore = db_col_i64(st, c + 11);
	l->costs.property_ore = db_col_i64(st, c + 12);
	l->costs.other_ore = db_col_i64(st, c + 13);
	l->costs.overhead_ore = db_col_i64(st, c + 14);
	l->costs.capital_ore = db_col_i64(st, c + 15);
	l->costs.pension_ore = db_col_i64(st, c + 16);
	l->income_ore = db_col_i64(st, c + 17);
	l->carry_over_ore = db_col_i64(st, c + 18);
	l->reason = db_col_dup(st, c + 19, a);
	l->referred_from = referral_of(a, st, c + 20);
	l->referred_before = referral_of(a, st, c + 21);
}

/* Decode the stored warnings JSON into l (texts in a). */
static void
decode_warnings(struct arena *a, const char *txt, struct service_line *l)
{
	struct round_warning	*w;
	json_t			*arr, *item, *vals;
	size_t			 i, k;

	l->nwarnings = 0;
	if (txt == NULL || strcmp(txt, "[]") == 0 ||
	    (arr = json_loads(txt, 0, NULL)) == NULL)
		return;
	json_array_foreach(arr, i, item) {
		if (l->nwarnings >= ROUND_WARN_MAX)
			break;
		w = &l->warnings[l->nwarnings];
		memset(w, 0, sizeof(*w));
		if (round_warning_parse(json_string_value(json_object_get(item,
		    "code")), &w->kind) != 0)
			continue;
		w->needs_reason = json_is_true(json_object_get(item,
		    "needs_reason"));
		vals = json_object_get(item, "values");
		for (k = 0; k < 4 && k < json_array_size(vals); k++)
			w->v[k] = json_integer_value(json_array_get(vals, k));
		if (w->kind == WARN_NOT_COMPUTED)
			l->problem = arena_strdup(a, json_string_value(
			    json_object_get(item, "problem")));
		l->nwarnings++;
	}
	json_decref(arr);
}

static void
read_line_result(struct db_stmt *st, struct arena *a, int c,
    struct service_line *l)
{
	l->computed = !db_col_null(st, c + 2);
	l->base_ore = db_col_null(st, c) ? 0 : db_col_i64(st, c);
	snprintf(l->exact, sizeof(l->exact), "%s", db_col_null(st, c + 1) ?
	    "" : db_col_text(st, c + 1));
	l->tariff_ore = l->computed ? db_col_i64(st, c + 2) : 0;
	decode_warnings(a, db_col_text(st, c + 3), l);
	l->startup_ore = db_col_i64(st, c + 4);
}

int
tariff_store_prefill_rows(struct db *db, struct arena *a, int64_t round_id,
    struct round_line_row **out, int **years, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct round_line_row	*v = NULL;
	int			*y = NULL;
	size_t			 k = 0, cap = 0, ycap = 0;
	int			 rc;

	*out = NULL;
	*years = NULL;
	*n = 0;
	st = db_prep(db, "SELECT s.id, s.offer_id, r2.year, COALESCE(o.kind, "
	    "''), " LINE_INPUT_COLS " FROM submission s "
	    "JOIN offer o ON o.id = s.offer_id JOIN submission src ON src.id = "
	    "s.prefilled_from JOIN tariff_round r2 ON r2.id = src.round_id "
	    "JOIN service_line l ON l.submission_id = src.id "
	    "WHERE s.round_id = $1 ORDER BY s.id, l.pos", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, round_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		y = arena_grow(a, y, k, &ycap, sizeof(*y));
		v[k].submission_id = db_col_i64(st, 0);
		v[k].offer_id = db_col_i64(st, 1);
		y[k] = (int)db_col_i64(st, 2);
		v[k].offer_kind = arena_strdup(a, db_col_text(st, 3));
		read_line_input(st, a, 4, &v[k].line);
		v[k].line.reason = NULL;
		k++;
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*years = y;
	*n = k;
	return 0;
}

int
tariff_store_round_lines(struct db *db, struct arena *a, int64_t round_id,
    struct round_line_row **out, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct round_line_row	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT s.id, s.offer_id, " LINE_INPUT_COLS ", "
	    LINE_RESULT_COLS " FROM submission s JOIN service_line l "
	    "ON l.submission_id = s.id WHERE s.round_id = $1 "
	    "ORDER BY s.id, l.pos", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, round_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		v[k].submission_id = db_col_i64(st, 0);
		v[k].offer_id = db_col_i64(st, 1);
		v[k].offer_kind = "";
		read_line_input(st, a, 2, &v[k].line);
		read_line_result(st, a, 2 + LINE_INPUT_NCOLS, &v[k].line);
		k++;
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

#define SUB_COLS \
	"s.id, s.version, s.round_id, r.year, r.no, s.offer_id, o.name," \
	" COALESCE(o.kind, ''), s.operator_code, COALESCE(g.name," \
	" s.operator_code), s.status, s.comment, COALESCE(s.prefilled_from," \
	" 0), s.created_at, s.updated_at, s.submitted_at, s.reviewed_at," \
	" s.reviewed_by, COALESCE(s.harmonised_id, 0), (SELECT h.name ||" \
	" ': ' || (SELECT group_concat(name, ', ') FROM (SELECT o2.name" \
	" FROM harmonised_member m JOIN offer o2 ON o2.id = m.offer_id" \
	" WHERE m.group_id = h.id ORDER BY o2.name_key, o2.id) hm) FROM" \
	" harmonised_tariff h WHERE h.id = s.harmonised_id)"
#define SUB_NCOLS	20
#define SUB_FROM \
	" FROM submission s JOIN tariff_round r ON r.id = s.round_id" \
	" JOIN offer o ON o.id = s.offer_id" \
	" LEFT JOIN organisation g ON g.code = s.operator_code"

static void
read_submission(struct db_stmt *st, struct arena *a, struct submission *s)
{
	memset(s, 0, sizeof(*s));
	s->id = db_col_i64(st, 0);
	s->version = db_col_i64(st, 1);
	s->round_id = db_col_i64(st, 2);
	s->year = (int)db_col_i64(st, 3);
	s->round_no = (int)db_col_i64(st, 4);
	s->offer_id = db_col_i64(st, 5);
	s->offer_name = arena_strdup(a, db_col_text(st, 6));
	s->offer_kind = arena_strdup(a, db_col_text(st, 7));
	s->operator_code = arena_strdup(a, db_col_text(st, 8));
	s->operator_name = arena_strdup(a, db_col_text(st, 9));
	if (submission_status_parse(db_col_text(st, 10), &s->status) != 0)
		s->status = SUBMISSION_DRAFT;
	s->comment = db_col_dup(st, 11, a);
	s->prefilled_from = db_col_i64(st, 12);
	s->created_at = arena_strdup(a, db_col_text(st, 13));
	s->updated_at = arena_strdup(a, db_col_text(st, 14));
	s->submitted_at = db_col_dup(st, 15, a);
	s->reviewed_at = db_col_dup(st, 16, a);
	s->reviewed_by = db_col_dup(st, 17, a);
	s->harmonised_id = db_col_i64(st, 18);
	/* A group's submission is named by the group and its members. */
	if (s->harmonised_id != 0 && !db_col_null(st, 19))
		s->offer_name = arena_strdup(a, db_col_text(st, 19));
}

int
tariff_store_submission_get(struct db *db, struct arena *a, int64_t id,
    struct submission *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT " SUB_COLS SUB_FROM " WHERE s.id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		read_submission(st, a, out);
	db_reset(st);
	if (rc == DB_DONE)
		return err_set(e, ERR_NOT_FOUND, "submission_not_found", NULL,
		    "Indberetning nr. %lld findes ikke", (long long)id);
	return rc < 0 ? rc : 0;
}

int
tariff_store_lines(struct db *db, struct arena *a, int64_t id,
    struct service_line **out, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct service_line	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT " LINE_INPUT_COLS ", " LINE_RESULT_COLS
	    " FROM service_line l WHERE l.submission_id = $1 ORDER BY l.pos",
	    e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		read_line_input(st, a, 0, &v[k]);
		read_line_result(st, a, LINE_INPUT_NCOLS, &v[k]);
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
tariff_store_submission_list(struct db *db, struct arena *a, int64_t round_id,
    const char *operator_code, struct submission **out, size_t *n,
    struct err *e)
{
	struct db_stmt		*st;
	struct submission	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT " SUB_COLS ", COALESCE(x.nlines, 0), "
	    "COALESCE(x.nw, 0), COALESCE(x.missing, 0), COALESCE(x.nc, 0)"
	    SUB_FROM " LEFT JOIN (SELECT submission_id, count(*) AS nlines, "
	    "sum(nwarnings) AS nw, sum(CASE WHEN reasons_asked > 0 AND "
	    "(reason IS NULL OR trim(reason, ' \t\n\r') = '') THEN 1 "
	    "ELSE 0 END) AS missing, "
	    "sum(CASE WHEN tariff_ore IS NULL THEN 1 ELSE 0 END) AS nc "
	    "FROM service_line WHERE "
	    "submission_id IN (SELECT id FROM submission WHERE round_id = $1) "
	    "GROUP BY submission_id) x ON x.submission_id = s.id "
	    "WHERE s.round_id = $1 AND ($2 IS NULL OR s.operator_code = $2) "
	    "ORDER BY 10, o.name_key, s.id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, round_id);
	db_bind_text(st, 2, operator_code);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		read_submission(st, a, &v[k]);
		v[k].nlines = db_col_i64(st, SUB_NCOLS + 0);
		v[k].nwarnings = db_col_i64(st, SUB_NCOLS + 1);
		v[k].reasons_missing = db_col_i64(st, SUB_NCOLS + 2);
		v[k].not_computed = db_col_i64(st, SUB_NCOLS + 3);
		k++;
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

/* An offer's kind, for the lookup by id in tariff_store_submission_keys. */
struct offer_kind_row {
	int64_t		 id;
	const char	*kind;
};

static int
offer_kind_cmp(const void *x, const void *y)
{
	const struct offer_kind_row *p = x, *q = y;

	return p->id < q->id ? -1 : p->id > q->id;
}

int
tariff_store_submission_keys(struct db *db, struct arena *a, int64_t round_id,
    struct submission **out, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct submission	*v = NULL;
	struct offer_kind_row	*kinds = NULL, key, *hit;
	size_t			 k = 0, cap = 0, nk = 0, kcap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	/*
	 * The kind of every offer, read from the index offer_kind alone: an
	 * offer row holds its whole JSON document, and a join would read all
	 * of them for one short column.
	 */
	st = db_prep(db, "SELECT id, COALESCE(kind, '') FROM offer", e);
	if (st == NULL)
		return ERR_DB;
	while ((rc = db_step(st, e)) == DB_ROW) {
		kinds = arena_grow(a, kinds, nk, &kcap, sizeof(*kinds));
		kinds[nk].id = db_col_i64(st, 0);
		kinds[nk].kind = arena_strdup(a, db_col_text(st, 1));
		nk++;
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	if (nk > 1)
		qsort(kinds, nk, sizeof(*kinds), offer_kind_cmp);

	/* Sized first: a round has thousands, and doubling touches (and
	 * copies) twice the memory. */
	st = db_prep(db, "SELECT count(*) FROM submission WHERE round_id = $1",
	    e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, round_id);
	rc = db_step(st, e);
	if (rc == DB_ROW && db_col_i64(st, 0) > 0) {
		cap = (size_t)db_col_i64(st, 0);
		v = arena_calloc(a, cap, sizeof(*v));
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	st = db_prep(db, "SELECT s.id, s.version, s.offer_id, "
	    "s.operator_code, s.status, s.comment, "
	    "(SELECT count(*) FROM service_line l WHERE l.submission_id = "
	    "s.id) "
	    "FROM submission s WHERE s.round_id = $1 ORDER BY s.offer_id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, round_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		v[k].id = db_col_i64(st, 0);
		v[k].version = db_col_i64(st, 1);
		v[k].round_id = round_id;
		v[k].offer_id = db_col_i64(st, 2);
		key.id = v[k].offer_id;
		hit = nk > 0 ? bsearch(&key, kinds, nk, sizeof(*kinds),
		    offer_kind_cmp) : NULL;
		v[k].offer_kind = hit != NULL ? hit->kind : "";
		v[k].operator_code = arena_strdup(a, db_col_text(st, 3));
		if (submission_status_parse(db_col_text(st, 4), &v[k].status)
		    != 0)
			v[k].status = SUBMISSION_DRAFT;
		v[k].comment = db_col_dup(st, 5, a);
		v[k].nlines = db_col_i64(st, 6);
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
tariff_store_lines_delete(struct db *db, int64_t id, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "DELETE FROM service_line WHERE submission_id = $1",
	    e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	return db_run(st, e);
}

/* The warnings of l as the JSON text stored: code, message (for readers
 * of the database), the numbers, and the problem of an uncomputed line. */
static char *
encode_warnings(const struct service_line *l)
{
	json_t	*arr = json_array(), *w;
	char	*txt, msg[ROUND_WARN_MSG];
	size_t	 i;

	for (i = 0; i < l->nwarnings; i++) {
		const struct round_warning *rw = &l->warnings[i];

		round_warning_text(l, i, msg, sizeof(msg));
		w = json_pack("{s:s, s:s, s:b, s:[I, I, I, I]}", "code",
		    round_warning_code(rw->kind), "message", msg,
		    "needs_reason", rw->needs_reason, "values",
		    (json_int_t)rw->v[0], (json_int_t)rw->v[1],
		    (json_int_t)rw->v[2], (json_int_t)rw->v[3]);
		if (rw->kind == WARN_NOT_COMPUTED && l->problem != NULL)
			json_object_set_new(w, "problem",
			    json_string(l->problem));
		json_array_append_new(arr, w);
	}
	txt = json_dumps(arr, JSON_COMPACT | DECIMAL_JSON_FLAGS);
	json_decref(arr);
	return txt;
}

int
tariff_store_line_insert(struct db *db, int64_t id,
    const struct service_line *l, struct err *e)
{
	struct db_stmt	*st;
	char		*warnings;
	size_t		 asked = 0, i;

	st = db_prep(db, "INSERT INTO service_line (submission_id, pos, "
	    "paragraph, section, level, unit, places_centi, days, month_days, "
	    "hours_centi, occupancy_bp, hist1_bp, hist2_bp, wages_ore, "
	    "property_ore, other_ore, overhead_ore, capital_ore, pension_ore, "
	    "income_ore, carry_over_ore, base_ore, tariff_exact, tariff_ore, "
	    "warnings, nwarnings, reasons_asked, reason, referred_from, "
	    "referred_before, startup_ore) VALUES ($1, $2, $3, "
	    "$4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, "
	    "$18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, "
	    "$30, $31)", e);
	if (st == NULL)
		return ERR_DB;
	for (i = 0; i < l->nwarnings; i++)
		if (l->warnings[i].needs_reason)
			asked++;
	warnings = l->nwarnings ? encode_warnings(l) : NULL;
	db_bind_i64(st, 1, id);
	db_bind_i64(st, 2, l->pos);
	db_bind_text(st, 3, l->paragraph);
	db_bind_i64(st, 4, offer_paragraph_section(l->paragraph));
	db_bind_text(st, 5, l->level ? l->level : "");
	db_bind_text(st, 6, tariff_unit_name(l->unit));
	db_bind_i64(st, 7, l->places_centi);
	db_bind_i64(st, 8, l->days);
	db_bind_i64(st, 9, l->month_days);
	db_bind_i64(st, 10, l->hours_centi);
	db_bind_i64(st, 11, l->occupancy_bp);
	if (l->hist_bp[0] >= 0)
		db_bind_i64(st, 12, l->hist_bp[0]);
	else
		db_bind_null(st, 12);
	if (l->hist_bp[1] >= 0)
		db_bind_i64(st, 13, l->hist_bp[1]);
	else
		db_bind_null(st, 13);
	db_bind_i64(st, 14, l->costs.wages_ore);
	db_bind_i64(st, 15, l->costs.property_ore);
	db_bind_i64(st, 16, l->costs.other_ore);
	db_bind_i64(st, 17, l->costs.overhead_ore);
	db_bind_i64(st, 18, l->costs.capital_ore);
	db_bind_i64(st, 19, l->costs.pension_ore);
	db_bind_i64(st, 20, l->income_ore);
	db_bind_i64(st, 21, l->carry_over_ore);
	if (l->computed) {
		db_bind_i64(st, 22, l->base_ore);
		db_bind_text(st, 23, l->exact);
		db_bind_i64(st, 24, l->tariff_ore);
	} else {
		db_bind_null(st, 22);
		db_bind_null(st, 23);
		db_bind_null(st, 24);
	}
	db_bind_text(st, 25, warnings ? warnings : "[]");
	db_bind_i64(st, 26, (int64_t)l->nwarnings);
	db_bind_i64(st, 27, (int64_t)asked);
	db_bind_text(st, 28, l->reason != NULL && *l->reason ? l->reason :
	    NULL);
	db_bind_text(st, 29, referral_db(l->referred_from));
	db_bind_text(st, 30, referral_db(l->referred_before));
	db_bind_i64(st, 31, l->computed ? l->startup_ore : 0);
	free(warnings);
	return db_run(st, e);
}

int
tariff_store_submission_set(struct db *db, int64_t id,
    int64_t expected_version, enum submission_status status,
    const char *comment, const char *at, const char *who, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "UPDATE submission SET status = $3, "
	    "version = version + 1, updated_at = $4, "
	    "submitted_at = CASE WHEN $3 = 'submitted' THEN $4 "
	    "  WHEN $3 = 'approved' THEN COALESCE(submitted_at, $4) "
	    "  ELSE submitted_at END, "
	    "reviewed_at = CASE WHEN $3 IN ('approved', 'returned') THEN $4 "
	    "  ELSE reviewed_at END, "
	    "reviewed_by = CASE WHEN $3 IN ('approved', 'returned') THEN $5 "
	    "  ELSE reviewed_by END, "
	    "comment = CASE WHEN $3 = 'returned' THEN $6 "
	    "  WHEN $3 = 'approved' THEN NULL ELSE comment END "
	    "WHERE id = $1 AND version = $2", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	db_bind_i64(st, 2, expected_version);
	db_bind_text(st, 3, submission_status_name(status));
	db_bind_text(st, 4, at);
	db_bind_text(st, 5, who);
	db_bind_text(st, 6, comment);
	rc = db_step(st, e);
	db_reset(st);
	if (rc < 0)
		return rc;
	if (db_changes(db) == 0)
		return err_set(e, ERR_PRECONDITION, "stale_version", NULL,
		    "Indberetningen er ændret i mellemtiden; hent den igen og "
		    "gentag ændringen");
	return 0;
}

int
tariff_store_submission_touch(struct db *db, int64_t id,
    int64_t expected_version, const char *at, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "UPDATE submission SET version = version + 1, "
	    "updated_at = $3 WHERE id = $1 AND version = $2", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	db_bind_i64(st, 2, expected_version);
	db_bind_text(st, 3, at);
	rc = db_step(st, e);
	db_reset(st);
	if (rc < 0)
		return rc;
	if (db_changes(db) == 0)
		return err_set(e, ERR_PRECONDITION, "stale_version", NULL,
		    "Indberetningen er ændret i mellemtiden; hent den igen og "
		    "gentag ændringen");
	return 0;
}

int
tariff_store_prev_tariffs(struct db *db, struct arena *a, int year,
    int64_t offer_id, struct prev_tariff **out, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct prev_tariff	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT p.offer_id, p.paragraph, p.level, p.unit, "
	    "p.tariff_ore, p.referred_from, p.referred_before "
	    "FROM published_tariff p WHERE p.year = $1 "
	    "AND p.superseded_at IS NULL AND ($2 = 0 OR p.offer_id = $2) "
	    "AND NOT EXISTS (SELECT 1 FROM published_tariff q "
	    "WHERE q.offer_id = p.offer_id AND q.year = p.year "
	    "AND q.paragraph = p.paragraph AND q.level = p.level "
	    "AND q.unit = p.unit AND q.referred_from = p.referred_from "
	    "AND q.referred_before = p.referred_before "
	    "AND q.superseded_at IS NULL "
	    "AND q.version > p.version) ORDER BY p.offer_id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year);
	db_bind_i64(st, 2, offer_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		v[k].offer_id = db_col_i64(st, 0);
		v[k].paragraph = arena_strdup(a, db_col_text(st, 1));
		v[k].level = arena_strdup(a, db_col_text(st, 2));
		v[k].unit = unit_of(db_col_text(st, 3));
		v[k].tariff_ore = db_col_i64(st, 4);
		v[k].referred_from = referral_of(a, st, 5);
		v[k].referred_before = referral_of(a, st, 6);
		k++;
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}
