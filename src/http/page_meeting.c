/*
 * page_meeting — the pages of one meeting and the list of meetings:
 * meetings by body and year, creating and editing a meeting, the meeting
 * page (its header block Møde, Tid, Sted, Deltagere, Afbud, Referent,
 * Sagsnr./Dok.nr., the agenda with each item's attachments and decision
 * under it, and for the secretariat the tools below), state changes,
 * participants, the minutes loop (circulate, sign off, approve early) and
 * the changes between draft and approved minutes.
 *
 * The agenda is drawn from the meeting view (report/meeting_view.h), the
 * same the PDF, iCal, RSS and OParl outputs read, so the page and the
 * PDF show the same items; closed items are in it only for the
 * secretariat and the body's members. The header and the secretariat's
 * tools read struct meeting_page. What a user may see is decided by
 * service/meeting.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/meeting.h"
#include "core/role.h"
#include "http/gov.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "report/meeting_view.h"
#include "service/meeting.h"
#include "util/buf.h"
#include "util/text.h"

static const struct page_crumb crumb_meetings = { "/moeder", "Møder" };

/* ---- the list of meetings ----------------------------------------- */

void
page_meetings(struct http_req *r)
{
	static const char *const allowed[] = { "organ", "aar", "besked", NULL };
	static const struct ui_col cols[] = { { "Dato", 0 }, { "Organ", 0 },
	    { "Møde", 0 }, { "Status", 0 } };
	struct page		 p;
	struct html		*h = &p.h;
	struct meeting_filter	 f;
	struct meeting		*v = NULL;
	struct ui_table		 t;
	struct ui_option	*yo;
	struct err		 e;
	int			*years = NULL;
	size_t			 n = 0, ny = 0, i;
	int64_t			 y;
	int			 cur = -1, nb;
	const struct ui_option	*bo;

	if (!gov_query_ok(r, allowed))
		return;
	memset(&f, 0, sizeof(f));
	f.body_id = gov_id(http_query(r, "organ"));
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
	bo = gov_body_options(r, &nb);
	yo = arena_calloc(&r->arena, ny + 1, sizeof(*yo));
	for (i = 0; i < ny; i++)
		yo[i].value = yo[i].label = arena_printf(&r->arena, "%d",
		    years[i]);
	page_begin(&p, r, "Møder", "moeder");
	gov_flash(&p);
	HTML_LIT(h, "<ul class=\"nobullet-list links\"><li><a href=\"/soeg\">"
	    "Søg i dagsordener og referater</a></li><li><a href=\"/organer\">"
	    "Organer og medlemmer</a></li><li><a href=\"/kalender.ics\">"
	    "Mødekalender (iCal)</a></li><li><a href=\"/referater.rss\">Nye "
	    "referater (RSS)</a></li></ul>");
	if (r->who.role == ROLE_ADMIN) {
		HTML_LIT(h, "<p class=\"actions\">");
		ui_button_link(h, UI_PRIMARY, "/moeder/nyt", "Nyt møde");
		ui_button_link(h, UI_SECONDARY, "/moeder/import",
		    "Indlæs referat");
		HTML_LIT(h, "</p><p><a href=\"/moeder/ufuldstaendige\">"
		    "Ufuldstændige møder</a> (indlæst uden starttidspunkt)</p>");
	}
	HTML_LIT(h, "<form class=\"filters\" method=\"get\" action=\"/moeder\">");
	ui_select(h, &(struct ui_select){ .name = "organ", .label = "Organ",
	    .first = "Alle", .selected = f.body_id ? gov_idtxt(r, f.body_id) :
	    NULL, .options = bo, .noptions = nb }, NULL);
	ui_select(h, &(struct ui_select){ .name = "aar", .label = "År",
	    .first = "Alle", .selected = f.year ? arena_printf(&r->arena, "%d",
	    f.year) : NULL, .options = yo, .noptions = (int)ny, .width = "s" },
	    NULL);
	ui_button(h, UI_SECONDARY, "Vis", NULL, NULL);
	HTML_LIT(h, "</form>");
	if (n == 0)
		HTML_LIT(h, "<p id=\"count\">Ingen møder.</p>");
	for (i = 0; i < n; i++) {
		int year = v[i].starts_at ? atoi(v[i].starts_at) : 0;
		if (i == 0 || year != cur) {
			if (i > 0)
				ui_table_end(&t);
			cur = year;
			HTML_LIT(h, "<h2>");
			if (year > 0)
				html_text(h, arena_printf(&r->arena, "%d",
				    year));
			else
				HTML_LIT(h, "Uden dato");
			HTML_LIT(h, "</h2>");
			ui_table_begin(&t, h, NULL, cols, 4);
		}
		ui_row(&t);
		ui_cell_begin(&t);
		gov_when(h, v[i].starts_at, NULL);
		ui_cell_end(&t);
		ui_cell(&t, v[i].body_name);
		ui_cell_link(&t, arena_printf(&r->arena, "/moeder/%lld",
		    (long long)v[i].id), v[i].title);
		ui_cell_begin(&t);
		gov_state_badge(h, v[i].state);
		ui_cell_end(&t);
	}
	if (n > 0)
		ui_table_end(&t);
	page_end(&p, 200);
}

/*
 * GET /moeder/ufuldstaendige: meetings imported from minutes whose start
 * could not be read, for the secretariat to complete (each stays listed
 * until its start is set on the meeting's edit form).
 */
void
page_meetings_incomplete(struct http_req *r)
{
	static const struct ui_col cols[] = { { "Møde", 0 }, { "Organ", 0 },
	    { "Fil", 0 }, { "Punkter", UI_COL_NUM }, { "Ikke placeret", UI_COL_NUM },
	    { "Indlæst", 0 } };
	struct page			 p;
	struct html			*h = &p.h;
	struct meeting_incomplete	*v;
	struct ui_table			 t;
	struct err			 e;
	size_t				 n, i;

	err_clear(&e);
	if (meeting_incomplete_list(&r->svc, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin_crumbs(&p, r, "Ufuldstændige møder", "moeder",
	    (const struct page_crumb[]){ { "/moeder", "Møder" } }, 1);
	HTML_LIT(h, "<p>Møder indlæst fra referater, hvor mødets "
	    "starttidspunkt ikke kunne læses. De vises under «Uden dato» og "
	    "kommer ikke i mødekalenderen, før tidspunktet er sat. Åbn mødet "
	    "og vælg «Rediger» for at sætte dato og tid.</p>");
	if (n == 0) {
		HTML_LIT(h, "<p id=\"count\">Ingen ufuldstændige møder.</p>");
		page_end(&p, 200);
		return;
	}
	HTML_LIT(h, "<p id=\"count\">");
	html_int(h, (int64_t)n);
	html_text(h, n == 1 ? " ufuldstændigt møde." :
	    " ufuldstændige møder.");
	HTML_LIT(h, "</p>");
	ui_table_begin(&t, h, NULL, cols, 6);
	for (i = 0; i < n; i++) {
		ui_row(&t);
		ui_cell_link(&t, arena_printf(&r->arena, "/moeder/%lld",
		    (long long)v[i].id), v[i].title);
		ui_cell(&t, v[i].body_name);
		ui_cell(&t, v[i].source_name ? v[i].source_name : "–");
		ui_cell_int(&t, v[i].nitems);
		ui_cell_int(&t, v[i].nunplaced);
		ui_cell_begin(&t);
		html_time(h, v[i].created_at);
		ui_cell_end(&t);
	}
	ui_table_end(&t);
	page_end(&p, 200);
}

/* ---- creating and editing a meeting ------------------------------- */

static void
meeting_form(struct page *p, const struct meeting *m, const char *action,
    const char *button, const struct ui_errors *errs)
{
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	const struct ui_option	*bo;
	int			 nb;

	bo = gov_body_options(r, &nb);
	ui_error_summary(h, errs);
	HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
	html_url(h, "action", action);
	HTML_LIT(h, ">");
	page_csrf(p);
	ui_select(h, &(struct ui_select){ .name = "body_id", .label = "Organ",
	    .first = "Vælg organ", .required = true, .options = bo,
	    .noptions = nb, .selected = m && m->body_id ? gov_idtxt(r,
	    m->body_id) : NULL }, errs);
	ui_field(h, &(struct ui_field){ .name = "title", .label = "Titel",
	    .hint = "Tom: »Møde i« og organets navn", .value = m ? m->title :
	    NULL, .maxlength = MEETING_TITLE_MAX }, errs);
	ui_field(h, &(struct ui_field){ .name = "starts_at", .label = "Starter",
	    .type = UI_DATETIME, .required = true, .width = "m",
	    .value = m ? m->starts_at : NULL }, errs);
	ui_field(h, &(struct ui_field){ .name = "ends_at", .label = "Slutter",
	    .type = UI_DATETIME, .width = "m", .value = m ? m->ends_at : NULL },
	    errs);
	ui_field(h, &(struct ui_field){ .name = "place", .label = "Sted",
	    .value = m ? m->place : NULL, .maxlength = MEETING_PLACE_MAX },
	    errs);
	ui_field(h, &(struct ui_field){ .name = "room", .label = "Lokale",
	    .value = m ? m->room : NULL, .maxlength = MEETING_ROOM_MAX }, errs);
	ui_field(h, &(struct ui_field){ .name = "referent", .label = "Referent",
	    .value = m ? m->referent : NULL, .maxlength = MEETING_REFERENT_MAX },
	    errs);
	ui_field(h, &(struct ui_field){ .name = "case_no", .label = "Sagsnr.",
	    .value = m ? m->case_no : NULL, .maxlength = MEETING_CASE_NO_MAX,
	    .width = "m" }, errs);
	ui_field(h, &(struct ui_field){ .name = "doc_no", .label = "Dok.nr.",
	    .value = m ? m->doc_no : NULL, .maxlength = MEETING_CASE_NO_MAX,
	    .width = "m" }, errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, button, NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

static void
meeting_input_of(struct http_req *r, struct meeting_input *in,
    struct meeting *m)
{
	memset(in, 0, sizeof(*in));
	in->body_id = gov_id(gov_field(r, "body_id"));
	in->title = gov_field(r, "title");
	in->starts_at = gov_time_field(r, "starts_at");
	in->ends_at = gov_time_field(r, "ends_at");
	in->place = gov_field(r, "place");
	in->room = gov_field(r, "room");
	in->referent = gov_field(r, "referent");
	in->case_no = gov_field(r, "case_no");
	in->doc_no = gov_field(r, "doc_no");
	memset(m, 0, sizeof(*m));
	m->body_id = in->body_id;
	m->title = in->title;
	m->starts_at = in->starts_at;
	m->ends_at = in->ends_at;
	m->place = in->place;
	m->room = in->room;
	m->referent = in->referent;
	m->case_no = in->case_no;
	m->doc_no = in->doc_no;
}

void
page_meeting_new_form(struct http_req *r)
{
	struct page p;

	page_begin_crumbs(&p, r, "Nyt møde", "moeder", &crumb_meetings, 1);
	HTML_LIT(&p.h, "<p>Mødet oprettes som planlagt med punkterne "
	    "Godkendelse af dagsorden, Godkendelse af referat fra organets "
	    "forrige møde, Evt. og Næste møde. Organets stemmeberettigede "
	    "medlemmer og stedfortrædere sættes på som deltagere.</p>");
	meeting_form(&p, NULL, "/moeder/nyt", "Opret møde", NULL);
	page_end(&p, 200);
}

void
page_meeting_new_post(struct http_req *r)
{
	struct meeting_input	in;
	struct meeting		m;
	struct ui_errors	errs;
	struct page		p;
	struct err		e;
	int64_t			id;
	int			rc;

	meeting_input_of(r, &in, &m);
	err_clear(&e);
	if ((rc = meeting_create(&r->svc, &in, &id, &e)) == 0) {
		http_redirect(r, arena_printf(&r->arena,
		    "/moeder/%lld?besked=oprettet", (long long)id));
		return;
	}
	ui_errors_init(&errs);
	ui_errors_add_err(&errs, r, &e);
	page_begin_crumbs(&p, r, "Nyt møde", "moeder", &crumb_meetings, 1);
	meeting_form(&p, &m, "/moeder/nyt", "Opret møde", &errs);
	page_end(&p, http_status_of_err(rc));
}

/* The edit form of meeting id; m the values shown. */
static void
edit_page(struct http_req *r, int64_t id, const char *title,
    const struct meeting *m, const struct ui_errors *errs, int status)
{
	struct page	 p;
	const char	*back = arena_printf(&r->arena, "/moeder/%lld",
			    (long long)id);

	page_begin_crumbs(&p, r, "Ret mødet", "moeder", (const struct
	    page_crumb[]){ crumb_meetings, { back, title } }, 2);
	meeting_form(&p, m, arena_printf(&r->arena, "/moeder/%lld/rediger",
	    (long long)id), "Gem", errs);
	page_end(&p, status);
}

void
page_meeting_edit_form(struct http_req *r)
{
	struct meeting	m;
	struct err	e;
	int64_t		id;

	if (!gov_path_id(r, &id))
		return;
	err_clear(&e);
	if (meeting_get(&r->svc, id, &m, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	edit_page(r, id, m.title, &m, NULL, 200);
}

void
page_meeting_edit_post(struct http_req *r)
{
	struct meeting_input	in;
	struct meeting		m, old;
	struct ui_errors	errs;
	struct err		e;
	int64_t			id;
	int			rc;

	if (!gov_path_id(r, &id))
		return;
	meeting_input_of(r, &in, &m);
	err_clear(&e);
	if ((rc = meeting_update(&r->svc, id, &in, &e)) == 0 ||
	    rc == ERR_NOT_FOUND || rc == ERR_FORBIDDEN) {
		gov_done(r, rc, &e, arena_printf(&r->arena, "/moeder/%lld",
		    (long long)id), "gemt");
		return;
	}
	ui_errors_init(&errs);
	ui_errors_add_err(&errs, r, &e);
	if (meeting_get(&r->svc, id, &old, &e) != 0)
		old.title = "Mødet";
	edit_page(r, id, old.title, &m, &errs, http_status_of_err(rc));
}

/* ---- one meeting --------------------------------------------------- */

static void
person_line(struct html *h, const struct meeting_view_person *pp)
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

/* The fact "term" with the people of one status, or none_text. */
static void
people_fact(struct html *h, const struct meeting_view *v, const char *term,
    const char *status, const char *none_text)
{
	size_t	i;
	int	k = 0;

	for (i = 0; i < v->npeople; i++)
		if (strcmp(v->people[i].status, status) == 0)
			k++;
	if (k == 0 && none_text == NULL)
		return;
	ui_fact_begin(h, term);
	if (k == 0)
		html_text(h, none_text);
	for (i = 0, k = 0; i < v->npeople; i++) {
		if (strcmp(v->people[i].status, status) != 0)
			continue;
		if (k++ > 0)
			HTML_LIT(h, "; ");
		person_line(h, &v->people[i]);
	}
	ui_fact_end(h);
}

/* The agenda item of mp with id, or NULL. */
static const struct agenda_item *
item_of(const struct meeting_page *mp, int64_t id)
{
	size_t i;

	for (i = 0; i < mp->nitems; i++)
		if (mp->items[i].id == id)
			return &mp->items[i];
	return NULL;
}

/* "PDF, 12 kB" of an attachment. */
static void
file_facts(struct html *h, const struct meeting_view_file *f)
{
	HTML_LIT(h, " <span class=\"muted\">(");
	html_text(h, f->media_type == NULL ? "Fil" :
	    strcmp(f->media_type, "application/pdf") == 0 ? "PDF" :
	    strstr(f->media_type, "word") ? "DOCX" : "XLSX");
	HTML_LIT(h, ", ");
	html_int(h, (f->size + 1023) / 1024);
	HTML_LIT(h, " kB)</span>");
}

/* The secretariat's actions under one item. */
static void
item_actions(struct page *p, const struct meeting_page *mp,
    const struct agenda_item *it)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;
	const char	*mv;

	HTML_LIT(h, "<div class=\"actions item-actions\">");
	ui_button_link(h, UI_SECONDARY, arena_printf(&r->arena,
	    "/punkter/%lld", (long long)it->id), "Rediger punkt, referat og "
	    "bilag");
	if (mp->m.state != MEETING_AFLYST &&
	    mp->m.state != MEETING_REFERAT_GODKENDT) {
		mv = arena_printf(&r->arena, "/punkter/%lld/flyt",
		    (long long)it->id);
		gov_button_form(p, mv, "Flyt op", "retning", "op",
		    UI_TERTIARY);
		gov_button_form(p, mv, "Flyt ned", "retning", "ned",
		    UI_TERTIARY);
	}
	if (it->kind == ITEM_REFERAT && it->prev_meeting > 0 &&
	    it->result != RESULT_GODKENDT &&
	    mp->m.state != MEETING_PLANLAGT &&
	    mp->m.state != MEETING_AFLYST &&
	    mp->m.state != MEETING_REFERAT_GODKENDT)
		gov_button_form(p, arena_printf(&r->arena,
		    "/punkter/%lld/godkend", (long long)it->id),
		    "Godkend referatet fra forrige møde", NULL, NULL,
		    UI_PRIMARY);
	HTML_LIT(h, "</div>");
}

/* One item of the agenda: text, attachments, then the decision. */
static void
item_block(struct page *p, const struct meeting_page *mp,
    const struct meeting_view_item *vi)
{
	struct http_req			*r = p->r;
	struct html			*h = &p->h;
	const struct agenda_item	*it = item_of(mp, vi->id);
	struct follow_up		*fu;
	size_t				 i, nfu = 0;

	HTML_LIT(h, "<article class=\"item");
	if (vi->closed)
		HTML_LIT(h, " closed");
	HTML_LIT(h, "\"");
	html_attr(h, "id", arena_printf(&r->arena, "punkt-%d", vi->number));
	HTML_LIT(h, "><h3>");
	if (vi->number > 0) {
		html_int(h, vi->number);
		HTML_LIT(h, ". ");
	}
	html_text(h, vi->title);
	HTML_LIT(h, "</h3>");
	if (vi->closed) {
		HTML_LIT(h, "<p>");
		ui_badge(h, UI_WARNING, "Lukket punkt");
		HTML_LIT(h, " <span class=\"muted\">Vises kun for organets "
		    "medlemmer og sekretariatet</span></p>");
	}
	if (vi->presenter != NULL) {
		HTML_LIT(h, "<p class=\"muted\">Fremlægges af ");
		html_text(h, vi->presenter);
		HTML_LIT(h, "</p>");
	}
	if (vi->background != NULL) {
		HTML_LIT(h, "<h4>Sagsfremstilling</h4>");
		gov_paragraphs(h, vi->background);
	}
	if (vi->earlier != NULL) {
		HTML_LIT(h, "<h4>Tidligere indstilling</h4><blockquote>");
		gov_paragraphs(h, vi->earlier);
		HTML_LIT(h, "</blockquote>");
	}
	if (vi->recommendation != NULL) {
		HTML_LIT(h, "<h4>Indstilling</h4>");
		gov_paragraphs(h, vi->recommendation);
	}
	if (vi->nfiles > 0) {
		HTML_LIT(h, "<h4>Bilag</h4><ul class=\"files\">");
		for (i = 0; i < vi->nfiles; i++) {
			const struct meeting_view_file *f = &vi->files[i];
			HTML_LIT(h, "<li>");
			if (f->url != NULL) {
				HTML_LIT(h, "<a");
				html_url(h, "href", f->url);
				HTML_LIT(h, ">");
				html_text(h, f->name);
				HTML_LIT(h, "</a>");
				file_facts(h, f);
			} else
				html_text(h, f->name);
			if (f->doc_no != NULL) {
				HTML_LIT(h, " <span class=\"muted\">Dok.nr. ");
				html_text(h, f->doc_no);
				HTML_LIT(h, "</span>");
			}
			if (f->closed) {
				HTML_LIT(h, " ");
				ui_badge(h, UI_WARNING, "Lukket bilag");
			}
			HTML_LIT(h, "</li>");
		}
		HTML_LIT(h, "</ul>");
	}
	if (vi->minutes != NULL || (it != NULL &&
	    it->result != RESULT_NONE)) {
		HTML_LIT(h, "<div class=\"minutes\"><h4>Referat</h4>");
		gov_paragraphs(h, vi->minutes);
		if (it != NULL && it->result != RESULT_NONE) {
			HTML_LIT(h, "<p class=\"result\">Beslutning: ");
			html_text(h, vi->result);
			HTML_LIT(h, "</p>");
		}
		HTML_LIT(h, "</div>");
	}
	for (i = 0; i < mp->nfollow_ups; i++)
		if (mp->follow_ups[i].item_id == vi->id)
			nfu++;
	if (nfu > 0) {
		fu = arena_calloc(&r->arena, nfu, sizeof(*fu));
		for (i = 0, nfu = 0; i < mp->nfollow_ups; i++)
			if (mp->follow_ups[i].item_id == vi->id)
				fu[nfu++] = mp->follow_ups[i];
		HTML_LIT(h, "<h4>Opfølgning</h4>");
		gov_follow_up_table(r, h, fu, nfu, false);
	}
	if (mp->may_edit && it != NULL)
		item_actions(p, mp, it);
	if (it != NULL && it->kind == ITEM_REFERAT && it->prev_meeting > 0) {
		HTML_LIT(h, "<p><a");
		html_url(h, "href", arena_printf(&r->arena, "/moeder/%lld",
		    (long long)it->prev_meeting));
		HTML_LIT(h, ">Referatet fra forrige møde</a></p>");
	}
	HTML_LIT(h, "</article>\n");
}

/* The Status fact: badge and how the minutes were approved. */
static void
status_fact(struct page *p, const struct meeting_page *mp)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;

	ui_fact_begin(h, "Status");
	HTML_LIT(h, "<span id=\"state\">");
	gov_state_badge(h, mp->m.state);
	if (mp->m.state == MEETING_REFERAT_GODKENDT &&
	    mp->m.source_fingerprint != NULL) {
		HTML_LIT(h, " indlæst fra tekst den ");
		html_time(h, mp->m.created_at);
	} else if (mp->m.state == MEETING_REFERAT_GODKENDT &&
	    mp->m.minutes_approved_at != NULL) {
		HTML_LIT(h, " den ");
		html_time(h, mp->m.minutes_approved_at);
		if (mp->next_meeting > 0) {
			HTML_LIT(h, " på <a");
			html_url(h, "href", arena_printf(&r->arena,
			    "/moeder/%lld", (long long)mp->next_meeting));
			HTML_LIT(h, ">næste møde</a>");
		}
		if (mp->m.approved_early) {
			HTML_LIT(h, " før næste møde: ");
			html_text(h, mp->m.approval_note);
		}
	}
	HTML_LIT(h, "</span>");
	ui_fact_end(h);
}

/* Links to the documents and the neighbouring meetings. */
static void
documents(struct page *p, const struct meeting_page *mp)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;
	long long	 id = (long long)mp->m.id;

	HTML_LIT(h, "<ul class=\"nobullet-list links\" id=\"documents\"><li><a");
	html_url(h, "href", arena_printf(&r->arena, "/moeder/%lld/dagsorden.pdf",
	    id));
	HTML_LIT(h, ">Dagsorden (PDF)</a></li><li><a");
	html_url(h, "href", arena_printf(&r->arena, "/moeder/%lld/pakke.pdf",
	    id));
	HTML_LIT(h, ">Mødepakke med bilag (PDF)</a></li>");
	if (mp->show_minutes && (mp->m.state == MEETING_REFERAT_UDKAST ||
	    mp->m.state == MEETING_REFERAT_GODKENDT)) {
		HTML_LIT(h, "<li><a");
		html_url(h, "href", arena_printf(&r->arena,
		    "/moeder/%lld/referat.pdf", id));
		HTML_LIT(h, ">");
		html_text(h, mp->minutes_draft ? "Udkast til referat (PDF)" :
		    "Referat (PDF)");
		HTML_LIT(h, "</a></li>");
	}
	if (mp->m.state == MEETING_REFERAT_GODKENDT) {
		HTML_LIT(h, "<li><a");
		html_url(h, "href", arena_printf(&r->arena,
		    "/moeder/%lld/referat/aendringer", id));
		HTML_LIT(h, ">Ændringer fra udkast til godkendt referat</a>"
		    "</li>");
	}
	if (mp->prev_meeting > 0) {
		HTML_LIT(h, "<li><a");
		html_url(h, "href", arena_printf(&r->arena, "/moeder/%lld",
		    (long long)mp->prev_meeting));
		HTML_LIT(h, ">Forrige møde</a></li>");
	}
	HTML_LIT(h, "</ul>");
}

/* Text an import could not place, for the secretariat and members. */
static void
unplaced(struct html *h, const char *text)
{
	json_error_t	 je;
	json_t		*a = json_loads(text, 0, &je), *b;
	size_t		 k;

	ui_accordion_begin(h, "Tekst, der ikke kunne placeres ved "
	    "indlæsningen", false);
	json_array_foreach(a, k, b) {
		HTML_LIT(h, "<p class=\"muted\">Linje ");
		html_int(h, json_integer_value(json_object_get(b, "line")));
		HTML_LIT(h, "</p><pre>");
		html_text(h, json_string_value(json_object_get(b, "text")));
		HTML_LIT(h, "</pre>");
	}
	json_decref(a);
	ui_accordion_end(h);
}

void
page_meeting_render(struct http_req *r, int64_t id, const struct err *err,
    int status)
{
	struct meeting_page	 mp;
	struct meeting_view	 v;
	struct page		 p;
	struct html		*h = &p.h;
	struct err		 e;
	const char		*last = NULL;
	bool			 closed;
	size_t			 i;

	err_clear(&e);
	if (meeting_load(&r->svc, id, &mp, &e) != 0 ||
	    gov_view(r, id, &v, &closed, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin_crumbs(&p, r, mp.m.title, "moeder", &crumb_meetings, 1);
	if (err != NULL)
		ui_alert(h, UI_ERROR, NULL, err->msg);
	gov_flash(&p);
	if (mp.m.state == MEETING_AFLYST)
		ui_alert(h, UI_WARNING, NULL, "Mødet er aflyst.");
	/* Minutes exist once the meeting is held; before that there is
	 * no draft to warn of. */
	if (mp.minutes_draft && (mp.m.state == MEETING_AFHOLDT ||
	    mp.m.state == MEETING_REFERAT_UDKAST))
		ui_alert(h, UI_WARNING, NULL, mp.m.minutes_circulated_at ?
		    "Referatet er et udkast, udsendt til medlemmerne; det er "
		    "ikke godkendt." : "Referatet er et udkast og er ikke "
		    "godkendt eller offentliggjort.");
	HTML_LIT(h, "<div class=\"meeting-head\">");
	ui_facts_begin(h);
	ui_fact_begin(h, "Møde");
	html_text(h, v.title);
	HTML_LIT(h, " · <a");
	html_url(h, "href", arena_printf(&r->arena, "/organer/%lld",
	    (long long)mp.m.body_id));
	HTML_LIT(h, ">");
	html_text(h, v.body_name);
	HTML_LIT(h, "</a>");
	ui_fact_end(h);
	ui_fact_begin(h, "Tid");
	gov_when(h, v.start, v.end);
	ui_fact_end(h);
	ui_fact_begin(h, "Sted");
	html_text(h, v.place ? v.place : "Ikke oplyst");
	if (v.room != NULL) {
		HTML_LIT(h, ", ");
		html_text(h, v.room);
	}
	ui_fact_end(h);
	people_fact(h, &v, "Deltagere", "deltager", "Ikke oplyst");
	people_fact(h, &v, "Afbud", "afbud", "Ingen afbud");
	people_fact(h, &v, "Fraværende", "fravaerende", NULL);
	ui_fact(h, "Referent", v.referent ? v.referent : "Ikke oplyst");
	ui_fact(h, "Sagsnr./Dok.nr.", arena_printf(&r->arena, "%s / %s",
	    v.case_no ? v.case_no : "–", v.doc_no ? v.doc_no : "–"));
	status_fact(&p, &mp);
	ui_facts_end(h);
	HTML_LIT(h, "</div>");
	documents(&p, &mp);

	if (mp.member && !mp.may_edit && mp.minutes_draft &&
	    mp.m.minutes_circulated_at != NULL) {
		if (mp.signed_off)
			ui_alert(h, UI_SUCCESS, NULL,
			    "Du har tiltrådt referatet.");
		else
			gov_button_form(&p, arena_printf(&r->arena,
			    "/moeder/%lld/referat/tiltraed", (long long)id),
			    "Tiltræd referatet", NULL, NULL, UI_PRIMARY);
	}
	if (mp.nopen > 0) {
		HTML_LIT(h, "<section class=\"open-follow-ups\"><h2>Opfølgning "
		    "på tidligere beslutninger</h2>");
		gov_follow_up_table(r, h, mp.open, mp.nopen, true);
		HTML_LIT(h, "</section>");
	}

	HTML_LIT(h, "<h2>");
	html_text(h, mp.show_minutes ? "Dagsorden og referat" : "Dagsorden");
	HTML_LIT(h, "</h2>");
	if (v.nitems == 0)
		HTML_LIT(h, "<p>Dagsordenen har ingen punkter endnu.</p>");
	for (i = 0; i < v.nitems; i++) {
		const char *heading = v.items[i].section;
		if (heading != NULL && (last == NULL ||
		    strcmp(heading, last) != 0)) {
			HTML_LIT(h, "<h2 class=\"section\">");
			html_text(h, heading);
			HTML_LIT(h, "</h2>");
		}
		last = heading;
		item_block(&p, &mp, &v.items[i]);
	}
	if (mp.m.unplaced != NULL && (mp.may_edit || mp.member))
		unplaced(h, mp.m.unplaced);
	if (mp.may_edit)
		page_meeting_admin(&p, &mp);
	page_end(&p, status);
}

void
page_meeting_view(struct http_req *r)
{
	static const char *const allowed[] = { "besked", NULL };
	int64_t id;

	if (!gov_query_ok(r, allowed) || !gov_path_id(r, &id))
		return;
	page_meeting_render(r, id, NULL, 200);
}

void
page_meeting_done(struct http_req *r, int64_t id, int rc, const struct err *e,
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
	page_meeting_render(r, id, e, http_status_of_err(rc));
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
	const char		*back;

	if (!gov_query_ok(r, (const char *const[]){ NULL }) ||
	    !gov_path_id(r, &id))
		return;
	err_clear(&e);
	if (meeting_get(&r->svc, id, &m, &e) != 0 ||
	    meeting_minutes_diff(&r->svc, id, &d, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	back = arena_printf(&r->arena, "/moeder/%lld", (long long)id);
	page_begin_crumbs(&p, r, "Ændringer i referatet", "moeder",
	    (const struct page_crumb[]){ crumb_meetings, { back, m.title } },
	    2);
	HTML_LIT(h, "<p><a");
	html_url(h, "href", back);
	HTML_LIT(h, ">");
	html_text(h, m.title);
	HTML_LIT(h, "</a>, ");
	gov_when(h, m.starts_at, NULL);
	HTML_LIT(h, "</p>");
	if (m.minutes_circulated_at == NULL)
		ui_alert(h, UI_INFO, NULL, "Referatet blev ikke udsendt som "
		    "udkast; det godkendte referat er det eneste.");
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
