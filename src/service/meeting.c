/*
 * meeting — meetings, agendas, minutes, attachments, follow-ups, import
 * and search (see meeting.h).
 *
 * Visibility is decided in one place (struct access, see_*() below) and
 * closed content is cut in SQL (the stores' include_closed), so a
 * public caller never holds it. The search index is rewritten from the
 * public projection inside every transaction that changes a meeting.
 */
#include <jansson.h>
#include <sodium.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/decimal.h"
#include "core/meeting.h"
#include "core/minutes.h"
#include "core/role.h"
#include "report/doc_text.h"
#include "report/meeting_view.h"
#include "service/mail_events.h"
#include "service/meeting.h"
#include "service/svc.h"
#include "store/audit.h"
#include "store/body_store.h"
#include "store/db.h"
#include "store/meeting_store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/embed.h"
#include "util/err.h"
#include "util/text.h"

/* The demo data compiled into the binary (scripts/embed.py). */
extern const struct embedded_file demo_data[];
extern const unsigned demo_data_count;

#define MINUTES_TEXT_MAX	100000	/* characters of an item's text field */
#define SEARCH_MAX_WORDS	20
/*
 * The last word is a prefix when it has at least this many characters.
 * The index has prefix indexes for 2, 3 and 4 characters (migration
 * 007); a single letter would merge the doclists of every term that
 * starts with it, so it is searched as a whole word.
 */
#define SEARCH_PREFIX_MIN	2

/* What the acting user may see of one body's meetings. */
struct access {
	bool	admin;		/* the secretariat */
	bool	member;		/* a current member of the body */
};

static const struct access public_access = { false, false };

/* ---- helpers ------------------------------------------------------- */

static const char *
today(struct svc *s)
{
	return arena_strndup(s->arena, s->now_iso, 10);
}

static void
access_of(struct svc *s, int64_t body_id, struct access *ac)
{
	ac->admin = s->who->role == ROLE_ADMIN;
	ac->member = !ac->admin && s->who->user_id > 0 &&
	    body_store_user_is_member(s->db, s->who->user_id, body_id,
	    today(s));
}

static bool
see_meeting(const struct access *ac, const struct meeting *m)
{
	return ac->admin || ac->member || meeting_state_public(m->state);
}

static bool
see_closed(const struct access *ac)
{
	return ac->admin || ac->member;
}

/* May the minutes text (and results) of m be shown? */
static bool
see_minutes(const struct access *ac, const struct meeting *m)
{
	return m->state == MEETING_REFERAT_GODKENDT || ac->admin ||
	    (ac->member && m->minutes_circulated_at != NULL &&
	    m->state == MEETING_REFERAT_UDKAST);
}

static int
forbidden(struct err *e)
{
	return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
	    "Kun sekretariatet kan ændre møder");
}

static int
meeting_not_found(struct err *e)
{
	return err_set(e, ERR_NOT_FOUND, "not_found", NULL,
	    "Mødet findes ikke");
}

/* Text of at most max characters; single-line texts without controls. */
static int
check_text(const char *s, size_t max, bool required, const char *field,
    const char *label, struct err *e)
{
	if (s == NULL || *s == '\0') {
		if (required)
			return err_set(e, ERR_INVALID, "missing_field", field,
			    "%s skal udfyldes", label);
		return 0;
	}
	if (!text_utf8_valid(s, strlen(s)))
		return err_set(e, ERR_INVALID, "invalid_utf8", field,
		    "%s er ikke gyldig tekst (UTF-8)", label);
	if (text_utf8_len(s, strlen(s)) > max)
		return err_set(e, ERR_INVALID, "too_long", field,
		    "%s må højst være %zu tegn", label, max);
	if (max <= 1000 && (strchr(s, '\n') != NULL || text_has_controls(s)))
		return err_set(e, ERR_INVALID, "invalid_characters", field,
		    "%s skal stå på én linje uden kontroltegn", label);
	if (max > 1000 && text_has_controls(s))
		return err_set(e, ERR_INVALID, "invalid_characters", field,
		    "%s indeholder ugyldige tegn", label);
	return 0;
}

static const char *
id_text(struct svc *s, int64_t id)
{
	return arena_printf(s->arena, "%lld", (long long)id);
}

/* Audit one change; before/after are stolen (either may be NULL). */
static int
audit_json(struct svc *s, const char *entity, int64_t id, const char *action,
    json_t *before, json_t *after, struct err *e)
{
	char	*b = NULL, *a = NULL;
	int	 rc;

	if (before != NULL)
		b = json_dumps(before, JSON_COMPACT |
		    JSON_SORT_KEYS | DECIMAL_JSON_FLAGS);
	if (after != NULL)
		a = json_dumps(after, JSON_COMPACT |
		    JSON_SORT_KEYS | DECIMAL_JSON_FLAGS);
	json_decref(before);
	json_decref(after);
	rc = audit_add(s->db, s->who, s->now_iso, entity, id_text(s, id),
	    action, b, a, e);
	free(b);
	free(a);
	return rc;
}

static json_t *
meeting_json_audit(const struct meeting *m)
{
	return json_pack("{s:I, s:s, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, "
	    "s:s}", "body_id", (json_int_t)m->body_id, "title", m->title,
	    "starts_at", m->starts_at, "ends_at", m->ends_at, "place", m->place,
	    "room", m->room, "referent", m->referent, "case_no", m->case_no,
	    "doc_no", m->doc_no, "state", meeting_state_name(m->state));
}

static json_t *
item_json_audit(const struct agenda_item *it)
{
	return json_pack("{s:i, s:s, s:s, s:s, s:s?, s:s?, s:s?, s:b, s:I, "
	    "s:s?}", "number", it->number, "kind", item_kind_name(it->kind),
	    "section", item_section_name(it->section), "title", it->title,
	    "presenter", it->presenter, "background", it->background,
	    "recommendation", it->recommendation, "closed", it->closed,
	    "earlier_item", (json_int_t)it->earlier_item, "earlier_text",
	    it->earlier_text);
}

static json_t *
minutes_json_audit(const struct agenda_item *it)
{
	return json_pack("{s:s?, s:s?}", "minutes", it->minutes, "result",
	    item_result_name(it->result));
}

static int
begin_write(struct svc *s, struct err *e)
{
	if (s->who->role != ROLE_ADMIN)
		return forbidden(e);
	return db_begin(s->db, DB_WRITE, e);
}

/* Commit after rewriting the search rows of meeting_id. */
static int
finish(struct svc *s, int64_t meeting_id, struct err *e)
{
	int rc;

	if ((rc = meeting_store_fts_sync(s->db, meeting_id, e)) != 0) {
		db_rollback(s->db);
		return rc;
	}
	return db_commit(s->db, e);
}

/* "6. oktober 2011" of a meeting time, in the arena. */
static const char *
date_da(struct svc *s, const char *when)
{
	struct buf	 b;
	char		 d[11];
	const char	*out;

	if (when == NULL)
		return "";
	snprintf(d, sizeof(d), "%.10s", when);
	buf_init(&b);
	text_format_date_da(&b, d);
	out = arena_strdup(s->arena, buf_str(&b));
	buf_cleanup(&b);
	return out;
}

/* ---- reading ------------------------------------------------------- */

int
meeting_list(struct svc *s, struct meeting_filter *f, struct meeting **out,
    size_t *n, struct err *e)
{
	struct meeting	*v;
	size_t		 i, k = 0;
	int		 rc;
	bool		 admin = s->who->role == ROLE_ADMIN;

	if (!admin)
		f->public_only = false;	/* members see planned ones: below */
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = meeting_store_list(s->db, s->arena, f, &v, n, e);
	if (rc == 0 && !admin) {
		/* Planned meetings only for members of their body. */
		for (i = 0; i < *n; i++) {
			struct access ac;
			if (meeting_state_public(v[i].state)) {
				v[k++] = v[i];
				continue;
			}
			access_of(s, v[i].body_id, &ac);
			if (see_meeting(&ac, &v[i]))
				v[k++] = v[i];
		}
		*n = k;
	}
	db_rollback(s->db);
	if (rc == 0)
		*out = v;
	return rc;
}

int
meeting_years(struct svc *s, int **out, size_t *n, struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = meeting_store_years(s->db, s->arena, s->who->role != ROLE_ADMIN,
	    out, n, e);
	db_rollback(s->db);
	return rc;
}

/* The meeting if the user may see it (inside a transaction). */
static int
get_visible(struct svc *s, int64_t id, struct meeting *m, struct access *ac,
    struct err *e)
{
	int rc;

	if ((rc = meeting_store_get(s->db, s->arena, id, m, e)) != 0)
		return rc;
	access_of(s, m->body_id, ac);
	if (!see_meeting(ac, m))
		return meeting_not_found(e);
	return 0;
}

int
meeting_get(struct svc *s, int64_t id, struct meeting *out, struct err *e)
{
	struct access	ac;
	int		rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = get_visible(s, id, out, &ac, e);
	db_rollback(s->db);
	return rc;
}

/* The earlier body's recommendation of it, as shown inline; or NULL. */
static const char *
earlier_of(struct svc *s, const struct access *ac,
    const struct agenda_item *it)
{
	struct agenda_item	 prev;
	struct meeting		 pm;
	struct body		 b;
	const char		*who;

	if (it->earlier_item > 0) {
		if (meeting_store_item_get(s->db, s->arena, it->earlier_item,
		    &prev, NULL) != 0 || meeting_store_get(s->db, s->arena,
		    prev.meeting_id, &pm, NULL) != 0)
			return NULL;
		/* A closed or unpublished earlier item is shown to nobody
		 * but the secretariat. */
		if (!ac->admin && (prev.closed ||
		    !meeting_state_public(pm.state)))
			return NULL;
		if (prev.recommendation == NULL)
			return NULL;
		return arena_printf(s->arena, "%s, %s (punkt %d): %s",
		    pm.body_name, date_da(s, pm.starts_at), prev.number,
		    prev.recommendation);
	}
	if (it->earlier_text == NULL)
		return NULL;
	who = it->earlier_body > 0 && body_store_get(s->db, s->arena,
	    it->earlier_body, &b, NULL) == 0 ? b.name : NULL;
	return who ? arena_printf(s->arena, "%s: %s", who, it->earlier_text) :
	    it->earlier_text;
}

/* Fill out for the access ac (inside a read transaction). */
static int
load_tx(struct svc *s, int64_t id, const struct access *given,
    struct meeting_page *out, struct err *e)
{
	struct access		 ac;
	struct agenda_item	 ap;
	size_t			 i;
	int64_t			 pid;
	int			 rc;

	memset(out, 0, sizeof(*out));
	if ((rc = get_visible(s, id, &out->m, &ac, e)) != 0)
		return rc;
	if (given != NULL) {
		ac = *given;
		if (!see_meeting(&ac, &out->m))
			return meeting_not_found(e);
	}
	out->may_edit = ac.admin;
	out->member = ac.member;
	out->show_minutes = see_minutes(&ac, &out->m);
	out->minutes_draft = out->show_minutes &&
	    out->m.state != MEETING_REFERAT_GODKENDT;
	if ((rc = meeting_store_participants(s->db, s->arena, id, &out->people,
	    &out->npeople, e)) != 0 ||
	    (rc = meeting_store_items(s->db, s->arena, id, see_closed(&ac),
	    &out->items, &out->nitems, e)) != 0)
		return rc;
	out->earlier = arena_calloc(s->arena, out->nitems + 1,
	    sizeof(*out->earlier));
	for (i = 0; i < out->nitems; i++) {
		out->earlier[i] = earlier_of(s, &ac, &out->items[i]);
		if (!out->show_minutes) {
			out->items[i].minutes = NULL;
			out->items[i].result = RESULT_NONE;
		}
		if (!ac.admin)
			out->items[i].minutes_draft = NULL;
	}
	if (out->show_minutes && (rc = meeting_store_follow_ups(s->db,
	    s->arena, id, see_closed(&ac), &out->follow_ups,
	    &out->nfollow_ups, e)) != 0)
		return rc;
	if ((rc = meeting_store_follow_ups_open(s->db, s->arena,
	    out->m.body_id, out->m.starts_at, id, !see_closed(&ac),
	    &out->open, &out->nopen, e)) != 0)
		return rc;
	out->prev_meeting = meeting_store_previous(s->db, out->m.body_id,
	    out->m.starts_at, id);
	if (out->m.approved_by_item > 0 && meeting_store_item_get(s->db,
	    s->arena, out->m.approved_by_item, &ap, NULL) == 0)
		out->next_meeting = ap.meeting_id;
	out->signoffs = meeting_store_signoff_count(s->db, id);
	out->voting_members = body_store_voting_members(s->db, out->m.body_id,
	    today(s));
	pid = body_store_person_of_user(s->db, s->who->user_id);
	out->signed_off = pid > 0 && meeting_store_signed_off(s->db, id, pid);
	if (ac.admin) {
		if ((rc = meeting_store_signoffs(s->db, s->arena, id,
		    out->m.body_id, today(s), &out->signers, &out->nsigners,
		    e)) != 0)
			return rc;
		for (i = 0; i < out->nsigners; i++)
			if (out->signers[i].voting)
				out->voting_signoffs++;
	}
	return 0;
}

int
meeting_load(struct svc *s, int64_t id, struct meeting_page *out,
    struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = load_tx(s, id, NULL, out, e);
	db_rollback(s->db);
	return rc;
}

int
meeting_item_get(struct svc *s, int64_t item_id, struct agenda_item *out,
    struct meeting *m, struct err *e)
{
	struct access	ac;
	size_t		i, k = 0;
	int		rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	if ((rc = meeting_store_item_get(s->db, s->arena, item_id, out, e))
	    == 0 && (rc = get_visible(s, out->meeting_id, m, &ac, e)) == 0) {
		if (out->closed && !see_closed(&ac))
			rc = err_set(e, ERR_NOT_FOUND, "not_found", NULL,
			    "Punktet findes ikke");
		if (!see_closed(&ac)) {
			for (i = 0; i < out->nfiles; i++)
				if (!out->files[i].closed)
					out->files[k++] = out->files[i];
			out->nfiles = k;
		}
		if (!see_minutes(&ac, m)) {
			out->minutes = NULL;
			out->result = RESULT_NONE;
		}
		if (!ac.admin)
			out->minutes_draft = NULL;
	}
	db_rollback(s->db);
	return rc;
}

int
meeting_item_history(struct svc *s, int64_t item_id, struct audit_entry **out,
    int *n, struct err *e)
{
	int rc;

	if (s->who->role != ROLE_ADMIN)
		return forbidden(e);
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = audit_list(s->db, s->arena, "agenda_item", id_text(s, item_id),
	    200, out, n, e);
	db_rollback(s->db);
	return rc;
}

int
meeting_minutes_diff(struct svc *s, int64_t meeting_id,
    struct item_diff **out, size_t *n, struct err *e)
{
	struct meeting_page	 p;
	struct agenda_item	*raw;
	struct item_diff	*v;
	size_t			 i, j, nraw;
	int			 rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	if ((rc = load_tx(s, meeting_id, NULL, &p, e)) != 0)
		goto done;
	if (!p.show_minutes) {
		rc = err_set(e, ERR_NOT_FOUND, "not_found", NULL,
		    "Referatet er ikke offentliggjort endnu");
		goto done;
	}
	/* The drafts, which load_tx keeps from all but the secretariat. */
	if ((rc = meeting_store_items(s->db, s->arena, meeting_id,
	    p.may_edit || p.member, &raw, &nraw, e)) != 0)
		goto done;
	v = arena_calloc(s->arena, p.nitems + 1, sizeof(*v));
	for (i = 0; i < p.nitems; i++) {
		const char *draft = NULL;
		for (j = 0; j < nraw; j++)
			if (raw[j].id == p.items[i].id)
				draft = raw[j].minutes_draft;
		if (p.m.minutes_circulated_at == NULL)
			draft = p.items[i].minutes;
		v[i].number = p.items[i].number;
		v[i].title = p.items[i].title;
		meeting_diff_lines(s->arena, draft, p.items[i].minutes,
		    &v[i].lines, &v[i].nlines);
		for (j = 0; j < v[i].nlines; j++)
			if (v[i].lines[j].op != ' ')
				v[i].changed = true;
	}
	*out = v;
	*n = p.nitems;
done:
	db_rollback(s->db);
	return rc;
}

int
meeting_attachment_get(struct svc *s, int64_t id, struct attachment *out,
    const void **data, size_t *len, struct err *e)
{
	struct meeting	m;
	struct access	ac;
	int64_t		mid;
	bool		item_closed;
	int		rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = meeting_store_attachment_get(s->db, s->arena, id, out, &mid,
	    &item_closed, data, len, e);
	if (rc == 0)
		rc = get_visible(s, mid, &m, &ac, e);
	if (rc == 0 && (((out->closed || item_closed) && !see_closed(&ac)) ||
	    *data == NULL))
		rc = err_set(e, ERR_NOT_FOUND, "not_found", NULL,
		    "Bilaget findes ikke");
	db_rollback(s->db);
	return rc;
}

/*
 * The user's words as an FTS5 query: every word quoted (so no operator
 * can be smuggled in), all required, the last one a prefix if it has
 * SEARCH_PREFIX_MIN characters or more.
 */
static const char *
fts_query(struct svc *s, const char *q)
{
	struct buf	 b;
	const char	*p = q, *start, *out;
	size_t		 last = 0;
	int		 words = 0;

	buf_init(&b);
	while (*p != '\0' && words < SEARCH_MAX_WORDS) {
		while (*p != '\0' && (unsigned char)*p < 0x80 &&
		    !((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z')))
			p++;
		start = p;
		while (*p != '\0' && ((unsigned char)*p >= 0x80 ||
		    (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z')))
			p++;
		if (p == start)
			continue;
		if (words++ > 0)
			buf_putc(&b, ' ');
		buf_putc(&b, '"');
		buf_append(&b, start, (size_t)(p - start));
		buf_putc(&b, '"');
		last = text_utf8_len(start, (size_t)(p - start));
	}
	if (words == 0) {
		buf_cleanup(&b);
		return NULL;
	}
	if (last >= SEARCH_PREFIX_MIN)
		buf_putc(&b, '*');
	out = arena_strdup(s->arena, buf_str(&b));
	buf_cleanup(&b);
	return out;
}

int
meeting_search(struct svc *s, const char *q, struct search_filter *f,
    struct search_hit **out, size_t *n, int64_t *total, struct err *e)
{
	enum item_section	sec;
	enum item_result	res;
	int			rc;

	*n = 0;
	*total = 0;
	if (f->section != NULL && item_section_parse(f->section, &sec) != 0)
		return err_set(e, ERR_INVALID, "invalid_section", "section",
		    "Ukendt afsnit: %.40s", f->section);
	if (f->result != NULL && (item_result_parse(f->result, &res) != 0 ||
	    res == RESULT_NONE))
		return err_set(e, ERR_INVALID, "invalid_result", "result",
		    "Ukendt beslutning: %.40s", f->result);
	if (q == NULL || !text_utf8_valid(q, strlen(q)) ||
	    text_utf8_len(q, strlen(q)) > SEARCH_QUERY_MAX)
		return err_set(e, ERR_INVALID, "invalid_query", "q",
		    "Søgningen skal være højst %d tegn", SEARCH_QUERY_MAX);
	if ((f->match = fts_query(s, q)) == NULL)
		return err_set(e, ERR_INVALID, "missing_query", "q",
		    "Skriv et eller flere ord at søge efter");
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = meeting_store_search(s->db, s->arena, f, out, n, total, e);
	db_rollback(s->db);
	return rc;
}

/* ---- the view ------------------------------------------------------ */

int
meeting_view_get(struct svc *s, int64_t id, bool include_closed,
    struct meeting_view *out, struct err *e)
{
	struct meeting_page	 p;
	struct meeting_view_item *vi;
	struct access		 ac;
	struct meeting		 m;
	size_t			 i, j;
	int			 rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	if ((rc = meeting_store_get(s->db, s->arena, id, &m, e)) != 0)
		goto done;
	access_of(s, m.body_id, &ac);
	if (include_closed && !see_closed(&ac)) {
		rc = err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet og organets medlemmer kan se lukkede "
		    "punkter");
		goto done;
	}
	if ((rc = load_tx(s, id, include_closed ? &ac : &public_access, &p,
	    e)) != 0)
		goto done;
	out->id = p.m.id;
	out->uid = arena_printf(s->arena, "meeting-%lld@ramme",
	    (long long)p.m.id);
	out->body_name = p.m.body_name;
	out->body_key = p.m.body_key;
	out->title = p.m.title;
	out->start = p.m.starts_at;
	out->end = p.m.ends_at;
	out->place = p.m.place;
	out->room = p.m.room;
	out->state = meeting_state_name(p.m.state);
	out->cancelled = p.m.state == MEETING_AFLYST;
	out->npeople = p.npeople;
	out->people = arena_calloc(s->arena, p.npeople + 1,
	    sizeof(*out->people));
	for (i = 0; i < p.npeople; i++) {
		out->people[i].name = p.people[i].name;
		out->people[i].organisation = p.people[i].organisation;
		out->people[i].status = p.people[i].status;
		out->people[i].substitute = p.people[i].substitute;
		out->people[i].note = p.people[i].note;
	}
	out->referent = p.m.referent;
	out->case_no = p.m.case_no;
	out->doc_no = p.m.doc_no;
	out->nitems = p.nitems;
	out->items = arena_calloc(s->arena, p.nitems + 1, sizeof(*out->items));
	for (i = 0; i < p.nitems; i++) {
		const struct agenda_item *it = &p.items[i];
		vi = &out->items[i];
		vi->id = it->id;
		vi->number = it->number;
		vi->section = it->section_text ? it->section_text :
		    item_section_label(it->section);
		vi->title = it->title;
		vi->presenter = it->presenter;
		vi->background = it->background;
		vi->recommendation = it->recommendation;
		vi->earlier = p.earlier[i];
		vi->minutes = it->minutes;
		vi->result = item_result_label(it->result);
		vi->closed = it->closed;
		vi->kind = item_kind_name(it->kind);
		vi->nfiles = it->nfiles;
		vi->files = arena_calloc(s->arena, it->nfiles + 1,
		    sizeof(*vi->files));
		for (j = 0; j < it->nfiles; j++) {
			const struct attachment *f = &it->files[j];
			vi->files[j].id = f->id;
			vi->files[j].name = f->name;
			vi->files[j].media_type = f->media_type;
			vi->files[j].size = f->size;
			vi->files[j].url = f->blob_hash ? arena_printf(s->arena,
			    "/bilag/%lld", (long long)f->id) : NULL;
			vi->files[j].closed = f->closed;
			vi->files[j].doc_no = f->doc_no;
		}
	}
	out->created_at = p.m.created_at;
	out->updated_at = p.m.updated_at;
	out->minutes_approved_at = p.m.state == MEETING_REFERAT_GODKENDT ?
	    p.m.minutes_approved_at : NULL;
	out->url = arena_printf(s->arena, "/moeder/%lld", (long long)p.m.id);
done:
	db_rollback(s->db);
	return rc;
}

static json_t *
str_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

json_t *
meeting_view_json(const struct meeting_view *v)
{
	json_t	*j, *part, *apol, *abs, *items, *o, *files;
	size_t	 i, k;

	part = json_array();
	apol = json_array();
	abs = json_array();
	for (i = 0; i < v->npeople; i++) {
		const struct meeting_view_person *p = &v->people[i];
		o = json_object();
		json_object_set_new(o, "name", str_or_null(p->name));
		json_object_set_new(o, "organisation",
		    str_or_null(p->organisation));
		if (p->status != NULL && strcmp(p->status, "afbud") == 0) {
			json_object_set_new(o, "substitute",
			    str_or_null(p->substitute));
			json_array_append_new(apol, o);
		} else if (p->status != NULL &&
		    strcmp(p->status, "fravaerende") == 0)
			json_array_append_new(abs, o);
		else {
			json_object_set_new(o, "substitute",
			    str_or_null(p->substitute));
			json_array_append_new(part, o);
		}
	}
	items = json_array();
	for (i = 0; i < v->nitems; i++) {
		const struct meeting_view_item *it = &v->items[i];
		files = json_array();
		for (k = 0; k < it->nfiles; k++) {
			const struct meeting_view_file *f = &it->files[k];
			json_array_append_new(files, json_pack("{s:o, s:o, "
			    "s:I, s:o, s:b}", "name", str_or_null(f->name),
			    "media_type", str_or_null(f->media_type), "size",
			    (json_int_t)f->size, "url", str_or_null(f->url),
			    "closed", f->closed));
		}
		o = json_object();
		json_object_set_new(o, "number", it->number > 0 ?
		    json_integer(it->number) : json_null());
		json_object_set_new(o, "title", str_or_null(it->title));
		json_object_set_new(o, "section", str_or_null(it->section));
		json_object_set_new(o, "presenter", str_or_null(it->presenter));
		json_object_set_new(o, "background",
		    str_or_null(it->background));
		json_object_set_new(o, "recommendation",
		    str_or_null(it->recommendation));
		json_object_set_new(o, "earlier", str_or_null(it->earlier));
		json_object_set_new(o, "minutes", str_or_null(it->minutes));
		json_object_set_new(o, "result", str_or_null(it->result));
		json_object_set_new(o, "closed", json_boolean(it->closed));
		json_object_set_new(o, "attachments", files);
		json_array_append_new(items, o);
	}
	j = json_object();
	json_object_set_new(j, "id", json_integer(v->id));
	json_object_set_new(j, "title", str_or_null(v->title));
	json_object_set_new(j, "body", str_or_null(v->body_name));
	json_object_set_new(j, "body_key", str_or_null(v->body_key));
	json_object_set_new(j, "state", str_or_null(v->state));
	json_object_set_new(j, "start", str_or_null(v->start));
	json_object_set_new(j, "end", str_or_null(v->end));
	json_object_set_new(j, "place", str_or_null(v->place));
	json_object_set_new(j, "room", str_or_null(v->room));
	json_object_set_new(j, "participants", part);
	json_object_set_new(j, "apologies", apol);
	json_object_set_new(j, "absent", abs);
	json_object_set_new(j, "referent", str_or_null(v->referent));
	json_object_set_new(j, "case_no", str_or_null(v->case_no));
	json_object_set_new(j, "doc_no", str_or_null(v->doc_no));
	json_object_set_new(j, "minutes_approved_at",
	    str_or_null(v->minutes_approved_at));
	json_object_set_new(j, "items", items);
	return j;
}

/* ---- meetings ------------------------------------------------------ */

static int
input_validate(struct svc *s, const struct meeting_input *in, struct body *b,
    struct err *e)
{
	int rc;

	if ((rc = body_store_get(s->db, s->arena, in->body_id, b, NULL)) != 0)
		return err_set(e, ERR_INVALID, "unknown_body", "body_id",
		    "Vælg et organ");
	if ((rc = check_text(in->title, MEETING_TITLE_MAX, false, "title", "Titlen", e)) != 0 ||
	    (rc = check_text(in->place, MEETING_PLACE_MAX, false, "place", "Stedet", e))
	    != 0 ||
	    (rc = check_text(in->room, MEETING_ROOM_MAX, false, "room", "Lokalet", e)) != 0 ||
	    (rc = check_text(in->referent, MEETING_REFERENT_MAX, false, "referent",
	    "Referenten", e)) != 0 ||
	    (rc = check_text(in->case_no, MEETING_CASE_NO_MAX, false, "case_no", "Sagsnr.", e))
	    != 0 ||
	    (rc = check_text(in->doc_no, MEETING_CASE_NO_MAX, false, "doc_no", "Dok.nr.", e))
	    != 0)
		return rc;
	if (!meeting_time_valid(in->starts_at))
		return err_set(e, ERR_INVALID, "invalid_time", "starts_at",
		    "Tidspunktet skal være en dato og evt. et klokkeslæt "
		    "(ÅÅÅÅ-MM-DDTTT:MM)");
	if (in->ends_at != NULL && !meeting_time_valid(in->ends_at))
		return err_set(e, ERR_INVALID, "invalid_time", "ends_at",
		    "Sluttidspunktet skal være en dato og evt. et klokkeslæt "
		    "(ÅÅÅÅ-MM-DDTTT:MM)");
	if (in->ends_at != NULL && strcmp(in->ends_at, in->starts_at) < 0)
		return err_set(e, ERR_INVALID, "invalid_period", "ends_at",
		    "Mødet kan ikke slutte, før det begynder");
	return 0;
}

/* Insert a standard item of a new meeting. */
static int
standard_item(struct svc *s, int64_t meeting_id, enum item_kind kind,
    enum item_section sec, int pos, const char *title, int64_t prev,
    struct err *e)
{
	struct agenda_item it;

	memset(&it, 0, sizeof(it));
	it.meeting_id = meeting_id;
	it.kind = kind;
	it.section = sec;
	it.pos = pos;
	it.title = title;
	it.prev_meeting = prev;
	return meeting_store_item_insert(s->db, &it, s->now_iso, NULL, e);
}

/*
 * Add the body's current voting members and substitutes to a meeting
 * without participants (inside a write transaction); *added counts them.
 */
static int
prefill_tx(struct svc *s, const struct meeting *m, size_t *added,
    struct err *e)
{
	struct participant	*have, p;
	struct membership	*mm;
	size_t			 nhave, nm, i;
	const char		*day;
	int64_t			 pid;
	int			 rc;

	*added = 0;
	if ((rc = meeting_store_participants(s->db, s->arena, m->id, &have,
	    &nhave, e)) != 0)
		return rc;
	if (nhave > 0)
		return 0;
	day = m->starts_at != NULL ? arena_strndup(s->arena, m->starts_at, 10) :
	    today(s);
	if ((rc = body_store_members(s->db, s->arena, m->body_id, 0, day, &mm,
	    &nm, e)) != 0)
		return rc;
	for (i = 0; i < nm; i++) {
		bool sub = strcmp(mm[i].role, "stedfortraeder") == 0;
		if (!sub && !mm[i].voting)
			continue;
		memset(&p, 0, sizeof(p));
		p.person_id = mm[i].person_id;
		p.name = mm[i].person_name;
		p.organisation = mm[i].on_behalf_name ? mm[i].on_behalf_name :
		    mm[i].person_org;
		p.status = "deltager";
		if (sub)
			p.note = mm[i].substitute_for_name ? arena_printf(
			    s->arena, "stedfortræder for %s",
			    mm[i].substitute_for_name) : "stedfortræder";
		else if (strcmp(mm[i].role, "medlem") != 0)
			p.note = membership_role_label(mm[i].role);
		if ((rc = meeting_store_participant_add(s->db, m->id, &p, &pid,
		    e)) != 0)
			return rc;
		(*added)++;
	}
	if (*added > 0)
		return audit_json(s, "meeting", m->id, "participants_prefill",
		    NULL, json_pack("{s:I}", "participants",
		    (json_int_t)*added), e);
	return 0;
}

int
meeting_participants_prefill(struct svc *s, int64_t meeting_id,
    size_t *added, struct err *e)
{
	struct meeting	m;
	int		rc;

	*added = 0;
	if ((rc = begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_get(s->db, s->arena, meeting_id, &m, e)) != 0)
		goto fail;
	if (m.state == MEETING_AFLYST || m.state == MEETING_REFERAT_GODKENDT) {
		rc = err_set(e, ERR_CONFLICT, "meeting_closed", NULL,
		    "Deltagerne kan ikke ændres på et aflyst møde eller efter "
		    "godkendt referat");
		goto fail;
	}
	if ((rc = prefill_tx(s, &m, added, e)) != 0)
		goto fail;
	return finish(s, meeting_id, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
meeting_earlier_items(struct svc *s, int64_t meeting_id,
    struct item_ref **out, size_t *n, struct err *e)
{
	struct meeting	 m;
	const char	*before, *since;
	int		 rc;

	*out = NULL;
	*n = 0;
	if (s->who->role != ROLE_ADMIN)
		return forbidden(e);
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	if ((rc = meeting_store_get(s->db, s->arena, meeting_id, &m, e)) == 0) {
		before = m.starts_at != NULL ? m.starts_at : s->now_iso;
		since = arena_printf(s->arena, "%04d%s", atoi(before) - 1,
		    before + 4);
		rc = meeting_store_items_between(s->db, s->arena, meeting_id,
		    since, before, MEETING_EARLIER_MAX, out, n, e);
	}
	db_rollback(s->db);
	return rc;
}

int
meeting_create(struct svc *s, const struct meeting_input *in, int64_t *id,
    struct err *e)
{
	struct meeting	 m, pm;
	struct body	 b;
	int64_t		 prev;
	size_t		 added;
	int		 rc;

	if ((rc = begin_write(s, e)) != 0)
		return rc;
	if ((rc = input_validate(s, in, &b, e)) != 0)
		goto fail;
	memset(&m, 0, sizeof(m));
	m.body_id = in->body_id;
	m.title = in->title && *in->title ? in->title :
	    arena_printf(s->arena, "Møde i %s", b.name);
	m.starts_at = in->starts_at;
	m.ends_at = in->ends_at;
	m.place = in->place;
	m.room = in->room;
	m.referent = in->referent;
	m.case_no = in->case_no;
	m.doc_no = in->doc_no;
	m.state = MEETING_PLANLAGT;
	if ((rc = meeting_store_insert(s->db, &m, s->now_iso, id, e)) != 0)
		goto fail;
	prev = meeting_store_previous(s->db, m.body_id, m.starts_at, *id);
	if ((rc = standard_item(s, *id, ITEM_DAGSORDEN, SECTION_INDLEDNING, 1,
	    "Godkendelse af dagsorden", 0, e)) != 0)
		goto fail;
	if (prev > 0) {
		if ((rc = meeting_store_get(s->db, s->arena, prev, &pm, e)) != 0 ||
		    (rc = standard_item(s, *id, ITEM_REFERAT,
		    SECTION_INDLEDNING, 2, arena_printf(s->arena,
		    "Godkendelse af referat fra mødet den %s",
		    date_da(s, pm.starts_at)), prev, e)) != 0)
			goto fail;
	}
	if ((rc = standard_item(s, *id, ITEM_EVT, SECTION_AFSLUTNING, 1, "Evt.",
	    0, e)) != 0 ||
	    (rc = standard_item(s, *id, ITEM_NAESTE_MOEDE, SECTION_AFSLUTNING,
	    2, "Næste møde", 0, e)) != 0 ||
	    (rc = meeting_store_renumber(s->db, *id, e)) != 0)
		goto fail;
	if ((rc = audit_json(s, "meeting", *id, "create", NULL,
	    meeting_json_audit(&m), e)) != 0)
		goto fail;
	m.id = *id;
	if ((rc = prefill_tx(s, &m, &added, e)) != 0)
		goto fail;
	return finish(s, *id, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
meeting_update(struct svc *s, int64_t id, const struct meeting_input *in,
    struct err *e)
{
	struct meeting	 old, m;
	struct body	 b;
	int		 rc;

	if ((rc = begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_get(s->db, s->arena, id, &old, e)) != 0 ||
	    (rc = input_validate(s, in, &b, e)) != 0)
		goto fail;
	m = old;
	m.body_id = in->body_id;
	m.title = in->title && *in->title ? in->title : old.title;
	m.starts_at = in->starts_at;
	m.ends_at = in->ends_at;
	m.place = in->place;
	m.room = in->room;
	m.referent = in->referent;
	m.case_no = in->case_no;
	m.doc_no = in->doc_no;
	if ((rc = meeting_store_update(s->db, &m, s->now_iso, e)) != 0 ||
	    (rc = audit_json(s, "meeting", id, "update",
	    meeting_json_audit(&old), meeting_json_audit(&m), e)) != 0)
		goto fail;
	return finish(s, id, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
meeting_set_state(struct svc *s, int64_t id, enum meeting_state to,
    struct err *e)
{
	struct meeting	m;
	int		rc;

	if ((rc = begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_get(s->db, s->arena, id, &m, e)) != 0)
		goto fail;
	if (!meeting_state_change_ok(m.state, to)) {
		rc = err_set(e, ERR_CONFLICT, "invalid_transition", "state",
		    to == MEETING_REFERAT_GODKENDT ? "Referatet godkendes på "
		    "næste møde (punktet Godkendelse af referat) eller ved "
		    "tidlig godkendelse" : "Mødet kan ikke gå fra %s til %s",
		    meeting_state_label(m.state), meeting_state_label(to));
		goto fail;
	}
	if ((rc = audit_json(s, "meeting", id, "state", json_pack("{s:s}",
	    "state", meeting_state_name(m.state)), json_pack("{s:s}", "state",
	    meeting_state_name(to)), e)) != 0)
		goto fail;
	m.state = to;
	if (to == MEETING_INDKALDT && m.agenda_published_at == NULL) {
		m.agenda_published_at = s->now_iso;
		if ((rc = mail_agenda_published(s, &m, e)) != 0)
			goto fail;
	}
	if ((rc = meeting_store_set_state(s->db, &m, s->now_iso, e)) != 0)
		goto fail;
	return finish(s, id, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
meeting_participant_add(struct svc *s, int64_t meeting_id,
    const struct participant *p, struct err *e)
{
	struct meeting	m;
	int64_t		pid;
	int		rc;

	if ((rc = check_text(p->name, 200, true, "name", "Navnet", e)) != 0 ||
	    (rc = check_text(p->organisation, 200, false, "organisation",
	    "Organisationen", e)) != 0 ||
	    (rc = check_text(p->note, 500, false, "note", "Bemærkningen", e))
	    != 0 ||
	    (rc = check_text(p->substitute, 200, false, "substitute",
	    "Stedfortræderen", e)) != 0)
		return rc;
	if (!participant_status_valid(p->status))
		return err_set(e, ERR_INVALID, "invalid_status", "status",
		    "Status skal være deltager, afbud eller fraværende");
	if ((rc = begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_get(s->db, s->arena, meeting_id, &m, e)) != 0 ||
	    (rc = meeting_store_participant_add(s->db, meeting_id, p, &pid, e))
	    != 0 ||
	    (rc = audit_json(s, "participant", pid, "create", NULL,
	    json_pack("{s:I, s:s, s:s?, s:s, s:s?}", "meeting_id",
	    (json_int_t)meeting_id, "name", p->name, "organisation",
	    p->organisation, "status", p->status, "substitute",
	    p->substitute), e)) != 0)
		goto fail;
	return finish(s, meeting_id, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
meeting_participant_set(struct svc *s, int64_t meeting_id,
    int64_t participant_id, const char *status, const char *substitute,
    struct err *e)
{
	int rc;

	if (!participant_status_valid(status))
		return err_set(e, ERR_INVALID, "invalid_status", "status",
		    "Status skal være deltager, afbud eller fraværende");
	if ((rc = check_text(substitute, 200, false, "substitute",
	    "Stedfortræderen", e)) != 0)
		return rc;
	if ((rc = begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_participant_set(s->db, meeting_id,
	    participant_id, status, substitute, e)) != 0 ||
	    (rc = audit_json(s, "participant", participant_id, "update", NULL,
	    json_pack("{s:s, s:s?}", "status", status, "substitute",
	    substitute), e)) != 0)
		goto fail;
	return finish(s, meeting_id, e);
fail:
	db_rollback(s->db);
	return rc;
}

/* Items may change until the minutes are approved or it is cancelled. */
static int
check_open_meeting(const struct meeting *m, struct err *e)
{
	if (m->state == MEETING_REFERAT_GODKENDT)
		return err_set(e, ERR_CONFLICT, "minutes_frozen", NULL,
		    "Referatet er godkendt; mødet kan ikke ændres");
	if (m->state == MEETING_AFLYST)
		return err_set(e, ERR_CONFLICT, "cancelled", NULL,
		    "Mødet er aflyst");
	return 0;
}

static int
item_validate(struct svc *s, const struct item_input *in, int64_t meeting_id,
    struct err *e)
{
	struct agenda_item	prev;
	struct body		b;
	int			rc;

	if ((unsigned)in->section >= SECTION_COUNT)
		return err_set(e, ERR_INVALID, "invalid_section", "section",
		    "Ukendt afsnit");
	if ((rc = check_text(in->title, ITEM_TITLE_MAX, true, "title", "Titlen", e))
	    != 0 ||
	    (rc = check_text(in->presenter, ITEM_PRESENTER_MAX, false, "presenter",
	    "Initialerne", e)) != 0 ||
	    (rc = check_text(in->background, MINUTES_TEXT_MAX, false,
	    "background", "Sagsfremstillingen", e)) != 0 ||
	    (rc = check_text(in->recommendation, MINUTES_TEXT_MAX, false,
	    "recommendation", "Indstillingen", e)) != 0 ||
	    (rc = check_text(in->earlier_text, MINUTES_TEXT_MAX, false,
	    "earlier_text", "Den tidligere indstilling", e)) != 0)
		return rc;
	if (in->earlier_item != 0 && (meeting_store_item_get(s->db, s->arena,
	    in->earlier_item, &prev, NULL) != 0 ||
	    prev.meeting_id == meeting_id))
		return err_set(e, ERR_INVALID, "unknown_item", "earlier_item",
		    "Det tidligere punkt skal være et punkt fra et andet møde");
	if (in->earlier_body != 0 && body_store_get(s->db, s->arena,
	    in->earlier_body, &b, NULL) != 0)
		return err_set(e, ERR_INVALID, "unknown_body", "earlier_body",
		    "Det tidligere organ findes ikke");
	return 0;
}

/* Number the items of m after a change (imported meetings keep theirs). */
static int
renumber(struct svc *s, const struct meeting *m, struct err *e)
{
	if (m->source_fingerprint != NULL)
		return 0;
	return meeting_store_renumber(s->db, m->id, e);
}

/* The number after the last, for imported meetings. */
static int
last_number(struct svc *s, int64_t meeting_id)
{
	struct agenda_item	*v;
	size_t			 n, i;
	int			 max = 0;

	if (meeting_store_items(s->db, s->arena, meeting_id, true, &v, &n,
	    NULL) != 0)
		return 0;
	for (i = 0; i < n; i++)
		if (v[i].number > max)
			max = v[i].number;
	return max;
}

int
meeting_item_add(struct svc *s, int64_t meeting_id,
    const struct item_input *in, int64_t *id, struct err *e)
{
	struct meeting		m;
	struct agenda_item	it;
	int			rc;

	if ((rc = begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_get(s->db, s->arena, meeting_id, &m, e)) != 0 ||
	    (rc = check_open_meeting(&m, e)) != 0 ||
	    (rc = item_validate(s, in, meeting_id, e)) != 0)
		goto fail;
	memset(&it, 0, sizeof(it));
	it.meeting_id = meeting_id;
	it.kind = ITEM_SAG;
	it.section = in->section;
	it.pos = meeting_store_item_next_pos(s->db, meeting_id, in->section);
	it.number = m.source_fingerprint ? last_number(s, meeting_id) + 1 : 0;
	it.title = in->title;
	it.presenter = in->presenter;
	it.background = in->background;
	it.recommendation = in->recommendation;
	it.closed = in->closed || in->section == SECTION_LUKKET;
	it.earlier_item = in->earlier_item;
	it.earlier_body = in->earlier_body;
	it.earlier_text = in->earlier_text;
	if ((rc = meeting_store_item_insert(s->db, &it, s->now_iso, id, e))
	    != 0 || (rc = renumber(s, &m, e)) != 0 ||
	    (rc = meeting_store_item_get(s->db, s->arena, *id, &it, e)) != 0 ||
	    (rc = audit_json(s, "agenda_item", *id, "create", NULL,
	    item_json_audit(&it), e)) != 0)
		goto fail;
	return finish(s, meeting_id, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
meeting_item_update(struct svc *s, int64_t item_id,
    const struct item_input *in, struct err *e)
{
	struct meeting		m;
	struct agenda_item	old, it;
	int			rc;

	if ((rc = begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_item_get(s->db, s->arena, item_id, &old, e))
	    != 0 ||
	    (rc = meeting_store_get(s->db, s->arena, old.meeting_id, &m, e))
	    != 0 ||
	    (rc = check_open_meeting(&m, e)) != 0 ||
	    (rc = item_validate(s, in, m.id, e)) != 0)
		goto fail;
	it = old;
	if (in->section != old.section)
		it.pos = meeting_store_item_next_pos(s->db, m.id, in->section);
	it.section = in->section;
	it.title = in->title;
	it.presenter = in->presenter;
	it.background = in->background;
	it.recommendation = in->recommendation;
	it.closed = in->closed || in->section == SECTION_LUKKET;
	it.earlier_item = in->earlier_item;
	it.earlier_body = in->earlier_body;
	it.earlier_text = in->earlier_text;
	if ((rc = meeting_store_item_update(s->db, &it, s->now_iso, e)) != 0 ||
	    (rc = renumber(s, &m, e)) != 0 ||
	    (rc = meeting_store_item_get(s->db, s->arena, item_id, &it, e))
	    != 0 ||
	    (rc = audit_json(s, "agenda_item", item_id, "update",
	    item_json_audit(&old), item_json_audit(&it), e)) != 0)
		goto fail;
	return finish(s, m.id, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
meeting_item_delete(struct svc *s, int64_t item_id, int64_t *meeting_id,
    struct err *e)
{
	struct meeting		m;
	struct agenda_item	it;
	int			rc;

	if ((rc = begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_item_get(s->db, s->arena, item_id, &it, e))
	    != 0 ||
	    (rc = meeting_store_get(s->db, s->arena, it.meeting_id, &m, e))
	    != 0 ||
	    (rc = check_open_meeting(&m, e)) != 0)
		goto fail;
	*meeting_id = m.id;
	if (it.minutes != NULL || it.result != RESULT_NONE) {
		rc = err_set(e, ERR_CONFLICT, "item_has_minutes", NULL,
		    "Punktet har referat eller beslutning og kan ikke slettes");
		goto fail;
	}
	if ((rc = meeting_store_item_delete(s->db, item_id, e)) != 0 ||
	    (rc = renumber(s, &m, e)) != 0 ||
	    (rc = audit_json(s, "agenda_item", item_id, "delete",
	    item_json_audit(&it), NULL, e)) != 0)
		goto fail;
	return finish(s, m.id, e);
fail:
	db_rollback(s->db);
	return rc;
}

/* Order of items within a section: pos, then id (as the numbering). */
static bool
item_before(const struct agenda_item *a, const struct agenda_item *b)
{
	return a->pos < b->pos || (a->pos == b->pos && a->id < b->id);
}

int
meeting_item_move(struct svc *s, int64_t item_id, int delta, struct err *e)
{
	struct meeting		 m;
	struct agenda_item	 it, *v, *other = NULL;
	size_t			 n, i;
	int			 rc;

	if (delta != -1 && delta != 1)
		return err_set(e, ERR_INVALID, "invalid_direction", "direction",
		    "Et punkt flyttes én plads op eller ned");
	if ((rc = begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_item_get(s->db, s->arena, item_id, &it, e))
	    != 0 ||
	    (rc = meeting_store_get(s->db, s->arena, it.meeting_id, &m, e))
	    != 0 ||
	    (rc = check_open_meeting(&m, e)) != 0 ||
	    (rc = meeting_store_items(s->db, s->arena, m.id, true, &v, &n, e))
	    != 0)
		goto fail;
	/* The nearest item of the same section in the direction asked. */
	for (i = 0; i < n; i++) {
		if (v[i].id == it.id || v[i].section != it.section)
			continue;
		if (delta < 0 ? item_before(&v[i], &it) &&
		    (other == NULL || item_before(other, &v[i])) :
		    item_before(&it, &v[i]) &&
		    (other == NULL || item_before(&v[i], other)))
			other = &v[i];
	}
	if (other == NULL) {
		rc = err_set(e, ERR_CONFLICT, "cannot_move", "direction",
		    delta < 0 ? "Punktet er allerede det første i sit afsnit" :
		    "Punktet er allerede det sidste i sit afsnit");
		goto fail;
	}
	if (other->pos == it.pos) {
		/* Equal positions (ordered by id): make the swap tell. */
		if (delta < 0)
			it.pos = other->pos + 1;
		else
			other->pos = it.pos + 1;
	}
	if ((rc = meeting_store_item_swap(s->db, &it, other, s->now_iso, e))
	    != 0 ||
	    (rc = renumber(s, &m, e)) != 0 ||
	    (rc = audit_json(s, "agenda_item", item_id, "move",
	    json_pack("{s:I, s:i}", "pos", (json_int_t)it.pos, "number",
	    it.number), json_pack("{s:I, s:i}", "pos", (json_int_t)other->pos,
	    "number", other->number), e)) != 0)
		goto fail;
	return finish(s, m.id, e);
fail:
	db_rollback(s->db);
	return rc;
}

/* Write minutes and result of it (audited), inside the transaction. */
static int
write_minutes(struct svc *s, struct agenda_item *it, const char *minutes,
    enum item_result result, struct err *e)
{
	json_t	*before = minutes_json_audit(it);
	int	 rc;

	it->minutes = minutes && *minutes ? minutes : NULL;
	it->result = result;
	if ((rc = meeting_store_item_set_minutes(s->db, it, s->now_iso, e))
	    != 0) {
		json_decref(before);
		return rc;
	}
	return audit_json(s, "agenda_item", it->id, "minutes", before,
	    minutes_json_audit(it), e);
}

int
meeting_item_minutes(struct svc *s, int64_t item_id, const char *minutes,
    enum item_result result, struct err *e)
{
	struct meeting		m;
	struct agenda_item	it;
	int			rc;

	if ((unsigned)result >= RESULT_COUNT)
		return err_set(e, ERR_INVALID, "invalid_result", "result",
		    "Ukendt beslutning");
	if ((rc = check_text(minutes, MINUTES_TEXT_MAX, false, "minutes",
	    "Referatet", e)) != 0)
		return rc;
	if ((rc = begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_item_get(s->db, s->arena, item_id, &it, e))
	    != 0 ||
	    (rc = meeting_store_get(s->db, s->arena, it.meeting_id, &m, e))
	    != 0)
		goto fail;
	if (m.state == MEETING_REFERAT_GODKENDT) {
		rc = err_set(e, ERR_CONFLICT, "minutes_frozen", "minutes",
		    "Referatet er godkendt og kan ikke ændres");
		goto fail;
	}
	if (m.state != MEETING_AFHOLDT && m.state != MEETING_REFERAT_UDKAST) {
		rc = err_set(e, ERR_CONFLICT, "not_held", "minutes",
		    "Referatet kan først skrives, når mødet er afholdt");
		goto fail;
	}
	if ((rc = write_minutes(s, &it, minutes, result, e)) != 0)
		goto fail;
	if (m.state == MEETING_AFHOLDT) {
		m.state = MEETING_REFERAT_UDKAST;
		if ((rc = meeting_store_set_state(s->db, &m, s->now_iso, e))
		    != 0 ||
		    (rc = audit_json(s, "meeting", m.id, "state",
		    json_pack("{s:s}", "state", "afholdt"), json_pack("{s:s}",
		    "state", "referat_udkast"), e)) != 0)
			goto fail;
	}
	return finish(s, m.id, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
meeting_minutes_circulate(struct svc *s, int64_t meeting_id, struct err *e)
{
	struct meeting	m;
	int		rc;

	if ((rc = begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_get(s->db, s->arena, meeting_id, &m, e)) != 0)
		goto fail;
	if (m.state != MEETING_REFERAT_UDKAST) {
		rc = err_set(e, ERR_CONFLICT, "no_draft", NULL,
		    "Der er intet udkast til referat at udsende");
		goto fail;
	}
	m.minutes_circulated_at = s->now_iso;
	if ((rc = meeting_store_snapshot_minutes(s->db, meeting_id, e)) != 0 ||
	    (rc = meeting_store_set_state(s->db, &m, s->now_iso, e)) != 0 ||
	    (rc = audit_json(s, "meeting", meeting_id, "circulate", NULL,
	    json_pack("{s:s}", "minutes_circulated_at", s->now_iso), e)) != 0 ||
	    (rc = mail_minutes_circulated(s, &m, e)) != 0)
		goto fail;
	return finish(s, meeting_id, e);
fail:
	db_rollback(s->db);
	return rc;
}

/* Freeze and publish the minutes of m (inside the transaction). */
static int
approve_tx(struct svc *s, struct meeting *m, int64_t by_item, bool early,
    const char *note, struct err *e)
{
	int rc;

	if (m->minutes_circulated_at == NULL) {
		/* Never circulated: the draft is what is approved. */
		if ((rc = meeting_store_snapshot_minutes(s->db, m->id, e)) != 0)
			return rc;
	}
	m->state = MEETING_REFERAT_GODKENDT;
	m->minutes_approved_at = s->now_iso;
	m->approved_by_item = by_item;
	m->approved_early = early;
	m->approval_note = note;
	if ((rc = meeting_store_set_state(s->db, m, s->now_iso, e)) != 0)
		return rc;
	if ((rc = audit_json(s, "meeting", m->id, "approve", json_pack("{s:s}",
	    "state", "referat_udkast"), json_pack("{s:s, s:I, s:b, s:s?}",
	    "state", "referat_godkendt", "approved_by_item",
	    (json_int_t)by_item, "early", early, "note", note), e)) != 0)
		return rc;
	return meeting_store_fts_sync(s->db, m->id, e);
}

int
meeting_item_approve(struct svc *s, int64_t item_id, struct err *e)
{
	struct meeting		m, prev;
	struct agenda_item	it;
	int			rc;

	if ((rc = begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_item_get(s->db, s->arena, item_id, &it, e))
	    != 0 ||
	    (rc = meeting_store_get(s->db, s->arena, it.meeting_id, &m, e))
	    != 0)
		goto fail;
	if (it.kind != ITEM_REFERAT || it.prev_meeting <= 0) {
		rc = err_set(e, ERR_CONFLICT, "not_minutes_item", NULL,
		    "Punktet godkender ikke et tidligere referat");
		goto fail;
	}
	if (m.state != MEETING_INDKALDT && m.state != MEETING_AFHOLDT &&
	    m.state != MEETING_REFERAT_UDKAST) {
		rc = err_set(e, ERR_CONFLICT, "not_convened", NULL,
		    "Referatet godkendes på mødet; mødet skal være indkaldt "
		    "eller afholdt");
		goto fail;
	}
	if ((rc = meeting_store_get(s->db, s->arena, it.prev_meeting, &prev, e))
	    != 0)
		goto fail;
	if (prev.state == MEETING_REFERAT_UDKAST) {
		if ((rc = approve_tx(s, &prev, item_id, false, NULL, e)) != 0)
			goto fail;
	} else if (prev.state != MEETING_REFERAT_GODKENDT) {
		rc = err_set(e, ERR_CONFLICT, "no_draft", NULL,
		    "Det forrige møde har endnu intet referat at godkende");
		goto fail;
	}
	if ((rc = write_minutes(s, &it, it.minutes ? it.minutes :
	    (prev.approved_early ? "Referatet var godkendt før mødet og "
	    "blev taget til efterretning." : "Referatet blev godkendt."),
	    RESULT_GODKENDT, e)) != 0)
		goto fail;
	return finish(s, m.id, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
meeting_minutes_approve_early(struct svc *s, int64_t meeting_id,
    const char *note, struct err *e)
{
	struct meeting	m;
	int		rc;

	if ((rc = check_text(note, MEETING_NOTE_MAX, true, "note", "Begrundelsen", e)) != 0)
		return rc;
	if ((rc = begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_get(s->db, s->arena, meeting_id, &m, e)) != 0)
		goto fail;
	if (m.state != MEETING_REFERAT_UDKAST ||
	    m.minutes_circulated_at == NULL) {
		rc = err_set(e, ERR_CONFLICT, "not_circulated", NULL,
		    "Referatet skal være udsendt til medlemmerne, før det kan "
		    "godkendes før næste møde");
		goto fail;
	}
	if ((rc = approve_tx(s, &m, 0, true, note, e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
meeting_minutes_signoff(struct svc *s, int64_t meeting_id, struct err *e)
{
	struct meeting	m;
	int64_t		pid;
	int		rc;

	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = meeting_store_get(s->db, s->arena, meeting_id, &m, e)) != 0)
		goto fail;
	pid = body_store_person_of_user(s->db, s->who->user_id);
	if (pid == 0 || !body_store_user_is_member(s->db, s->who->user_id,
	    m.body_id, today(s))) {
		rc = err_set(e, ERR_FORBIDDEN, "not_member", NULL,
		    "Kun organets medlemmer kan tiltræde referatet");
		goto fail;
	}
	if (m.state != MEETING_REFERAT_UDKAST ||
	    m.minutes_circulated_at == NULL) {
		rc = err_set(e, ERR_CONFLICT, "not_circulated", NULL,
		    "Referatet er ikke udsendt til tiltrædelse");
		goto fail;
	}
	if ((rc = meeting_store_signoff_add(s->db, meeting_id, pid, s->now_iso,
	    e)) != 0 ||
	    (rc = audit_json(s, "meeting", meeting_id, "signoff", NULL,
	    json_pack("{s:I}", "person_id", (json_int_t)pid), e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

/* ---- attachments and follow-ups ------------------------------------ */

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
	if ((rc = check_text(name, ATTACHMENT_NAME_MAX, true, "name", "Bilagets navn", e)) != 0 ||
	    (rc = check_text(filename, ATTACHMENT_FILENAME_MAX, false, "filename", "Filnavnet", e))
	    != 0 ||
	    (rc = check_text(doc_no, MEETING_CASE_NO_MAX, false, "doc_no", "Dok.nr.", e)) != 0)
		return rc;
	/* Extract before taking the write lock: pdftotext takes time. */
	text = doc_text_extract_file(s->arena, type, path, data, len);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = meeting_store_item_get(s->db, s->arena, item_id, &it, e))
	    != 0 ||
	    (rc = meeting_store_get(s->db, s->arena, it.meeting_id, &m, e))
	    != 0 ||
	    (rc = check_open_meeting(&m, e)) != 0)
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
	    (rc = audit_json(s, "attachment", *id, "create", NULL,
	    json_pack("{s:I, s:s, s:s?, s:s, s:s, s:I, s:b, s:s?}", "item_id",
	    (json_int_t)item_id, "name", name, "filename", filename, "hash",
	    hex, "media_type", type, "size", (json_int_t)len, "closed", closed,
	    "doc_no", doc_no), e)) != 0)
		goto fail;
	return finish(s, m.id, e);
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
		return forbidden(e);
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
		return forbidden(e);
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

	if ((rc = check_text(name, ATTACHMENT_NAME_MAX, true, "name", "Bilagets navn", e)) != 0)
		return rc;
	if ((rc = begin_write(s, e)) != 0)
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
	    (rc = audit_json(s, "attachment", id, "update",
	    json_pack("{s:s, s:b}", "name", f.name, "closed", f.closed),
	    json_pack("{s:s, s:b}", "name", name, "closed", closed), e)) != 0)
		goto fail;
	return finish(s, m.id, e);
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

	if ((rc = begin_write(s, e)) != 0)
		return rc;
	if ((rc = attachment_load(s, id, &f, &m, item_id, e)) != 0 ||
	    (rc = check_open_meeting(&m, e)) != 0 ||
	    (rc = meeting_store_attachment_delete(s->db, id, e)) != 0 ||
	    (rc = audit_json(s, "attachment", id, "delete",
	    json_pack("{s:I, s:s, s:s?, s:s?, s:b}", "item_id",
	    (json_int_t)f.item_id, "name", f.name, "filename", f.filename,
	    "hash", f.blob_hash, "closed", f.closed), NULL, e)) != 0)
		goto fail;
	return finish(s, m.id, e);
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

	if ((rc = check_text(text, FOLLOWUP_TEXT_MAX, true, "text", "Opfølgningen", e))
	    != 0 ||
	    (rc = check_text(owner, FOLLOWUP_OWNER_MAX, false, "owner", "Ansvarlig", e)) != 0)
		return rc;
	if (due_on != NULL && !text_date_valid(due_on))
		return err_set(e, ERR_INVALID, "invalid_date", "due_on",
		    "Fristen skal være en dato (ÅÅÅÅ-MM-DD)");
	if ((rc = begin_write(s, e)) != 0)
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
	    (rc = audit_json(s, "follow_up", *id, "create", NULL,
	    json_pack("{s:I, s:s, s:s?, s:s?}", "item_id", (json_int_t)item_id,
	    "text", text, "owner", owner, "due_on", due_on), e)) != 0)
		goto fail;
	return finish(s, it.meeting_id, e);
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
	if ((rc = begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_follow_up_get(s->db, s->arena, id, &old, e))
	    != 0 ||
	    (rc = meeting_store_follow_up_set(s->db, id, status, s->now_iso, e))
	    != 0 ||
	    (rc = audit_json(s, "follow_up", id, "update", json_pack("{s:s}",
	    "status", old.status), json_pack("{s:s}", "status", status), e))
	    != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

/* ---- import -------------------------------------------------------- */

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
	return audit_json(s, "meeting", out->id, "import", NULL,
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
		return forbidden(e);
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
		return forbidden(e);
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
	return finish(s, out->id, e);
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
		return forbidden(e);
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
