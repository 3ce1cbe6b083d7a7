/*
 * page_offer_rules — the register's rules from the minutes on the pages
 * of offers: which municipalities an offer covers (category 1 every one,
 * category 2 all but those that opted it out) with the opt-outs' history,
 * the offer's operator and status over time (taken over, taken home,
 * closed), the forms for both under /tilbud/:id/fravalg and
 * /tilbud/:id/haendelse, and the overview of opt-outs /tilbud/fravalg.
 */
#include <stdio.h>
#include <string.h>

#include "core/offer.h"
#include "core/offer_event.h"
#include "core/org.h"
#include "core/role.h"
#include "http/gov.h"
#include "http/html.h"
#include "http/http.h"
#include "http/offer_form.h"
#include "http/offer_rules_http.h"
#include "http/org_names.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "service/offer_event.h"
#include "store/offer_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

/* A municipality's opt-out as it stands: its latest step, or none. */
struct standing {
	const char		*code;
	const char		*name;
	int			 last;		/* enum optout_step or -1 */
	const struct optout_row	*row;		/* the latest step, or NULL */
};

/* The municipalities of on with their latest step among v[0..n). */
static struct standing *
standings(struct http_req *r, const struct org_names *on,
    const struct optout_row *v, size_t n, int *count)
{
	struct standing		*out;
	enum optout_step	 st;
	size_t			 i;
	int			 k, m = 0;

	out = arena_alloc(&r->arena, (size_t)(on->n + 1) * sizeof(*out));
	for (k = 0; k < on->n; k++) {
		if (on->v[k].kind != ORG_KOMMUNE)
			continue;
		out[m].code = on->v[k].code;
		out[m].name = on->v[k].name;
		out[m].last = -1;
		out[m].row = NULL;
		for (i = 0; i < n; i++)
			if (strcmp(v[i].municipality, on->v[k].code) == 0 &&
			    optout_step_parse(v[i].kind, &st) == 0) {
				out[m].last = (int)st;
				out[m].row = &v[i];
			}
		m++;
	}
	*count = m;
	return out;
}

static enum ui_tone
step_tone(int last)
{
	switch (last) {
	case OPTOUT_FRAVALGT:
	case OPTOUT_FASTHOLDT:	return UI_WARNING;
	case OPTOUT_GENOVERVEJ:	return UI_INFO;
	default:		return UI_SUCCESS;
	}
}

static bool
is_category2(const struct offer *o)
{
	return o->covered && o->category != NULL &&
	    strcmp(o->category, "2") == 0;
}

/* The steps v[0..n) as a table, oldest first. */
static void
steps_table(struct http_req *r, struct html *h, const struct org_names *on,
    const struct optout_row *v, size_t n)
{
	static const struct ui_col cols[] = { { "Tidspunkt", 0 },
	    { "Kommune", 0 }, { "Handling", 0 }, { "Begrundelse", 0 },
	    { "Bruger", 0 } };
	struct ui_table		t;
	enum optout_step	st;
	size_t			i;

	(void)r;
	ui_table_begin(&t, h, NULL, cols, 5);
	for (i = 0; i < n; i++) {
		ui_row(&t);
		ui_cell_begin(&t);
		html_time(h, v[i].created_at);
		ui_cell_end(&t);
		ui_cell(&t, org_names_name(on, v[i].municipality));
		ui_cell(&t, optout_step_parse(v[i].kind, &st) == 0 ?
		    optout_step_label(st) : v[i].kind);
		ui_cell(&t, v[i].text);
		ui_cell(&t, v[i].created_by);
	}
	ui_table_end(&t);
}

/* Coverage of o per municipality. */
static void
coverage_section(struct page *p, const struct offer *o,
    const struct org_names *on)
{
	static const struct ui_col cols[] = { { "Kommune", 0 },
	    { "Dækning", 0 }, { "Seneste begrundelse", 0 } };
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	struct optout_row	*v = NULL;
	struct standing		*sv;
	struct ui_table		 t;
	struct err		 e;
	size_t			 n = 0;
	int			 ns, k, out = 0;

	HTML_LIT(h, "<h2>Dækning pr. kommune</h2>");
	err_clear(&e);
	if (optout_list(&r->svc, o->id, NULL, &v, &n, &e) != 0) {
		ui_alert(h, UI_ERROR, NULL, e.msg);
		return;
	}
	if (!o->covered)
		HTML_LIT(h, "<p>Tilbuddet er ikke omfattet af rammeaftalen.</p>");
	else if (!is_category2(o))
		HTML_LIT(h, "<p>Tilbuddet er omfattet af rammeaftalen for alle "
		    "kommuner. Kun tilbud i kategori 2 kan fravælges af den "
		    "enkelte kommune.</p>");
	else {
		sv = standings(r, on, v, n, &ns);
		for (k = 0; k < ns; k++)
			if (!optout_covers(true, "2", sv[k].last))
				out++;
		HTML_LIT(h, "<p>Kategori 2: omfattet for ");
		html_int(h, ns - out);
		HTML_LIT(h, " af ");
		html_int(h, ns);
		HTML_LIT(h, " kommuner.</p>");
		ui_table_begin(&t, h, NULL, cols, 3);
		for (k = 0; k < ns; k++) {
			ui_row(&t);
			ui_cell(&t, sv[k].name);
			ui_cell_begin(&t);
			ui_badge(h, step_tone(sv[k].last), sv[k].last < 0 ?
			    "Omfattet" : sv[k].last == OPTOUT_TILVALGT ?
			    "Omfattet (tilvalgt igen)" :
			    optout_step_label((enum optout_step)sv[k].last));
			ui_cell_end(&t);
			ui_cell(&t, sv[k].row != NULL ? sv[k].row->text : "");
		}
		ui_table_end(&t);
	}
	if (n > 0) {
		HTML_LIT(h, "<h3>Forløb for fravalg</h3>");
		steps_table(r, h, on, v, n);
	}
	if (is_category2(o) && (r->who.role == ROLE_ADMIN ||
	    (r->who.role == ROLE_AUTHORITY && r->who.org_code != NULL))) {
		HTML_LIT(h, "<div class=\"actions\">");
		ui_button_link(h, UI_SECONDARY, arena_printf(&r->arena,
		    "/tilbud/%lld/fravalg", (long long)o->id),
		    r->who.role == ROLE_ADMIN ? "Bed en kommune genoverveje" :
		    "Fravalg for din kommune");
		HTML_LIT(h, "</div>");
	}
}

static const char *
status_label(const char *name)
{
	enum offer_status st;

	return offer_status_parse(name, &st) == 0 ? offer_status_label(st) :
	    name;
}

/* The events of o: operator and status over time. */
static void
events_section(struct page *p, const struct offer *o,
    const struct org_names *on)
{
	static const struct ui_col cols[] = { { "Fra dato", 0 },
	    { "Hændelse", 0 }, { "Driftsherre før", 0 },
	    { "Driftsherre efter", 0 }, { "Status efter", 0 },
	    { "Note", 0 } };
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	struct offer_event_row	*v = NULL;
	enum offer_event_kind	 k;
	struct ui_table		 t;
	struct err		 e;
	size_t			 n = 0, i;

	HTML_LIT(h, "<h2>Driftsherre og status over tid</h2>");
	err_clear(&e);
	if (offer_event_list(&r->svc, o->id, &v, &n, &e) != 0) {
		ui_alert(h, UI_ERROR, NULL, e.msg);
		return;
	}
	if (n == 0)
		HTML_LIT(h, "<p>Tilbuddet er ikke overtaget, hjemtaget eller "
		    "lukket.</p>");
	else {
		ui_table_begin(&t, h, NULL, cols, 6);
		for (i = 0; i < n; i++) {
			ui_row(&t);
			ui_cell_begin(&t);
			html_date(h, v[i].on_date);
			ui_cell_end(&t);
			ui_cell(&t, offer_event_kind_parse(v[i].kind, &k) == 0 ?
			    offer_event_kind_label(k) : v[i].kind);
			ui_cell(&t, *v[i].from_operator ? org_names_name(on,
			    v[i].from_operator) : "Ikke oplyst");
			ui_cell(&t, *v[i].to_operator ? org_names_name(on,
			    v[i].to_operator) : "Ikke oplyst");
			ui_cell_begin(&t);
			ui_badge(h, *v[i].applied_at ? UI_NEUTRAL : UI_INFO,
			    status_label(v[i].to_status));
			if (*v[i].applied_at == '\0')
				HTML_LIT(h, " (kommende)");
			ui_cell_end(&t);
			ui_cell(&t, v[i].note);
		}
		ui_table_end(&t);
	}
	if (r->who.role == ROLE_ADMIN) {
		HTML_LIT(h, "<div class=\"actions\">");
		ui_button_link(h, UI_SECONDARY, arena_printf(&r->arena,
		    "/tilbud/%lld/haendelse", (long long)o->id),
		    "Registrér overtagelse, hjemtagelse eller lukning");
		HTML_LIT(h, "</div>");
	}
}

void
offer_rules_sections(struct page *p, const struct offer *o)
{
	struct org_names on;

	org_names_load(p->r, &on);
	coverage_section(p, o, &on);
	events_section(p, o, &on);
	purchase_section(p, o);
}

/* ---- the forms ---------------------------------------------------- */

/* The steps the acting user may take, as options; *n of them. */
static const struct ui_option *
step_options(struct http_req *r, int last, int *n)
{
	struct ui_option	*v;
	int			 s;

	v = arena_alloc(&r->arena, OPTOUT_STEP_COUNT * sizeof(*v));
	*n = 0;
	for (s = 0; s < OPTOUT_STEP_COUNT; s++)
		if (optout_step_check((enum optout_step)s, last, "2", true,
		    r->who.role == ROLE_ADMIN, NULL) == 0) {
			v[*n].value = optout_step_name((enum optout_step)s);
			v[*n].label = s == OPTOUT_FRAVALGT ? "Fravælg tilbuddet" :
			    s == OPTOUT_FASTHOLDT ? "Fasthold fravalget" :
			    s == OPTOUT_TILVALGT ? "Tilvælg tilbuddet igen" :
			    "Bed kommunen genoverveje fravalget";
			(*n)++;
		}
	return v;
}

static void
optout_page(struct http_req *r, const struct offer *o, const struct err *err,
    int status)
{
	struct optout_row	*v = NULL;
	struct org_names	 on;
	struct standing		*sv;
	struct ui_option	*mo;
	const struct ui_option	*so;
	struct offer_form	 f;
	struct html		*h = &f.p.h;
	struct err		 e;
	size_t			 n = 0;
	int			 ns, k, nm = 0, nso = 0, last = -1;

	err_clear(&e);
	if (optout_list(&r->svc, o->id, NULL, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	org_names_load(r, &on);
	sv = standings(r, &on, v, n, &ns);
	offer_form_begin(&f, r, o, "Fravalg af tilbuddet", err);
	HTML_LIT(h, "<p>Et tilbud i kategori 2 kan fravælges af den enkelte "
	    "kommune med en begrundelse. Sekretariatet kan bede kommunen "
	    "genoverveje fravalget.</p>");
	if (!is_category2(o))
		ui_alert(h, UI_INFO, NULL, "Tilbuddet er ikke i kategori 2 og "
		    "kan ikke fravælges.");
	else {
		offer_form_open(&f, "fravalg");
		if (r->who.role == ROLE_ADMIN) {
			mo = arena_alloc(&r->arena, (size_t)(ns + 1) *
			    sizeof(*mo));
			for (k = 0; k < ns; k++)
				if (sv[k].last == OPTOUT_FRAVALGT ||
				    sv[k].last == OPTOUT_FASTHOLDT) {
					mo[nm].value = sv[k].code;
					mo[nm++].label = sv[k].name;
				}
			ui_select(h, &(struct ui_select){ .name =
			    "municipality", .label = "Kommune", .first =
			    "Vælg …", .options = mo, .noptions = nm,
			    .selected = gov_field(r, "municipality"),
			    .required = true }, &f.errs);
			HTML_LIT(h, "<input type=\"hidden\" name=\"step\" "
			    "value=\"genovervej\">");
		} else {
			for (k = 0; k < ns; k++)
				if (r->who.org_code != NULL &&
				    strcmp(sv[k].code, r->who.org_code) == 0)
					last = sv[k].last;
			HTML_LIT(h, "<p>Kommune: ");
			html_text(h, org_names_name(&on, r->who.org_code));
			HTML_LIT(h, "</p><input type=\"hidden\" "
			    "name=\"municipality\"");
			html_attr(h, "value", r->who.org_code);
			HTML_LIT(h, ">");
			so = step_options(r, last, &nso);
			ui_radios(h, &(struct ui_radios){ .name = "step",
			    .legend = "Hvad vil kommunen?", .options = so,
			    .noptions = nso, .selected = nso == 1 ?
			    so[0].value : gov_field(r, "step") }, &f.errs);
		}
		ui_field(h, &(struct ui_field){ .name = "text",
		    .label = r->who.role == ROLE_ADMIN ? "Bemærkning til "
		    "kommunen" : "Begrundelse", .type = UI_TEXTAREA,
		    .value = gov_field(r, "text"), .required = true,
		    .maxlength = OPTOUT_TEXT_MAX }, &f.errs);
		offer_form_close(&f, "Gem");
	}
	if (n > 0) {
		HTML_LIT(h, "<h2>Forløb</h2>");
		steps_table(r, h, &on, v, n);
	}
	page_end(&f.p, status);
}

void
page_offer_optout_form(struct http_req *r)
{
	offer_form_get(r, optout_page);
}

void
page_offer_optout_post(struct http_req *r)
{
	struct offer	o;
	struct err	e;
	int		rc;

	if (offer_form_load(r, &o) != 0)
		return;
	err_clear(&e);
	rc = optout_record(&r->svc, o.id, gov_field(r, "municipality"),
	    gov_field(r, "step"), gov_field_text(r, "text"), &e);
	offer_form_done(r, &o, rc, &e, optout_page, "fravalg");
}

static void
event_page(struct http_req *r, const struct offer *o, const struct err *err,
    int status)
{
	struct org_names	 on;
	struct ui_option	*ko;
	struct offer_form	 f;
	struct html		*h = &f.p.h;
	int			 k;

	org_names_load(r, &on);
	offer_form_begin(&f, r, o, "Overtagelse, hjemtagelse eller lukning",
	    err);
	HTML_LIT(h, "<p>Hændelsen ændrer tilbuddets driftsherre eller status "
	    "fra den valgte dato. Registret vist pr. en dato følger "
	    "hændelserne. Driftsherre nu: ");
	html_text(h, o->operator_code ? org_names_name(&on, o->operator_code) :
	    "Ikke oplyst");
	HTML_LIT(h, ".</p>");
	offer_form_open(&f, "haendelse");
	ko = arena_alloc(&r->arena, OFFER_EVENT_KIND_COUNT * sizeof(*ko));
	for (k = 0; k < OFFER_EVENT_KIND_COUNT; k++) {
		ko[k].value = offer_event_kind_name((enum offer_event_kind)k);
		ko[k].label = offer_event_kind_label((enum offer_event_kind)k);
	}
	ui_radios(h, &(struct ui_radios){ .name = "kind",
	    .legend = "Hvad sker der med tilbuddet?", .options = ko,
	    .noptions = OFFER_EVENT_KIND_COUNT,
	    .selected = gov_field(r, "kind") }, &f.errs);
	ui_field(h, &(struct ui_field){ .name = "on_date", .label = "Fra dato",
	    .type = UI_DATE, .width = "m", .value = gov_field(r, "on_date"),
	    .required = true }, &f.errs);
	ui_select_begin(h, &(struct ui_select){ .name = "to_operator",
	    .label = "Ny driftsherre", .first = "Vælg …",
	    .hint = "Ved overtagelse og hjemtagelse; ikke ved lukning",
	    .selected = gov_field(r, "to_operator") }, &f.errs);
	org_names_options(h, &on, gov_field(r, "to_operator"), 0, NULL);
	ui_select_end(h);
	ui_field(h, &(struct ui_field){ .name = "note", .label = "Note",
	    .type = UI_TEXTAREA, .value = gov_field(r, "note"),
	    .maxlength = OPTOUT_TEXT_MAX, .hint = "Fx beslutningen og mødet, "
	    "den blev truffet på" }, &f.errs);
	offer_form_close(&f, "Registrér");
	page_end(&f.p, status);
}

void
page_offer_event_form(struct http_req *r)
{
	offer_form_get(r, event_page);
}

void
page_offer_event_post(struct http_req *r)
{
	static const char *const what[] = {
		"Tilbuddets driftsherre eller status ændres fra datoen; er "
		"datoen kommet, ændres tilbudsregistret med det samme.",
		"Hændelsen står i tilbuddets historik og kan ikke slettes.",
	};
	struct offer_form f;
	struct offer	 o;
	struct err	 e;
	int		 rc;

	if (offer_form_load(r, &o) != 0)
		return;
	if (!ui_confirmed(r)) {
		offer_form_begin(&f, r, &o, "Registrér hændelsen", NULL);
		ui_confirm(&f.p, &(struct ui_confirm){
		    .heading = "Registrér hændelsen?",
		    .text = "Kontrollér dato og driftsherre, før du gemmer.",
		    .consequences = what, .nconsequences = 2,
		    .action = arena_printf(&r->arena, "/tilbud/%lld/haendelse",
		    (long long)o.id), .button = "Registrér hændelsen",
		    .cancel_href = arena_printf(&r->arena, "/tilbud/%lld",
		    (long long)o.id) });
		page_end(&f.p, 200);
		return;
	}
	err_clear(&e);
	rc = offer_event_record(&r->svc, o.id, gov_field(r, "kind"),
	    gov_field(r, "on_date"), gov_field(r, "to_operator"),
	    gov_field_text(r, "note"), NULL, &e);
	offer_form_done(r, &o, rc, &e, event_page, "haendelse");
}

/* ---- the overview ---------------------------------------------------- */

void
page_optouts(struct http_req *r)
{
	static const struct ui_col cols[] = { { "Tilbud", 0 },
	    { "Kommune", 0 }, { "Status", 0 }, { "Begrundelse", 0 } };
	struct optout_row	*v = NULL;
	struct org_names	 on;
	struct ui_table		 t;
	struct page		 p;
	struct html		*h = &p.h;
	struct err		 e;
	const char		*muni;
	enum optout_step	 st;
	size_t			 n = 0, i;

	if (!gov_query_ok(r, (const char *const[]){ "kommune", NULL }))
		return;
	muni = http_query(r, "kommune");
	if (muni != NULL && *muni == '\0')
		muni = NULL;
	err_clear(&e);
	if (optout_list(&r->svc, 0, muni, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	org_names_load(r, &on);
	page_begin_crumbs(&p, r, "Fravalg af kategori 2-tilbud", "tilbud",
	    (const struct page_crumb[]){ { "/tilbud", "Tilbud" } }, 1);
	HTML_LIT(h, "<p>Tilbud i kategori 2 er omfattet af rammeaftalen for "
	    "alle kommuner undtagen dem, der har fravalgt dem. Her står "
	    "kommunernes fravalg, som de står nu.</p>");
	HTML_LIT(h, "<form class=\"filters\" method=\"get\" "
	    "action=\"/tilbud/fravalg\">");
	ui_select_begin(h, &(struct ui_select){ .name = "kommune",
	    .label = "Kommune", .first = "Alle", .selected = muni }, NULL);
	org_names_options(h, &on, muni, 1, NULL);
	ui_select_end(h);
	ui_button(h, UI_PRIMARY, "Vis", NULL, NULL);
	HTML_LIT(h, "</form>");
	if (n == 0) {
		HTML_LIT(h, "<p>Ingen kommune har fravalgt et tilbud.</p>");
		page_end(&p, 200);
		return;
	}
	ui_table_begin(&t, h, NULL, cols, 4);
	for (i = 0; i < n; i++) {
		/* The latest step of each offer and municipality. */
		if (i + 1 < n && v[i + 1].offer_id == v[i].offer_id &&
		    strcmp(v[i + 1].municipality, v[i].municipality) == 0)
			continue;
		if (optout_step_parse(v[i].kind, &st) != 0)
			continue;
		ui_row(&t);
		ui_cell_link(&t, arena_printf(&r->arena, "/tilbud/%lld",
		    (long long)v[i].offer_id), v[i].offer_name);
		ui_cell(&t, org_names_name(&on, v[i].municipality));
		ui_cell_begin(&t);
		ui_badge(h, step_tone((int)st), st == OPTOUT_TILVALGT ?
		    "Omfattet (tilvalgt igen)" : optout_step_label(st));
		ui_cell_end(&t);
		ui_cell(&t, v[i].text);
	}
	ui_table_end(&t);
	page_end(&p, 200);
}
