/*
 * page_takeover — takeovers of regional offers under /aftale/overtagelser:
 * the election-period rule with this period's dates, the notices with
 * their takeover dates, a municipality's form for its own notice (the
 * secretariat's for any), and carrying out a takeover that is due
 * (confirmed first: the offer's operator changes in the register).
 */
#include <stdio.h>
#include <string.h>

#include "core/org.h"
#include "core/role.h"
#include "core/takeover.h"
#include "http/agreement_http.h"
#include "http/gov.h"
#include "http/html.h"
#include "http/http.h"
#include "http/org_names.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "service/takeover.h"
#include "util/arena.h"
#include "util/err.h"

static const struct page_crumb crumbs[] = {
	{ "/aftale", "Aftalen" },
	{ "/aftale/overtagelser", "Overtagelse af regionale tilbud" },
};

/* The rule, with the dates of the election period of this year. */
static void
rule(struct http_req *r, struct html *h)
{
	struct takeover_period p;

	HTML_LIT(h, "<p>Fra 2014 kan en beliggenhedskommune overtage et "
	    "regionalt tilbud én gang i hver kommunal valgperiode. Varslet "
	    "skal gives senest 1. januar i valgperiodens 3. år, og tilbuddet "
	    "overtages 1. januar i valgperiodens 4. år.</p>");
	if (takeover_period_of(agreement_this_year(r), &p, NULL) != 0)
		return;
	ui_facts_begin(h);
	ui_fact(h, "Valgperiode", arena_printf(&r->arena, "%d–%d",
	    p.first_year, p.last_year));
	ui_fact_date(h, "Frist for varsel", p.notice_by);
	ui_fact_date(h, "Overtagelsesdato", p.takeover_on);
	ui_facts_end(h);
}

/* The regional offers as options. */
static const struct ui_option *
regional_offers(struct http_req *r, const struct org_names *on, int *n)
{
	const struct ui_option	*part;
	struct ui_option	*all = NULL;
	size_t			 cap = 0;
	int			 i, k, np;

	*n = 0;
	for (i = 0; i < on->n; i++) {
		if (on->v[i].kind != ORG_REGION)
			continue;
		part = agreement_offer_options(r, on->v[i].code, &np);
		if (np == 0)
			continue;
		for (k = 0; k < np; k++) {
			all = arena_grow(&r->arena, all, (size_t)*n, &cap,
			    sizeof(*all));
			all[(*n)++] = part[k];
		}
	}
	return all;
}

static void
notice_form(struct page *p, const struct org_names *on,
    const struct ui_errors *errs)
{
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	const struct ui_option	*oo;
	int			 no;

	if (r->who.role != ROLE_ADMIN && r->who.role != ROLE_AUTHORITY)
		return;
	if (r->who.role == ROLE_AUTHORITY && r->who.org_code == NULL)
		return;
	oo = regional_offers(r, on, &no);
	HTML_LIT(h, "<form class=\"stack\" method=\"post\" "
	    "action=\"/aftale/overtagelser\"><h2>Varsel om overtagelse</h2>");
	page_csrf(p);
	ui_select(h, &(struct ui_select){ .name = "offer_id",
	    .label = "Regionalt tilbud", .first = "Vælg …",
	    .selected = gov_field(r, "offer_id"), .options = oo,
	    .noptions = no, .required = true }, errs);
	if (r->who.role == ROLE_ADMIN) {
		ui_select_begin(h, &(struct ui_select){ .name = "municipality",
		    .label = "Kommune", .first = "Vælg …", .required = true },
		    errs);
		org_names_options(h, on, gov_field(r, "municipality"), 1,
		    NULL);
		ui_select_end(h);
	} else {
		HTML_LIT(h, "<p>Kommune: ");
		html_text(h, org_names_name(on, r->who.org_code));
		HTML_LIT(h, "</p><input type=\"hidden\" name=\"municipality\"");
		html_attr(h, "value", r->who.org_code);
		HTML_LIT(h, ">");
	}
	ui_field(h, &(struct ui_field){ .name = "notice_on",
	    .label = "Dato for varslet", .type = UI_DATE, .width = "m",
	    .value = gov_field(r, "notice_on"), .required = true,
	    .hint = "Datoen kommunen gav regionen varsel" }, errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Registrér varsel", NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

static void
takeovers_page(struct http_req *r, const struct err *err, int status)
{
	static const struct ui_col cols[] = { { "Tilbud", 0 },
	    { "Driftsherre før", 0 }, { "Overtages af", 0 },
	    { "Varslet", 0 }, { "Overtagelsesdato", 0 }, { "Status", 0 } };
	struct takeover		*v = NULL;
	struct org_names	 on;
	struct ui_errors	 errs;
	struct ui_table		 t;
	struct page		 p;
	struct html		*h = &p.h;
	struct err		 e;
	size_t			 n = 0, i;
	bool			 due;

	err_clear(&e);
	if (takeover_list(&r->svc, 0, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	org_names_load(r, &on);
	agreement_errors(r, &errs, err);
	page_begin_crumbs(&p, r, "Overtagelse af regionale tilbud", "aftale",
	    crumbs, 1);
	agreement_tabs(h, AGREEMENT_TAB_TAKEOVERS);
	agreement_flash(&p);
	ui_error_summary(h, &errs);
	rule(r, h);
	HTML_LIT(h, "<h2>Varsler</h2>");
	if (n == 0)
		HTML_LIT(h, "<p>Ingen kommune har varslet overtagelse.</p>");
	else {
		ui_table_begin(&t, h, NULL, cols, 6);
		for (i = 0; i < n; i++) {
			due = *v[i].applied_at == '\0' &&
			    strncmp(v[i].takeover_on, r->svc.now_iso, 10) <= 0;
			ui_row(&t);
			ui_cell_link(&t, arena_printf(&r->arena, "/tilbud/%lld",
			    (long long)v[i].offer_id), v[i].offer_name);
			ui_cell(&t, v[i].from_name);
			ui_cell(&t, v[i].to_name);
			ui_cell_begin(&t);
			html_date(h, v[i].notice_on);
			ui_cell_end(&t);
			ui_cell_begin(&t);
			html_date(h, v[i].takeover_on);
			ui_cell_end(&t);
			ui_cell_begin(&t);
			if (*v[i].applied_at != '\0')
				ui_badge(h, UI_SUCCESS, "Gennemført");
			else
				ui_badge(h, due ? UI_WARNING : UI_INFO,
				    due ? "Klar til overtagelse" : "Varslet");
			if (due && r->who.role == ROLE_ADMIN)
				gov_button_form(&p, arena_printf(&r->arena,
				    "/aftale/overtagelser/%lld/gennemfoer",
				    (long long)v[i].id), "Gennemfør", NULL,
				    NULL, UI_SECONDARY);
			ui_cell_end(&t);
		}
		ui_table_end(&t);
	}
	notice_form(&p, &on, &errs);
	page_end(&p, status);
}

void
page_takeovers(struct http_req *r)
{
	if (!gov_query_ok(r, (const char *const[]){ "besked", NULL }))
		return;
	takeovers_page(r, NULL, 200);
}

void
page_takeover_notify(struct http_req *r)
{
	struct err	 e;
	int64_t		 id = 0;
	const char	*on = NULL;
	int		 rc;

	err_clear(&e);
	rc = takeover_notify(&r->svc, gov_id(gov_field(r, "offer_id")),
	    gov_field(r, "municipality"), gov_field(r, "notice_on"), &id, &on,
	    &e);
	if (rc != 0) {
		takeovers_page(r, &e, http_status_of_err(rc));
		return;
	}
	http_redirect(r, "/aftale/overtagelser?besked=varslet");
}

void
page_takeover_apply(struct http_req *r)
{
	static const char *const what[] = {
		"Tilbuddets driftsherre ændres i tilbudsregistret fra i dag.",
		"Ændringen står i tilbuddets historik.",
	};
	struct page	p;
	struct err	e;
	int64_t		id;
	int		rc;

	if (!gov_path_id(r, &id))
		return;
	if (!ui_confirmed(r)) {
		page_begin_crumbs(&p, r, "Gennemfør overtagelse", "aftale",
		    crumbs, 2);
		ui_confirm(&p, &(struct ui_confirm){ .heading = "Gennemfør overtagelsen?",
		    .text = "Kommunen bliver driftsherre for tilbuddet.",
		    .consequences = what, .nconsequences = 2,
		    .action = arena_printf(&r->arena,
		    "/aftale/overtagelser/%lld/gennemfoer", (long long)id),
		    .button = "Gennemfør overtagelse",
		    .cancel_href = "/aftale/overtagelser" });
		page_end(&p, 200);
		return;
	}
	err_clear(&e);
	rc = takeover_apply(&r->svc, id, &e);
	if (rc != 0) {
		takeovers_page(r, &e, http_status_of_err(rc));
		return;
	}
	http_redirect(r, "/aftale/overtagelser?besked=gennemfoert");
}
