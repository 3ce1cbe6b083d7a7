/*
 * purchase_store — SQL of purchase agreements (see purchase_store.h).
 */
#include <string.h>

#include "store/db.h"
#include "store/purchase_store.h"
#include "util/arena.h"
#include "util/err.h"

int
purchase_store_list(struct db *db, struct arena *a, int64_t offer_id,
    const char *buyer, struct purchase **out, size_t *n, struct err *e)
{
	struct db_stmt	*st;
	struct purchase	*v = NULL, *p;
	size_t		 k = 0, cap = 0;
	int		 rc;

	st = db_prep(db, "SELECT p.id, p.offer_id, o.name, p.buyer, "
	    "p.operator, p.starts_on, p.binding_years, p.guarantor, p.note, "
	    "p.created_at, p.created_by FROM purchase_agreement p JOIN offer o "
	    "ON o.id = p.offer_id WHERE ($1 = 0 OR p.offer_id = $1) AND "
	    "($2 IS NULL OR p.buyer = $2) ORDER BY p.starts_on, p.id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, offer_id > 0 ? offer_id : 0);
	db_bind_text(st, 2, buyer);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		p = &v[k++];
		p->id = db_col_i64(st, 0);
		p->offer_id = db_col_i64(st, 1);
		p->offer_name = db_col_dup(st, 2, a);
		p->buyer = db_col_dup(st, 3, a);
		p->operator = db_col_dup(st, 4, a);
		p->starts_on = db_col_dup(st, 5, a);
		p->binding_years = (int)db_col_i64(st, 6);
		p->guarantor = db_col_dup(st, 7, a);
		p->note = db_col_dup(st, 8, a);
		p->created_at = db_col_dup(st, 9, a);
		p->created_by = db_col_dup(st, 10, a);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
purchase_store_insert(struct db *db, const struct purchase *p, int64_t *id,
    struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "INSERT INTO purchase_agreement (offer_id, buyer, "
	    "operator, starts_on, binding_years, guarantor, note, created_at, "
	    "created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
	    "RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, p->offer_id);
	db_bind_text(st, 2, p->buyer);
	db_bind_text(st, 3, p->operator);
	db_bind_text(st, 4, p->starts_on);
	db_bind_i64(st, 5, p->binding_years);
	db_bind_text(st, 6, p->guarantor);
	db_bind_text(st, 7, p->note != NULL ? p->note : "");
	db_bind_text(st, 8, p->created_at);
	db_bind_text(st, 9, p->created_by);
	return db_run_id(st, id, e);
}
