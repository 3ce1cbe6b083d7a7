/*
 * page_offer_startup — an offer's tariffs year by year with the operator
 * of each year (who reports and changes them after a change of hands),
 * its start-up costs with the share of each year, the form
 * /tilbud/:id/opstart (the secretariat, or the offer's operator) and the
 * JSON /api/v1/offers/:id/startup-costs.
 */
#include <jansson.h>
#include <stdbool.h>
#include <microhttpd.h>
#include <stdio.h>
#include <string.h>

#include "core/offer.h"
#include "core/role.h"
#include "core/startup.h"
#include "core/tariff.h"
#include "http/api.h"
#include "http/gov.h"
#include "http/html.h"
#include "http/http.h"
#include "http/offer_form.h"
#include "http/offer_rules_http.h"
#include "http/org_names.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/tariff_http.h"
#include "http/ui.h"
#include "service/register.h"
#include "service/offer_event.h"
#include "service/round.h"
#include "service/startup.h"
#include "store/tariff_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

/* The offer's published tariffs in force, by year, with the operator. */
static void
tariff_years(struct page *p, const struct offer *o)
{
	static const struct ui_col cols[] = { { "Takstår", 0 },
	    { "Driftsherre", 0 }, { "Ydelse", 0 }, { "Takst", UI_COL_NUM },
	    { "Gyldig", 0 } };
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	struct published_tariff	*v = NULL;
	struct tariff_filter	 f;
	struct ui_table		 t;
	struct err		 e;
	size_t			 n = 0, i;

	HTML_LIT(h, "<h2>Takster år for år</h2>");
	memset(&f, 0, sizeof(f));
	f.offer_id = o->id;
	f.limit = 1000;
	err_clear(&e);
	if (round_tariffs(&r->svc, &f, &v, &n, NULL, &e) != 0) {
		ui_alert(h, UI_ERROR, NULL, e.msg);
		return;
	}
	if (n == 0) {
		HTML_LIT(h, "<p>Ingen offentliggjorte takster.</p>");
		return;
	}
	HTML_LIT(h, "<p>Driftsherren for et år indberetter og ændrer årets "
	    "takster og regnskab; skifter tilbuddet driftsherre, følger "
	    "taksterne fra skiftets år den nye driftsherre.</p>");
	ui_table_begin(&t, h, NULL, cols, 5);
	for (i = 0; i < n; i++) {
		ui_row(&t);
		ui_cell(&t, arena_printf(&r->arena, "%d", v[i].year));
		ui_cell(&t, v[i].operator_name != NULL ? v[i].operator_name :
		    "Ikke oplyst");
		ui_cell(&t, arena_printf(&r->arena, "%s%s%s, %s",
		    v[i].paragraph, *v[i].level ? " " : "", v[i].level,
		    tariff_unit_label(v[i].unit)));
		ui_cell_begin(&t);
		tariff_http_kr(h, v[i].tariff_ore);
		ui_cell_end(&t);
		ui_cell_begin(&t);
		html_date(h, v[i].valid_from);
		HTML_LIT(h, " – ");
		html_date(h, v[i].valid_to);
		ui_cell_end(&t);
	}
	ui_table_end(&t);
}

/* The start-up costs v[0..n) with the years and each year's share. */
static void
startup_table(struct http_req *r, struct html *h,
    const struct startup_row *v, size_t n)
{
	static const struct ui_col cols[] = { { "Takstår", 0 },
	    { "Beløb", UI_COL_NUM }, { "Andel pr. år", 0 },
	    { "Dækker", 0 } };
	struct ui_table	t;
	size_t		i;
	int		y;

	ui_table_begin(&t, h, NULL, cols, 4);
	for (i = 0; i < n; i++) {
		struct startup_cost c = { v[i].amount_ore, v[i].first_year,
		    v[i].years };

		ui_row(&t);
		ui_cell(&t, c.years == 1 ? arena_printf(&r->arena, "%d (1 år)",
		    c.first_year) : arena_printf(&r->arena, "%d–%d (%d år)",
		    c.first_year, c.first_year + c.years - 1, c.years));
		ui_cell_begin(&t);
		tariff_http_kr(h, v[i].amount_ore);
		ui_cell_end(&t);
		ui_cell_begin(&t);
		for (y = c.first_year; y < c.first_year + c.years; y++) {
			if (y > c.first_year)
				HTML_LIT(h, "<br>");
			html_text(h, arena_printf(&r->arena, "%d: ", y));
			tariff_http_kr(h, startup_share(&c, y));
		}
		ui_cell_end(&t);
		ui_cell(&t, v[i].text);
	}
	ui_table_end(&t);
}

void
offer_startup_sections(struct page *p, const struct offer *o)
{
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	struct startup_row	*v = NULL;
	struct err		 e;
	size_t			 n = 0;

	tariff_years(p, o);
	HTML_LIT(h, "<h2>Opstartsomkostninger</h2>");
	err_clear(&e);
	if (startup_list(&r->svc, o->id, &v, &n, &e) != 0) {
		ui_alert(h, UI_ERROR, NULL, e.msg);
		return;
	}
	if (n == 0)
		HTML_LIT(h, "<p>Ingen opstartsomkostninger.</p>");
	else {
		HTML_LIT(h, "<p>Opstartsomkostningerne fordeles på taksterne "
		    "i tilbuddets første år og lægges til takstgrundlaget "
		    "for indberetningens første ydelseslinje.</p>");
		startup_table(r, h, v, n);
	}
	if (role_may_edit_offer(&r->who, o->operator_code)) {
		HTML_LIT(h, "<div class=\"actions\">");
		ui_button_link(h, UI_SECONDARY, arena_printf(&r->arena,
		    "/tilbud/%lld/opstart", (long long)o->id),
		    "Registrér opstartsomkostninger");
		HTML_LIT(h, "</div>");
	}
}

/* ---- the form ------------------------------------------------------- */

static void
form_page(struct http_req *r, const struct offer *o, const struct err *err,
    int status)
{
	struct offer_form	 f;
	struct html		*h = &f.p.h;

	offer_form_begin(&f, r, o, "Registrér opstartsomkostninger", err);
	HTML_LIT(h, "<p>Et nyt tilbuds opstartsomkostninger indgår i taksten "
	    "og fordeles ligeligt på de første år (afrundet til hele kroner; "
	    "resten lægges på det sidste år).</p>");
	offer_form_open(&f, "opstart");
	ui_field(h, &(struct ui_field){ .name = "amount",
	    .label = "Opstartsomkostninger i alt", .suffix = "kr.",
	    .width = "m", .inputmode = "decimal",
	    .value = gov_field(r, "amount"), .required = true }, &f.errs);
	ui_field(h, &(struct ui_field){ .name = "first_year",
	    .label = "Første takstår", .width = "xs", .inputmode = "numeric",
	    .value = gov_field(r, "first_year"), .required = true }, &f.errs);
	ui_field(h, &(struct ui_field){ .name = "years",
	    .label = "Fordeles over", .suffix = "år", .width = "xs",
	    .hint = arena_printf(&r->arena, "Højst %d år",
	    STARTUP_YEARS_MAX), .inputmode = "numeric",
	    .value = gov_field(r, "years"), .required = true }, &f.errs);
	ui_field(h, &(struct ui_field){ .name = "text",
	    .label = "Hvad dækker omkostningerne?", .type = UI_TEXTAREA,
	    .value = gov_field(r, "text"), .required = true,
	    .maxlength = STARTUP_TEXT_MAX }, &f.errs);
	offer_form_close(&f, "Registrér");
	page_end(&f.p, status);
}

/*
 * Whether the user may register the offer's start-up costs for some
 * year: the secretariat, its operator, or an operator it passes to by an
 * event (the service decides by the operator of the first year).
 */
static bool
may_register(struct http_req *r, const struct offer *o)
{
	struct offer_event_row	*v = NULL;
	struct err		 e;
	size_t			 n = 0, i;

	if (role_may_edit_offer(&r->who, o->operator_code))
		return true;
	if (r->who.role != ROLE_OPERATOR || offer_event_list(&r->svc, o->id,
	    &v, &n, &e) != 0)
		return false;
	for (i = 0; i < n; i++)
		if (*v[i].to_operator != '\0' &&
		    role_may_edit_offer(&r->who, v[i].to_operator))
			return true;
	return false;
}

void
page_offer_startup_form(struct http_req *r)
{
	struct offer	o;
	struct err	e;

	if (offer_form_load(r, &o) != 0)
		return;
	if (!may_register(r, &o)) {
		err_set(&e, ERR_FORBIDDEN, "forbidden", NULL, "Du kan kun "
		    "registrere opstartsomkostninger for tilbud, som din egen "
		    "organisation er driftsherre for");
		http_send_error(r, &e);
		return;
	}
	form_page(r, &o, NULL, 200);
}

/* A whole number from the form field name, or -1. */
static int
form_int(struct http_req *r, const char *name)
{
	const char	*s = gov_field(r, name);
	int64_t		 v;

	if (s == NULL || text_parse_i64(s, &v) != 0 || v < 0 || v > 100000)
		return -1;
	return (int)v;
}

void
page_offer_startup_post(struct http_req *r)
{
	struct offer	 o;
	struct err	 e;
	int64_t		 ore = 0;
	const char	*amount;
	int		 rc;

	if (offer_form_load(r, &o) != 0)
		return;
	err_clear(&e);
	amount = gov_field(r, "amount");
	if (amount == NULL || text_parse_kr(amount, &ore) != 0)
		rc = err_set(&e, ERR_INVALID, "invalid_amount", "amount",
		    "Skriv beløbet i kroner, fx 1.200.000 eller 1200000,50");
	else
		rc = startup_record(&r->svc, o.id, ore, form_int(r,
		    "first_year"), form_int(r, "years"), gov_field_text(r,
		    "text"), NULL, &e);
	offer_form_done(r, &o, rc, &e, form_page, "opstart");
}

/* ---- JSON ----------------------------------------------------------- */

static json_t *
startup_json(const struct startup_row *c)
{
	struct startup_cost	 sc = { c->amount_ore, c->first_year,
	    c->years };
	json_t			*shares;
	int			 y;

	shares = json_array();
	for (y = c->first_year; y < c->first_year + c->years; y++)
		json_array_append_new(shares, json_pack("{s:i, s:I}", "year", y,
		    "share_ore", (json_int_t)startup_share(&sc, y)));
	return json_pack("{s:I, s:I, s:I, s:i, s:i, s:s, s:o, s:s, s:s}",
	    "id", (json_int_t)c->id, "offer_id", (json_int_t)c->offer_id,
	    "amount_ore", (json_int_t)c->amount_ore, "first_year",
	    c->first_year, "years", c->years, "text", c->text, "shares",
	    shares, "created_at", c->created_at, "created_by", c->created_by);
}

void
api_offer_startup_list(struct http_req *r)
{
	struct startup_row	*v = NULL;
	struct offer		 o;
	struct err		 e;
	json_t			*arr;
	size_t			 n = 0, i;
	int64_t			 id;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    register_offer_get(&r->svc, id, &o, &e) != 0 ||
	    startup_list(&r->svc, id, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, startup_json(&v[i]));
	http_send_json(r, 200, json_pack("{s:I, s:o}", "offer_id",
	    (json_int_t)id, "startup_costs", arr));
}

void
api_offer_startup_create(struct http_req *r)
{
	static const char *const allowed[] = { "amount_ore", "first_year",
	    "years", "text", NULL };
	struct startup_row	*v = NULL;
	struct err		 e;
	json_t			*j = NULL;
	const char		*text = NULL;
	int64_t			 id, ore = 0, first = 0, years = 0, nid = 0;
	size_t			 n = 0, i;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 || api_body(r, &j, &e) != 0 ||
	    api_fields(j, allowed, NULL, &e) != 0 ||
	    api_ore(r, j, NULL, "amount_ore", true, &ore, &e) != 0 ||
	    api_int(r, j, NULL, "first_year", true, 0, 10000, &first,
	    &e) != 0 ||
	    api_int(r, j, NULL, "years", true, 0, 1000, &years, &e) != 0 ||
	    api_str(r, j, NULL, "text", true, &text, &e) != 0 ||
	    startup_record(&r->svc, id, ore, (int)first, (int)years, text,
	    &nid, &e) != 0 ||
	    startup_list(&r->svc, id, &v, &n, &e) != 0) {
		api_fail(r, j, &e);
		return;
	}
	json_decref(j);
	for (i = 0; i < n && v[i].id != nid; i++)
		;
	http_set_header(r, MHD_HTTP_HEADER_LOCATION, arena_printf(&r->arena,
	    "/api/v1/offers/%lld/startup-costs", (long long)id));
	http_send_json(r, 201, i < n ? startup_json(&v[i]) :
	    json_pack("{s:I}", "id", (json_int_t)nid));
}
