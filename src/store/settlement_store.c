/*
 * settlement_store — post-adjustments in SQL (see settlement_store.h).
 */
#include <string.h>

#include "store/db.h"
#include "store/settlement_store.h"
#include "util/arena.h"
#include "util/err.h"

#define SET_COLS \
	"s.id, s.offer_id, o.name, o.operator_code, " \
	"COALESCE(op.name, o.operator_code, ''), s.year, s.version, " \
	"(SELECT max(v.version) FROM settlement v WHERE v.offer_id = " \
	"s.offer_id AND v.year = s.year), s.places_centi, s.day_basis, " \
	"s.assumed_bp, s.rounding_ore, s.cost_ore, s.cost_source, " \
	"s.occupied_days, s.tariff_ore, s.billed_ore, s.difference_ore, " \
	"s.key_kind, s.key_label, s.reason, s.created_by, s.created_at, " \
	"COALESCE(s.key_id, 0)"

#define SET_FROM \
	" FROM settlement s JOIN offer o ON o.id = s.offer_id" \
	" LEFT JOIN organisation op ON op.code = o.operator_code"

static void
read_row(struct db_stmt *st, struct arena *a, struct settlement *r)
{
	memset(r, 0, sizeof(*r));
	r->id = db_col_i64(st, 0);
	r->offer_id = db_col_i64(st, 1);
	r->offer_name = db_col_dup(st, 2, a);
	r->operator_code = db_col_dup(st, 3, a);
	r->operator_name = db_col_dup(st, 4, a);
	r->year = (int)db_col_i64(st, 5);
	r->version = (int)db_col_i64(st, 6);
	r->nversions = (int)db_col_i64(st, 7);
	r->places_centi = db_col_i64(st, 8);
	r->day_basis = db_col_i64(st, 9);
	r->assumed_bp = db_col_i64(st, 10);
	r->rounding_ore = db_col_i64(st, 11);
	r->cost_ore = db_col_i64(st, 12);
	r->cost_source = db_col_dup(st, 13, a);
	r->occupied_days = db_col_i64(st, 14);
	r->tariff_ore = db_col_i64(st, 15);
	r->billed_ore = db_col_i64(st, 16);
	r->difference_ore = db_col_i64(st, 17);
	r->key_kind = db_col_dup(st, 18, a);
	r->key_label = db_col_dup(st, 19, a);
	r->reason = db_col_dup(st, 20, a);
	r->created_by = db_col_dup(st, 21, a);
	r->created_at = db_col_dup(st, 22, a);
	r->key_id = db_col_i64(st, 23);
}

int
settlement_store_insert(struct db *db, const struct settlement *s,
    int64_t *id, struct err *e)
{
	struct db_stmt	*st;
	size_t		 i;
	int		 rc;

	st = db_prep(db, "INSERT INTO settlement (offer_id, year, version, "
	    "places_centi, day_basis, assumed_bp, rounding_ore, cost_ore, "
	    "cost_source, occupied_days, tariff_ore, billed_ore, "
	    "difference_ore, key_kind, key_label, reason, created_by, "
	    "created_at, key_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
	    "$10, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING id",
	    e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, s->offer_id);
	db_bind_i64(st, 2, s->year);
	db_bind_i64(st, 3, s->version);
	db_bind_i64(st, 4, s->places_centi);
	db_bind_i64(st, 5, s->day_basis);
	db_bind_i64(st, 6, s->assumed_bp);
	db_bind_i64(st, 7, s->rounding_ore);
	db_bind_i64(st, 8, s->cost_ore);
	db_bind_text(st, 9, s->cost_source);
	db_bind_i64(st, 10, s->occupied_days);
	db_bind_i64(st, 11, s->tariff_ore);
	db_bind_i64(st, 12, s->billed_ore);
	db_bind_i64(st, 13, s->difference_ore);
	db_bind_text(st, 14, s->key_kind);
	db_bind_text(st, 15, s->key_label);
	db_bind_text(st, 16, s->reason);
	db_bind_text(st, 17, s->created_by);
	db_bind_text(st, 18, s->created_at);
	db_bind_opt(st, 19, s->key_id);
	if ((rc = db_run_id(st, id, e)) != 0)
		return rc;
	st = db_prep(db, "INSERT INTO settlement_share (settlement_id, "
	    "org_code, weight, amount_ore) VALUES ($1, $2, $3, $4)", e);
	if (st == NULL)
		return ERR_DB;
	for (i = 0; i < s->nshares; i++) {
		db_bind_i64(st, 1, *id);
		db_bind_text(st, 2, s->shares[i].org_code);
		db_bind_i64(st, 3, s->shares[i].weight);
		db_bind_i64(st, 4, s->shares[i].amount_ore);
		if ((rc = db_run(st, e)) != 0)
			return rc;
	}
	return 0;
}

int
settlement_store_latest(struct db *db, int64_t offer_id, int year,
    int *version, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT COALESCE(max(version), 0) FROM settlement "
	    "WHERE offer_id = $1 AND year = $2", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, offer_id);
	db_bind_i64(st, 2, year);
	if ((rc = db_step_one(st, "Efterreguleringen", e)) != 0)
		return rc;
	*version = (int)db_col_i64(st, 0);
	db_reset(st);
	return 0;
}

/* The shares of settlement id (only org's when org is not NULL). */
static int
read_shares(struct db *db, struct arena *a, struct settlement *r,
    const char *org, struct err *e)
{
	struct db_stmt	*st;
	size_t		 cap = 16;
	int		 rc;

	st = db_prep(db, "SELECT h.org_code, COALESCE(g.name, h.org_code), "
	    "h.weight, h.amount_ore FROM settlement_share h "
	    "LEFT JOIN organisation g ON g.code = h.org_code "
	    "WHERE h.settlement_id = $1 AND ($2 IS NULL OR h.org_code = $2) "
	    "ORDER BY g.kind DESC, g.name, h.org_code", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, r->id);
	db_bind_text(st, 2, org);
	r->shares = arena_calloc(a, cap, sizeof(*r->shares));
	r->nshares = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct settlement_share *h;

		if (r->nshares == cap) {
			struct settlement_share *n2;

			n2 = arena_calloc(a, cap * 2, sizeof(*n2));
			memcpy(n2, r->shares, cap * sizeof(*n2));
			r->shares = n2;
			cap *= 2;
		}
		h = &r->shares[r->nshares++];
		h->org_code = db_col_dup(st, 0, a);
		h->org_name = db_col_dup(st, 1, a);
		h->weight = db_col_i64(st, 2);
		h->amount_ore = db_col_i64(st, 3);
	}
	db_reset(st);
	return rc < 0 ? rc : 0;
}

int
settlement_store_list(struct db *db, struct arena *a,
    const char *operator_code, const char *share_org,
    struct settlement **out, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct settlement	*v;
	size_t			 cap = 16, i;
	int			 rc;

	st = db_prep(db, "SELECT " SET_COLS SET_FROM " WHERE s.version = "
	    "(SELECT max(v.version) FROM settlement v WHERE v.offer_id = "
	    "s.offer_id AND v.year = s.year) AND ($1 IS NULL OR "
	    "o.operator_code = $1) ORDER BY s.year DESC, o.name, s.id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, operator_code);
	v = arena_calloc(a, cap, sizeof(*v));
	*n = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (*n == cap) {
			struct settlement *n2;

			n2 = arena_calloc(a, cap * 2, sizeof(*n2));
			memcpy(n2, v, cap * sizeof(*n2));
			v = n2;
			cap *= 2;
		}
		read_row(st, a, &v[(*n)++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	for (i = 0; share_org != NULL && i < *n; i++)
		if ((rc = read_shares(db, a, &v[i], share_org, e)) != 0)
			return rc;
	*out = v;
	return 0;
}

int
settlement_store_get(struct db *db, struct arena *a, int64_t id,
    struct settlement *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT " SET_COLS SET_FROM " WHERE s.id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	if ((rc = db_step_one(st, "Efterreguleringen", e)) != 0)
		return rc;
	read_row(st, a, out);
	db_reset(st);
	return read_shares(db, a, out, NULL, e);
}

int
settlement_store_versions(struct db *db, struct arena *a, int64_t offer_id,
    int year, int64_t **ids, size_t *n, struct err *e)
{
	struct db_stmt	*st;
	size_t		 cap = 16;
	int		 rc;

	st = db_prep(db, "SELECT id FROM settlement WHERE offer_id = $1 AND "
	    "year = $2 ORDER BY version", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, offer_id);
	db_bind_i64(st, 2, year);
	*ids = arena_calloc(a, cap, sizeof(**ids));
	*n = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (*n == cap) {
			int64_t *n2 = arena_calloc(a, cap * 2, sizeof(*n2));

			memcpy(n2, *ids, cap * sizeof(*n2));
			*ids = n2;
			cap *= 2;
		}
		(*ids)[(*n)++] = db_col_i64(st, 0);
	}
	db_reset(st);
	return rc < 0 ? rc : 0;
}
