/*
 * meeting_attachment — the attachments of agenda items in the database
 * (the part of meeting_store.h that keeps them): their content stored
 * once by hash (file_blob), names, open or closed.
 */
#include <stdlib.h>
#include <string.h>

#include "core/meeting.h"
#include "store/db.h"
#include "store/meeting_store.h"
#include "store/meeting_store_impl.h"
#include "util/arena.h"
#include "util/err.h"

void
meeting_store_read_attachment(struct db_stmt *st, struct arena *a,
    struct attachment *f)
{
	memset(f, 0, sizeof(*f));
	f->id = db_col_i64(st, 0);
	f->item_id = db_col_i64(st, 1);
	f->pos = (int)db_col_i64(st, 2);
	f->name = db_col_dup(st, 3, a);
	f->filename = db_col_dup(st, 4, a);
	f->blob_hash = db_col_dup(st, 5, a);
	f->media_type = db_col_dup(st, 6, a);
	f->size = db_col_i64(st, 7);
	f->doc_no = db_col_dup(st, 8, a);
	f->closed = db_col_i64(st, 9) != 0;
}

int
meeting_store_blob_put(struct db *db, const char *hash, const void *data,
    size_t len, const char *media_type, const char *text, const char *at,
    struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "INSERT INTO file_blob (hash, size, media_type, data, "
	    "text, created_at) VALUES ($1, $2, $3, $4, $5, $6) "
	    "ON CONFLICT (hash) DO NOTHING", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, hash);
	db_bind_i64(st, 2, (int64_t)len);
	db_bind_text(st, 3, media_type);
	db_bind_blob(st, 4, data, len);
	db_bind_text(st, 5, text);
	db_bind_text(st, 6, at);
	return db_run(st, e);
}

int
meeting_store_blob_put_fd(struct db *db, const char *hash, int fd,
    size_t len, const char *media_type, const char *text, const char *at,
    struct err *e)
{
	struct db_stmt	*st;
	int64_t		 rowid = 0;
	int		 rc;

	/* The zeroblob ends the record, so SQLite does not make it. */
	st = db_prep(db, "INSERT INTO file_blob (hash, size, media_type, text, "
	    "created_at, data) VALUES ($1, $2, $3, $5, $6, $4) "
	    "ON CONFLICT (hash) DO NOTHING RETURNING rowid", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, hash);
	db_bind_i64(st, 2, (int64_t)len);
	db_bind_text(st, 3, media_type);
	db_bind_zeroblob(st, 4, len);
	db_bind_text(st, 5, text);
	db_bind_text(st, 6, at);
	if ((rc = db_run_id(st, &rowid, e)) != 0)
		return rc;
	if (rowid == 0)
		return 0;	/* stored already */
	return db_blob_fill(db, "file_blob", "data", rowid, fd, len, e);
}

int
meeting_store_attachment_add(struct db *db, const struct attachment *f,
    const char *at, int64_t *id, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "INSERT INTO attachment (item_id, pos, name, "
	    "filename, blob_hash, doc_no, closed, created_at, updated_at) "
	    "VALUES ($1, (SELECT COALESCE(MAX(pos), 0) + 1 FROM attachment "
	    "WHERE item_id = $1), $2, $3, $4, $5, $6, $7, $7) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, f->item_id);
	db_bind_text(st, 2, f->name);
	db_bind_text(st, 3, f->filename);
	db_bind_text(st, 4, f->blob_hash);
	db_bind_text(st, 5, f->doc_no);
	db_bind_i64(st, 6, f->closed);
	db_bind_text(st, 7, at);
	return db_run_id(st, id, e);
}

int
meeting_store_attachment_set(struct db *db, int64_t id, const char *name,
    bool closed, const char *at, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "UPDATE attachment SET name = $2, closed = $3, "
	    "updated_at = $4 WHERE id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	db_bind_text(st, 2, name);
	db_bind_i64(st, 3, closed);
	db_bind_text(st, 4, at);
	return db_run_one(db, st, "Bilaget", e);
}

int
meeting_store_attachment_delete(struct db *db, int64_t id, struct err *e)
{
	struct db_stmt	*st;

	st = db_prep(db, "DELETE FROM attachment WHERE id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	return db_run_one(db, st, "Bilaget", e);
}

int
meeting_store_attachment_get(struct db *db, struct arena *a, int64_t id,
    struct attachment *out, int64_t *meeting_id, bool *item_closed,
    const void **data, size_t *len, struct err *e)
{
	struct db_stmt	*st;
	const void	*p;
	int		 rc;

	st = db_prep(db, "SELECT " ATTACHMENT_COLS ", i.meeting_id, i.closed, "
	    "b.data FROM attachment f JOIN agenda_item i ON i.id = f.item_id "
	    "LEFT JOIN file_blob b ON b.hash = f.blob_hash WHERE f.id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		meeting_store_read_attachment(st, a, out);
		*meeting_id = db_col_i64(st, 10);
		*item_closed = db_col_i64(st, 11) != 0;
		*data = NULL;
		*len = 0;
		if (!db_col_null(st, 12)) {
			p = db_col_blob(st, 12, len);
			void *copy = arena_alloc(a, *len ? *len : 1);
			if (*len)
				memcpy(copy, p, *len);
			*data = copy;
		}
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	return rc == DB_ROW ? 0 : db_not_found(e, "Bilaget");
}
