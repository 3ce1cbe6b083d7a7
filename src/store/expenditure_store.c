/*
 * expenditure_store — net expenditure figures in SQL (see
 * expenditure_store.h).
 */
#include <string.h>

#include "store/db.h"
#include "store/expenditure_store.h"
#include "util/arena.h"
#include "util/err.h"

int
expenditure_store_put(struct db *db, const struct expenditure_row *r,
    const char *source, const char *by, const char *at, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "INSERT INTO expenditure (area_code, kind, year, "
	    "net_ore, source, imported_at, imported_by) VALUES ($1, $2, $3, "
	    "$4, $5, $6, $7) ON CONFLICT (area_code, kind, year) DO UPDATE "
	    "SET net_ore = excluded.net_ore, source = excluded.source, "
	    "imported_at = excluded.imported_at, "
	    "imported_by = excluded.imported_by", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, r->area_code);
	db_bind_text(st, 2, r->kind);
	db_bind_i64(st, 3, r->year);
	db_bind_i64(st, 4, r->net_ore);
	db_bind_text(st, 5, source);
	db_bind_text(st, 6, at);
	db_bind_text(st, 7, by);
	return db_run(st, e);
}

int
expenditure_store_list(struct db *db, struct arena *a,
    struct expenditure_row **out, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct expenditure_row	*v;
	size_t			 cap = 64;
	int			 rc;

	st = db_prep(db, "SELECT area_code, kind, year, net_ore FROM "
	    "expenditure ORDER BY area_code, kind, year", e);
	if (st == NULL)
		return ERR_DB;
	v = arena_calloc(a, cap, sizeof(*v));
	*n = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (*n == cap) {
			struct expenditure_row *n2;

			n2 = arena_calloc(a, cap * 2, sizeof(*n2));
			memcpy(n2, v, cap * sizeof(*n2));
			v = n2;
			cap *= 2;
		}
		v[*n].area_code = db_col_dup(st, 0, a);
		v[*n].kind = db_col_dup(st, 1, a);
		v[*n].year = (int)db_col_i64(st, 2);
		v[*n].net_ore = db_col_i64(st, 3);
		(*n)++;
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	return 0;
}
