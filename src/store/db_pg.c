/*
 * db_pg — the PostgreSQL backend of the db interface (see db.h), over
 * libpq.
 *
 * Statements are cached per connection like SQLite's, keyed by the SQL
 * literal's address. A statement is prepared on the server the first
 * time it runs with a given set of parameter types (int8, text, bytea;
 * db_bind_null is an integer NULL, db_bind_text(NULL) a text one), so
 * that "$1 IS NULL OR x = $1" is typed by what the caller binds. Values go as text, blobs as
 * binary; results come back as text, bytea decoded on demand. A large
 * blob (an attachment) goes in pieces, so memory does not grow with it
 * (pg_blob_fill()).
 *
 * The SQL is the stores' own; the few SQLite spellings they use are
 * rewritten once per statement (dialect()): an INDEXED BY hint is
 * dropped, json_object() is json_build_object(), and the text column of
 * json_array_length(column) is cast to json. Functions SQLite has
 * and PostgreSQL lacks (group_concat, json_valid) are defined by the
 * PostgreSQL migrations instead.
 *
 * A write transaction takes a transaction-scoped advisory lock first:
 * one writer at a time, as BEGIN IMMEDIATE gives on SQLite, which the
 * services' read-check-write sequences rely on. Readers are never held.
 */
#include <sys/wait.h>

#include <errno.h>
#include <libpq-fe.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/db.h"
#include "store/db_impl.h"
#include "util/err.h"
#include "util/mem.h"

extern char **environ;

#define STMT_CACHE	256	/* slots; must be a power of two */
#define MAX_PARAMS	32
#define MAX_SIGS	4	/* server-side plans per statement */
#define WRITE_LOCK	"SELECT pg_advisory_xact_lock(491260833125)" /* "ramme" */

/* OIDs of the built-in types bound (pg_type.h). */
#define OID_BYTEA	17
#define OID_INT8	20
#define OID_TEXT	25

struct pg_sig {
	unsigned	 types[MAX_PARAMS + 1];	/* OID per $n; 0 unknown */
	char		 name[24];		/* server statement name */
};

struct pg_stmt {
	struct db_stmt	 base;
	char		*text;			/* the SQL as sent (dialect) */
	int		 nparams;		/* the highest $n in the SQL */
	char		*val[MAX_PARAMS + 1];	/* bound values, owned */
	int		 len[MAX_PARAMS + 1];
	int		 fmt[MAX_PARAMS + 1];	/* 1 binary (blobs) */
	unsigned	 type[MAX_PARAMS + 1];
	struct pg_sig	 sig[MAX_SIGS];
	int		 nsig;
	PGresult	*res;			/* rows of the last run */
	int		 row, nrows;		/* row: the current, -1 before */
	unsigned char	*blob;			/* the last decoded bytea */
	bool		 ran;
};

struct pg_db {
	struct db	 base;
	PGconn		*c;
	struct pg_stmt	*cache[STMT_CACHE];
	int		 ncached;
	int		 nnames;		/* server statements made */
	int64_t		 changes;		/* rows of the last command */
	int64_t		 written;		/* rows written since open */
	char		*uri;			/* as opened: for pg_dump */
};

#define PG(d)	((struct pg_db *)(void *)(d))

/* Rows written through one connection after which its close vacuums. */
#define ANALYZE_AFTER	1000
#define PGS(s)	((struct pg_stmt *)(void *)(s))

static const struct db_ops pg_ops;

/*
 * The error of a failed result (or of the connection when res is NULL)
 * as the interface's codes: unique → ERR_CONFLICT, other integrity
 * violations → ERR_INVALID, serialization and lock failures → ERR_BUSY.
 */
static int
map_res(struct pg_db *db, const PGresult *res, struct err *e)
{
	const char	*state = res ? PQresultErrorField(res,
			    PG_DIAG_SQLSTATE) : NULL;
	const char	*msg = res ? PQresultErrorField(res,
			    PG_DIAG_MESSAGE_PRIMARY) : NULL;

	if (msg == NULL)
		msg = PQerrorMessage(db->c);
	if (state != NULL && strcmp(state, "23505") == 0)
		return err_set(e, ERR_CONFLICT, "duplicate", NULL,
		    "Findes allerede (%s)", msg);
	if (state != NULL && strncmp(state, "23", 2) == 0)
		return err_set(e, ERR_INVALID, "constraint", NULL,
		    "Data overholder ikke reglerne (%s)", msg);
	if (state != NULL && (strcmp(state, "40001") == 0 ||
	    strcmp(state, "40P01") == 0 || strcmp(state, "55P03") == 0))
		return err_set(e, ERR_BUSY, "busy", NULL,
		    "Databasen er optaget; prøv igen");
	return err_set(e, ERR_DB, "database_error", NULL, "Databasefejl: %s",
	    msg);
}

static void
notice_quiet(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

static void	pg_close(struct db *);
static bool	pg_in_txn(struct db *);
static int	pg_exec(struct db *, const char *, struct err *);

int
db_pg_open(struct db **out, const char *uri, struct err *e)
{
	struct pg_db	*db;

	*out = NULL;
	db = xcalloc(1, sizeof(*db));
	db->base.ops = &pg_ops;
	db->uri = xstrdup(uri);
	db->c = PQconnectdb(uri);
	if (PQstatus(db->c) != CONNECTION_OK) {
		err_set(e, ERR_DB, "database_open", NULL,
		    "Kan ikke forbinde til PostgreSQL: %s",
		    PQerrorMessage(db->c));
		PQfinish(db->c);
		free(db->uri);
		free(db);
		return ERR_DB;
	}
	PQsetNoticeProcessor(db->c, notice_quiet, NULL);
	if (pg_exec(&db->base, "SET client_encoding = 'UTF8'; "
	    "SET TimeZone = 'UTC'; SET client_min_messages = warning; "
	    "SET lock_timeout = '5s'", e) != 0) {
		pg_close(&db->base);
		return ERR_DB;
	}
	*out = &db->base;
	return 0;
}

static void
stmt_clear_result(struct pg_stmt *s)
{
	PQclear(s->res);
	s->res = NULL;
	PQfreemem(s->blob);
	s->blob = NULL;
	s->row = -1;
	s->nrows = 0;
	s->ran = false;
}

static void
stmt_clear_binds(struct pg_stmt *s)
{
	int	n;

	for (n = 1; n <= MAX_PARAMS; n++) {
		free(s->val[n]);
		s->val[n] = NULL;
		s->len[n] = 0;
		s->fmt[n] = 0;
		s->type[n] = OID_TEXT;	/* a $n the SQL skips (variants) */
	}
}

static void
pg_close(struct db *d)
{
	struct pg_db	*db = PG(d);
	int		 i;

	for (i = 0; i < STMT_CACHE; i++)
		if (db->cache[i] != NULL) {
			stmt_clear_result(db->cache[i]);
			stmt_clear_binds(db->cache[i]);
			free(db->cache[i]->text);
			free(db->cache[i]);
		}
	/*
	 * After a bulk write (an import, a round's lines) the planner's
	 * statistics and the visibility map are fresh before the next
	 * request, as SQLite's PRAGMA optimize on close does: autovacuum
	 * may be a minute late; without statistics the register's page is
	 * a full sort, and without the map a walk of an index reads every
	 * row it skips from the table too.
	 */
	if (db->written >= ANALYZE_AFTER && !pg_in_txn(d))
		PQclear(PQexec(db->c, "VACUUM (ANALYZE)"));
	PQfinish(db->c);
	free(db->uri);
	free(db);
}

static int
pg_exec(struct db *d, const char *sql, struct err *e)
{
	struct pg_db	*db = PG(d);
	uint64_t	 t0 = db_mono_ns();
	PGresult	*r;
	int		 rc = 0;

	r = PQexec(db->c, sql);
	db->base.busy_ns += db_mono_ns() - t0;
	if (PQresultStatus(r) != PGRES_COMMAND_OK &&
	    PQresultStatus(r) != PGRES_TUPLES_OK)
		rc = map_res(db, r, e);
	else
		db->changes = strtoll(PQcmdTuples(r), NULL, 10);
	PQclear(r);
	return rc;
}

static bool
pg_in_txn(struct db *d)
{
	PGTransactionStatusType t = PQtransactionStatus(PG(d)->c);

	return t == PQTRANS_INTRANS || t == PQTRANS_INERROR ||
	    t == PQTRANS_ACTIVE;
}

static int
pg_begin(struct db *d, enum db_txn kind, struct err *e)
{
	if (kind == DB_WRITE)
		return pg_exec(d, "BEGIN; " WRITE_LOCK, e);
	return pg_exec(d, "BEGIN ISOLATION LEVEL REPEATABLE READ", e);
}

static void
pg_rollback(struct db *d)
{
	PGresult	*r;

	if (!pg_in_txn(d))
		return;
	r = PQexec(PG(d)->c, "ROLLBACK");
	PQclear(r);
}

static int
pg_commit(struct db *d, struct err *e)
{
	int	rc;

	if (PQtransactionStatus(PG(d)->c) == PQTRANS_INERROR) {
		pg_rollback(d);
		return err_set(e, ERR_DB, "database_error", NULL,
		    "Databasefejl: transaktionen blev afbrudt");
	}
	if ((rc = pg_exec(d, "COMMIT", e)) != 0)
		pg_rollback(d);
	return rc;
}

static size_t
slot_of(const char *sql)
{
	uintptr_t h = (uintptr_t)sql;

	h ^= h >> 17;
	h *= 0x9e3779b97f4a7c15ull;
	return (size_t)(h >> 7) & (STMT_CACHE - 1);
}

/* The highest $n in sql, outside quoted text; -1 beyond MAX_PARAMS. */
static int
count_params(const char *sql)
{
	const char	*p;
	int		 max = 0, n;
	char		 q = 0;

	for (p = sql; *p != '\0'; p++) {
		if (q != 0) {
			if (*p == q)
				q = 0;
			continue;
		}
		if (*p == '\'' || *p == '"') {
			q = *p;
			continue;
		}
		if (*p == '$' && p[1] >= '1' && p[1] <= '9') {
			n = (int)strtol(p + 1, NULL, 10);
			if (n > MAX_PARAMS)
				return -1;
			if (n > max)
				max = n;
		}
	}
	return max;
}

static bool
ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_';
}

/* The length of a column reference ([t.]name) at p followed by ')'. */
static size_t
column_ref(const char *p)
{
	size_t	n = 0;

	while (ident_char(p[n]) || p[n] == '.')
		n++;
	return p[n] == ')' ? n : 0;
}

/* sql in PostgreSQL's spelling (see the top of this file); owned. */
static char *
dialect(const char *sql)
{
	static const char	 hint[] = " INDEXED BY ";
	static const char	 obj[] = "json_object(";
	static const char	 alen[] = "json_array_length(";
	size_t			 n = strlen(sql), cap = n + n / 4 + 64, o = 0;
	size_t			 col;
	char			*out = xmalloc(cap), q = 0;
	const char		*p;

	for (p = sql; *p != '\0'; p++) {
		if (o + 32 >= cap)
			out = xreallocarray(out, cap *= 2, 1);
		if (q != 0) {
			if (*p == q)
				q = 0;
			out[o++] = *p;
			continue;
		}
		if (*p == '\'' || *p == '"') {
			q = *p;
			out[o++] = *p;
			continue;
		}
		if (strncmp(p, hint, sizeof(hint) - 1) == 0) {
			p += sizeof(hint) - 1;
			while (ident_char(p[1]))
				p++;
			continue;
		}
		if (strncmp(p, obj, sizeof(obj) - 1) == 0 &&
		    (p == sql || !ident_char(p[-1]))) {
			memcpy(out + o, "json_build_object(", 18);
			o += 18;
			p += sizeof(obj) - 2;
			continue;
		}
		if (strncmp(p, alen, sizeof(alen) - 1) == 0 &&
		    (p == sql || !ident_char(p[-1])) &&
		    (col = column_ref(p + sizeof(alen) - 1)) > 0) {
			if (o + col + 64 >= cap)
				out = xreallocarray(out, cap += col + 64, 1);
			o += (size_t)snprintf(out + o, cap - o,
			    "%sCAST(%.*s AS json))", alen, (int)col,
			    p + sizeof(alen) - 1);
			p += sizeof(alen) - 1 + col;	/* at the ')' */
			continue;
		}
		out[o++] = *p;
	}
	out[o] = '\0';
	return out;
}

static struct db_stmt *
pg_prep(struct db *d, const char *sql, struct err *e)
{
	struct pg_db	*db = PG(d);
	struct pg_stmt	*s;
	size_t		 i, slot;
	int		 n;

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
	if ((n = count_params(sql)) < 0) {
		err_set(e, ERR_DB, "database_error", NULL,
		    "Databasefejl: for mange parametre");
		return NULL;
	}
	s = xcalloc(1, sizeof(*s));
	s->base.db = d;
	s->base.sql = sql;
	s->text = dialect(sql);
	s->nparams = n;
	s->row = -1;
	stmt_clear_binds(s);
	while (db->cache[slot] != NULL)
		slot = (slot + 1) & (STMT_CACHE - 1);
	db->cache[slot] = s;
	db->ncached++;
	return &s->base;
}

static void
param_check(struct pg_stmt *s, int n)
{
	if (n < 1 || n > s->nparams)
		fatal("db: parameter $%d not in: %s", n, s->base.sql);
	free(s->val[n]);
	s->val[n] = NULL;
	s->len[n] = 0;
	s->fmt[n] = 0;
}

static void
pg_bind_i64(struct db_stmt *st, int n, int64_t v)
{
	struct pg_stmt	*s = PGS(st);
	char		 b[24];

	param_check(s, n);
	snprintf(b, sizeof(b), "%lld", (long long)v);
	s->val[n] = xstrdup(b);
	s->type[n] = OID_INT8;
}

static void
pg_bind_null(struct db_stmt *st, int n)
{
	param_check(PGS(st), n);
	PGS(st)->type[n] = OID_INT8;	/* text NULLs: pg_bind_text */
}

static void
pg_bind_text(struct db_stmt *st, int n, const char *v)
{
	struct pg_stmt	*s = PGS(st);

	param_check(s, n);
	if (v == NULL) {
		s->type[n] = OID_TEXT;
		return;
	}
	s->val[n] = xstrdup(v);
	s->type[n] = OID_TEXT;
}

static void
pg_bind_blob(struct db_stmt *st, int n, const void *p, size_t len)
{
	struct pg_stmt	*s = PGS(st);

	param_check(s, n);
	if (len > INT32_MAX)
		fatal("db: blob too large");
	s->val[n] = xmalloc(len + 1);
	if (len > 0)
		memcpy(s->val[n], p, len);
	s->len[n] = (int)len;
	s->fmt[n] = 1;
	s->type[n] = OID_BYTEA;
}

/*
 * The placeholder of a blob db_blob_fill() writes: an empty bytea, as
 * the content arrives in pieces there (len is SQLite's business).
 */
static void
pg_bind_zeroblob(struct db_stmt *st, int n, size_t len)
{
	struct pg_stmt	*s = PGS(st);

	(void)len;
	param_check(s, n);
	s->val[n] = xcalloc(1, 1);
	s->len[n] = 0;
	s->fmt[n] = 1;
	s->type[n] = OID_BYTEA;
}

#define BLOB_PIECE	(1024 * 1024)	/* bytes sent per statement */

/*
 * Run sql with nvals parameters as text, except vals[0] when len0 >= 0:
 * binary, len0 bytes.
 */
static int
blob_exec(struct pg_db *db, const char *sql, int nvals, const char **vals,
    int len0, struct err *e)
{
	int		 lens[2] = { len0 < 0 ? 0 : len0, 0 };
	int		 fmts[2] = { len0 < 0 ? 0 : 1, 0 };
	PGresult	*r;
	int		 rc = 0;

	r = PQexecParams(db->c, sql, nvals, NULL, vals, lens, fmts, 0);
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		rc = map_res(db, r, e);
	PQclear(r);
	return rc;
}

/*
 * Fill column of table (its row with id rowid) with len bytes read from
 * fd. libpq sends a parameter whole, so the content goes in pieces of
 * BLOB_PIECE bytes to a temporary table of the session and is joined on
 * the server by one UPDATE: the process holds one piece at a time,
 * whatever the size of the file. Inside the caller's transaction.
 */
static int
pg_blob_fill(struct db *d, const char *table, const char *column,
    int64_t rowid, int fd, size_t len, struct err *e)
{
	struct pg_db	*db = PG(d);
	const char	*vals[2];
	char		*piece, id[24], no[24], *sql, *qt, *qc;
	size_t		 off = 0, want, got;
	ssize_t		 n;
	int		 rc, k = 0;

	if (len > INT32_MAX)
		return err_set(e, ERR_INVALID, "blob_too_large", NULL,
		    "Indholdet er for stort til databasen");
	if (!pg_in_txn(d)) {
		/* The pieces live until the commit: one is needed. */
		if ((rc = pg_begin(d, DB_WRITE, e)) != 0)
			return rc;
		if ((rc = pg_blob_fill(d, table, column, rowid, fd, len,
		    e)) != 0) {
			pg_rollback(d);
			return rc;
		}
		return pg_commit(d, e);
	}
	if ((rc = pg_exec(d, "CREATE TEMP TABLE IF NOT EXISTS ramme_piece "
	    "(no integer PRIMARY KEY, data bytea NOT NULL) "
	    "ON COMMIT DELETE ROWS; DELETE FROM ramme_piece", e)) != 0)
		return rc;
	piece = xmalloc(BLOB_PIECE);
	while (off < len) {
		want = len - off < BLOB_PIECE ? len - off : BLOB_PIECE;
		for (got = 0; got < want; got += (size_t)n) {
			n = pread(fd, piece + got, want - got,
			    (off_t)(off + got));
			if (n <= 0) {
				free(piece);
				return err_set(e, ERR_IO, "read_failed", NULL,
				    "Filen kunne ikke læses");
			}
		}
		snprintf(no, sizeof(no), "%d", k++);
		vals[0] = piece;
		vals[1] = no;
		if ((rc = blob_exec(db, "INSERT INTO ramme_piece (data, no) "
		    "VALUES ($1, $2)", 2, vals, (int)want, e)) != 0) {
			free(piece);
			return rc;
		}
		off += want;
	}
	free(piece);
	qt = PQescapeIdentifier(db->c, table, strlen(table));
	qc = PQescapeIdentifier(db->c, column, strlen(column));
	if (qt == NULL || qc == NULL)
		fatal("db: cannot quote %s.%s", table, column);
	if (asprintf(&sql, "UPDATE %s SET %s = coalesce((SELECT "
	    "string_agg(data, ''::bytea ORDER BY no) FROM ramme_piece), "
	    "''::bytea) WHERE rowid = $1", qt, qc) < 0)
		fatal("asprintf");
	PQfreemem(qt);
	PQfreemem(qc);
	snprintf(id, sizeof(id), "%lld", (long long)rowid);
	vals[0] = id;
	rc = blob_exec(db, sql, 1, vals, -1, e);
	free(sql);
	if (rc == 0)
		rc = pg_exec(d, "DELETE FROM ramme_piece", e);
	return rc;
}

/* The server statement for the types now bound, prepared on first use. */
static const char *
stmt_plan(struct pg_db *db, struct pg_stmt *s, struct err *e)
{
	struct pg_sig	*g;
	PGresult	*r;
	Oid		 types[MAX_PARAMS];
	int		 i, n;

	for (i = 0; i < s->nsig; i++) {
		g = &s->sig[i];
		for (n = 1; n <= s->nparams; n++)
			if (g->types[n] != s->type[n])
				break;
		if (n > s->nparams)
			return g->name;
	}
	if (s->nsig == MAX_SIGS) {
		/* Rare: forget the oldest plan. */
		char	dealloc[48];

		snprintf(dealloc, sizeof(dealloc), "DEALLOCATE %s",
		    s->sig[0].name);
		PQclear(PQexec(db->c, dealloc));
		memmove(&s->sig[0], &s->sig[1], sizeof(s->sig[0]) *
		    (MAX_SIGS - 1));
		s->nsig--;
	}
	g = &s->sig[s->nsig];
	memset(g, 0, sizeof(*g));
	for (n = 1; n <= s->nparams; n++) {
		g->types[n] = s->type[n];
		types[n - 1] = s->type[n];
	}
	snprintf(g->name, sizeof(g->name), "r%d", db->nnames++);
	r = PQprepare(db->c, g->name, s->text, s->nparams, types);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		map_res(db, r, e);
		PQclear(r);
		return NULL;
	}
	PQclear(r);
	s->nsig++;
	return g->name;
}

static int
pg_step(struct db_stmt *st, struct err *e)
{
	struct pg_stmt	*s = PGS(st);
	struct pg_db	*db = PG(st->db);
	const char	*vals[MAX_PARAMS], *name;
	int		 lens[MAX_PARAMS], fmts[MAX_PARAMS], n, rc;
	uint64_t	 t0;
	ExecStatusType	 status;

	if (!s->ran) {
		t0 = db_mono_ns();
		if ((name = stmt_plan(db, s, e)) == NULL)
			return ERR_DB;
		for (n = 1; n <= s->nparams; n++) {
			vals[n - 1] = s->val[n];
			lens[n - 1] = s->len[n];
			fmts[n - 1] = s->fmt[n];
		}
		s->res = PQexecPrepared(db->c, name, s->nparams, vals, lens,
		    fmts, 0);
		db->base.busy_ns += db_mono_ns() - t0;
		s->ran = true;
		status = PQresultStatus(s->res);
		if (status != PGRES_TUPLES_OK &&
		    status != PGRES_COMMAND_OK) {
			rc = map_res(db, s->res, e);
			PQclear(s->res);
			s->res = NULL;
			return rc;
		}
		db->changes = strtoll(PQcmdTuples(s->res), NULL, 10);
		if (status == PGRES_COMMAND_OK)
			db->written += db->changes;
		s->nrows = status == PGRES_TUPLES_OK ? PQntuples(s->res) : 0;
		s->row = -1;
	}
	PQfreemem(s->blob);
	s->blob = NULL;
	if (s->row + 1 < s->nrows) {
		s->row++;
		return DB_ROW;
	}
	s->row = s->nrows;
	return DB_DONE;
}

static bool
cell_ok(struct pg_stmt *s, int col)
{
	return s->res != NULL && s->row >= 0 && s->row < s->nrows &&
	    col >= 0 && col < PQnfields(s->res);
}

static bool
pg_col_null(struct db_stmt *st, int col)
{
	struct pg_stmt	*s = PGS(st);

	return !cell_ok(s, col) || PQgetisnull(s->res, s->row, col);
}

static const char *
pg_col_text(struct db_stmt *st, int col)
{
	struct pg_stmt	*s = PGS(st);

	if (pg_col_null(st, col))
		return NULL;
	return PQgetvalue(s->res, s->row, col);
}

static int64_t
pg_col_i64(struct db_stmt *st, int col)
{
	const char	*v = pg_col_text(st, col);

	if (v == NULL)
		return 0;
	if (strcmp(v, "t") == 0)	/* a boolean expression */
		return 1;
	if (strcmp(v, "f") == 0)
		return 0;
	return strtoll(v, NULL, 10);
}

static const void *
pg_col_blob(struct db_stmt *st, int col, size_t *len)
{
	struct pg_stmt	*s = PGS(st);
	const char	*v = pg_col_text(st, col);

	*len = 0;
	if (v == NULL)
		return NULL;
	if (PQftype(s->res, col) != OID_BYTEA) {
		*len = strlen(v);
		return v;
	}
	PQfreemem(s->blob);
	s->blob = PQunescapeBytea((const unsigned char *)v, len);
	return s->blob;
}

static void
pg_reset(struct db_stmt *st)
{
	stmt_clear_result(PGS(st));
	stmt_clear_binds(PGS(st));
}

static int64_t
pg_changes(struct db *d)
{
	return PG(d)->changes;
}

static int
pg_version_get(struct db *d, int *out, struct err *e)
{
	PGresult	*r;
	int		 rc = 0;

	*out = 0;
	r = PQexec(PG(d)->c, "SELECT to_regclass('ramme_schema') IS NOT NULL");
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		rc = map_res(PG(d), r, e);
		PQclear(r);
		return rc;
	}
	if (strcmp(PQgetvalue(r, 0, 0), "t") != 0) {
		PQclear(r);
		return 0;
	}
	PQclear(r);
	r = PQexec(PG(d)->c, "SELECT version FROM ramme_schema");
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		rc = map_res(PG(d), r, e);
	else if (PQntuples(r) > 0)
		*out = (int)strtol(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	return rc;
}

static int
pg_version_set(struct db *d, int v, struct err *e)
{
	char	sql[160];

	snprintf(sql, sizeof(sql), "CREATE TABLE IF NOT EXISTS ramme_schema "
	    "(version integer NOT NULL); DELETE FROM ramme_schema; "
	    "INSERT INTO ramme_schema VALUES (%d)", v);
	return pg_exec(d, sql, e);
}

static int
pg_check_integrity(struct db *d, struct err *e)
{
	(void)d;
	(void)e;
	return 0;	/* foreign keys are checked by every statement */
}

/*
 * Run a PostgreSQL client program (argv[0] on the PATH) and wait for it;
 * its messages go to our standard error. 0 when it exited 0.
 */
static int
run_tool(char *const argv[], struct err *e)
{
	pid_t	 pid;
	int	 st, rc;

	rc = posix_spawnp(&pid, argv[0], NULL, NULL, argv, environ);
	if (rc != 0)
		return err_set(e, ERR_IO, "tool_missing", NULL,
		    "%s kunne ikke startes: %s (pakken postgresql-client)",
		    argv[0], strerror(rc));
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return err_set(e, ERR_IO, "tool_failed", NULL,
			    "%s: %s", argv[0], strerror(errno));
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		return err_set(e, ERR_IO, "tool_failed", NULL,
		    "%s mislykkedes (se meddelelsen ovenfor)", argv[0]);
	return 0;
}

static int
pg_backup(struct db *d, const char *path, struct err *e)
{
	char	*argv[] = { "pg_dump", "--format=custom", "--no-owner",
	    "--file", NULL, "--dbname", NULL, NULL };
	char	 tmp[4096];
	int	 rc;

	if (access(path, F_OK) == 0)
		return err_set(e, ERR_CONFLICT, "backup_exists", NULL,
		    "%s findes allerede", path);
	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= sizeof(tmp))
		return err_set(e, ERR_INVALID, "backup_path", NULL,
		    "Filnavnet er for langt");
	argv[4] = tmp;
	argv[6] = PG(d)->uri;
	if ((rc = run_tool(argv, e)) != 0) {
		unlink(tmp);
		return rc;
	}
	if (rename(tmp, path) != 0) {
		unlink(tmp);
		return err_set(e, ERR_IO, "backup_failed", NULL,
		    "Sikkerhedskopien kunne ikke gemmes som %s", path);
	}
	return 0;
}

static int
pg_restore(struct db *d, const char *path, struct err *e)
{
	char	*argv[] = { "pg_restore", "--clean", "--if-exists",
	    "--no-owner", "--single-transaction", "--exit-on-error",
	    "--dbname", NULL, NULL, NULL };
	char	 file[4096];

	if (access(path, R_OK) != 0 ||
	    (size_t)snprintf(file, sizeof(file), "%s", path) >= sizeof(file))
		return err_set(e, ERR_INVALID, "restore_not_backup", NULL,
		    "%s kan ikke læses", path);
	argv[7] = PG(d)->uri;
	argv[8] = file;
	return run_tool(argv, e);
}

static const struct db_ops pg_ops = {
	.name = "postgresql",
	.close = pg_close,
	.exec = pg_exec,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.in_txn = pg_in_txn,
	.prep = pg_prep,
	.bind_i64 = pg_bind_i64,
	.bind_text = pg_bind_text,
	.bind_blob = pg_bind_blob,
	.bind_null = pg_bind_null,
	.bind_zeroblob = pg_bind_zeroblob,
	.blob_fill = pg_blob_fill,
	.step = pg_step,
	.col_i64 = pg_col_i64,
	.col_text = pg_col_text,
	.col_blob = pg_col_blob,
	.col_null = pg_col_null,
	.reset = pg_reset,
	.changes = pg_changes,
	.version_get = pg_version_get,
	.version_set = pg_version_set,
	.check_integrity = pg_check_integrity,
	.backup = pg_backup,
	.restore = pg_restore,
};
