/*
 * meeting_import — minutes exported as text, DOCX or PDF made into a
 * meeting: parsed (core/minutes), its body found, the meeting created
 * with participants, items and attachment names, the text that could
 * not be placed kept; the incomplete meetings listed; the demo data
 * loaded (see meeting.h).
 */
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/minutes.h"
#include "core/role.h"
#include "report/doc_text.h"
#include "service/meeting.h"
#include "service/meeting_int.h"
#include "service/svc.h"
#include "store/body_store.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/embed.h"
#include "util/err.h"
#include "util/text.h"

/* The demo data compiled into the binary (scripts/embed.py). */
extern const struct embedded_file demo_data[];
extern const unsigned demo_data_count;

/* A copy of s cut to at most max characters (never inside one). */
static const char *
clip(struct svc *s, const char *text, size_t max)
{
	const unsigned char	*p;
	size_t			 chars = 0;

	if (text == NULL)
		return NULL;
	for (p = (const unsigned char *)text; *p != '\0'; p++)
		if ((*p & 0xc0) != 0x80 && ++chars > max)
			break;
	return arena_strndup(s->arena, text, (size_t)(p - (const unsigned
	    char *)text));
}

/* Does folded text s start with prefix? */
static bool
starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static const char *
folded(struct svc *s, const char *text)
{
	struct buf	 b;
	const char	*out;

	buf_init(&b);
	text_fold(&b, text ? text : "");
	out = arena_strdup(s->arena, buf_str(&b));
	buf_cleanup(&b);
	return out;
}

/* The standard kind an imported item's title names. */
static enum item_kind
kind_of_title(struct svc *s, const char *title)
{
	const char *f = folded(s, title);

	if (starts(f, "godkendelse af dagsorden"))
		return ITEM_DAGSORDEN;
	if (starts(f, "godkendelse af referat"))
		return ITEM_REFERAT;
	if (strcmp(f, "evt") == 0 || strcmp(f, "evt.") == 0 ||
	    starts(f, "eventuelt"))
		return ITEM_EVT;
	if (starts(f, "næste møde"))
		return ITEM_NAESTE_MOEDE;
	return ITEM_SAG;
}

/* The result a decision as written implies ("Godkendt", ...). */
static enum item_result
result_of_minutes(struct svc *s, const char *minutes)
{
	const char *f;

	if (minutes == NULL)
		return RESULT_NONE;
	f = folded(s, minutes);
	if (starts(f, "godkendt") || starts(f, "indstillingen blev godkendt") ||
	    starts(f, "indstillingen godkendt"))
		return RESULT_GODKENDT;
	if (strstr(f, "taget til efterretning") != NULL)
		return RESULT_EFTERRETNING;
	if (starts(f, "udsat") || starts(f, "punktet blev udsat"))
		return RESULT_UDSAT;
	return RESULT_NONE;
}

/* The body of an import: given, named by key, or by name. */
static int
import_body(struct svc *s, const struct minutes_doc *d, int64_t body_id,
    int64_t *out, struct err *e)
{
	struct body b;

	if (body_id > 0) {
		if (body_store_get(s->db, s->arena, body_id, &b, NULL) != 0)
			return err_set(e, ERR_INVALID, "unknown_body", "body",
			    "Organet findes ikke");
		*out = body_id;
		return 0;
	}
	if ((*out = body_store_find_key(s->db, d->body_key)) != 0)
		return 0;
	if ((*out = body_store_find_name(s->db, d->body)) != 0)
		return 0;
	if (d->body != NULL && text_utf8_len(d->body, strlen(d->body)) <= 200) {
		memset(&b, 0, sizeof(b));
		b.name = d->body;
		b.kind = "organ";
		return body_store_insert(s->db, &b, s->now_iso, out, e);
	}
	return err_set(e, ERR_INVALID, "unknown_body", "body",
	    "Mødeorganet står ikke i teksten; angiv organet");
}

/* A participant of the header; "X deltog i stedet for" names a substitute. */
static int
import_person(struct svc *s, int64_t meeting_id,
    const struct minutes_person *mp, const char *status, struct err *e)
{
	struct participant	 p;
	const char		*d;

	memset(&p, 0, sizeof(p));
	p.name = clip(s, mp->name, 200);
	p.organisation = clip(s, mp->organisation, 200);
	p.note = clip(s, mp->note, 500);
	p.status = status;
	if (mp->note != NULL && (d = strstr(mp->note, " deltog i sted")) != NULL
	    && d > mp->note) {
		p.substitute = arena_strndup(s->arena, mp->note,
		    (size_t)(d - mp->note));
		p.note = NULL;
	}
	return meeting_store_participant_add(s->db, meeting_id, &p, NULL, e);
}

/* The unplaced blocks as JSON text, or NULL. */
static const char *
unplaced_json(struct svc *s, const struct minutes_doc *d)
{
	json_t		*a;
	char		*txt;
	const char	*out;
	size_t		 i;

	if (d->nunplaced == 0)
		return NULL;
	a = json_array();
	for (i = 0; i < d->nunplaced; i++)
		json_array_append_new(a, json_pack("{s:i, s:s}", "line",
		    d->unplaced[i].line, "text", d->unplaced[i].text));
	txt = json_dumps(a, JSON_COMPACT | DECIMAL_JSON_FLAGS);
	json_decref(a);
	out = arena_strdup(s->arena, txt);
	free(txt);
	return out;
}

/* A time from the parser if it is one we store, else NULL. */
static const char *
valid_time(const char *t)
{
	return t != NULL && meeting_time_valid(t) ? t : NULL;
}

/*
 * When imported minutes count as approved: the end (else the start) of
 * their meeting as a UTC timestamp — the approval itself is not in the
 * file, and the time of the import is no date of the minutes. NULL when
 * the meeting's time could not be read.
 */
static const char *
imported_approval(struct svc *s, const struct meeting *m)
{
	const char	*local = m->ends_at != NULL ? m->ends_at : m->starts_at;
	char		*out;
	int		 y, mo, d, h = 0, mi = 0;
	int64_t		 t;

	if (local == NULL || sscanf(local, "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d,
	    &h, &mi) < 3)
		return NULL;
	t = text_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60;
	/* Local wall-clock time to UTC: the offset an hour before is the
	 * one in force except in the hour of a change. */
	t -= text_cph_offset(t - 3600);
	out = arena_alloc(s->arena, 21);
	text_timestamp(out, (long long)t);
	return out;
}

static int
import_tx(struct svc *s, const char *name, const struct minutes_doc *d,
    const char *fp, int64_t body_id, struct meeting_import_result *out,
    struct err *e)
{
	struct meeting		 m;
	struct body		 b;
	struct agenda_item	 it;
	struct attachment	 f;
	const struct minutes_item *mi;
	bool			 minutes = false;
	size_t			 i, k;
	int64_t			 iid;
	int			 rc;

	if ((out->id = meeting_store_find_fingerprint(s->db, fp)) != 0)
		return 0;
	memset(&m, 0, sizeof(m));
	if ((rc = import_body(s, d, body_id, &m.body_id, e)) != 0 ||
	    (rc = body_store_get(s->db, s->arena, m.body_id, &b, e)) != 0)
		return rc;
	for (i = 0; i < d->nitems; i++)
		if (d->items[i].minutes != NULL)
			minutes = true;
	m.title = d->title ? clip(s, d->title, MEETING_TITLE_MAX) :
	    arena_printf(s->arena, "Møde i %s", b.name);
	m.starts_at = valid_time(d->start);
	m.ends_at = valid_time(d->end);
	if (m.starts_at == NULL || (m.ends_at != NULL &&
	    strcmp(m.ends_at, m.starts_at) < 0))
		m.ends_at = NULL;
	m.place = clip(s, d->place, MEETING_PLACE_MAX);
	m.referent = clip(s, d->referent, MEETING_REFERENT_MAX);
	m.case_no = clip(s, d->case_no, MEETING_CASE_NO_MAX);
	m.doc_no = clip(s, d->doc_no, MEETING_CASE_NO_MAX);
	m.state = minutes ? MEETING_REFERAT_GODKENDT : MEETING_INDKALDT;
	m.agenda_published_at = s->now_iso;
	m.minutes_approved_at = NULL;
	if (minutes && (m.minutes_approved_at = imported_approval(s, &m)) ==
	    NULL)
		m.minutes_approved_at = s->now_iso;
	m.source_name = name;
	m.source_fingerprint = fp;
	m.unplaced = unplaced_json(s, d);
	m.start_unread = out->start_unread = m.starts_at == NULL;
	if ((rc = meeting_store_insert(s->db, &m, s->now_iso, &out->id, e))
	    != 0)
		return rc;
	for (i = 0; i < d->nparticipants; i++)
		if ((rc = import_person(s, out->id, &d->participants[i],
		    "deltager", e)) != 0)
			return rc;
	for (i = 0; i < d->napologies; i++)
		if ((rc = import_person(s, out->id, &d->apologies[i], "afbud",
		    e)) != 0)
			return rc;
	for (i = 0; i < d->nitems; i++) {
		mi = &d->items[i];
		memset(&it, 0, sizeof(it));
		it.meeting_id = out->id;
		it.number = mi->number > 0 ? mi->number : 0;
		it.pos = (int)i + 1;
		it.kind = kind_of_title(s, mi->title);
		it.section = mi->closed ? SECTION_LUKKET :
		    item_section_from_text(mi->section);
		it.section_text = mi->section;
		it.title = mi->title && *mi->title ? clip(s, mi->title, ITEM_TITLE_MAX) :
		    "(uden titel)";
		it.presenter = clip(s, mi->presenter, ITEM_PRESENTER_MAX);
		it.background = mi->background;
		it.recommendation = mi->recommendation;
		it.minutes = mi->minutes;
		it.minutes_draft = mi->minutes;
		it.result = result_of_minutes(s, mi->minutes);
		it.closed = mi->closed;
		if (it.kind == ITEM_REFERAT)
			it.prev_meeting = meeting_store_previous(s->db,
			    m.body_id, m.starts_at, out->id);
		if ((rc = meeting_store_item_insert(s->db, &it, s->now_iso,
		    &iid, e)) != 0)
			return rc;
		for (k = 0; k < mi->nattachments; k++) {
			memset(&f, 0, sizeof(f));
			f.item_id = iid;
			f.name = clip(s, mi->attachments[k], ATTACHMENT_NAME_MAX);
			f.closed = mi->closed;
			if ((rc = meeting_store_attachment_add(s->db, &f,
			    s->now_iso, NULL, e)) != 0)
				return rc;
		}
	}
	out->created = true;
	return mtg_audit_json(s, "meeting", out->id, "import", NULL,
	    json_pack("{s:s?, s:s, s:I, s:i, s:i}", "source_name", name,
	    "fingerprint", fp, "body_id", (json_int_t)m.body_id, "items",
	    (int)d->nitems, "unplaced", (int)d->nunplaced), e);
}

int
meeting_incomplete_list(struct svc *s, struct meeting_incomplete **out,
    size_t *n, struct err *e)
{
	*out = NULL;
	*n = 0;
	if (s->who->role != ROLE_ADMIN)
		return mtg_forbidden(e);
	return meeting_store_incomplete(s->db, s->arena, out, n, e);
}

int
meeting_import(struct svc *s, const char *name, const char *text, size_t len,
    int64_t body_id, struct meeting_import_result *out, struct err *e)
{
	struct minutes_doc	*d;
	char			 fp[17];
	int			 rc;

	memset(out, 0, sizeof(*out));
	if (s->who->role != ROLE_ADMIN)
		return mtg_forbidden(e);
	d = arena_alloc(s->arena, sizeof(*d));
	if ((rc = minutes_parse(s->arena, text, len, d, e)) != 0)
		return rc;
	snprintf(fp, sizeof(fp), "%016llx",
	    (unsigned long long)minutes_fingerprint(d));
	out->nitems = d->nitems;
	out->unplaced = d->unplaced;
	out->nunplaced = d->nunplaced;
	out->warnings = d->warnings;
	out->nwarnings = d->nwarnings;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = import_tx(s, name, d, arena_strdup(s->arena, fp), body_id,
	    out, e)) != 0) {
		db_rollback(s->db);
		return rc;
	}
	return mtg_finish(s, out->id, e);
}

int
meeting_import_doc(struct svc *s, const char *name, const char *data,
    size_t len, int64_t body_id, struct meeting_import_result *out,
    struct err *e)
{
	const char	*type = doc_text_type(data, len);
	char		*text;

	memset(out, 0, sizeof(*out));
	if (type == NULL)
		return meeting_import(s, name, data, len, body_id, out, e);
	if (s->who->role != ROLE_ADMIN)
		return mtg_forbidden(e);
	if (strcmp(type, DOC_TYPE_XLSX) == 0)
		return err_set(e, ERR_INVALID, "not_minutes", "file",
		    "Filen er et regneark, ikke et referat");
	if ((text = doc_text_extract(s->arena, type, data, len)) == NULL)
		return err_set(e, ERR_INVALID, "no_text", "file",
		    strcmp(type, DOC_TYPE_PDF) == 0 ? "Der er ingen tekst i "
		    "PDF-filen (den er måske scannet)" : "Der er ingen tekst i "
		    "Word-filen");
	return meeting_import(s, name, text, strlen(text), body_id, out, e);
}

int
meeting_load_demo(struct svc *s, int *n, struct err *e)
{
	struct meeting_import_result	res;
	unsigned			i;
	int				rc;

	*n = 0;
	for (i = 0; i < demo_data_count; i++) {
		if (strncmp(demo_data[i].name, "referat-", 8) != 0)
			continue;
		if ((rc = meeting_import(s, demo_data[i].name, demo_data[i].data,
		    demo_data[i].len, 0, &res, e)) != 0)
			return rc;
		if (res.created)
			(*n)++;
	}
	return 0;
}
