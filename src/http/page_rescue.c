/*
 * page_rescue — the rescue track (nødspor) of an offer under
 * /aftale/noedspor: starting one (the secretariat, from the reinforced
 * cooperation's page), a track with its warning sign, task force,
 * deadline, special terms and follow-up notes, the form that changes it
 * and closing it (confirmed first).
 */
#include <stdio.h>
#include <string.h>

#include "core/reinforced.h"
#include "core/role.h"
#include "http/agreement_http.h"
#include "http/gov.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "service/reinforced.h"
#include "util/arena.h"
#include "util/err.h"

static const struct page_crumb crumbs[] = {
	{ "/aftale", "Aftalen" },
	{ "/aftale/forstaerket", "Forstærket samarbejde" },
};

static void
rescue_page(struct http_req *r, int64_t id, const struct err *err,
    int status)
{
	static const struct ui_col cols[] = { { "Dato", 0 },
	    { "Opfølgning", 0 }, { "Af", 0 } };
	struct rescue_case	 c;
	struct ui_errors	 errs;
	struct ui_table		 t;
	struct page		 p;
	struct html		*h = &p.h;
	struct err		 e;
	size_t			 i;
	const char		*v;

	err_clear(&e);
	if (reinforced_rescue_get(&r->svc, id, &c, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	agreement_errors(r, &errs, err);
	page_begin_crumbs(&p, r, arena_printf(&r->arena, "Nødspor: %s",
	    c.offer_name), "aftale", crumbs, 2);
	agreement_flash(&p);
	ui_error_summary(h, &errs);
	ui_facts_begin(h);
	ui_fact_begin(h, "Tilbud");
	HTML_LIT(h, "<a");
	html_url(h, "href", arena_printf(&r->arena, "/tilbud/%lld",
	    (long long)c.offer_id));
	HTML_LIT(h, ">");
	html_text(h, c.offer_name);
	HTML_LIT(h, "</a>");
	ui_fact_end(h);
	ui_fact_begin(h, "Status");
	ui_badge(h, c.status == RESCUE_CLOSED ? UI_NEUTRAL :
	    c.status == RESCUE_TERMS ? UI_INFO : UI_WARNING,
	    rescue_status_label(c.status));
	ui_fact_end(h);
	ui_fact(h, "Advarselstegn", c.warning);
	ui_fact_date(h, "Startet", c.opened_on);
	ui_fact(h, "Taskforce", c.members);
	ui_fact_date(h, "Taskforcens frist", *c.deadline ? c.deadline : NULL);
	ui_fact(h, "Særlige vilkår", c.terms);
	ui_fact_date(h, "Vilkår besluttet", *c.terms_on ? c.terms_on : NULL);
	if (c.status == RESCUE_CLOSED)
		ui_fact_date(h, "Lukket", c.closed_on);
	ui_facts_end(h);
	HTML_LIT(h, "<h2>Opfølgning</h2>");
	if (c.nnotes == 0)
		HTML_LIT(h, "<p>Ingen opfølgning endnu.</p>");
	else {
		ui_table_begin(&t, h, NULL, cols, 3);
		for (i = 0; i < c.nnotes; i++) {
			ui_row(&t);
			ui_cell_begin(&t);
			html_date(h, c.notes[i].noted_on);
			ui_cell_end(&t);
			ui_cell(&t, c.notes[i].text);
			ui_cell(&t, c.notes[i].created_by);
		}
		ui_table_end(&t);
	}
	if (r->who.role == ROLE_ADMIN && c.status != RESCUE_CLOSED) {
		HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
		html_url(h, "action", arena_printf(&r->arena,
		    "/aftale/noedspor/%lld", (long long)id));
		HTML_LIT(h, "><h2>Opdatér nødsporet</h2>");
		page_csrf(&p);
		v = gov_field_text(r, "members");
		ui_field(h, &(struct ui_field){ .name = "members",
		    .label = "Taskforce", .type = UI_TEXTAREA, .rows = 2,
		    .value = v != NULL ? v : c.members,
		    .maxlength = REINFORCED_TEXT_MAX }, &errs);
		v = gov_field(r, "deadline");
		ui_field(h, &(struct ui_field){ .name = "deadline",
		    .label = "Taskforcens frist", .type = UI_DATE,
		    .width = "m", .value = v != NULL ? v : c.deadline },
		    &errs);
		v = gov_field_text(r, "terms");
		ui_field(h, &(struct ui_field){ .name = "terms",
		    .label = "Særlige vilkår besluttet af DAS",
		    .type = UI_TEXTAREA, .rows = 3,
		    .value = v != NULL ? v : c.terms,
		    .maxlength = REINFORCED_TEXT_MAX }, &errs);
		v = gov_field(r, "terms_on");
		ui_field(h, &(struct ui_field){ .name = "terms_on",
		    .label = "Dato for vilkårene", .type = UI_DATE,
		    .width = "m", .value = v != NULL ? v : c.terms_on },
		    &errs);
		ui_field(h, &(struct ui_field){ .name = "note",
		    .label = "Ny opfølgning", .type = UI_TEXTAREA, .rows = 2,
		    .value = gov_field_text(r, "note"),
		    .maxlength = REINFORCED_TEXT_MAX }, &errs);
		HTML_LIT(h, "<div class=\"actions\">");
		ui_button(h, UI_PRIMARY, "Gem", NULL, NULL);
		HTML_LIT(h, "</div></form>");
		gov_button_form(&p, arena_printf(&r->arena,
		    "/aftale/noedspor/%lld/luk", (long long)id),
		    "Luk nødsporet", NULL, NULL, UI_WARNING_BUTTON);
	}
	page_end(&p, status);
}

void
page_rescue(struct http_req *r)
{
	int64_t id;

	if (!gov_query_ok(r, (const char *const[]){ "besked", NULL }) ||
	    !gov_path_id(r, &id))
		return;
	rescue_page(r, id, NULL, 200);
}

void
page_rescue_open(struct http_req *r)
{
	struct ui_errors	 errs;
	struct page		 p;
	struct err		 e;
	int64_t			 id = 0;
	int			 rc;

	err_clear(&e);
	rc = reinforced_rescue_open(&r->svc, gov_id(gov_field(r, "offer_id")),
	    gov_field_text(r, "warning"), gov_field(r, "opened_on"),
	    gov_field_text(r, "members"), gov_field(r, "deadline"), &id, &e);
	if (rc != 0) {
		/* The form lives on the year's page; show the error with a
		   way back. */
		agreement_errors(r, &errs, &e);
		page_begin_crumbs(&p, r, "Nødsporet blev ikke startet",
		    "aftale", crumbs, 2);
		ui_error_summary(&p.h, &errs);
		HTML_LIT(&p.h, "<p><a href=\"/aftale/forstaerket\">Tilbage til "
		    "det forstærkede samarbejde</a></p>");
		page_end(&p, http_status_of_err(rc));
		return;
	}
	http_redirect(r, arena_printf(&r->arena,
	    "/aftale/noedspor/%lld?besked=noedspor", (long long)id));
}

void
page_rescue_update(struct http_req *r)
{
	struct err	e;
	int64_t		id;
	int		rc;

	if (!gov_path_id(r, &id))
		return;
	err_clear(&e);
	rc = reinforced_rescue_update(&r->svc, id, gov_field_text(r,
	    "members"), gov_field(r, "deadline"), gov_field_text(r, "terms"),
	    gov_field(r, "terms_on"), gov_field_text(r, "note"), false, &e);
	if (rc != 0) {
		rescue_page(r, id, &e, http_status_of_err(rc));
		return;
	}
	http_redirect(r, arena_printf(&r->arena,
	    "/aftale/noedspor/%lld?besked=noedspor", (long long)id));
}

void
page_rescue_close(struct http_req *r)
{
	static const char *const what[] = {
		"Nødsporet kan ikke ændres, når det er lukket.",
	};
	struct rescue_case	c;
	struct page		p;
	struct err		e;
	int64_t			id;
	int			rc;

	if (!gov_path_id(r, &id))
		return;
	err_clear(&e);
	if (!ui_confirmed(r)) {
		if (reinforced_rescue_get(&r->svc, id, &c, &e) != 0) {
			http_send_error(r, &e);
			return;
		}
		page_begin_crumbs(&p, r, "Luk nødsporet", "aftale", crumbs, 2);
		ui_confirm(&p, &(struct ui_confirm){
		    .heading = arena_printf(&r->arena, "Luk nødsporet for %s?",
		    c.offer_name), .text = "Opfølgningen er afsluttet.",
		    .consequences = what, .nconsequences = 1,
		    .action = arena_printf(&r->arena,
		    "/aftale/noedspor/%lld/luk", (long long)id),
		    .button = "Luk nødsporet", .warning = true,
		    .cancel_href = arena_printf(&r->arena,
		    "/aftale/noedspor/%lld", (long long)id) });
		page_end(&p, 200);
		return;
	}
	rc = reinforced_rescue_get(&r->svc, id, &c, &e);
	if (rc == 0)
		rc = reinforced_rescue_update(&r->svc, id, c.members,
		    c.deadline, c.terms, c.terms_on, NULL, true, &e);
	if (rc != 0) {
		rescue_page(r, id, &e, http_status_of_err(rc));
		return;
	}
	http_redirect(r, arena_printf(&r->arena,
	    "/aftale/noedspor/%lld?besked=noedspor", (long long)id));
}
