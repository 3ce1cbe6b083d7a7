/*
 * pl_store — price-and-wage series (see pl_store.h).
 */
#include "store/db.h"
#include "store/pl_store.h"
#include "util/arena.h"
#include "util/err.h"

#define SERIES_COLS \
	"s.id, s.name, s.title, s.source, s.note, " \
	"COALESCE(v.version, 0), COALESCE(v.revised_on, ''), " \
	"(SELECT count(*) FROM pl_series_value x WHERE x.version_id = v.id), " \
	"(SELECT COALESCE(min(year), 0) FROM pl_series_value x " \
	"  WHERE x.version_id = v.id), " \
	"(SELECT COALESCE(max(year), 0) FROM pl_series_value x " \
	"  WHERE x.version_id = v.id) " \
	"FROM pl_series s LEFT JOIN pl_series_version v ON v.series_id = s.id " \
	"AND v.version = (SELECT max(version) FROM pl_series_version " \
	"  WHERE series_id = s.id) "

static void
series_row(struct db_stmt *st, struct arena *a, struct pl_series_row *r)
{
	r->id = db_col_i64(st, 0);
	r->name = db_col_dup(st, 1, a);
	r->title = db_col_dup(st, 2, a);
	r->source = db_col_dup(st, 3, a);
	r->note = db_col_dup(st, 4, a);
	r->version = (int)db_col_i64(st, 5);
	r->revised_on = db_col_dup(st, 6, a);
	r->nyears = (int)db_col_i64(st, 7);
	r->first_year = (int)db_col_i64(st, 8);
	r->last_year = (int)db_col_i64(st, 9);
}

int
pl_store_list(struct db *db, struct arena *a, struct pl_series_row **out,
    size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct pl_series_row	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((st = db_prep(db, "SELECT " SERIES_COLS "ORDER BY s.name", e)) ==
	    NULL)
		return ERR_DB;
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		series_row(st, a, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
pl_store_get(struct db *db, struct arena *a, const char *name,
    struct pl_series_row *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	if ((st = db_prep(db, "SELECT " SERIES_COLS "WHERE s.name = $1", e))
	    == NULL)
		return ERR_DB;
	db_bind_text(st, 1, name);
	if ((rc = db_step_one(st, "PL-serien", e)) != 0)
		return rc;
	series_row(st, a, out);
	db_reset(st);
	return 0;
}

#define VERSION_COLS \
	"id, version, revised_on, source, note, created_by, created_at, " \
	"(SELECT count(*) FROM pl_series_value x WHERE x.version_id = " \
	"pl_series_version.id) FROM pl_series_version "

static void
version_row(struct db_stmt *st, struct arena *a, struct pl_version_row *r)
{
	r->id = db_col_i64(st, 0);
	r->version = (int)db_col_i64(st, 1);
	r->revised_on = db_col_dup(st, 2, a);
	r->source = db_col_dup(st, 3, a);
	r->note = db_col_dup(st, 4, a);
	r->created_by = db_col_dup(st, 5, a);
	r->created_at = db_col_dup(st, 6, a);
	r->nyears = (int)db_col_i64(st, 7);
}

int
pl_store_versions(struct db *db, struct arena *a, int64_t series_id,
    struct pl_version_row **out, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct pl_version_row	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((st = db_prep(db, "SELECT " VERSION_COLS "WHERE series_id = $1 "
	    "ORDER BY version DESC", e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, series_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		version_row(st, a, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
pl_store_values(struct db *db, struct arena *a, int64_t series_id,
    int version, struct pl_version_row *vr, struct pl_value_row **out,
    size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct pl_version_row	 row;
	struct pl_value_row	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((st = db_prep(db, "SELECT " VERSION_COLS "WHERE series_id = $1 "
	    "AND version = $2", e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, series_id);
	db_bind_i64(st, 2, version);
	if ((rc = db_step_one(st, "Versionen", e)) != 0)
		return rc;
	version_row(st, a, &row);
	db_reset(st);
	if ((st = db_prep(db, "SELECT year, pct_e4, note FROM pl_series_value "
	    "WHERE version_id = $1 ORDER BY year", e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, row.id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		v[k].year = (int)db_col_i64(st, 0);
		v[k].pct_e4 = db_col_i64(st, 1);
		v[k].note = db_col_dup(st, 2, a);
		k++;
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	if (vr != NULL)
		*vr = row;
	*out = v;
	*n = k;
	return 0;
}

int
pl_store_create(struct db *db, const char *name, const char *title,
    const char *note, const char *at, int64_t *id, struct err *e)
{
	struct db_stmt *st;

	if ((st = db_prep(db, "INSERT INTO pl_series (name, title, note, "
	    "created_at) VALUES ($1, $2, $3, $4) RETURNING id", e)) == NULL)
		return ERR_DB;
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, title);
	db_bind_text(st, 3, note != NULL ? note : "");
	db_bind_text(st, 4, at);
	return db_run_id(st, id, e);
}

int
pl_store_update(struct db *db, int64_t id, const char *title,
    const char *source, struct err *e)
{
	struct db_stmt *st;

	if ((st = db_prep(db, "UPDATE pl_series SET title = COALESCE($2, "
	    "title), source = $3 WHERE id = $1", e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	db_bind_text(st, 2, title);
	db_bind_text(st, 3, source != NULL ? source : "");
	return db_run_one(db, st, "PL-serien", e);
}

int
pl_store_add_version(struct db *db, int64_t series_id, const char *revised_on,
    const char *source, const char *note, const char *by, const char *at,
    int64_t *version_id, int *version, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	if ((st = db_prep(db, "INSERT INTO pl_series_version (series_id, "
	    "version, revised_on, source, note, created_by, created_at) "
	    "VALUES ($1, (SELECT COALESCE(max(version), 0) + 1 FROM "
	    "pl_series_version WHERE series_id = $1), $2, $3, $4, $5, $6) "
	    "RETURNING id, version", e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, series_id);
	db_bind_text(st, 2, revised_on);
	db_bind_text(st, 3, source != NULL ? source : "");
	db_bind_text(st, 4, note != NULL ? note : "");
	db_bind_text(st, 5, by);
	db_bind_text(st, 6, at);
	if ((rc = db_step(st, e)) != DB_ROW) {
		db_reset(st);
		return rc < 0 ? rc : err_set(e, ERR_DB, "db", NULL,
		    "Versionen kunne ikke gemmes");
	}
	*version_id = db_col_i64(st, 0);
	*version = (int)db_col_i64(st, 1);
	db_reset(st);
	return 0;
}

int
pl_store_add_value(struct db *db, int64_t version_id, int year,
    int64_t pct_e4, const char *note, struct err *e)
{
	struct db_stmt *st;

	if ((st = db_prep(db, "INSERT INTO pl_series_value (version_id, year, "
	    "pct_e4, note) VALUES ($1, $2, $3, $4)", e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, version_id);
	db_bind_i64(st, 2, year);
	db_bind_i64(st, 3, pct_e4);
	db_bind_text(st, 4, note != NULL ? note : "");
	return db_run(st, e);
}
