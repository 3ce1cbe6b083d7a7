/*
 * page_body — bodies, working groups and networks: the list and a new
 * one, a body with its members (ending a membership confirms first), its
 * meetings and nominations, adding a member, and asking the
 * municipalities to nominate (with the nominations registered).
 */
#include <stdio.h>
#include <string.h>

#include "core/meeting.h"
#include "core/role.h"
#include "http/api.h"
#include "http/gov.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "service/body.h"
#include "service/meeting.h"
#include "util/buf.h"
#include "util/text.h"

static const struct page_crumb crumb_bodies = { "/organer", "Organer" };

static const struct ui_option kind_options[] = {
	{ "organ", "Organ" }, { "arbejdsgruppe", "Arbejdsgruppe" },
	{ "netvaerk", "Netværk" } };

static const struct ui_option role_options[] = {
	{ "medlem", "Medlem" }, { "formand", "Formand" },
	{ "naestformand", "Næstformand" }, { "stedfortraeder", "Stedfortræder" },
	{ "observatoer", "Observatør" }, { "sekretaer", "Sekretær" } };

void
page_bodies(struct http_req *r)
{
	static const struct ui_col cols[] = { { "Organ", 0 }, { "Type", 0 },
	    { "Under", 0 }, { "Møder", UI_COL_NUM } };
	struct body		*b;
	struct ui_table		 t;
	struct page		 p;
	struct html		*h = &p.h;
	struct err		 e;
	const struct ui_option	*bo;
	size_t			 n, i;
	int			 nb;

	if (!gov_query_ok(r, (const char *const[]){ "besked", NULL }))
		return;
	err_clear(&e);
	if (body_list(&r->svc, &b, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin(&p, r, "Organer", "moeder");
	gov_flash(&p);
	ui_table_begin(&t, h, NULL, cols, 4);
	for (i = 0; i < n; i++) {
		ui_row(&t);
		ui_cell_link(&t, arena_printf(&r->arena, "/organer/%lld",
		    (long long)b[i].id), b[i].name);
		ui_cell_begin(&t);
		html_text(h, body_kind_label(b[i].kind));
		if (b[i].ends_on != NULL) {
			HTML_LIT(h, " til ");
			html_date(h, b[i].ends_on);
		}
		ui_cell_end(&t);
		ui_cell(&t, b[i].parent_name ? b[i].parent_name : "–");
		ui_cell_int(&t, b[i].nmeetings);
	}
	ui_table_end(&t);
	if (r->who.role == ROLE_ADMIN) {
		bo = gov_body_options(r, &nb);
		HTML_LIT(h, "<form class=\"stack\" method=\"post\" "
		    "action=\"/organer\"><h2>Nyt organ, arbejdsgruppe eller "
		    "netværk</h2>");
		page_csrf(&p);
		ui_field(h, &(struct ui_field){ .name = "name", .label = "Navn",
		    .required = true, .maxlength = BODY_NAME_MAX }, NULL);
		ui_field(h, &(struct ui_field){ .name = "short_name",
		    .label = "Forkortelse", .width = "s",
		    .maxlength = BODY_SHORT_MAX }, NULL);
		ui_select(h, &(struct ui_select){ .name = "kind",
		    .label = "Type", .selected = "organ",
		    .options = kind_options, .noptions = 3 }, NULL);
		ui_select(h, &(struct ui_select){ .name = "parent_id",
		    .label = "Under", .first = "Intet", .options = bo,
		    .noptions = nb }, NULL);
		ui_field(h, &(struct ui_field){ .name = "mandate",
		    .label = "Kommissorium", .type = UI_TEXTAREA, .rows = 3 },
		    NULL);
		ui_field(h, &(struct ui_field){ .name = "ends_on",
		    .label = "Slutdato", .type = UI_DATE, .width = "m" }, NULL);
		HTML_LIT(h, "<div class=\"actions\">");
		ui_button(h, UI_PRIMARY, "Opret", NULL, NULL);
		HTML_LIT(h, "</div></form>");
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
	b.name = gov_field(r, "name");
	b.short_name = gov_field(r, "short_name");
	b.kind = gov_field(r, "kind");
	b.parent_id = gov_id(gov_field(r, "parent_id"));
	b.mandate = gov_field_text(r, "mandate");
	b.ends_on = gov_field(r, "ends_on");
	err_clear(&e);
	rc = body_save(&r->svc, &b, &id, &e);
	gov_done(r, rc, &e, arena_printf(&r->arena, "/organer/%lld",
	    (long long)id), "gemt");
}

/* The members' table; admin adds the button that ends a membership. */
static void
members(struct page *p, const struct membership *mm, size_t nm, bool admin)
{
	static const struct ui_col cols[] = { { "Navn", 0 }, { "Rolle", 0 },
	    { "På vegne af", 0 }, { "Stemmeret", 0 }, { "Periode", 0 },
	    { "Afslut", 0 } };
	struct http_req	*r = p->r;
	struct html	*h = &p->h;
	struct ui_table	 t;
	size_t		 i;

	ui_table_begin(&t, h, NULL, cols, admin ? 6 : 5);
	for (i = 0; i < nm; i++) {
		ui_row(&t);
		ui_cell_begin(&t);
		html_text(h, mm[i].person_name);
		if (mm[i].person_org != NULL) {
			HTML_LIT(h, " <span class=\"muted\">");
			html_text(h, mm[i].person_org);
			HTML_LIT(h, "</span>");
		}
		ui_cell_end(&t);
		ui_cell_begin(&t);
		html_text(h, membership_role_label(mm[i].role));
		if (mm[i].substitute_for_name != NULL) {
			HTML_LIT(h, " for ");
			html_text(h, mm[i].substitute_for_name);
		}
		ui_cell_end(&t);
		ui_cell(&t, mm[i].on_behalf_name ? mm[i].on_behalf_name : "–");
		ui_cell(&t, mm[i].voting ? "Ja" : "Nej");
		ui_cell_begin(&t);
		if (mm[i].starts_on != NULL)
			html_date(h, mm[i].starts_on);
		HTML_LIT(h, " – ");
		if (mm[i].ends_on != NULL)
			html_date(h, mm[i].ends_on);
		ui_cell_end(&t);
		if (admin) {
			ui_cell_begin(&t);
			gov_button_form(p, arena_printf(&r->arena,
			    "/medlemskaber/%lld/afslut", (long long)mm[i].id),
			    "Afslut i dag", NULL, NULL, UI_SECONDARY);
			ui_cell_end(&t);
		}
	}
	ui_table_end(&t);
}

/* The secretariat's forms on a body's page. */
static void
body_forms(struct page *p, int64_t id, const struct membership *mm,
    size_t nm)
{
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	const struct ui_option	*oo;
	struct ui_option	*so;
	size_t			 i;
	int			 no;

	HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
	html_url(h, "action", arena_printf(&r->arena,
	    "/organer/%lld/udpegninger", (long long)id));
	HTML_LIT(h, "><h3>Bed kommunerne udpege</h3>");
	page_csrf(p);
	ui_field(h, &(struct ui_field){ .name = "title", .id = "nom-title",
	    .label = "Titel", .required = true,
	    .maxlength = NOMINATION_TITLE_MAX }, NULL);
	ui_field(h, &(struct ui_field){ .name = "deadline", .label = "Frist",
	    .type = UI_DATE, .required = true, .width = "m" }, NULL);
	ui_field(h, &(struct ui_field){ .name = "seats",
	    .label = "Pladser pr. kommune", .type = UI_NUMBER,
	    .inputmode = "numeric", .value = "1", .width = "xs" }, NULL);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Send anmodning", NULL, NULL);
	HTML_LIT(h, "</div></form>");

	oo = gov_org_options(r, false, &no);
	so = arena_calloc(&r->arena, nm + 1, sizeof(*so));
	for (i = 0; i < nm; i++) {
		so[i].value = gov_idtxt(r, mm[i].id);
		so[i].label = mm[i].person_name;
	}
	HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
	html_url(h, "action", arena_printf(&r->arena,
	    "/organer/%lld/medlemmer", (long long)id));
	HTML_LIT(h, "><h3>Tilføj medlem</h3>");
	page_csrf(p);
	ui_field(h, &(struct ui_field){ .name = "name", .label = "Navn",
	    .required = true, .maxlength = PERSON_NAME_MAX }, NULL);
	ui_select(h, &(struct ui_select){ .name = "org_code",
	    .label = "Ansat i", .first = "Andet", .options = oo,
	    .noptions = no }, NULL);
	ui_field(h, &(struct ui_field){ .name = "organisation",
	    .label = "Organisation (hvis andet)",
	    .maxlength = PERSON_ORG_MAX }, NULL);
	ui_select(h, &(struct ui_select){ .name = "role", .label = "Rolle",
	    .selected = "medlem", .options = role_options, .noptions = 6 },
	    NULL);
	ui_checkbox(h, &(struct ui_check){ .name = "voting",
	    .label = "Stemmeret", .checked = true });
	ui_select(h, &(struct ui_select){ .name = "on_behalf_of",
	    .label = "På vegne af", .first = "Ingen", .options = oo,
	    .noptions = no }, NULL);
	ui_select(h, &(struct ui_select){ .name = "substitute_for",
	    .label = "Stedfortræder for", .first = "Ingen", .options = so,
	    .noptions = (int)nm }, NULL);
	ui_field(h, &(struct ui_field){ .name = "starts_on", .label = "Fra",
	    .type = UI_DATE, .width = "m" }, NULL);
	ui_field(h, &(struct ui_field){ .name = "ends_on", .label = "Til",
	    .type = UI_DATE, .width = "m" }, NULL);
	ui_field(h, &(struct ui_field){ .name = "username",
	    .label = "Brugernavn", .hint = "Giver adgang til lukkede punkter",
	    .maxlength = USER_NAME_MAX }, NULL);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Tilføj medlem", NULL, NULL);
	HTML_LIT(h, "</div></form>");
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

	if (!gov_query_ok(r, (const char *const[]){ "besked", NULL }) ||
	    !gov_path_id(r, &id))
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
	page_begin_crumbs(&p, r, b.name, "moeder", &crumb_bodies, 1);
	gov_flash(&p);
	ui_facts_begin(h);
	ui_fact(h, "Type", body_kind_label(b.kind));
	if (b.parent_name != NULL) {
		ui_fact_begin(h, "Under");
		HTML_LIT(h, "<a");
		html_url(h, "href", arena_printf(&r->arena, "/organer/%lld",
		    (long long)b.parent_id));
		HTML_LIT(h, ">");
		html_text(h, b.parent_name);
		HTML_LIT(h, "</a>");
		ui_fact_end(h);
	}
	if (b.mandate != NULL) {
		ui_fact_begin(h, "Kommissorium");
		gov_paragraphs(h, b.mandate);
		ui_fact_end(h);
	}
	if (b.ends_on != NULL)
		ui_fact_date(h, "Slutdato", b.ends_on);
	ui_facts_end(h);
	HTML_LIT(h, "<h2>Medlemmer</h2>");
	if (nm == 0)
		HTML_LIT(h, "<p class=\"muted\">Ingen medlemmer registreret."
		    "</p>");
	else
		members(&p, mm, nm, admin);
	HTML_LIT(h, "<h2>Møder</h2><p><a");
	html_url(h, "href", arena_printf(&r->arena, "/organer/%lld/kalender.ics",
	    (long long)id));
	HTML_LIT(h, ">Organets mødekalender (iCal)</a></p><ul>");
	for (i = 0; i < nms; i++) {
		HTML_LIT(h, "<li><a");
		html_url(h, "href", arena_printf(&r->arena, "/moeder/%lld",
		    (long long)ms[i].id));
		HTML_LIT(h, ">");
		gov_when(h, ms[i].starts_at, NULL);
		HTML_LIT(h, "</a> ");
		gov_state_badge(h, ms[i].state);
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
	if (admin)
		body_forms(&p, id, mm, nm);
	page_end(&p, 200);
}

void
page_body_member_post(struct http_req *r)
{
	struct member_input	in;
	struct err		e;
	int64_t			id, mid;

	if (!gov_path_id(r, &id))
		return;
	memset(&in, 0, sizeof(in));
	in.name = gov_field(r, "name");
	in.org_code = gov_field(r, "org_code");
	in.organisation = gov_field(r, "organisation");
	in.email = gov_field(r, "email");
	in.username = gov_field(r, "username");
	in.role = gov_field(r, "role");
	in.voting = gov_field(r, "voting") != NULL;
	in.on_behalf_of = gov_field(r, "on_behalf_of");
	in.substitute_for = gov_id(gov_field(r, "substitute_for"));
	in.starts_on = gov_field(r, "starts_on");
	in.ends_on = gov_field(r, "ends_on");
	err_clear(&e);
	gov_done(r, body_member_add(&r->svc, id, &in, &mid, &e), &e,
	    arena_printf(&r->arena, "/organer/%lld", (long long)id), "medlem");
}

void
page_membership_end_post(struct http_req *r)
{
	struct err	e;
	int64_t		id;

	if (!gov_path_id(r, &id))
		return;
	if (!ui_confirmed(r)) {
		gov_confirm(r, "Afslut medlemskab", &crumb_bodies, 1, NULL,
		    &(struct ui_confirm){
		    .heading = "Vil du afslutte medlemskabet i dag?",
		    .text = "Medlemmet står derefter ikke længere på organets "
		    "liste over nuværende medlemmer.",
		    .consequences = (const char *const[]){
			"Medlemmet mister adgangen til organets lukkede "
			"punkter og bilag.",
			"Medlemmet sættes ikke længere på som deltager ved "
			"nye møder." },
		    .nconsequences = 2,
		    .action = arena_printf(&r->arena,
		    "/medlemskaber/%lld/afslut", (long long)id),
		    .button = "Afslut medlemskabet", .warning = true,
		    .cancel_href = "/organer" });
		return;
	}
	err_clear(&e);
	gov_done(r, body_member_end(&r->svc, id, gov_field(r, "ends_on"), &e),
	    &e, "/organer", "afsluttet");
}

void
page_body_nomination_post(struct http_req *r)
{
	struct nomination	nm;
	struct err		e;
	int64_t			id, nid = 0, seats = 1;
	int			rc;

	if (!gov_path_id(r, &id))
		return;
	memset(&nm, 0, sizeof(nm));
	nm.body_id = id;
	nm.title = gov_field(r, "title");
	nm.deadline = gov_field(r, "deadline");
	err_clear(&e);
	if (gov_field(r, "seats") != NULL && (text_parse_i64(gov_field(r,
	    "seats"), &seats) != 0 || seats < 1 || seats > 20))
		rc = err_set(&e, ERR_INVALID, "invalid_seats", "seats",
		    "Antal pladser pr. kommune skal være mellem 1 og 20");
	else {
		nm.seats = (int)seats;
		rc = body_nomination_create(&r->svc, &nm, &nid, &e);
	}
	gov_done(r, rc, &e, arena_printf(&r->arena, "/udpegninger/%lld",
	    (long long)nid), "udpegning");
}

void
page_nomination_view(struct http_req *r)
{
	static const struct ui_col cols[] = { { "Kommune", 0 },
	    { "Navn", 0 }, { "Registreret", 0 } };
	struct nomination	 nm;
	struct nominee		*x;
	const char		**codes, **names;
	struct ui_table		 t;
	struct page		 p;
	struct html		*h = &p.h;
	struct err		 e;
	const struct ui_option	*oo;
	const char		*bhref;
	size_t			 nx, nmiss, i;
	int64_t			 id;
	int			 no;

	if (!gov_query_ok(r, (const char *const[]){ "besked", NULL }) ||
	    !gov_path_id(r, &id))
		return;
	err_clear(&e);
	if (body_nomination_get(&r->svc, id, &nm, &x, &nx, &codes, &names,
	    &nmiss, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	bhref = arena_printf(&r->arena, "/organer/%lld", (long long)nm.body_id);
	page_begin_crumbs(&p, r, nm.title, "moeder", (const struct
	    page_crumb[]){ crumb_bodies, { bhref, nm.body_name } }, 2);
	gov_flash(&p);
	ui_facts_begin(h);
	ui_fact_begin(h, "Organ");
	HTML_LIT(h, "<a");
	html_url(h, "href", bhref);
	HTML_LIT(h, ">");
	html_text(h, nm.body_name);
	HTML_LIT(h, "</a>");
	ui_fact_end(h);
	ui_fact_date(h, "Frist", nm.deadline);
	ui_fact_begin(h, "Status");
	HTML_LIT(h, "<span id=\"nomination-status\">");
	html_int(h, nm.answered);
	HTML_LIT(h, " af ");
	html_int(h, nm.asked);
	HTML_LIT(h, " kommuner har udpeget</span>");
	ui_fact_end(h);
	ui_facts_end(h);
	HTML_LIT(h, "<h2>Udpeget</h2>");
	if (nx == 0)
		HTML_LIT(h, "<p class=\"muted\">Ingen endnu.</p>");
	else {
		ui_table_begin(&t, h, NULL, cols, 3);
		for (i = 0; i < nx; i++) {
			ui_row(&t);
			ui_cell(&t, x[i].org_name);
			ui_cell(&t, x[i].person_name);
			ui_cell_begin(&t);
			html_time(h, x[i].created_at);
			ui_cell_end(&t);
		}
		ui_table_end(&t);
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
		oo = gov_org_options(r, true, &no);
		HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
		html_url(h, "action", arena_printf(&r->arena,
		    "/udpegninger/%lld", (long long)id));
		HTML_LIT(h, "><h3>Registrér en udpegning</h3>");
		page_csrf(&p);
		ui_select(h, &(struct ui_select){ .name = "org_code",
		    .label = "Kommune", .required = true, .options = oo,
		    .noptions = no }, NULL);
		ui_field(h, &(struct ui_field){ .name = "name", .label = "Navn",
		    .required = true, .maxlength = PERSON_NAME_MAX }, NULL);
		HTML_LIT(h, "<div class=\"actions\">");
		ui_button(h, UI_PRIMARY, "Registrér", NULL, NULL);
		HTML_LIT(h, "</div></form>");
	}
	page_end(&p, 200);
}

void
page_nomination_post(struct http_req *r)
{
	struct err	e;
	int64_t		id, xid;

	if (!gov_path_id(r, &id))
		return;
	err_clear(&e);
	gov_done(r, body_nominee_add(&r->svc, id, gov_field(r, "org_code"),
	    gov_field(r, "name"), &xid, &e), &e, arena_printf(&r->arena,
	    "/udpegninger/%lld", (long long)id), "udpeget");
}
