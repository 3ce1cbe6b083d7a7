/*
 * sharing_store — keys and allocations (see sharing_store.h).
 */
#include <string.h>

#include "store/db.h"
#include "store/sharing_store.h"
#include "util/arena.h"
#include "util/err.h"

#define KEY_COLS \
	"k.id, k.name, k.title, k.kind, k.snapshot_date, k.source," \
	" k.created_at, k.created_by, k.updated_at," \
	" (SELECT COALESCE(SUM(value), 0) FROM sharing_key_value" \
	"  WHERE key_id = k.id)," \
	" (SELECT COUNT(*) FROM sharing_key_value WHERE key_id = k.id)"

static void
read_key(struct db_stmt *st, struct arena *a, struct sharing_key_row *k)
{
	memset(k, 0, sizeof(*k));
	k->id = db_col_i64(st, 0);
	k->name = db_col_dup(st, 1, a);
	k->title = db_col_dup(st, 2, a);
	k->kind = db_col_dup(st, 3, a);
	k->snapshot_date = db_col_dup(st, 4, a);
	k->source = db_col_dup(st, 5, a);
	k->created_at = db_col_dup(st, 6, a);
	k->created_by = db_col_dup(st, 7, a);
	k->updated_at = db_col_dup(st, 8, a);
	k->total = db_col_i64(st, 9);
	k->nvalues = (size_t)db_col_i64(st, 10);
}

int
sharing_store_keys(struct db *db, struct arena *a,
    struct sharing_key_row **out, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct sharing_key_row	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((st = db_prep(db, "SELECT " KEY_COLS " FROM sharing_key k "
	    "ORDER BY k.snapshot_date DESC, k.title, k.id", e)) == NULL)
		return ERR_DB;
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		read_key(st, a, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
sharing_store_key_get(struct db *db, struct arena *a, int64_t id,
    struct sharing_key_row *out, struct err *e)
{
	struct db_stmt	*st;
	size_t		 k = 0, cap = 0;
	int		 rc;

	if ((st = db_prep(db, "SELECT " KEY_COLS " FROM sharing_key k "
	    "WHERE k.id = $1", e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	if ((rc = db_step_one(st, "Fordelingsnøglen", e)) != 0)
		return rc;
	read_key(st, a, out);
	db_reset(st);
	if ((st = db_prep(db, "SELECT v.org_code, o.name, v.value FROM "
	    "sharing_key_value v JOIN organisation o ON o.code = v.org_code "
	    "WHERE v.key_id = $1 ORDER BY o.name, v.org_code", e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	out->values = NULL;
	while ((rc = db_step(st, e)) == DB_ROW) {
		out->values = arena_grow(a, out->values, k, &cap,
		    sizeof(*out->values));
		out->values[k].org_code = db_col_dup(st, 0, a);
		out->values[k].org_name = db_col_dup(st, 1, a);
		out->values[k].weight = db_col_i64(st, 2);
		k++;
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	out->nvalues = k;
	return 0;
}

static int
put_values(struct db *db, const struct sharing_key_row *k, int64_t id,
    struct err *e)
{
	struct db_stmt	*st;
	size_t		 i;
	int		 rc;

	if ((st = db_prep(db, "DELETE FROM sharing_key_value WHERE "
	    "key_id = $1", e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	if ((rc = db_run(st, e)) != 0)
		return rc;
	if ((st = db_prep(db, "INSERT INTO sharing_key_value (key_id, "
	    "org_code, value) VALUES ($1, $2, $3)", e)) == NULL)
		return ERR_DB;
	for (i = 0; i < k->nvalues; i++) {
		db_bind_i64(st, 1, id);
		db_bind_text(st, 2, k->values[i].org_code);
		db_bind_i64(st, 3, k->values[i].weight);
		if ((rc = db_run(st, e)) != 0)
			return rc;
	}
	return 0;
}

int
sharing_store_key_add(struct db *db, const struct sharing_key_row *k,
    int64_t *id, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	if ((st = db_prep(db, "SELECT 1 FROM sharing_key WHERE name = $1",
	    e)) == NULL)
		return ERR_DB;
	db_bind_text(st, 1, k->name);
	rc = db_step(st, e);
	db_reset(st);
	if (rc < 0)
		return rc;
	if (rc == DB_ROW)
		return err_set(e, ERR_CONFLICT, "key_exists", "name",
		    "Der findes allerede en fordelingsnøgle med navnet %s",
		    k->name);
	if ((st = db_prep(db, "INSERT INTO sharing_key (name, title, kind, "
	    "snapshot_date, source, created_at, created_by, updated_at) "
	    "VALUES ($1, $2, $3, $4, $5, $6, $7, $6) RETURNING id", e)) ==
	    NULL)
		return ERR_DB;
	db_bind_text(st, 1, k->name);
	db_bind_text(st, 2, k->title);
	db_bind_text(st, 3, k->kind);
	db_bind_text(st, 4, k->snapshot_date);
	db_bind_text(st, 5, k->source);
	db_bind_text(st, 6, k->created_at);
	db_bind_text(st, 7, k->created_by);
	if ((rc = db_run_id(st, id, e)) != 0)
		return rc;
	return put_values(db, k, *id, e);
}

int
sharing_store_key_replace(struct db *db, const struct sharing_key_row *k,
    const char *at, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	if ((st = db_prep(db, "UPDATE sharing_key SET snapshot_date = $2, "
	    "source = $3, updated_at = $4 WHERE id = $1", e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, k->id);
	db_bind_text(st, 2, k->snapshot_date);
	db_bind_text(st, 3, k->source);
	db_bind_text(st, 4, at);
	if ((rc = db_run_one(db, st, "Fordelingsnøglen", e)) != 0)
		return rc;
	return put_values(db, k, k->id, e);
}

#define ALLOC_COLS \
	"v.allocation_id, v.version, a.current_version, v.title, v.purpose," \
	" v.year, v.pool_ore, v.unit_ore, COALESCE(v.price_ore, 0)," \
	" COALESCE(v.key_id, 0), v.key_title, v.key_kind," \
	" v.key_snapshot_date, v.reason, v.created_at, v.created_by," \
	" (SELECT COALESCE(SUM(weight), 0) FROM allocation_share s" \
	"  WHERE s.allocation_id = v.allocation_id AND s.version = v.version)"

static void
read_alloc(struct db_stmt *st, struct arena *a, struct allocation_row *r)
{
	memset(r, 0, sizeof(*r));
	r->id = db_col_i64(st, 0);
	r->version = (int)db_col_i64(st, 1);
	r->current_version = (int)db_col_i64(st, 2);
	r->title = db_col_dup(st, 3, a);
	r->purpose = db_col_dup(st, 4, a);
	r->year = (int)db_col_i64(st, 5);
	r->pool_ore = db_col_i64(st, 6);
	r->unit_ore = db_col_i64(st, 7);
	r->price_ore = db_col_i64(st, 8);
	r->key_id = db_col_i64(st, 9);
	r->key_title = db_col_dup(st, 10, a);
	r->key_kind = db_col_dup(st, 11, a);
	r->key_snapshot_date = db_col_dup(st, 12, a);
	r->reason = db_col_dup(st, 13, a);
	r->created_at = db_col_dup(st, 14, a);
	r->created_by = db_col_dup(st, 15, a);
	r->weight_total = db_col_i64(st, 16);
}

int
sharing_store_allocation_put(struct db *db, const struct allocation_row *r,
    int64_t *id, struct err *e)
{
	struct db_stmt	*st;
	int64_t		 aid = r->id;
	size_t		 i;
	int		 rc;

	if (aid == 0) {
		if ((st = db_prep(db, "INSERT INTO allocation "
		    "(current_version, created_at, created_by) VALUES (1, $1, "
		    "$2) RETURNING id", e)) == NULL)
			return ERR_DB;
		db_bind_text(st, 1, r->created_at);
		db_bind_text(st, 2, r->created_by);
		if ((rc = db_run_id(st, &aid, e)) != 0)
			return rc;
	}
	if ((st = db_prep(db, "INSERT INTO allocation_version (allocation_id, "
	    "version, title, purpose, year, pool_ore, unit_ore, price_ore, "
	    "key_id, key_title, key_kind, key_snapshot_date, reason, "
	    "created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
	    "$9, $10, $11, $12, $13, $14, $15)", e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, aid);
	db_bind_i64(st, 2, r->version);
	db_bind_text(st, 3, r->title);
	db_bind_text(st, 4, r->purpose);
	db_bind_i64(st, 5, r->year);
	db_bind_i64(st, 6, r->pool_ore);
	db_bind_i64(st, 7, r->unit_ore);
	db_bind_opt(st, 8, r->price_ore);
	db_bind_opt(st, 9, r->key_id);
	db_bind_text(st, 10, r->key_title);
	db_bind_text(st, 11, r->key_kind);
	db_bind_text(st, 12, r->key_snapshot_date);
	db_bind_text(st, 13, r->reason);
	db_bind_text(st, 14, r->created_at);
	db_bind_text(st, 15, r->created_by);
	if ((rc = db_run(st, e)) != 0)
		return rc;
	if ((st = db_prep(db, "INSERT INTO allocation_share (allocation_id, "
	    "version, org_code, weight, amount_ore) VALUES ($1, $2, $3, $4, "
	    "$5)", e)) == NULL)
		return ERR_DB;
	for (i = 0; i < r->nshares; i++) {
		db_bind_i64(st, 1, aid);
		db_bind_i64(st, 2, r->version);
		db_bind_text(st, 3, r->shares[i].org_code);
		db_bind_i64(st, 4, r->shares[i].weight);
		db_bind_i64(st, 5, r->shares[i].amount_ore);
		if ((rc = db_run(st, e)) != 0)
			return rc;
	}
	if ((st = db_prep(db, "UPDATE allocation SET current_version = $2 "
	    "WHERE id = $1", e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, aid);
	db_bind_i64(st, 2, r->version);
	if ((rc = db_run_one(db, st, "Fordelingen", e)) != 0)
		return rc;
	if (id != NULL)
		*id = aid;
	return 0;
}

int
sharing_store_allocation_get(struct db *db, struct arena *a, int64_t id,
    int version, struct allocation_row *out, struct err *e)
{
	struct db_stmt	*st;
	size_t		 k = 0, cap = 0;
	int		 rc;

	if ((st = db_prep(db, "SELECT " ALLOC_COLS " FROM allocation_version v "
	    "JOIN allocation a ON a.id = v.allocation_id WHERE "
	    "v.allocation_id = $1 AND v.version = CASE WHEN $2 = 0 THEN "
	    "a.current_version ELSE $2 END", e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	db_bind_i64(st, 2, version);
	if ((rc = db_step_one(st, "Fordelingen", e)) != 0)
		return rc;
	read_alloc(st, a, out);
	db_reset(st);
	if ((st = db_prep(db, "SELECT s.org_code, o.name, s.weight, "
	    "s.amount_ore FROM allocation_share s JOIN organisation o ON "
	    "o.code = s.org_code WHERE s.allocation_id = $1 AND s.version = $2 "
	    "ORDER BY o.name, s.org_code", e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	db_bind_i64(st, 2, out->version);
	while ((rc = db_step(st, e)) == DB_ROW) {
		out->shares = arena_grow(a, out->shares, k, &cap,
		    sizeof(*out->shares));
		out->shares[k].org_code = db_col_dup(st, 0, a);
		out->shares[k].org_name = db_col_dup(st, 1, a);
		out->shares[k].weight = db_col_i64(st, 2);
		out->shares[k].amount_ore = db_col_i64(st, 3);
		k++;
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	out->nshares = k;
	return 0;
}

/* Allocation versions for st (bound by the caller) into *out. */
static int
alloc_rows(struct db_stmt *st, struct arena *a, struct allocation_row **out,
    size_t *n, struct err *e)
{
	struct allocation_row	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		read_alloc(st, a, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
sharing_store_allocation_versions(struct db *db, struct arena *a, int64_t id,
    struct allocation_row **out, size_t *n, struct err *e)
{
	struct db_stmt	*st;

	if ((st = db_prep(db, "SELECT " ALLOC_COLS " FROM allocation_version v "
	    "JOIN allocation a ON a.id = v.allocation_id WHERE "
	    "v.allocation_id = $1 ORDER BY v.version DESC", e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	return alloc_rows(st, a, out, n, e);
}

int
sharing_store_allocations(struct db *db, struct arena *a, int year,
    const char *purpose, struct allocation_row **out, size_t *n,
    struct err *e)
{
	struct db_stmt	*st;

	if ((st = db_prep(db, "SELECT " ALLOC_COLS " FROM allocation a "
	    "JOIN allocation_version v ON v.allocation_id = a.id AND "
	    "v.version = a.current_version WHERE ($1 = 0 OR v.year = $1) AND "
	    "($2 IS NULL OR v.purpose = $2) ORDER BY v.year DESC, a.id DESC",
	    e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year);
	db_bind_text(st, 2, purpose);
	return alloc_rows(st, a, out, n, e);
}

int
sharing_store_invoices(struct db *db, struct arena *a, const char *org_code,
    int year, int64_t allocation_id, struct invoice_row **out, size_t *n,
    struct err *e)
{
	struct db_stmt		*st;
	struct invoice_row	*v = NULL, *r;
	size_t			 k = 0, cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((st = db_prep(db, "SELECT a.id, v.version, v.title, v.purpose, "
	    "v.year, s.org_code, o.name, s.weight, (SELECT SUM(weight) FROM "
	    "allocation_share t WHERE t.allocation_id = a.id AND t.version = "
	    "v.version), v.key_title, s.amount_ore, v.created_at FROM "
	    "allocation a JOIN allocation_version v ON v.allocation_id = a.id "
	    "AND v.version = a.current_version JOIN allocation_share s ON "
	    "s.allocation_id = a.id AND s.version = v.version JOIN "
	    "organisation o ON o.code = s.org_code WHERE ($1 IS NULL OR "
	    "s.org_code = $1) AND ($2 = 0 OR v.year = $2) AND ($3 = 0 OR "
	    "a.id = $3) ORDER BY o.name, "
	    "s.org_code, v.year DESC, a.id DESC", e)) == NULL)
		return ERR_DB;
	db_bind_text(st, 1, org_code);
	db_bind_i64(st, 2, year);
	db_bind_i64(st, 3, allocation_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		r = &v[k++];
		r->allocation_id = db_col_i64(st, 0);
		r->version = (int)db_col_i64(st, 1);
		r->title = db_col_dup(st, 2, a);
		r->purpose = db_col_dup(st, 3, a);
		r->year = (int)db_col_i64(st, 4);
		r->org_code = db_col_dup(st, 5, a);
		r->org_name = db_col_dup(st, 6, a);
		r->weight = db_col_i64(st, 7);
		r->weight_total = db_col_i64(st, 8);
		r->key_title = db_col_dup(st, 9, a);
		r->amount_ore = db_col_i64(st, 10);
		r->created_at = db_col_dup(st, 11, a);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}
