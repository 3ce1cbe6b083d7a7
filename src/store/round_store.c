/*
 * round_store — rounds and their progress (see round_store.h).
 */
#include <string.h>

#include "core/round.h"
#include "store/db.h"
#include "store/round_store.h"
#include "util/arena.h"
#include "util/err.h"

#define ROUND_COLS \
	"id, version, year, no, title, opens_on, deadline, status," \
	" reopened_until, pl_bp, increase_warn_bp, covered_only, created_at," \
	" updated_at, closed_at, published_at"

static void
read_round(struct db_stmt *st, struct arena *a, struct tariff_round *r)
{
	memset(r, 0, sizeof(*r));
	r->id = db_col_i64(st, 0);
	r->version = db_col_i64(st, 1);
	r->year = (int)db_col_i64(st, 2);
	r->no = (int)db_col_i64(st, 3);
	r->title = arena_strdup(a, db_col_text(st, 4));
	r->opens_on = arena_strdup(a, db_col_text(st, 5));
	r->deadline = arena_strdup(a, db_col_text(st, 6));
	if (round_status_parse(db_col_text(st, 7), &r->status) != 0)
		r->status = ROUND_CLOSED;
	r->reopened_until = db_col_dup(st, 8, a);
	r->pl_bp = db_col_i64(st, 9);
	r->increase_warn_bp = db_col_i64(st, 10);
	r->covered_only = db_col_i64(st, 11) != 0;
	r->created_at = arena_strdup(a, db_col_text(st, 12));
	r->updated_at = arena_strdup(a, db_col_text(st, 13));
	r->closed_at = db_col_dup(st, 14, a);
	r->published_at = db_col_dup(st, 15, a);
}

int
round_store_insert(struct db *db, const struct tariff_round *r,
    const char *at, int64_t *id, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "INSERT INTO tariff_round (year, no, title, opens_on, "
	    "deadline, status, pl_bp, increase_warn_bp, covered_only, "
	    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'open', $6, "
	    "$7, $8, $9, $9) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, r->year);
	db_bind_i64(st, 2, r->no);
	db_bind_text(st, 3, r->title);
	db_bind_text(st, 4, r->opens_on);
	db_bind_text(st, 5, r->deadline);
	db_bind_i64(st, 6, r->pl_bp);
	db_bind_i64(st, 7, r->increase_warn_bp);
	db_bind_i64(st, 8, r->covered_only ? 1 : 0);
	db_bind_text(st, 9, at);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		*id = db_col_i64(st, 0);
	db_reset(st);
	if (rc == ERR_CONFLICT)
		return err_set(e, ERR_CONFLICT, "duplicate_round", "no",
		    "Der findes allerede en runde %d for takståret %d", r->no,
		    r->year);
	return rc < 0 ? rc : 0;
}

int
round_store_get(struct db *db, struct arena *a, int64_t id,
    struct tariff_round *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT " ROUND_COLS " FROM tariff_round WHERE id = "
	    "$1",
	    e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		read_round(st, a, out);
	db_reset(st);
	if (rc == DB_DONE)
		return err_set(e, ERR_NOT_FOUND, "round_not_found", NULL,
		    "Runde nr. %lld findes ikke", (long long)id);
	return rc < 0 ? rc : 0;
}

int
round_store_list(struct db *db, struct arena *a, struct tariff_round **out,
    size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct tariff_round	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT " ROUND_COLS " FROM tariff_round "
	    "ORDER BY year DESC, no DESC", e);
	if (st == NULL)
		return ERR_DB;
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, (size_t)k, &cap, sizeof(*v));
		read_round(st, a, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
round_store_set_status(struct db *db, int64_t id, int64_t expected_version,
    enum round_status status, const char *reopened_until, const char *at,
    struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "UPDATE tariff_round SET status = $3, "
	    "reopened_until = $4, reopened = CASE WHEN reopened = 1 OR $4 IS NOT NULL THEN 1 ELSE 0 END, "
	    "version = version + 1, updated_at = $5, "
	    "closed_at = CASE WHEN $3 = 'open' THEN NULL "
	    "  ELSE COALESCE(closed_at, $5) END, "
	    "published_at = CASE WHEN $3 = 'published' THEN $5 "
	    "  ELSE published_at END "
	    "WHERE id = $1 AND version = $2", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	db_bind_i64(st, 2, expected_version);
	db_bind_text(st, 3, round_status_name(status));
	db_bind_text(st, 4, reopened_until);
	db_bind_text(st, 5, at);
	rc = db_step(st, e);
	db_reset(st);
	if (rc < 0)
		return rc;
	if (db_changes(db) == 0)
		return err_set(e, ERR_PRECONDITION, "stale_version", NULL,
		    "Runden er ændret af en anden i mellemtiden; hent den "
		    "igen");
	return 0;
}

int
round_store_status_counts(struct db *db, int64_t id,
    const char *operator_code, int64_t by_status[SUBMISSION_STATUS_COUNT],
    struct err *e)
{
	struct db_stmt		*st;
	enum submission_status	 ss;
	int			 rc;

	memset(by_status, 0, SUBMISSION_STATUS_COUNT * sizeof(*by_status));
	st = db_prep(db, "SELECT status, count(*) FROM submission "
	    "WHERE round_id = $1 AND ($2 IS NULL OR operator_code = $2) "
	    "GROUP BY status", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	db_bind_text(st, 2, operator_code);
	while ((rc = db_step(st, e)) == DB_ROW)
		if (submission_status_parse(db_col_text(st, 0), &ss) == 0)
			by_status[ss] = db_col_i64(st, 1);
	db_reset(st);
	return rc < 0 ? rc : 0;
}

int
round_store_progress(struct db *db, struct arena *a, int64_t id,
    const char *operator_code, struct round_progress *out, struct err *e)
{
	struct db_stmt		*st;
	struct round_operator	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc, i;

	memset(out, 0, sizeof(*out));
	if ((rc = round_store_status_counts(db, id, operator_code,
	    out->by_status, e)) != 0)
		return rc;
	for (i = 0; i < SUBMISSION_STATUS_COUNT; i++)
		out->submissions += out->by_status[i];

	st = db_prep(db, "SELECT s.operator_code, COALESCE(g.name, "
	    "s.operator_code), count(*), "
	    "sum(CASE WHEN s.status IN ('submitted', 'approved') THEN 1 "
	    "ELSE 0 END), sum(CASE WHEN s.status = 'approved' THEN 1 ELSE 0 "
	    "END), sum(CASE WHEN s.status = 'returned' THEN 1 ELSE 0 END) "
	    "FROM submission s LEFT JOIN organisation g "
	    "ON g.code = s.operator_code "
	    "WHERE s.round_id = $1 AND ($2 IS NULL OR s.operator_code = $2) "
	    "GROUP BY s.operator_code, g.name ORDER BY 2, 1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	db_bind_text(st, 2, operator_code);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, (size_t)k, &cap, sizeof(*v));
		v[k].code = arena_strdup(a, db_col_text(st, 0));
		v[k].name = arena_strdup(a, db_col_text(st, 1));
		v[k].offers = db_col_i64(st, 2);
		v[k].done = db_col_i64(st, 3);
		v[k].approved = db_col_i64(st, 4);
		v[k].returned = db_col_i64(st, 5);
		out->operators++;
		if (v[k].done == v[k].offers)
			out->operators_done++;
		k++;
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	out->ops = v;
	out->nops = k;
	return 0;
}
