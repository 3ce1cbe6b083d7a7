/*
 * org_store — organisations in the database (see org_store.h).
 */
#include <string.h>

#include "core/org.h"
#include "store/db.h"
#include "store/org_store.h"
#include "util/arena.h"
#include "util/err.h"

/* Attach populations to orgs[0..n) in one query. */
static int
load_populations(struct db *db, struct arena *a, struct org *orgs, int n,
    const char *only_code, struct err *e)
{
	struct db_stmt	*st;
	int		 rc, i, cap;
	const char	*code;

	st = db_prep(db, "SELECT org_code, year, persons FROM population "
	    "WHERE $1 IS NULL OR org_code = $1 ORDER BY org_code, year", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, only_code);
	while ((rc = db_step(st, e)) == DB_ROW) {
		code = db_col_text(st, 0);
		for (i = 0; i < n; i++) {
			if (strcmp(orgs[i].code, code) != 0)
				continue;
			cap = orgs[i].npop;
			/* Grow by copying: populations are few per org. */
			struct org_population *p = arena_calloc(a,
			    (size_t)cap + 1, sizeof(*p));
			if (cap > 0)
				memcpy(p, orgs[i].pop, (size_t)cap * sizeof(*p));
			p[cap].year = (int)db_col_i64(st, 1);
			p[cap].persons = db_col_i64(st, 2);
			orgs[i].pop = p;
			orgs[i].npop = cap + 1;
			break;
		}
	}
	db_reset(st);
	return rc < 0 ? rc : 0;
}

static void
read_org(struct db_stmt *st, struct arena *a, struct org *o)
{
	o->code = arena_strdup(a, db_col_text(st, 0));
	o->name = arena_strdup(a, db_col_text(st, 1));
	if (org_kind_parse(db_col_text(st, 2), &o->kind) != 0)
		o->kind = ORG_PRIVATE;
	o->pop = NULL;
	o->npop = 0;
}

int
org_store_list(struct db *db, struct arena *a, struct org **out, int *n,
    struct err *e)
{
	struct db_stmt	*st;
	struct org	*v = NULL;
	int		 rc, k = 0;
	size_t		 cap = 0;

	st = db_prep(db, "SELECT code, name, kind FROM organisation ORDER BY "
	    "CASE kind WHEN 'region' THEN 0 WHEN 'kommune' THEN 1 ELSE 2 END, "
	    "name", e);
	if (st == NULL)
		return ERR_DB;
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, (size_t)k, &cap, sizeof(*v));
		read_org(st, a, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	if ((rc = load_populations(db, a, v, k, NULL, e)) != 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
org_store_get(struct db *db, struct arena *a, const char *code,
    struct org *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT code, name, kind FROM organisation "
	    "WHERE code = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, code);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		read_org(st, a, out);
	db_reset(st);
	if (rc < 0)
		return rc;
	if (rc == DB_DONE)
		return err_set(e, ERR_NOT_FOUND, "unknown_organisation", "code",
		    "Ukendt organisation: %.20s", code);
	return load_populations(db, a, out, 1, code, e);
}

bool
org_store_exists(struct db *db, const char *code, int *kind_out)
{
	struct db_stmt	*st;
	enum org_kind	 k;
	bool		 found;

	st = db_prep(db, "SELECT kind FROM organisation WHERE code = $1", NULL);
	if (st == NULL)
		return false;
	db_bind_text(st, 1, code);
	found = db_step(st, NULL) == DB_ROW;
	if (found && kind_out != NULL) {
		if (org_kind_parse(db_col_text(st, 0), &k) != 0)
			k = ORG_PRIVATE;
		*kind_out = (int)k;
	}
	db_reset(st);
	return found;
}

int
org_store_upsert(struct db *db, const struct org *o, const char *at,
    struct err *e)
{
	struct db_stmt	*st;
	int		 rc, i;

	st = db_prep(db, "INSERT INTO organisation (code, name, kind, "
	    "created_at, updated_at) VALUES ($1, $2, $3, $4, $4) "
	    "ON CONFLICT (code) DO UPDATE SET name = excluded.name, "
	    "kind = excluded.kind, updated_at = excluded.updated_at", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, o->code);
	db_bind_text(st, 2, o->name);
	db_bind_text(st, 3, org_kind_name(o->kind));
	db_bind_text(st, 4, at);
	rc = db_step(st, e);
	db_reset(st);
	if (rc < 0)
		return rc;
	st = db_prep(db, "INSERT INTO population (org_code, year, persons) "
	    "VALUES ($1, $2, $3) ON CONFLICT (org_code, year) DO UPDATE SET "
	    "persons = excluded.persons", e);
	if (st == NULL)
		return ERR_DB;
	for (i = 0; i < o->npop; i++) {
		db_bind_text(st, 1, o->code);
		db_bind_i64(st, 2, o->pop[i].year);
		db_bind_i64(st, 3, o->pop[i].persons);
		rc = db_step(st, e);
		db_reset(st);
		if (rc < 0)
			return rc;
	}
	return 0;
}
