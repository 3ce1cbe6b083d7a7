/*
 * approval_store — SQL of the agreement's documents and approvals (see
 * approval_store.h).
 */
#include <string.h>

#include "store/approval_store.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/err.h"

/* The columns of a document with its counts, from d (agreement_doc). */
#define DOC_COLS \
	"d.id, d.kind, d.year, d.title, d.deadline, d.created_at, " \
	"d.updated_at, " \
	"(SELECT stage FROM agreement_doc_version v WHERE v.doc_id = d.id " \
	"ORDER BY no DESC LIMIT 1), " \
	"(SELECT count(*) FROM agreement_approval a WHERE a.doc_id = d.id " \
	"AND a.party NOT IN ('KKR', 'KU')), " \
	"(SELECT count(*) FROM agreement_approval a WHERE a.doc_id = d.id " \
	"AND a.party NOT IN ('KKR', 'KU') AND a.status IN ('godkendt', " \
	"'forbehold')), " \
	"(SELECT count(*) FROM agreement_approval a WHERE a.doc_id = d.id " \
	"AND a.party NOT IN ('KKR', 'KU') AND a.status = 'afvist')"

static void
doc_read(struct db_stmt *st, struct arena *a, struct agreement_doc *d)
{
	memset(d, 0, sizeof(*d));
	d->id = db_col_i64(st, 0);
	(void)approval_kind_parse(db_col_text(st, 1), &d->kind);
	d->year = (int)db_col_i64(st, 2);
	d->title = db_col_dup(st, 3, a);
	d->deadline = db_col_dup(st, 4, a);
	d->created_at = db_col_dup(st, 5, a);
	d->updated_at = db_col_dup(st, 6, a);
	d->stage = STAGE_DRAFT;
	if (!db_col_null(st, 7))
		(void)approval_stage_parse(db_col_text(st, 7), &d->stage);
	d->councils = (int)db_col_i64(st, 8);
	d->approved = (int)db_col_i64(st, 9);
	d->rejected = (int)db_col_i64(st, 10);
}

int
approval_store_docs(struct db *db, struct arena *a,
    struct agreement_doc **out, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct agreement_doc	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	st = db_prep(db, "SELECT " DOC_COLS " FROM agreement_doc d ORDER BY "
	    "d.year DESC, CASE d.kind WHEN 'udviklingsstrategi' THEN 0 WHEN "
	    "'styringsaftale' THEN 1 ELSE 2 END", e);
	if (st == NULL)
		return ERR_DB;
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		doc_read(st, a, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
approval_store_doc(struct db *db, struct arena *a, int64_t id,
    struct agreement_doc *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT " DOC_COLS " FROM agreement_doc d WHERE "
	    "d.id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	if ((rc = db_step_one(st, "Dokumentet", e)) != 0)
		return rc;
	doc_read(st, a, out);
	db_reset(st);
	return 0;
}

int
approval_store_doc_insert(struct db *db, const struct agreement_doc *d,
    const char *who, const char *at, int64_t *id, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "INSERT INTO agreement_doc (kind, year, title, "
	    "deadline, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, "
	    "$5) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, approval_kind_name(d->kind));
	db_bind_i64(st, 2, d->year);
	db_bind_text(st, 3, d->title);
	db_bind_text(st, 4, d->deadline);
	db_bind_text(st, 5, at);
	if ((rc = db_run_id(st, id, e)) != 0) {
		if (rc == ERR_CONFLICT)
			return err_set(e, ERR_CONFLICT, "duplicate_document",
			    "year", "Der findes allerede en %s for %d",
			    approval_kind_label(d->kind), d->year);
		return rc;
	}
	st = db_prep(db, "INSERT INTO agreement_approval (doc_id, party, "
	    "status, updated_at, updated_by) SELECT $1, code, 'afventer', $2, "
	    "$3 FROM organisation WHERE kind IN ('kommune', 'region') "
	    "UNION ALL SELECT $1, 'KKR', 'afventer', $2, $3 "
	    "UNION ALL SELECT $1, 'KU', 'afventer', $2, $3", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, *id);
	db_bind_text(st, 2, at);
	db_bind_text(st, 3, who);
	return db_run(st, e);
}

int
approval_store_versions(struct db *db, struct arena *a, int64_t doc_id,
    struct agreement_version **out, size_t *n, struct err *e)
{
	struct db_stmt			*st;
	struct agreement_version	*v = NULL;
	size_t				 k = 0, cap = 0;
	int				 rc;

	st = db_prep(db, "SELECT id, no, stage, dated, note, created_at, "
	    "created_by FROM agreement_doc_version WHERE doc_id = $1 ORDER BY "
	    "no", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, doc_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		memset(&v[k], 0, sizeof(v[k]));
		v[k].id = db_col_i64(st, 0);
		v[k].no = (int)db_col_i64(st, 1);
		(void)approval_stage_parse(db_col_text(st, 2), &v[k].stage);
		v[k].dated = db_col_dup(st, 3, a);
		v[k].note = db_col_dup(st, 4, a);
		v[k].created_at = db_col_dup(st, 5, a);
		v[k].created_by = db_col_dup(st, 6, a);
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
approval_store_version_add(struct db *db, int64_t doc_id,
    const struct agreement_version *v, const char *who, const char *at,
    int *no, struct err *e)
{
	struct db_stmt	*st;
	int64_t		 got = 0;
	int		 rc;

	st = db_prep(db, "INSERT INTO agreement_doc_version (doc_id, no, "
	    "stage, dated, note, created_at, created_by) VALUES ($1, "
	    "(SELECT coalesce(max(no), 0) + 1 FROM agreement_doc_version "
	    "WHERE doc_id = $1), $2, $3, $4, $5, $6) RETURNING no", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, doc_id);
	db_bind_text(st, 2, approval_stage_name(v->stage));
	db_bind_text(st, 3, v->dated);
	db_bind_text(st, 4, v->note != NULL ? v->note : "");
	db_bind_text(st, 5, at);
	db_bind_text(st, 6, who);
	if ((rc = db_run_id(st, &got, e)) != 0)
		return rc;
	*no = (int)got;
	st = db_prep(db, "UPDATE agreement_doc SET updated_at = $2 WHERE "
	    "id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, doc_id);
	db_bind_text(st, 2, at);
	return db_run(st, e);
}

#define PARTY_COLS \
	"a.doc_id, a.party, coalesce(o.name, CASE a.party WHEN 'KKR' THEN " \
	"'KKR Nordjylland' ELSE 'Kontaktudvalget' END), o.code IS NOT NULL, " \
	"a.status, a.decided_on, a.reservation, a.updated_at, a.updated_by "

static void
party_read(struct db_stmt *st, struct arena *a, struct approval_row *r)
{
	memset(r, 0, sizeof(*r));
	r->doc_id = db_col_i64(st, 0);
	r->party = db_col_dup(st, 1, a);
	r->name = db_col_dup(st, 2, a);
	r->council = db_col_i64(st, 3) != 0;
	(void)approval_status_parse(db_col_text(st, 4), &r->status);
	r->decided_on = db_col_dup(st, 5, a);
	r->reservation = db_col_dup(st, 6, a);
	r->updated_at = db_col_dup(st, 7, a);
	r->updated_by = db_col_dup(st, 8, a);
}

static int
party_rows(struct db_stmt *st, struct arena *a, struct approval_row **out,
    size_t *n, struct err *e)
{
	struct approval_row	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		party_read(st, a, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
approval_store_parties(struct db *db, struct arena *a, int64_t doc_id,
    struct approval_row **out, size_t *n, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "SELECT " PARTY_COLS "FROM agreement_approval a "
	    "LEFT JOIN organisation o ON o.code = a.party WHERE a.doc_id = $1 "
	    "ORDER BY o.code IS NULL, o.kind = 'region', o.name, a.party", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, doc_id);
	return party_rows(st, a, out, n, e);
}

int
approval_store_party(struct db *db, struct arena *a, int64_t doc_id,
    const char *party, struct approval_row *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT " PARTY_COLS "FROM agreement_approval a "
	    "LEFT JOIN organisation o ON o.code = a.party WHERE a.doc_id = $1 "
	    "AND a.party = $2", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, doc_id);
	db_bind_text(st, 2, party);
	if ((rc = db_step_one(st, "Parten", e)) != 0)
		return rc == ERR_NOT_FOUND ? err_set(e, ERR_NOT_FOUND,
		    "unknown_party", "party", "%s skal ikke godkende "
		    "dokumentet", party) : rc;
	party_read(st, a, out);
	db_reset(st);
	return 0;
}

int
approval_store_party_set(struct db *db, const struct approval_row *r,
    const char *who, const char *at, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "UPDATE agreement_approval SET status = $3, "
	    "decided_on = $4, reservation = $5, updated_at = $6, updated_by = "
	    "$7 WHERE doc_id = $1 AND party = $2", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, r->doc_id);
	db_bind_text(st, 2, r->party);
	db_bind_text(st, 3, approval_status_name(r->status));
	db_bind_text(st, 4, r->decided_on != NULL ? r->decided_on : "");
	db_bind_text(st, 5, r->reservation != NULL ? r->reservation : "");
	db_bind_text(st, 6, at);
	db_bind_text(st, 7, who);
	return db_run_one(db, st, "Godkendelsen", e);
}

int
approval_store_pending(struct db *db, struct arena *a, const char *party,
    struct approval_row **out, size_t *n, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "SELECT " PARTY_COLS "FROM agreement_approval a "
	    "JOIN organisation o ON o.code = a.party JOIN agreement_doc d ON "
	    "d.id = a.doc_id WHERE a.status = 'afventer' AND ($1 IS NULL OR "
	    "a.party = $1) ORDER BY d.deadline, d.id, o.name", e);
	if (st == NULL)
		return ERR_DB;
	if (party != NULL)
		db_bind_text(st, 1, party);
	else
		db_bind_text(st, 1, NULL);
	return party_rows(st, a, out, n, e);
}

#define FILE_COLS \
	"f.id, f.doc_id, f.version_no, f.name, f.filename, b.media_type, " \
	"b.size, f.created_at "
#define FILE_FROM \
	"FROM agreement_doc_file f JOIN file_blob b ON b.hash = f.blob_hash "

static void
file_read(struct db_stmt *st, struct arena *a, struct agreement_file *f)
{
	memset(f, 0, sizeof(*f));
	f->id = db_col_i64(st, 0);
	f->doc_id = db_col_i64(st, 1);
	f->version_no = (int)db_col_i64(st, 2);
	f->name = db_col_dup(st, 3, a);
	f->filename = db_col_dup(st, 4, a);
	f->media_type = db_col_dup(st, 5, a);
	f->size = db_col_i64(st, 6);
	f->created_at = db_col_dup(st, 7, a);
}

int
approval_store_files(struct db *db, struct arena *a, int64_t doc_id,
    struct agreement_file **out, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct agreement_file	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	st = db_prep(db, "SELECT " FILE_COLS FILE_FROM "WHERE f.doc_id = $1 ORDER BY "
	    "f.id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, doc_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		file_read(st, a, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
approval_store_file_add(struct db *db, int64_t doc_id, const char *name,
    const char *filename, const char *hash, const char *who, const char *at,
    int64_t *id, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "INSERT INTO agreement_doc_file (doc_id, version_no, "
	    "name, filename, blob_hash, created_at, created_by) VALUES ($1, "
	    "(SELECT coalesce(max(no), 0) FROM agreement_doc_version WHERE "
	    "doc_id = $1), $2, $3, $4, $5, $6) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, doc_id);
	db_bind_text(st, 2, name);
	if (filename != NULL)
		db_bind_text(st, 3, filename);
	else
		db_bind_text(st, 3, NULL);
	db_bind_text(st, 4, hash);
	db_bind_text(st, 5, at);
	db_bind_text(st, 6, who);
	return db_run_id(st, id, e);
}

int
approval_store_file_get(struct db *db, struct arena *a, int64_t doc_id,
    int64_t id, struct agreement_file *out, const void **data, size_t *len,
    struct err *e)
{
	struct db_stmt	*st;
	const void	*p;
	char		*copy;
	int		 rc;

	st = db_prep(db, "SELECT " FILE_COLS ", b.data " FILE_FROM "WHERE f.doc_id = $1 "
	    "AND f.id = $2", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, doc_id);
	db_bind_i64(st, 2, id);
	if ((rc = db_step_one(st, "Bilaget", e)) != 0)
		return rc;
	file_read(st, a, out);
	p = db_col_blob(st, 8, len);
	copy = arena_alloc(a, *len + 1);
	if (*len > 0)
		memcpy(copy, p, *len);
	*data = copy;
	db_reset(st);
	return 0;
}
