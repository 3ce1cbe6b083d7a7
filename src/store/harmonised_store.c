/*
 * harmonised_store — SQL of harmonised tariffs (see harmonised_store.h).
 */
#include <string.h>

#include "store/db.h"
#include "store/harmonised_store.h"
#include "util/arena.h"
#include "util/err.h"

int
harmonised_store_list(struct db *db, struct arena *a, int64_t offer_id,
    struct harmonised **out, size_t *n, struct err *e)
{
	struct db_stmt		 *st;
	struct harmonised	 *v = NULL, *g = NULL;
	struct harmonised_member *m;
	size_t			  k = 0, cap = 0, mcap = 0;
	int			  rc;

	st = db_prep(db, "SELECT g.id, g.name, g.from_year, g.operator_code, "
	    "og.name, g.created_at, g.created_by, o.id, o.name "
	    "FROM harmonised_tariff g JOIN organisation og "
	    "ON og.code = g.operator_code JOIN harmonised_member m "
	    "ON m.group_id = g.id JOIN offer o ON o.id = m.offer_id "
	    "WHERE ($1 = 0 OR g.id IN (SELECT group_id FROM "
	    "harmonised_member WHERE offer_id = $1)) "
	    "ORDER BY g.name, g.id, o.name, o.id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, offer_id > 0 ? offer_id : 0);
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (g == NULL || g->id != db_col_i64(st, 0)) {
			v = arena_grow(a, v, k, &cap, sizeof(*v));
			g = &v[k++];
			memset(g, 0, sizeof(*g));
			g->id = db_col_i64(st, 0);
			g->name = db_col_dup(st, 1, a);
			g->from_year = (int)db_col_i64(st, 2);
			g->operator_code = db_col_dup(st, 3, a);
			g->operator_name = db_col_dup(st, 4, a);
			g->created_at = db_col_dup(st, 5, a);
			g->created_by = db_col_dup(st, 6, a);
			mcap = 0;
		}
		g->members = arena_grow(a, g->members, g->nmembers, &mcap,
		    sizeof(*g->members));
		m = &g->members[g->nmembers++];
		m->offer_id = db_col_i64(st, 7);
		m->offer_name = db_col_dup(st, 8, a);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
harmonised_store_insert(struct db *db, const struct harmonised *g,
    const int64_t *offer_ids, size_t n, const char *who, const char *at,
    int64_t *id, struct err *e)
{
	struct db_stmt	*st;
	size_t		 i;
	int		 rc;

	st = db_prep(db, "SELECT 1 FROM harmonised_member WHERE offer_id = $1",
	    e);
	if (st == NULL)
		return ERR_DB;
	for (i = 0; i < n; i++) {
		db_bind_i64(st, 1, offer_ids[i]);
		rc = db_step(st, e);
		db_reset(st);
		if (rc < 0)
			return rc;
		if (rc == DB_ROW)
			return err_set(e, ERR_CONFLICT, "harmonised_member",
			    "offers", "Et af tilbuddene har allerede en "
			    "harmoniseret takst");
	}
	st = db_prep(db, "INSERT INTO harmonised_tariff (name, from_year, "
	    "operator_code, created_at, created_by) VALUES ($1, $2, $3, $4, "
	    "$5) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, g->name);
	db_bind_i64(st, 2, g->from_year);
	db_bind_text(st, 3, g->operator_code);
	db_bind_text(st, 4, at);
	db_bind_text(st, 5, who);
	if ((rc = db_run_id(st, id, e)) != 0)
		return rc;
	st = db_prep(db, "INSERT INTO harmonised_member (group_id, offer_id) "
	    "VALUES ($1, $2)", e);
	if (st == NULL)
		return ERR_DB;
	for (i = 0; i < n; i++) {
		db_bind_i64(st, 1, *id);
		db_bind_i64(st, 2, offer_ids[i]);
		if ((rc = db_run(st, e)) != 0)
			return rc;
	}
	return 0;
}
