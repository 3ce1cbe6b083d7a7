/*
 * page_register — the HTML pages of the register's offers: list with
 * filters, detail with history, create, edit and delete (their files
 * are page_offer_io, the organisations page_org, the front page
 * page_start).
 * Handlers read the request, call the register services and write the
 * page; the rules live below them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/offer.h"
#include "core/org.h"
#include "core/role.h"
#include "http/api.h"
#include "http/agreement_http.h"
#include "http/harmonised_http.h"
#include "http/html.h"
#include "http/http.h"
#include "http/offer_rules_http.h"
#include "http/org_names.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "service/register.h"
#include "service/history.h"
#include "service/offer_event.h"
#include "service/register_io.h"
#include "store/offer_store.h"
#include "util/buf.h"
#include "util/text.h"

#define PAGE_SIZE	50
#define FORM_PLACE_ROWS	3	/* empty place rows offered in a form */

/* A select of offer kinds; first is the empty choice ("Alle"). */
static void
kind_select(struct html *h, const char *name, const char *label,
    const char *selected, const char *first, const struct ui_errors *errs)
{
	int k;

	ui_select_begin(h, &(struct ui_select){ .name = name, .label = label,
	    .selected = selected, .first = first }, errs);
	for (k = 1; k < OFFER_KIND_COUNT; k++)
		ui_option(h, offer_kind_name((enum offer_kind)k),
		    offer_kind_label((enum offer_kind)k), selected);
	ui_select_end(h);
}

/* A select of offer states; first (or NULL) is the empty choice. */
static void
status_select(struct html *h, const char *selected, const char *first,
    const struct ui_errors *errs)
{
	int s;

	ui_select_begin(h, &(struct ui_select){ .name = "status",
	    .label = "Status", .selected = selected, .first = first,
	    .required = first == NULL }, errs);
	for (s = 0; s < OFFER_STATUS_COUNT; s++)
		ui_option(h, offer_status_name((enum offer_status)s),
		    offer_status_label((enum offer_status)s), selected);
	ui_select_end(h);
}

/* The tone of an offer's status badge. */
static enum ui_tone
status_tone(enum offer_status st)
{
	switch (st) {
	case OFFER_ACTIVE:	return UI_SUCCESS;
	case OFFER_CLOSING:	return UI_WARNING;
	default:		return UI_NEUTRAL;
	}
}

/* "20 (2012)": the places of the latest year recorded. */
static void
latest_places(struct html *h, const struct offer *o)
{
	char y[16];

	if (o->nplaces == 0) {
		HTML_LIT(h, "<span class=\"muted\">–</span>");
		return;
	}
	html_centi(h, o->places[o->nplaces - 1].centi);
	snprintf(y, sizeof(y), " (%d)", o->places[o->nplaces - 1].year);
	html_text(h, y);
}

static void
paragraph_list(struct html *h, const struct offer *o)
{
	size_t i;

	for (i = 0; i < o->nparagraphs; i++) {
		if (i > 0)
			HTML_LIT(h, "; ");
		html_text(h, o->paragraphs[i]);
	}
}

/* "/tilbud?q=…&operator=…": the list with its filters, for the pager. */
static const char *
filter_href(struct http_req *r)
{
	static const char *const keys[] = { "q", "operator", "municipality",
	    "paragraph", "kind", "status", "covered", "sort", NULL };
	struct buf	 b;
	const char	*v, *out;
	int		 i;

	buf_init(&b);
	buf_puts(&b, "/tilbud");
	for (i = 0; keys[i] != NULL; i++)
		if ((v = http_query(r, keys[i])) != NULL && *v) {
			buf_printf(&b, "%s%s=%s", b.len > 7 ? "&" : "?",
			    keys[i], http_urlencode(&r->arena, v));
		}
	out = arena_strdup(&r->arena, buf_str(&b));
	buf_cleanup(&b);
	return out;
}

static const char *
flash_text(const char *key)
{
	if (key == NULL)
		return NULL;
	if (strcmp(key, "oprettet") == 0)
		return "Tilbuddet er oprettet.";
	if (strcmp(key, "gemt") == 0)
		return "Ændringerne er gemt.";
	if (strcmp(key, "slettet") == 0)
		return "Tilbuddet er slettet. Historikken er bevaret.";
	if (strcmp(key, "fravalg") == 0)
		return "Fravalget er registreret.";
	if (strcmp(key, "haendelse") == 0)
		return "Hændelsen er registreret.";
	if (strcmp(key, "koebsaftale") == 0)
		return "Købsaftalen er registreret.";
	if (strcmp(key, "harmoniseret") == 0)
		return "Den harmoniserede takst er registreret.";
	if (strcmp(key, "harmonisering_ophaevet") == 0)
		return "Den harmoniserede takst er ophævet. Tilbuddene får "
		    "hver sin takst fra det valgte år.";
	if (strcmp(key, "opstart") == 0)
		return "Opstartsomkostningerne er registreret.";
	return NULL;
}

void
page_offers(struct http_req *r)
{
	static const char *const allowed[] = { "q", "operator", "municipality",
	    "paragraph", "kind", "status", "covered", "sort", "offset",
	    "side", "besked", "pr", NULL };
	struct page		 p;
	struct html		*h = &p.h;
	static const struct ui_col list_cols[] = {
		{ "Navn", 0 }, { "Driftsherre", 0 },
		{ "Beliggenhedskommune", 0 }, { "Paragraffer", 0 },
		{ "Tilbudstype", 0 }, { "Pladser", UI_COL_NUM },
		{ "Status", 0 },
	};
	struct offer_filter	 f;
	struct offer		*v = NULL;
	struct org_names	 orgs;
	struct ui_table		 t;
	struct err		 e;
	size_t			 n = 0, i;
	int64_t			 total = 0;
	const char		*flash, *cov, *side, *asof = NULL;
	int64_t			 pageno = 1;
	int			 rc;

	err_clear(&e);
	rc = http_query_check(r, allowed, &e);
	if (rc == 0)
		rc = api_offer_filter(r, &f, PAGE_SIZE, &e);
	if (rc == 0 && (side = http_query(r, "side")) != NULL && *side &&
	    (text_parse_i64(side, &pageno) != 0 || pageno < 1 ||
	    pageno > 100000))
		rc = err_set(&e, ERR_INVALID, "invalid_page", "side",
		    "Side skal være et sidetal");
	if (rc == 0) {
		f.limit = PAGE_SIZE;
		if (pageno > 1)
			f.offset = (pageno - 1) * PAGE_SIZE;
		rc = register_offer_list(&r->svc, &f, &v, &n, &total, &e);
	}
	if (rc == 0 && (asof = http_query(r, "pr")) != NULL && *asof) {
		if (!text_date_valid(asof))
			rc = err_set(&e, ERR_INVALID, "invalid_date", "pr",
			    "Pr. dato skal være en dato");
		else
			rc = offer_event_as_of(&r->svc, v, n, asof, &e);
	}
	if (rc != 0 && e.code != ERR_INVALID) {
		http_send_error(r, &e);
		return;
	}
	org_names_load(r, &orgs);
	page_begin(&p, r, "Tilbud", "tilbud");
	if ((flash = flash_text(http_query(r, "besked"))) != NULL)
		ui_alert(h, UI_SUCCESS, NULL, flash);

	HTML_LIT(h, "<form class=\"filters\" method=\"get\" action=\"/tilbud\" "
	    "role=\"search\" aria-label=\"Find tilbud\">");
	ui_field(h, &(struct ui_field){ .name = "q", .label = "Søg i navn",
	    .value = http_query(r, "q") }, NULL);
	ui_select_begin(h, &(struct ui_select){ .name = "operator",
	    .label = "Driftsherre", .first = "Alle",
	    .selected = http_query(r, "operator") }, NULL);
	org_names_options(h, &orgs, http_query(r, "operator"), 0, NULL);
	ui_select_end(h);
	ui_select_begin(h, &(struct ui_select){ .name = "municipality",
	    .label = "Beliggenhedskommune", .first = "Alle",
	    .selected = http_query(r, "municipality") }, NULL);
	org_names_options(h, &orgs, http_query(r, "municipality"), 1, NULL);
	ui_select_end(h);
	ui_field(h, &(struct ui_field){ .name = "paragraph",
	    .label = "Paragraf", .hint = "fx 107", .width = "xs",
	    .value = http_query(r, "paragraph") }, NULL);
	kind_select(h, "kind", "Tilbudstype", http_query(r, "kind"), "Alle",
	    NULL);
	status_select(h, http_query(r, "status"), "Alle", NULL);
	cov = http_query(r, "covered");
	ui_select(h, &(struct ui_select){ .name = "covered",
	    .label = "Omfattet", .first = "Alle", .selected = cov,
	    .options = (const struct ui_option[]){
		{ "true", "Omfattet af rammeaftalen" },
		{ "false", "Ikke omfattet" } }, .noptions = 2 }, NULL);
	ui_field(h, &(struct ui_field){ .name = "pr", .label = "Pr. dato",
	    .type = UI_DATE, .width = "m", .value = http_query(r, "pr"),
	    .hint = "Driftsherre og status, som de var den dag" }, NULL);
	ui_button(h, UI_PRIMARY, "Vis", NULL, NULL);
	HTML_LIT(h, "</form>\n");

	if (rc != 0)
		ui_alert(h, UI_ERROR, NULL, e.msg);

	HTML_LIT(h, "<div class=\"actions\">");
	if (r->who.role == ROLE_ADMIN || r->who.role == ROLE_OPERATOR)
		ui_button_link(h, UI_PRIMARY, "/tilbud/nyt", "Opret tilbud");
	if (r->who.role == ROLE_ADMIN)
		ui_button_link(h, UI_SECONDARY, "/tilbud/import", "Indlæs CSV");
	ui_button_link(h, UI_SECONDARY, "/tilbud/fravalg",
	    "Kommunernes fravalg");
	ui_button_link(h, UI_SECONDARY, "/tilbud/koebsaftaler",
	    "Købsaftaler");
	HTML_LIT(h, "<span>Hent hele registeret:</span>"
	    "<a href=\"/tilbud/eksport?format=xlsx\" download>Excel</a>"
	    "<a href=\"/tilbud/eksport?format=csv\" download>CSV</a>"
	    "<a href=\"/tilbud/eksport?format=json\" download>JSON</a>"
	    "<a href=\"/tilbud/eksport?format=xlsx&amp;visning=oversigt\" "
	    "download>Excel til læsning</a>"
	    "<a href=\"/tilbud/eksport?format=csv&amp;visning=oversigt\" "
	    "download>CSV til læsning</a>"
	    "</div>\n");

	if (rc == 0 && asof != NULL && *asof) {
		HTML_LIT(h, "<p>Driftsherre og status er vist, som de var ");
		html_date(h, asof);
		HTML_LIT(h, ".</p>");
	}
	HTML_LIT(h, "<p id=\"count\">");
	html_int(h, total);
	HTML_LIT(h, " tilbud</p>");
	ui_table_begin(&t, h, NULL, list_cols, 7);
	for (i = 0; i < n; i++) {
		ui_row(&t);
		ui_cell_link(&t, arena_printf(&r->arena, "/tilbud/%lld",
		    (long long)v[i].id), v[i].name);
		ui_cell(&t, v[i].operator_code ? org_names_name(&orgs,
		    v[i].operator_code) : "Ikke oplyst");
		ui_cell(&t, v[i].location_code ? org_names_name(&orgs,
		    v[i].location_code) : "Ikke oplyst");
		ui_cell_begin(&t);
		paragraph_list(h, &v[i]);
		ui_cell_end(&t);
		ui_cell(&t, offer_kind_label(v[i].kind));
		ui_cell_begin(&t);
		latest_places(h, &v[i]);
		ui_cell_end(&t);
		ui_cell_begin(&t);
		ui_badge(h, status_tone(v[i].status),
		    offer_status_label(v[i].status));
		ui_cell_end(&t);
	}
	ui_table_end(&t);
	if (rc == 0 && total > PAGE_SIZE)
		ui_pager(h, r, filter_href(r), "side",
		    (int)(f.offset / PAGE_SIZE) + 1,
		    (int)((total + PAGE_SIZE - 1) / PAGE_SIZE));
	page_end(&p, 200);
}

/* ---- one offer ----------------------------------------------------- */

static int
load_offer(struct http_req *r, struct offer *o, struct err *e)
{
	int64_t id;
	int	rc;

	if ((rc = api_param_id(r, 0, &id, e)) != 0)
		return rc;
	return register_offer_get(&r->svc, id, o, e);
}

/* "Navn, Pladser": the labels of the fields a change touched. */
static const char *
changed_labels(struct http_req *r, const struct history_entry *he)
{
	struct buf	 b;
	const char	*out;
	size_t		 i;

	buf_init(&b);
	for (i = 0; i < he->nchanges; i++)
		buf_printf(&b, "%s%s", i > 0 ? ", " : "",
		    he->changes[i].label);
	out = arena_strdup(&r->arena, buf_str(&b));
	buf_cleanup(&b);
	return out;
}

void
page_offer_view(struct http_req *r)
{
	static const struct ui_col place_cols[] = {
		{ "År", 0 }, { "Pladser", UI_COL_NUM },
	};
	static const struct ui_col hist_cols[] = {
		{ "Tidspunkt", 0 }, { "Bruger", 0 }, { "Handling", 0 },
		{ "Ændrede felter", 0 },
	};
	struct page		 p;
	struct html		*h = &p.h;
	struct offer		 o;
	struct org_names	 orgs;
	struct ui_table		 t;
	struct history_entry	*hist;
	struct err		 e;
	const char		*flash;
	size_t			 i, nh = 0, k;

	err_clear(&e);
	if (load_offer(r, &o, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	org_names_load(r, &orgs);
	page_begin(&p, r, o.name, "tilbud");
	if ((flash = flash_text(http_query(r, "besked"))) != NULL)
		ui_alert(h, UI_SUCCESS, NULL, flash);
	ui_facts_begin(h);
	ui_fact(h, "Driftsherre", o.operator_code ? org_names_name(&orgs,
	    o.operator_code) : "Ikke oplyst");
	ui_fact(h, "Beliggenhedskommune", o.location_code ?
	    org_names_name(&orgs, o.location_code) : "Ikke oplyst");
	ui_fact(h, "Tilbudstype", offer_kind_label(o.kind));
	ui_fact_begin(h, "Paragraffer");
	if (o.nparagraphs == 0)
		HTML_LIT(h, "Ikke oplyst");
	paragraph_list(h, &o);
	ui_fact_end(h);
	ui_fact_begin(h, "Målgrupper");
	for (i = 0; i < o.ntarget_groups; i++) {
		if (i > 0)
			HTML_LIT(h, "<br>");
		html_text(h, o.target_groups[i]);
	}
	if (o.ntarget_groups == 0)
		HTML_LIT(h, "Ikke oplyst");
	ui_fact_end(h);
	ui_fact(h, "Omfattet af rammeaftalen", o.category == NULL ?
	    (o.covered ? "Ja" : "Nej") : arena_printf(&r->arena,
	    "%s (kategori %s)", o.covered ? "Ja" : "Nej", o.category));
	ui_fact_begin(h, "Status");
	ui_badge(h, status_tone(o.status), offer_status_label(o.status));
	if (o.status_from != NULL) {
		HTML_LIT(h, " fra ");
		html_date(h, o.status_from);
	}
	ui_fact_end(h);
	if (o.opened_on != NULL)
		ui_fact_date(h, "Åbnet", o.opened_on);
	if (o.tilbudsportal_id != NULL)
		ui_fact(h, "Tilbudsportalen", o.tilbudsportal_id);
	if (o.note != NULL)
		ui_fact(h, "Note", o.note);
	if (o.source != NULL)
		ui_fact(h, "Kilde", o.source);
	agreement_offer_facts(r, h, o.id);
	ui_facts_end(h);
	HTML_LIT(h, "<h2>Pladser pr. år</h2>");
	if (o.nplaces == 0)
		HTML_LIT(h, "<p>Ingen pladstal registreret.</p>");
	else {
		ui_table_begin(&t, h, NULL, place_cols, 2);
		for (i = 0; i < o.nplaces; i++) {
			ui_row(&t);
			ui_cell(&t, arena_printf(&r->arena, "%d",
			    o.places[i].year));
			ui_cell_begin(&t);
			html_centi(h, o.places[i].centi);
			ui_cell_end(&t);
		}
		ui_table_end(&t);
	}
	if (role_may_edit_offer(&r->who, o.operator_code)) {
		HTML_LIT(h, "<div class=\"actions\">");
		ui_button_link(h, UI_PRIMARY, arena_printf(&r->arena,
		    "/tilbud/%lld/rediger", (long long)o.id), "Rediger");
		HTML_LIT(h, "<form method=\"post\"");
		html_url(h, "action", arena_printf(&r->arena,
		    "/tilbud/%lld/slet", (long long)o.id));
		HTML_LIT(h, ">");
		page_csrf(&p);
		HTML_LIT(h, "<input type=\"hidden\" name=\"version\"");
		html_attr(h, "value", arena_printf(&r->arena, "%lld",
		    (long long)o.version));
		HTML_LIT(h, ">");
		ui_button(h, UI_WARNING_BUTTON, "Slet", NULL, NULL);
		HTML_LIT(h, "</form></div>");
	}
	harmonised_section(&p, &o);
	offer_rules_sections(&p, &o);
	offer_startup_sections(&p, &o);
	if (r->who.role != ROLE_ANON &&
	    history_offer(&r->svc, o.id, &hist, &nh, &e) == 0) {
		HTML_LIT(h, "<h2>Historik</h2>");
		ui_table_begin(&t, h, NULL, hist_cols, 4);
		for (k = 0; k < nh; k++) {
			ui_row(&t);
			ui_cell_begin(&t);
			html_time(h, hist[k].at_iso);
			ui_cell_end(&t);
			ui_cell(&t, hist[k].who);
			ui_cell(&t, hist[k].action_label);
			ui_cell(&t, changed_labels(r, &hist[k]));
		}
		ui_table_end(&t);
	}
	HTML_LIT(h, "<p><a href=\"/tilbud\">Tilbage til listen</a></p>");
	page_end(&p, 200);
}

/* ---- the offer form ------------------------------------------------ */

static const char *
join_lines(struct http_req *r, const char **items, size_t n)
{
	struct buf	 b;
	const char	*out;
	size_t		 i;

	buf_init(&b);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_putc(&b, '\n');
		buf_puts(&b, items[i]);
	}
	out = arena_strdup(&r->arena, buf_str(&b));
	buf_cleanup(&b);
	return out;
}

/*
 * Write the offer form for o (a new offer when o->id is 0); err, if not
 * NULL, is shown in the error summary and at its field.
 */
static void
offer_form(struct page *p, const struct offer *o, const struct err *err)
{
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	struct org_names	 orgs;
	struct ui_errors	 errs;
	size_t			 i, rows;

	org_names_load(r, &orgs);
	ui_errors_init(&errs);
	if (err != NULL)
		ui_errors_add_err(&errs, r, err);
	ui_error_summary(h, &errs);
	HTML_LIT(h, "<form class=\"ramme-form\" method=\"post\"");
	html_url(h, "action", o->id ? arena_printf(&r->arena,
	    "/tilbud/%lld/rediger", (long long)o->id) : "/tilbud/nyt");
	HTML_LIT(h, ">");
	page_csrf(p);
	if (o->id) {
		HTML_LIT(h, "<input type=\"hidden\" name=\"version\"");
		html_attr(h, "value", arena_printf(&r->arena, "%lld",
		    (long long)o->version));
		HTML_LIT(h, ">");
	}
	ui_field(h, &(struct ui_field){ .name = "name", .label = "Navn",
	    .value = o->name, .required = true, .maxlength = OFFER_NAME_MAX,
	    .width = "xl" }, &errs);
	ui_select_begin(h, &(struct ui_select){ .name = "operator_code",
	    .label = "Driftsherre", .selected = o->operator_code,
	    .first = r->who.role == ROLE_ADMIN ? "Ikke oplyst" : NULL }, &errs);
	org_names_options(h, &orgs, o->operator_code, 0,
	    r->who.role == ROLE_ADMIN ? NULL : r->who.org_code);
	ui_select_end(h);
	ui_select_begin(h, &(struct ui_select){ .name = "location_code",
	    .label = "Beliggenhedskommune", .selected = o->location_code,
	    .first = "Ikke oplyst" }, &errs);
	org_names_options(h, &orgs, o->location_code, 1, NULL);
	ui_select_end(h);
	kind_select(h, "kind", "Tilbudstype", o->kind ?
	    offer_kind_name(o->kind) : "", "Ikke oplyst", &errs);
	ui_field(h, &(struct ui_field){ .name = "paragraphs",
	    .label = "Paragraffer", .hint = "Én pr. linje, fx SEL § 107",
	    .type = UI_TEXTAREA, .rows = 3, .value = join_lines(r,
	    o->paragraphs, o->nparagraphs) }, &errs);
	ui_field(h, &(struct ui_field){ .name = "target_groups",
	    .label = "Målgrupper", .hint = "Én pr. linje", .type = UI_TEXTAREA,
	    .rows = 3, .value = join_lines(r, o->target_groups,
	    o->ntarget_groups) }, &errs);
	ui_checkbox(h, &(struct ui_check){ .name = "covered",
	    .label = "Omfattet af rammeaftalen", .checked = o->covered });
	ui_field(h, &(struct ui_field){ .name = "category", .label = "Kategori",
	    .value = o->category, .maxlength = OFFER_CATEGORY_MAX,
	    .width = "m" }, &errs);
	HTML_LIT(h, "<fieldset id=\"places\"><legend class=\"h4\">Pladser "
	    "pr. år</legend>");
	if (ui_errors_get(&errs, "places") != NULL) {
		HTML_LIT(h, "<p class=\"form-error-message\">");
		html_text(h, ui_errors_get(&errs, "places"));
		HTML_LIT(h, "</p>");
	}
	rows = o->nplaces + FORM_PLACE_ROWS;
	for (i = 0; i < rows; i++) {
		const char *pv = NULL;

		if (i < o->nplaces) {
			struct buf b;
			buf_init(&b);
			text_format_centi_da(&b, o->places[i].centi);
			pv = arena_strdup(&r->arena, buf_str(&b));
			buf_cleanup(&b);
		}
		HTML_LIT(h, "<div class=\"places-row\">");
		ui_field(h, &(struct ui_field){ .name = arena_printf(&r->arena,
		    "places_year_%zu", i), .label = "År", .width = "xs",
		    .inputmode = "numeric", .maxlength = 4,
		    .value = i < o->nplaces ? arena_printf(&r->arena, "%d",
		    o->places[i].year) : NULL }, NULL);
		ui_field(h, &(struct ui_field){ .name = arena_printf(&r->arena,
		    "places_%zu", i), .label = "Pladser", .type = UI_NUMBER,
		    .suffix = "pladser", .width = "s", .value = pv }, NULL);
		HTML_LIT(h, "</div>");
	}
	HTML_LIT(h, "</fieldset>");
	status_select(h, offer_status_name(o->status), NULL, &errs);
	ui_field(h, &(struct ui_field){ .name = "status_from",
	    .label = "Status gældende fra", .type = UI_DATE,
	    .width = "m", .value = o->status_from }, &errs);
	ui_field(h, &(struct ui_field){ .name = "opened_on", .label = "Åbnet",
	    .type = UI_DATE, .width = "m", .value = o->opened_on }, &errs);
	ui_field(h, &(struct ui_field){ .name = "tilbudsportal_id",
	    .label = "Tilbudsportalens id", .inputmode = "numeric",
	    .maxlength = OFFER_PORTAL_ID_MAX, .width = "s",
	    .value = o->tilbudsportal_id },
	    &errs);
	ui_field(h, &(struct ui_field){ .name = "note", .label = "Note",
	    .type = UI_TEXTAREA, .rows = 3, .value = o->note }, &errs);
	ui_field(h, &(struct ui_field){ .name = "source", .label = "Kilde",
	    .type = UI_TEXTAREA, .rows = 2, .value = o->source }, &errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Gem", NULL, NULL);
	ui_button_link(h, UI_TERTIARY, o->id ? arena_printf(&r->arena,
	    "/tilbud/%lld", (long long)o->id) : "/tilbud", "Annuller");
	HTML_LIT(h, "</div></form>");
}

/* Lines of a textarea as items, empty lines dropped. */
static int
lines(struct http_req *r, const char *name, size_t max, const char ***out,
    size_t *n, struct err *e)
{
	const char	*v = http_form_text(r, name), *s, *nl;
	const char	**items;
	size_t		 k = 0;
	char		*item;

	*out = NULL;
	*n = 0;
	if (v == NULL)
		return 0;
	items = arena_calloc(&r->arena, max + 1, sizeof(*items));
	for (s = v; *s != '\0'; s = *nl ? nl + 1 : nl) {
		nl = strchr(s, '\n');
		if (nl == NULL)
			nl = s + strlen(s);
		item = text_trim(arena_strndup(&r->arena, s, (size_t)(nl - s)));
		if (*item == '\0')
			continue;
		if (k >= max)
			return err_set(e, ERR_INVALID, "too_many_items", name,
			    "Højst %zu linjer i feltet", max);
		items[k++] = item;
	}
	*out = items;
	*n = k;
	return 0;
}

/* Read the offer form into *o (keeping id and version). */
static int
form_offer(struct http_req *r, struct offer *o, struct err *e)
{
	const char	*s, *y, *pl;
	size_t		 i;
	int64_t		 year, centi;
	int		 rc;

	if ((rc = http_form_error(r, e)) != 0)
		return rc;
	o->name = http_form_text(r, "name");
	o->operator_code = http_form_text(r, "operator_code");
	o->location_code = http_form_text(r, "location_code");
	if (offer_kind_parse(http_form_text(r, "kind"), &o->kind) != 0)
		return err_set(e, ERR_INVALID, "invalid_kind", "kind",
		    "Ukendt tilbudstype");
	if ((rc = lines(r, "paragraphs", OFFER_PARAGRAPHS_MAX, &o->paragraphs,
	    &o->nparagraphs, e)) != 0 ||
	    (rc = lines(r, "target_groups", OFFER_GROUPS_MAX, &o->target_groups,
	    &o->ntarget_groups, e)) != 0)
		return rc;
	o->covered = http_form_text(r, "covered") != NULL;
	o->category = http_form_text(r, "category");
	if ((s = http_form_text(r, "status")) == NULL ||
	    offer_status_parse(s, &o->status) != 0)
		return err_set(e, ERR_INVALID, "invalid_status", "status",
		    "Vælg en status");
	o->status_from = http_form_text(r, "status_from");
	o->opened_on = http_form_text(r, "opened_on");
	o->tilbudsportal_id = http_form_text(r, "tilbudsportal_id");
	o->note = http_form_text(r, "note");
	o->source = http_form_text(r, "source");
	o->places = arena_calloc(&r->arena, OFFER_YEARS_MAX, sizeof(*o->places));
	o->nplaces = 0;
	for (i = 0; i < OFFER_YEARS_MAX + FORM_PLACE_ROWS; i++) {
		y = http_form_text(r, arena_printf(&r->arena, "places_year_%zu", i));
		pl = http_form_text(r, arena_printf(&r->arena, "places_%zu", i));
		if (y == NULL && pl == NULL)
			continue;
		if (y == NULL || text_parse_i64(y, &year) != 0)
			return err_set(e, ERR_INVALID, "invalid_year", "places",
			    "Angiv et år for hvert pladstal");
		if (pl == NULL || text_parse_centi(pl, &centi) != 0)
			return err_set(e, ERR_INVALID, "invalid_places",
			    "places", "Pladser for %lld skal være et tal med "
			    "højst to decimaler", (long long)year);
		if (o->nplaces >= OFFER_YEARS_MAX)
			return err_set(e, ERR_INVALID, "too_many_years",
			    "places", "For mange år");
		o->places[o->nplaces].year = (int)year;
		o->places[o->nplaces].centi = centi;
		o->nplaces++;
	}
	return 0;
}

void
page_offer_new_form(struct http_req *r)
{
	struct page	p;
	struct offer	o;

	memset(&o, 0, sizeof(o));
	if (r->who.role == ROLE_OPERATOR)
		o.operator_code = r->who.org_code;
	page_begin(&p, r, "Opret tilbud", "tilbud");
	offer_form(&p, &o, NULL);
	page_end(&p, 200);
}

void
page_offer_new_post(struct http_req *r)
{
	struct page	p;
	struct offer	o;
	struct err	e;
	int64_t		id;

	memset(&o, 0, sizeof(o));
	err_clear(&e);
	if (form_offer(r, &o, &e) == 0 &&
	    register_offer_create(&r->svc, &o, &id, &e) == 0) {
		http_redirect(r, arena_printf(&r->arena,
		    "/tilbud/%lld?besked=oprettet", (long long)id));
		return;
	}
	if (e.code == ERR_FORBIDDEN) {
		http_send_error(r, &e);
		return;
	}
	page_begin(&p, r, "Opret tilbud", "tilbud");
	offer_form(&p, &o, &e);
	page_end(&p, http_status_of_err(e.code));
}

void
page_offer_edit_form(struct http_req *r)
{
	struct page	p;
	struct offer	o;
	struct err	e;

	err_clear(&e);
	if (load_offer(r, &o, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	if (!role_may_edit_offer(&r->who, o.operator_code)) {
		err_set(&e, ERR_FORBIDDEN, "forbidden", NULL, "Du kan kun ændre "
		    "tilbud, som din egen organisation er driftsherre for");
		http_send_error(r, &e);
		return;
	}
	page_begin_crumbs(&p, r, arena_printf(&r->arena, "Rediger %s",
	    o.name), "tilbud", (const struct page_crumb[]){
	    { "/tilbud", "Tilbud" }, { arena_printf(&r->arena, "/tilbud/%lld",
	    (long long)o.id), o.name } }, 2);
	offer_form(&p, &o, NULL);
	page_end(&p, 200);
}

void
page_offer_edit_post(struct http_req *r)
{
	struct page	 p;
	struct offer	 o;
	struct err	 e;
	int64_t		 version;
	const char	*v;

	err_clear(&e);
	if (load_offer(r, &o, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	v = http_form(r, "version");
	if (v == NULL || text_parse_i64(v, &version) != 0) {
		err_set(&e, ERR_INVALID, "missing_version", "version",
		    "Formularen mangler versionsnummer; genindlæs siden");
		http_send_error(r, &e);
		return;
	}
	if (form_offer(r, &o, &e) == 0 &&
	    register_offer_update(&r->svc, &o, version, &e) == 0) {
		http_redirect(r, arena_printf(&r->arena,
		    "/tilbud/%lld?besked=gemt", (long long)o.id));
		return;
	}
	if (e.code == ERR_FORBIDDEN || e.code == ERR_NOT_FOUND) {
		http_send_error(r, &e);
		return;
	}
	o.version = version;
	page_begin(&p, r, arena_printf(&r->arena, "Rediger %s", o.name ?
	    o.name : ""), "tilbud");
	offer_form(&p, &o, &e);
	page_end(&p, http_status_of_err(e.code));
}

void
page_offer_delete_post(struct http_req *r)
{
	struct page	 p;
	struct offer	 o;
	struct err	 e;
	int64_t		 version;
	const char	*v, *back;

	err_clear(&e);
	if (load_offer(r, &o, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	v = http_form(r, "version");
	if (v == NULL || text_parse_i64(v, &version) != 0)
		version = -1;
	if (!ui_confirmed(r)) {
		if (!role_may_edit_offer(&r->who, o.operator_code)) {
			err_set(&e, ERR_FORBIDDEN, "forbidden", NULL,
			    "Du kan kun slette tilbud, som din egen "
			    "organisation er driftsherre for");
			http_send_error(r, &e);
			return;
		}
		back = arena_printf(&r->arena, "/tilbud/%lld",
		    (long long)o.id);
		page_begin_crumbs(&p, r, arena_printf(&r->arena, "Slet %s",
		    o.name), "tilbud", (const struct page_crumb[]){
		    { "/tilbud", "Tilbud" }, { back, o.name } }, 2);
		ui_confirm(&p, &(struct ui_confirm){
		    .heading = "Vil du slette tilbuddet?",
		    .text = arena_printf(&r->arena, "%s forsvinder fra "
		    "tilbudslisten, eksporterne og det åbne API.", o.name),
		    .consequences = (const char *const[]){
			"Historikken bevares og kan stadig læses.",
			"Pladstal og takster for tilbuddet vises ikke længere." },
		    .nconsequences = 2,
		    .action = arena_printf(&r->arena, "/tilbud/%lld/slet",
		    (long long)o.id),
		    .button = "Slet tilbud", .warning = true,
		    .cancel_href = back });
		page_end(&p, 200);
		return;
	}
	if (register_offer_delete(&r->svc, o.id, version, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	http_redirect(r, "/tilbud?besked=slettet");
}
