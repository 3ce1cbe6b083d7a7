/*
 * secretariat_store — budget and accounts lines and the premises (see
 * secretariat_store.h).
 */
#include <string.h>

#include "store/db.h"
#include "store/secretariat_store.h"
#include "util/arena.h"
#include "util/err.h"

#define LINE_COLS \
	"id, year, section, label, budget_ore, actual_ore, position, updated_at"

static void
read_line(struct db_stmt *st, struct arena *a, struct secretariat_line *l)
{
	memset(l, 0, sizeof(*l));
	l->id = db_col_i64(st, 0);
	l->year = (int)db_col_i64(st, 1);
	l->section = db_col_dup(st, 2, a);
	l->label = db_col_dup(st, 3, a);
	l->budget_ore = db_col_i64(st, 4);
	l->has_actual = !db_col_null(st, 5);
	l->actual_ore = l->has_actual ? db_col_i64(st, 5) : 0;
	l->position = (int)db_col_i64(st, 6);
	l->updated_at = db_col_dup(st, 7, a);
}

int
secretariat_store_lines(struct db *db, struct arena *a, int year,
    struct secretariat_line **out, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct secretariat_line	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((st = db_prep(db, "SELECT " LINE_COLS " FROM secretariat_line "
	    "WHERE year = $1 ORDER BY CASE section WHEN 'expense' THEN 1 "
	    "WHEN 'overhead' THEN 2 ELSE 3 END, position, id", e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		read_line(st, a, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
secretariat_store_line_get(struct db *db, struct arena *a, int64_t id,
    struct secretariat_line *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	if ((st = db_prep(db, "SELECT " LINE_COLS " FROM secretariat_line "
	    "WHERE id = $1", e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	if ((rc = db_step_one(st, "Linjen", e)) != 0)
		return rc;
	read_line(st, a, out);
	db_reset(st);
	return 0;
}

int
secretariat_store_line_put(struct db *db, const struct secretariat_line *l,
    int64_t *id, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	if ((st = db_prep(db, "SELECT 1 FROM secretariat_line WHERE year = $1 "
	    "AND section = $2 AND label = $3 AND id <> $4", e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, l->year);
	db_bind_text(st, 2, l->section);
	db_bind_text(st, 3, l->label);
	db_bind_i64(st, 4, l->id);
	rc = db_step(st, e);
	db_reset(st);
	if (rc < 0)
		return rc;
	if (rc == DB_ROW)
		return err_set(e, ERR_CONFLICT, "line_exists", "label",
		    "Der er allerede en linje »%s« i %d", l->label, l->year);
	if (l->id == 0)
		st = db_prep(db, "INSERT INTO secretariat_line (year, "
		    "section, label, budget_ore, actual_ore, position, "
		    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) "
		    "RETURNING id", e);
	else
		st = db_prep(db, "UPDATE secretariat_line SET year = $1, "
		    "section = $2, label = $3, budget_ore = $4, "
		    "actual_ore = $5, position = $6, updated_at = $7 "
		    "WHERE id = $8", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, l->year);
	db_bind_text(st, 2, l->section);
	db_bind_text(st, 3, l->label);
	db_bind_i64(st, 4, l->budget_ore);
	if (l->has_actual)
		db_bind_i64(st, 5, l->actual_ore);
	else
		db_bind_null(st, 5);
	db_bind_i64(st, 6, l->position);
	db_bind_text(st, 7, l->updated_at);
	if (l->id == 0)
		return db_run_id(st, id, e);
	db_bind_i64(st, 8, l->id);
	if (id != NULL)
		*id = l->id;
	return db_run_one(db, st, "Linjen", e);
}

int
secretariat_store_line_delete(struct db *db, int64_t id, struct err *e)
{
	struct db_stmt *st;

	if ((st = db_prep(db, "DELETE FROM secretariat_line WHERE id = $1",
	    e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	return db_run_one(db, st, "Linjen", e);
}

int
secretariat_store_premises(struct db *db, int year,
    struct overhead_premises *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	if ((st = db_prep(db, "SELECT area_centi, rent_ore, utilities_ore, "
	    "other_ore FROM secretariat_premises WHERE year = $1", e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year);
	if ((rc = db_step_one(st, "Lokalerne", e)) != 0)
		return rc;
	out->area_centi = db_col_i64(st, 0);
	out->rent_ore = db_col_i64(st, 1);
	out->utilities_ore = db_col_i64(st, 2);
	out->other_ore = db_col_i64(st, 3);
	db_reset(st);
	return 0;
}

int
secretariat_store_premises_put(struct db *db, int year,
    const struct overhead_premises *p, const char *at, struct err *e)
{
	struct db_stmt *st;

	if ((st = db_prep(db, "INSERT INTO secretariat_premises (year, "
	    "area_centi, rent_ore, utilities_ore, other_ore, updated_at) "
	    "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (year) DO UPDATE SET "
	    "area_centi = excluded.area_centi, rent_ore = excluded.rent_ore, "
	    "utilities_ore = excluded.utilities_ore, "
	    "other_ore = excluded.other_ore, updated_at = excluded.updated_at",
	    e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year);
	db_bind_i64(st, 2, p->area_centi);
	db_bind_i64(st, 3, p->rent_ore);
	db_bind_i64(st, 4, p->utilities_ore);
	db_bind_i64(st, 5, p->other_ore);
	db_bind_text(st, 6, at);
	return db_run(st, e);
}
