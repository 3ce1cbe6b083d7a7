/*
 * totp_store — the second factor (see totp_store.h).
 */
#include <string.h>

#include "store/db.h"
#include "store/totp_store.h"
#include "util/arena.h"
#include "util/err.h"

/* The row under st (columns as in totp_store_get) into out; resets st. */
static int
row_read(struct db_stmt *st, struct arena *a, struct totp_row *out,
    struct err *e)
{
	const void	*p;
	size_t		 n;

	memset(out, 0, sizeof(*out));
	p = db_col_blob(st, 0, &n);
	if (p == NULL || n == 0 || n > sizeof(out->secret)) {
		db_reset(st);
		return err_set(e, ERR_DB, "bad_secret", NULL,
		    "Den gemte nøgle er ugyldig");
	}
	memcpy(out->secret, p, n);
	out->secretlen = n;
	out->enabled = db_col_i64(st, 1) != 0;
	out->last_step = db_col_i64(st, 2);
	out->created_at = db_col_dup(st, 3, a);
	out->enabled_at = db_col_dup(st, 4, a);
	out->sealed = db_col_i64(st, 5) != 0;
	db_reset(st);
	return 0;
}

int
totp_store_get(struct db *db, struct arena *a, int64_t user_id,
    struct totp_row *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT secret, enabled, last_step, created_at, "
	    "enabled_at, sealed FROM user_totp WHERE user_id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, user_id);
	if ((rc = db_step_one(st, "To-trins-bekræftelsen", e)) != 0)
		return rc;
	return row_read(st, a, out, e);
}

int
totp_store_sealed_any(struct db *db, struct arena *a, int64_t *user_id,
    struct totp_row *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT secret, enabled, last_step, created_at, "
	    "enabled_at, sealed, user_id FROM user_totp WHERE sealed = 1 "
	    "ORDER BY user_id LIMIT 1", e);
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_step_one(st, "En forseglet nøgle", e)) != 0)
		return rc;
	*user_id = db_col_i64(st, 6);
	return row_read(st, a, out, e);
}

int
totp_store_plain_ids(struct db *db, int64_t *ids, size_t max, size_t *n,
    struct err *e)
{
	struct db_stmt	*st;
	int		 rc = 0;

	*n = 0;
	st = db_prep(db, "SELECT user_id FROM user_totp WHERE sealed = 0 "
	    "ORDER BY user_id", e);
	if (st == NULL)
		return ERR_DB;
	while (*n < max && (rc = db_step(st, e)) == DB_ROW)
		ids[(*n)++] = db_col_i64(st, 0);
	db_reset(st);
	return rc < 0 ? rc : 0;
}

int
totp_store_ids_after(struct db *db, int64_t after, int64_t *ids, size_t max,
    size_t *n, struct err *e)
{
	struct db_stmt	*st;
	int		 rc = 0;

	*n = 0;
	st = db_prep(db, "SELECT user_id FROM user_totp WHERE user_id > $1 "
	    "ORDER BY user_id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, after);
	while (*n < max && (rc = db_step(st, e)) == DB_ROW)
		ids[(*n)++] = db_col_i64(st, 0);
	db_reset(st);
	return rc < 0 ? rc : 0;
}

int
totp_store_reseal(struct db *db, int64_t user_id, const uint8_t *seal,
    size_t len, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "UPDATE user_totp SET secret = $2, sealed = 1 "
	    "WHERE user_id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, user_id);
	db_bind_blob(st, 2, seal, len);
	return db_run_one(db, st, "To-trins-bekræftelsen", e);
}

int
totp_store_seal(struct db *db, int64_t user_id, const uint8_t *seal,
    size_t len, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "UPDATE user_totp SET secret = $2, sealed = 1 "
	    "WHERE user_id = $1 AND sealed = 0", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, user_id);
	db_bind_blob(st, 2, seal, len);
	if ((rc = db_run(st, e)) != 0)
		return rc;
	if (db_changes(db) != 1)
		return err_set(e, ERR_CONFLICT, "already_sealed", NULL,
		    "Nøglen er allerede forseglet");
	return 0;
}

int
totp_store_put(struct db *db, int64_t user_id, const uint8_t *seal,
    size_t len, const char *at, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "INSERT INTO user_totp (user_id, secret, enabled, "
	    "last_step, created_at, sealed) VALUES ($1, $2, 0, 0, $3, 1) "
	    "ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, "
	    "enabled = 0, last_step = 0, created_at = excluded.created_at, "
	    "enabled_at = NULL, sealed = 1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, user_id);
	db_bind_blob(st, 2, seal, len);
	db_bind_text(st, 3, at);
	return db_run(st, e);
}

int
totp_store_enable(struct db *db, int64_t user_id, int64_t step,
    const char *at, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "UPDATE user_totp SET enabled = 1, last_step = $2, "
	    "enabled_at = $3 WHERE user_id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, user_id);
	db_bind_i64(st, 2, step);
	db_bind_text(st, 3, at);
	return db_run_one(db, st, "To-trins-bekræftelsen", e);
}

int
totp_store_use_step(struct db *db, int64_t user_id, int64_t step,
    struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "UPDATE user_totp SET last_step = $2 "
	    "WHERE user_id = $1 AND enabled = 1 AND last_step < $2", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, user_id);
	db_bind_i64(st, 2, step);
	if ((rc = db_run(st, e)) != 0)
		return rc;
	if (db_changes(db) != 1)
		return err_set(e, ERR_CONFLICT, "code_used", "code",
		    "Koden er allerede brugt; vent på den næste");
	return 0;
}

int
totp_store_delete(struct db *db, int64_t user_id, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "DELETE FROM user_recovery_code WHERE user_id = $1",
	    e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, user_id);
	if ((rc = db_run(st, e)) != 0)
		return rc;
	st = db_prep(db, "DELETE FROM user_totp WHERE user_id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, user_id);
	return db_run(st, e);
}

int
totp_store_codes_put(struct db *db, int64_t user_id,
    const uint8_t (*hashes)[TOTP_CODE_HASH], size_t n, const char *at,
    struct err *e)
{
	struct db_stmt	*st;
	size_t		 i;
	int		 rc;

	st = db_prep(db, "DELETE FROM user_recovery_code WHERE user_id = $1",
	    e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, user_id);
	if ((rc = db_run(st, e)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		st = db_prep(db, "INSERT INTO user_recovery_code (user_id, "
		    "code_hash, created_at) VALUES ($1, $2, $3)", e);
		if (st == NULL)
			return ERR_DB;
		db_bind_i64(st, 1, user_id);
		db_bind_blob(st, 2, hashes[i], TOTP_CODE_HASH);
		db_bind_text(st, 3, at);
		if ((rc = db_run(st, e)) != 0)
			return rc;
	}
	return 0;
}

int
totp_store_code_use(struct db *db, int64_t user_id,
    const uint8_t hash[TOTP_CODE_HASH], const char *at, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "UPDATE user_recovery_code SET used_at = $3 "
	    "WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, user_id);
	db_bind_blob(st, 2, hash, TOTP_CODE_HASH);
	db_bind_text(st, 3, at);
	return db_run_one(db, st, "Gendannelseskoden", e);
}

int
totp_store_codes_left(struct db *db, int64_t user_id, int64_t *n,
    struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT count(*) FROM user_recovery_code "
	    "WHERE user_id = $1 AND used_at IS NULL", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, user_id);
	if ((rc = db_step_one(st, "Koderne", e)) != 0)
		return rc;
	*n = db_col_i64(st, 0);
	db_reset(st);
	return 0;
}
