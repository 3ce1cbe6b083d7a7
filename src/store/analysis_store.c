/*
 * analysis_store — tariff analyses (see analysis_store.h).
 */
#include <string.h>

#include "core/tariff.h"
#include "store/analysis_store.h"
#include "store/db.h"
#include "store/offer_event_store.h"
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

/*
 * The rows of a year repeat their strings: an offer's lines follow each
 * other (its name, operator and target group), and a few paragraphs and
 * levels recur. One copy each in the arena instead of one per row.
 */
static const char *
same(struct arena *ar, const char *s, const char *prev)
{
	if (s == NULL)
		s = "";
	return prev != NULL && strcmp(s, prev) == 0 ? prev :
	    arena_strdup(ar, s);
}

#define INTERN_MAX	16

static const char *
intern(struct arena *ar, const char *s, const char **seen, size_t *n)
{
	size_t i;

	if (s == NULL)
		s = "";
	for (i = 0; i < *n; i++)
		if (strcmp(s, seen[i]) == 0)
			return seen[i];
	if (*n == INTERN_MAX)
		return arena_strdup(ar, s);
	return seen[(*n)++] = arena_strdup(ar, s);
}

/* The rows of st into *out (*n set); hint: the rows expected, or 0. */
static int
read_rows(struct db_stmt *st, struct arena *ar, size_t hint,
    struct panel_row **out, size_t *n, struct err *e)
{
	struct panel_row	*v = NULL, *nv, *prev;
	const char		*paras[INTERN_MAX], *levels[INTERN_MAX];
	size_t			 k = 0, cap = 0, nparas = 0, nlevels = 0;
	int			 rc;

	while ((rc = db_step(st, e)) == DB_ROW) {
		struct panel_row *r;
		if (k == cap) {
			/* Every field is set below: no zeroing (a year of a
			   national register is 15,000 rows). */
			cap = cap ? cap * 2 : hint > 0 ? hint : 64;
			nv = arena_array(ar, cap, sizeof(*v));
			if (k > 0)
				memcpy(nv, v, k * sizeof(*v));
			v = nv;
		}
		r = &v[k++];
		prev = k > 1 ? &v[k - 2] : NULL;
		r->offer_id = db_col_i64(st, 0);
		r->offer_name = same(ar, db_col_text(st, 1),
		    prev ? prev->offer_name : NULL);
		r->operator_code = same(ar, db_col_text(st, 2),
		    prev ? prev->operator_code : NULL);
		r->operator_name = same(ar, db_col_text(st, 3),
		    prev ? prev->operator_name : NULL);
		r->target_group = same(ar, db_col_text(st, 4),
		    prev ? prev->target_group : NULL);
		r->paragraph = intern(ar, db_col_text(st, 5), paras, &nparas);
		r->section = db_col_i64(st, 6);
		r->level = intern(ar, db_col_text(st, 7), levels, &nlevels);
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
 * The current published tariffs the filters $2..$5 select, from the rows
 * the triggers of migration 030 keep: one per line and year, the newest
 * version not superseded and not for citizens referred before a cut-off,
 * with the cost base and days of the service line it was published from
 * and the operator of its year (migration 034: an offer taken over from
 * a date is the old operator's before that date's year).
 */
#define CUR_WHERE_LINE \
	" ($2 = 0 OR c.section = $2) AND ($3 = '' OR c.unit = $3)" \
	" AND ($4 IS NULL OR c.level = $4)"
#define CUR_WHERE CUR_WHERE_LINE " AND ($5 IS NULL OR c.operator_code = $5)"
/*
 * The operator filter of the panel's rows: the offer's operator in the
 * to-year ($6, its 31 December), the operator a line is grouped by, so
 * that an offer taken over between the two years is one continuing offer
 * of its new operator (not a new one of it and a closed one of the old).
 */
#define CUR_WHERE_PANEL CUR_WHERE_LINE " AND ($5 IS NULL OR " \
	OFFER_EVENT_OPERATOR_SQL("c.offer_id", "$6", "o.operator_code") \
	" = $5)"

/*
 * A harmonised group's one tariff counts once, on its first member
 * offer: every member carries the same amount and the group's places.
 * True for the other members' rows (only rows of a group are looked at).
 */
#define HARMONISED_REPEAT \
	" c.harmonised_id IS NOT NULL AND EXISTS (SELECT 1 FROM" \
	" published_tariff h WHERE h.harmonised_id = c.harmonised_id" \
	" AND h.year = c.year AND h.offer_id < c.offer_id" \
	" AND h.paragraph = c.paragraph AND h.level = c.level" \
	" AND h.unit = c.unit AND h.referred_from = c.referred_from" \
	" AND h.superseded_at IS NULL)"

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
	struct db_stmt	*st;
	size_t		 hint = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	/* The number of rows, from the kept sums (by the operator of year:
	   a first size, the array grows if a takeover adds rows). */
	st = db_prep(db, "SELECT COALESCE(sum(c.nlines), 0) "
	    "FROM tariff_year_sum c WHERE c.year = $1 AND" CUR_WHERE, e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year);
	bind_filters(st, a);
	if ((rc = db_step(st, e)) == DB_ROW && db_col_i64(st, 0) > 0)
		hint = (size_t)db_col_i64(st, 0);
	db_reset(st);
	if (rc < 0)
		return rc;
	/* The operator of the tariff's year, as kept (migration 034). */
	st = db_prep(db, "SELECT c.offer_id, o.name, c.operator_code, "
	    "COALESCE(g.name, c.operator_code), "
	    "COALESCE((SELECT t.text FROM offer_target_group t "
	    "WHERE t.offer_id = o.id ORDER BY t.pos LIMIT 1), ''), "
	    "c.paragraph, c.section, c.level, c.unit, c.places_centi, "
	    "c.tariff_ore, COALESCE(c.base_ore, -1), COALESCE(c.days, 0) "
	    "FROM tariff_current c JOIN offer o ON o.id = c.offer_id "
	    "LEFT JOIN organisation g ON g.code = c.operator_code "
	    "WHERE c.year = $1 AND" CUR_WHERE_PANEL " AND NOT ("
	    HARMONISED_REPEAT ") ORDER BY c.offer_id, c.paragraph, c.level, "
	    "c.unit", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year);
	bind_filters(st, a);
	db_bind_text(st, 6, arena_printf(ar, "%04d-12-31", a->to_year));
	return read_rows(st, ar, hint, out, n, e);
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
	/* The sums the triggers of migration 030 keep per year, operator,
	   section, unit and level, less the rows of a harmonised group's
	   members after the first (a handful, found in tariff_current). */
	/* The group rows are taken through their own small index first
	   (materialised), not by the year range of every current tariff. */
	st = db_prep(db, "WITH g AS MATERIALIZED (SELECT c.year, c.offer_id, "
	    "c.paragraph, c.level, c.unit, c.referred_from, c.section, "
	    "c.operator_code, c.places_centi, c.tariff_ore, c.harmonised_id "
	    "FROM tariff_current c WHERE c.harmonised_id IS NOT NULL) "
	    "SELECT y, sum(n), sum(pl), sum(x) FROM ("
	    "SELECT c.year AS y, c.nlines AS n, c.places_centi AS pl, "
	    "c.exp_centi_ore AS x FROM tariff_year_sum c "
	    "WHERE c.year BETWEEN $1 AND $6 AND" CUR_WHERE
	    " UNION ALL SELECT c.year, -1, -c.places_centi, "
	    "-c.places_centi * c.tariff_ore FROM g c "
	    "WHERE c.year BETWEEN $1 AND $6 AND" CUR_WHERE " AND"
	    HARMONISED_REPEAT ") s GROUP BY y HAVING sum(n) > 0 ORDER BY y", e);
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
	return read_rows(st, ar, 0, out, n, e);
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
