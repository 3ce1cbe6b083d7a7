/*
 * body_store — bodies, persons, memberships and nominations in the
 * database (see body_store.h).
 */
#include <string.h>

#include "store/body_store.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/err.h"

/* Grow *v (elements of size sz) to hold one more when k == *cap. */
/* ---- bodies -------------------------------------------------------- */

#define BODY_COLS \
	"b.id, b.key, b.name, b.short_name, b.kind, b.parent_id, p.name," \
	" b.mandate, b.ends_on," \
	" (SELECT count(*) FROM meeting m WHERE m.body_id = b.id)"

static void
read_body(struct db_stmt *st, struct arena *a, struct body *b)
{
	memset(b, 0, sizeof(*b));
	b->id = db_col_i64(st, 0);
	b->key = db_col_dup(st, 1, a);
	b->name = db_col_dup(st, 2, a);
	b->short_name = db_col_dup(st, 3, a);
	b->kind = db_col_dup(st, 4, a);
	b->parent_id = db_col_i64(st, 5);
	b->parent_name = db_col_dup(st, 6, a);
	b->mandate = db_col_dup(st, 7, a);
	b->ends_on = db_col_dup(st, 8, a);
	b->nmeetings = db_col_i64(st, 9);
}

int
body_store_list(struct db *db, struct arena *a, struct body **out, size_t *n,
    struct err *e)
{
	struct db_stmt	*st;
	struct body	*v = NULL;
	size_t		 cap = 0, k = 0;
	int		 rc;

	st = db_prep(db, "SELECT " BODY_COLS " FROM body b LEFT JOIN body p "
	    "ON p.id = b.parent_id ORDER BY b.kind, b.name", e);
	if (st == NULL)
		return ERR_DB;
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		read_body(st, a, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
body_store_get(struct db *db, struct arena *a, int64_t id, struct body *out,
    struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT " BODY_COLS " FROM body b LEFT JOIN body p "
	    "ON p.id = b.parent_id WHERE b.id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	if ((rc = db_step_one(st, "Organet", e)) != 0)
		return rc;
	read_body(st, a, out);
	db_reset(st);
	return 0;
}

int64_t
body_store_find_key(struct db *db, const char *key)
{
	struct db_stmt	*st;
	int64_t		 id = 0;

	if (key == NULL)
		return 0;
	st = db_prep(db, "SELECT id FROM body WHERE key = $1", NULL);
	if (st == NULL)
		return 0;
	db_bind_text(st, 1, key);
	if (db_step(st, NULL) == DB_ROW)
		id = db_col_i64(st, 0);
	db_reset(st);
	return id;
}

int64_t
body_store_find_name(struct db *db, const char *name)
{
	struct db_stmt	*st;
	int64_t		 id = 0;

	if (name == NULL)
		return 0;
	st = db_prep(db, "SELECT id FROM body WHERE lower(name) = lower($1) "
	    "OR lower(short_name) = lower($1) ORDER BY id LIMIT 1", NULL);
	if (st == NULL)
		return 0;
	db_bind_text(st, 1, name);
	if (db_step(st, NULL) == DB_ROW)
		id = db_col_i64(st, 0);
	db_reset(st);
	return id;
}

int
body_store_insert(struct db *db, const struct body *b, const char *at,
    int64_t *id, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "INSERT INTO body (key, name, short_name, kind, "
	    "parent_id, mandate, ends_on, created_at, updated_at) VALUES ($1, "
	    "$2, $3, $4, $5, $6, $7, $8, $8) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, b->key);
	db_bind_text(st, 2, b->name);
	db_bind_text(st, 3, b->short_name);
	db_bind_text(st, 4, b->kind ? b->kind : "organ");
	db_bind_opt(st, 5, b->parent_id);
	db_bind_text(st, 6, b->mandate);
	db_bind_text(st, 7, b->ends_on);
	db_bind_text(st, 8, at);
	return db_run_id(st, id, e);
}

int
body_store_update(struct db *db, const struct body *b, const char *at,
    struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "UPDATE body SET name = $2, short_name = $3, "
	    "kind = $4, parent_id = $5, mandate = $6, ends_on = $7, "
	    "updated_at = $8 WHERE id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, b->id);
	db_bind_text(st, 2, b->name);
	db_bind_text(st, 3, b->short_name);
	db_bind_text(st, 4, b->kind);
	db_bind_opt(st, 5, b->parent_id);
	db_bind_text(st, 6, b->mandate);
	db_bind_text(st, 7, b->ends_on);
	db_bind_text(st, 8, at);
	return db_run_one(db, st, "Organet", e);
}

/* ---- persons ------------------------------------------------------- */

int
body_store_person_get(struct db *db, struct arena *a, int64_t id,
    struct person *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT p.id, p.name, p.org_code, p.organisation, "
	    "p.email, p.user_id, u.username FROM person p LEFT JOIN app_user u "
	    "ON u.id = p.user_id WHERE p.id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		memset(out, 0, sizeof(*out));
		out->id = db_col_i64(st, 0);
		out->name = db_col_dup(st, 1, a);
		out->org_code = db_col_dup(st, 2, a);
		out->organisation = db_col_dup(st, 3, a);
		out->email = db_col_dup(st, 4, a);
		out->user_id = db_col_i64(st, 5);
		out->username = db_col_dup(st, 6, a);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	return rc == DB_ROW ? 0 : db_not_found(e, "Personen");
}

int64_t
body_store_person_find(struct db *db, const char *name_key,
    const char *org_code)
{
	struct db_stmt	*st;
	int64_t		 id = 0;

	st = db_prep(db, "SELECT id FROM person WHERE name_key = $1 AND "
	    "($2 IS NULL OR org_code = $2 OR org_code IS NULL) "
	    "ORDER BY org_code IS NULL, id LIMIT 1", NULL);
	if (st == NULL)
		return 0;
	db_bind_text(st, 1, name_key);
	db_bind_text(st, 2, org_code);
	if (db_step(st, NULL) == DB_ROW)
		id = db_col_i64(st, 0);
	db_reset(st);
	return id;
}

int64_t
body_store_person_of_user(struct db *db, int64_t user_id)
{
	struct db_stmt	*st;
	int64_t		 id = 0;

	if (user_id <= 0)
		return 0;
	st = db_prep(db, "SELECT id FROM person WHERE user_id = $1", NULL);
	if (st == NULL)
		return 0;
	db_bind_i64(st, 1, user_id);
	if (db_step(st, NULL) == DB_ROW)
		id = db_col_i64(st, 0);
	db_reset(st);
	return id;
}

int
body_store_person_insert(struct db *db, const struct person *p,
    const char *name_key, const char *at, int64_t *id, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "INSERT INTO person (name, name_key, org_code, "
	    "organisation, email, user_id, created_at, updated_at) VALUES ($1, "
	    "$2, $3, $4, $5, $6, $7, $7) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, p->name);
	db_bind_text(st, 2, name_key);
	db_bind_text(st, 3, p->org_code);
	db_bind_text(st, 4, p->organisation);
	db_bind_text(st, 5, p->email);
	db_bind_opt(st, 6, p->user_id);
	db_bind_text(st, 7, at);
	return db_run_id(st, id, e);
}

int
body_store_person_link(struct db *db, int64_t id, int64_t user_id,
    const char *at, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "UPDATE person SET user_id = $2, updated_at = $3 "
	    "WHERE id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	db_bind_opt(st, 2, user_id);
	db_bind_text(st, 3, at);
	return db_run_one(db, st, "Personen", e);
}

/* ---- memberships --------------------------------------------------- */

#define MEMBER_COLS \
	"m.id, m.body_id, b.name, m.person_id, p.name," \
	" COALESCE(o2.name, p.organisation), m.role, m.voting," \
	" m.on_behalf_of, o.name, m.substitute_for, sp.name, m.starts_on," \
	" m.ends_on"

#define MEMBER_FROM \
	" FROM membership m JOIN body b ON b.id = m.body_id" \
	" JOIN person p ON p.id = m.person_id" \
	" LEFT JOIN organisation o ON o.code = m.on_behalf_of" \
	" LEFT JOIN organisation o2 ON o2.code = p.org_code" \
	" LEFT JOIN membership sm ON sm.id = m.substitute_for" \
	" LEFT JOIN person sp ON sp.id = sm.person_id"

static void
read_member(struct db_stmt *st, struct arena *a, struct membership *m)
{
	memset(m, 0, sizeof(*m));
	m->id = db_col_i64(st, 0);
	m->body_id = db_col_i64(st, 1);
	m->body_name = db_col_dup(st, 2, a);
	m->person_id = db_col_i64(st, 3);
	m->person_name = db_col_dup(st, 4, a);
	m->person_org = db_col_dup(st, 5, a);
	m->role = db_col_dup(st, 6, a);
	m->voting = db_col_i64(st, 7) != 0;
	m->on_behalf_of = db_col_dup(st, 8, a);
	m->on_behalf_name = db_col_dup(st, 9, a);
	m->substitute_for = db_col_i64(st, 10);
	m->substitute_for_name = db_col_dup(st, 11, a);
	m->starts_on = db_col_dup(st, 12, a);
	m->ends_on = db_col_dup(st, 13, a);
}

int
body_store_members(struct db *db, struct arena *a, int64_t body_id,
    int64_t person_id, const char *current_on, struct membership **out,
    size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct membership	*v = NULL;
	size_t			 cap = 0, k = 0;
	int			 rc;

	st = db_prep(db, "SELECT " MEMBER_COLS MEMBER_FROM " WHERE "
	    "($1 = 0 OR m.body_id = $1) AND ($2 = 0 OR m.person_id = $2) AND "
	    "($3 IS NULL OR ((m.starts_on IS NULL OR m.starts_on <= $3) AND "
	    "(m.ends_on IS NULL OR m.ends_on >= $3))) "
	    "ORDER BY b.name, CASE m.role WHEN 'formand' THEN 0 WHEN "
	    "'naestformand' THEN 1 WHEN 'medlem' THEN 2 WHEN 'stedfortraeder' "
	    "THEN 3 ELSE 4 END, o.name, p.name, m.id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, body_id);
	db_bind_i64(st, 2, person_id);
	db_bind_text(st, 3, current_on);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		read_member(st, a, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
body_store_member_get(struct db *db, struct arena *a, int64_t id,
    struct membership *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT " MEMBER_COLS MEMBER_FROM " WHERE m.id = $1",
	    e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	if ((rc = db_step_one(st, "Medlemskabet", e)) != 0)
		return rc;
	read_member(st, a, out);
	db_reset(st);
	return 0;
}

int
body_store_member_insert(struct db *db, const struct membership *m,
    const char *at, int64_t *id, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "INSERT INTO membership (body_id, person_id, role, "
	    "voting, on_behalf_of, substitute_for, starts_on, ends_on, "
	    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
	    "$9, $9) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, m->body_id);
	db_bind_i64(st, 2, m->person_id);
	db_bind_text(st, 3, m->role ? m->role : "medlem");
	db_bind_i64(st, 4, m->voting);
	db_bind_text(st, 5, m->on_behalf_of);
	db_bind_opt(st, 6, m->substitute_for);
	db_bind_text(st, 7, m->starts_on);
	db_bind_text(st, 8, m->ends_on);
	db_bind_text(st, 9, at);
	return db_run_id(st, id, e);
}

int
body_store_member_end(struct db *db, int64_t id, const char *ends_on,
    const char *at, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "UPDATE membership SET ends_on = $2, updated_at = $3 "
	    "WHERE id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	db_bind_text(st, 2, ends_on);
	db_bind_text(st, 3, at);
	return db_run_one(db, st, "Medlemskabet", e);
}

bool
body_store_user_is_member(struct db *db, int64_t user_id, int64_t body_id,
    const char *today)
{
	struct db_stmt	*st;
	bool		 yes = false;

	if (user_id <= 0)
		return false;
	st = db_prep(db, "SELECT 1 FROM membership m JOIN person p ON "
	    "p.id = m.person_id WHERE p.user_id = $1 AND m.body_id = $2 AND "
	    "(m.starts_on IS NULL OR m.starts_on <= $3) AND "
	    "(m.ends_on IS NULL OR m.ends_on >= $3) LIMIT 1", NULL);
	if (st == NULL)
		return false;
	db_bind_i64(st, 1, user_id);
	db_bind_i64(st, 2, body_id);
	db_bind_text(st, 3, today);
	yes = db_step(st, NULL) == DB_ROW;
	db_reset(st);
	return yes;
}

int
body_store_user_bodies(struct db *db, struct arena *a, int64_t user_id,
    const char *today, int64_t **out, size_t *n, struct err *e)
{
	struct db_stmt	*st;
	int64_t		*v = NULL;
	size_t		 cap = 0, k = 0;
	int		 rc;

	st = db_prep(db, "SELECT DISTINCT m.body_id FROM membership m JOIN "
	    "person p ON p.id = m.person_id WHERE p.user_id = $1 AND "
	    "(m.starts_on IS NULL OR m.starts_on <= $2) AND "
	    "(m.ends_on IS NULL OR m.ends_on >= $2) ORDER BY m.body_id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, user_id);
	db_bind_text(st, 2, today);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		v[k++] = db_col_i64(st, 0);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int64_t
body_store_voting_members(struct db *db, int64_t body_id, const char *today)
{
	struct db_stmt	*st;
	int64_t		 n = 0;

	st = db_prep(db, "SELECT count(DISTINCT person_id) FROM membership "
	    "WHERE body_id = $1 AND voting = 1 AND role <> 'stedfortraeder' "
	    "AND (starts_on IS NULL OR starts_on <= $2) AND "
	    "(ends_on IS NULL OR ends_on >= $2)", NULL);
	if (st == NULL)
		return 0;
	db_bind_i64(st, 1, body_id);
	db_bind_text(st, 2, today);
	if (db_step(st, NULL) == DB_ROW)
		n = db_col_i64(st, 0);
	db_reset(st);
	return n;
}

/* ---- nominations --------------------------------------------------- */

#define NOMINATION_COLS \
	"n.id, n.body_id, b.name, n.title, n.deadline, n.seats," \
	" (SELECT count(DISTINCT x.org_code) FROM nominee x JOIN organisation" \
	"  o ON o.code = x.org_code WHERE x.nomination_id = n.id AND" \
	"  o.kind = 'kommune')," \
	" (SELECT count(*) FROM organisation o WHERE o.kind = 'kommune')"

static void
read_nomination(struct db_stmt *st, struct arena *a, struct nomination *nm)
{
	memset(nm, 0, sizeof(*nm));
	nm->id = db_col_i64(st, 0);
	nm->body_id = db_col_i64(st, 1);
	nm->body_name = db_col_dup(st, 2, a);
	nm->title = db_col_dup(st, 3, a);
	nm->deadline = db_col_dup(st, 4, a);
	nm->seats = (int)db_col_i64(st, 5);
	nm->answered = (int)db_col_i64(st, 6);
	nm->asked = (int)db_col_i64(st, 7);
}

int
body_store_nominations(struct db *db, struct arena *a, int64_t body_id,
    struct nomination **out, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct nomination	*v = NULL;
	size_t			 cap = 0, k = 0;
	int			 rc;

	st = db_prep(db, "SELECT " NOMINATION_COLS " FROM nomination n JOIN "
	    "body b ON b.id = n.body_id WHERE $1 = 0 OR n.body_id = $1 "
	    "ORDER BY n.deadline DESC, n.id DESC", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, body_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		read_nomination(st, a, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
body_store_nomination_get(struct db *db, struct arena *a, int64_t id,
    struct nomination *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT " NOMINATION_COLS " FROM nomination n JOIN "
	    "body b ON b.id = n.body_id WHERE n.id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	if ((rc = db_step_one(st, "Udpegningen", e)) != 0)
		return rc;
	read_nomination(st, a, out);
	db_reset(st);
	return 0;
}

int
body_store_nomination_insert(struct db *db, const struct nomination *nm,
    const char *at, int64_t *id, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "INSERT INTO nomination (body_id, title, deadline, "
	    "seats, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, nm->body_id);
	db_bind_text(st, 2, nm->title);
	db_bind_text(st, 3, nm->deadline);
	db_bind_i64(st, 4, nm->seats > 0 ? nm->seats : 1);
	db_bind_text(st, 5, at);
	return db_run_id(st, id, e);
}

int
body_store_nominees(struct db *db, struct arena *a, int64_t nomination_id,
    struct nominee **out, size_t *n, struct err *e)
{
	struct db_stmt	*st;
	struct nominee	*v = NULL;
	size_t		 cap = 0, k = 0;
	int		 rc;

	st = db_prep(db, "SELECT x.id, x.nomination_id, x.org_code, o.name, "
	    "x.person_id, p.name, x.created_at FROM nominee x JOIN "
	    "organisation o ON o.code = x.org_code JOIN person p ON "
	    "p.id = x.person_id WHERE x.nomination_id = $1 "
	    "ORDER BY o.name, p.name", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, nomination_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		v[k].id = db_col_i64(st, 0);
		v[k].nomination_id = db_col_i64(st, 1);
		v[k].org_code = db_col_dup(st, 2, a);
		v[k].org_name = db_col_dup(st, 3, a);
		v[k].person_id = db_col_i64(st, 4);
		v[k].person_name = db_col_dup(st, 5, a);
		v[k].created_at = db_col_dup(st, 6, a);
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
body_store_nominee_insert(struct db *db, const struct nominee *x,
    const char *at, int64_t *id, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "INSERT INTO nominee (nomination_id, org_code, "
	    "person_id, created_at) VALUES ($1, $2, $3, $4) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, x->nomination_id);
	db_bind_text(st, 2, x->org_code);
	db_bind_i64(st, 3, x->person_id);
	db_bind_text(st, 4, at);
	return db_run_id(st, id, e);
}

int
body_store_nomination_missing(struct db *db, struct arena *a,
    int64_t nomination_id, const char ***codes, const char ***names,
    size_t *n, struct err *e)
{
	struct db_stmt	 *st;
	const char	**c = NULL, **nm = NULL;
	size_t		  cap = 0, cap2 = 0, k = 0;
	int		  rc;

	st = db_prep(db, "SELECT o.code, o.name FROM organisation o WHERE "
	    "o.kind = 'kommune' AND NOT EXISTS (SELECT 1 FROM nominee x WHERE "
	    "x.nomination_id = $1 AND x.org_code = o.code) ORDER BY o.name", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, nomination_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		c = arena_grow(a, c, k, &cap, sizeof(*c));
		nm = arena_grow(a, nm, k, &cap2, sizeof(*nm));
		c[k] = db_col_dup(st, 0, a);
		nm[k] = db_col_dup(st, 1, a);
		k++;
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*codes = c;
	*names = nm;
	*n = k;
	return 0;
}
