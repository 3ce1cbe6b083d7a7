/*
 * page_purchase — long-term purchase agreements (købsaftaler): the
 * section on an offer's page, the form /tilbud/:id/koebsaftale (the
 * secretariat, or a municipality for itself), the list per municipality
 * /tilbud/koebsaftaler and the JSON read /api/v1/purchase-agreements.
 */
#include <jansson.h>
#include <string.h>

#include "core/offer.h"
#include "core/role.h"
#include "http/api.h"
#include "http/gov.h"
#include "http/html.h"
#include "http/http.h"
#include "http/offer_form.h"
#include "http/offer_rules_http.h"
#include "http/org_names.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "service/purchase.h"
#include "util/arena.h"
#include "util/err.h"

/* The agreements v[0..n) as a table; with_offer adds the offer. */
static void
purchase_table(struct http_req *r, struct html *h, const struct org_names *on,
    const struct purchase *v, size_t n, bool with_offer)
{
	static const struct ui_col cols[] = { { "Tilbud", 0 },
	    { "Købende kommune", 0 }, { "Driftsherre", 0 },
	    { "Binding fra", 0 }, { "Bindingsperiode", 0 },
	    { "Tomgangsgaranti", 0 }, { "Note", 0 } };
	struct ui_table	t;
	size_t		i;

	ui_table_begin(&t, h, NULL, with_offer ? cols : cols + 1,
	    with_offer ? 7 : 6);
	for (i = 0; i < n; i++) {
		ui_row(&t);
		if (with_offer)
			ui_cell_link(&t, arena_printf(&r->arena, "/tilbud/%lld",
			    (long long)v[i].offer_id), v[i].offer_name);
		ui_cell(&t, org_names_name(on, v[i].buyer));
		ui_cell(&t, org_names_name(on, v[i].operator));
		ui_cell_begin(&t);
		html_date(h, v[i].starts_on);
		ui_cell_end(&t);
		ui_cell(&t, arena_printf(&r->arena, "%d år",
		    v[i].binding_years));
		ui_cell(&t, *v[i].guarantor ? org_names_name(on,
		    v[i].guarantor) : "Ingen");
		ui_cell(&t, v[i].note);
	}
	ui_table_end(&t);
}

void
purchase_section(struct page *p, const struct offer *o)
{
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	struct purchase		*v = NULL;
	struct org_names	 on;
	struct err		 e;
	size_t			 n = 0;

	HTML_LIT(h, "<h2>Købsaftaler</h2>");
	err_clear(&e);
	if (purchase_list(&r->svc, o->id, NULL, &v, &n, &e) != 0) {
		ui_alert(h, UI_ERROR, NULL, e.msg);
		return;
	}
	org_names_load(r, &on);
	if (n == 0)
		HTML_LIT(h, "<p>Ingen langvarige købsaftaler.</p>");
	else
		purchase_table(r, h, &on, v, n, false);
	if (r->who.role == ROLE_ADMIN || (r->who.role == ROLE_AUTHORITY &&
	    r->who.org_code != NULL)) {
		HTML_LIT(h, "<div class=\"actions\">");
		ui_button_link(h, UI_SECONDARY, arena_printf(&r->arena,
		    "/tilbud/%lld/koebsaftale", (long long)o->id),
		    "Registrér købsaftale");
		HTML_LIT(h, "</div>");
	}
}

static void
form_page(struct http_req *r, const struct offer *o, const struct err *err,
    int status)
{
	static const struct ui_option guar[] = { { "", "Ingen" },
	    { "buyer", "Den købende kommune" },
	    { "operator", "Driftsherren" } };
	struct org_names	 on;
	struct offer_form	 f;
	struct html		*h = &f.p.h;

	org_names_load(r, &on);
	offer_form_begin(&f, r, o, "Registrér købsaftale", err);
	HTML_LIT(h, "<p>En langvarig købsaftale binder den købende kommune til "
	    "at købe pladser i tilbuddet hos driftsherren (");
	html_text(h, o->operator_code ? org_names_name(&on, o->operator_code) :
	    "ikke oplyst");
	HTML_LIT(h, ") i bindingsperioden.</p>");
	offer_form_open(&f, "koebsaftale");
	if (r->who.role == ROLE_ADMIN) {
		ui_select_begin(h, &(struct ui_select){ .name = "buyer",
		    .label = "Købende kommune", .first = "Vælg …",
		    .required = true }, &f.errs);
		org_names_options(h, &on, gov_field(r, "buyer"), 1, NULL);
		ui_select_end(h);
	} else {
		HTML_LIT(h, "<p>Købende kommune: ");
		html_text(h, org_names_name(&on, r->who.org_code));
		HTML_LIT(h, "</p><input type=\"hidden\" name=\"buyer\"");
		html_attr(h, "value", r->who.org_code);
		HTML_LIT(h, ">");
	}
	ui_field(h, &(struct ui_field){ .name = "starts_on",
	    .label = "Binding fra", .type = UI_DATE, .width = "m",
	    .value = gov_field(r, "starts_on"), .required = true }, &f.errs);
	ui_field(h, &(struct ui_field){ .name = "binding_years",
	    .label = "Bindingsperiode", .suffix = "år", .width = "xs",
	    .inputmode = "numeric", .value = gov_field(r, "binding_years"),
	    .required = true }, &f.errs);
	ui_radios(h, &(struct ui_radios){ .name = "guarantor",
	    .legend = "Hvem giver tomgangsgaranti?", .options = guar,
	    .noptions = 3, .selected = gov_field(r, "guarantor") != NULL ?
	    gov_field(r, "guarantor") : "" }, &f.errs);
	ui_field(h, &(struct ui_field){ .name = "note", .label = "Note",
	    .type = UI_TEXTAREA, .value = gov_field(r, "note"),
	    .maxlength = OFFER_TEXT_MAX }, &f.errs);
	offer_form_close(&f, "Registrér");
	page_end(&f.p, status);
}

void
page_purchase_form(struct http_req *r)
{
	offer_form_get(r, form_page);
}

void
page_purchase_post(struct http_req *r)
{
	struct offer	o;
	struct err	e;
	int		rc;

	if (offer_form_load(r, &o) != 0)
		return;
	err_clear(&e);
	rc = purchase_record(&r->svc, o.id, gov_field(r, "buyer"),
	    gov_field(r, "starts_on"), gov_field(r, "binding_years"),
	    gov_field(r, "guarantor"), gov_field_text(r, "note"), NULL, &e);
	offer_form_done(r, &o, rc, &e, form_page, "koebsaftale");
}

void
page_purchases(struct http_req *r)
{
	struct purchase		*v = NULL;
	struct org_names	 on;
	struct page		 p;
	struct html		*h = &p.h;
	struct err		 e;
	const char		*muni;
	size_t			 n = 0;

	if (!gov_query_ok(r, (const char *const[]){ "kommune", NULL }))
		return;
	muni = http_query(r, "kommune");
	if (muni != NULL && *muni == '\0')
		muni = NULL;
	err_clear(&e);
	if (purchase_list(&r->svc, 0, muni, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	org_names_load(r, &on);
	page_begin_crumbs(&p, r, "Langvarige købsaftaler", "tilbud",
	    (const struct page_crumb[]){ { "/tilbud", "Tilbud" } }, 1);
	HTML_LIT(h, "<p>Kommunernes langvarige aftaler om køb af pladser med "
	    "bindingsperiode og tomgangsgaranti.</p><form class=\"filters\" "
	    "method=\"get\" action=\"/tilbud/koebsaftaler\">");
	ui_select_begin(h, &(struct ui_select){ .name = "kommune",
	    .label = "Købende kommune", .first = "Alle", .selected = muni },
	    NULL);
	org_names_options(h, &on, muni, 1, NULL);
	ui_select_end(h);
	ui_button(h, UI_PRIMARY, "Vis", NULL, NULL);
	HTML_LIT(h, "</form>");
	if (n == 0)
		HTML_LIT(h, "<p>Ingen langvarige købsaftaler.</p>");
	else
		purchase_table(r, h, &on, v, n, true);
	page_end(&p, 200);
}

void
api_purchases(struct http_req *r)
{
	static const char *const allowed[] = { "municipality", "offer", NULL };
	struct purchase	*v = NULL;
	struct err	 e;
	const char	*muni, *offer;
	json_t		*arr;
	int64_t		 oid = 0;
	size_t		 n = 0, i;

	err_clear(&e);
	muni = http_query(r, "municipality");
	offer = http_query(r, "offer");
	if (http_query_check(r, allowed, &e) != 0 ||
	    (offer != NULL && (oid = gov_id(offer)) == 0 &&
	    err_set(&e, ERR_INVALID, "invalid_offer", "offer",
	    "offer skal være et tilbuds id") != 0) ||
	    purchase_list(&r->svc, oid, muni != NULL && *muni ? muni : NULL,
	    &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{s:I, s:I, s:s, s:s, "
		    "s:s, s:s, s:i, s:o, s:s}", "id", (json_int_t)v[i].id,
		    "offer_id", (json_int_t)v[i].offer_id, "offer",
		    v[i].offer_name, "buyer", v[i].buyer, "operator",
		    v[i].operator, "starts_on", v[i].starts_on,
		    "binding_years", v[i].binding_years, "guarantor",
		    api_opt_json(*v[i].guarantor ? v[i].guarantor : NULL),
		    "note", v[i].note));
	http_send_json(r, 200, json_pack("{s:o}", "purchase_agreements", arr));
}
