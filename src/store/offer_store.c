/*
 * offer_store — offers in the database (see offer_store.h).
 *
 * A list is four queries whatever its size: the page of offers, then the
 * paragraphs, target groups and places of exactly that page (the page's
 * query as a subselect), matched to offers by id. No per-row queries.
 */
#include <stdlib.h>
#include <string.h>

#include "core/cursor.h"
#include "core/decimal.h"
#include "core/offer.h"
#include "core/offer_json.h"
#include "store/db.h"
#include "store/doc_cache.h"
#include "store/offer_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/log.h"
#include "util/text.h"

/* $1 operator, $2 location, $3 paragraph text, $4 section, $5 kind,
 * $6 status, $7 covered, $8 name pattern. Every column the conditions
 * read on offer is in each offer_list_* index (migration 031), so the
 * count and the rows a page skips are read from the index alone; the
 * paragraphs matching $3/$4 are read once (offer_paragraph_text and
 * offer_paragraph_section), not probed per offer. */
#define OFFER_WHERE \
	"o.deleted_at IS NULL" \
	" AND ($1 IS NULL OR o.operator_code = $1)" \
	" AND ($2 IS NULL OR o.location_code = $2)" \
	" AND ($3 IS NULL OR o.id IN (SELECT p.offer_id FROM offer_paragraph p" \
	"   WHERE p.text = $3 OR p.section = $4))" \
	" AND ($5 IS NULL OR o.kind = $5)" \
	" AND ($6 IS NULL OR o.status = $6)" \
	" AND ($7 IS NULL OR o.covered = $7)" \
	" AND ($8 IS NULL OR o.name_key LIKE $8 ESCAPE '\\')"

#define OFFER_COLS \
	"o.id, o.version, o.name, o.operator_code, o.location_code, o.kind," \
	" o.covered, o.category, o.status, o.opened_on, o.status_from," \
	" o.tilbudsportal_id, o.note, o.source, o.updated_at"

/* The sort orders; a cursor's sort is the index in this list. */
static const char *sorts[] = { "name", "-name", "id", "-id", "operator",
    "location", "updated", "-updated", NULL };
enum { SORT_NAME, SORT_NAME_DESC, SORT_ID, SORT_ID_DESC, SORT_OPERATOR,
    SORT_LOCATION, SORT_UPDATED, SORT_UPDATED_DESC, NSORTS };

/*
 * ORDER BY of each sort order, in the order of sorts[]: each is the
 * column order of one index of migration 031 (the id sorts: the rowid),
 * so SQLite walks that index and never sorts. NULL operators and
 * locations come first (SQLite's order for ASC; written out for other
 * databases).
 */
#define ORDER_NAME	"o.name_key, o.id"
#define ORDER_NAME_DESC	"o.name_key DESC, o.id DESC"
#define ORDER_ID	"o.id"
#define ORDER_ID_DESC	"o.id DESC"
#define ORDER_OPERATOR	"o.operator_code NULLS FIRST, o.name_key, o.id"
#define ORDER_LOCATION	"o.location_code NULLS FIRST, o.name_key, o.id"
#define ORDER_UPDATED	"o.updated_at, o.id"
#define ORDER_UPDATED_DESC "o.updated_at DESC, o.id DESC"

/*
 * The page's rows, as each offer's id and the sort keys of its order (for
 * the next page's cursor), in the columns read by row_cursor: id,
 * name_key, operator_code, location_code, updated_at, each NULL when the
 * order has no use for it, so that the walk is read from the order's
 * index alone ($10 rows after skipping $11). One literal statement per
 * sort order so that SQLite can walk an index instead of sorting every
 * row. The documents come from doc_sql or the process's doc_cache.
 */
#define KEYS_NAME	"o.id, o.name_key, NULL, NULL, NULL"
#define KEYS_ID		"o.id, NULL, NULL, NULL, NULL"
#define KEYS_OPERATOR	"o.id, o.name_key, o.operator_code, NULL, NULL"
#define KEYS_LOCATION	"o.id, o.name_key, NULL, o.location_code, NULL"
#define KEYS_UPDATED	"o.id, NULL, NULL, NULL, o.updated_at"
#define DOC_PAGE(keys, order) "SELECT " keys " FROM offer o WHERE " \
	OFFER_WHERE " ORDER BY " order " LIMIT $10 OFFSET $11"
static const char *const doc_pages[] = {
	DOC_PAGE(KEYS_NAME, ORDER_NAME),
	DOC_PAGE(KEYS_NAME, ORDER_NAME_DESC),
	DOC_PAGE(KEYS_ID, ORDER_ID),
	DOC_PAGE(KEYS_ID, ORDER_ID_DESC),
	DOC_PAGE(KEYS_OPERATOR, ORDER_OPERATOR),
	DOC_PAGE(KEYS_LOCATION, ORDER_LOCATION),
	DOC_PAGE(KEYS_UPDATED, ORDER_UPDATED),
	DOC_PAGE(KEYS_UPDATED, ORDER_UPDATED_DESC),
};

/*
 * The same after a cursor: the rows whose sort key and id come after
 * the cursor's ($12 first key, $13 second key, $14 id), a row-value
 * comparison the index seeks to. For the operator and location orders
 * the cursor's first key may be NULL (an offer without one); the rows
 * after it are then the NULL ones after its name and id and every row
 * with a value (doc_after_null).
 */
#define DOC_AFTER(keys, cond, order) "SELECT " keys " FROM offer o WHERE " \
	OFFER_WHERE " AND " cond " ORDER BY " order " LIMIT $10 OFFSET $11"
static const char *const doc_after[] = {
	DOC_AFTER(KEYS_NAME, "(o.name_key, o.id) > ($12, $14)", ORDER_NAME),
	DOC_AFTER(KEYS_NAME, "(o.name_key, o.id) < ($12, $14)",
	    ORDER_NAME_DESC),
	DOC_AFTER(KEYS_ID, "o.id > $14", ORDER_ID),
	DOC_AFTER(KEYS_ID, "o.id < $14", ORDER_ID_DESC),
	DOC_AFTER(KEYS_OPERATOR,
	    "(o.operator_code, o.name_key, o.id) > ($12, $13, $14)",
	    ORDER_OPERATOR),
	DOC_AFTER(KEYS_LOCATION,
	    "(o.location_code, o.name_key, o.id) > ($12, $13, $14)",
	    ORDER_LOCATION),
	DOC_AFTER(KEYS_UPDATED, "(o.updated_at, o.id) > ($12, $14)",
	    ORDER_UPDATED),
	DOC_AFTER(KEYS_UPDATED, "(o.updated_at, o.id) < ($12, $14)",
	    ORDER_UPDATED_DESC),
};
static const char *const doc_after_null[] = {
	DOC_AFTER(KEYS_OPERATOR, "(o.operator_code IS NOT NULL OR "
	    "(o.name_key, o.id) > ($13, $14))", ORDER_OPERATOR),
	DOC_AFTER(KEYS_LOCATION, "(o.location_code IS NOT NULL OR "
	    "(o.name_key, o.id) > ($13, $14))", ORDER_LOCATION),
};

/* The same page as rows of the struct list, one statement per sort. */
#define LIST_PAGE(order) "SELECT " OFFER_COLS " FROM offer o WHERE " \
	OFFER_WHERE " ORDER BY " order " LIMIT $10 OFFSET $11"
static const char *const list_pages[] = {
	LIST_PAGE(ORDER_NAME), LIST_PAGE(ORDER_NAME_DESC), LIST_PAGE(ORDER_ID),
	LIST_PAGE(ORDER_ID_DESC), LIST_PAGE(ORDER_OPERATOR),
	LIST_PAGE(ORDER_LOCATION), LIST_PAGE(ORDER_UPDATED),
	LIST_PAGE(ORDER_UPDATED_DESC),
};

/*
 * The children of up to CHILD_BATCH offers of a page in one statement, by
 * their primary keys: one round trip per kind and batch instead of one per
 * offer (PostgreSQL answers each over the socket). Unused places are bound
 * to 0, which no offer has.
 */
#define CHILD_BATCH	25
#define CHILD_IDS	"$1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14," \
	"$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25"
static const char *const child_sql[] = {
	"SELECT offer_id, text FROM offer_paragraph WHERE offer_id IN ("
	    CHILD_IDS ") ORDER BY offer_id, pos",
	"SELECT offer_id, text FROM offer_target_group WHERE offer_id IN ("
	    CHILD_IDS ") ORDER BY offer_id, pos",
	"SELECT offer_id, year, places_centi FROM offer_places "
	    "WHERE offer_id IN (" CHILD_IDS ") ORDER BY offer_id, year",
};

/* The stored documents of up to CHILD_BATCH offers, whether each is JSON. */
static const char doc_sql[] = "SELECT id, doc, json_valid(doc) FROM offer "
    "WHERE id IN (" CHILD_IDS ")";

int
offer_store_sort_valid(const char *sort)
{
	return offer_store_sort_index(sort) >= 0;
}

int
offer_store_sort_index(const char *sort)
{
	int i;

	if (sort == NULL)
		return SORT_NAME;
	for (i = 0; sorts[i] != NULL; i++)
		if (strcmp(sort, sorts[i]) == 0)
			return i;
	return -1;
}

int
offer_store_cursor_check(const struct offer_filter *f, struct err *e)
{
	const struct cursor	*c = f->after;
	int			 ok;

	if (c == NULL)
		return 0;
	if (c->sort != offer_store_sort_index(f->sort))
		return err_set(e, ERR_INVALID, "invalid_cursor", "cursor",
		    "Cursoren hører til en anden sortering; hent listen "
		    "forfra uden cursor");
	switch (c->sort) {
	case SORT_ID:
	case SORT_ID_DESC:
		ok = 1;
		break;
	case SORT_OPERATOR:
	case SORT_LOCATION:
		ok = c->k2 != NULL;
		break;
	default:
		ok = c->k1 != NULL;
		break;
	}
	if (!ok || c->id < 0)
		return err_set(e, ERR_INVALID, "invalid_cursor", "cursor",
		    "Ugyldig cursor: hent listen forfra uden cursor");
	return 0;
}

static void
bind_filter(struct db_stmt *st, struct arena *a, const struct offer_filter *f)
{
	int64_t section = -1;

	db_bind_text(st, 1, f->operator_code);
	db_bind_text(st, 2, f->location_code);
	db_bind_text(st, 3, f->paragraph);
	if (f->paragraph != NULL && text_parse_i64(f->paragraph, &section) != 0)
		section = -1;
	db_bind_i64(st, 4, section);
	db_bind_text(st, 5, f->kind);
	db_bind_text(st, 6, f->status);
	if (f->covered >= 0)
		db_bind_i64(st, 7, f->covered);
	else
		db_bind_null(st, 7);
	if (f->q != NULL && *f->q != '\0') {
		/* Escape LIKE's wildcards in the user's text. */
		size_t	 i, n = strlen(f->q);
		char	*pat = arena_alloc(a, n * 2 + 3), *p = pat;
		*p++ = '%';
		for (i = 0; i < n; i++) {
			if (f->q[i] == '%' || f->q[i] == '_' || f->q[i] == '\\')
				*p++ = '\\';
			*p++ = f->q[i];
		}
		*p++ = '%';
		*p = '\0';
		db_bind_text(st, 8, pat);
	} else
		db_bind_text(st, 8, NULL);
}

static void
read_offer(struct db_stmt *st, struct arena *a, struct offer *o)
{
	memset(o, 0, sizeof(*o));
	o->id = db_col_i64(st, 0);
	o->version = db_col_i64(st, 1);
	o->name = arena_strdup(a, db_col_text(st, 2));
	o->operator_code = db_col_dup(st, 3, a);
	o->location_code = db_col_dup(st, 4, a);
	if (offer_kind_parse(db_col_text(st, 5), &o->kind) != 0)
		o->kind = OFFER_KIND_UNKNOWN;
	o->covered = db_col_i64(st, 6) != 0;
	o->category = db_col_dup(st, 7, a);
	if (offer_status_parse(db_col_text(st, 8), &o->status) != 0)
		o->status = OFFER_ACTIVE;
	o->opened_on = db_col_dup(st, 9, a);
	o->status_from = db_col_dup(st, 10, a);
	o->tilbudsportal_id = db_col_dup(st, 11, a);
	o->note = db_col_dup(st, 12, a);
	o->source = db_col_dup(st, 13, a);
	o->updated_at = arena_strdup(a, db_col_text(st, 14));
}

/* Index of offers by id, for attaching children. */
struct id_index {
	int64_t	id;
	size_t	pos;
};

static int
id_cmp(const void *a, const void *b)
{
	const struct id_index *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

static struct offer *
find_offer(struct offer *v, struct id_index *idx, size_t n, int64_t id)
{
	struct id_index key = { id, 0 }, *hit;

	hit = bsearch(&key, idx, n, sizeof(*idx), id_cmp);
	return hit ? &v[hit->pos] : NULL;
}

/* Count children per offer first, then fill: two passes over one query. */
enum child { CHILD_PARAGRAPH, CHILD_GROUP, CHILD_PLACES };

static int
load_children(struct db *db, struct arena *a, struct db_stmt *st,
    enum child kind, struct offer *v, struct id_index *idx, size_t n,
    struct err *e)
{
	struct offer	*o;
	size_t		*cap;
	int		 rc;

	cap = arena_calloc(a, n ? n : 1, sizeof(*cap));
	(void)db;
	while ((rc = db_step(st, e)) == DB_ROW) {
		if ((o = find_offer(v, idx, n, db_col_i64(st, 0))) == NULL)
			continue;
		size_t k = (size_t)(o - v);
		switch (kind) {
		case CHILD_PARAGRAPH:
			if (o->nparagraphs == cap[k]) {
				const char **nv;
				cap[k] = cap[k] ? cap[k] * 2 : 4;
				nv = arena_calloc(a, cap[k], sizeof(*nv));
				if (o->nparagraphs)
					memcpy(nv, o->paragraphs,
					    o->nparagraphs * sizeof(*nv));
				o->paragraphs = nv;
			}
			o->paragraphs[o->nparagraphs++] =
			    arena_strdup(a, db_col_text(st, 1));
			break;
		case CHILD_GROUP:
			if (o->ntarget_groups == cap[k]) {
				const char **nv;
				cap[k] = cap[k] ? cap[k] * 2 : 2;
				nv = arena_calloc(a, cap[k], sizeof(*nv));
				if (o->ntarget_groups)
					memcpy(nv, o->target_groups,
					    o->ntarget_groups * sizeof(*nv));
				o->target_groups = nv;
			}
			o->target_groups[o->ntarget_groups++] =
			    arena_strdup(a, db_col_text(st, 1));
			break;
		case CHILD_PLACES:
			if (o->nplaces == cap[k]) {
				struct offer_places *nv;
				cap[k] = cap[k] ? cap[k] * 2 : 4;
				nv = arena_calloc(a, cap[k], sizeof(*nv));
				if (o->nplaces)
					memcpy(nv, o->places,
					    o->nplaces * sizeof(*nv));
				o->places = nv;
			}
			o->places[o->nplaces].year = (int)db_col_i64(st, 1);
			o->places[o->nplaces].centi = db_col_i64(st, 2);
			o->nplaces++;
			break;
		}
	}
	db_reset(st);
	return rc < 0 ? rc : 0;
}

int
offer_store_list(struct db *db, struct arena *a, const struct offer_filter *f,
    struct offer **out, size_t *n, int64_t *total, struct err *e)
{
	struct db_stmt	*st;
	struct offer	*v;
	struct id_index	*idx;
	size_t		 k = 0, i, j;
	enum child	 c;
	int		 rc, which = 0;

	*out = NULL;
	*n = 0;
	*total = 0;
	st = db_prep(db, "SELECT count(*) FROM offer o WHERE " OFFER_WHERE, e);
	if (st == NULL)
		return ERR_DB;
	bind_filter(st, a, f);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		*total = db_col_i64(st, 0);
	db_reset(st);
	if (rc < 0)
		return rc;

	for (i = 0; sorts[i] != NULL; i++)
		if (f->sort != NULL && strcmp(f->sort, sorts[i]) == 0)
			which = (int)i;
	if ((st = db_prep(db, list_pages[which], e)) == NULL)
		return ERR_DB;
	bind_filter(st, a, f);
	db_bind_i64(st, 10, f->limit);		/* the page */
	db_bind_i64(st, 11, f->offset);
	v = arena_calloc(a, (size_t)(f->limit > 0 ? f->limit : 1), sizeof(*v));
	while ((rc = db_step(st, e)) == DB_ROW && k < (size_t)f->limit)
		read_offer(st, a, &v[k++]);
	db_reset(st);
	if (rc < 0)
		return rc;

	/* A page is short: its offers' children by primary key, in batches. */
	idx = arena_calloc(a, k ? k : 1, sizeof(*idx));
	for (i = 0; i < k; i++)
		idx[i] = (struct id_index){ v[i].id, i };
	qsort(idx, k, sizeof(*idx), id_cmp);
	for (c = CHILD_PARAGRAPH; c <= CHILD_PLACES; c++) {
		if ((st = db_prep(db, child_sql[c], e)) == NULL)
			return ERR_DB;
		for (i = 0; i < k; i += CHILD_BATCH) {
			for (j = 0; j < CHILD_BATCH; j++)
				db_bind_i64(st, (int)j + 1,
				    i + j < k ? idx[i + j].id : 0);
			if ((rc = load_children(db, a, st, c, v, idx, k,
			    e)) != 0)
				return rc;
		}
	}
	*out = v;
	*n = k;
	return 0;
}

/* The statement of f's page of documents, with the cursor's keys bound. */
static struct db_stmt *
doc_stmt(struct db *db, struct arena *a, const struct offer_filter *f,
    struct err *e)
{
	const struct cursor	*c = f->after;
	struct db_stmt		*st;
	int			 which = offer_store_sort_index(f->sort), null_key;

	if (which < 0)
		which = SORT_NAME;
	null_key = c != NULL && (which == SORT_OPERATOR ||
	    which == SORT_LOCATION) && c->k1 == NULL;
	if (c == NULL)
		st = db_prep(db, doc_pages[which], e);
	else if (null_key)
		st = db_prep(db, doc_after_null[which - SORT_OPERATOR], e);
	else
		st = db_prep(db, doc_after[which], e);
	if (st == NULL)
		return NULL;
	bind_filter(st, a, f);
	db_bind_i64(st, 10, f->limit + 1);	/* one more: is there a next? */
	db_bind_i64(st, 11, f->offset);
	if (c == NULL)
		return st;
	if (which != SORT_ID && which != SORT_ID_DESC && !null_key)
		db_bind_text(st, 12, c->k1);
	if (which == SORT_OPERATOR || which == SORT_LOCATION)
		db_bind_text(st, 13, c->k2);
	db_bind_i64(st, 14, c->id);
	return st;
}

/* The cursor of the current row of a doc_stmt for sort order which. */
static void
row_cursor(struct db_stmt *st, struct arena *a, int which, struct cursor *c)
{
	memset(c, 0, sizeof(*c));
	c->sort = which;
	c->id = db_col_i64(st, 0);
	switch (which) {
	case SORT_NAME:
	case SORT_NAME_DESC:
		c->k1 = db_col_dup(st, 1, a);
		break;
	case SORT_OPERATOR:
		c->k1 = db_col_dup(st, 2, a);
		c->k2 = db_col_dup(st, 1, a);
		break;
	case SORT_LOCATION:
		c->k1 = db_col_dup(st, 3, a);
		c->k2 = db_col_dup(st, 1, a);
		break;
	case SORT_UPDATED:
	case SORT_UPDATED_DESC:
		c->k1 = db_col_dup(st, 4, a);
		break;
	default:
		break;
	}
}

/*
 * Fill the NULL documents of v[0..k) (offers ids[0..k)) from the table,
 * CHILD_BATCH at a time, and keep them in dc for generation gen. A
 * document that is not JSON stays NULL (logged), not the page.
 */
static int
fetch_docs(struct db *db, struct doc_cache *dc, int64_t gen,
    const int64_t *ids, const char **v, size_t k, struct arena *a,
    struct err *e)
{
	struct db_stmt	*st;
	struct id_index	*idx;
	size_t		 i, j, m = 0;
	int		 rc;

	idx = arena_calloc(a, k ? k : 1, sizeof(*idx));
	for (i = 0; i < k; i++)
		if (v[i] == NULL)
			idx[m++] = (struct id_index){ ids[i], i };
	qsort(idx, m, sizeof(*idx), id_cmp);
	if ((st = db_prep(db, doc_sql, e)) == NULL)
		return ERR_DB;
	for (i = 0; i < m; i += CHILD_BATCH) {
		for (j = 0; j < CHILD_BATCH; j++)
			db_bind_i64(st, (int)j + 1, i + j < m ? idx[i + j].id : 0);
		while ((rc = db_step(st, e)) == DB_ROW) {
			struct id_index key = { db_col_i64(st, 0), 0 }, *hit;
			const char *doc = db_col_text(st, 1);

			hit = bsearch(&key, idx, m, sizeof(*idx), id_cmp);
			if (hit == NULL)
				continue;
			if (doc == NULL || db_col_i64(st, 2) != 1) {
				log_warn("offers: the stored document of offer "
				    "%lld skipped: not JSON", (long long)key.id);
				continue;
			}
			v[hit->pos] = arena_strdup(a, doc);
			doc_cache_put(dc, gen, key.id, doc, strlen(doc));
		}
		db_reset(st);
		if (rc < 0)
			return rc;
	}
	return 0;
}

int
offer_store_list_docs(struct db *db, struct arena *a,
    const struct offer_filter *f, struct doc_cache *dc, int64_t gen,
    const char ***out, size_t *n, int64_t *total, struct cursor *next,
    int *more, struct err *e)
{
	struct db_stmt	*st;
	const char	**v;
	int64_t		*ids;
	size_t		 k = 0, i, cap;
	int		 rc, which;

	*out = NULL;
	*n = 0;
	*more = 0;
	memset(next, 0, sizeof(*next));
	if ((rc = offer_store_cursor_check(f, e)) != 0)
		return rc;
	if ((which = offer_store_sort_index(f->sort)) < 0)
		which = SORT_NAME;
	if (*total < 0) {
		st = db_prep(db, "SELECT count(*) FROM offer o WHERE "
		    OFFER_WHERE, e);
		if (st == NULL)
			return ERR_DB;
		bind_filter(st, a, f);
		*total = 0;
		rc = db_step(st, e);
		if (rc == DB_ROW)
			*total = db_col_i64(st, 0);
		db_reset(st);
		if (rc < 0)
			return rc;
	}
	if ((st = doc_stmt(db, a, f, e)) == NULL)
		return ERR_DB;
	cap = (size_t)(f->limit > 0 ? f->limit : 1);
	ids = arena_calloc(a, cap, sizeof(*ids));
	v = arena_calloc(a, cap, sizeof(*v));
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (k == cap) {
			*more = 1;
			break;
		}
		ids[k++] = db_col_i64(st, 0);
		if (k == cap)		/* the page's last row */
			row_cursor(st, a, which, next);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	if (gen < 0)			/* no generation read: no cache */
		dc = NULL;
	if (doc_cache_get(dc, gen, ids, k, v, a) > 0 &&
	    (rc = fetch_docs(db, dc, gen, ids, v, k, a, e)) != 0)
		return rc;
	/* The documents left out close up. */
	for (i = 0, *n = 0; i < k; i++)
		if (v[i] != NULL)
			v[(*n)++] = v[i];
	*out = v;
	return 0;
}

const char *
offer_store_list_sql(int i)
{
	static const char *const count =
	    "SELECT count(*) FROM offer o WHERE " OFFER_WHERE;
	int n = NSORTS;

	if (i == 0)
		return count;
	if (--i < n)
		return doc_pages[i];
	if ((i -= n) < n)
		return doc_after[i];
	if ((i -= n) < 2)
		return doc_after_null[i];
	if ((i -= 2) < n)
		return list_pages[i];
	if ((i -= n) < 3)
		return child_sql[i];
	if (i == 3)
		return doc_sql;
	return NULL;
}

int64_t
offer_store_generation(struct db *db)
{
	struct db_stmt	*st;
	int64_t		 g = -1;

	if ((st = db_prep(db, "SELECT n FROM change_counter WHERE id = 1",
	    NULL)) == NULL)
		return -1;
	if (db_step(st, NULL) == DB_ROW)
		g = db_col_i64(st, 0);
	db_reset(st);
	return g;
}

int
offer_store_get(struct db *db, struct arena *a, int64_t id, struct offer *out,
    struct err *e)
{
	struct db_stmt	*st;
	struct id_index	 idx = { id, 0 };
	int		 rc;

	st = db_prep(db, "SELECT " OFFER_COLS " FROM offer o WHERE o.id = $1 "
	    "AND o.deleted_at IS NULL", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		read_offer(st, a, out);
	db_reset(st);
	if (rc < 0)
		return rc;
	if (rc == DB_DONE)
		return err_set(e, ERR_NOT_FOUND, "offer_not_found", NULL,
		    "Tilbud nr. %lld findes ikke", (long long)id);

	st = db_prep(db, "SELECT offer_id, text FROM offer_paragraph "
	    "WHERE offer_id = $1 ORDER BY pos", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	if ((rc = load_children(db, a, st, CHILD_PARAGRAPH, out, &idx, 1, e)))
		return rc;
	st = db_prep(db, "SELECT offer_id, text FROM offer_target_group "
	    "WHERE offer_id = $1 ORDER BY pos", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	if ((rc = load_children(db, a, st, CHILD_GROUP, out, &idx, 1, e)))
		return rc;
	st = db_prep(db, "SELECT offer_id, year, places_centi FROM offer_places "
	    "WHERE offer_id = $1 ORDER BY year", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	return load_children(db, a, st, CHILD_PLACES, out, &idx, 1, e);
}

int64_t
offer_store_find(struct db *db, const char *name_key, const char *operator_code)
{
	struct db_stmt	*st;
	int64_t		 id = 0;

	st = db_prep(db, "SELECT id FROM offer WHERE deleted_at IS NULL AND "
	    "name_key = $1 AND COALESCE(operator_code, '') = COALESCE($2, '')",
	    NULL);
	if (st == NULL)
		return 0;
	db_bind_text(st, 1, name_key);
	db_bind_text(st, 2, operator_code);
	if (db_step(st, NULL) == DB_ROW)
		id = db_col_i64(st, 0);
	db_reset(st);
	return id;
}

static void
bind_fields(struct db_stmt *st, const struct offer *o, const char *name_key,
    const char *at)
{
	db_bind_text(st, 1, o->name);
	db_bind_text(st, 2, name_key);
	db_bind_text(st, 3, o->operator_code);
	db_bind_text(st, 4, o->location_code);
	db_bind_text(st, 5, o->kind == OFFER_KIND_UNKNOWN ? NULL :
	    offer_kind_name(o->kind));
	db_bind_i64(st, 6, o->covered ? 1 : 0);
	db_bind_text(st, 7, o->category);
	db_bind_text(st, 8, offer_status_name(o->status));
	db_bind_text(st, 9, o->opened_on);
	db_bind_text(st, 10, o->status_from);
	db_bind_text(st, 11, o->tilbudsportal_id);
	db_bind_text(st, 12, o->note);
	db_bind_text(st, 13, o->source);
	db_bind_text(st, 14, at);
}

/* Replace the paragraphs, target groups and places of offer id. */
static int
write_children(struct db *db, int64_t id, const struct offer *o, struct err *e)
{
	struct db_stmt	*st;
	size_t		 i;
	int		 rc;

	st = db_prep(db, "DELETE FROM offer_paragraph WHERE offer_id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	rc = db_step(st, e);
	db_reset(st);
	if (rc < 0)
		return rc;
	st = db_prep(db, "DELETE FROM offer_target_group WHERE offer_id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	rc = db_step(st, e);
	db_reset(st);
	if (rc < 0)
		return rc;
	st = db_prep(db, "DELETE FROM offer_places WHERE offer_id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	rc = db_step(st, e);
	db_reset(st);
	if (rc < 0)
		return rc;

	st = db_prep(db, "INSERT INTO offer_paragraph (offer_id, pos, text, "
	    "section) VALUES ($1, $2, $3, $4)", e);
	if (st == NULL)
		return ERR_DB;
	for (i = 0; i < o->nparagraphs; i++) {
		db_bind_i64(st, 1, id);
		db_bind_i64(st, 2, (int64_t)i);
		db_bind_text(st, 3, o->paragraphs[i]);
		db_bind_i64(st, 4, offer_paragraph_section(o->paragraphs[i]));
		rc = db_step(st, e);
		db_reset(st);
		if (rc < 0)
			return rc;
	}
	st = db_prep(db, "INSERT INTO offer_target_group (offer_id, pos, text) "
	    "VALUES ($1, $2, $3)", e);
	if (st == NULL)
		return ERR_DB;
	for (i = 0; i < o->ntarget_groups; i++) {
		db_bind_i64(st, 1, id);
		db_bind_i64(st, 2, (int64_t)i);
		db_bind_text(st, 3, o->target_groups[i]);
		rc = db_step(st, e);
		db_reset(st);
		if (rc < 0)
			return rc;
	}
	st = db_prep(db, "INSERT INTO offer_places (offer_id, year, "
	    "places_centi) VALUES ($1, $2, $3)", e);
	if (st == NULL)
		return ERR_DB;
	for (i = 0; i < o->nplaces; i++) {
		db_bind_i64(st, 1, id);
		db_bind_i64(st, 2, o->places[i].year);
		db_bind_i64(st, 3, o->places[i].centi);
		rc = db_step(st, e);
		db_reset(st);
		if (rc < 0)
			return rc;
	}
	return 0;
}

/*
 * Rewrite the stored JSON document of offer id from its rows, so that
 * lists can be served without building JSON per request.
 */
static int
store_doc(struct db *db, int64_t id, struct err *e)
{
	struct db_stmt	*st;
	struct arena	 a;
	struct offer	 o;
	json_t		*j;
	char		*txt;
	int		 rc;

	arena_init(&a);
	if ((rc = offer_store_get(db, &a, id, &o, e)) != 0) {
		arena_cleanup(&a);
		return rc;
	}
	j = offer_to_json(&o);
	txt = json_dumps(j, JSON_COMPACT | DECIMAL_JSON_FLAGS);
	json_decref(j);
	arena_cleanup(&a);
	if ((st = db_prep(db, "UPDATE offer SET doc = $1 WHERE id = $2", e))
	    == NULL) {
		free(txt);
		return ERR_DB;
	}
	db_bind_text(st, 1, txt);
	db_bind_i64(st, 2, id);
	rc = db_step(st, e);
	db_reset(st);
	free(txt);
	return rc < 0 ? rc : 0;
}

int
offer_store_insert(struct db *db, const struct offer *o, const char *name_key,
    const char *at, int64_t *id, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "INSERT INTO offer (name, name_key, operator_code, "
	    "location_code, kind, covered, category, status, opened_on, "
	    "status_from, tilbudsportal_id, note, source, created_at, "
	    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
	    "$12, $13, $14, $14) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	bind_fields(st, o, name_key, at);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		*id = db_col_i64(st, 0);
	db_reset(st);
	if (rc < 0)
		return rc == ERR_CONFLICT ? err_set(e, ERR_CONFLICT,
		    "duplicate_offer", "name", "Driftsherren har allerede et "
		    "tilbud med navnet %s", o->name) : rc;
	if ((rc = write_children(db, *id, o, e)) != 0)
		return rc;
	return store_doc(db, *id, e);
}

int
offer_store_update(struct db *db, const struct offer *o, const char *name_key,
    int64_t expected_version, const char *at, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "UPDATE offer SET name = $1, name_key = $2, "
	    "operator_code = $3, location_code = $4, kind = $5, covered = $6, "
	    "category = $7, status = $8, opened_on = $9, status_from = $10, "
	    "tilbudsportal_id = $11, note = $12, source = $13, updated_at = $14, "
	    "version = version + 1 WHERE id = $15 AND version = $16 AND "
	    "deleted_at IS NULL", e);
	if (st == NULL)
		return ERR_DB;
	bind_fields(st, o, name_key, at);
	db_bind_i64(st, 15, o->id);
	db_bind_i64(st, 16, expected_version);
	rc = db_step(st, e);
	db_reset(st);
	if (rc < 0)
		return rc == ERR_CONFLICT ? err_set(e, ERR_CONFLICT,
		    "duplicate_offer", "name", "Driftsherren har allerede et "
		    "tilbud med navnet %s", o->name) : rc;
	if (db_changes(db) == 0)
		return err_set(e, ERR_PRECONDITION, "stale_version", NULL,
		    "Tilbuddet er ændret af en anden i mellemtiden; hent det "
		    "igen og gentag ændringen");
	if ((rc = write_children(db, o->id, o, e)) != 0)
		return rc;
	return store_doc(db, o->id, e);
}

int
offer_store_delete(struct db *db, int64_t id, int64_t expected_version,
    const char *at, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "UPDATE offer SET deleted_at = $1, updated_at = $1, "
	    "version = version + 1 WHERE id = $2 AND version = $3 AND "
	    "deleted_at IS NULL", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, at);
	db_bind_i64(st, 2, id);
	db_bind_i64(st, 3, expected_version);
	rc = db_step(st, e);
	db_reset(st);
	if (rc < 0)
		return rc;
	if (db_changes(db) == 0)
		return err_set(e, ERR_PRECONDITION, "stale_version", NULL,
		    "Tilbuddet er ændret af en anden i mellemtiden; hent det "
		    "igen og gentag ændringen");
	return 0;
}
