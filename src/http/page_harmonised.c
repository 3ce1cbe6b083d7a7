/*
 * page_harmonised — harmonised tariffs in the pages: the section on an
 * offer's page, the form /tilbud/:id/harmoniser (the secretariat, or the
 * operator of the offers) and the group in an offer's JSON.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/harmonised.h"
#include "core/offer.h"
#include "core/role.h"
#include "http/gov.h"
#include "http/harmonised_http.h"
#include "http/html.h"
#include "http/http.h"
#include "http/offer_form.h"
#include "http/org_names.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "service/harmonised.h"
#include "service/round.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

#define FORM_MAX_OFFERS	200	/* offers one form may name */

/* A path with one id: idpath(r, "/tilbud/%lld", id). */
#define idpath(r, fmt, id)	arena_printf(&(r)->arena, fmt, (long long)(id))

const struct harmonised *
harmonised_find(const struct harmonised *v, size_t n, int64_t offer_id)
{
	size_t i, k;

	for (i = 0; i < n; i++)
		for (k = 0; k < v[i].nmembers; k++)
			if (v[i].members[k].offer_id == offer_id)
				return &v[i];
	return NULL;
}

void
harmonised_line(struct http_req *r, struct html *h,
    const struct harmonised *g, bool with_name)
{
	size_t i;

	HTML_LIT(h, "<span class=\"harmonised\">");
	if (with_name) {
		HTML_LIT(h, "<strong>");
		html_text(h, g->name);
		HTML_LIT(h, "</strong> (fra ");
		html_text(h, arena_printf(&r->arena, "%d", g->from_year));
		if (g->to_year != 0)
			html_text(h, arena_printf(&r->arena, " til og med %d",
			    g->to_year));
		HTML_LIT(h, "). ");
	}
	HTML_LIT(h, "Harmoniseret takst for: ");
	for (i = 0; i < g->nmembers; i++) {
		if (i > 0)
			HTML_LIT(h, ", ");
		HTML_LIT(h, "<a");
		html_url(h, "href", idpath(r, "/tilbud/%lld",
		    g->members[i].offer_id));
		HTML_LIT(h, ">");
		html_text(h, g->members[i].offer_name);
		HTML_LIT(h, "</a>");
	}
	HTML_LIT(h, "</span>");
}

/*
 * The group's current published tariffs on offer o: the same amounts on
 * every member, each linked to its page with its versions.
 */
static void
group_tariffs(struct page *p, const struct offer *o,
    const struct harmonised *g)
{
	static const struct ui_col cols[] = {
		{ "Takstår", 0 }, { "Paragraf", 0 }, { "Enhed", 0 },
		{ "Takst", UI_COL_NUM }, { "Gyldig", 0 },
	};
	struct http_req		*r = p->r;
	struct published_tariff	*v = NULL;
	struct tariff_filter	 f;
	struct ui_table		 t;
	struct err		 e;
	char			 kr[TEXT_KR_SIZE];
	size_t			 n = 0, i, k = 0;

	memset(&f, 0, sizeof(f));
	f.offer_id = o->id;
	f.limit = 500;
	err_clear(&e);
	if (round_tariffs(&r->svc, &f, &v, &n, NULL, &e) != 0) {
		ui_alert(&p->h, UI_ERROR, NULL, e.msg);
		return;
	}
	for (i = 0; i < n; i++)
		if (v[i].harmonised_id == g->id)
			k++;
	if (k == 0) {
		HTML_LIT(&p->h, "<p>Den harmoniserede takst er endnu ikke "
		    "offentliggjort.</p>");
		return;
	}
	ui_table_begin(&t, &p->h, NULL, cols, 5);
	for (i = 0; i < n; i++) {
		if (v[i].harmonised_id != g->id)
			continue;
		ui_row(&t);
		ui_cell(&t, arena_printf(&r->arena, "%d", v[i].year));
		ui_cell(&t, v[i].level != NULL && *v[i].level != '\0' ?
		    arena_printf(&r->arena, "%s, %s", v[i].paragraph,
		    v[i].level) : v[i].paragraph);
		ui_cell(&t, tariff_unit_label(v[i].unit));
		text_format_ore_da(kr, v[i].tariff_ore);
		ui_cell_link(&t, idpath(r, "/takster/%lld", v[i].id), kr);
		ui_cell_begin(&t);
		html_date(&p->h, v[i].valid_from);
		HTML_LIT(&p->h, " – ");
		html_date(&p->h, v[i].valid_to);
		ui_cell_end(&t);
	}
	ui_table_end(&t);
}

/* The form that dissolves group g from a year (editors). */
static void
dissolve_form(struct page *p, const struct offer *o,
    const struct harmonised *g)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;

	HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
	html_url(h, "action", idpath(r, "/tilbud/%lld/harmoniser/ophaev",
	    o->id));
	HTML_LIT(h, ">");
	page_csrf(p);
	ui_field(h, &(struct ui_field){ .name = "year",
	    .label = "Ophæv fra år", .width = "xs", .inputmode = "numeric",
	    .hint = arena_printf(&r->arena, "Et år efter %d. Fra det år får "
	    "tilbuddene hver sin takst igen", g->from_year),
	    .required = true }, NULL);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_SECONDARY, "Ophæv harmoniseret takst", NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

void
harmonised_section(struct page *p, const struct offer *o)
{
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	struct harmonised	*v = NULL;
	struct err		 e;
	size_t			 n = 0;

	HTML_LIT(h, "<h2>Harmoniseret takst</h2>");
	err_clear(&e);
	if (harmonised_list(&r->svc, o->id, &v, &n, &e) != 0) {
		ui_alert(h, UI_ERROR, NULL, e.msg);
		return;
	}
	if (n > 0) {
		HTML_LIT(h, "<p>");
		harmonised_line(r, h, &v[0], true);
		HTML_LIT(h, "</p><p>Driftsherren indberetter én takst for "
		    "tilbuddene samlet, og den samme takst offentliggøres på "
		    "hvert af dem.</p>");
		group_tariffs(p, o, &v[0]);
		if (v[0].to_year == 0 && role_may_edit_offer(&r->who,
		    v[0].operator_code))
			dissolve_form(p, o, &v[0]);
		return;
	}
	HTML_LIT(h, "<p>Tilbuddet har sin egen takst.</p>");
	if (o->operator_code != NULL &&
	    role_may_edit_offer(&r->who, o->operator_code)) {
		HTML_LIT(h, "<div class=\"actions\">");
		ui_button_link(h, UI_SECONDARY, idpath(r,
		    "/tilbud/%lld/harmoniser", o->id),
		    "Harmonisér takst med andre tilbud");
		HTML_LIT(h, "</div>");
	}
}

json_t *
harmonised_offer_json(struct http_req *r, int64_t offer_id)
{
	struct harmonised	*v = NULL;
	struct err		 e;
	json_t			*arr;
	size_t			 n = 0, i;

	err_clear(&e);
	if (harmonised_list(&r->svc, offer_id, &v, &n, &e) != 0 || n == 0)
		return NULL;
	arr = json_array();
	for (i = 0; i < v[0].nmembers; i++)
		json_array_append_new(arr, json_pack("{s:I, s:s}", "id",
		    (json_int_t)v[0].members[i].offer_id, "name",
		    v[0].members[i].offer_name));
	return json_pack("{s:I, s:s, s:i, s:o, s:s, s:o}", "id",
	    (json_int_t)v[0].id, "name", v[0].name, "from_year",
	    v[0].from_year, "to_year", v[0].to_year != 0 ?
	    json_integer(v[0].to_year) : json_null(), "operator",
	    v[0].operator_code, "offers", arr);
}

/* True if id is among the checked offers of the posted form. */
static bool
checked(struct http_req *r, int64_t id)
{
	const char	*vals[FORM_MAX_OFFERS];
	size_t		 n, i;

	if (strcmp(r->method, "POST") != 0)
		return false;
	n = http_form_values(r, "tilbud", vals, FORM_MAX_OFFERS);
	for (i = 0; i < n && i < FORM_MAX_OFFERS; i++)
		if (gov_id(vals[i]) == id)
			return true;
	return false;
}

static void
form_page(struct http_req *r, const struct offer *o, const struct err *err,
    int status)
{
	struct org_names	 on;
	struct offer_form	 f;
	struct html		*h = &f.p.h;
	struct offer		*c = NULL;
	struct err		 e;
	size_t			 n = 0, i;

	err_clear(&e);
	if (harmonised_candidates(&r->svc, o, &c, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	org_names_load(r, &on);
	offer_form_begin(&f, r, o, "Harmonisér takst", err);
	HTML_LIT(h, "<p>En harmoniseret takst er én takst, der gælder for "
	    "flere tilbud hos samme driftsherre (");
	html_text(h, org_names_name(&on, o->operator_code));
	HTML_LIT(h, "). Taksten vises på alle tilbuddene og i "
	    "takstoversigten.</p>");
	offer_form_open(&f, "harmoniser");
	ui_field(h, &(struct ui_field){ .name = "name",
	    .label = "Navn på den harmoniserede takst",
	    .value = gov_field(r, "name"), .maxlength = HARMONISED_NAME_MAX,
	    .required = true }, &f.errs);
	ui_field(h, &(struct ui_field){ .name = "from_year",
	    .label = "Gælder fra år", .width = "xs", .inputmode = "numeric",
	    .value = gov_field(r, "from_year"), .required = true }, &f.errs);
	HTML_LIT(h, "<fieldset id=\"offers\"><legend class=\"form-label\">"
	    "Tilbud med samme takst</legend><p class=\"form-hint\">");
	html_text(h, o->name);
	HTML_LIT(h, " er med. Vælg mindst ét tilbud mere.</p>");
	if (n == 0)
		HTML_LIT(h, "<p>Driftsherren har ingen andre tilbud.</p>");
	for (i = 0; i < n; i++)
		ui_checkbox(h, &(struct ui_check){ .name = "tilbud",
		    .id = arena_printf(&r->arena, "tilbud-%lld",
		    (long long)c[i].id), .label = c[i].name,
		    .value = arena_printf(&r->arena, "%lld",
		    (long long)c[i].id), .checked = checked(r, c[i].id) });
	HTML_LIT(h, "</fieldset>");
	offer_form_close(&f, "Harmonisér");
	page_end(&f.p, status);
}

/* The offer of the path, if the user may change its tariffs. */
static int
load(struct http_req *r, struct offer *o)
{
	struct err e;

	if (offer_form_load(r, o) != 0)
		return -1;
	if (!role_may_edit_offer(&r->who, o->operator_code)) {
		err_set(&e, ERR_FORBIDDEN, "forbidden", NULL, "Kun "
		    "sekretariatet eller tilbuddets driftsherre kan "
		    "harmonisere taksten");
		http_send_error(r, &e);
		return -1;
	}
	return 0;
}

void
page_harmonised_form(struct http_req *r)
{
	struct offer o;

	if (load(r, &o) == 0)
		form_page(r, &o, NULL, 200);
}

void
page_harmonised_post(struct http_req *r)
{
	const char	*vals[FORM_MAX_OFFERS];
	struct offer	 o;
	struct err	 e;
	const char	*year;
	int64_t		 ids[FORM_MAX_OFFERS + 1], gid;
	size_t		 n, i, k = 0;
	char		*end;
	long		 y = 0;
	int		 rc;

	if (load(r, &o) != 0)
		return;
	err_clear(&e);
	ids[k++] = o.id;
	n = http_form_values(r, "tilbud", vals, FORM_MAX_OFFERS);
	if (n > FORM_MAX_OFFERS)
		n = FORM_MAX_OFFERS;
	for (i = 0; i < n; i++)
		if ((ids[k] = gov_id(vals[i])) > 0)
			k++;
	year = gov_field(r, "from_year");
	if (year != NULL)
		y = strtol(year, &end, 10);
	if (year == NULL || *year == '\0' || *end != '\0')
		y = 0;
	rc = harmonised_create(&r->svc, gov_field(r, "name"), (int)y, ids, k,
	    &gid, &e);
	offer_form_done(r, &o, rc, &e, form_page, "harmoniseret");
}

void
page_harmonised_dissolve(struct http_req *r)
{
	struct harmonised	*v = NULL;
	struct offer_form	 f;
	struct offer		 o;
	struct err		 e;
	const char		*year, *what[2];
	char			*end;
	size_t			 n = 0;
	long			 y = 0;
	int			 rc;

	if (load(r, &o) != 0)
		return;
	err_clear(&e);
	if ((rc = harmonised_list(&r->svc, o.id, &v, &n, &e)) != 0) {
		http_send_error(r, &e);
		return;
	}
	if (n == 0) {
		err_set(&e, ERR_NOT_FOUND, "harmonised_not_found", NULL,
		    "Tilbuddet har ingen harmoniseret takst");
		http_send_error(r, &e);
		return;
	}
	year = gov_field(r, "year");
	if (year != NULL)
		y = strtol(year, &end, 10);
	if (year == NULL || *year == '\0' || *end != '\0')
		y = 0;
	if (y != 0 && !ui_confirmed(r)) {
		what[0] = arena_printf(&r->arena, "Fra %ld indberetter "
		    "driftsherren en takst for hvert tilbud i takstrunden.", y);
		what[1] = "De takster, der allerede er offentliggjort, "
		    "ændres ikke.";
		offer_form_begin(&f, r, &o, "Ophæv harmoniseret takst", NULL);
		ui_confirm(&f.p, &(struct ui_confirm){
		    .heading = arena_printf(&r->arena, "Ophæv %s fra %ld?",
		    v[0].name, y),
		    .text = "Tilbuddene får hver sin takst igen.",
		    .consequences = what, .nconsequences = 2,
		    .action = idpath(r, "/tilbud/%lld/harmoniser/ophaev", o.id),
		    .button = "Ophæv harmoniseret takst", .warning = true,
		    .cancel_href = idpath(r, "/tilbud/%lld", o.id) });
		page_end(&f.p, 200);
		return;
	}
	if ((rc = harmonised_dissolve(&r->svc, v[0].id, (int)y, &e)) != 0) {
		if (rc == ERR_FORBIDDEN || rc == ERR_NOT_FOUND) {
			http_send_error(r, &e);
			return;
		}
		offer_form_begin(&f, r, &o, "Ophæv harmoniseret takst", NULL);
		ui_alert(&f.p.h, UI_ERROR, NULL, e.msg);
		dissolve_form(&f.p, &o, &v[0]);
		page_end(&f.p, http_status_of_err(rc));
		return;
	}
	http_redirect(r, idpath(r,
	    "/tilbud/%lld?besked=harmonisering_ophaevet", o.id));
}
