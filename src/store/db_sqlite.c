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
#include "store/db_impl.h"
#include "util/err.h"
#include "util/mem.h"

#define STMT_CACHE	256	/* slots; must be a power of two */
#define MAX_PARAMS	32

struct sq_stmt {
	struct db_stmt	 base;			/* base.sql: the cache key */
	sqlite3_stmt	*st;
	int		 idx[MAX_PARAMS + 1];	/* $n → SQLite index, 0 if absent */
};

struct sq_db {
	struct db	 base;		/* base.busy_ns: time in step and exec */
	sqlite3		*h;
	struct sq_stmt	*cache[STMT_CACHE];
	int		 ncached;
};

#define SQ(d)	((struct sq_db *)(void *)(d))
#define SQS(s)	((struct sq_stmt *)(void *)(s))
#define mono_ns	db_mono_ns

static const struct db_ops sqlite_ops;

static int
map_rc(struct sq_db *db, int rc, struct err *e)
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

/* a against b in SQLite's order of values: NULL, numbers, text, blobs. */
static int
value_cmp(sqlite3_value *a, sqlite3_value *b)
{
	int		ta = sqlite3_value_type(a), tb = sqlite3_value_type(b);
	int		ra, rb, n, la, lb;

	ra = ta == SQLITE_INTEGER || ta == SQLITE_FLOAT ? 1 :
	    ta == SQLITE_TEXT ? 2 : 3;
	rb = tb == SQLITE_INTEGER || tb == SQLITE_FLOAT ? 1 :
	    tb == SQLITE_TEXT ? 2 : 3;
	if (ra != rb)
		return ra < rb ? -1 : 1;
	if (ra == 1) {
		double x = sqlite3_value_double(a), y = sqlite3_value_double(b);

		if (ta == SQLITE_INTEGER && tb == SQLITE_INTEGER) {
			sqlite3_int64 i = sqlite3_value_int64(a);
			sqlite3_int64 j = sqlite3_value_int64(b);

			return i < j ? -1 : i > j;
		}
		return x < y ? -1 : x > y;
	}
	la = sqlite3_value_bytes(a);
	lb = sqlite3_value_bytes(b);
	n = memcmp(ra == 2 ? (const void *)sqlite3_value_text(a) :
	    sqlite3_value_blob(a), ra == 2 ? (const void *)sqlite3_value_text(b) :
	    sqlite3_value_blob(b), (size_t)(la < lb ? la : lb));
	if (n != 0)
		return n;
	return la < lb ? -1 : la > lb;
}

/*
 * greatest(a, b, ...): the largest argument, NULLs passed over (NULL
 * when all are), as PostgreSQL's GREATEST; the SQL of the stores uses it
 * where SQLite alone would write the scalar max().
 */
static void
fn_greatest(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_value	*best = NULL;
	int		 i;

	for (i = 0; i < argc; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
			continue;
		if (best == NULL || value_cmp(argv[i], best) > 0)
			best = argv[i];
	}
	if (best == NULL)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_value(ctx, best);
}

static void	sq_close(struct db *);
static int	sq_exec(struct db *, const char *, struct err *);

#define SQLITE_MMAP	"268435456"	/* bytes: 256 MiB */

int
db_sqlite_open(struct db **out, const char *path, struct err *e)
{
	struct sq_db	*db;
	int		 rc;

	*out = NULL;
	db = xcalloc(1, sizeof(*db));
	db->base.ops = &sqlite_ops;
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
	sqlite3_create_function_v2(db->h, "greatest", -1, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, fn_greatest, NULL,
	    NULL, NULL);
	/*
	 * Pages are read through a memory map (up to SQLITE_MMAP bytes of
	 * the file) instead of a read() into each connection's own page
	 * cache: the register's list then costs a third less CPU. The
	 * mapped pages are the kernel's page cache, shared by every
	 * connection and process, though RSS counts them per mapping.
	 */
	if (sq_exec(&db->base, "PRAGMA journal_mode=WAL; "
	    "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
	    "PRAGMA temp_store=MEMORY; "
	    "PRAGMA mmap_size=" SQLITE_MMAP ";", e) != 0) {
		sq_close(&db->base);
		return ERR_DB;
	}
	*out = &db->base;
	return 0;
}

static void
sq_close(struct db *d)
{
	struct sq_db	*db = SQ(d);
	int		 i;

	for (i = 0; i < STMT_CACHE; i++)
		if (db->cache[i] != NULL) {
			sqlite3_finalize(db->cache[i]->st);
			free(db->cache[i]);
		}
	sqlite3_exec(db->h, "PRAGMA optimize", NULL, NULL, NULL);
	sqlite3_close(db->h);
	free(db);
}

static int
sq_exec(struct db *d, const char *sql, struct err *e)
{
	struct sq_db	*db = SQ(d);
	char		*msg = NULL;
	uint64_t	 t0 = mono_ns();
	int		 rc;

	rc = sqlite3_exec(db->h, sql, NULL, NULL, &msg);
	db->base.busy_ns += mono_ns() - t0;
	if (rc != SQLITE_OK) {
		rc = map_rc(db, sqlite3_extended_errcode(db->h), e);
		sqlite3_free(msg);
		return rc;
	}
	return 0;
}

static int
sq_begin(struct db *db, enum db_txn kind, struct err *e)
{
	return sq_exec(db, kind == DB_WRITE ? "BEGIN IMMEDIATE" : "BEGIN", e);
}

static void
sq_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(SQ(db)->h))
		sqlite3_exec(SQ(db)->h, "ROLLBACK", NULL, NULL, NULL);
}

static int
sq_commit(struct db *db, struct err *e)
{
	int rc;

	if ((rc = sq_exec(db, "COMMIT", e)) != 0)
		sq_rollback(db);
	return rc;
}

static bool
sq_in_txn(struct db *db)
{
	return !sqlite3_get_autocommit(SQ(db)->h);
}

static size_t
slot_of(const char *sql)
{
	uintptr_t h = (uintptr_t)sql;

	h ^= h >> 17;
	h *= 0x9e3779b97f4a7c15ull;
	return (size_t)(h >> 7) & (STMT_CACHE - 1);
}

static struct db_stmt *
sq_prep(struct db *d, const char *sql, struct err *e)
{
	struct sq_db	*db = SQ(d);
	struct sq_stmt	*s;
	size_t		 i, slot;
	char		 name[8];
	int		 rc, n;

	slot = slot_of(sql);
	for (i = 0; i < STMT_CACHE; i++) {
		s = db->cache[(slot + i) & (STMT_CACHE - 1)];
		if (s == NULL)
			break;
		if (s->base.sql == sql)
			return &s->base;
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
	s->base.db = d;
	s->base.sql = sql;
	for (n = 1; n <= MAX_PARAMS; n++) {
		snprintf(name, sizeof(name), "$%d", n);
		s->idx[n] = sqlite3_bind_parameter_index(s->st, name);
	}
	while (db->cache[slot] != NULL)
		slot = (slot + 1) & (STMT_CACHE - 1);
	db->cache[slot] = s;
	db->ncached++;
	return &s->base;
}

static int
param(struct sq_stmt *st, int n)
{
	if (n < 1 || n > MAX_PARAMS || st->idx[n] == 0)
		fatal("db: parameter $%d not in: %s", n, st->base.sql);
	return st->idx[n];
}

static void
sq_bind_i64(struct db_stmt *st, int n, int64_t v)
{
	sqlite3_bind_int64(SQS(st)->st, param(SQS(st), n), v);
}

static void
sq_bind_text(struct db_stmt *st, int n, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(SQS(st)->st, param(SQS(st), n));
	else
		sqlite3_bind_text(SQS(st)->st, param(SQS(st), n), s, -1,
		    SQLITE_TRANSIENT);
}

static void
sq_bind_blob(struct db_stmt *st, int n, const void *p, size_t len)
{
	sqlite3_bind_blob64(SQS(st)->st, param(SQS(st), n), p, len,
	    SQLITE_TRANSIENT);
}

static void
sq_bind_null(struct db_stmt *st, int n)
{
	sqlite3_bind_null(SQS(st)->st, param(SQS(st), n));
}

static void
sq_bind_zeroblob(struct db_stmt *st, int n, size_t len)
{
	sqlite3_bind_zeroblob64(SQS(st)->st, param(SQS(st), n), len);
}

/* Bytes copied from a file into a blob per read and write. */
#define BLOB_CHUNK	(64 * 1024)

static int
sq_blob_fill(struct db *d, const char *table, const char *column,
    int64_t rowid, int fd, size_t len, struct err *e)
{
	struct sq_db	*db = SQ(d);
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

static int
sq_step(struct db_stmt *st, struct err *e)
{
	struct sq_db	*db = SQ(st->db);
	uint64_t	 t0 = mono_ns();
	int		 rc;

	rc = sqlite3_step(SQS(st)->st);
	db->base.busy_ns += mono_ns() - t0;
	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE)
		return DB_DONE;
	return map_rc(db, sqlite3_extended_errcode(db->h), e);
}

static int64_t
sq_col_i64(struct db_stmt *st, int col)
{
	return sqlite3_column_int64(SQS(st)->st, col);
}

static const char *
sq_col_text(struct db_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(SQS(st)->st, col);
}

static const void *
sq_col_blob(struct db_stmt *st, int col, size_t *len)
{
	const void *p = sqlite3_column_blob(SQS(st)->st, col);

	*len = (size_t)sqlite3_column_bytes(SQS(st)->st, col);
	return p;
}

static bool
sq_col_null(struct db_stmt *st, int col)
{
	return sqlite3_column_type(SQS(st)->st, col) == SQLITE_NULL;
}

static void
sq_reset(struct db_stmt *st)
{
	sqlite3_reset(SQS(st)->st);
	sqlite3_clear_bindings(SQS(st)->st);
}

static int64_t
sq_changes(struct db *db)
{
	return sqlite3_changes64(SQ(db)->h);
}

static int
sq_version_get(struct db *db, int *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	if ((st = sq_prep(db, "PRAGMA user_version", e)) == NULL)
		return ERR_DB;
	rc = sq_step(st, e);
	*out = rc == DB_ROW ? (int)sq_col_i64(st, 0) : 0;
	sq_reset(st);
	return rc < 0 ? rc : 0;
}

static int
sq_version_set(struct db *db, int v, struct err *e)
{
	char sql[64];

	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", v);
	return sq_exec(db, sql, e);
}

static int
sq_check_integrity(struct db *db, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	if ((st = sq_prep(db, "PRAGMA foreign_key_check", e)) == NULL)
		return ERR_DB;
	rc = sq_step(st, e);
	sq_reset(st);
	if (rc == DB_ROW)
		return err_set(e, ERR_DB, "foreign_key_check", NULL,
		    "Databasen har brudte fremmednøgler efter migrering");
	return rc < 0 ? rc : 0;
}

/*
 * Run a whole backup from one handle's "main" into another's, waiting
 * out a lock held by another connection (up to about 10 s). The source
 * is read in one read transaction: a consistent copy, and in WAL mode the
 * writers go on meanwhile. SQLITE_DONE or the failing code.
 */
static int
copy_all(sqlite3 *to, sqlite3 *from)
{
	sqlite3_backup	*b;
	int		 rc, tries = 0;

	if ((b = sqlite3_backup_init(to, "main", from, "main")) == NULL)
		return sqlite3_errcode(to);
	do {
		rc = sqlite3_backup_step(b, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while ((rc == SQLITE_OK || rc == SQLITE_BUSY ||
	    rc == SQLITE_LOCKED) && ++tries < 200);
	sqlite3_backup_finish(b);
	return rc;
}

static int
sq_backup(struct db *d, const char *path, struct err *e)
{
	sqlite3		*to = NULL;
	char		 tmp[4096];
	int		 rc;

	if (access(path, F_OK) == 0)
		return err_set(e, ERR_CONFLICT, "backup_exists", NULL,
		    "%s findes allerede", path);
	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= sizeof(tmp))
		return err_set(e, ERR_INVALID, "backup_path", NULL,
		    "Filnavnet er for langt");
	unlink(tmp);
	rc = sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL);
	if (rc == SQLITE_OK)
		rc = copy_all(to, SQ(d)->h);
	if (rc != SQLITE_DONE) {
		err_set(e, ERR_IO, "backup_failed", NULL,
		    "Sikkerhedskopien kunne ikke skrives til %s: %s", tmp,
		    to != NULL ? sqlite3_errmsg(to) : sqlite3_errstr(rc));
		sqlite3_close(to);
		unlink(tmp);
		return ERR_IO;
	}
	/* A backup is a plain file: out of WAL mode, nothing beside it. */
	rc = sqlite3_exec(to, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
	if (sqlite3_close(to) != SQLITE_OK || rc != SQLITE_OK ||
	    rename(tmp, path) != 0) {
		unlink(tmp);
		return err_set(e, ERR_IO, "backup_failed", NULL,
		    "Sikkerhedskopien kunne ikke gemmes som %s", path);
	}
	return 0;
}

static int
sq_restore(struct db *d, const char *path, struct err *e)
{
	sqlite3		*from = NULL;
	sqlite3_stmt	*st = NULL;
	int		 rc, version = 0;

	rc = sqlite3_open_v2(path, &from, SQLITE_OPEN_READONLY, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(from, "PRAGMA user_version", -1, &st,
		    NULL);
	if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (version <= 0) {
		sqlite3_close(from);
		return err_set(e, ERR_INVALID, "restore_not_backup", NULL,
		    "%s er ikke en sikkerhedskopi af en ramme-database", path);
	}
	rc = copy_all(SQ(d)->h, from);
	sqlite3_close(from);
	if (rc != SQLITE_DONE)
		return err_set(e, ERR_DB, "restore_failed", NULL,
		    "Sikkerhedskopien kunne ikke læses ind: %s",
		    sqlite3_errstr(rc));
	return 0;
}

static const struct db_ops sqlite_ops = {
	.name = "sqlite",
	.close = sq_close,
	.exec = sq_exec,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.in_txn = sq_in_txn,
	.prep = sq_prep,
	.bind_i64 = sq_bind_i64,
	.bind_text = sq_bind_text,
	.bind_blob = sq_bind_blob,
	.bind_null = sq_bind_null,
	.bind_zeroblob = sq_bind_zeroblob,
	.blob_fill = sq_blob_fill,
	.step = sq_step,
	.col_i64 = sq_col_i64,
	.col_text = sq_col_text,
	.col_blob = sq_col_blob,
	.col_null = sq_col_null,
	.reset = sq_reset,
	.changes = sq_changes,
	.version_get = sq_version_get,
	.version_set = sq_version_set,
	.check_integrity = sq_check_integrity,
	.backup = sq_backup,
	.restore = sq_restore,
};
