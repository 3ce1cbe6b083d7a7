/* startup_store — start-up costs of offers (see startup_store.h). */
#include <stdint.h>
#include <string.h>

#include "store/db.h"
#include "store/startup_store.h"
#include "util/arena.h"
#include "util/err.h"

int
startup_store_list(struct db *db, struct arena *a, int64_t offer_id,
    int year, struct startup_row **out, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct startup_row	*v = NULL, *r;
	size_t			 k = 0, cap = 0;
	int			 rc;

	/*
	 * One offer (the range offer_id to offer_id) or all (0 to the
	 * largest id): a range keeps both on the offer's index (a round asks
	 * once per submission); written with "$1 = 0 OR ..." the planner
	 * walked every offer instead, once per call.
	 */
	st = db_prep(db, "SELECT c.id, c.offer_id, o.name, "
	    "c.amount_ore, c.first_year, c.years, c.text, c.created_at, "
	    "c.created_by FROM startup_cost c "
	    "JOIN offer o ON o.id = c.offer_id "
	    "WHERE c.offer_id BETWEEN $1 AND $2 "
	    "AND ($3 = 0 OR ($3 >= c.first_year AND "
	    "$3 < c.first_year + c.years)) "
	    "ORDER BY c.offer_id, c.first_year, c.id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, offer_id > 0 ? offer_id : 0);
	db_bind_i64(st, 2, offer_id > 0 ? offer_id : INT64_MAX);
	db_bind_i64(st, 3, year > 0 ? year : 0);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		r = &v[k++];
		r->id = db_col_i64(st, 0);
		r->offer_id = db_col_i64(st, 1);
		r->offer_name = db_col_dup(st, 2, a);
		r->amount_ore = db_col_i64(st, 3);
		r->first_year = (int)db_col_i64(st, 4);
		r->years = (int)db_col_i64(st, 5);
		r->text = db_col_dup(st, 6, a);
		r->created_at = db_col_dup(st, 7, a);
		r->created_by = db_col_dup(st, 8, a);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
startup_store_insert(struct db *db, const struct startup_row *r, int64_t *id,
    struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "INSERT INTO startup_cost (offer_id, amount_ore, "
	    "first_year, years, text, created_at, created_by) VALUES ($1, $2, "
	    "$3, $4, $5, $6, $7) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, r->offer_id);
	db_bind_i64(st, 2, r->amount_ore);
	db_bind_i64(st, 3, r->first_year);
	db_bind_i64(st, 4, r->years);
	db_bind_text(st, 5, r->text);
	db_bind_text(st, 6, r->created_at);
	db_bind_text(st, 7, r->created_by);
	return db_run_id(st, id, e);
}
