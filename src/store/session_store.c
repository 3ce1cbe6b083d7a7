/*
 * session_store — sessions and login attempts (see session_store.h).
 */
#include <string.h>

#include "store/db.h"
#include "store/session_store.h"
#include "util/arena.h"
#include "util/err.h"

int
session_store_insert(struct db *db, const unsigned char *hash, size_t hashlen,
    int64_t user_id, const char *csrf, const char *created_at,
    const char *expires_at, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "INSERT INTO session (token_hash, user_id, csrf_token, "
	    "created_at, expires_at) VALUES ($1, $2, $3, $4, $5)", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_blob(st, 1, hash, hashlen);
	db_bind_i64(st, 2, user_id);
	db_bind_text(st, 3, csrf);
	db_bind_text(st, 4, created_at);
	db_bind_text(st, 5, expires_at);
	return db_run(st, e);
}

int
session_store_find(struct db *db, struct arena *a, const unsigned char *hash,
    size_t hashlen, const char *now, struct session_row *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT id, user_id, csrf_token, expires_at FROM "
	    "session WHERE token_hash = $1 AND expires_at > $2", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_blob(st, 1, hash, hashlen);
	db_bind_text(st, 2, now);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		out->id = db_col_i64(st, 0);
		out->user_id = db_col_i64(st, 1);
		out->csrf_token = arena_strdup(a, db_col_text(st, 2));
		out->expires_at = arena_strdup(a, db_col_text(st, 3));
	}
	db_reset(st);
	if (rc == DB_DONE)
		return err_set(e, ERR_NOT_FOUND, "no_session", NULL,
		    "Sessionen findes ikke eller er udløbet");
	return rc < 0 ? rc : 0;
}

int
session_store_delete(struct db *db, const unsigned char *hash, size_t hashlen,
    struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "DELETE FROM session WHERE token_hash = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_blob(st, 1, hash, hashlen);
	return db_run(st, e);
}

int
session_store_delete_user(struct db *db, int64_t user_id, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "DELETE FROM session WHERE user_id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, user_id);
	return db_run(st, e);
}

int
session_store_delete_others(struct db *db, int64_t user_id,
    const unsigned char *keep, size_t keeplen, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "DELETE FROM session WHERE user_id = $1 AND "
	    "token_hash <> $2", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, user_id);
	db_bind_blob(st, 2, keep, keeplen);
	return db_run(st, e);
}

int
session_store_list_user(struct db *db, struct arena *a, int64_t user_id,
    const unsigned char *cur, size_t curlen, const char *now, size_t max,
    struct session_info **out, size_t *n, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	*out = arena_calloc(a, max > 0 ? max : 1, sizeof(**out));
	*n = 0;
	st = db_prep(db, "SELECT created_at, expires_at, token_hash = $2 "
	    "FROM session WHERE user_id = $1 AND expires_at > $3 "
	    "ORDER BY created_at DESC, id DESC LIMIT $4", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, user_id);
	db_bind_blob(st, 2, cur, curlen);
	db_bind_text(st, 3, now);
	db_bind_i64(st, 4, (int64_t)max);
	while ((rc = db_step(st, e)) == DB_ROW) {
		(*out)[*n].created_at = arena_strdup(a, db_col_text(st, 0));
		(*out)[*n].expires_at = arena_strdup(a, db_col_text(st, 1));
		(*out)[*n].current = (int)db_col_i64(st, 2);
		(*n)++;
	}
	db_reset(st);
	return rc < 0 ? rc : 0;
}

int
session_store_purge(struct db *db, const char *now, int64_t before_epoch,
    struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "DELETE FROM session WHERE expires_at <= $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, now);
	if ((rc = db_run(st, e)) != 0)
		return rc;
	st = db_prep(db, "DELETE FROM login_attempt WHERE at < $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, before_epoch);
	return db_run(st, e);
}

int
session_store_attempt(struct db *db, const char *username, const char *ip,
    int64_t at, int ok, int64_t *id, struct err *e)
{
	struct db_stmt	*st;
	int64_t		 row;
	int		 rc;

	st = db_prep(db, "INSERT INTO login_attempt (username, ip, at, ok) "
	    "VALUES ($1, $2, $3, $4) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, username);
	db_bind_text(st, 2, ip);
	db_bind_i64(st, 3, at);
	db_bind_i64(st, 4, ok ? 1 : 0);
	rc = db_run_id(st, &row, e);
	if (rc == 0 && id != NULL)
		*id = row;
	return rc;
}

int
session_store_attempt_ok(struct db *db, int64_t id, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "UPDATE login_attempt SET ok = 1 WHERE id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	return db_run(st, e);
}

int
session_store_user_failures(struct db *db, const char *username,
    int64_t since, int64_t *n, int64_t *last, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	*n = *last = 0;
	st = db_prep(db, "SELECT count(*), coalesce(max(at), 0) FROM "
	    "login_attempt WHERE username = $1 AND at >= $2 AND ok = 0", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, username);
	db_bind_i64(st, 2, since);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		*n = db_col_i64(st, 0);
		*last = db_col_i64(st, 1);
		rc = 0;
	}
	db_reset(st);
	return rc < 0 ? rc : 0;
}

int
session_store_failures(struct db *db, const char *username, const char *ip,
    int64_t since, int64_t *by_user, int64_t *by_ip, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	*by_user = *by_ip = 0;
	st = db_prep(db, "SELECT "
	    "(SELECT count(*) FROM login_attempt WHERE username = $1 AND "
	    " at >= $3 AND ok = 0), "
	    "(SELECT count(*) FROM login_attempt WHERE ip = $2 AND "
	    " at >= $3 AND ok = 0)", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, username);
	db_bind_text(st, 2, ip);
	db_bind_i64(st, 3, since);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		*by_user = db_col_i64(st, 0);
		*by_ip = db_col_i64(st, 1);
	}
	db_reset(st);
	return rc < 0 ? rc : 0;
}
