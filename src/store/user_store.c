/*
 * user_store — user accounts (see user_store.h).
 */
#include <string.h>

#include "store/db.h"
#include "store/user_store.h"
#include "util/arena.h"
#include "util/err.h"

#define USER_COLS "id, version, username, display_name, role, org_code, " \
	"password_hash, active, created_at, updated_at"

static void
read_user(struct db_stmt *st, struct arena *a, struct user *u)
{
	memset(u, 0, sizeof(*u));
	u->id = db_col_i64(st, 0);
	u->version = db_col_i64(st, 1);
	u->username = arena_strdup(a, db_col_text(st, 2));
	u->display_name = arena_strdup(a, db_col_text(st, 3));
	if (role_parse(db_col_text(st, 4), &u->role) != 0)
		u->role = ROLE_READER;
	u->org_code = db_col_null(st, 5) ? NULL :
	    arena_strdup(a, db_col_text(st, 5));
	u->password_hash = arena_strdup(a, db_col_text(st, 6));
	u->active = db_col_i64(st, 7) != 0;
	u->created_at = arena_strdup(a, db_col_text(st, 8));
	u->updated_at = arena_strdup(a, db_col_text(st, 9));
}

int
user_store_list(struct db *db, struct arena *a, struct user **out, int *n,
    struct err *e)
{
	struct db_stmt	*st;
	struct user	*v = NULL;
	int		 rc, k = 0;
	size_t		 cap = 0;

	st = db_prep(db, "SELECT " USER_COLS " FROM app_user ORDER BY username",
	    e);
	if (st == NULL)
		return ERR_DB;
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, (size_t)k, &cap, sizeof(*v));
		read_user(st, a, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
user_store_get(struct db *db, struct arena *a, int64_t id, struct user *out,
    struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT " USER_COLS " FROM app_user WHERE id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		read_user(st, a, out);
	db_reset(st);
	if (rc == DB_DONE)
		return err_set(e, ERR_NOT_FOUND, "user_not_found", NULL,
		    "Brugeren findes ikke");
	return rc < 0 ? rc : 0;
}

int
user_store_get_by_name(struct db *db, struct arena *a, const char *username,
    struct user *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT " USER_COLS " FROM app_user WHERE "
	    "username = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, username);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		read_user(st, a, out);
	db_reset(st);
	if (rc == DB_DONE)
		return err_set(e, ERR_NOT_FOUND, "user_not_found", NULL,
		    "Brugeren findes ikke");
	return rc < 0 ? rc : 0;
}

int
user_store_insert(struct db *db, const struct user *u, const char *at,
    int64_t *id, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "INSERT INTO app_user (username, display_name, role, "
	    "org_code, password_hash, active, created_at, updated_at) VALUES "
	    "($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, u->username);
	db_bind_text(st, 2, u->display_name);
	db_bind_text(st, 3, role_name(u->role));
	db_bind_text(st, 4, u->org_code);
	db_bind_text(st, 5, u->password_hash);
	db_bind_i64(st, 6, u->active ? 1 : 0);
	db_bind_text(st, 7, at);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		*id = db_col_i64(st, 0);
	db_reset(st);
	if (rc == ERR_CONFLICT)
		return err_set(e, ERR_CONFLICT, "duplicate_user", "username",
		    "Brugernavnet %s er optaget", u->username);
	return rc < 0 ? rc : 0;
}

int
user_store_update(struct db *db, const struct user *u, int64_t expected_version,
    const char *at, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "UPDATE app_user SET display_name = $1, role = $2, "
	    "org_code = $3, active = $4, password_hash = COALESCE($5, "
	    "password_hash), updated_at = $6, version = version + 1 "
	    "WHERE id = $7 AND version = $8", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, u->display_name);
	db_bind_text(st, 2, role_name(u->role));
	db_bind_text(st, 3, u->org_code);
	db_bind_i64(st, 4, u->active ? 1 : 0);
	db_bind_text(st, 5, u->password_hash);
	db_bind_text(st, 6, at);
	db_bind_i64(st, 7, u->id);
	db_bind_i64(st, 8, expected_version);
	rc = db_step(st, e);
	db_reset(st);
	if (rc < 0)
		return rc;
	if (db_changes(db) == 0)
		return err_set(e, ERR_PRECONDITION, "stale_version", NULL,
		    "Brugeren er ændret af en anden i mellemtiden");
	return 0;
}

int64_t
user_store_count_admins(struct db *db)
{
	struct db_stmt	*st;
	int64_t		 n = 0;

	st = db_prep(db, "SELECT count(*) FROM app_user WHERE role = 'admin' "
	    "AND active = 1", NULL);
	if (st == NULL)
		return 0;
	if (db_step(st, NULL) == DB_ROW)
		n = db_col_i64(st, 0);
	db_reset(st);
	return n;
}
