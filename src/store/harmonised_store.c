/*
 * harmonised_store — SQL of harmonised tariffs (see harmonised_store.h).
 */
#include <string.h>

#include "store/db.h"
#include "store/harmonised_store.h"
#include "store/tariff_store.h"
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
	    "og.name, g.created_at, g.created_by, o.id, o.name, "
	    "COALESCE(g.to_year, 0) "
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
			g->to_year = (int)db_col_i64(st, 9);
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

int
harmonised_store_lines_from(struct db *db, struct arena *a,
    const int64_t *offer_ids, size_t n, int from_year, int64_t *offer_id,
    const char **round_title, struct err *e)
{
	struct db_stmt	*st;
	size_t		 i;
	int		 rc;

	*offer_id = 0;
	st = db_prep(db, "SELECT r.title FROM submission s JOIN tariff_round r "
	    "ON r.id = s.round_id WHERE s.offer_id = $1 AND r.year >= $2 "
	    "AND EXISTS (SELECT 1 FROM service_line l WHERE l.submission_id "
	    "= s.id) ORDER BY r.year, r.no LIMIT 1", e);
	if (st == NULL)
		return ERR_DB;
	for (i = 0; i < n && *offer_id == 0; i++) {
		db_bind_i64(st, 1, offer_ids[i]);
		db_bind_i64(st, 2, from_year);
		rc = db_step(st, e);
		if (rc == DB_ROW) {
			*offer_id = offer_ids[i];
			if (round_title != NULL)
				*round_title = db_col_dup(st, 0, a);
		}
		db_reset(st);
		if (rc < 0)
			return rc;
	}
	return 0;
}

int
harmonised_store_rounds_from(struct db *db, int64_t id, int from_year,
    int64_t *n, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT count(*) FROM submission s JOIN tariff_round "
	    "r ON r.id = s.round_id WHERE s.harmonised_id = $1 "
	    "AND r.year >= $2", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	db_bind_i64(st, 2, from_year);
	rc = db_step(st, e);
	*n = rc == DB_ROW ? db_col_i64(st, 0) : 0;
	db_reset(st);
	return rc < 0 ? rc : 0;
}

int
harmonised_store_reported(struct db *db, struct arena *a, int64_t round_id,
    int year, int64_t offer_id, const char **name, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	*name = NULL;
	st = db_prep(db, "SELECT h.name FROM harmonised_member m "
	    "JOIN harmonised_tariff h ON h.id = m.group_id "
	    "WHERE m.offer_id = $2 AND h.from_year <= $3 "
	    "AND (h.to_year IS NULL OR h.to_year >= $3) AND EXISTS (SELECT 1 "
	    "FROM submission s WHERE s.round_id = $1 "
	    "AND s.harmonised_id = h.id)", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, round_id);
	db_bind_i64(st, 2, offer_id);
	db_bind_i64(st, 3, year);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		*name = db_col_dup(st, 0, a);
	db_reset(st);
	return rc < 0 ? rc : 0;
}

int
harmonised_store_set_to_year(struct db *db, int64_t id, int to_year,
    struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "UPDATE harmonised_tariff SET to_year = $2 "
	    "WHERE id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	db_bind_i64(st, 2, to_year);
	return db_run(st, e);
}

int
harmonised_store_member_lines(struct db *db, struct arena *a, int64_t sub_id,
    struct round_line_row **out, int **years, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct round_line_row	*v = NULL;
	size_t			 k = 0, cap = 0, ycap = 0;
	int			*y = NULL;
	int			 rc;

	*out = NULL;
	*years = NULL;
	*n = 0;
	st = db_prep(db, "SELECT m.offer_id, src.id, rs.year, "
	    "COALESCE(mo.kind, '') FROM submission s "
	    "JOIN tariff_round r ON r.id = s.round_id "
	    "JOIN harmonised_member m ON m.group_id = s.harmonised_id "
	    "AND m.offer_id <> s.offer_id "
	    "JOIN submission src ON src.id = (SELECT s2.id FROM submission s2 "
	    " JOIN tariff_round r2 ON r2.id = s2.round_id "
	    " WHERE s2.offer_id = m.offer_id AND (r2.year < r.year OR "
	    " (r2.year = r.year AND r2.no < r.no)) AND EXISTS (SELECT 1 FROM "
	    " service_line l WHERE l.submission_id = s2.id) "
	    " ORDER BY r2.year DESC, r2.no DESC LIMIT 1) "
	    "JOIN tariff_round rs ON rs.id = src.round_id "
	    "JOIN offer mo ON mo.id = m.offer_id "
	    "WHERE s.id = $1 AND src.harmonised_id IS NULL ORDER BY m.offer_id",
	    e);
	if (st == NULL)
		return ERR_DB;
	{
		int64_t	*offers = NULL, *subs = NULL;
		int	*syear = NULL;
		const char **kinds = NULL;
		size_t	 ns = 0, ocap = 0, scap = 0, yc = 0, kc = 0, i, j;
		struct service_line *lines;
		size_t	 nl;

		db_bind_i64(st, 1, sub_id);
		while ((rc = db_step(st, e)) == DB_ROW) {
			offers = arena_grow(a, offers, ns, &ocap,
			    sizeof(*offers));
			subs = arena_grow(a, subs, ns, &scap, sizeof(*subs));
			offers[ns] = db_col_i64(st, 0);
			syear = arena_grow(a, syear, ns, &yc, sizeof(*syear));
			kinds = arena_grow(a, kinds, ns, &kc, sizeof(*kinds));
			syear[ns] = (int)db_col_i64(st, 2);
			kinds[ns] = db_col_dup(st, 3, a);
			subs[ns++] = db_col_i64(st, 1);
		}
		db_reset(st);
		if (rc < 0)
			return rc;
		for (i = 0; i < ns; i++) {
			if ((rc = tariff_store_lines(db, a, subs[i], &lines,
			    &nl, e)) != 0)
				return rc;
			for (j = 0; j < nl; j++) {
				v = arena_grow(a, v, k, &cap, sizeof(*v));
				y = arena_grow(a, y, k, &ycap, sizeof(*y));
				memset(&v[k], 0, sizeof(v[k]));
				y[k] = syear[i];
				v[k].submission_id = sub_id;
				v[k].offer_id = offers[i];
				v[k].offer_kind = kinds[i];
				v[k].line = lines[j];
				v[k].line.reason = NULL;
				k++;
			}
		}
	}
	*out = v;
	*years = y;
	*n = k;
	return 0;
}
