/*
 * tariff_published — the published tariffs in the database (the part of
 * tariff_store.h that keeps them): publishing a round as one
 * INSERT … SELECT, the published list and versions, a change in the year,
 * the years and target groups they cover.
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
tariff_store_publish(struct db *db, const struct tariff_round *r,
    const char *at, const char *who, int64_t *n, struct err *e)
{
	struct db_stmt	*st;
	char		 from[16], to[16];
	int		 rc;

	/*
	 * The offers a submission publishes for: its own, and every live
	 * member of the harmonised group it reports for (the same lines).
	 */
#define PUBLISH_TARGETS \
	" (SELECT id AS sid, offer_id AS oid FROM submission WHERE" \
	" round_id = $1 AND status = 'approved' UNION SELECT s3.id," \
	" m.offer_id FROM submission s3 JOIN harmonised_member m ON" \
	" m.group_id = s3.harmonised_id JOIN offer mo ON mo.id =" \
	" m.offer_id AND mo.deleted_at IS NULL AND mo.status <> 'closed'" \
	" WHERE s3.round_id = $1 AND s3.status = 'approved') "
	st = db_prep(db, "UPDATE published_tariff SET superseded_at = $2 "
	    "WHERE year = $3 AND superseded_at IS NULL AND offer_id IN "
	    "(SELECT oid FROM" PUBLISH_TARGETS "pt)", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, r->id);
	db_bind_text(st, 2, at);
	db_bind_i64(st, 3, r->year);
	rc = db_step(st, e);
	db_reset(st);
	if (rc < 0)
		return rc;

	snprintf(from, sizeof(from), "%04d-01-01", r->year);
	snprintf(to, sizeof(to), "%04d-12-31", r->year);
	st = db_prep(db, "INSERT INTO published_tariff (offer_id, year, "
	    "paragraph, section, level, unit, version, tariff_ore, "
	    "tariff_exact, occupancy_bp, places_centi, valid_from, valid_to, "
	    "round_id, submission_id, published_at, published_by, "
	    "referred_from, referred_before, harmonised_id) "
	    "SELECT t.oid, $2, l.paragraph, l.section, l.level, l.unit, "
	    " COALESCE((SELECT max(p.version) FROM published_tariff p "
	    "  WHERE p.offer_id = t.oid AND p.year = $2 "
	    "  AND p.paragraph = l.paragraph AND p.level = l.level "
	    "  AND p.unit = l.unit AND p.referred_from = l.referred_from "
	    "  AND p.referred_before = l.referred_before), 0) + 1, "
	    " l.tariff_ore, l.tariff_exact, l.occupancy_bp, l.places_centi, "
	    " $3, $4, $1, s.id, $5, $6, l.referred_from, l.referred_before, "
	    " s.harmonised_id "
	    "FROM" PUBLISH_TARGETS "t JOIN submission s ON s.id = t.sid "
	    "JOIN service_line l ON l.submission_id = s.id "
	    "WHERE l.tariff_ore IS NOT NULL ORDER BY t.oid, l.pos", e);
#undef PUBLISH_TARGETS
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, r->id);
	db_bind_i64(st, 2, r->year);
	db_bind_text(st, 3, from);
	db_bind_text(st, 4, to);
	db_bind_text(st, 5, at);
	db_bind_text(st, 6, who);
	rc = db_step(st, e);
	db_reset(st);
	if (rc < 0)
		return rc;
	*n = db_changes(db);
	return 0;
}

/* The operator of a tariff's year (offer_event_operator_of_year). */
#define PT_OP	OFFER_EVENT_OPERATOR_SQL("p.offer_id", \
	"(p.year || '-12-31')", "o.operator_code")
#define PT_COLS \
	"p.id, p.offer_id, o.name, " PT_OP ", COALESCE(g.name," \
	" " PT_OP "), o.location_code, lg.name, (SELECT" \
	" group_concat(t.text, '; ') FROM (SELECT text FROM" \
	" offer_target_group WHERE offer_id = o.id ORDER BY pos) t)," \
	" p.year, p.paragraph, p.level, p.unit, p.version, p.tariff_ore," \
	" p.tariff_exact, p.occupancy_bp, p.places_centi, p.valid_from," \
	" p.valid_to, p.reason, COALESCE(p.round_id, 0), COALESCE(r.no, 0)," \
	" COALESCE(p.previous_id, 0), p.published_at, p.published_by," \
	" p.superseded_at, p.referred_from, p.referred_before," \
	" COALESCE((SELECT sl.days FROM service_line sl WHERE" \
	" sl.submission_id = p.submission_id AND sl.paragraph = p.paragraph" \
	" AND sl.level = p.level AND sl.unit = p.unit LIMIT 1), 0)," \
	" p.cause, COALESCE(p.harmonised_id, 0)"
#define PT_FROM \
	" FROM published_tariff p JOIN offer o ON o.id = p.offer_id" \
	" LEFT JOIN organisation g ON g.code = " PT_OP \
	" LEFT JOIN organisation lg ON lg.code = o.location_code" \
	" LEFT JOIN tariff_round r ON r.id = p.round_id"

static void
read_published(struct db_stmt *st, struct arena *a, struct published_tariff *t)
{
	memset(t, 0, sizeof(*t));
	t->id = db_col_i64(st, 0);
	t->offer_id = db_col_i64(st, 1);
	t->offer_name = arena_strdup(a, db_col_text(st, 2));
	t->operator_code = db_col_dup(st, 3, a);
	t->operator_name = db_col_dup(st, 4, a);
	t->location_code = db_col_dup(st, 5, a);
	t->location_name = db_col_dup(st, 6, a);
	t->target_groups = db_col_dup(st, 7, a);
	t->year = (int)db_col_i64(st, 8);
	t->paragraph = arena_strdup(a, db_col_text(st, 9));
	t->level = arena_strdup(a, db_col_text(st, 10));
	t->unit = unit_of(db_col_text(st, 11));
	t->version = db_col_i64(st, 12);
	t->tariff_ore = db_col_i64(st, 13);
	t->tariff_exact = db_col_dup(st, 14, a);
	t->occupancy_bp = db_col_i64(st, 15);
	t->places_centi = db_col_i64(st, 16);
	t->valid_from = arena_strdup(a, db_col_text(st, 17));
	t->valid_to = arena_strdup(a, db_col_text(st, 18));
	t->reason = db_col_dup(st, 19, a);
	t->round_id = db_col_i64(st, 20);
	t->round_no = (int)db_col_i64(st, 21);
	t->previous_id = db_col_i64(st, 22);
	t->published_at = arena_strdup(a, db_col_text(st, 23));
	t->published_by = arena_strdup(a, db_col_text(st, 24));
	t->superseded_at = db_col_dup(st, 25, a);
	t->referred_from = referral_of(a, st, 26);
	t->referred_before = referral_of(a, st, 27);
	t->days = db_col_i64(st, 28);
	t->cause = db_col_dup(st, 29, a);
	t->harmonised_id = db_col_i64(st, 30);
}

static int
read_published_rows(struct db_stmt *st, struct arena *a,
    struct published_tariff **out, size_t *n, struct err *e)
{
	struct published_tariff	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		read_published(st, a, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
tariff_store_published_list(struct db *db, struct arena *a,
    const struct tariff_filter *f, struct published_tariff **out, size_t *n,
    struct err *e)
{
	struct db_stmt	*st;
	int64_t		 section = 0;
	char		*pat = NULL;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT " PT_COLS PT_FROM " WHERE "
	    "($1 = 0 OR p.year = $1) AND ($2 IS NULL OR " PT_OP " = $2) "
	    "AND ($3 IS NULL OR p.paragraph = $3 OR p.section = $4) "
	    "AND ($5 IS NULL OR EXISTS (SELECT 1 FROM offer_target_group t "
	    "WHERE t.offer_id = o.id AND t.text LIKE $5 ESCAPE '\\')) "
	    "AND ($6 IS NULL OR o.location_code = $6) "
	    "AND ($7 = 0 OR p.offer_id = $7) "
	    "AND ($8 = 1 OR p.superseded_at IS NULL) "
	    "ORDER BY o.name_key, o.id, p.referred_from, p.paragraph, "
	    "p.level, p.unit, p.referred_before, p.valid_from, p.version "
	    "LIMIT $9", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, f->year);
	db_bind_text(st, 2, f->operator_code);
	db_bind_text(st, 3, f->paragraph);
	if (f->paragraph != NULL)
		section = offer_paragraph_section(f->paragraph);
	if (section == 0 && f->paragraph != NULL) {
		/* A bare number ("107") names the section. */
		const char *s = f->paragraph;
		int64_t v = 0;
		while (*s >= '0' && *s <= '9' && v < 100000)
			v = v * 10 + (*s++ - '0');
		section = *s == '\0' ? v : 0;
	}
	db_bind_i64(st, 4, section > 0 ? section : -1);
	if (f->target_group != NULL && *f->target_group != '\0') {
		size_t	 i, len = strlen(f->target_group);
		char	*p;
		pat = arena_alloc(a, len * 2 + 3);
		p = pat;
		*p++ = '%';
		for (i = 0; i < len; i++) {
			if (f->target_group[i] == '%' ||
			    f->target_group[i] == '_' ||
			    f->target_group[i] == '\\')
				*p++ = '\\';
			*p++ = f->target_group[i];
		}
		*p++ = '%';
		*p = '\0';
	}
	db_bind_text(st, 5, pat);
	db_bind_text(st, 6, f->municipality);
	db_bind_i64(st, 7, f->offer_id);
	db_bind_i64(st, 8, f->all_versions ? 1 : 0);
	db_bind_i64(st, 9, f->limit > 0 ? f->limit : 100000);
	return read_published_rows(st, a, out, n, e);
}

int
tariff_store_published_get(struct db *db, struct arena *a, int64_t id,
    struct published_tariff *out, struct err *e)
{
	struct published_tariff	*v;
	struct db_stmt		*st;
	size_t			 n;
	int			 rc;

	st = db_prep(db, "SELECT " PT_COLS PT_FROM " WHERE p.id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	if ((rc = read_published_rows(st, a, &v, &n, e)) != 0)
		return rc;
	if (n == 0)
		return err_set(e, ERR_NOT_FOUND, "tariff_not_found", NULL,
		    "Takst nr. %lld findes ikke", (long long)id);
	*out = v[0];
	return 0;
}

int
tariff_store_published_versions(struct db *db, struct arena *a,
    const struct published_tariff *t, struct published_tariff **out,
    size_t *n, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "SELECT " PT_COLS PT_FROM " WHERE p.offer_id = $1 "
	    "AND p.year = $2 AND p.paragraph = $3 AND p.level = $4 "
	    "AND p.unit = $5 AND p.referred_from = $6 "
	    "AND p.referred_before = $7 ORDER BY p.version", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, t->offer_id);
	db_bind_i64(st, 2, t->year);
	db_bind_text(st, 3, t->paragraph);
	db_bind_text(st, 4, t->level);
	db_bind_text(st, 5, tariff_unit_name(t->unit));
	db_bind_text(st, 6, referral_db(t->referred_from));
	db_bind_text(st, 7, referral_db(t->referred_before));
	return read_published_rows(st, a, out, n, e);
}

int
tariff_store_published_siblings(struct db *db, struct arena *a,
    const struct published_tariff *t, struct published_tariff **out,
    size_t *n, struct err *e)
{
	struct db_stmt *st;

	*out = NULL;
	*n = 0;
	if (t->harmonised_id == 0)
		return 0;
	st = db_prep(db, "SELECT " PT_COLS PT_FROM " WHERE p.harmonised_id = $1 "
	    "AND p.offer_id <> $2 AND p.year = $3 AND p.paragraph = $4 "
	    "AND p.level = $5 AND p.unit = $6 AND p.referred_from = $7 "
	    "AND p.referred_before = $8 AND p.superseded_at IS NULL "
	    "AND NOT EXISTS (SELECT 1 FROM published_tariff q "
	    "WHERE q.offer_id = p.offer_id AND q.year = p.year "
	    "AND q.paragraph = p.paragraph AND q.level = p.level "
	    "AND q.unit = p.unit AND q.referred_from = p.referred_from "
	    "AND q.referred_before = p.referred_before "
	    "AND q.version > p.version) ORDER BY o.name_key, p.offer_id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, t->harmonised_id);
	db_bind_i64(st, 2, t->offer_id);
	db_bind_i64(st, 3, t->year);
	db_bind_text(st, 4, t->paragraph);
	db_bind_text(st, 5, t->level);
	db_bind_text(st, 6, tariff_unit_name(t->unit));
	db_bind_text(st, 7, referral_db(t->referred_from));
	db_bind_text(st, 8, referral_db(t->referred_before));
	return read_published_rows(st, a, out, n, e);
}

int
tariff_store_published_change(struct db *db, const struct published_tariff *old,
    int64_t tariff_ore, const char *valid_from, const char *day_before,
    const char *cause, const char *reason, const char *at, const char *who,
    int64_t *id, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "UPDATE published_tariff SET valid_to = $2 "
	    "WHERE id = $1 AND superseded_at IS NULL AND NOT EXISTS "
	    "(SELECT 1 FROM published_tariff q WHERE q.offer_id = "
	    "published_tariff.offer_id AND q.year = published_tariff.year "
	    "AND q.paragraph = published_tariff.paragraph "
	    "AND q.level = published_tariff.level "
	    "AND q.unit = published_tariff.unit "
	    "AND q.referred_from = published_tariff.referred_from "
	    "AND q.referred_before = published_tariff.referred_before "
	    "AND q.version > published_tariff.version)", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, old->id);
	db_bind_text(st, 2, day_before);
	rc = db_step(st, e);
	db_reset(st);
	if (rc < 0)
		return rc;
	if (db_changes(db) == 0)
		return err_set(e, ERR_CONFLICT, "not_latest_version", NULL,
		    "Kun den nyeste gældende version af en takst kan ændres");
	st = db_prep(db, "INSERT INTO published_tariff (offer_id, year, "
	    "paragraph, section, level, unit, version, tariff_ore, "
	    "tariff_exact, occupancy_bp, places_centi, valid_from, valid_to, "
	    "reason, previous_id, published_at, published_by, "
	    "referred_from, referred_before, cause, harmonised_id) "
	    "SELECT offer_id, year, paragraph, section, level, unit, "
	    "version + 1, $2, NULL, occupancy_bp, places_centi, $3, $4, $5, "
	    "id, $6, $7, referred_from, referred_before, $8, harmonised_id "
	    "FROM published_tariff "
	    "WHERE id = $1 RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, old->id);
	db_bind_i64(st, 2, tariff_ore);
	db_bind_text(st, 3, valid_from);
	db_bind_text(st, 4, old->valid_to);
	if (reason != NULL && *reason != '\0')
		db_bind_text(st, 5, reason);
	else
		db_bind_null(st, 5);
	db_bind_text(st, 6, at);
	db_bind_text(st, 7, who);
	db_bind_text(st, 8, cause);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		*id = db_col_i64(st, 0);
	db_reset(st);
	return rc < 0 ? rc : 0;
}

int
tariff_store_target_groups(struct db *db, struct arena *a, const char ***out,
    size_t *n, struct err *e)
{
	struct db_stmt	 *st;
	const char	**v = NULL;
	size_t		  k = 0, cap = 0;
	int		  rc;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT DISTINCT t.text FROM offer_target_group t "
	    "WHERE t.offer_id IN (SELECT offer_id FROM published_tariff "
	    "WHERE superseded_at IS NULL) ORDER BY 1", e);
	if (st == NULL)
		return ERR_DB;
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		v[k++] = arena_strdup(a, db_col_text(st, 0));
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
tariff_store_years(struct db *db, struct arena *a, int **out, size_t *n,
    struct err *e)
{
	struct db_stmt	*st;
	int		*v = NULL;
	size_t		 k = 0, cap = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT DISTINCT year FROM published_tariff "
	    "ORDER BY 1 DESC", e);
	if (st == NULL)
		return ERR_DB;
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		v[k++] = (int)db_col_i64(st, 0);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}
