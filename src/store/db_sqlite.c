/*
 * db_sqlite — the SQLite backend of the db interface (see db.h).
 *
 * One connection per thread (SQLITE_OPEN_NOMUTEX). Statements are cached
 * in a small open-addressed table keyed by the SQL literal's address.
 * Placeholders $1..$n are bound through sqlite3_bind_parameter_index(),
 * because SQLite numbers named parameters by first appearance.
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/db.h"
#include "util/err.h"
#include "util/mem.h"

#define STMT_CACHE	256	/* slots; must be a power of two */
#define MAX_PARAMS	32

struct db_stmt {
	sqlite3_stmt	*st;
	struct db	*db;
	const char	*sql;			/* cache key */
	int		 idx[MAX_PARAMS + 1];	/* $n → SQLite index, 0 if absent */
};

struct db {
	sqlite3		*h;
	struct db_stmt	*cache[STMT_CACHE];
	int		 ncached;
	uint64_t	 busy_ns;	/* time in sqlite3_step and exec */
};

static uint64_t
mono_ns(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t
db_busy_ns(const struct db *db)
{
	return db->busy_ns;
}

static int
map_rc(struct db *db, int rc, struct err *e)
{
	const char *msg = sqlite3_errmsg(db->h);

	switch (rc & 0xff) {
	case SQLITE_CONSTRAINT:
		if (rc == SQLITE_CONSTRAINT_UNIQUE ||
		    rc == SQLITE_CONSTRAINT_PRIMARYKEY)
			return err_set(e, ERR_CONFLICT, "duplicate", NULL,
			    "Findes allerede (%s)", msg);
		return err_set(e, ERR_INVALID, "constraint", NULL,
		    "Data overholder ikke reglerne (%s)", msg);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(e, ERR_BUSY, "busy", NULL,
		    "Databasen er optaget; prøv igen");
	default:
		return err_set(e, ERR_DB, "database_error", NULL,
		    "Databasefejl: %s", msg);
	}
}

int
db_open(struct db **out, const char *path, struct err *e)
{
	struct db	*db;
	int		 rc;

	*out = NULL;
	db = xcalloc(1, sizeof(*db));
	rc = sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
	    NULL);
	if (rc != SQLITE_OK) {
		err_set(e, ERR_DB, "database_open", NULL,
		    "Kan ikke åbne databasen %s: %s", path,
		    db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc));
		sqlite3_close(db->h);
		free(db);
		return ERR_DB;
	}
	sqlite3_busy_timeout(db->h, 5000);
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_ENABLE_FKEY, 1, NULL);
	if (db_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
	    "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;", e) != 0) {
		db_close(db);
		return ERR_DB;
	}
	*out = db;
	return 0;
}

void
db_close(struct db *db)
{
	int i;

	if (db == NULL)
		return;
	for (i = 0; i < STMT_CACHE; i++)
		if (db->cache[i] != NULL) {
			sqlite3_finalize(db->cache[i]->st);
			free(db->cache[i]);
		}
	sqlite3_exec(db->h, "PRAGMA optimize", NULL, NULL, NULL);
	sqlite3_close(db->h);
	free(db);
}

int
db_exec(struct db *db, const char *sql, struct err *e)
{
	char		*msg = NULL;
	uint64_t	 t0 = mono_ns();
	int		 rc;

	rc = sqlite3_exec(db->h, sql, NULL, NULL, &msg);
	db->busy_ns += mono_ns() - t0;
	if (rc != SQLITE_OK) {
		rc = map_rc(db, sqlite3_extended_errcode(db->h), e);
		sqlite3_free(msg);
		return rc;
	}
	return 0;
}

int
db_begin(struct db *db, enum db_txn kind, struct err *e)
{
	return db_exec(db, kind == DB_WRITE ? "BEGIN IMMEDIATE" : "BEGIN", e);
}

int
db_commit(struct db *db, struct err *e)
{
	int rc;

	if ((rc = db_exec(db, "COMMIT", e)) != 0)
		db_rollback(db);
	return rc;
}

void
db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

bool
db_in_txn(struct db *db)
{
	return !sqlite3_get_autocommit(db->h);
}

static size_t
slot_of(const char *sql)
{
	uintptr_t h = (uintptr_t)sql;

	h ^= h >> 17;
	h *= 0x9e3779b97f4a7c15ull;
	return (size_t)(h >> 7) & (STMT_CACHE - 1);
}

struct db_stmt *
db_prep(struct db *db, const char *sql, struct err *e)
{
	struct db_stmt	*s;
	size_t		 i, slot;
	char		 name[8];
	int		 rc, n;

	slot = slot_of(sql);
	for (i = 0; i < STMT_CACHE; i++) {
		s = db->cache[(slot + i) & (STMT_CACHE - 1)];
		if (s == NULL)
			break;
		if (s->sql == sql)
			return s;
	}
	if (db->ncached >= STMT_CACHE * 3 / 4)
		fatal("db_prep: statement cache full");
	s = xcalloc(1, sizeof(*s));
	rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &s->st, NULL);
	if (rc != SQLITE_OK) {
		map_rc(db, rc, e);
		free(s);
		return NULL;
	}
	s->db = db;
	s->sql = sql;
	for (n = 1; n <= MAX_PARAMS; n++) {
		snprintf(name, sizeof(name), "$%d", n);
		s->idx[n] = sqlite3_bind_parameter_index(s->st, name);
	}
	while (db->cache[slot] != NULL)
		slot = (slot + 1) & (STMT_CACHE - 1);
	db->cache[slot] = s;
	db->ncached++;
	return s;
}

static int
param(struct db_stmt *st, int n)
{
	if (n < 1 || n > MAX_PARAMS || st->idx[n] == 0)
		fatal("db: parameter $%d not in: %s", n, st->sql);
	return st->idx[n];
}

void
db_bind_i64(struct db_stmt *st, int n, int64_t v)
{
	sqlite3_bind_int64(st->st, param(st, n), v);
}

void
db_bind_text(struct db_stmt *st, int n, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(st->st, param(st, n));
	else
		sqlite3_bind_text(st->st, param(st, n), s, -1,
		    SQLITE_TRANSIENT);
}

void
db_bind_blob(struct db_stmt *st, int n, const void *p, size_t len)
{
	sqlite3_bind_blob64(st->st, param(st, n), p, len, SQLITE_TRANSIENT);
}

void
db_bind_null(struct db_stmt *st, int n)
{
	sqlite3_bind_null(st->st, param(st, n));
}

void
db_bind_zeroblob(struct db_stmt *st, int n, size_t len)
{
	sqlite3_bind_zeroblob64(st->st, param(st, n), len);
}

/* Bytes copied from a file into a blob per read and write. */
#define BLOB_CHUNK	(64 * 1024)

int
db_blob_fill(struct db *db, const char *table, const char *column,
    int64_t rowid, int fd, size_t len, struct err *e)
{
	sqlite3_blob	*b;
	char		*chunk;
	size_t		 off = 0;
	ssize_t		 n;
	int		 rc;

	if (len > INT32_MAX)
		return err_set(e, ERR_INVALID, "blob_too_large", NULL,
		    "Indholdet er for stort til databasen");
	if ((rc = sqlite3_blob_open(db->h, "main", table, column, rowid, 1,
	    &b)) != SQLITE_OK)
		return map_rc(db, rc, e);
	chunk = xmalloc(BLOB_CHUNK);
	rc = 0;
	while (off < len) {
		n = pread(fd, chunk, len - off < BLOB_CHUNK ? len - off :
		    BLOB_CHUNK, (off_t)off);
		if (n <= 0) {
			rc = err_set(e, ERR_IO, "read_failed", NULL,
			    "Filen kunne ikke læses");
			break;
		}
		if ((rc = sqlite3_blob_write(b, chunk, (int)n, (int)off))
		    != SQLITE_OK) {
			rc = map_rc(db, rc, e);
			break;
		}
		rc = 0;
		off += (size_t)n;
	}
	free(chunk);
	sqlite3_blob_close(b);
	return rc;
}

int
db_step(struct db_stmt *st, struct err *e)
{
	uint64_t	t0 = mono_ns();
	int		rc;

	rc = sqlite3_step(st->st);
	st->db->busy_ns += mono_ns() - t0;
	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE)
		return DB_DONE;
	return map_rc(st->db, sqlite3_extended_errcode(st->db->h), e);
}

int64_t
db_col_i64(struct db_stmt *st, int col)
{
	return sqlite3_column_int64(st->st, col);
}

const char *
db_col_text(struct db_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(st->st, col);
}

const void *
db_col_blob(struct db_stmt *st, int col, size_t *len)
{
	const void *p = sqlite3_column_blob(st->st, col);

	*len = (size_t)sqlite3_column_bytes(st->st, col);
	return p;
}

bool
db_col_null(struct db_stmt *st, int col)
{
	return sqlite3_column_type(st->st, col) == SQLITE_NULL;
}

void
db_reset(struct db_stmt *st)
{
	sqlite3_reset(st->st);
	sqlite3_clear_bindings(st->st);
}

int64_t
db_changes(struct db *db)
{
	return sqlite3_changes64(db->h);
}

int
db_schema_version_get(struct db *db, int *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	if ((st = db_prep(db, "PRAGMA user_version", e)) == NULL)
		return ERR_DB;
	rc = db_step(st, e);
	*out = rc == DB_ROW ? (int)db_col_i64(st, 0) : 0;
	db_reset(st);
	return rc < 0 ? rc : 0;
}

int
db_schema_version_set(struct db *db, int v, struct err *e)
{
	char sql[64];

	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", v);
	return db_exec(db, sql, e);
}

int
db_check_integrity(struct db *db, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	if ((st = db_prep(db, "PRAGMA foreign_key_check", e)) == NULL)
		return ERR_DB;
	rc = db_step(st, e);
	db_reset(st);
	if (rc == DB_ROW)
		return err_set(e, ERR_DB, "foreign_key_check", NULL,
		    "Databasen har brudte fremmednøgler efter migrering");
	return rc < 0 ? rc : 0;
}

const char *
db_backend(struct db *db)
{
	(void)db;
	return "sqlite";
}
