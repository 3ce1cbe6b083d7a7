/*
 * cycle_store — rules of the annual cycle (see cycle_store.h).
 */
#include <string.h>

#include "core/cycle.h"
#include "store/cycle_store.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/err.h"

#define COLS	"id, kind, from_year, retired, title, how, month, day, " \
		"weekday, base_kind, offset_days, period_year, party, note, " \
		"reason, updated_at"

int
cycle_store_list(struct db *db, struct arena *a, struct cycle_rule **rules,
    struct cycle_rule_row **rows, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct cycle_rule	*v, *r;
	struct cycle_rule_row	*w;
	size_t			 k = 0;
	int			 rc;

	st = db_prep(db, "SELECT " COLS " FROM cycle_rule ORDER BY kind, "
	    "from_year", e);
	if (st == NULL)
		return ERR_DB;
	v = arena_calloc(a, CYCLE_RULES_MAX, sizeof(*v));
	w = arena_calloc(a, CYCLE_RULES_MAX, sizeof(*w));
	while ((rc = db_step(st, e)) == DB_ROW && k < CYCLE_RULES_MAX) {
		r = &v[k];
		r->id = db_col_i64(st, 0);
		r->kind = db_col_dup(st, 1, a);
		r->from_year = (int)db_col_i64(st, 2);
		r->retired = db_col_i64(st, 3) != 0;
		r->title = db_col_dup(st, 4, a);
		if (cycle_how_parse(db_col_text(st, 5), &r->how) != 0)
			r->how = CYCLE_FIXED;
		r->month = (int)db_col_i64(st, 6);
		r->day = (int)db_col_i64(st, 7);
		r->weekday = (int)db_col_i64(st, 8);
		r->base_kind = db_col_dup(st, 9, a);
		r->offset_days = (int)db_col_i64(st, 10);
		r->period_year = (int)db_col_i64(st, 11);
		if (cycle_party_parse(db_col_text(st, 12), &r->party) != 0)
			r->party = PARTY_SECRETARIAT;
		r->note = db_col_dup(st, 13, a);
		w[k].rule = r;
		w[k].reason = db_col_dup(st, 14, a);
		w[k].updated_at = db_col_dup(st, 15, a);
		k++;
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*rules = v;
	if (rows != NULL)
		*rows = w;
	*n = k;
	return 0;
}

int
cycle_store_count(struct db *db, int64_t *n, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT count(*) FROM cycle_rule", e);
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_step_one(st, "Reglen", e)) != 0)
		return rc;
	*n = db_col_i64(st, 0);
	db_reset(st);
	return 0;
}

static void
bind_rule(struct db_stmt *st, const struct cycle_rule *r, const char *reason,
    const char *at)
{
	db_bind_text(st, 1, r->kind);
	db_bind_i64(st, 2, r->from_year);
	db_bind_i64(st, 3, r->retired ? 1 : 0);
	db_bind_text(st, 4, r->title);
	db_bind_text(st, 5, cycle_how_name(r->how));
	db_bind_i64(st, 6, r->month);
	db_bind_i64(st, 7, r->day);
	db_bind_i64(st, 8, r->weekday);
	db_bind_text(st, 9, r->how == CYCLE_RELATIVE ? r->base_kind : NULL);
	db_bind_i64(st, 10, r->offset_days);
	db_bind_i64(st, 11, r->period_year);
	db_bind_text(st, 12, cycle_party_name(r->party));
	db_bind_text(st, 13, r->note);
	db_bind_text(st, 14, reason);
	db_bind_text(st, 15, at);
}

int
cycle_store_put(struct db *db, const struct cycle_rule *r, const char *reason,
    const char *at, int64_t *id, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	if (r->id == 0) {
		st = db_prep(db, "INSERT INTO cycle_rule (kind, from_year, "
		    "retired, title, how, month, day, weekday, base_kind, "
		    "offset_days, period_year, party, note, reason, "
		    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
		    "$10, $11, $12, $13, $14, $15) RETURNING id", e);
		if (st == NULL)
			return ERR_DB;
		bind_rule(st, r, reason, at);
		if ((rc = db_run_id(st, id, e)) == ERR_CONFLICT)
			return err_set(e, ERR_CONFLICT, "duplicate_rule",
			    "from_year", "Trinnet har allerede en regel fra "
			    "%d; ret den i stedet", r->from_year);
		return rc;
	}
	st = db_prep(db, "UPDATE cycle_rule SET kind = $1, from_year = $2, "
	    "retired = $3, title = $4, how = $5, month = $6, day = $7, "
	    "weekday = $8, base_kind = $9, offset_days = $10, period_year = "
	    "$11, party = $12, note = $13, reason = $14, updated_at = $15 "
	    "WHERE id = $16", e);
	if (st == NULL)
		return ERR_DB;
	bind_rule(st, r, reason, at);
	db_bind_i64(st, 16, r->id);
	if ((rc = db_run_one(db, st, "Reglen", e)) == ERR_CONFLICT)
		return err_set(e, ERR_CONFLICT, "duplicate_rule", "from_year",
		    "Trinnet har allerede en regel fra %d", r->from_year);
	if (rc == 0)
		*id = r->id;
	return rc;
}
