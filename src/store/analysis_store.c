/*
 * analysis_store — tariff analyses (see analysis_store.h).
 */
#include <string.h>

#include "core/tariff.h"
#include "store/analysis_store.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/err.h"

#define A_COLS \
	"a.id, a.version, a.title, a.from_year, a.to_year, a.series_name," \
	" a.series_version, a.f_section, a.f_unit, a.f_level, a.f_operator," \
	" g.name, COALESCE(a.cap_minus_e4, -1), COALESCE(a.target_e4, -1)," \
	" a.state, a.deadline, a.created_at, a.created_by, a.sent_at," \
	" a.finalised_at, a.finalised_by, (SELECT count(*) FROM" \
	" analysis_comment c WHERE c.analysis_id = a.id)," \
	" COALESCE(a.price_year, a.to_year)"
#define A_FROM \
	" FROM analysis a LEFT JOIN organisation g ON g.code = a.f_operator"

static void
read_analysis(struct db_stmt *st, struct arena *ar, struct analysis *a)
{
	memset(a, 0, sizeof(*a));
	a->id = db_col_i64(st, 0);
	a->version = db_col_i64(st, 1);
	a->title = arena_strdup(ar, db_col_text(st, 2));
	a->from_year = (int)db_col_i64(st, 3);
	a->to_year = (int)db_col_i64(st, 4);
	a->series_name = arena_strdup(ar, db_col_text(st, 5));
	a->series_version = db_col_i64(st, 6);
	a->f_section = db_col_i64(st, 7);
	a->f_unit = arena_strdup(ar, db_col_text(st, 8));
	a->f_level = db_col_dup(st, 9, ar);
	a->f_operator = db_col_dup(st, 10, ar);
	a->f_operator_name = db_col_dup(st, 11, ar);
	a->cap_minus_e4 = db_col_i64(st, 12);
	a->target_e4 = db_col_i64(st, 13);
	a->state = arena_strdup(ar, db_col_text(st, 14));
	a->deadline = db_col_dup(st, 15, ar);
	a->created_at = arena_strdup(ar, db_col_text(st, 16));
	a->created_by = arena_strdup(ar, db_col_text(st, 17));
	a->sent_at = db_col_dup(st, 18, ar);
	a->finalised_at = db_col_dup(st, 19, ar);
	a->finalised_by = db_col_dup(st, 20, ar);
	a->ncomments = db_col_i64(st, 21);
	a->price_year = (int)db_col_i64(st, 22);
}

static void
bind_opt_e4(struct db_stmt *st, int n, int64_t v)
{
	if (v < 0)
		db_bind_null(st, n);
	else
		db_bind_i64(st, n, v);
}

int
analysis_store_insert(struct db *db, const struct analysis *a,
    const struct pl_year *ys, size_t nys, const char *at, int64_t *id,
    struct err *e)
{
	struct db_stmt	*st;
	size_t		 i;
	int		 rc;

	st = db_prep(db, "INSERT INTO analysis (title, from_year, to_year, "
	    "series_name, series_version, f_section, f_unit, f_level, "
	    "f_operator, cap_minus_e4, target_e4, created_at, created_by, "
	    "price_year) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
	    "$12, $13, $14) "
	    "RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, a->title);
	db_bind_i64(st, 2, a->from_year);
	db_bind_i64(st, 3, a->to_year);
	db_bind_text(st, 4, a->series_name);
	db_bind_i64(st, 5, a->series_version);
	db_bind_i64(st, 6, a->f_section);
	db_bind_text(st, 7, a->f_unit != NULL ? a->f_unit : "");
	db_bind_text(st, 8, a->f_level);
	db_bind_text(st, 9, a->f_operator);
	bind_opt_e4(st, 10, a->cap_minus_e4);
	bind_opt_e4(st, 11, a->target_e4);
	db_bind_text(st, 12, at);
	db_bind_text(st, 13, a->created_by);
	db_bind_i64(st, 14, a->price_year > 0 ? a->price_year : a->to_year);
	if ((rc = db_run_id(st, id, e)) != 0)
		return rc;
	st = db_prep(db, "INSERT INTO analysis_pl (analysis_id, year, pct_e4) "
	    "VALUES ($1, $2, $3)", e);
	if (st == NULL)
		return ERR_DB;
	for (i = 0; i < nys; i++) {
		db_bind_i64(st, 1, *id);
		db_bind_i64(st, 2, ys[i].year);
		db_bind_i64(st, 3, ys[i].pct_e4);
		if ((rc = db_run(st, e)) != 0)
			return rc;
	}
	return 0;
}

int
analysis_store_get(struct db *db, struct arena *ar, int64_t id,
    struct analysis *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT " A_COLS A_FROM " WHERE a.id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	if ((rc = db_step_one(st, "Analysen", e)) != 0)
		return rc;
	read_analysis(st, ar, out);
	db_reset(st);
	return 0;
}

int
analysis_store_list(struct db *db, struct arena *ar, int final_only,
    struct analysis **out, size_t *n, struct err *e)
{
	struct db_stmt	*st;
	struct analysis	*v = NULL;
	size_t		 k = 0, cap = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT " A_COLS A_FROM " WHERE $1 = 0 OR "
	    "a.state = 'final' ORDER BY a.id DESC", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, final_only);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(ar, v, k, &cap, sizeof(*v));
		read_analysis(st, ar, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
analysis_store_pl(struct db *db, struct arena *ar, int64_t id,
    struct pl_year **out, size_t *n, struct err *e)
{
	struct db_stmt	*st;
	struct pl_year	*v = NULL;
	size_t		 k = 0, cap = 0;
	int		 rc;

	st = db_prep(db, "SELECT year, pct_e4 FROM analysis_pl "
	    "WHERE analysis_id = $1 ORDER BY year", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(ar, v, k, &cap, sizeof(*v));
		v[k].year = (int)db_col_i64(st, 0);
		v[k].pct_e4 = db_col_i64(st, 1);
		k++;
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

static enum tariff_unit
unit_of(const char *s)
{
	enum tariff_unit u;

	return s != NULL && tariff_unit_parse(s, &u) == 0 ? u : TARIFF_UNIT_DAY;
}

static int
read_rows(struct db_stmt *st, struct arena *ar, struct panel_row **out,
    size_t *n, struct err *e)
{
	struct panel_row	*v = NULL, *nv;
	size_t			 k = 0, cap = 0;
	int			 rc;

	while ((rc = db_step(st, e)) == DB_ROW) {
		struct panel_row *r;
		if (k == cap) {
			/* Every field is set below: no zeroing (a year of a
			   national register is 15,000 rows). */
			cap = cap ? cap * 2 : 64;
			nv = arena_alloc(ar, cap * sizeof(*v));
			if (k > 0)
				memcpy(nv, v, k * sizeof(*v));
			v = nv;
		}
		r = &v[k++];
		r->offer_id = db_col_i64(st, 0);
		r->offer_name = arena_strdup(ar, db_col_text(st, 1));
		r->operator_code = arena_strdup(ar, db_col_text(st, 2));
		r->operator_name = arena_strdup(ar, db_col_text(st, 3));
		r->target_group = arena_strdup(ar, db_col_text(st, 4));
		r->paragraph = arena_strdup(ar, db_col_text(st, 5));
		r->section = db_col_i64(st, 6);
		r->level = arena_strdup(ar, db_col_text(st, 7));
		r->unit = unit_of(db_col_text(st, 8));
		r->places_centi = db_col_i64(st, 9);
		r->tariff_ore = db_col_i64(st, 10);
		r->base_ore = db_col_i64(st, 11);
		r->days = db_col_i64(st, 12);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

/*
 * The current published tariffs the filters $2..$5 select. The newest
 * version is looked up in the covering index of the current tariffs
 * (migration 026), named so that the planner does not take the table.
 */
#define LIVE_WHERE \
	" p.superseded_at IS NULL AND p.referred_before = ''" \
	" AND ($2 = 0 OR p.section = $2) AND ($3 = '' OR p.unit = $3)" \
	" AND ($4 IS NULL OR p.level = $4)" \
	" AND ($5 IS NULL OR o.operator_code = $5)" \
	" AND NOT EXISTS (SELECT 1 FROM published_tariff q" \
	" INDEXED BY published_tariff_current" \
	" WHERE q.offer_id = p.offer_id AND q.year = p.year" \
	" AND q.paragraph = p.paragraph AND q.level = p.level" \
	" AND q.unit = p.unit AND q.referred_from = p.referred_from" \
	" AND q.referred_before = '' AND q.superseded_at IS NULL" \
	" AND q.version > p.version)"

static void
bind_filters(struct db_stmt *st, const struct analysis *a)
{
	db_bind_i64(st, 2, a->f_section);
	db_bind_text(st, 3, a->f_unit != NULL ? a->f_unit : "");
	db_bind_text(st, 4, a->f_level);
	db_bind_text(st, 5, a->f_operator);
}

int
analysis_store_rows_live(struct db *db, struct arena *ar,
    const struct analysis *a, int year, struct panel_row **out, size_t *n,
    struct err *e)
{
	struct db_stmt *st;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT p.offer_id, o.name, "
	    "COALESCE(o.operator_code, ''), "
	    "COALESCE(g.name, o.operator_code, ''), "
	    "COALESCE((SELECT t.text FROM offer_target_group t "
	    "WHERE t.offer_id = o.id ORDER BY t.pos LIMIT 1), ''), "
	    "p.paragraph, p.section, p.level, p.unit, p.places_centi, "
	    "p.tariff_ore, COALESCE(sl.base_ore, -1), COALESCE(sl.days, 0) "
	    "FROM published_tariff p JOIN offer o ON o.id = p.offer_id "
	    "LEFT JOIN organisation g ON g.code = o.operator_code "
	    "LEFT JOIN service_line sl ON sl.submission_id = p.submission_id "
	    "AND sl.paragraph = p.paragraph AND sl.level = p.level "
	    "AND sl.unit = p.unit AND sl.referred_from = p.referred_from "
	    "AND sl.referred_before = p.referred_before "
	    "WHERE p.year = $1 AND" LIVE_WHERE
	    " ORDER BY p.offer_id, p.paragraph, p.level, p.unit", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year);
	bind_filters(st, a);
	return read_rows(st, ar, out, n, e);
}

static int
read_years(struct db_stmt *st, struct arena *ar, struct analysis_year **out,
    size_t *n, struct err *e)
{
	struct analysis_year	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(ar, v, k, &cap, sizeof(*v));
		v[k].year = (int)db_col_i64(st, 0);
		v[k].nlines = db_col_i64(st, 1);
		v[k].places_centi = db_col_i64(st, 2);
		v[k].exp_centi_ore = db_col_i64(st, 3);
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
analysis_store_years_live(struct db *db, struct arena *ar,
    const struct analysis *a, struct analysis_year **out, size_t *n,
    struct err *e)
{
	struct db_stmt *st;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT p.year, count(*), sum(p.places_centi), "
	    "sum(p.places_centi * p.tariff_ore) "
	    "FROM published_tariff p INDEXED BY published_tariff_current "
	    "JOIN offer o ON o.id = p.offer_id "
	    "WHERE p.year BETWEEN $1 AND $6 AND" LIVE_WHERE
	    " GROUP BY p.year ORDER BY p.year", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, a->from_year);
	bind_filters(st, a);
	db_bind_i64(st, 6, a->to_year);
	return read_years(st, ar, out, n, e);
}

static int
freeze_side(struct db *db, int64_t id, int side, const struct panel_row *v,
    size_t n, struct err *e)
{
	struct db_stmt	*st;
	size_t		 i;
	int		 rc;

	st = db_prep(db, "INSERT INTO analysis_line (analysis_id, side, pos, "
	    "offer_id, offer_name, operator_code, operator_name, target_group, "
	    "paragraph, section, level, unit, places_centi, tariff_ore, "
	    "base_ore, days) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
	    "$11, $12, $13, $14, $15, $16)", e);
	if (st == NULL)
		return ERR_DB;
	for (i = 0; i < n; i++) {
		db_bind_i64(st, 1, id);
		db_bind_i64(st, 2, side);
		db_bind_i64(st, 3, (int64_t)i + 1);
		db_bind_i64(st, 4, v[i].offer_id);
		db_bind_text(st, 5, v[i].offer_name);
		db_bind_text(st, 6, v[i].operator_code);
		db_bind_text(st, 7, v[i].operator_name);
		db_bind_text(st, 8, v[i].target_group);
		db_bind_text(st, 9, v[i].paragraph);
		db_bind_i64(st, 10, v[i].section);
		db_bind_text(st, 11, v[i].level);
		db_bind_text(st, 12, tariff_unit_name(v[i].unit));
		db_bind_i64(st, 13, v[i].places_centi);
		db_bind_i64(st, 14, v[i].tariff_ore);
		db_bind_i64(st, 15, v[i].base_ore);
		db_bind_i64(st, 16, v[i].days);
		if ((rc = db_run(st, e)) != 0)
			return rc;
	}
	return 0;
}

int
analysis_store_freeze(struct db *db, int64_t id, const struct panel_row *from,
    size_t nfrom, const struct panel_row *to, size_t nto,
    const struct analysis_year *ys, size_t nys, struct err *e)
{
	struct db_stmt	*st;
	size_t		 i;
	int		 rc;

	if ((rc = freeze_side(db, id, 0, from, nfrom, e)) != 0 ||
	    (rc = freeze_side(db, id, 1, to, nto, e)) != 0)
		return rc;
	st = db_prep(db, "INSERT INTO analysis_year (analysis_id, year, "
	    "nlines, places_centi, exp_centi_ore) VALUES ($1, $2, $3, $4, $5)",
	    e);
	if (st == NULL)
		return ERR_DB;
	for (i = 0; i < nys; i++) {
		db_bind_i64(st, 1, id);
		db_bind_i64(st, 2, ys[i].year);
		db_bind_i64(st, 3, ys[i].nlines);
		db_bind_i64(st, 4, ys[i].places_centi);
		db_bind_i64(st, 5, ys[i].exp_centi_ore);
		if ((rc = db_run(st, e)) != 0)
			return rc;
	}
	return 0;
}

int
analysis_store_rows_frozen(struct db *db, struct arena *ar, int64_t id,
    int side, struct panel_row **out, size_t *n, struct err *e)
{
	struct db_stmt *st;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT offer_id, offer_name, operator_code, "
	    "operator_name, target_group, paragraph, section, level, unit, "
	    "places_centi, tariff_ore, base_ore, days FROM analysis_line "
	    "WHERE analysis_id = $1 AND side = $2 ORDER BY pos", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	db_bind_i64(st, 2, side);
	return read_rows(st, ar, out, n, e);
}

int
analysis_store_years_frozen(struct db *db, struct arena *ar, int64_t id,
    struct analysis_year **out, size_t *n, struct err *e)
{
	struct db_stmt *st;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT year, nlines, places_centi, exp_centi_ore "
	    "FROM analysis_year WHERE analysis_id = $1 ORDER BY year", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	return read_years(st, ar, out, n, e);
}

int
analysis_store_set_state(struct db *db, int64_t id, int64_t expected,
    const char *state, const char *deadline, const char *at, const char *by,
    struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "UPDATE analysis SET state = $3, version = version + 1, "
	    "deadline = COALESCE($4, deadline), "
	    "sent_at = CASE WHEN $3 = 'hearing' THEN $5 ELSE sent_at END, "
	    "finalised_at = CASE WHEN $3 = 'final' THEN $5 ELSE NULL END, "
	    "finalised_by = CASE WHEN $3 = 'final' THEN $6 ELSE NULL END "
	    "WHERE id = $1 AND version = $2", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	db_bind_i64(st, 2, expected);
	db_bind_text(st, 3, state);
	db_bind_text(st, 4, deadline);
	db_bind_text(st, 5, at);
	db_bind_text(st, 6, by);
	if ((rc = db_run(st, e)) != 0)
		return rc;
	if (db_changes(db) != 1)
		return err_set(e, ERR_PRECONDITION, "stale", NULL,
		    "Analysen er ændret af en anden i mellemtiden; hent siden "
		    "igen");
	return 0;
}

int
analysis_store_comment_add(struct db *db, int64_t analysis_id,
    const struct analysis_comment *c, int64_t *id, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "INSERT INTO analysis_comment (analysis_id, offer_id, "
	    "author, author_name, org_code, body, created_at) "
	    "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, analysis_id);
	db_bind_opt(st, 2, c->offer_id);
	db_bind_text(st, 3, c->author);
	db_bind_text(st, 4, c->author_name);
	db_bind_text(st, 5, c->org_code);
	db_bind_text(st, 6, c->body);
	db_bind_text(st, 7, c->created_at);
	return db_run_id(st, id, e);
}

int
analysis_store_comments(struct db *db, struct arena *ar, int64_t id,
    struct analysis_comment **out, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct analysis_comment	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT c.id, COALESCE(c.offer_id, 0), o.name, "
	    "c.author, c.author_name, c.org_code, g.name, c.body, c.created_at "
	    "FROM analysis_comment c LEFT JOIN offer o ON o.id = c.offer_id "
	    "LEFT JOIN organisation g ON g.code = c.org_code "
	    "WHERE c.analysis_id = $1 ORDER BY c.id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(ar, v, k, &cap, sizeof(*v));
		v[k].id = db_col_i64(st, 0);
		v[k].offer_id = db_col_i64(st, 1);
		v[k].offer_name = db_col_dup(st, 2, ar);
		v[k].author = arena_strdup(ar, db_col_text(st, 3));
		v[k].author_name = arena_strdup(ar, db_col_text(st, 4));
		v[k].org_code = db_col_dup(st, 5, ar);
		v[k].org_name = db_col_dup(st, 6, ar);
		v[k].body = arena_strdup(ar, db_col_text(st, 7));
		v[k].created_at = arena_strdup(ar, db_col_text(st, 8));
		k++;
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}
