/*
 * page_meeting — the HTML pages of governance: meetings by body and year,
 * a meeting with its header block (Møde, Tid, Sted, Deltagere, Afbud,
 * Referent, Sagsnr./Dok.nr.) and its items, the secretariat's forms
 * (create a meeting, add items, attachments and participants, change
 * state, write minutes, circulate and approve them, follow-ups, import
 * minutes as text), the changes between draft and approved minutes,
 * attachments, search, bodies with members, and nominations.
 *
 * What a user may see is decided by service/meeting and service/body;
 * these handlers only show what they are given. Every form carries the
 * CSRF token; every text goes through the escaping writer.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/meeting.h"
#include "core/minutes.h"
#include "core/org.h"
#include "core/role.h"
#include "http/api.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "service/body.h"
#include "service/history.h"
#include "service/meeting.h"
#include "service/register.h"
#include "store/audit.h"
#include "util/buf.h"
#include "util/text.h"

/* The attribute maxlength="n" of a field whose limit is n code points. */
static void
maxlength(struct html *h, int n)
{
	HTML_LIT(h, " maxlength=\"");
	html_int(h, n);
	HTML_LIT(h, "\"");
}

#define SEARCH_PAGE	20

/* ---- small helpers ------------------------------------------------- */

/* A form field, NULL when missing or blank. */
static const char *
field(struct http_req *r, const char *name)
{
	const char *v = http_form(r, name);

	if (v == NULL)
		return NULL;
	while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
		v++;
	return *v != '\0' ? v : NULL;
}

/* A form field as text with CRLF turned into LF and trimmed, or NULL. */
static const char *
field_text(struct http_req *r, const char *name)
{
	const char	*v = field(r, name);
	char		*out, *o;

	if (v == NULL)
		return NULL;
	out = arena_strdup(&r->arena, v);
	for (o = out; *v != '\0'; v++)
		if (*v != '\r')
			*o++ = *v;
	*o = '\0';
	return text_trim(out);
}

/* A positive id from a form field or query value; 0 if none/invalid. */
static int64_t
id_of(const char *s)
{
	int64_t v;

	if (s == NULL || text_parse_i64(s, &v) != 0 || v <= 0)
		return 0;
	return v;
}

static const char *
idtxt(struct http_req *r, int64_t id)
{
	return arena_printf(&r->arena, "%lld", (long long)id);
}

/* The <input type="datetime-local"> value of a form field: the meeting
 * time format has no seconds. */
static const char *
time_field(struct http_req *r, const char *name)
{
	const char *v = field(r, name);

	if (v != NULL && strlen(v) == 19 && v[16] == ':')
		return arena_strndup(&r->arena, v, 16);
	return v;
}

/* "6. marts 2026, kl. 10.00–12.00" of a meeting's times. */
static void
when(struct html *h, const char *start, const char *end)
{
	char	 d[11], buf[32];

	if (start == NULL) {
		HTML_LIT(h, "<span class=\"muted\">Ikke oplyst</span>");
		return;
	}
	snprintf(d, sizeof(d), "%.10s", start);
	html_date(h, d);
	if (strlen(start) == 16) {
		snprintf(buf, sizeof(buf), ", kl. %.2s.%.2s", start + 11,
		    start + 14);
		html_text(h, buf);
		if (end != NULL && strlen(end) == 16 &&
		    strncmp(end, start, 10) == 0) {
			snprintf(buf, sizeof(buf), "–%.2s.%.2s", end + 11,
			    end + 14);
			html_text(h, buf);
		}
	}
	if (end != NULL && strncmp(end, start, 10) != 0) {
		HTML_LIT(h, " – ");
		snprintf(d, sizeof(d), "%.10s", end);
		html_date(h, d);
	}
}

/* Text with line breaks kept: one <p> per paragraph, <br> per line. */
static void
paragraphs(struct html *h, const char *s)
{
	const char	*p = s, *nl;
	bool		 open = false;

	if (s == NULL)
		return;
	while (*p != '\0') {
		nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (len == 0) {
			if (open)
				HTML_LIT(h, "</p>");
			open = false;
		} else {
			if (!open)
				HTML_LIT(h, "<p>");
			else
				HTML_LIT(h, "<br>");
			open = true;
			char *line = malloc(len + 1);
			if (line == NULL)
				abort();
			memcpy(line, p, len);
			line[len] = '\0';
			html_text(h, line);
			free(line);
		}
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	if (open)
		HTML_LIT(h, "</p>");
}

static const char *
flash_text(const char *key)
{
	static const struct { const char *key, *text; } t[] = {
		{ "oprettet", "Mødet er oprettet med standardpunkterne." },
		{ "gemt", "Ændringerne er gemt." },
		{ "punkt", "Punktet er tilføjet, og punkterne er nummereret." },
		{ "bilag", "Bilaget er gemt." },
		{ "bilag_slettet", "Bilaget er slettet." },
		{ "slettet", "Punktet er slettet, og punkterne er nummereret." },
		{ "flyttet", "Punktet er flyttet, og punkterne er nummereret." },
		{ "status", "Mødets status er ændret." },
		{ "deltager", "Deltageren er tilføjet." },
		{ "referat", "Referatet er gemt som udkast." },
		{ "udsendt", "Referatet er udsendt til medlemmerne." },
		{ "godkendt", "Referatet er godkendt, låst og offentliggjort." },
		{ "tiltraadt", "Du har tiltrådt referatet." },
		{ "opfoelgning", "Opfølgningen er gemt." },
		{ "medlem", "Medlemmet er tilføjet." },
		{ "udpegning", "Kommunerne er bedt om at udpege." },
		{ "udpeget", "Udpegningen er registreret." },
		{ NULL, NULL },
	};
	int i;

	for (i = 0; key != NULL && t[i].key != NULL; i++)
		if (strcmp(t[i].key, key) == 0)
			return t[i].text;
	return NULL;
}

static void
flash(struct page *p)
{
	const char *t = flash_text(http_query(p->r, "besked"));

	if (t != NULL)
		page_message(p, "ok", t);
}

/* Check the query string; on failure answer with the error. */
static bool
query_ok(struct http_req *r, const char *const *allowed)
{
	struct err e;

	err_clear(&e);
	if (http_query_check(r, allowed, &e) != 0) {
		http_send_error(r, &e);
		return false;
	}
	return true;
}

/* Path parameter 0 as an id, or answer 404. */
static bool
path_id(struct http_req *r, int64_t *id)
{
	struct err e;

	err_clear(&e);
	if (api_param_id(r, 0, id, &e) != 0) {
		http_send_error(r, &e);
		return false;
	}
	return true;
}

/* The bodies, loaded once per page, for names and selects. */
struct bodies {
	struct body	*v;
	size_t		 n;
};

static void
bodies_load(struct http_req *r, struct bodies *b)
{
	struct err e;

	if (body_list(&r->svc, &b->v, &b->n, &e) != 0) {
		b->v = NULL;
		b->n = 0;
	}
}

/* <option>s of the bodies; empty (if not NULL) first, meaning none. */
static void
body_options(struct http_req *r, struct html *h, const struct bodies *b,
    int64_t sel, const char *empty)
{
	size_t i;

	if (empty != NULL) {
		HTML_LIT(h, "<option value=\"\">");
		html_text(h, empty);
		HTML_LIT(h, "</option>");
	}
	for (i = 0; i < b->n; i++) {
		HTML_LIT(h, "<option");
		html_attr(h, "value", idtxt(r, b->v[i].id));
		if (b->v[i].id == sel)
			HTML_LIT(h, " selected");
		HTML_LIT(h, ">");
		html_text(h, b->v[i].name);
		if (b->v[i].short_name != NULL) {
			HTML_LIT(h, " (");
			html_text(h, b->v[i].short_name);
			HTML_LIT(h, ")");
		}
		HTML_LIT(h, "</option>");
	}
}

/* <option>s of organisations; kommune_only keeps municipalities. */
static void
org_options(struct http_req *r, struct html *h, const char *sel,
    bool kommune_only)
{
	struct org	*v;
	struct err	 e;
	int		 n, i;

	if (register_org_list(&r->svc, &v, &n, &e) != 0)
		return;
	for (i = 0; i < n; i++) {
		if (kommune_only && v[i].kind != ORG_KOMMUNE)
			continue;
		HTML_LIT(h, "<option");
		html_attr(h, "value", v[i].code);
		if (sel != NULL && strcmp(sel, v[i].code) == 0)
			HTML_LIT(h, " selected");
		HTML_LIT(h, ">");
		html_text(h, v[i].name);
		HTML_LIT(h, "</option>");
	}
}

static void
section_options(struct html *h, enum item_section sel)
{
	static const enum item_section order[] = { SECTION_BEHANDLING,
	    SECTION_EFTERRETNING, SECTION_ORIENTERING, SECTION_LUKKET,
	    SECTION_INDLEDNING, SECTION_AFSLUTNING };
	size_t i;

	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		HTML_LIT(h, "<option");
		html_attr(h, "value", item_section_name(order[i]));
		if (order[i] == sel)
			HTML_LIT(h, " selected");
		HTML_LIT(h, ">");
		if (order[i] == SECTION_INDLEDNING)
			HTML_LIT(h, "Indledning");
		else if (order[i] == SECTION_AFSLUTNING)
			HTML_LIT(h, "Afslutning");
		else
			html_text(h, item_section_label(order[i]));
		HTML_LIT(h, "</option>");
	}
}

static void
result_options(struct html *h, enum item_result sel)
{
	int i;

	HTML_LIT(h, "<option value=\"\">Ingen</option>");
	for (i = 1; i < RESULT_COUNT; i++) {
		HTML_LIT(h, "<option");
		html_attr(h, "value", item_result_name((enum item_result)i));
		if ((enum item_result)i == sel)
			HTML_LIT(h, " selected");
		HTML_LIT(h, ">");
		html_text(h, item_result_label((enum item_result)i));
		HTML_LIT(h, "</option>");
	}
}

/* A small form with one button posting to action. */
static void
button_form(struct page *p, const char *action, const char *label,
    const char *name, const char *value, const char *cls)
{
	struct html *h = &p->h;

	HTML_LIT(h, "<form method=\"post\" class=\"inline\"");
	html_url(h, "action", action);
	HTML_LIT(h, ">");
	page_csrf(p);
	if (name != NULL) {
		HTML_LIT(h, "<input type=\"hidden\"");
		html_attr(h, "name", name);
		html_attr(h, "value", value);
		HTML_LIT(h, ">");
	}
	HTML_LIT(h, "<button type=\"submit\"");
	html_attr(h, "class", cls);
	HTML_LIT(h, ">");
	html_text(h, label);
	HTML_LIT(h, "</button></form>");
}

/* After a POST: redirect to path?besked=key, or show the error. */
static void
done(struct http_req *r, int rc, const struct err *e, const char *path,
    const char *key)
{
	if (rc != 0) {
		page_error(r, http_status_of_err(rc), e);
		return;
	}
	http_redirect(r, arena_printf(&r->arena, "%s?besked=%s", path, key));
}

/* ---- the list of meetings ----------------------------------------- */

void
page_meetings(struct http_req *r)
{
	static const char *const allowed[] = { "organ", "aar", "besked", NULL };
	struct page		 p;
	struct html		*h = &p.h;
	struct meeting_filter	 f;
	struct meeting		*v = NULL;
	struct bodies		 b;
	struct err		 e;
	int			*years = NULL;
	size_t			 n = 0, ny = 0, i;
	int64_t			 y;
	int			 cur = -1;

	if (!query_ok(r, allowed))
		return;
	memset(&f, 0, sizeof(f));
	f.body_id = id_of(http_query(r, "organ"));
	if (http_query(r, "aar") != NULL && *http_query(r, "aar") != '\0' &&
	    text_parse_i64(http_query(r, "aar"), &y) == 0 && y > 1900 &&
	    y < 2200)
		f.year = (int)y;
	f.limit = 1000;
	err_clear(&e);
	if (meeting_list(&r->svc, &f, &v, &n, &e) != 0 ||
	    meeting_years(&r->svc, &years, &ny, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	bodies_load(r, &b);
	page_begin(&p, r, "Møder", "moeder");
	flash(&p);
	HTML_LIT(h, "<p class=\"actions\"><a href=\"/soeg\">Søg i dagsordener "
	    "og referater</a> · <a href=\"/organer\">Organer og "
	    "medlemmer</a> · <a href=\"/kalender.ics\">Mødekalender "
	    "(iCal)</a> · <a href=\"/referater.rss\">Nye referater (RSS)"
	    "</a>");
	if (r->who.role == ROLE_ADMIN)
		HTML_LIT(h, " · <a class=\"button\" href=\"/moeder/nyt\">Nyt "
		    "møde</a> <a class=\"button secondary\" "
		    "href=\"/moeder/import\">Indlæs referat</a>");
	HTML_LIT(h, "</p><form class=\"filters\" method=\"get\" "
	    "action=\"/moeder\"><label>Organ<select name=\"organ\">");
	body_options(r, h, &b, f.body_id, "Alle");
	HTML_LIT(h, "</select></label><label>År<select name=\"aar\">"
	    "<option value=\"\">Alle</option>");
	for (i = 0; i < ny; i++) {
		HTML_LIT(h, "<option");
		html_attr(h, "value", arena_printf(&r->arena, "%d", years[i]));
		if (years[i] == f.year)
			HTML_LIT(h, " selected");
		HTML_LIT(h, ">");
		html_text(h, arena_printf(&r->arena, "%d", years[i]));
		HTML_LIT(h, "</option>");
	}
	HTML_LIT(h, "</select></label><button type=\"submit\">Vis</button>"
	    "</form>");
	if (n == 0)
		HTML_LIT(h, "<p id=\"count\">Ingen møder.</p>");
	for (i = 0; i < n; i++) {
		int year = v[i].starts_at ? atoi(v[i].starts_at) : 0;
		if (i == 0 || year != cur) {
			if (i > 0)
				HTML_LIT(h, "</tbody></table>");
			cur = year;
			HTML_LIT(h, "<h2>");
			if (year > 0)
				html_text(h, arena_printf(&r->arena, "%d",
				    year));
			else
				HTML_LIT(h, "Uden dato");
			HTML_LIT(h, "</h2><table class=\"meetings\"><thead><tr>"
			    "<th scope=\"col\">Dato</th><th scope=\"col\">Organ"
			    "</th><th scope=\"col\">Møde</th><th scope=\"col\">"
			    "Status</th></tr></thead><tbody>");
		}
		HTML_LIT(h, "<tr><td>");
		when(h, v[i].starts_at, NULL);
		HTML_LIT(h, "</td><td>");
		html_text(h, v[i].body_name);
		HTML_LIT(h, "</td><td><a");
		html_url(h, "href", arena_printf(&r->arena, "/moeder/%lld",
		    (long long)v[i].id));
		HTML_LIT(h, ">");
		html_text(h, v[i].title);
		HTML_LIT(h, "</a></td><td>");
		html_text(h, meeting_state_label(v[i].state));
		HTML_LIT(h, "</td></tr>");
	}
	if (n > 0)
		HTML_LIT(h, "</tbody></table>");
	page_end(&p, 200);
}

/* ---- creating and editing a meeting ------------------------------- */

static void
meeting_form(struct page *p, const struct meeting *m, const char *action,
    const char *button)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;
	struct bodies	 b;

	bodies_load(r, &b);
	HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
	html_url(h, "action", action);
	HTML_LIT(h, ">");
	page_csrf(p);
	HTML_LIT(h, "<label>Organ<select name=\"body_id\" required>");
	body_options(r, h, &b, m ? m->body_id : 0, "Vælg organ");
	HTML_LIT(h, "</select></label><label>Titel (tom: »Møde i …«)<input "
	    "name=\"title\"");
	maxlength(h, MEETING_TITLE_MAX);
	html_attr(h, "value", m ? m->title : NULL);
	HTML_LIT(h, "></label><label>Starter<input type=\"datetime-local\" "
	    "name=\"starts_at\" required");
	html_attr(h, "value", m ? m->starts_at : NULL);
	HTML_LIT(h, "></label><label>Slutter<input type=\"datetime-local\" "
	    "name=\"ends_at\"");
	html_attr(h, "value", m ? m->ends_at : NULL);
	HTML_LIT(h, "></label><label>Sted<input name=\"place\"");
	maxlength(h, MEETING_PLACE_MAX);
	html_attr(h, "value", m ? m->place : NULL);
	HTML_LIT(h, "></label><label>Lokale<input name=\"room\"");
	maxlength(h, MEETING_ROOM_MAX);
	html_attr(h, "value", m ? m->room : NULL);
	HTML_LIT(h, "></label><label>Referent<input name=\"referent\"");
	maxlength(h, MEETING_REFERENT_MAX);
	html_attr(h, "value", m ? m->referent : NULL);
	HTML_LIT(h, "></label><label>Sagsnr.<input name=\"case_no\"");
	maxlength(h, MEETING_CASE_NO_MAX);
	html_attr(h, "value", m ? m->case_no : NULL);
	HTML_LIT(h, "></label><label>Dok.nr.<input name=\"doc_no\"");
	maxlength(h, MEETING_CASE_NO_MAX);
	html_attr(h, "value", m ? m->doc_no : NULL);
	HTML_LIT(h, "></label><div class=\"actions\"><button type=\"submit\">");
	html_text(h, button);
	HTML_LIT(h, "</button></div></form>");
}

static void
meeting_input_of(struct http_req *r, struct meeting_input *in)
{
	memset(in, 0, sizeof(*in));
	in->body_id = id_of(field(r, "body_id"));
	in->title = field(r, "title");
	in->starts_at = time_field(r, "starts_at");
	in->ends_at = time_field(r, "ends_at");
	in->place = field(r, "place");
	in->room = field(r, "room");
	in->referent = field(r, "referent");
	in->case_no = field(r, "case_no");
	in->doc_no = field(r, "doc_no");
}

void
page_meeting_new_form(struct http_req *r)
{
	struct page p;

	page_begin(&p, r, "Nyt møde", "moeder");
	HTML_LIT(&p.h, "<p>Mødet oprettes som planlagt med punkterne "
	    "Godkendelse af dagsorden, Godkendelse af referat fra organets "
	    "forrige møde, Evt. og Næste møde.</p>");
	meeting_form(&p, NULL, "/moeder/nyt", "Opret møde");
	page_end(&p, 200);
}

void
page_meeting_new_post(struct http_req *r)
{
	struct meeting_input	in;
	struct meeting		m;
	struct page		p;
	struct err		e;
	int64_t			id;
	int			rc;

	meeting_input_of(r, &in);
	err_clear(&e);
	if ((rc = meeting_create(&r->svc, &in, &id, &e)) == 0) {
		http_redirect(r, arena_printf(&r->arena,
		    "/moeder/%lld?besked=oprettet", (long long)id));
		return;
	}
	memset(&m, 0, sizeof(m));
	m.body_id = in.body_id;
	m.title = in.title;
	m.starts_at = in.starts_at;
	m.ends_at = in.ends_at;
	m.place = in.place;
	m.room = in.room;
	m.referent = in.referent;
	m.case_no = in.case_no;
	m.doc_no = in.doc_no;
	page_begin(&p, r, "Nyt møde", "moeder");
	page_message(&p, "error", e.msg);
	meeting_form(&p, &m, "/moeder/nyt", "Opret møde");
	page_end(&p, http_status_of_err(rc));
}

void
page_meeting_edit_form(struct http_req *r)
{
	struct meeting	m;
	struct page	p;
	struct err	e;
	int64_t		id;

	if (!path_id(r, &id))
		return;
	err_clear(&e);
	if (meeting_get(&r->svc, id, &m, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin(&p, r, "Ret mødet", "moeder");
	meeting_form(&p, &m, arena_printf(&r->arena, "/moeder/%lld/rediger",
	    (long long)id), "Gem");
	HTML_LIT(&p.h, "<p><a");
	html_url(&p.h, "href", arena_printf(&r->arena, "/moeder/%lld",
	    (long long)id));
	HTML_LIT(&p.h, ">Tilbage til mødet</a></p>");
	page_end(&p, 200);
}

void
page_meeting_edit_post(struct http_req *r)
{
	struct meeting_input	in;
	struct err		e;
	int64_t			id;

	if (!path_id(r, &id))
		return;
	meeting_input_of(r, &in);
	err_clear(&e);
	done(r, meeting_update(&r->svc, id, &in, &e), &e,
	    arena_printf(&r->arena, "/moeder/%lld", (long long)id), "gemt");
}

/* ---- one meeting --------------------------------------------------- */

static void
person_line(struct html *h, const struct participant *pp)
{
	html_text(h, pp->name);
	if (pp->organisation != NULL) {
		HTML_LIT(h, " (");
		html_text(h, pp->organisation);
		HTML_LIT(h, ")");
	}
	if (pp->note != NULL) {
		HTML_LIT(h, " – ");
		html_text(h, pp->note);
	}
	if (pp->substitute != NULL) {
		HTML_LIT(h, "; i stedet deltog ");
		html_text(h, pp->substitute);
	}
}

/* The people of one status, separated by "; ", or none_text. */
static void
people(struct html *h, const struct meeting_page *mp, const char *status,
    const char *none_text)
{
	size_t	i;
	int	k = 0;

	for (i = 0; i < mp->npeople; i++) {
		if (strcmp(mp->people[i].status, status) != 0)
			continue;
		if (k++ > 0)
			HTML_LIT(h, "; ");
		person_line(h, &mp->people[i]);
	}
	if (k == 0)
		html_text(h, none_text);
}

static bool
has_status(const struct meeting_page *mp, const char *status)
{
	size_t i;

	for (i = 0; i < mp->npeople; i++)
		if (strcmp(mp->people[i].status, status) == 0)
			return true;
	return false;
}

static void
follow_up_table(struct http_req *r, struct html *h,
    const struct follow_up *v, size_t n, bool with_meeting)
{
	size_t i;

	HTML_LIT(h, "<table class=\"follow-ups\"><thead><tr><th scope=\"col\">"
	    "Opgave</th><th scope=\"col\">Ansvarlig</th><th scope=\"col\">"
	    "Frist</th><th scope=\"col\">Status</th>");
	if (with_meeting)
		HTML_LIT(h, "<th scope=\"col\">Besluttet</th>");
	HTML_LIT(h, "</tr></thead><tbody>");
	for (i = 0; i < n; i++) {
		HTML_LIT(h, "<tr><td>");
		html_text(h, v[i].text);
		HTML_LIT(h, "</td><td>");
		html_text(h, v[i].owner ? v[i].owner : "–");
		HTML_LIT(h, "</td><td>");
		if (v[i].due_on != NULL)
			html_date(h, v[i].due_on);
		else
			HTML_LIT(h, "–");
		HTML_LIT(h, "</td><td>");
		html_text(h, follow_up_status_label(v[i].status));
		HTML_LIT(h, "</td>");
		if (with_meeting) {
			HTML_LIT(h, "<td><a");
			html_url(h, "href", arena_printf(&r->arena,
			    "/moeder/%lld#punkt-%d", (long long)v[i].meeting_id,
			    v[i].item_number));
			HTML_LIT(h, ">");
			html_text(h, v[i].meeting_title);
			if (v[i].meeting_starts != NULL) {
				HTML_LIT(h, ", ");
				when(h, v[i].meeting_starts, NULL);
			}
			HTML_LIT(h, ", punkt ");
			html_int(h, v[i].item_number);
			HTML_LIT(h, "</a></td>");
		}
		HTML_LIT(h, "</tr>");
	}
	HTML_LIT(h, "</tbody></table>");
}

/* One item of the meeting page. */
static void
item_block(struct page *p, const struct meeting_page *mp, size_t k)
{
	struct http_req			*r = p->r;
	struct html			*h = &p->h;
	const struct agenda_item	*it = &mp->items[k];
	size_t				 i, nfu = 0;

	HTML_LIT(h, "<article class=\"item");
	if (it->closed)
		HTML_LIT(h, " closed");
	HTML_LIT(h, "\"");
	html_attr(h, "id", arena_printf(&r->arena, "punkt-%d", it->number));
	HTML_LIT(h, "><h3>");
	if (it->number > 0) {
		html_int(h, it->number);
		HTML_LIT(h, ". ");
	}
	html_text(h, it->title);
	HTML_LIT(h, "</h3>");
	if (it->closed)
		HTML_LIT(h, "<p class=\"tag\">Lukket punkt – vises kun for "
		    "organets medlemmer og sekretariatet</p>");
	if (it->background != NULL) {
		HTML_LIT(h, "<h4>Sagsfremstilling</h4>");
		paragraphs(h, it->background);
	}
	if (mp->earlier[k] != NULL) {
		HTML_LIT(h, "<h4>Tidligere indstilling</h4><blockquote>");
		paragraphs(h, mp->earlier[k]);
		HTML_LIT(h, "</blockquote>");
	}
	if (it->recommendation != NULL) {
		HTML_LIT(h, "<h4>Indstilling</h4>");
		paragraphs(h, it->recommendation);
	}
	if (it->nfiles > 0) {
		HTML_LIT(h, "<h4>Bilag</h4><ul class=\"files\">");
		for (i = 0; i < it->nfiles; i++) {
			const struct attachment *f = &it->files[i];
			HTML_LIT(h, "<li>");
			if (f->blob_hash != NULL) {
				HTML_LIT(h, "<a");
				html_url(h, "href", arena_printf(&r->arena,
				    "/bilag/%lld", (long long)f->id));
				HTML_LIT(h, ">");
				html_text(h, f->name);
				HTML_LIT(h, "</a> <span class=\"muted\">(");
				html_text(h, strcmp(f->media_type,
				    "application/pdf") == 0 ? "PDF" :
				    strstr(f->media_type, "word") ? "DOCX" :
				    "XLSX");
				HTML_LIT(h, ", ");
				html_int(h, (f->size + 1023) / 1024);
				HTML_LIT(h, " kB)</span>");
			} else
				html_text(h, f->name);
			if (f->doc_no != NULL) {
				HTML_LIT(h, " <span class=\"muted\">Dok.nr. ");
				html_text(h, f->doc_no);
				HTML_LIT(h, "</span>");
			}
			if (f->closed)
				HTML_LIT(h, " <span class=\"tag\">Lukket bilag"
				    "</span>");
			HTML_LIT(h, "</li>");
		}
		HTML_LIT(h, "</ul>");
	}
	if (mp->show_minutes && (it->minutes != NULL ||
	    it->result != RESULT_NONE)) {
		HTML_LIT(h, "<h4>Referat</h4><div class=\"minutes\">");
		paragraphs(h, it->minutes);
		if (it->result != RESULT_NONE) {
			HTML_LIT(h, "<p class=\"result\">Beslutning: ");
			html_text(h, item_result_label(it->result));
			HTML_LIT(h, "</p>");
		}
		HTML_LIT(h, "</div>");
	}
	for (i = 0; i < mp->nfollow_ups; i++)
		if (mp->follow_ups[i].item_id == it->id)
			nfu++;
	if (nfu > 0) {
		struct follow_up *v = arena_calloc(&r->arena, nfu,
		    sizeof(*v));
		for (i = 0, nfu = 0; i < mp->nfollow_ups; i++)
			if (mp->follow_ups[i].item_id == it->id)
				v[nfu++] = mp->follow_ups[i];
		HTML_LIT(h, "<h4>Opfølgning</h4>");
		follow_up_table(r, h, v, nfu, false);
	}
	if (mp->may_edit) {
		HTML_LIT(h, "<p class=\"actions\"><a");
		html_url(h, "href", arena_printf(&r->arena, "/punkter/%lld",
		    (long long)it->id));
		HTML_LIT(h, ">Rediger punkt, referat og bilag</a></p>");
		if (mp->m.state != MEETING_AFLYST &&
		    mp->m.state != MEETING_REFERAT_GODKENDT) {
			const char *mv = arena_printf(&r->arena,
			    "/punkter/%lld/flyt", (long long)it->id);
			button_form(p, mv, "Flyt op", "retning", "op",
			    "secondary");
			button_form(p, mv, "Flyt ned", "retning", "ned",
			    "secondary");
		}
		if (it->kind == ITEM_REFERAT && it->prev_meeting > 0 &&
		    it->result != RESULT_GODKENDT &&
		    mp->m.state != MEETING_PLANLAGT &&
		    mp->m.state != MEETING_AFLYST &&
		    mp->m.state != MEETING_REFERAT_GODKENDT)
			button_form(p, arena_printf(&r->arena,
			    "/punkter/%lld/godkend", (long long)it->id),
			    "Godkend referatet fra forrige møde", NULL, NULL,
			    NULL);
	}
	if (it->kind == ITEM_REFERAT && it->prev_meeting > 0) {
		HTML_LIT(h, "<p><a");
		html_url(h, "href", arena_printf(&r->arena, "/moeder/%lld",
		    (long long)it->prev_meeting));
		HTML_LIT(h, ">Referatet fra forrige møde</a></p>");
	}
	HTML_LIT(h, "</article>\n");
}

/* The secretariat's tools below the agenda. */
static void
admin_panel(struct page *p, const struct meeting_page *mp)
{
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	const char		*base = arena_printf(&r->arena, "/moeder/%lld",
				    (long long)mp->m.id);
	enum meeting_state	 to;
	struct item_input	 none;

	HTML_LIT(h, "<section class=\"admin\"><h2>Sekretariatet</h2>"
	    "<div class=\"actions\">");
	for (to = MEETING_PLANLAGT; to < MEETING_STATE_COUNT; to++) {
		const char *label;
		if (!meeting_state_change_ok(mp->m.state, to))
			continue;
		label = to == MEETING_INDKALDT ? "Indkald og offentliggør "
		    "dagsordenen" : to == MEETING_AFHOLDT ? "Marker som "
		    "afholdt" : to == MEETING_REFERAT_UDKAST ? "Start referat" :
		    "Aflys mødet";
		button_form(p, arena_printf(&r->arena, "%s/status", base),
		    label, "state", meeting_state_name(to),
		    to == MEETING_AFLYST ? "danger" : NULL);
	}
	if (mp->m.state == MEETING_REFERAT_UDKAST)
		button_form(p, arena_printf(&r->arena, "%s/referat/udsend",
		    base), mp->m.minutes_circulated_at ? "Udsend referatet "
		    "igen" : "Udsend referatet til medlemmerne", NULL, NULL,
		    "secondary");
	HTML_LIT(h, "<a class=\"button secondary\"");
	html_url(h, "href", arena_printf(&r->arena, "%s/rediger", base));
	HTML_LIT(h, ">Ret mødets oplysninger</a></div>");

	if (mp->m.state == MEETING_REFERAT_UDKAST &&
	    mp->m.minutes_circulated_at != NULL) {
		HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
		html_url(h, "action", arena_printf(&r->arena,
		    "%s/referat/godkend", base));
		HTML_LIT(h, ">");
		page_csrf(p);
		HTML_LIT(h, "<h3>Godkend før næste møde</h3><p>Kun hvor en "
		    "beslutning får virkning før næste møde. ");
		html_int(h, mp->signoffs);
		HTML_LIT(h, " af ");
		html_int(h, mp->voting_members);
		HTML_LIT(h, " stemmeberettigede medlemmer har tiltrådt.</p>"
		    "<label>Begrundelse<input name=\"note\" required "
		    "maxlength=\"1000\"></label><div class=\"actions\"><button "
		    "type=\"submit\">Godkend referatet nu</button></div></form>");
	}
	if (mp->m.state != MEETING_REFERAT_GODKENDT &&
	    mp->m.state != MEETING_AFLYST) {
		memset(&none, 0, sizeof(none));
		HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
		html_url(h, "action", arena_printf(&r->arena, "%s/punkter",
		    base));
		HTML_LIT(h, "><h3>Tilføj punkt</h3>");
		page_csrf(p);
		HTML_LIT(h, "<label>Afsnit<select name=\"section\">");
		section_options(h, SECTION_BEHANDLING);
		HTML_LIT(h, "</select></label><label>Titel<input name=\"title\" "
		    "required maxlength=\"1000\"></label><label>Initialer "
		    "(fx HETH)<input name=\"presenter\" maxlength=\"100\">"
		    "</label><label>Sagsfremstilling<textarea name=\"background\" "
		    "rows=\"4\"></textarea></label><label>Indstilling<textarea "
		    "name=\"recommendation\" rows=\"3\">Det indstilles, at "
		    "</textarea></label><label class=\"check\"><input "
		    "type=\"checkbox\" name=\"closed\" value=\"1\"> Lukket "
		    "punkt</label><div class=\"actions\"><button type=\"submit\">"
		    "Tilføj punkt</button></div></form>");
	}
	if (mp->npeople > 0)
		HTML_LIT(h, "<h3>Deltagere og afbud</h3>");
	for (size_t i = 0; i < mp->npeople; i++) {
		const struct participant *pp = &mp->people[i];
		static const char *const st[] = { "deltager", "afbud",
		    "fravaerende" };
		HTML_LIT(h, "<form class=\"filters\" method=\"post\"");
		html_url(h, "action", arena_printf(&r->arena,
		    "%s/deltagere/%lld", base, (long long)pp->id));
		HTML_LIT(h, ">");
		page_csrf(p);
		HTML_LIT(h, "<span>");
		html_text(h, pp->name);
		HTML_LIT(h, "</span><label>Status<select name=\"status\">");
		for (size_t k = 0; k < 3; k++) {
			HTML_LIT(h, "<option");
			html_attr(h, "value", st[k]);
			if (strcmp(st[k], pp->status) == 0)
				HTML_LIT(h, " selected");
			HTML_LIT(h, ">");
			html_text(h, participant_status_label(st[k]));
			HTML_LIT(h, "</option>");
		}
		HTML_LIT(h, "</select></label><label>Stedfortræder<input "
		    "name=\"substitute\" maxlength=\"200\"");
		html_attr(h, "value", pp->substitute);
		HTML_LIT(h, "></label><button type=\"submit\">Gem</button>"
		    "</form>");
	}
	HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
	html_url(h, "action", arena_printf(&r->arena, "%s/deltagere", base));
	HTML_LIT(h, "><h3>Tilføj deltager eller afbud</h3>");
	page_csrf(p);
	HTML_LIT(h, "<label>Navn<input name=\"name\" required "
	    "maxlength=\"200\"></label><label>Organisation<input "
	    "name=\"organisation\" maxlength=\"200\"></label><label>Status"
	    "<select name=\"status\"><option value=\"deltager\">Deltager"
	    "</option><option value=\"afbud\">Afbud</option><option "
	    "value=\"fravaerende\">Fraværende</option></select></label>"
	    "<label>Stedfortræder<input name=\"substitute\" maxlength=\"200\">"
	    "</label><div class=\"actions\"><button type=\"submit\">Tilføj"
	    "</button></div></form></section>");
}

/* The meeting page, with an error message on top if err is not NULL. */
static void
meeting_render(struct http_req *r, int64_t id, const struct err *err,
    int status)
{
	struct meeting_page	 mp;
	struct page		 p;
	struct html		*h = &p.h;
	struct err		 e;
	const char		*last = NULL;
	size_t			 i;

	err_clear(&e);
	if (meeting_load(&r->svc, id, &mp, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin(&p, r, mp.m.title, "moeder");
	if (err != NULL)
		page_message(&p, "error", err->msg);
	flash(&p);
	if (mp.m.state == MEETING_AFLYST)
		page_message(&p, "error", "Mødet er aflyst.");
	if (mp.minutes_draft)
		page_message(&p, "error", mp.m.minutes_circulated_at ?
		    "Referatet er et udkast, udsendt til medlemmerne; det er "
		    "ikke godkendt." : "Referatet er et udkast og er ikke "
		    "godkendt eller offentliggjort.");
	HTML_LIT(h, "<dl class=\"facts meeting-head\"><dt>Møde</dt><dd>");
	html_text(h, mp.m.title);
	HTML_LIT(h, " · <a");
	html_url(h, "href", arena_printf(&r->arena, "/organer/%lld",
	    (long long)mp.m.body_id));
	HTML_LIT(h, ">");
	html_text(h, mp.m.body_name);
	HTML_LIT(h, "</a></dd><dt>Tid</dt><dd>");
	when(h, mp.m.starts_at, mp.m.ends_at);
	HTML_LIT(h, "</dd><dt>Sted</dt><dd>");
	html_text(h, mp.m.place ? mp.m.place : "Ikke oplyst");
	if (mp.m.room != NULL) {
		HTML_LIT(h, ", ");
		html_text(h, mp.m.room);
	}
	HTML_LIT(h, "</dd><dt>Deltagere</dt><dd>");
	people(h, &mp, "deltager", "Ikke oplyst");
	HTML_LIT(h, "</dd><dt>Afbud</dt><dd>");
	people(h, &mp, "afbud", "Ingen afbud");
	HTML_LIT(h, "</dd>");
	if (has_status(&mp, "fravaerende")) {
		HTML_LIT(h, "<dt>Fraværende</dt><dd>");
		people(h, &mp, "fravaerende", "");
		HTML_LIT(h, "</dd>");
	}
	HTML_LIT(h, "<dt>Referent</dt><dd>");
	html_text(h, mp.m.referent ? mp.m.referent : "Ikke oplyst");
	HTML_LIT(h, "</dd><dt>Sagsnr./Dok.nr.</dt><dd>");
	html_text(h, mp.m.case_no ? mp.m.case_no : "–");
	HTML_LIT(h, " / ");
	html_text(h, mp.m.doc_no ? mp.m.doc_no : "–");
	HTML_LIT(h, "</dd><dt>Status</dt><dd id=\"state\">");
	html_text(h, meeting_state_label(mp.m.state));
	if (mp.m.state == MEETING_REFERAT_GODKENDT &&
	    mp.m.source_fingerprint != NULL) {
		HTML_LIT(h, " (indlæst fra tekst den ");
		html_time(h, mp.m.created_at);
		HTML_LIT(h, ")");
	} else if (mp.m.state == MEETING_REFERAT_GODKENDT &&
	    mp.m.minutes_approved_at != NULL) {
		HTML_LIT(h, " den ");
		html_time(h, mp.m.minutes_approved_at);
		if (mp.next_meeting > 0) {
			HTML_LIT(h, " på <a");
			html_url(h, "href", arena_printf(&r->arena,
			    "/moeder/%lld", (long long)mp.next_meeting));
			HTML_LIT(h, ">næste møde</a>");
		}
		if (mp.m.approved_early) {
			HTML_LIT(h, " før næste møde: ");
			html_text(h, mp.m.approval_note);
		}
	}
	HTML_LIT(h, "</dd></dl><p class=\"actions\">");
	if (mp.prev_meeting > 0) {
		HTML_LIT(h, "<a");
		html_url(h, "href", arena_printf(&r->arena, "/moeder/%lld",
		    (long long)mp.prev_meeting));
		HTML_LIT(h, ">Forrige møde</a> ");
	}
	if (mp.m.state == MEETING_REFERAT_GODKENDT) {
		HTML_LIT(h, "<a");
		html_url(h, "href", arena_printf(&r->arena,
		    "/moeder/%lld/referat/aendringer", (long long)id));
		HTML_LIT(h, ">Ændringer fra udkast til godkendt referat</a>");
	}
	HTML_LIT(h, "</p><p class=\"actions\" id=\"documents\"><a");
	html_url(h, "href", arena_printf(&r->arena, "/moeder/%lld/dagsorden.pdf",
	    (long long)id));
	HTML_LIT(h, ">Dagsorden (PDF)</a> <a");
	html_url(h, "href", arena_printf(&r->arena, "/moeder/%lld/pakke.pdf",
	    (long long)id));
	HTML_LIT(h, ">Mødepakke med bilag (PDF)</a>");
	if (mp.show_minutes && (mp.m.state == MEETING_REFERAT_UDKAST ||
	    mp.m.state == MEETING_REFERAT_GODKENDT)) {
		HTML_LIT(h, " <a");
		html_url(h, "href", arena_printf(&r->arena,
		    "/moeder/%lld/referat.pdf", (long long)id));
		HTML_LIT(h, ">");
		html_text(h, mp.minutes_draft ? "Udkast til referat (PDF)" :
		    "Referat (PDF)");
		HTML_LIT(h, "</a>");
	}
	HTML_LIT(h, "</p>");

	if (mp.member && !mp.may_edit && mp.minutes_draft &&
	    mp.m.minutes_circulated_at != NULL) {
		if (mp.signed_off)
			page_message(&p, "ok", "Du har tiltrådt referatet.");
		else
			button_form(&p, arena_printf(&r->arena,
			    "/moeder/%lld/referat/tiltraed", (long long)id),
			    "Tiltræd referatet", NULL, NULL, NULL);
	}

	if (mp.nopen > 0) {
		HTML_LIT(h, "<section class=\"open-follow-ups\"><h2>Opfølgning "
		    "på tidligere beslutninger</h2>");
		follow_up_table(r, h, mp.open, mp.nopen, true);
		HTML_LIT(h, "</section>");
	}

	HTML_LIT(h, "<h2>");
	html_text(h, mp.show_minutes ? "Dagsorden og referat" : "Dagsorden");
	HTML_LIT(h, "</h2>");
	if (mp.nitems == 0)
		HTML_LIT(h, "<p>Dagsordenen har ingen punkter endnu.</p>");
	for (i = 0; i < mp.nitems; i++) {
		const struct agenda_item *it = &mp.items[i];
		const char *heading = it->section_text ? it->section_text :
		    item_section_label(it->section);
		if (heading != NULL && (last == NULL ||
		    strcmp(heading, last) != 0)) {
			HTML_LIT(h, "<h2 class=\"section\">");
			html_text(h, heading);
			HTML_LIT(h, "</h2>");
		}
		last = heading;
		item_block(&p, &mp, i);
	}
	if (mp.m.unplaced != NULL && (mp.may_edit || mp.member)) {
		json_error_t	 je;
		json_t		*a = json_loads(mp.m.unplaced, 0, &je), *b;
		size_t		 k;
		HTML_LIT(h, "<details class=\"unplaced\"><summary>Tekst, der "
		    "ikke kunne placeres ved indlæsningen</summary>");
		json_array_foreach(a, k, b) {
			HTML_LIT(h, "<p class=\"muted\">Linje ");
			html_int(h, json_integer_value(json_object_get(b,
			    "line")));
			HTML_LIT(h, "</p><pre>");
			html_text(h, json_string_value(json_object_get(b,
			    "text")));
			HTML_LIT(h, "</pre>");
		}
		json_decref(a);
		HTML_LIT(h, "</details>");
	}
	if (mp.may_edit)
		admin_panel(&p, &mp);
	page_end(&p, status);
}

void
page_meeting_view(struct http_req *r)
{
	static const char *const allowed[] = { "besked", NULL };
	int64_t id;

	if (!query_ok(r, allowed) || !path_id(r, &id))
		return;
	meeting_render(r, id, NULL, 200);
}

/* Show the meeting page with e on top, or redirect with key. */
static void
meeting_done(struct http_req *r, int64_t id, int rc, const struct err *e,
    const char *key)
{
	if (rc == 0) {
		http_redirect(r, arena_printf(&r->arena,
		    "/moeder/%lld?besked=%s", (long long)id, key));
		return;
	}
	if (rc == ERR_NOT_FOUND || rc == ERR_FORBIDDEN) {
		http_send_error(r, e);
		return;
	}
	meeting_render(r, id, e, http_status_of_err(rc));
}

void
page_meeting_state_post(struct http_req *r)
{
	enum meeting_state	to;
	struct err		e;
	int64_t			id;
	int			rc;

	if (!path_id(r, &id))
		return;
	err_clear(&e);
	if (meeting_state_parse(field(r, "state"), &to) != 0)
		rc = err_set(&e, ERR_INVALID, "invalid_state", "state",
		    "Ukendt status");
	else
		rc = meeting_set_state(&r->svc, id, to, &e);
	meeting_done(r, id, rc, &e, "status");
}

void
page_meeting_participant_post(struct http_req *r)
{
	struct participant	pp;
	struct err		e;
	int64_t			id;

	if (!path_id(r, &id))
		return;
	memset(&pp, 0, sizeof(pp));
	pp.name = field(r, "name");
	pp.organisation = field(r, "organisation");
	pp.status = field(r, "status");
	pp.substitute = field(r, "substitute");
	err_clear(&e);
	meeting_done(r, id, meeting_participant_add(&r->svc, id, &pp, &e), &e,
	    "deltager");
}

void
page_meeting_participant_set_post(struct http_req *r)
{
	struct err	e;
	int64_t		id, pid;

	if (!path_id(r, &id))
		return;
	err_clear(&e);
	if (api_param_id(r, 1, &pid, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	meeting_done(r, id, meeting_participant_set(&r->svc, id, pid,
	    field(r, "status"), field(r, "substitute"), &e), &e, "gemt");
}

/* The agenda fields of an item from the form. */
static int
item_input_of(struct http_req *r, struct item_input *in, struct err *e)
{
	memset(in, 0, sizeof(*in));
	if (item_section_parse(field(r, "section") ? field(r, "section") :
	    "behandling", &in->section) != 0)
		return err_set(e, ERR_INVALID, "invalid_section", "section",
		    "Ukendt afsnit");
	in->title = field(r, "title");
	in->presenter = field(r, "presenter");
	in->background = field_text(r, "background");
	in->recommendation = field_text(r, "recommendation");
	if (in->recommendation != NULL &&
	    strcmp(in->recommendation, "Det indstilles, at") == 0)
		in->recommendation = NULL;
	in->closed = field(r, "closed") != NULL;
	in->earlier_item = id_of(field(r, "earlier_item"));
	in->earlier_body = id_of(field(r, "earlier_body"));
	in->earlier_text = field_text(r, "earlier_text");
	return 0;
}

void
page_meeting_item_post(struct http_req *r)
{
	struct item_input	in;
	struct err		e;
	int64_t			id, item;
	int			rc;

	if (!path_id(r, &id))
		return;
	err_clear(&e);
	if ((rc = item_input_of(r, &in, &e)) == 0)
		rc = meeting_item_add(&r->svc, id, &in, &item, &e);
	meeting_done(r, id, rc, &e, "punkt");
}

void
page_meeting_circulate_post(struct http_req *r)
{
	struct err	e;
	int64_t		id;

	if (!path_id(r, &id))
		return;
	err_clear(&e);
	meeting_done(r, id, meeting_minutes_circulate(&r->svc, id, &e), &e,
	    "udsendt");
}

void
page_meeting_approve_post(struct http_req *r)
{
	struct err	e;
	int64_t		id;

	if (!path_id(r, &id))
		return;
	err_clear(&e);
	meeting_done(r, id, meeting_minutes_approve_early(&r->svc, id,
	    field(r, "note"), &e), &e, "godkendt");
}

void
page_meeting_signoff_post(struct http_req *r)
{
	struct err	e;
	int64_t		id;

	if (!path_id(r, &id))
		return;
	err_clear(&e);
	meeting_done(r, id, meeting_minutes_signoff(&r->svc, id, &e), &e,
	    "tiltraadt");
}

void
page_meeting_diff(struct http_req *r)
{
	struct item_diff	*d;
	struct meeting		 m;
	struct page		 p;
	struct html		*h = &p.h;
	struct err		 e;
	size_t			 n, i, k, changed = 0;
	int64_t			 id;

	if (!query_ok(r, (const char *const[]){ NULL }) || !path_id(r, &id))
		return;
	err_clear(&e);
	if (meeting_get(&r->svc, id, &m, &e) != 0 ||
	    meeting_minutes_diff(&r->svc, id, &d, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin(&p, r, "Ændringer i referatet", "moeder");
	HTML_LIT(h, "<p><a");
	html_url(h, "href", arena_printf(&r->arena, "/moeder/%lld",
	    (long long)id));
	HTML_LIT(h, ">");
	html_text(h, m.title);
	HTML_LIT(h, "</a>, ");
	when(h, m.starts_at, NULL);
	HTML_LIT(h, "</p>");
	if (m.minutes_circulated_at == NULL)
		HTML_LIT(h, "<p>Referatet blev ikke udsendt som udkast; det "
		    "godkendte referat er det eneste.</p>");
	for (i = 0; i < n; i++) {
		if (!d[i].changed)
			continue;
		changed++;
		HTML_LIT(h, "<h2>");
		if (d[i].number > 0) {
			html_int(h, d[i].number);
			HTML_LIT(h, ". ");
		}
		html_text(h, d[i].title);
		HTML_LIT(h, "</h2><div class=\"diff\">");
		for (k = 0; k < d[i].nlines; k++) {
			const struct diff_line *l = &d[i].lines[k];
			if (l->op == '-')
				HTML_LIT(h, "<del>− ");
			else if (l->op == '+')
				HTML_LIT(h, "<ins>+ ");
			else
				HTML_LIT(h, "<span>  ");
			html_text(h, l->text);
			if (l->op == '-')
				HTML_LIT(h, "</del>");
			else if (l->op == '+')
				HTML_LIT(h, "</ins>");
			else
				HTML_LIT(h, "</span>");
		}
		HTML_LIT(h, "</div>");
	}
	if (changed == 0 && m.minutes_circulated_at != NULL)
		HTML_LIT(h, "<p id=\"unchanged\">Referatet blev godkendt uden "
		    "ændringer i forhold til udkastet.</p>");
	page_end(&p, 200);
}

/* ---- items --------------------------------------------------------- */

/* Who changed the item's minutes when, from what to what. */
static void
history(struct http_req *r, struct html *h, int64_t item_id)
{
	struct history_entry	*v;
	struct err		 e;
	size_t			 n, i, c;
	int			 k = 0;

	if (history_item(&r->svc, item_id, &v, &n, &e) != 0)
		return;
	HTML_LIT(h, "<h2>Ændringer af referatet</h2><table "
	    "class=\"history\"><thead><tr><th scope=\"col\">Tidspunkt</th>"
	    "<th scope=\"col\">Bruger</th><th scope=\"col\">Før</th><th "
	    "scope=\"col\">Efter</th></tr></thead><tbody>");
	for (i = 0; i < n; i++) {
		const struct history_change *m = NULL;

		if (strcmp(v[i].action, "minutes") != 0)
			continue;
		for (c = 0; c < v[i].nchanges; c++)
			if (strcmp(v[i].changes[c].field, "minutes") == 0)
				m = &v[i].changes[c];
		k++;
		HTML_LIT(h, "<tr><td>");
		html_time(h, v[i].at_iso);
		HTML_LIT(h, "</td><td>");
		html_text(h, v[i].who);
		HTML_LIT(h, "</td><td>");
		paragraphs(h, m != NULL ? m->before : NULL);
		HTML_LIT(h, "</td><td>");
		paragraphs(h, m != NULL ? m->after : NULL);
		HTML_LIT(h, "</td></tr>");
	}
	if (k == 0)
		HTML_LIT(h, "<tr><td colspan=\"4\" class=\"muted\">Referatet "
		    "er ikke skrevet endnu.</td></tr>");
	HTML_LIT(h, "</tbody></table>");
}

/* One attachment on the item page: its link, and for the secretariat a
   form to rename it or close it, and one to delete it. */
static void
attachment_edit(struct page *p, const struct meeting *m,
    const struct attachment *f)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;
	const char	*url = arena_printf(&r->arena, "/bilag/%lld",
			    (long long)f->id);

	HTML_LIT(h, "<form class=\"filters\" method=\"post\"");
	html_url(h, "action", url);
	HTML_LIT(h, ">");
	page_csrf(p);
	if (f->blob_hash != NULL) {
		HTML_LIT(h, "<a");
		html_url(h, "href", url);
		HTML_LIT(h, ">Hent</a>");
	}
	HTML_LIT(h, "<label>Navn<input name=\"name\" required "
	    "maxlength=\"300\"");
	html_attr(h, "value", f->name);
	HTML_LIT(h, "></label><label class=\"check\"><input "
	    "type=\"checkbox\" name=\"closed\" value=\"1\"");
	if (f->closed)
		HTML_LIT(h, " checked");
	HTML_LIT(h, "> Lukket bilag</label><button type=\"submit\">Gem "
	    "bilag</button></form>");
	if (m->state != MEETING_REFERAT_GODKENDT && m->state != MEETING_AFLYST)
		button_form(p, arena_printf(&r->arena, "%s/slet", url),
		    "Slet bilag", NULL, NULL, "danger");
}

void
page_item_form(struct http_req *r)
{
	static const char *const allowed[] = { "besked", NULL };
	struct agenda_item	 it;
	struct meeting		 m;
	struct meeting_page	 mp;
	struct bodies		 b;
	struct page		 p;
	struct html		*h = &p.h;
	struct err		 e;
	int64_t			 id;
	size_t			 i, nfu = 0;
	const char		*base;

	if (!query_ok(r, allowed) || !path_id(r, &id))
		return;
	err_clear(&e);
	if (meeting_item_get(&r->svc, id, &it, &m, &e) != 0 ||
	    meeting_load(&r->svc, m.id, &mp, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	bodies_load(r, &b);
	base = arena_printf(&r->arena, "/punkter/%lld", (long long)id);
	page_begin(&p, r, it.number > 0 ? arena_printf(&r->arena,
	    "Punkt %d: %s", it.number, it.title) : it.title, "moeder");
	flash(&p);
	HTML_LIT(h, "<p><a");
	html_url(h, "href", arena_printf(&r->arena, "/moeder/%lld#punkt-%d",
	    (long long)m.id, it.number));
	HTML_LIT(h, ">Tilbage til ");
	html_text(h, m.title);
	HTML_LIT(h, "</a></p>");

	if (m.state != MEETING_REFERAT_GODKENDT && m.state != MEETING_AFLYST) {
		HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
		html_url(h, "action", base);
		HTML_LIT(h, "><h2>Dagsorden</h2>");
		page_csrf(&p);
		HTML_LIT(h, "<label>Afsnit<select name=\"section\">");
		section_options(h, it.section);
		HTML_LIT(h, "</select></label><label>Titel<input name=\"title\" "
		    "required maxlength=\"1000\"");
		html_attr(h, "value", it.title);
		HTML_LIT(h, "></label><label>Initialer<input name=\"presenter\" "
		    "maxlength=\"100\"");
		html_attr(h, "value", it.presenter);
		HTML_LIT(h, "></label><label>Sagsfremstilling<textarea "
		    "name=\"background\" rows=\"6\">");
		html_text(h, it.background);
		HTML_LIT(h, "</textarea></label><label>Indstilling<textarea "
		    "name=\"recommendation\" rows=\"3\">");
		html_text(h, it.recommendation);
		HTML_LIT(h, "</textarea></label><fieldset><legend>Et tidligere "
		    "organs indstilling</legend><label>Punkt-id fra et "
		    "tidligere møde<input name=\"earlier_item\" "
		    "inputmode=\"numeric\"");
		if (it.earlier_item > 0)
			html_attr(h, "value", idtxt(r, it.earlier_item));
		HTML_LIT(h, "></label><label>Eller organ<select "
		    "name=\"earlier_body\">");
		body_options(r, h, &b, it.earlier_body, "Intet");
		HTML_LIT(h, "</select></label><label>og dets indstilling"
		    "<textarea name=\"earlier_text\" rows=\"2\">");
		html_text(h, it.earlier_text);
		HTML_LIT(h, "</textarea></label></fieldset><label class=\"check\">"
		    "<input type=\"checkbox\" name=\"closed\" value=\"1\"");
		if (it.closed)
			HTML_LIT(h, " checked");
		HTML_LIT(h, "> Lukket punkt</label><div class=\"actions\">"
		    "<button type=\"submit\">Gem punktet</button></div></form>");
		if (it.minutes == NULL && it.result == RESULT_NONE) {
			HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
			html_url(h, "action", arena_printf(&r->arena,
			    "%s/slet", base));
			HTML_LIT(h, "><h2>Slet punktet</h2>");
			page_csrf(&p);
			HTML_LIT(h, "<p>Punktet slettes med sine bilag og "
			    "opfølgninger, og de øvrige punkter nummereres "
			    "igen.</p><label class=\"check\"><input "
			    "type=\"checkbox\" name=\"bekraeft\" value=\"1\" "
			    "required> Ja, slet punktet</label><div "
			    "class=\"actions\"><button type=\"submit\" "
			    "class=\"danger\">Slet punktet</button></div>"
			    "</form>");
		}
	}

	if (m.state == MEETING_AFHOLDT || m.state == MEETING_REFERAT_UDKAST) {
		HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
		html_url(h, "action", arena_printf(&r->arena, "%s/referat",
		    base));
		HTML_LIT(h, "><h2>Referat</h2>");
		page_csrf(&p);
		HTML_LIT(h, "<label>Referat og beslutning<textarea "
		    "name=\"minutes\" rows=\"8\">");
		html_text(h, it.minutes);
		HTML_LIT(h, "</textarea></label><label>Beslutning<select "
		    "name=\"result\">");
		result_options(h, it.result);
		HTML_LIT(h, "</select></label><div class=\"actions\"><button "
		    "type=\"submit\">Gem referat</button></div></form>");
	} else if (m.state == MEETING_REFERAT_GODKENDT)
		HTML_LIT(h, "<p>Referatet er godkendt og kan ikke ændres.</p>");
	else
		HTML_LIT(h, "<p>Referatet skrives, når mødet er afholdt.</p>");

	HTML_LIT(h, "<h2>Bilag</h2>");
	if (it.nfiles == 0)
		HTML_LIT(h, "<p class=\"muted\">Ingen bilag endnu.</p>");
	for (i = 0; i < it.nfiles; i++)
		attachment_edit(&p, &m, &it.files[i]);
	if (m.state != MEETING_REFERAT_GODKENDT && m.state != MEETING_AFLYST) {
		HTML_LIT(h, "<form class=\"stack\" method=\"post\" "
		    "enctype=\"multipart/form-data\"");
		html_url(h, "action", arena_printf(&r->arena, "%s/bilag",
		    base));
		HTML_LIT(h, ">");
		page_csrf(&p);
		HTML_LIT(h, "<label>Fil (PDF, DOCX eller XLSX, højst 1 MiB)"
		    "<input type=\"file\" name=\"file\" required accept=\".pdf,"
		    ".docx,.xlsx\"></label><label>Navn (tom: filens navn)<input "
		    "name=\"name\" maxlength=\"300\"></label><label>Dok.nr."
		    "<input name=\"doc_no\" maxlength=\"50\"></label><label "
		    "class=\"check\"><input type=\"checkbox\" name=\"closed\" "
		    "value=\"1\"> Lukket bilag</label><div class=\"actions\">"
		    "<button type=\"submit\">Tilføj bilag</button></div></form>");
	}

	HTML_LIT(h, "<h2>Opfølgning</h2>");
	for (i = 0; i < mp.nfollow_ups; i++) {
		const struct follow_up *f = &mp.follow_ups[i];
		if (f->item_id != id)
			continue;
		nfu++;
		HTML_LIT(h, "<form class=\"filters\" method=\"post\"");
		html_url(h, "action", arena_printf(&r->arena,
		    "/opfoelgning/%lld", (long long)f->id));
		HTML_LIT(h, ">");
		page_csrf(&p);
		HTML_LIT(h, "<input type=\"hidden\" name=\"item\"");
		html_attr(h, "value", idtxt(r, id));
		HTML_LIT(h, "><span>");
		html_text(h, f->text);
		if (f->owner != NULL) {
			HTML_LIT(h, " – ");
			html_text(h, f->owner);
		}
		if (f->due_on != NULL) {
			HTML_LIT(h, ", frist ");
			html_date(h, f->due_on);
		}
		HTML_LIT(h, "</span><label>Status<select name=\"status\">");
		{
			static const char *const st[] = { "aaben", "i_gang",
			    "lukket" };
			size_t k;
			for (k = 0; k < 3; k++) {
				HTML_LIT(h, "<option");
				html_attr(h, "value", st[k]);
				if (strcmp(st[k], f->status) == 0)
					HTML_LIT(h, " selected");
				HTML_LIT(h, ">");
				html_text(h, follow_up_status_label(st[k]));
				HTML_LIT(h, "</option>");
			}
		}
		HTML_LIT(h, "</select></label><button type=\"submit\">Gem"
		    "</button></form>");
	}
	if (nfu == 0)
		HTML_LIT(h, "<p class=\"muted\">Ingen opfølgning endnu.</p>");
	HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
	html_url(h, "action", arena_printf(&r->arena, "%s/opfoelgning", base));
	HTML_LIT(h, ">");
	page_csrf(&p);
	HTML_LIT(h, "<label>Opgave<input name=\"text\" required "
	    "maxlength=\"2000\"></label><label>Ansvarlig<input name=\"owner\" "
	    "maxlength=\"200\"></label><label>Frist<input type=\"date\" "
	    "name=\"due_on\"></label><div class=\"actions\"><button "
	    "type=\"submit\">Tilføj opfølgning</button></div></form>");
	history(r, h, id);
	page_end(&p, 200);
}

/* Redirect to the item page, or show the error. */
static void
item_done(struct http_req *r, int64_t id, int rc, const struct err *e,
    const char *key)
{
	done(r, rc, e, arena_printf(&r->arena, "/punkter/%lld", (long long)id),
	    key);
}

void
page_item_post(struct http_req *r)
{
	struct item_input	in;
	struct err		e;
	int64_t			id;
	int			rc;

	if (!path_id(r, &id))
		return;
	err_clear(&e);
	if ((rc = item_input_of(r, &in, &e)) == 0)
		rc = meeting_item_update(&r->svc, id, &in, &e);
	item_done(r, id, rc, &e, "gemt");
}

void
page_item_delete_post(struct http_req *r)
{
	struct err	e;
	int64_t		id, meeting_id = 0;
	int		rc;

	if (!path_id(r, &id))
		return;
	err_clear(&e);
	if (field(r, "bekraeft") == NULL)
		rc = err_set(&e, ERR_INVALID, "not_confirmed", "bekraeft",
		    "Sæt flueben ved \"Ja, slet punktet\"");
	else
		rc = meeting_item_delete(&r->svc, id, &meeting_id, &e);
	if (rc != 0) {
		item_done(r, id, rc, &e, "slettet");
		return;
	}
	meeting_done(r, meeting_id, 0, &e, "slettet");
}

void
page_item_move_post(struct http_req *r)
{
	struct agenda_item	 it;
	struct meeting		 m;
	struct err		 e;
	const char		*dir;
	int64_t			 id;
	int			 rc;

	if (!path_id(r, &id))
		return;
	err_clear(&e);
	if ((rc = meeting_item_get(&r->svc, id, &it, &m, &e)) != 0) {
		http_send_error(r, &e);
		return;
	}
	dir = field(r, "retning");
	if (dir == NULL || (strcmp(dir, "op") != 0 && strcmp(dir, "ned") != 0))
		rc = err_set(&e, ERR_INVALID, "invalid_direction", "retning",
		    "Vælg op eller ned");
	else
		rc = meeting_item_move(&r->svc, id, strcmp(dir, "op") == 0 ?
		    -1 : 1, &e);
	meeting_done(r, m.id, rc, &e, "flyttet");
}

void
page_item_minutes_post(struct http_req *r)
{
	enum item_result	res;
	struct err		e;
	int64_t			id;
	int			rc;

	if (!path_id(r, &id))
		return;
	err_clear(&e);
	if (item_result_parse(field(r, "result"), &res) != 0)
		rc = err_set(&e, ERR_INVALID, "invalid_result", "result",
		    "Ukendt beslutning");
	else
		rc = meeting_item_minutes(&r->svc, id, field_text(r,
		    "minutes"), res, &e);
	item_done(r, id, rc, &e, "referat");
}

void
page_item_attachment_post(struct http_req *r)
{
	const struct http_field	*file;
	struct err		 e;
	int64_t			 id, fid;
	int			 rc;

	if (!path_id(r, &id))
		return;
	err_clear(&e);
	if (http_form_error(r, &e) != 0)
		rc = e.code;
	else if ((file = http_form_file(r, "file")) == NULL || file->len == 0)
		rc = err_set(&e, ERR_INVALID, "missing_file", "file",
		    "Vælg en fil");
	else {
		struct meeting_file mf = { file->filename, file->path,
		    file->len, file->hash };
		rc = meeting_attachment_add_file(&r->svc, id, field(r, "name"),
		    &mf, field(r, "closed") != NULL, field(r, "doc_no"), &fid,
		    &e);
	}
	item_done(r, id, rc, &e, "bilag");
}

void
page_item_follow_up_post(struct http_req *r)
{
	struct err	e;
	int64_t		id, fid;

	if (!path_id(r, &id))
		return;
	err_clear(&e);
	item_done(r, id, meeting_follow_up_add(&r->svc, id, field(r, "text"),
	    field(r, "owner"), field(r, "due_on"), &fid, &e), &e,
	    "opfoelgning");
}

void
page_item_approve_post(struct http_req *r)
{
	struct agenda_item	it;
	struct meeting		m;
	struct err		e;
	int64_t			id;
	int			rc;

	if (!path_id(r, &id))
		return;
	err_clear(&e);
	if ((rc = meeting_item_get(&r->svc, id, &it, &m, &e)) != 0) {
		http_send_error(r, &e);
		return;
	}
	meeting_done(r, m.id, meeting_item_approve(&r->svc, id, &e), &e,
	    "godkendt");
}

void
page_follow_up_post(struct http_req *r)
{
	struct err	e;
	int64_t		id, item;
	int		rc;

	if (!path_id(r, &id))
		return;
	err_clear(&e);
	rc = meeting_follow_up_set(&r->svc, id, field(r, "status"), &e);
	if ((item = id_of(field(r, "item"))) > 0)
		item_done(r, item, rc, &e, "opfoelgning");
	else
		done(r, rc, &e, "/moeder", "opfoelgning");
}

/* ---- attachments --------------------------------------------------- */

/* After a change to an attachment: back to its item, or the error. */
static void
attachment_done(struct http_req *r, int64_t item_id, int rc,
    const struct err *e, const char *key)
{
	if (item_id == 0)
		http_send_error(r, e);
	else
		item_done(r, item_id, rc, e, key);
}

void
page_attachment_post(struct http_req *r)
{
	struct err	e;
	int64_t		id, item_id = 0;
	int		rc;

	if (!path_id(r, &id))
		return;
	err_clear(&e);
	rc = meeting_attachment_set(&r->svc, id, field(r, "name"),
	    field(r, "closed") != NULL, &item_id, &e);
	attachment_done(r, item_id, rc, &e, "bilag");
}

void
page_attachment_delete_post(struct http_req *r)
{
	struct err	e;
	int64_t		id, item_id = 0;
	int		rc;

	if (!path_id(r, &id))
		return;
	err_clear(&e);
	rc = meeting_attachment_delete(&r->svc, id, &item_id, &e);
	attachment_done(r, item_id, rc, &e, "bilag_slettet");
}

void
page_attachment(struct http_req *r)
{
	struct attachment	 f;
	struct err		 e;
	const void		*data;
	size_t			 len;
	int64_t			 id;
	const char		*ext;

	if (!query_ok(r, (const char *const[]){ NULL }) || !path_id(r, &id))
		return;
	err_clear(&e);
	if (meeting_attachment_get(&r->svc, id, &f, &data, &len, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	ext = strcmp(f.media_type, "application/pdf") == 0 ? "pdf" :
	    strstr(f.media_type, "word") ? "docx" : "xlsx";
	http_set_header(r, "Content-Disposition", arena_printf(&r->arena,
	    "attachment; filename=\"bilag-%lld.%s\"", (long long)id, ext));
	http_send(r, 200, f.media_type, data, len);
}

/* ---- import -------------------------------------------------------- */

static void
import_form(struct page *p)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;
	struct bodies	 b;

	bodies_load(r, &b);
	HTML_LIT(h, "<form class=\"stack\" method=\"post\" "
	    "action=\"/moeder/import\" enctype=\"multipart/form-data\">");
	page_csrf(p);
	HTML_LIT(h, "<p>Referater og dagsordener gemt som tekst (UTF-8) "
	    "indlæses som møder med punkter. Den samme tekst indlæses kun én "
	    "gang.</p><label>Fil (.txt)<input type=\"file\" name=\"file\" "
	    "required accept=\".txt,text/plain\"></label><label>Organ<select "
	    "name=\"body_id\">");
	body_options(r, h, &b, 0, "Det organ, teksten nævner");
	HTML_LIT(h, "</select></label><div class=\"actions\"><button "
	    "type=\"submit\">Indlæs</button></div></form>");
}

void
page_meeting_import_form(struct http_req *r)
{
	struct page p;

	page_begin(&p, r, "Indlæs referat", "moeder");
	import_form(&p);
	page_end(&p, 200);
}

void
page_meeting_import_post(struct http_req *r)
{
	struct meeting_import_result	 res;
	const struct http_field		*file;
	struct page			 p;
	struct html			*h = &p.h;
	struct err			 e;
	size_t				 i;
	int				 rc;

	err_clear(&e);
	memset(&res, 0, sizeof(res));
	if (http_form_error(r, &e) != 0)
		rc = e.code;
	else if ((file = http_form_file(r, "file")) == NULL || file->len == 0)
		rc = err_set(&e, ERR_INVALID, "missing_file", "file",
		    "Vælg en tekstfil");
	else
		rc = meeting_import(&r->svc, file->filename ? file->filename :
		    "upload.txt", file->value, file->len,
		    id_of(field(r, "body_id")), &res, &e);
	page_begin(&p, r, "Indlæs referat", "moeder");
	if (rc != 0) {
		page_message(&p, "error", e.line > 0 ? arena_printf(&r->arena,
		    "Linje %d: %s", e.line, e.msg) : e.msg);
		import_form(&p);
		page_end(&p, http_status_of_err(rc));
		return;
	}
	page_message(&p, "ok", res.created ? arena_printf(&r->arena,
	    "Mødet er oprettet med %zu punkter.", res.nitems) :
	    "Teksten var allerede indlæst; intet er ændret.");
	HTML_LIT(h, "<p><a id=\"imported\"");
	html_url(h, "href", arena_printf(&r->arena, "/moeder/%lld",
	    (long long)res.id));
	HTML_LIT(h, ">Se mødet</a></p>");
	if (res.nunplaced > 0) {
		HTML_LIT(h, "<h2>Tekst, der ikke kunne placeres</h2><p>Teksten "
		    "er gemt på mødet.</p>");
		for (i = 0; i < res.nunplaced; i++) {
			HTML_LIT(h, "<p class=\"muted\">Linje ");
			html_int(h, res.unplaced[i].line);
			HTML_LIT(h, "</p><pre>");
			html_text(h, res.unplaced[i].text);
			HTML_LIT(h, "</pre>");
		}
	}
	if (res.nwarnings > 0) {
		HTML_LIT(h, "<h2>Bemærkninger</h2><ul>");
		for (i = 0; i < res.nwarnings; i++) {
			HTML_LIT(h, "<li>");
			if (res.warnings[i].line > 0) {
				HTML_LIT(h, "Linje ");
				html_int(h, res.warnings[i].line);
				HTML_LIT(h, ": ");
			}
			html_text(h, res.warnings[i].msg);
			HTML_LIT(h, "</li>");
		}
		HTML_LIT(h, "</ul>");
	}
	page_end(&p, 200);
}

/* ---- search -------------------------------------------------------- */

/* The snippet with \1 … \2 around hits, as <mark>. */
static void
snippet(struct http_req *r, struct html *h, const char *s)
{
	const char *p = s, *q;

	while (*p != '\0') {
		q = p + strcspn(p, "\001\002");
		html_text(h, arena_strndup(&r->arena, p, (size_t)(q - p)));
		if (*q == '\001')
			HTML_LIT(h, "<mark>");
		else if (*q == '\002')
			HTML_LIT(h, "</mark>");
		else
			break;
		p = q + 1;
	}
}

void
page_search(struct http_req *r)
{
	static const char *const allowed[] = { "q", "organ", "aar", "afsnit",
	    "beslutning", "side", NULL };
	struct search_filter	 f;
	struct search_hit	*v = NULL;
	struct bodies		 b;
	struct page		 p;
	struct html		*h = &p.h;
	struct err		 e;
	const char		*q = http_query(r, "q");
	size_t			 n = 0, i;
	int64_t			 total = 0, y, side = 1;
	int			 rc = 0, k;

	if (!query_ok(r, allowed))
		return;
	memset(&f, 0, sizeof(f));
	f.body_id = id_of(http_query(r, "organ"));
	if (http_query(r, "aar") != NULL && text_parse_i64(http_query(r,
	    "aar"), &y) == 0 && y > 1900 && y < 2200)
		f.year = (int)y;
	if (http_query(r, "afsnit") != NULL && *http_query(r, "afsnit"))
		f.section = http_query(r, "afsnit");
	if (http_query(r, "beslutning") != NULL && *http_query(r,
	    "beslutning"))
		f.result = http_query(r, "beslutning");
	if (http_query(r, "side") != NULL && (text_parse_i64(http_query(r,
	    "side"), &side) != 0 || side < 1 || side > 500))
		side = 1;
	f.limit = SEARCH_PAGE;
	f.offset = (int)(side - 1) * SEARCH_PAGE;
	err_clear(&e);
	if (q != NULL && *q != '\0')
		rc = meeting_search(&r->svc, q, &f, &v, &n, &total, &e);
	bodies_load(r, &b);
	page_begin(&p, r, "Søg i møder", "soeg");
	HTML_LIT(h, "<form class=\"filters\" method=\"get\" action=\"/soeg\" "
	    "role=\"search\"><label>Søg<input type=\"search\" name=\"q\"");
	html_attr(h, "value", q);
	HTML_LIT(h, "></label><label>Organ<select name=\"organ\">");
	body_options(r, h, &b, f.body_id, "Alle");
	HTML_LIT(h, "</select></label><label>År<input name=\"aar\" "
	    "inputmode=\"numeric\" maxlength=\"4\" size=\"4\"");
	if (f.year > 0)
		html_attr(h, "value", arena_printf(&r->arena, "%d", f.year));
	HTML_LIT(h, "></label><label>Afsnit<select name=\"afsnit\"><option "
	    "value=\"\">Alle</option>");
	for (k = SECTION_BEHANDLING; k <= SECTION_ORIENTERING; k++) {
		HTML_LIT(h, "<option");
		html_attr(h, "value", item_section_name((enum item_section)k));
		if (f.section && strcmp(f.section,
		    item_section_name((enum item_section)k)) == 0)
			HTML_LIT(h, " selected");
		HTML_LIT(h, ">");
		html_text(h, item_section_label((enum item_section)k));
		HTML_LIT(h, "</option>");
	}
	HTML_LIT(h, "</select></label><label>Beslutning<select "
	    "name=\"beslutning\">");
	{
		enum item_result sel = RESULT_NONE;
		if (f.result != NULL && item_result_parse(f.result, &sel) != 0)
			sel = RESULT_NONE;
		result_options(h, sel);
	}
	HTML_LIT(h, "</select></label><button type=\"submit\">Søg</button>"
	    "</form>");
	if (rc != 0) {
		page_message(&p, "error", e.msg);
		page_end(&p, http_status_of_err(rc));
		return;
	}
	if (q != NULL && *q != '\0') {
		HTML_LIT(h, "<p id=\"count\">");
		if (total > SEARCH_MAX_HITS) {
			/* Only the newest SEARCH_MAX_HITS are ranked. */
			HTML_LIT(h, "Mere end ");
			html_int(h, SEARCH_MAX_HITS);
			HTML_LIT(h, " punkter fundet</p><p class=\"muted\">De ");
			html_int(h, SEARCH_MAX_HITS);
			HTML_LIT(h, " nyeste vises, de bedste først. Tilføj et "
			    "ord eller et filter for at finde ældre.</p>");
			total = SEARCH_MAX_HITS;
		} else {
			html_int(h, total);
			html_text(h, total == 1 ? " punkt fundet" :
			    " punkter fundet");
			HTML_LIT(h, "</p>");
		}
		HTML_LIT(h, "<ol class=\"hits\">");
		for (i = 0; i < n; i++) {
			HTML_LIT(h, "<li><a");
			html_url(h, "href", arena_printf(&r->arena,
			    "/moeder/%lld#punkt-%d", (long long)v[i].meeting_id,
			    v[i].number));
			HTML_LIT(h, ">");
			if (v[i].number > 0) {
				html_int(h, v[i].number);
				HTML_LIT(h, ". ");
			}
			html_text(h, v[i].title);
			HTML_LIT(h, "</a><br><span class=\"muted\">");
			html_text(h, v[i].body_name);
			HTML_LIT(h, ", ");
			when(h, v[i].starts_at, NULL);
			if (v[i].result != NULL) {
				enum item_result res;
				if (item_result_parse(v[i].result, &res) == 0 &&
				    res != RESULT_NONE) {
					HTML_LIT(h, " · ");
					html_text(h, item_result_label(res));
				}
			}
			HTML_LIT(h, "</span><br>");
			snippet(r, h, v[i].snippet ? v[i].snippet : "");
			HTML_LIT(h, "</li>");
		}
		HTML_LIT(h, "</ol>");
		if (total > (int64_t)side * SEARCH_PAGE) {
			HTML_LIT(h, "<p class=\"pager\"><a");
			html_url(h, "href", arena_printf(&r->arena,
			    "/soeg?q=%s&organ=%lld&aar=%d&afsnit=%s&"
			    "beslutning=%s&side=%lld",
			    http_urlencode(&r->arena, q),
			    (long long)f.body_id, f.year,
			    http_urlencode(&r->arena, f.section ? f.section :
			    ""), http_urlencode(&r->arena, f.result ? f.result :
			    ""), (long long)side + 1));
			HTML_LIT(h, ">Næste side</a></p>");
		}
	}
	page_end(&p, 200);
}

/* ---- bodies, members and nominations ------------------------------ */

void
page_bodies(struct http_req *r)
{
	struct bodies	 b;
	struct page	 p;
	struct html	*h = &p.h;
	size_t		 i;

	if (!query_ok(r, (const char *const[]){ "besked", NULL }))
		return;
	bodies_load(r, &b);
	page_begin(&p, r, "Organer", "moeder");
	flash(&p);
	HTML_LIT(h, "<table><thead><tr><th scope=\"col\">Organ</th><th "
	    "scope=\"col\">Type</th><th scope=\"col\">Under</th><th "
	    "scope=\"col\" class=\"num\">Møder</th></tr></thead><tbody>");
	for (i = 0; i < b.n; i++) {
		HTML_LIT(h, "<tr><td><a");
		html_url(h, "href", arena_printf(&r->arena, "/organer/%lld",
		    (long long)b.v[i].id));
		HTML_LIT(h, ">");
		html_text(h, b.v[i].name);
		HTML_LIT(h, "</a></td><td>");
		html_text(h, body_kind_label(b.v[i].kind));
		if (b.v[i].ends_on != NULL) {
			HTML_LIT(h, " til ");
			html_date(h, b.v[i].ends_on);
		}
		HTML_LIT(h, "</td><td>");
		html_text(h, b.v[i].parent_name ? b.v[i].parent_name : "–");
		HTML_LIT(h, "</td><td class=\"num\">");
		html_int(h, b.v[i].nmeetings);
		HTML_LIT(h, "</td></tr>");
	}
	HTML_LIT(h, "</tbody></table>");
	if (r->who.role == ROLE_ADMIN) {
		HTML_LIT(h, "<form class=\"stack\" method=\"post\" "
		    "action=\"/organer\"><h2>Nyt organ, arbejdsgruppe eller "
		    "netværk</h2>");
		page_csrf(&p);
		HTML_LIT(h, "<label>Navn<input name=\"name\" required "
		    "maxlength=\"200\"></label><label>Forkortelse<input "
		    "name=\"short_name\" maxlength=\"30\"></label><label>Type"
		    "<select name=\"kind\"><option value=\"organ\">Organ"
		    "</option><option value=\"arbejdsgruppe\">Arbejdsgruppe"
		    "</option><option value=\"netvaerk\">Netværk</option>"
		    "</select></label><label>Under<select name=\"parent_id\">");
		body_options(r, h, &b, 0, "Intet");
		HTML_LIT(h, "</select></label><label>Kommissorium<textarea "
		    "name=\"mandate\" rows=\"3\"></textarea></label><label>"
		    "Slutdato<input type=\"date\" name=\"ends_on\"></label>"
		    "<div class=\"actions\"><button type=\"submit\">Opret"
		    "</button></div></form>");
	}
	page_end(&p, 200);
}

void
page_bodies_post(struct http_req *r)
{
	struct body	b;
	struct err	e;
	int64_t		id = 0;
	int		rc;

	memset(&b, 0, sizeof(b));
	b.name = field(r, "name");
	b.short_name = field(r, "short_name");
	b.kind = field(r, "kind");
	b.parent_id = id_of(field(r, "parent_id"));
	b.mandate = field_text(r, "mandate");
	b.ends_on = field(r, "ends_on");
	err_clear(&e);
	rc = body_save(&r->svc, &b, &id, &e);
	done(r, rc, &e, arena_printf(&r->arena, "/organer/%lld",
	    (long long)id), "gemt");
}

void
page_body_view(struct http_req *r)
{
	struct body		 b;
	struct membership	*mm;
	struct nomination	*nv;
	struct meeting_filter	 mf;
	struct meeting		*ms;
	struct page		 p;
	struct html		*h = &p.h;
	struct err		 e;
	size_t			 nm, nn, nms, i;
	int64_t			 id;
	bool			 admin = r->who.role == ROLE_ADMIN;

	if (!query_ok(r, (const char *const[]){ "besked", NULL }) ||
	    !path_id(r, &id))
		return;
	err_clear(&e);
	memset(&mf, 0, sizeof(mf));
	mf.body_id = id;
	mf.limit = 10;
	if (body_get(&r->svc, id, &b, &e) != 0 ||
	    body_members(&r->svc, id, true, &mm, &nm, &e) != 0 ||
	    body_nominations(&r->svc, id, &nv, &nn, &e) != 0 ||
	    meeting_list(&r->svc, &mf, &ms, &nms, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin(&p, r, b.name, "moeder");
	flash(&p);
	HTML_LIT(h, "<dl class=\"facts\"><dt>Type</dt><dd>");
	html_text(h, body_kind_label(b.kind));
	HTML_LIT(h, "</dd>");
	if (b.parent_name != NULL) {
		HTML_LIT(h, "<dt>Under</dt><dd><a");
		html_url(h, "href", arena_printf(&r->arena, "/organer/%lld",
		    (long long)b.parent_id));
		HTML_LIT(h, ">");
		html_text(h, b.parent_name);
		HTML_LIT(h, "</a></dd>");
	}
	if (b.mandate != NULL) {
		HTML_LIT(h, "<dt>Kommissorium</dt><dd>");
		paragraphs(h, b.mandate);
		HTML_LIT(h, "</dd>");
	}
	if (b.ends_on != NULL) {
		HTML_LIT(h, "<dt>Slutdato</dt><dd>");
		html_date(h, b.ends_on);
		HTML_LIT(h, "</dd>");
	}
	HTML_LIT(h, "</dl><h2>Medlemmer</h2>");
	if (nm == 0)
		HTML_LIT(h, "<p class=\"muted\">Ingen medlemmer registreret."
		    "</p>");
	else {
		HTML_LIT(h, "<table class=\"members\"><thead><tr><th "
		    "scope=\"col\">Navn</th><th scope=\"col\">Rolle</th><th "
		    "scope=\"col\">På vegne af</th><th scope=\"col\">"
		    "Stemmeret</th><th scope=\"col\">Periode</th>");
		if (admin)
			HTML_LIT(h, "<th scope=\"col\"></th>");
		HTML_LIT(h, "</tr></thead><tbody>");
		for (i = 0; i < nm; i++) {
			HTML_LIT(h, "<tr><td>");
			html_text(h, mm[i].person_name);
			if (mm[i].person_org != NULL) {
				HTML_LIT(h, " <span class=\"muted\">");
				html_text(h, mm[i].person_org);
				HTML_LIT(h, "</span>");
			}
			HTML_LIT(h, "</td><td>");
			html_text(h, membership_role_label(mm[i].role));
			if (mm[i].substitute_for_name != NULL) {
				HTML_LIT(h, " for ");
				html_text(h, mm[i].substitute_for_name);
			}
			HTML_LIT(h, "</td><td>");
			html_text(h, mm[i].on_behalf_name ?
			    mm[i].on_behalf_name : "–");
			HTML_LIT(h, "</td><td>");
			html_text(h, mm[i].voting ? "Ja" : "Nej");
			HTML_LIT(h, "</td><td>");
			if (mm[i].starts_on != NULL)
				html_date(h, mm[i].starts_on);
			HTML_LIT(h, " – ");
			if (mm[i].ends_on != NULL)
				html_date(h, mm[i].ends_on);
			HTML_LIT(h, "</td>");
			if (admin) {
				HTML_LIT(h, "<td>");
				button_form(&p, arena_printf(&r->arena,
				    "/medlemskaber/%lld/afslut",
				    (long long)mm[i].id), "Afslut i dag", NULL,
				    NULL, "secondary");
				HTML_LIT(h, "</td>");
			}
			HTML_LIT(h, "</tr>");
		}
		HTML_LIT(h, "</tbody></table>");
	}
	HTML_LIT(h, "<h2>Møder</h2><p class=\"actions\"><a");
	html_url(h, "href", arena_printf(&r->arena, "/organer/%lld/kalender.ics",
	    (long long)id));
	HTML_LIT(h, ">Organets mødekalender (iCal)</a></p><ul>");
	for (i = 0; i < nms; i++) {
		HTML_LIT(h, "<li><a");
		html_url(h, "href", arena_printf(&r->arena, "/moeder/%lld",
		    (long long)ms[i].id));
		HTML_LIT(h, ">");
		when(h, ms[i].starts_at, NULL);
		HTML_LIT(h, "</a> – ");
		html_text(h, meeting_state_label(ms[i].state));
		HTML_LIT(h, "</li>");
	}
	HTML_LIT(h, "</ul><p><a");
	html_url(h, "href", arena_printf(&r->arena, "/moeder?organ=%lld",
	    (long long)id));
	HTML_LIT(h, ">Alle organets møder</a></p>");
	if (nn > 0 || admin)
		HTML_LIT(h, "<h2>Udpegninger</h2>");
	if (nn > 0) {
		HTML_LIT(h, "<ul class=\"nominations\">");
		for (i = 0; i < nn; i++) {
			HTML_LIT(h, "<li><a");
			html_url(h, "href", arena_printf(&r->arena,
			    "/udpegninger/%lld", (long long)nv[i].id));
			HTML_LIT(h, ">");
			html_text(h, nv[i].title);
			HTML_LIT(h, "</a>: ");
			html_int(h, nv[i].answered);
			HTML_LIT(h, " af ");
			html_int(h, nv[i].asked);
			HTML_LIT(h, " kommuner har udpeget (frist ");
			html_date(h, nv[i].deadline);
			HTML_LIT(h, ")</li>");
		}
		HTML_LIT(h, "</ul>");
	}
	if (admin) {
		HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
		html_url(h, "action", arena_printf(&r->arena,
		    "/organer/%lld/udpegninger", (long long)id));
		HTML_LIT(h, "><h3>Bed kommunerne udpege</h3>");
		page_csrf(&p);
		HTML_LIT(h, "<label>Titel<input name=\"title\" required "
		    "maxlength=\"200\"></label><label>Frist<input type=\"date\" "
		    "name=\"deadline\" required></label><label>Pladser pr. "
		    "kommune<input name=\"seats\" inputmode=\"numeric\" "
		    "value=\"1\"></label><div class=\"actions\"><button "
		    "type=\"submit\">Send anmodning</button></div></form>");

		HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
		html_url(h, "action", arena_printf(&r->arena,
		    "/organer/%lld/medlemmer", (long long)id));
		HTML_LIT(h, "><h3>Tilføj medlem</h3>");
		page_csrf(&p);
		HTML_LIT(h, "<label>Navn<input name=\"name\" required "
		    "maxlength=\"200\"></label><label>Ansat i<select "
		    "name=\"org_code\"><option value=\"\">Andet</option>");
		org_options(r, h, NULL, false);
		HTML_LIT(h, "</select></label><label>Organisation (hvis "
		    "andet)<input name=\"organisation\" maxlength=\"200\">"
		    "</label><label>Rolle<select name=\"role\">"
		    "<option value=\"medlem\">Medlem</option>"
		    "<option value=\"formand\">Formand</option>"
		    "<option value=\"naestformand\">Næstformand</option>"
		    "<option value=\"stedfortraeder\">Stedfortræder</option>"
		    "<option value=\"observatoer\">Observatør</option>"
		    "<option value=\"sekretaer\">Sekretær</option>"
		    "</select></label><label class=\"check\"><input "
		    "type=\"checkbox\" name=\"voting\" value=\"1\" checked> "
		    "Stemmeret</label><label>På vegne af<select "
		    "name=\"on_behalf_of\"><option value=\"\">Ingen</option>");
		org_options(r, h, NULL, false);
		HTML_LIT(h, "</select></label><label>Stedfortræder for<select "
		    "name=\"substitute_for\"><option value=\"\">Ingen</option>");
		for (i = 0; i < nm; i++) {
			HTML_LIT(h, "<option");
			html_attr(h, "value", idtxt(r, mm[i].id));
			HTML_LIT(h, ">");
			html_text(h, mm[i].person_name);
			HTML_LIT(h, "</option>");
		}
		HTML_LIT(h, "</select></label><label>Fra<input type=\"date\" "
		    "name=\"starts_on\"></label><label>Til<input type=\"date\" "
		    "name=\"ends_on\"></label><label>Brugernavn (giver adgang "
		    "til lukkede punkter)<input name=\"username\" "
		    "maxlength=\"60\"></label><div class=\"actions\"><button "
		    "type=\"submit\">Tilføj medlem</button></div></form>");
	}
	page_end(&p, 200);
}

void
page_body_member_post(struct http_req *r)
{
	struct member_input	in;
	struct err		e;
	int64_t			id, mid;

	if (!path_id(r, &id))
		return;
	memset(&in, 0, sizeof(in));
	in.name = field(r, "name");
	in.org_code = field(r, "org_code");
	in.organisation = field(r, "organisation");
	in.email = field(r, "email");
	in.username = field(r, "username");
	in.role = field(r, "role");
	in.voting = field(r, "voting") != NULL;
	in.on_behalf_of = field(r, "on_behalf_of");
	in.substitute_for = id_of(field(r, "substitute_for"));
	in.starts_on = field(r, "starts_on");
	in.ends_on = field(r, "ends_on");
	err_clear(&e);
	done(r, body_member_add(&r->svc, id, &in, &mid, &e), &e,
	    arena_printf(&r->arena, "/organer/%lld", (long long)id), "medlem");
}

void
page_membership_end_post(struct http_req *r)
{
	struct err	e;
	int64_t		id;

	if (!path_id(r, &id))
		return;
	err_clear(&e);
	done(r, body_member_end(&r->svc, id, field(r, "ends_on"), &e), &e,
	    "/organer", "gemt");
}

void
page_body_nomination_post(struct http_req *r)
{
	struct nomination	nm;
	struct err		e;
	int64_t			id, nid = 0, seats = 1;
	int			rc;

	if (!path_id(r, &id))
		return;
	memset(&nm, 0, sizeof(nm));
	nm.body_id = id;
	nm.title = field(r, "title");
	nm.deadline = field(r, "deadline");
	err_clear(&e);
	if (field(r, "seats") != NULL && (text_parse_i64(field(r, "seats"),
	    &seats) != 0 || seats < 1 || seats > 20))
		rc = err_set(&e, ERR_INVALID, "invalid_seats", "seats",
		    "Antal pladser pr. kommune skal være mellem 1 og 20");
	else {
		nm.seats = (int)seats;
		rc = body_nomination_create(&r->svc, &nm, &nid, &e);
	}
	done(r, rc, &e, arena_printf(&r->arena, "/udpegninger/%lld",
	    (long long)nid), "udpegning");
}

void
page_nomination_view(struct http_req *r)
{
	struct nomination	 nm;
	struct nominee		*x;
	const char		**codes, **names;
	struct page		 p;
	struct html		*h = &p.h;
	struct err		 e;
	size_t			 nx, nmiss, i;
	int64_t			 id;

	if (!query_ok(r, (const char *const[]){ "besked", NULL }) ||
	    !path_id(r, &id))
		return;
	err_clear(&e);
	if (body_nomination_get(&r->svc, id, &nm, &x, &nx, &codes, &names,
	    &nmiss, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin(&p, r, nm.title, "moeder");
	flash(&p);
	HTML_LIT(h, "<dl class=\"facts\"><dt>Organ</dt><dd><a");
	html_url(h, "href", arena_printf(&r->arena, "/organer/%lld",
	    (long long)nm.body_id));
	HTML_LIT(h, ">");
	html_text(h, nm.body_name);
	HTML_LIT(h, "</a></dd><dt>Frist</dt><dd>");
	html_date(h, nm.deadline);
	HTML_LIT(h, "</dd><dt>Status</dt><dd id=\"nomination-status\">");
	html_int(h, nm.answered);
	HTML_LIT(h, " af ");
	html_int(h, nm.asked);
	HTML_LIT(h, " kommuner har udpeget</dd></dl><h2>Udpeget</h2>");
	if (nx == 0)
		HTML_LIT(h, "<p class=\"muted\">Ingen endnu.</p>");
	else {
		HTML_LIT(h, "<table><thead><tr><th scope=\"col\">Kommune</th>"
		    "<th scope=\"col\">Navn</th><th scope=\"col\">Registreret"
		    "</th></tr></thead><tbody>");
		for (i = 0; i < nx; i++) {
			HTML_LIT(h, "<tr><td>");
			html_text(h, x[i].org_name);
			HTML_LIT(h, "</td><td>");
			html_text(h, x[i].person_name);
			HTML_LIT(h, "</td><td>");
			html_time(h, x[i].created_at);
			HTML_LIT(h, "</td></tr>");
		}
		HTML_LIT(h, "</tbody></table>");
	}
	HTML_LIT(h, "<h2>Mangler</h2>");
	if (nmiss == 0)
		HTML_LIT(h, "<p>Alle kommuner har udpeget.</p>");
	else {
		HTML_LIT(h, "<ul id=\"missing\">");
		for (i = 0; i < nmiss; i++) {
			HTML_LIT(h, "<li>");
			html_text(h, names[i]);
			HTML_LIT(h, "</li>");
		}
		HTML_LIT(h, "</ul>");
	}
	if (r->who.role == ROLE_ADMIN) {
		HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
		html_url(h, "action", arena_printf(&r->arena,
		    "/udpegninger/%lld", (long long)id));
		HTML_LIT(h, "><h3>Registrér en udpegning</h3>");
		page_csrf(&p);
		HTML_LIT(h, "<label>Kommune<select name=\"org_code\" required>");
		org_options(r, h, NULL, true);
		HTML_LIT(h, "</select></label><label>Navn<input name=\"name\" "
		    "required maxlength=\"200\"></label><div class=\"actions\">"
		    "<button type=\"submit\">Registrér</button></div></form>");
	}
	page_end(&p, 200);
}

void
page_nomination_post(struct http_req *r)
{
	struct err	e;
	int64_t		id, xid;

	if (!path_id(r, &id))
		return;
	err_clear(&e);
	done(r, body_nominee_add(&r->svc, id, field(r, "org_code"),
	    field(r, "name"), &xid, &e), &e, arena_printf(&r->arena,
	    "/udpegninger/%lld", (long long)id), "udpeget");
}
