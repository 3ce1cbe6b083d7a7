/*
 * accounts_store — accounts and the set-aside ledger (see
 * accounts_store.h).
 */
#include <string.h>

#include "store/accounts_store.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/err.h"

#define ACC_COLS \
	"a.offer_id, o.name, a.year, a.operator_code, a.version, a.rule," \
	" a.tariff_base_ore, a.revenue_ore, a.costs_ore, a.result_ore," \
	" a.setaside_ore, a.deficit_covered_ore, a.to_tariff_ore," \
	" a.tariff_year, COALESCE(a.setaside_expires_year, 0)," \
	" COALESCE(a.occupied_days, -1), COALESCE(a.available_days, -1)," \
	" a.reported_at, a.reported_by"

static void
read_row(struct db_stmt *st, struct arena *a, struct accounts_row *r)
{
	memset(r, 0, sizeof(*r));
	r->offer_id = db_col_i64(st, 0);
	r->offer_name = arena_strdup(a, db_col_text(st, 1));
	r->year = (int)db_col_i64(st, 2);
	r->operator_code = arena_strdup(a, db_col_text(st, 3));
	r->version = db_col_i64(st, 4);
	r->rule = arena_strdup(a, db_col_text(st, 5));
	r->tariff_base_ore = db_col_i64(st, 6);
	r->revenue_ore = db_col_i64(st, 7);
	r->costs_ore = db_col_i64(st, 8);
	r->result_ore = db_col_i64(st, 9);
	r->setaside_ore = db_col_i64(st, 10);
	r->deficit_covered_ore = db_col_i64(st, 11);
	r->to_tariff_ore = db_col_i64(st, 12);
	r->tariff_year = (int)db_col_i64(st, 13);
	r->setaside_expires_year = (int)db_col_i64(st, 14);
	r->occupied_days = db_col_i64(st, 15);
	r->available_days = db_col_i64(st, 16);
	r->reported_at = arena_strdup(a, db_col_text(st, 17));
	r->reported_by = arena_strdup(a, db_col_text(st, 18));
}

int
accounts_store_get(struct db *db, struct arena *a, int64_t offer_id, int year,
    struct accounts_row *out, struct err *e)
{
	struct accounts_row	*v;
	size_t			 n;
	int			 rc;

	if ((rc = accounts_store_list(db, a, offer_id, year, NULL, &v, &n, e))
	    != 0)
		return rc;
	if (n == 0)
		return err_set(e, ERR_NOT_FOUND, "accounts_not_found", NULL,
		    "Der er intet regnskab for tilbud nr. %lld i %d",
		    (long long)offer_id, year);
	*out = v[0];
	return 0;
}

int
accounts_store_put(struct db *db, const struct accounts_row *r, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "INSERT INTO accounts (offer_id, year, operator_code, "
	    "version, rule, tariff_base_ore, revenue_ore, costs_ore, "
	    "result_ore, setaside_ore, deficit_covered_ore, to_tariff_ore, "
	    "tariff_year, setaside_expires_year, occupied_days, "
	    "available_days, reported_at, reported_by) VALUES ($1, $2, $3, 1, "
	    "$4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) "
	    "ON CONFLICT (offer_id, year) DO UPDATE SET "
	    "operator_code = excluded.operator_code, "
	    "version = accounts.version + 1, rule = excluded.rule, "
	    "tariff_base_ore = excluded.tariff_base_ore, "
	    "revenue_ore = excluded.revenue_ore, "
	    "costs_ore = excluded.costs_ore, result_ore = excluded.result_ore, "
	    "setaside_ore = excluded.setaside_ore, "
	    "deficit_covered_ore = excluded.deficit_covered_ore, "
	    "to_tariff_ore = excluded.to_tariff_ore, "
	    "tariff_year = excluded.tariff_year, "
	    "setaside_expires_year = excluded.setaside_expires_year, "
	    "occupied_days = excluded.occupied_days, "
	    "available_days = excluded.available_days, "
	    "reported_at = excluded.reported_at, "
	    "reported_by = excluded.reported_by", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, r->offer_id);
	db_bind_i64(st, 2, r->year);
	db_bind_text(st, 3, r->operator_code);
	db_bind_text(st, 4, r->rule);
	db_bind_i64(st, 5, r->tariff_base_ore);
	db_bind_i64(st, 6, r->revenue_ore);
	db_bind_i64(st, 7, r->costs_ore);
	db_bind_i64(st, 8, r->result_ore);
	db_bind_i64(st, 9, r->setaside_ore);
	db_bind_i64(st, 10, r->deficit_covered_ore);
	db_bind_i64(st, 11, r->to_tariff_ore);
	db_bind_i64(st, 12, r->tariff_year);
	db_bind_opt(st, 13, r->setaside_expires_year);
	if (r->occupied_days >= 0 && r->available_days > 0) {
		db_bind_i64(st, 14, r->occupied_days);
		db_bind_i64(st, 15, r->available_days);
	} else {
		db_bind_null(st, 14);
		db_bind_null(st, 15);
	}
	db_bind_text(st, 16, r->reported_at);
	db_bind_text(st, 17, r->reported_by);
	return db_run(st, e);
}

int
accounts_store_list(struct db *db, struct arena *a, int64_t offer_id,
    int year, const char *operator_code, struct accounts_row **out,
    size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct accounts_row	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT " ACC_COLS " FROM accounts a JOIN offer o "
	    "ON o.id = a.offer_id WHERE ($1 = 0 OR a.offer_id = $1) "
	    "AND ($2 = 0 OR a.year = $2) AND ($3 IS NULL OR "
	    "a.operator_code = $3) ORDER BY a.year DESC, o.name_key, "
	    "a.offer_id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, offer_id);
	db_bind_i64(st, 2, year);
	db_bind_text(st, 3, operator_code);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		read_row(st, a, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
accounts_store_carry(struct db *db, struct arena *a, int tariff_year,
    int64_t offer_id, struct accounts_carry **out, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct accounts_carry	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT offer_id, sum(to_tariff_ore) FROM accounts "
	    "WHERE tariff_year = $1 AND ($2 = 0 OR offer_id = $2) "
	    "GROUP BY offer_id ORDER BY offer_id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, tariff_year);
	db_bind_i64(st, 2, offer_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		v[k].offer_id = db_col_i64(st, 0);
		v[k].to_tariff_ore = db_col_i64(st, 1);
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
accounts_store_occupancy(struct db *db, struct arena *a, int first, int last,
    int64_t offer_id, struct accounts_occupancy **out, size_t *n,
    struct err *e)
{
	struct db_stmt			*st;
	struct accounts_occupancy	*v = NULL;
	size_t				 k = 0, cap = 0;
	int				 rc;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT offer_id, year, occupied_days, "
	    "available_days FROM accounts WHERE year BETWEEN $1 AND $2 "
	    "AND ($3 = 0 OR offer_id = $3) AND available_days IS NOT NULL "
	    "ORDER BY offer_id, year", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, first);
	db_bind_i64(st, 2, last);
	db_bind_i64(st, 3, offer_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		v[k].offer_id = db_col_i64(st, 0);
		v[k].year = (int)db_col_i64(st, 1);
		v[k].occupied_days = db_col_i64(st, 2);
		v[k].available_days = db_col_i64(st, 3);
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
accounts_store_ledger(struct db *db, struct arena *a,
    const char *operator_code, struct setaside_row **out, size_t *n,
    struct err *e)
{
	struct db_stmt		*st;
	struct setaside_row	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT offer_id, year, kind, amount_ore, "
	    "COALESCE(expires_year, 0), COALESCE(origin_year, 0), "
	    "accounts_year FROM setaside_entry WHERE operator_code = $1 "
	    "ORDER BY year, kind = 'create' DESC, id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, operator_code);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		v[k].offer_id = db_col_i64(st, 0);
		v[k].year = (int)db_col_i64(st, 1);
		v[k].kind = arena_strdup(a, db_col_text(st, 2));
		v[k].amount_ore = db_col_i64(st, 3);
		v[k].expires_year = (int)db_col_i64(st, 4);
		v[k].origin_year = (int)db_col_i64(st, 5);
		v[k].accounts_year = (int)db_col_i64(st, 6);
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
accounts_store_ledger_clear(struct db *db, int64_t offer_id, int accounts_year,
    struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "DELETE FROM setaside_entry WHERE offer_id = $1 "
	    "AND accounts_year = $2", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, offer_id);
	db_bind_i64(st, 2, accounts_year);
	return db_run(st, e);
}

int
accounts_store_ledger_add(struct db *db, const char *operator_code,
    const struct setaside_row *r, const char *at, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "INSERT INTO setaside_entry (operator_code, offer_id, "
	    "year, kind, amount_ore, expires_year, origin_year, "
	    "accounts_year, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
	    "$8, $9)", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, operator_code);
	db_bind_i64(st, 2, r->offer_id);
	db_bind_i64(st, 3, r->year);
	db_bind_text(st, 4, r->kind);
	db_bind_i64(st, 5, r->amount_ore);
	db_bind_opt(st, 6, r->expires_year);
	db_bind_opt(st, 7, r->origin_year);
	db_bind_i64(st, 8, r->accounts_year);
	db_bind_text(st, 9, at);
	return db_run(st, e);
}
