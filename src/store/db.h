/*
 * db — the storage interface every backend implements.
 *
 * SQL is written once, in PostgreSQL's placeholder style ($1..$n), and
 * kept portable (RETURNING, ON CONFLICT, CASE, COALESCE, ISO date text).
 * Backends are sibling files behind a table of operations (db_impl.h):
 * db_sqlite.c (the embedded default) and db_pg.c (libpq); db_open()
 * picks one by the form of its argument.
 *
 * A struct db is one connection and is used by one thread at a time.
 * Statements prepared with db_prep() are cached per connection, keyed by
 * the address of the SQL literal, so pass string literals only; they stay
 * valid until db_close(). Always db_reset() a statement after use.
 */
#ifndef RAMME_DB_H
#define RAMME_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct db_stmt;
struct err;

enum db_txn {
	DB_READ,	/* BEGIN: a consistent snapshot for reads */
	DB_WRITE	/* BEGIN IMMEDIATE: takes the write lock at once */
};

enum {
	DB_DONE = 0,	/* db_step: no more rows */
	DB_ROW = 1	/* db_step: a row is ready */
};

/*
 * Open a connection. where is either a file path — the SQLite database
 * there is opened (and created) with WAL, synchronous=FULL, foreign keys,
 * a busy timeout and defensive mode — or a PostgreSQL connection URI
 * (postgresql://user@host:port/dbname, or ?host=/socket/dir). Does not
 * migrate; see migrate.h. Returns 0 or ERR_DB.
 */
int	 db_open(struct db **out, const char *where, struct err *e);
/* True when where is a PostgreSQL connection URI, not a file path. */
bool	 db_is_uri(const char *where);
/* Finalize cached statements and close. NULL is a no-op. */
void	 db_close(struct db *db);
/* Run a script of ;-separated statements without parameters. */
int	 db_exec(struct db *db, const char *sql, struct err *e);
int	 db_begin(struct db *db, enum db_txn kind, struct err *e);
int	 db_commit(struct db *db, struct err *e);
/* Roll back the open transaction, if any. */
void	 db_rollback(struct db *db);
/* True while a transaction is open. */
bool	 db_in_txn(struct db *db);
/*
 * Nanoseconds this connection has spent executing statements so far
 * (monotonic; the difference over a request is its database time).
 */
uint64_t db_busy_ns(const struct db *db);

/* The prepared statement for the literal sql (cached). NULL + e on error. */
struct db_stmt *db_prep(struct db *db, const char *sql, struct err *e);
void	 db_bind_i64(struct db_stmt *st, int n, int64_t v);
/* Bind text (copied); NULL binds SQL NULL. */
void	 db_bind_text(struct db_stmt *st, int n, const char *s);
void	 db_bind_blob(struct db_stmt *st, int n, const void *p, size_t len);
/* SQL NULL where an integer goes (a text NULL: db_bind_text(st, n, NULL)). */
void	 db_bind_null(struct db_stmt *st, int n);
/* Bind a blob of len zero bytes, to be filled by db_blob_fill(). */
void	 db_bind_zeroblob(struct db_stmt *st, int n, size_t len);
/*
 * Fill the blob in column column of table table, row rowid (inserted with
 * db_bind_zeroblob() of len bytes), with len bytes read from fd from its
 * start, a chunk at a time, so that the content is never whole in memory.
 * Within the caller's write transaction. 0, ERR_IO when fd has fewer
 * bytes or cannot be read, or ERR_DB.
 */
int	 db_blob_fill(struct db *db, const char *table, const char *column,
	    int64_t rowid, int fd, size_t len, struct err *e);
/*
 * Advance: DB_ROW, DB_DONE, or a negative code with e filled:
 * ERR_CONFLICT for a unique-constraint violation, ERR_INVALID for a
 * foreign-key or check violation, ERR_BUSY, ERR_DB otherwise.
 */
int	 db_step(struct db_stmt *st, struct err *e);
int64_t	 db_col_i64(struct db_stmt *st, int col);
/* Borrowed text, valid until the next step or reset; NULL for SQL NULL. */
const char *db_col_text(struct db_stmt *st, int col);
const void *db_col_blob(struct db_stmt *st, int col, size_t *len);
bool	 db_col_null(struct db_stmt *st, int col);
/* Make st ready for the next use and drop its bindings. */
void	 db_reset(struct db_stmt *st);
/*
 * Run a statement that returns no rows (or whose rows do not matter) once
 * and reset it. Returns 0 or the negative code of db_step().
 */
int	 db_run(struct db_stmt *st, struct err *e);
/*
 * Run a statement once; if it returns a row, store its first column in
 * *id (when id is not NULL), e.g. "INSERT ... RETURNING id". Resets st.
 * Returns 0 (also when no row came) or the negative code of db_step().
 */
int	 db_run_id(struct db_stmt *st, int64_t *id, struct err *e);
/*
 * Step a statement expected to return one row: 0 with the row ready (read
 * it, then db_reset), or, with st already reset, ERR_NOT_FOUND "not_found"
 * ("<what> findes ikke") when there is none, or db_step's negative code.
 */
int	 db_step_one(struct db_stmt *st, const char *what, struct err *e);
/*
 * Run an UPDATE or DELETE of one row and reset it: 0 when exactly one row
 * changed, else ERR_NOT_FOUND "not_found" ("<what> findes ikke"), or the
 * negative code of db_step().
 */
int	 db_run_one(struct db *db, struct db_stmt *st, const char *what,
	    struct err *e);
/* ERR_NOT_FOUND with the key "not_found" and "<what> findes ikke". */
int	 db_not_found(struct err *e, const char *what);
/* Bind v, or SQL NULL when v <= 0: an optional reference or year. */
void	 db_bind_opt(struct db_stmt *st, int n, int64_t v);
/* Column col as text copied into a; NULL for SQL NULL. */
const char *db_col_dup(struct db_stmt *st, int col, struct arena *a);
/* Rows changed by the last INSERT/UPDATE/DELETE. */
int64_t	 db_changes(struct db *db);

/* Schema version (0 for a new database). */
int	 db_schema_version_get(struct db *db, int *out, struct err *e);
int	 db_schema_version_set(struct db *db, int v, struct err *e);
/* Backend-specific integrity checks after a migration step. */
int	 db_check_integrity(struct db *db, struct err *e);
/*
 * Copy the whole database into the new file path (which must not exist:
 * ERR_CONFLICT), consistent as of one moment while other connections go
 * on reading and writing. SQLite: the online backup API, written to
 * path.tmp and renamed, so path is complete or absent. PostgreSQL:
 * pg_dump's custom format (pg_dump on the PATH). 0, or ERR_IO / ERR_DB
 * with the reason.
 */
int	 db_backup(struct db *db, const char *path, struct err *e);
/*
 * Replace the database's whole content with the backup db_backup() wrote
 * to path, in one step: SQLite copies it in through the backup API
 * (ERR_INVALID when path is no ramme database); PostgreSQL runs
 * pg_restore --clean --if-exists in one transaction. No other process
 * should use the database meanwhile (stop the servers). The schema is
 * the backup's: migrate afterwards. 0, or ERR_INVALID / ERR_IO / ERR_DB.
 */
int	 db_restore(struct db *db, const char *path, struct err *e);
/* "sqlite" or "postgresql": selects the DDL of a migration. */
const char *db_backend(struct db *db);

#endif
