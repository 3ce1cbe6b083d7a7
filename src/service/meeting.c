/*
 * meeting — what the parts of the meeting service share (who sees what,
 * checks of texts, audit records, the write transaction) and the reading
 * side: lists, one meeting as its pages show it, an item, its history,
 * the diff of minutes, an attachment's content, and the search (see
 * meeting.h; the changes are in meeting_plan.c, meeting_agenda.c,
 * meeting_minutes.c, meeting_attachment.c and meeting_import.c, the
 * output formats' view in meeting_view.c).
 *
 * Visibility is decided in one place (struct access, see_*() below) and
 * closed content is cut in SQL (the stores' include_closed), so a
 * public caller never holds it. The search index is rewritten from the
 * public projection inside every transaction that changes a meeting
 * (mtg_finish()).
 */
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/role.h"
#include "service/meeting.h"
#include "service/meeting_int.h"
#include "service/svc.h"
#include "store/audit.h"
#include "store/body_store.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

#define SEARCH_MAX_WORDS	20
/*
 * The last word is a prefix when it has at least this many characters.
 * The index has prefix indexes for 2, 3 and 4 characters (migration
 * 007); a single letter would merge the doclists of every term that
 * starts with it, so it is searched as a whole word.
 */
#define SEARCH_PREFIX_MIN	2

/* ---- shared by the parts (meeting_int.h) ---------------------------- */

const char *
mtg_today(struct svc *s)
{
	return arena_strndup(s->arena, s->now_iso, 10);
}

void
mtg_access_of(struct svc *s, int64_t body_id, struct access *ac)
{
	ac->admin = s->who->role == ROLE_ADMIN;
	ac->member = !ac->admin && s->who->user_id > 0 &&
	    body_store_user_is_member(s->db, s->who->user_id, body_id,
	    mtg_today(s));
}

static bool
see_meeting(const struct access *ac, const struct meeting *m)
{
	return ac->admin || ac->member || meeting_state_public(m->state);
}

bool
mtg_see_closed(const struct access *ac)
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

int
mtg_forbidden(struct err *e)
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
int
mtg_check_text(const char *s, size_t max, bool required, const char *field,
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
int
mtg_audit_json(struct svc *s, const char *entity, int64_t id, const char *action,
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

int
mtg_begin_write(struct svc *s, struct err *e)
{
	if (s->who->role != ROLE_ADMIN)
		return mtg_forbidden(e);
	return db_begin(s->db, DB_WRITE, e);
}

/* Commit after rewriting the search rows of meeting_id. */
int
mtg_finish(struct svc *s, int64_t meeting_id, struct err *e)
{
	int rc;

	if ((rc = meeting_store_fts_sync(s->db, meeting_id, e)) != 0) {
		db_rollback(s->db);
		return rc;
	}
	return db_commit(s->db, e);
}

/* "6. oktober 2011" of a meeting time, in the arena. */
const char *
mtg_date_da(struct svc *s, const char *when)
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
			mtg_access_of(s, v[i].body_id, &ac);
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
	mtg_access_of(s, m->body_id, ac);
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
		    pm.body_name, mtg_date_da(s, pm.starts_at), prev.number,
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
int
mtg_load_tx(struct svc *s, int64_t id, const struct access *given,
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
	    (rc = meeting_store_items(s->db, s->arena, id, mtg_see_closed(&ac),
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
	    s->arena, id, mtg_see_closed(&ac), &out->follow_ups,
	    &out->nfollow_ups, e)) != 0)
		return rc;
	if ((rc = meeting_store_follow_ups_open(s->db, s->arena,
	    out->m.body_id, out->m.starts_at, id, !mtg_see_closed(&ac),
	    &out->open, &out->nopen, e)) != 0)
		return rc;
	out->prev_meeting = meeting_store_previous(s->db, out->m.body_id,
	    out->m.starts_at, id);
	if (out->m.approved_by_item > 0 && meeting_store_item_get(s->db,
	    s->arena, out->m.approved_by_item, &ap, NULL) == 0)
		out->next_meeting = ap.meeting_id;
	out->signoffs = meeting_store_signoff_count(s->db, id);
	out->voting_members = body_store_voting_members(s->db, out->m.body_id,
	    mtg_today(s));
	pid = body_store_person_of_user(s->db, s->who->user_id);
	out->signed_off = pid > 0 && meeting_store_signed_off(s->db, id, pid);
	if (ac.admin) {
		if ((rc = meeting_store_signoffs(s->db, s->arena, id,
		    out->m.body_id, mtg_today(s), &out->signers, &out->nsigners,
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
	rc = mtg_load_tx(s, id, NULL, out, e);
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
		if (out->closed && !mtg_see_closed(&ac))
			rc = err_set(e, ERR_NOT_FOUND, "not_found", NULL,
			    "Punktet findes ikke");
		if (!mtg_see_closed(&ac)) {
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
		return mtg_forbidden(e);
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
	if ((rc = mtg_load_tx(s, meeting_id, NULL, &p, e)) != 0)
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
	if (rc == 0 && (((out->closed || item_closed) && !mtg_see_closed(&ac)) ||
	    *data == NULL))
		rc = err_set(e, ERR_NOT_FOUND, "not_found", NULL,
		    "Bilaget findes ikke");
	db_rollback(s->db);
	return rc;
}

/* ---- search -------------------------------------------------------- */

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
