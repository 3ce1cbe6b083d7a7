/*
 * meeting_attachment — attachments (bilag) of an item, stored once by
 * content hash with their text for search, and follow-ups that come
 * back on the body's next agendas until closed (see meeting.h).
 */
#include <jansson.h>
#include <sodium.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/role.h"
#include "report/doc_text.h"
#include "service/meeting.h"
#include "service/meeting_int.h"
#include "service/svc.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

/* The file name without directories and extension, as a default name. */
static const char *
name_from_file(struct svc *s, const char *filename)
{
	const char	*base, *dot;

	if (filename == NULL || *filename == '\0')
		return NULL;
	base = strrchr(filename, '/');
	base = base ? base + 1 : filename;
	if (strrchr(base, '\\') != NULL)
		base = strrchr(base, '\\') + 1;
	dot = strrchr(base, '.');
	return dot && dot > base ? arena_strndup(s->arena, base,
	    (size_t)(dot - base)) : arena_strdup(s->arena, base);
}

/*
 * Attach data[0..len) to an item under the content hash hex; the content
 * is also the file path open as fd, or fd is -1 and path NULL.
 */
static int
attachment_add(struct svc *s, int64_t item_id, const char *name,
    const char *filename, const void *data, size_t len, int fd,
    const char *path, const char *hex, bool closed, const char *doc_no,
    int64_t *id, struct err *e)
{
	struct meeting		 m;
	struct agenda_item	 it;
	struct attachment	 f;
	const char		*type, *text;
	int			 rc;

	if ((type = doc_text_type(data, len)) == NULL)
		return err_set(e, ERR_UNSUPPORTED, "unsupported_type", "file",
		    "Bilag skal være PDF, DOCX eller XLSX");
	if (name == NULL || *name == '\0')
		name = name_from_file(s, filename);
	if ((rc = mtg_check_text(name, ATTACHMENT_NAME_MAX, true, "name", "Bilagets navn", e)) != 0 ||
	    (rc = mtg_check_text(filename, ATTACHMENT_FILENAME_MAX, false, "filename", "Filnavnet", e))
	    != 0 ||
	    (rc = mtg_check_text(doc_no, MEETING_CASE_NO_MAX, false, "doc_no", "Dok.nr.", e)) != 0)
		return rc;
	/* Extract before taking the write lock: pdftotext takes time. */
	text = doc_text_extract_file(s->arena, type, path, data, len);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = meeting_store_item_get(s->db, s->arena, item_id, &it, e))
	    != 0 ||
	    (rc = meeting_store_get(s->db, s->arena, it.meeting_id, &m, e))
	    != 0 ||
	    (rc = mtg_check_open_meeting(&m, e)) != 0)
		goto fail;
	memset(&f, 0, sizeof(f));
	f.item_id = item_id;
	f.name = name;
	f.filename = filename;
	f.blob_hash = hex;
	f.doc_no = doc_no;
	f.closed = closed;
	if ((rc = (fd >= 0 ? meeting_store_blob_put_fd(s->db, hex, fd, len,
	    type, text, s->now_iso, e) : meeting_store_blob_put(s->db, hex,
	    data, len, type, text, s->now_iso, e))) != 0 ||
	    (rc = meeting_store_attachment_add(s->db, &f, s->now_iso, id, e))
	    != 0 ||
	    (rc = mtg_audit_json(s, "attachment", *id, "create", NULL,
	    json_pack("{s:I, s:s, s:s?, s:s, s:s, s:I, s:b, s:s?}", "item_id",
	    (json_int_t)item_id, "name", name, "filename", filename, "hash",
	    hex, "media_type", type, "size", (json_int_t)len, "closed", closed,
	    "doc_no", doc_no), e)) != 0)
		goto fail;
	return mtg_finish(s, m.id, e);
fail:
	db_rollback(s->db);
	return rc;
}

static int
too_large(struct err *e)
{
	return err_set(e, ERR_TOO_LARGE, "file_too_large", "file",
	    "Bilaget fylder for meget (højst %u MiB)",
	    MEETING_ATTACHMENT_MAX >> 20);
}

int
meeting_attachment_add(struct svc *s, int64_t item_id, const char *name,
    const char *filename, const void *data, size_t len, bool closed,
    const char *doc_no, int64_t *id, struct err *e)
{
	unsigned char		 hash[crypto_generichash_BYTES];
	char			 hex[crypto_generichash_BYTES * 2 + 1];

	if (s->who->role != ROLE_ADMIN)
		return mtg_forbidden(e);
	if (len == 0 || data == NULL)
		return err_set(e, ERR_INVALID, "missing_file", "file",
		    "Vælg en fil");
	if (len > MEETING_ATTACHMENT_MAX)
		return too_large(e);
	crypto_generichash(hash, sizeof(hash), data, len, NULL, 0);
	sodium_bin2hex(hex, sizeof(hex), hash, sizeof(hash));
	return attachment_add(s, item_id, name, filename, data, len, -1, NULL,
	    hex, closed, doc_no, id, e);
}

int
meeting_attachment_add_file(struct svc *s, int64_t item_id,
    const char *name, const struct meeting_file *f, bool closed,
    const char *doc_no, int64_t *id, struct err *e)
{
	struct stat	 st;
	void		*map;
	size_t		 i;
	int		 fd, rc;

	if (s->who->role != ROLE_ADMIN)
		return mtg_forbidden(e);
	if (f == NULL || f->path == NULL || f->size == 0)
		return err_set(e, ERR_INVALID, "missing_file", "file",
		    "Vælg en fil");
	if (f->size > MEETING_ATTACHMENT_MAX)
		return too_large(e);
	for (i = 0; f->hash != NULL && i < 64; i++)
		if (!((f->hash[i] >= '0' && f->hash[i] <= '9') ||
		    (f->hash[i] >= 'a' && f->hash[i] <= 'f')))
			break;
	if (f->hash == NULL || i != 64 || f->hash[64] != '\0')
		return err_set(e, ERR_INTERNAL, "invalid_hash", NULL,
		    "Intern fejl: filens kontrolsum mangler");
	if ((fd = open(f->path, O_RDONLY | O_CLOEXEC)) < 0)
		return err_set(e, ERR_IO, "read_failed", "file",
		    "Filen kunne ikke læses");
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (uint64_t)st.st_size != (uint64_t)f->size) {
		close(fd);
		return err_set(e, ERR_IO, "read_failed", "file",
		    "Filen kunne ikke læses");
	}
	/* Mapped, not read: only the pages the type check and the text
	   extraction look at are ever in memory. */
	if ((map = mmap(NULL, f->size, PROT_READ, MAP_PRIVATE, fd, 0)) ==
	    MAP_FAILED) {
		close(fd);
		return err_set(e, ERR_IO, "read_failed", "file",
		    "Filen kunne ikke læses");
	}
	rc = attachment_add(s, item_id, name, f->filename, map, f->size, fd,
	    f->path, f->hash, closed, doc_no, id, e);
	munmap(map, f->size);
	close(fd);
	return rc;
}

/*
 * In a write transaction: the attachment id and its meeting; *item_id
 * receives its item.
 */
static int
attachment_load(struct svc *s, int64_t id, struct attachment *f,
    struct meeting *m, int64_t *item_id, struct err *e)
{
	const void	*data;
	size_t		 len;
	int64_t		 meeting_id;
	bool		 item_closed;
	int		 rc;

	if ((rc = meeting_store_attachment_get(s->db, s->arena, id, f,
	    &meeting_id, &item_closed, &data, &len, e)) != 0 ||
	    (rc = meeting_store_get(s->db, s->arena, meeting_id, m, e)) != 0)
		return rc;
	*item_id = f->item_id;
	return 0;
}

int
meeting_attachment_set(struct svc *s, int64_t id, const char *name,
    bool closed, int64_t *item_id, struct err *e)
{
	struct attachment	 f;
	struct meeting		 m;
	int			 rc;

	if ((rc = mtg_check_text(name, ATTACHMENT_NAME_MAX, true, "name", "Bilagets navn", e)) != 0)
		return rc;
	if ((rc = mtg_begin_write(s, e)) != 0)
		return rc;
	if ((rc = attachment_load(s, id, &f, &m, item_id, e)) != 0)
		goto fail;
	if (m.state == MEETING_AFLYST) {
		rc = err_set(e, ERR_CONFLICT, "cancelled", NULL,
		    "Mødet er aflyst");
		goto fail;
	}
	if ((rc = meeting_store_attachment_set(s->db, id, name, closed,
	    s->now_iso, e)) != 0 ||
	    (rc = mtg_audit_json(s, "attachment", id, "update",
	    json_pack("{s:s, s:b}", "name", f.name, "closed", f.closed),
	    json_pack("{s:s, s:b}", "name", name, "closed", closed), e)) != 0)
		goto fail;
	return mtg_finish(s, m.id, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
meeting_attachment_delete(struct svc *s, int64_t id, int64_t *item_id,
    struct err *e)
{
	struct attachment	 f;
	struct meeting		 m;
	int			 rc;

	if ((rc = mtg_begin_write(s, e)) != 0)
		return rc;
	if ((rc = attachment_load(s, id, &f, &m, item_id, e)) != 0 ||
	    (rc = mtg_check_open_meeting(&m, e)) != 0 ||
	    (rc = meeting_store_attachment_delete(s->db, id, e)) != 0 ||
	    (rc = mtg_audit_json(s, "attachment", id, "delete",
	    json_pack("{s:I, s:s, s:s?, s:s?, s:b}", "item_id",
	    (json_int_t)f.item_id, "name", f.name, "filename", f.filename,
	    "hash", f.blob_hash, "closed", f.closed), NULL, e)) != 0)
		goto fail;
	return mtg_finish(s, m.id, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
meeting_follow_up_add(struct svc *s, int64_t item_id, const char *text,
    const char *owner, const char *due_on, int64_t *id, struct err *e)
{
	struct agenda_item	it;
	struct follow_up	f;
	int			rc;

	if ((rc = mtg_check_text(text, FOLLOWUP_TEXT_MAX, true, "text", "Opfølgningen", e))
	    != 0 ||
	    (rc = mtg_check_text(owner, FOLLOWUP_OWNER_MAX, false, "owner", "Ansvarlig", e)) != 0)
		return rc;
	if (due_on != NULL && !text_date_valid(due_on))
		return err_set(e, ERR_INVALID, "invalid_date", "due_on",
		    "Fristen skal være en dato (ÅÅÅÅ-MM-DD)");
	if ((rc = mtg_begin_write(s, e)) != 0)
		return rc;
	memset(&f, 0, sizeof(f));
	f.item_id = item_id;
	f.text = text;
	f.owner = owner;
	f.due_on = due_on;
	f.status = "aaben";
	if ((rc = meeting_store_item_get(s->db, s->arena, item_id, &it, e))
	    != 0 ||
	    (rc = meeting_store_follow_up_add(s->db, &f, s->now_iso, id, e))
	    != 0 ||
	    (rc = mtg_audit_json(s, "follow_up", *id, "create", NULL,
	    json_pack("{s:I, s:s, s:s?, s:s?}", "item_id", (json_int_t)item_id,
	    "text", text, "owner", owner, "due_on", due_on), e)) != 0)
		goto fail;
	return mtg_finish(s, it.meeting_id, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
meeting_follow_up_set(struct svc *s, int64_t id, const char *status,
    struct err *e)
{
	struct follow_up	old;
	int			rc;

	if (!follow_up_status_valid(status))
		return err_set(e, ERR_INVALID, "invalid_status", "status",
		    "Status skal være åben, i gang eller lukket");
	if ((rc = mtg_begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_follow_up_get(s->db, s->arena, id, &old, e))
	    != 0 ||
	    (rc = meeting_store_follow_up_set(s->db, id, status, s->now_iso, e))
	    != 0 ||
	    (rc = mtg_audit_json(s, "follow_up", id, "update", json_pack("{s:s}",
	    "status", old.status), json_pack("{s:s}", "status", status), e))
	    != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}
