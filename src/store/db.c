/*
 * db — the interface's entry points: db_open() picks the backend by the
 * form of its argument, every other call goes through the connection's
 * table of operations (db_impl.h); and the helpers every backend shares,
 * written over the interface only, so they live once.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "store/db.h"
#include "store/db_impl.h"
#include "util/arena.h"
#include "util/err.h"

uint64_t
db_mono_ns(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

bool
db_is_uri(const char *where)
{
	return where != NULL && (strncmp(where, "postgresql://", 13) == 0 ||
	    strncmp(where, "postgres://", 11) == 0);
}

int
db_open(struct db **out, const char *where, struct err *e)
{
	if (db_is_uri(where))
		return db_pg_open(out, where, e);
	return db_sqlite_open(out, where, e);
}

void
db_close(struct db *db)
{
	if (db != NULL)
		db->ops->close(db);
}

int
db_exec(struct db *db, const char *sql, struct err *e)
{
	return db->ops->exec(db, sql, e);
}

int
db_begin(struct db *db, enum db_txn kind, struct err *e)
{
	return db->ops->begin(db, kind, e);
}

int
db_commit(struct db *db, struct err *e)
{
	return db->ops->commit(db, e);
}

void
db_rollback(struct db *db)
{
	db->ops->rollback(db);
}

bool
db_in_txn(struct db *db)
{
	return db->ops->in_txn(db);
}

uint64_t
db_busy_ns(const struct db *db)
{
	return db->busy_ns;
}

struct db_stmt *
db_prep(struct db *db, const char *sql, struct err *e)
{
	return db->ops->prep(db, sql, e);
}

void
db_bind_i64(struct db_stmt *st, int n, int64_t v)
{
	st->db->ops->bind_i64(st, n, v);
}

void
db_bind_text(struct db_stmt *st, int n, const char *s)
{
	st->db->ops->bind_text(st, n, s);
}

void
db_bind_blob(struct db_stmt *st, int n, const void *p, size_t len)
{
	st->db->ops->bind_blob(st, n, p, len);
}

void
db_bind_null(struct db_stmt *st, int n)
{
	st->db->ops->bind_null(st, n);
}

void
db_bind_zeroblob(struct db_stmt *st, int n, size_t len)
{
	st->db->ops->bind_zeroblob(st, n, len);
}

int
db_blob_fill(struct db *db, const char *table, const char *column,
    int64_t rowid, int fd, size_t len, struct err *e)
{
	return db->ops->blob_fill(db, table, column, rowid, fd, len, e);
}

int
db_step(struct db_stmt *st, struct err *e)
{
	return st->db->ops->step(st, e);
}

int64_t
db_col_i64(struct db_stmt *st, int col)
{
	return st->db->ops->col_i64(st, col);
}

const char *
db_col_text(struct db_stmt *st, int col)
{
	return st->db->ops->col_text(st, col);
}

const void *
db_col_blob(struct db_stmt *st, int col, size_t *len)
{
	return st->db->ops->col_blob(st, col, len);
}

bool
db_col_null(struct db_stmt *st, int col)
{
	return st->db->ops->col_null(st, col);
}

void
db_reset(struct db_stmt *st)
{
	st->db->ops->reset(st);
}

int64_t
db_changes(struct db *db)
{
	return db->ops->changes(db);
}

int
db_schema_version_get(struct db *db, int *out, struct err *e)
{
	return db->ops->version_get(db, out, e);
}

int
db_schema_version_set(struct db *db, int v, struct err *e)
{
	return db->ops->version_set(db, v, e);
}

int
db_backup(struct db *db, const char *path, struct err *e)
{
	return db->ops->backup(db, path, e);
}

int
db_restore(struct db *db, const char *path, struct err *e)
{
	return db->ops->restore(db, path, e);
}

int
db_check_integrity(struct db *db, struct err *e)
{
	return db->ops->check_integrity(db, e);
}

const char *
db_backend(struct db *db)
{
	return db->ops->name;
}

int
db_run(struct db_stmt *st, struct err *e)
{
	int	rc;

	rc = db_step(st, e);
	db_reset(st);
	return rc < 0 ? rc : 0;
}

int
db_run_id(struct db_stmt *st, int64_t *id, struct err *e)
{
	int	rc;

	rc = db_step(st, e);
	if (rc == DB_ROW && id != NULL)
		*id = db_col_i64(st, 0);
	db_reset(st);
	return rc < 0 ? rc : 0;
}

int
db_not_found(struct err *e, const char *what)
{
	return err_set(e, ERR_NOT_FOUND, "not_found", NULL, "%s findes ikke",
	    what);
}

int
db_step_one(struct db_stmt *st, const char *what, struct err *e)
{
	int	rc;

	if ((rc = db_step(st, e)) == DB_ROW)
		return 0;
	db_reset(st);
	return rc < 0 ? rc : db_not_found(e, what);
}

int
db_run_one(struct db *db, struct db_stmt *st, const char *what,
    struct err *e)
{
	int	rc;

	if ((rc = db_run(st, e)) != 0)
		return rc;
	return db_changes(db) == 1 ? 0 : db_not_found(e, what);
}

void
db_bind_opt(struct db_stmt *st, int n, int64_t v)
{
	if (v > 0)
		db_bind_i64(st, n, v);
	else
		db_bind_null(st, n);
}

const char *
db_col_dup(struct db_stmt *st, int col, struct arena *a)
{
	return db_col_null(st, col) ? NULL : arena_strdup(a,
	    db_col_text(st, col));
}
