/*
 * approval — the agreement's documents and their approvals (see
 * approval.h).
 */
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/decimal.h"
#include "core/approval.h"
#include "core/params.h"
#include "core/role.h"
#include "report/doc_text.h"
#include "service/agreement.h"
#include "service/approval.h"
#include "service/meeting.h"
#include "service/svc.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/meeting_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

static int
forbidden(struct err *e, const char *msg)
{
	return err_set(e, ERR_FORBIDDEN, "forbidden", NULL, "%s", msg);
}

/* j as compact JSON in the service's arena; j is released. */
static char *
json_text(struct svc *s, json_t *j)
{
	char *t, *out;

	t = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS | DECIMAL_JSON_FLAGS);
	json_decref(j);
	if (t == NULL)
		return NULL;
	out = arena_strdup(s->arena, t);
	free(t);
	return out;
}

static int
audit_doc(struct svc *s, int64_t id, const char *action, json_t *before,
    json_t *after, struct err *e)
{
	return audit_add(s->db, s->who, s->now_iso, "agreement_doc",
	    arena_printf(s->arena, "%lld", (long long)id), action,
	    before != NULL ? json_text(s, before) : NULL,
	    after != NULL ? json_text(s, after) : NULL, e);
}

static int
finish(struct svc *s, int rc, struct err *e)
{
	if (rc != 0) {
		db_rollback(s->db);
		return rc;
	}
	return db_commit(s->db, e);
}

int
approval_doc_list(struct svc *s, struct agreement_doc **out, size_t *n,
    struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = approval_store_docs(s->db, s->arena, out, n, e);
	db_rollback(s->db);
	return rc;
}

int
approval_doc_get(struct svc *s, int64_t id, struct agreement_doc_view *out,
    struct err *e)
{
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	if ((rc = approval_store_doc(s->db, s->arena, id, &out->doc, e)) == 0 &&
	    (rc = approval_store_versions(s->db, s->arena, id, &out->versions,
	    &out->nversions, e)) == 0 &&
	    (rc = approval_store_files(s->db, s->arena, id, &out->files,
	    &out->nfiles, e)) == 0)
		rc = approval_store_parties(s->db, s->arena, id, &out->parties,
		    &out->nparties, e);
	db_rollback(s->db);
	if (rc != 0)
		return rc;
	out->may_edit = s->who->role == ROLE_ADMIN;
	if (s->who->role == ROLE_AUTHORITY && s->who->org_code != NULL)
		out->own_party = s->who->org_code;
	return 0;
}

int
approval_doc_create(struct svc *s, enum approval_kind kind, int year,
    const char *title, const char *deadline, int64_t *id, struct err *e)
{
	struct agreement_params	 ap;
	struct agreement_doc	 d;
	char			 def[11];
	json_t			*j;
	int			 rc;

	if (s->who->role != ROLE_ADMIN)
		return forbidden(e, "Kun sekretariatet kan oprette "
		    "dokumenter");
	if ((unsigned)kind >= DOC_KIND_COUNT)
		return err_set(e, ERR_INVALID, "invalid_kind", "kind",
		    "Vælg dokumenttypen");
	if (year < APPROVAL_YEAR_MIN || year > APPROVAL_YEAR_MAX)
		return err_set(e, ERR_INVALID, "invalid_year", "year",
		    "Angiv et år mellem %d og %d", APPROVAL_YEAR_MIN,
		    APPROVAL_YEAR_MAX);
	memset(&d, 0, sizeof(d));
	d.kind = kind;
	d.year = year;
	d.title = title != NULL && *title != '\0' ? title :
	    arena_printf(s->arena, "%s %d", approval_kind_label(kind), year);
	if (strlen(d.title) > APPROVAL_TITLE_MAX || text_has_controls(d.title))
		return err_set(e, ERR_INVALID, "invalid_title", "title",
		    "Titlen må højst være %d tegn", APPROVAL_TITLE_MAX);
	/* The default: the parameter of the year the councils approve in. */
	if (agreement_params_get(s, year - 1, &ap, NULL) == 0)
		approval_deadline_of(year, (int)ap.approval_deadline_month,
		    def);
	else
		approval_deadline_default(year, def);
	d.deadline = deadline != NULL && *deadline != '\0' ? deadline : def;
	if (!text_date_valid(d.deadline))
		return err_set(e, ERR_INVALID, "invalid_date", "deadline",
		    "Angiv fristen som en gyldig dato");
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	rc = approval_store_doc_insert(s->db, &d, s->who->username,
	    s->now_iso, id, e);
	if (rc == 0) {
		j = json_pack("{s:s, s:i, s:s, s:s}", "kind",
		    approval_kind_name(kind), "year", year, "title", d.title,
		    "deadline", d.deadline);
		rc = audit_doc(s, *id, "create", NULL, j, e);
	}
	return finish(s, rc, e);
}

int
approval_version_add(struct svc *s, int64_t doc_id,
    enum approval_stage stage, const char *dated, const char *note, int *no,
    struct err *e)
{
	struct agreement_doc		d;
	struct agreement_version	v;
	json_t				*j;
	int				rc;

	if (s->who->role != ROLE_ADMIN)
		return forbidden(e, "Kun sekretariatet kan tilføje versioner");
	if ((unsigned)stage >= STAGE_COUNT)
		return err_set(e, ERR_INVALID, "invalid_stage", "stage",
		    "Vælg hvor dokumentet er behandlet");
	if (dated == NULL || !text_date_valid(dated))
		return err_set(e, ERR_INVALID, "invalid_date", "dated",
		    "Angiv versionens dato som en gyldig dato");
	if (note != NULL && (strlen(note) > APPROVAL_TEXT_MAX))
		return err_set(e, ERR_INVALID, "note_too_long", "note",
		    "Bemærkningen må højst være %d tegn", APPROVAL_TEXT_MAX);
	memset(&v, 0, sizeof(v));
	v.stage = stage;
	v.dated = dated;
	v.note = note;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = approval_store_doc(s->db, s->arena, doc_id, &d, e)) == 0 &&
	    (rc = approval_store_version_add(s->db, doc_id, &v,
	    s->who->username, s->now_iso, no, e)) == 0) {
		j = json_pack("{s:i, s:s, s:s, s:s}", "version", *no, "stage",
		    approval_stage_name(stage), "dated", dated, "note",
		    note != NULL ? note : "");
		rc = audit_doc(s, doc_id, "version", NULL, j, e);
	}
	return finish(s, rc, e);
}

static json_t *
party_json(const struct approval_row *r)
{
	return json_pack("{s:s, s:s, s:s, s:s}", "party", r->party, "status",
	    approval_status_name(r->status), "decided_on",
	    r->decided_on != NULL ? r->decided_on : "", "reservation",
	    r->reservation != NULL ? r->reservation : "");
}

int
approval_record(struct svc *s, int64_t doc_id, const char *party,
    enum approval_status status, const char *decided_on,
    const char *reservation, struct err *e)
{
	struct agreement_doc	d;
	struct approval_row	old, nw;
	int			rc;

	if (party == NULL || *party == '\0')
		return err_set(e, ERR_INVALID, "party_missing", "party",
		    "Vælg hvem beslutningen er fra");
	if (s->who->role != ROLE_ADMIN &&
	    !(s->who->role == ROLE_AUTHORITY && s->who->org_code != NULL &&
	    strcmp(s->who->org_code, party) == 0))
		return forbidden(e, "Du kan kun registrere din egen "
		    "kommunalbestyrelses beslutning");
	if ((rc = approval_decision_check(status, decided_on, reservation, e))
	    != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = approval_store_doc(s->db, s->arena, doc_id, &d, e)) != 0 ||
	    (rc = approval_store_party(s->db, s->arena, doc_id, party, &old,
	    e)) != 0)
		return finish(s, rc, e);
	nw = old;
	nw.status = status;
	nw.decided_on = decided_on != NULL ? decided_on : "";
	nw.reservation = reservation != NULL ? reservation : "";
	if ((rc = approval_store_party_set(s->db, &nw, s->who->username,
	    s->now_iso, e)) == 0)
		rc = audit_doc(s, doc_id, "approval", party_json(&old),
		    party_json(&nw), e);
	return finish(s, rc, e);
}

int
approval_pending(struct svc *s, const char *party,
    struct approval_row **out, size_t *n, struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = approval_store_pending(s->db, s->arena, party, out, n, e);
	db_rollback(s->db);
	return rc;
}

/* The base name of filename without its extension, for a shown name. */
static const char *
name_of_file(struct svc *s, const char *filename)
{
	const char	*b, *dot;

	if (filename == NULL || *filename == '\0')
		return "Bilag";
	b = strrchr(filename, '/');
	b = b != NULL ? b + 1 : filename;
	dot = strrchr(b, '.');
	return dot != NULL && dot > b ? arena_strndup(s->arena, b,
	    (size_t)(dot - b)) : arena_strdup(s->arena, b);
}

int
approval_file_add(struct svc *s, int64_t doc_id, const char *name,
    const struct meeting_file *f, int64_t *id, struct err *e)
{
	struct agreement_doc	 d;
	struct stat		 st;
	const char		*type;
	void			*map;
	int			 fd, rc;

	if (s->who->role != ROLE_ADMIN)
		return forbidden(e, "Kun sekretariatet kan tilføje bilag");
	if (f == NULL || f->path == NULL || f->size == 0 || f->hash == NULL ||
	    strlen(f->hash) != 64)
		return err_set(e, ERR_INVALID, "missing_file", "file",
		    "Vælg en fil");
	if (f->size > MEETING_ATTACHMENT_MAX)
		return err_set(e, ERR_TOO_LARGE, "file_too_large", "file",
		    "Bilaget fylder for meget (højst %u MiB)",
		    MEETING_ATTACHMENT_MAX >> 20);
	if (name == NULL || *name == '\0')
		name = name_of_file(s, f->filename);
	if (strlen(name) > APPROVAL_TITLE_MAX || text_has_controls(name))
		return err_set(e, ERR_INVALID, "invalid_name", "name",
		    "Bilagets navn må højst være %d tegn", APPROVAL_TITLE_MAX);
	if ((fd = open(f->path, O_RDONLY | O_CLOEXEC)) < 0)
		return err_set(e, ERR_IO, "read_failed", "file",
		    "Filen kunne ikke læses");
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (uint64_t)st.st_size != (uint64_t)f->size ||
	    (map = mmap(NULL, f->size, PROT_READ, MAP_PRIVATE, fd, 0)) ==
	    MAP_FAILED) {
		close(fd);
		return err_set(e, ERR_IO, "read_failed", "file",
		    "Filen kunne ikke læses");
	}
	type = doc_text_type(map, f->size);
	munmap(map, f->size);
	if (type == NULL) {
		close(fd);
		return err_set(e, ERR_UNSUPPORTED, "unsupported_type", "file",
		    "Bilag skal være PDF, DOCX eller XLSX");
	}
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0) {
		close(fd);
		return rc;
	}
	if ((rc = approval_store_doc(s->db, s->arena, doc_id, &d, e)) == 0 &&
	    (rc = meeting_store_blob_put_fd(s->db, f->hash, fd, f->size, type,
	    NULL, s->now_iso, e)) == 0 &&
	    (rc = approval_store_file_add(s->db, doc_id, name, f->filename,
	    f->hash, s->who->username, s->now_iso, id, e)) == 0)
		rc = audit_doc(s, doc_id, "file", NULL, json_pack(
		    "{s:I, s:s, s:s, s:s, s:I}", "file_id", (json_int_t)*id,
		    "name", name, "hash", f->hash, "media_type", type, "size",
		    (json_int_t)f->size), e);
	close(fd);
	return finish(s, rc, e);
}

int
approval_file_get(struct svc *s, int64_t doc_id, int64_t id,
    struct agreement_file *out, const void **data, size_t *len,
    struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = approval_store_file_get(s->db, s->arena, doc_id, id, out, data,
	    len, e);
	db_rollback(s->db);
	return rc;
}
