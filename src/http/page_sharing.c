/*
 * page_sharing — the pages of cost sharing (fordeling af
 * fællesudgifter): the secretariat's list of allocations, the form for a
 * new allocation (pool, key, municipalities) with a preview of the split
 * and a confirmation, one allocation with its shares, the key as used
 * and its versions, corrections as a new version with a reason; and the
 * invoice lists per municipality (a municipality sees only its own:
 * "Mine fakturaer") with XLSX and PDF downloads. The rules live in
 * service/sharing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "core/money.h"
#include "core/org.h"
#include "core/role.h"
#include "http/api.h"
#include "http/html.h"
#include "http/http.h"
#include "http/org_names.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/sharing_http.h"
#include "http/tariff_http.h"
#include "http/ui.h"
#include "report/invoice.h"
#include "service/sharing.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/text.h"

/* ---- helpers ---------------------------------------------------------- */

/* weight / total as a percentage with two decimals ("34,35"). */
static void
share_pct(struct html *h, int64_t weight, int64_t total)
{
	int64_t centi = 0;

	if (total > 0)
		money_round((__int128)weight * 10000, total, 1, ROUND_HALF_UP,
		    &centi);
	html_centi(h, centi);
	HTML_LIT(h, "&nbsp;%");
}

static const char *
plain_text(struct http_req *r, int64_t v)
{
	return arena_printf(&r->arena, "%lld", (long long)v);
}

/* The shares of a, with totals. */
static void
shares_table(struct http_req *r, struct html *h, const struct allocation_row *a,
    const char *caption)
{
	static const struct ui_col cols[] = {
		{ "Kommune", 0 }, { "Nøgletal", UI_COL_NUM },
		{ "Andel", UI_COL_NUM }, { "Beløb", UI_COL_NUM },
	};
	struct ui_table	t;
	int64_t		total = 0;
	size_t		i;

	ui_table_begin(&t, h, caption, cols, 4);
	for (i = 0; i < a->nshares; i++) {
		ui_row(&t);
		ui_cell(&t, a->shares[i].org_name);
		ui_cell_int(&t, a->shares[i].weight);
		ui_cell_begin(&t);
		share_pct(h, a->shares[i].weight, a->weight_total);
		ui_cell_end(&t);
		sharing_http_cell_kr(&t, a->shares[i].amount_ore);
		total += a->shares[i].amount_ore;
	}
	if (a->nshares > 1 || r->who.role == ROLE_ADMIN) {
		ui_row(&t);
		ui_cell(&t, "I alt");
		ui_cell_int(&t, a->weight_total);
		ui_cell(&t, "100 %");
		sharing_http_cell_kr(&t, total);
	}
	ui_table_end(&t);
}

/* ---- the list --------------------------------------------------------- */

void
page_allocations(struct http_req *r)
{
	static const char *const allowed[] = { "aar", "formaal", "besked",
	    NULL };
	static const struct ui_col cols[] = {
		{ "Fordeling", 0 }, { "Formål", 0 }, { "År", 0 },
		{ "Pulje", UI_COL_NUM }, { "Nøgle", 0 }, { "Version", 0 },
	};
	struct page		 p;
	struct html		*h = &p.h;
	struct allocation_row	*v;
	struct ui_table		 t;
	struct err		 e;
	const char		*purpose;
	size_t			 n, i;
	int			 year, k;

	err_clear(&e);
	purpose = http_query_text(r, "formaal");
	if (http_query_check(r, allowed, &e) != 0 ||
	    sharing_http_year(r, "aar", 0, &year, &e) != 0 ||
	    sharing_list(&r->svc, year, purpose, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin(&p, r, "Fordeling af fællesudgifter", NULL);
	sharing_http_tabs(&p, SHARING_TAB_ALLOCATIONS);
	HTML_LIT(h, "<p>En pulje (fx sekretariatets halvårsopkrævning, "
	    "objektiv finansiering eller et underskud ved en lukning) "
	    "fordeles efter en fordelingsnøgle mellem alle eller udvalgte "
	    "kommuner. Der fordeles efter største rest, så andelene altid "
	    "giver præcis puljen.</p><div class=\"actions\">");
	ui_button_link(h, UI_PRIMARY, "/oekonomi/fordelinger/ny",
	    "Ny fordeling");
	HTML_LIT(h, "</div><form method=\"get\" action=\"/oekonomi/"
	    "fordelinger\" class=\"filters\">");
	ui_field(h, &(struct ui_field){ .name = "aar", .label = "År",
	    .value = year ? plain_text(r, year) : NULL, .inputmode = "numeric",
	    .width = "xs", .maxlength = 4 }, NULL);
	ui_select_begin(h, &(struct ui_select){ .name = "formaal",
	    .label = "Formål", .selected = purpose, .first = "Alle" }, NULL);
	for (k = 0; sharing_purposes[k] != NULL; k++)
		ui_option(h, sharing_purposes[k],
		    sharing_purpose_label(sharing_purposes[k]), purpose);
	ui_select_end(h);
	ui_button(h, UI_SECONDARY, "Vis", NULL, NULL);
	HTML_LIT(h, "</form>");
	if (n == 0) {
		ui_alert(h, UI_INFO, NULL, "Der er ingen fordelinger endnu.");
		page_end(&p, 200);
		return;
	}
	ui_table_begin(&t, h, "Fordelinger", cols, 6);
	for (i = 0; i < n; i++) {
		ui_row(&t);
		ui_cell_link(&t, arena_printf(&r->arena,
		    "/oekonomi/fordelinger/%lld", (long long)v[i].id),
		    v[i].title);
		ui_cell(&t, sharing_purpose_label(v[i].purpose));
		sharing_http_cell_plain(&t, r, v[i].year);
		sharing_http_cell_kr(&t, v[i].pool_ore);
		ui_cell(&t, v[i].key_title);
		ui_cell_begin(&t);
		if (v[i].version > 1)
			ui_badge(h, UI_WARNING, arena_printf(&r->arena,
			    "Rettet (version %d)", v[i].version));
		else
			ui_badge(h, UI_SUCCESS, "Oprindelig");
		ui_cell_end(&t);
	}
	ui_table_end(&t);
	page_end(&p, 200);
}

/* ---- the form --------------------------------------------------------- */

/* What the form holds, as typed. */
struct aform {
	int64_t		 id;		/* correcting this allocation; 0 new */
	const char	*title, *purpose, *year, *pool, *unit, *key_id;
	const char	*reason;
	struct org	*munis;		/* the municipalities of the register */
	int		 nmunis;
	bool		*chosen;	/* [nmunis] */
};

static const char *
form_action(struct http_req *r, const struct aform *f)
{
	return f->id ? arena_printf(&r->arena, "/oekonomi/fordelinger/%lld/ret",
	    (long long)f->id) : "/oekonomi/fordelinger/ny";
}

/* The municipalities of the register into f. */
static void
load_munis(struct http_req *r, struct aform *f)
{
	struct org_names	o;
	int			i;

	org_names_load(r, &o);
	f->munis = arena_calloc(&r->arena, (size_t)o.n + 1, sizeof(*f->munis));
	f->chosen = arena_calloc(&r->arena, (size_t)o.n + 1, sizeof(bool));
	for (i = 0; i < o.n; i++)
		if (o.v[i].kind == ORG_KOMMUNE)
			f->munis[f->nmunis++] = o.v[i];
}

static void
alloc_form(struct page *p, const struct aform *f, const struct err *e)
{
	static const struct ui_option units[] = {
		{ "100", "Hele kroner" }, { "1", "Øre" },
	};
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	struct sharing_key_row	*keys;
	struct ui_errors	 errs;
	struct err		 ke;
	size_t			 nkeys = 0, i;
	int			 k;

	ui_errors_init(&errs);
	if (e != NULL && e->code != 0) {
		struct err c = *e;

		if (strcmp(c.field, "pool_ore") == 0 ||
		    strcmp(c.field, "weights") == 0)
			snprintf(c.field, sizeof(c.field), "%s",
			    strcmp(c.field, "weights") == 0 ? "kommuner" :
			    "pool");
		else if (strcmp(c.field, "key_id") == 0 ||
		    strcmp(c.field, "org_codes") == 0)
			snprintf(c.field, sizeof(c.field), "%s",
			    strcmp(c.field, "key_id") == 0 ? "key_id" :
			    "kommuner");
		else if (strcmp(c.field, "unit_ore") == 0)
			snprintf(c.field, sizeof(c.field), "unit");
		ui_errors_add_err(&errs, r, &c);
	}
	ui_error_summary(h, &errs);
	err_clear(&ke);
	if (sharing_keys(&r->svc, &keys, &nkeys, &ke) != 0 || nkeys == 0) {
		ui_alert_begin(h, UI_WARNING, "Der er ingen fordelingsnøgler");
		HTML_LIT(h, "<p>Opret først en nøgle under <a href=\"/oekonomi/"
		    "noegler\">Fordelingsnøgler</a>, fx indbyggertallet fra "
		    "registret.</p>");
		ui_alert_end(h);
		return;
	}
	HTML_LIT(h, "<form class=\"ramme-form\" method=\"post\" novalidate");
	html_url(h, "action", form_action(r, f));
	HTML_LIT(h, ">");
	page_csrf(p);
	ui_field(h, &(struct ui_field){ .name = "title", .label = "Titel",
	    .hint = "Fx »Sekretariatet 1. halvår 2012«", .value = f->title,
	    .required = true, .maxlength = SHARING_TITLE_MAX }, &errs);
	ui_select_begin(h, &(struct ui_select){ .name = "purpose",
	    .label = "Hvad dækker puljen", .selected = f->purpose,
	    .first = "Vælg", .required = true }, &errs);
	for (k = 0; sharing_purposes[k] != NULL; k++)
		ui_option(h, sharing_purposes[k],
		    sharing_purpose_label(sharing_purposes[k]), f->purpose);
	ui_select_end(h);
	ui_field(h, &(struct ui_field){ .name = "year", .label = "År",
	    .hint = "Året der opkræves for", .value = f->year,
	    .inputmode = "numeric", .width = "xs", .maxlength = 4,
	    .required = true }, &errs);
	ui_field(h, &(struct ui_field){ .name = "pool", .label = "Pulje",
	    .hint = "Beløbet der skal fordeles, fx 740.000", .value = f->pool,
	    .type = UI_NUMBER, .suffix = "kr.", .width = "m",
	    .required = true }, &errs);
	ui_radios(h, &(struct ui_radios){ .name = "unit",
	    .legend = "Fordel til", .selected = f->unit ? f->unit : "100",
	    .options = units, .noptions = 2 }, &errs);
	ui_select_begin(h, &(struct ui_select){ .name = "key_id",
	    .label = "Fordelingsnøgle", .selected = f->key_id,
	    .first = "Vælg nøgle", .required = true }, &errs);
	for (i = 0; i < nkeys; i++)
		ui_option(h, plain_text(r, keys[i].id), arena_printf(&r->arena,
		    "%s (%s)", keys[i].title, sharing_kind_label(keys[i].kind)),
		    f->key_id);
	ui_select_end(h);
	HTML_LIT(h, "<fieldset id=\"kommuner\" class=\"mt-6\">"
	    "<legend class=\"h4\">Kommuner</legend><p class=\"form-hint\">Puljen fordeles mellem de "
	    "valgte, fx de otte kommuner der brugte et lukket tilbud.</p>");
	if (ui_errors_get(&errs, "kommuner") != NULL)
		ui_alert(h, UI_ERROR, NULL, ui_errors_get(&errs, "kommuner"));
	for (k = 0; k < f->nmunis; k++)
		ui_checkbox(h, &(struct ui_check){ .name = arena_printf(
		    &r->arena, "kommune_%s", f->munis[k].code),
		    .label = f->munis[k].name, .checked = f->chosen[k] });
	HTML_LIT(h, "</fieldset>");
	if (f->id)
		ui_field(h, &(struct ui_field){ .name = "reason",
		    .label = "Begrundelse for rettelsen", .hint = "Gemmes "
		    "med den nye version; den tidligere version bevares",
		    .value = f->reason, .type = UI_TEXTAREA, .rows = 3,
		    .required = true, .maxlength = 1000 }, &errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Vis fordelingen", NULL, NULL);
	ui_button_link(h, UI_TERTIARY, f->id ? arena_printf(&r->arena,
	    "/oekonomi/fordelinger/%lld", (long long)f->id) :
	    "/oekonomi/fordelinger", "Annuller");
	HTML_LIT(h, "</div></form>");
}

/* Read the posted form into f and si. */
static int
form_read(struct http_req *r, struct aform *f, struct sharing_input *si,
    struct err *e)
{
	const char	**codes;
	int64_t		  v;
	int		  k, rc;

	memset(si, 0, sizeof(*si));
	if ((rc = http_form_error(r, e)) != 0)
		return rc;
	f->title = http_form_text(r, "title");
	f->purpose = http_form_text(r, "purpose");
	f->year = http_form_text(r, "year");
	f->pool = http_form_text(r, "pool");
	f->unit = http_form_text(r, "unit");
	f->key_id = http_form_text(r, "key_id");
	f->reason = http_form_text(r, "reason");
	codes = arena_calloc(&r->arena, (size_t)f->nmunis + 1, sizeof(*codes));
	for (k = 0; k < f->nmunis; k++)
		if ((f->chosen[k] = http_form(r, arena_printf(&r->arena,
		    "kommune_%s", f->munis[k].code)) != NULL))
			codes[si->norgs++] = f->munis[k].code;
	si->org_codes = codes;
	si->title = f->title;
	si->purpose = f->purpose;
	si->reason = f->reason;
	si->unit_ore = f->unit != NULL && strcmp(f->unit, "1") == 0 ? 1 : 100;
	if (f->year == NULL || text_parse_i64(f->year, &v) != 0 || v < 2000 ||
	    v > 2100)
		return err_set(e, ERR_INVALID, "invalid_year", "year",
		    "Året skal være et årstal mellem 2000 og 2100");
	si->year = (int)v;
	if (f->pool == NULL || text_parse_kr(f->pool, &si->pool_ore) != 0)
		return err_set(e, ERR_INVALID, "invalid_amount", "pool",
		    "Puljen: angiv et beløb i kroner, fx 740.000");
	if (f->key_id == NULL || text_parse_i64(f->key_id, &si->key_id) != 0 ||
	    si->key_id <= 0)
		return err_set(e, ERR_INVALID, "missing_key", "key_id",
		    "Vælg en fordelingsnøgle");
	if (si->norgs == 0)
		return err_set(e, ERR_INVALID, "no_municipalities", "kommuner",
		    "Vælg mindst én kommune");
	return 0;
}

static void
form_page(struct http_req *r, const struct aform *f, const struct err *e,
    int status)
{
	struct page p;

	page_begin_crumbs(&p, r, f->id ? "Ret fordeling" : "Ny fordeling",
	    NULL, (const struct page_crumb[]){ { "/oekonomi/fordelinger",
	    "Fordelinger" } }, 1);
	alloc_form(&p, f, e);
	page_end(&p, status);
}

void
page_allocation_new_form(struct http_req *r)
{
	static const char *const allowed[] = { "formaal", "aar", NULL };
	struct aform	f;
	struct err	e;
	int		k, year;

	err_clear(&e);
	if (http_query_check(r, allowed, &e) != 0 ||
	    sharing_http_year(r, "aar", sharing_http_this_year(r), &year, &e)
	    != 0) {
		http_send_error(r, &e);
		return;
	}
	memset(&f, 0, sizeof(f));
	load_munis(r, &f);
	for (k = 0; k < f.nmunis; k++)
		f.chosen[k] = true;
	f.year = plain_text(r, year);
	f.purpose = http_query_text(r, "formaal");
	form_page(r, &f, NULL, 200);
}

/* Preview (not confirmed) or store (confirmed) the posted form. */
static void
post(struct http_req *r, int64_t id)
{
	struct page		 p;
	struct aform		 f;
	struct sharing_input	 si;
	struct allocation_row	 a;
	struct err		 e;
	static const char *const cons[] = {
		"Hver kommune kan se sin andel under »Mine fakturaer«.",
		("Fordelingen gemmes med nøglens tal, som de er nu; en senere "
		"ændring af nøglen ændrer den ikke."),
		"En fejl rettes med en ny version med begrundelse.",
	};

	err_clear(&e);
	memset(&f, 0, sizeof(f));
	f.id = id;
	load_munis(r, &f);
	if (form_read(r, &f, &si, &e) != 0 ||
	    sharing_preview(&r->svc, &si, &a, &e) != 0) {
		if (e.code == ERR_FORBIDDEN) {
			http_send_error(r, &e);
			return;
		}
		form_page(r, &f, &e, e.code == ERR_NOT_FOUND ? 400 :
		    http_status_of_err(e.code));
		return;
	}
	if (ui_confirmed(r)) {
		if ((id ? sharing_correct(&r->svc, id, &si, &e) :
		    sharing_create(&r->svc, &si, &id, &e)) != 0) {
			form_page(r, &f, &e, http_status_of_err(e.code));
			return;
		}
		http_redirect(r, arena_printf(&r->arena,
		    "/oekonomi/fordelinger/%lld?besked=%s", (long long)id,
		    f.id ? "rettet" : "oprettet"));
		return;
	}
	page_begin_crumbs(&p, r, id ? "Ret fordeling" : "Ny fordeling", NULL,
	    (const struct page_crumb[]){ { "/oekonomi/fordelinger",
	    "Fordelinger" } }, 1);
	HTML_LIT(&p.h, "<h2>Fordeling af ");
	tariff_http_kr(&p.h, a.pool_ore);
	HTML_LIT(&p.h, " efter ");
	html_text(&p.h, a.key_title);
	HTML_LIT(&p.h, "</h2>");
	shares_table(r, &p.h, &a, "Forhåndsvisning");
	ui_confirm(&p, &(struct ui_confirm){
	    .heading = id ? "Gem rettelsen?" : "Opret fordelingen?",
	    .text = "Kontrollér beløbene ovenfor. Med Fortryd vender du "
	    "tilbage uden at gemme.", .consequences = cons,
	    .nconsequences = 3, .action = form_action(r, &f),
	    .button = id ? "Gem ny version" : "Opret fordeling",
	    .cancel_href = id ? arena_printf(&r->arena,
	    "/oekonomi/fordelinger/%lld", (long long)id) :
	    "/oekonomi/fordelinger" });
	page_end(&p, 200);
}

void
page_allocation_new_post(struct http_req *r)
{
	post(r, 0);
}

void
page_allocation_correct_post(struct http_req *r)
{
	struct err	e;
	int64_t		id;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	post(r, id);
}

void
page_allocation_correct_form(struct http_req *r)
{
	struct allocation_row	a;
	struct aform		f;
	struct err		e;
	int64_t			id;
	size_t			i;
	int			k;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    sharing_get(&r->svc, id, 0, &a, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	if (a.key_id == 0) {
		err_set(&e, ERR_CONFLICT, "not_correctable", NULL, "En "
		    "deltagerbetaling rettes ved at oprette en ny under "
		    "Sekretariatet");
		http_send_error(r, &e);
		return;
	}
	memset(&f, 0, sizeof(f));
	f.id = id;
	load_munis(r, &f);
	f.title = a.title;
	f.purpose = a.purpose;
	f.year = plain_text(r, a.year);
	f.pool = tariff_http_kr_value(r, a.pool_ore);
	f.unit = plain_text(r, a.unit_ore);
	f.key_id = plain_text(r, a.key_id);
	for (k = 0; k < f.nmunis; k++)
		for (i = 0; i < a.nshares; i++)
			if (strcmp(a.shares[i].org_code, f.munis[k].code) == 0)
				f.chosen[k] = true;
	form_page(r, &f, NULL, 200);
}

/* ---- one allocation --------------------------------------------------- */

static void
versions_table(struct http_req *r, struct html *h, int64_t id, int shown)
{
	static const struct ui_col cols[] = {
		{ "Version", 0 }, { "Oprettet", 0 }, { "Af", 0 },
		{ "Pulje", UI_COL_NUM }, { "Begrundelse", 0 },
	};
	struct allocation_row	*v;
	struct ui_table		 t;
	struct err		 e;
	size_t			 n, i;

	err_clear(&e);
	if (sharing_versions(&r->svc, id, &v, &n, &e) != 0 || n < 2)
		return;
	HTML_LIT(h, "<h2>Versioner</h2>");
	ui_table_begin(&t, h, NULL, cols, 5);
	for (i = 0; i < n; i++) {
		ui_row(&t);
		if (v[i].version == shown)
			ui_cell(&t, arena_printf(&r->arena, "%d (vist)",
			    v[i].version));
		else
			ui_cell_link(&t, arena_printf(&r->arena,
			    "/oekonomi/fordelinger/%lld?version=%d",
			    (long long)id, v[i].version), arena_printf(
			    &r->arena, "Version %d", v[i].version));
		ui_cell_begin(&t);
		html_time(h, v[i].created_at);
		ui_cell_end(&t);
		ui_cell(&t, v[i].created_by);
		sharing_http_cell_kr(&t, v[i].pool_ore);
		ui_cell(&t, v[i].reason ? v[i].reason : "Oprindelig");
	}
	ui_table_end(&t);
}

void
page_allocation_view(struct http_req *r)
{
	static const char *const allowed[] = { "version", "besked", NULL };
	struct page		 p;
	struct html		*h = &p.h;
	struct allocation_row	 a;
	struct err		 e;
	const char		*s, *flash;
	int64_t			 id, version = 0;

	err_clear(&e);
	if (http_query_check(r, allowed, &e) != 0 ||
	    api_param_id(r, 0, &id, &e) != 0)
		goto fail;
	if ((s = http_query(r, "version")) != NULL && (text_parse_i64(s,
	    &version) != 0 || version < 1 || version > 100000)) {
		err_set(&e, ERR_NOT_FOUND, "not_found", NULL, "Versionen "
		    "findes ikke");
		goto fail;
	}
	if (sharing_get(&r->svc, id, (int)version, &a, &e) != 0)
		goto fail;
	page_begin_crumbs(&p, r, a.title, NULL, (const struct page_crumb[]){
	    { "/oekonomi/fordelinger", "Fordelinger" } }, 1);
	flash = http_query(r, "besked");
	if (flash != NULL && strcmp(flash, "oprettet") == 0)
		ui_alert(h, UI_SUCCESS, NULL, "Fordelingen er oprettet.");
	else if (flash != NULL && strcmp(flash, "rettet") == 0)
		ui_alert(h, UI_SUCCESS, NULL, "Rettelsen er gemt som en ny "
		    "version; den tidligere version er bevaret.");
	if (a.version != a.current_version)
		ui_alert(h, UI_WARNING, NULL, arena_printf(&r->arena,
		    "Du ser version %d. Den gældende er version %d.",
		    a.version, a.current_version));
	ui_facts_begin(h);
	ui_fact(h, "Formål", sharing_purpose_label(a.purpose));
	ui_fact(h, "År", plain_text(r, a.year));
	ui_fact_begin(h, "Pulje");
	tariff_http_kr(h, a.pool_ore);
	ui_fact_end(h);
	if (a.price_ore > 0) {
		ui_fact_begin(h, "Pris pr. deltager");
		tariff_http_kr(h, a.price_ore);
		ui_fact_end(h);
	}
	ui_fact(h, "Fordelt til", a.unit_ore == 100 ? "Hele kroner, efter "
	    "største rest" : "Øre, efter største rest");
	ui_fact(h, "Nøgle", arena_printf(&r->arena, "%s (%s)", a.key_title,
	    sharing_kind_label(a.key_kind)));
	ui_fact_date(h, "Nøglens opgørelsesdato", a.key_snapshot_date);
	ui_fact(h, "Version", arena_printf(&r->arena, "%d af %d", a.version,
	    a.current_version));
	ui_fact_begin(h, "Oprettet");
	html_time(h, a.created_at);
	HTML_LIT(h, " af ");
	html_text(h, a.created_by);
	ui_fact_end(h);
	if (a.reason != NULL)
		ui_fact(h, "Begrundelse for rettelsen", a.reason);
	ui_facts_end(h);
	shares_table(r, h, &a, "Andele");
	HTML_LIT(h, "<div class=\"actions\">");
	if (a.key_id > 0)
		ui_button_link(h, UI_SECONDARY, arena_printf(&r->arena,
		    "/oekonomi/fordelinger/%lld/ret", (long long)id),
		    "Ret fordelingen");
	ui_button_link(h, UI_TERTIARY, arena_printf(&r->arena,
	    "/oekonomi/fakturaer.pdf?fordeling=%lld", (long long)id),
	    "Fakturalister (PDF)");
	ui_button_link(h, UI_TERTIARY, arena_printf(&r->arena,
	    "/oekonomi/fakturaer.xlsx?fordeling=%lld", (long long)id),
	    "Fakturalinjer (XLSX)");
	HTML_LIT(h, "</div>");
	versions_table(r, h, id, a.version);
	page_end(&p, 200);
	return;
fail:
	http_send_error(r, &e);
}

/* ---- invoices --------------------------------------------------------- */

/* The filter of an invoice page or download. */
struct ifilter {
	const char	*org;		/* NULL: all (admin) */
	int		 year;
	int64_t		 allocation;
};

static int
read_filter(struct http_req *r, struct ifilter *f, struct err *e)
{
	static const char *const allowed[] = { "kommune", "aar", "fordeling",
	    NULL };
	const char *s;

	memset(f, 0, sizeof(f[0]));
	if (http_query_check(r, allowed, e) != 0 ||
	    sharing_http_year(r, "aar", 0, &f->year, e) != 0)
		return e->code;
	f->org = http_query_text(r, "kommune");
	if ((s = http_query_text(r, "fordeling")) != NULL &&
	    (text_parse_i64(s, &f->allocation) != 0 || f->allocation <= 0))
		return err_set(e, ERR_INVALID, "invalid_allocation",
		    "fordeling", "Fordeling skal være et nummer");
	return 0;
}

static const char *
filter_query(struct http_req *r, const struct ifilter *f)
{
	struct buf	b;
	const char	*s;

	buf_init(&b);
	if (f->org != NULL)
		buf_printf(&b, "&kommune=%s", http_urlencode(&r->arena,
		    f->org));
	if (f->year)
		buf_printf(&b, "&aar=%d", f->year);
	if (f->allocation)
		buf_printf(&b, "&fordeling=%lld", (long long)f->allocation);
	s = arena_strdup(&r->arena, b.len ? buf_str(&b) + 1 : "");
	buf_cleanup(&b);
	return s;
}

void
page_invoices(struct http_req *r)
{
	static const struct ui_col cols[] = {
		{ "Kommune", 0 }, { "År", 0 }, { "Fordeling", 0 },
		{ "Nøgle", 0 }, { "Kommunens tal", UI_COL_NUM },
		{ "Beløb", UI_COL_NUM },
	};
	struct page		 p;
	struct html		*h = &p.h;
	struct ifilter		 f;
	struct invoice_row	*v;
	struct org_names	 orgs;
	struct ui_table		 t;
	struct err		 e;
	const char		*q;
	int64_t			 total = 0;
	size_t			 n, i;
	bool			 admin = r->who.role == ROLE_ADMIN;

	err_clear(&e);
	if (read_filter(r, &f, &e) != 0 || sharing_invoices(&r->svc, f.org,
	    f.year, f.allocation, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin(&p, r, admin ? "Fakturaer" : "Mine fakturaer", NULL);
	if (admin)
		sharing_http_tabs(&p, SHARING_TAB_INVOICES);
	HTML_LIT(h, "<p>");
	if (admin)
		HTML_LIT(h, "Kommunernes andele af de gældende fordelinger, "
		    "pr. kommune.");
	else
		HTML_LIT(h, "Din kommunes andele af de fællesudgifter, "
		    "sekretariatet har fordelt.");
	HTML_LIT(h, "</p><form method=\"get\" action=\"/oekonomi/fakturaer\" "
	    "class=\"filters\">");
	if (admin) {
		org_names_load(r, &orgs);
		ui_select_begin(h, &(struct ui_select){ .name = "kommune",
		    .label = "Kommune", .selected = f.org, .first = "Alle" },
		    NULL);
		org_names_options(h, &orgs, f.org, 1, NULL);
		ui_select_end(h);
	}
	ui_field(h, &(struct ui_field){ .name = "aar", .label = "År",
	    .value = f.year ? plain_text(r, f.year) : NULL,
	    .inputmode = "numeric", .width = "xs", .maxlength = 4 }, NULL);
	if (f.allocation)
		HTML_LIT(h, "<input type=\"hidden\" name=\"fordeling\"");
	if (f.allocation) {
		html_attr(h, "value", plain_text(r, f.allocation));
		HTML_LIT(h, ">");
	}
	ui_button(h, UI_SECONDARY, "Vis", NULL, NULL);
	HTML_LIT(h, "</form>");
	if (n == 0) {
		ui_alert(h, UI_INFO, NULL, "Der er ingen fakturalinjer.");
		page_end(&p, 200);
		return;
	}
	q = filter_query(r, &f);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button_link(h, UI_SECONDARY, arena_printf(&r->arena,
	    "/oekonomi/fakturaer.pdf%s%s", *q ? "?" : "", q),
	    "Hent fakturaliste (PDF)");
	ui_button_link(h, UI_TERTIARY, arena_printf(&r->arena,
	    "/oekonomi/fakturaer.xlsx%s%s", *q ? "?" : "", q),
	    "Hent som regneark (XLSX)");
	HTML_LIT(h, "</div>");
	ui_table_begin(&t, h, "Fakturalinjer", cols, 6);
	for (i = 0; i < n; i++) {
		ui_row(&t);
		ui_cell(&t, v[i].org_name);
		sharing_http_cell_plain(&t, r, v[i].year);
		if (admin)
			ui_cell_link(&t, arena_printf(&r->arena,
			    "/oekonomi/fordelinger/%lld",
			    (long long)v[i].allocation_id), v[i].title);
		else
			ui_cell(&t, v[i].title);
		ui_cell(&t, v[i].key_title);
		ui_cell_begin(&t);
		html_text(h, ui_int_da(r, v[i].weight));
		HTML_LIT(h, " af ");
		html_text(h, ui_int_da(r, v[i].weight_total));
		ui_cell_end(&t);
		sharing_http_cell_kr(&t, v[i].amount_ore);
		total += v[i].amount_ore;
	}
	ui_row(&t);
	ui_cell(&t, "I alt");
	ui_cell(&t, "");
	ui_cell(&t, "");
	ui_cell(&t, "");
	ui_cell(&t, "");
	sharing_http_cell_kr(&t, total);
	ui_table_end(&t);
	page_end(&p, 200);
}

/* The invoice lines of the request's filter, or an error sent. */
static bool
invoice_lines(struct http_req *r, struct invoice_row **v, size_t *n)
{
	struct ifilter	f;
	struct err	e;

	err_clear(&e);
	if (read_filter(r, &f, &e) != 0 || sharing_invoices(&r->svc, f.org,
	    f.year, f.allocation, v, n, &e) != 0) {
		http_send_error(r, &e);
		return false;
	}
	return true;
}

void
page_invoices_xlsx(struct http_req *r)
{
	struct invoice_row	*v;
	struct err		 e;
	char			 path[] = "/tmp/ramme-fakturaer-XXXXXX";
	char			*data;
	FILE			*f;
	long			 sz;
	size_t			 n, len = 0;
	int			 fd;

	if (!invoice_lines(r, &v, &n))
		return;
	err_clear(&e);
	if ((fd = mkstemp(path)) < 0) {
		err_set(&e, ERR_IO, "tempfile", NULL, "Kunne ikke danne filen");
		http_send_error(r, &e);
		return;
	}
	close(fd);
	if (invoice_xlsx_write(v, n, path, &e) != 0 ||
	    (f = fopen(path, "rb")) == NULL) {
		if (e.code == 0)
			err_set(&e, ERR_IO, "tempfile", NULL, "Kunne ikke "
			    "læse filen");
		unlink(path);
		http_send_error(r, &e);
		return;
	}
	fseek(f, 0, SEEK_END);
	sz = ftell(f);
	fseek(f, 0, SEEK_SET);
	data = arena_alloc(&r->arena, sz > 0 ? (size_t)sz : 1);
	len = sz > 0 ? fread(data, 1, (size_t)sz, f) : 0;
	fclose(f);
	unlink(path);
	http_set_header(r, "Content-Disposition",
	    "attachment; filename=\"fakturaer.xlsx\"");
	http_send(r, 200, "application/vnd.openxmlformats-officedocument."
	    "spreadsheetml.sheet", data, len);
}

void
page_invoices_pdf(struct http_req *r)
{
	struct invoice_row	*v;
	struct err		 e;
	struct buf		 b, sub;
	size_t			 n;

	if (!invoice_lines(r, &v, &n))
		return;
	err_clear(&e);
	buf_init(&b);
	buf_init(&sub);
	buf_puts(&sub, "Sekretariatet for Rammeaftaler · udskrevet ");
	text_format_date_da(&sub, arena_strndup(&r->arena, r->svc.now_iso,
	    10));
	if (invoice_pdf_write_buf("Fakturaliste: fordeling af "
	    "fællesudgifter", buf_str(&sub), v, n, &b, &e) != 0) {
		buf_cleanup(&b);
		buf_cleanup(&sub);
		http_send_error(r, &e);
		return;
	}
	http_set_header(r, "Content-Disposition",
	    "attachment; filename=\"fakturaer.pdf\"");
	http_send(r, 200, "application/pdf", buf_str(&b), b.len);
	buf_cleanup(&b);
	buf_cleanup(&sub);
}
