/*
 * page_keys — the secretariat's keys of cost sharing (fordelingsnøgler):
 * the list, one key with its value per municipality, and two ways to
 * make a key: from the register's populations of a year, or from an
 * uploaded CSV file (code or name; number), for 0–17-year-olds or any
 * other number per municipality; and a key's figures replaced from a CSV
 * file. Each allocation keeps a copy of the values it used, so replacing
 * them changes no earlier allocation.
 */
#include <stdio.h>
#include <string.h>

#include "http/api.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/sharing_http.h"
#include "http/ui.h"
#include "service/sharing.h"
#include "util/arena.h"
#include "util/text.h"

/* The forms of new keys; errs (may be NULL) for the one that failed. */
static void
new_key_forms(struct page *p, const struct ui_errors *pop_errs,
    const struct ui_errors *csv_errs, const char *year)
{
	static const struct ui_option kinds[] = {
		{ "children", "0-17-årige" }, { "population", "Indbyggertal" },
		{ "other", "Andet tal pr. kommune" },
	};
	struct html	*h = &p->h;
	struct http_req	*r = p->r;

	HTML_LIT(h, "<h2 id=\"befolkning\">Ny nøgle fra indbyggertallet</h2>"
	    "<p>Registrets indbyggertal pr. 1. januar i det valgte år, for "
	    "alle kommuner.</p>");
	ui_error_summary(h, pop_errs);
	HTML_LIT(h, "<form class=\"ramme-form\" method=\"post\" "
	    "action=\"/oekonomi/noegler/befolkning\" novalidate>");
	page_csrf(p);
	ui_field(h, &(struct ui_field){ .name = "year", .label = "År",
	    .value = year ? year : arena_printf(&r->arena, "%d",
	    sharing_http_this_year(r)), .inputmode = "numeric", .width = "xs",
	    .maxlength = 4, .required = true }, pop_errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Opret nøgle", NULL, NULL);
	HTML_LIT(h, "</div></form>");

	HTML_LIT(h, "<h2 id=\"fil\">Ny nøgle fra en CSV-fil</h2><p>Én række "
	    "pr. kommune: kommunens kode eller navn og tallet, adskilt af "
	    "semikolon, under en overskrift (fx <code>kode;antal</code>). "
	    "Sådan gemmer Excel en CSV-fil.</p>");
	ui_error_summary(h, csv_errs);
	HTML_LIT(h, "<form class=\"ramme-form\" method=\"post\" "
	    "action=\"/oekonomi/noegler/upload\" "
	    "enctype=\"multipart/form-data\" novalidate>");
	page_csrf(p);
	ui_field(h, &(struct ui_field){ .name = "title", .label = "Titel",
	    .hint = "Fx »0-17-årige 1. kvartal 2021«",
	    .value = http_form_text(r, "title"), .required = true,
	    .maxlength = SHARING_TITLE_MAX }, csv_errs);
	ui_field(h, &(struct ui_field){ .name = "name", .label = "Kort navn",
	    .hint = "Små bogstaver, tal og bindestreg, fx 0-17-2021",
	    .value = http_form_text(r, "name"), .required = true,
	    .maxlength = SHARING_NAME_MAX, .width = "m" }, csv_errs);
	ui_radios(h, &(struct ui_radios){ .name = "kind",
	    .legend = "Hvad tæller nøglen", .selected =
	    http_form_text(r, "kind") ? http_form_text(r, "kind") : "children",
	    .options = kinds, .noptions = 3 }, csv_errs);
	ui_field(h, &(struct ui_field){ .name = "snapshot_date",
	    .label = "Opgørelsesdato", .type = UI_DATE,
	    .value = http_form_text(r, "snapshot_date"), .required = true,
	    .width = "s" }, csv_errs);
	ui_field(h, &(struct ui_field){ .name = "source", .label = "Kilde",
	    .hint = "Fx »Danmarks Statistik, FOLK1A«",
	    .value = http_form_text(r, "source"),
	    .maxlength = SHARING_TITLE_MAX }, csv_errs);
	ui_field(h, &(struct ui_field){ .name = "file", .label = "CSV-fil",
	    .type = UI_FILE, .accept = ".csv,text/csv", .required = true },
	    csv_errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Indlæs nøgle", NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

static void
keys_page(struct http_req *r, const struct ui_errors *pop_errs,
    const struct ui_errors *csv_errs, const char *year, int status)
{
	static const struct ui_col cols[] = {
		{ "Nøgle", 0 }, { "Tæller", 0 }, { "Opgjort", 0 },
		{ "Kommuner", UI_COL_NUM }, { "I alt", UI_COL_NUM },
	};
	struct page		 p;
	struct html		*h = &p.h;
	struct sharing_key_row	*v;
	struct ui_table		 t;
	struct err		 e;
	size_t			 n, i;

	err_clear(&e);
	if (sharing_keys(&r->svc, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin(&p, r, "Fordelingsnøgler", NULL);
	sharing_http_tabs(&p, SHARING_TAB_KEYS);
	HTML_LIT(h, "<p>En fordelingsnøgle er et tal pr. kommune på en "
	    "opgørelsesdato. Hver fordeling gemmer de tal, den brugte, så en "
	    "ny nøgle aldrig ændrer en tidligere fordeling.</p>");
	if (n == 0)
		ui_alert(h, UI_INFO, NULL, "Der er ingen nøgler endnu.");
	else {
		ui_table_begin(&t, h, "Nøgler", cols, 5);
		for (i = 0; i < n; i++) {
			ui_row(&t);
			ui_cell_link(&t, arena_printf(&r->arena,
			    "/oekonomi/noegler/%lld", (long long)v[i].id),
			    v[i].title);
			ui_cell(&t, sharing_kind_label(v[i].kind));
			ui_cell_begin(&t);
			html_date(h, v[i].snapshot_date);
			ui_cell_end(&t);
			ui_cell_int(&t, (int64_t)v[i].nvalues);
			ui_cell_int(&t, v[i].total);
		}
		ui_table_end(&t);
	}
	new_key_forms(&p, pop_errs, csv_errs, year);
	page_end(&p, status);
}

void
page_keys(struct http_req *r)
{
	keys_page(r, NULL, NULL, NULL, 200);
}

static void	update_form(struct page *, const struct sharing_key_row *,
		    const struct ui_errors *);

void
page_key_view(struct http_req *r)
{
	static const char *const allowed[] = { "besked", NULL };
	static const struct ui_col cols[] = {
		{ "Kommune", 0 }, { "Kode", 0 }, { "Tal", UI_COL_NUM },
	};
	struct page		 p;
	struct html		*h = &p.h;
	struct sharing_key_row	 k;
	struct ui_table		 t;
	struct err		 e;
	const char		*flash;
	int64_t			 id;
	size_t			 i;

	err_clear(&e);
	if (http_query_check(r, allowed, &e) != 0 ||
	    api_param_id(r, 0, &id, &e) != 0 ||
	    sharing_key_get(&r->svc, id, &k, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin_crumbs(&p, r, k.title, NULL, (const struct page_crumb[]){
	    { "/oekonomi/noegler", "Fordelingsnøgler" } }, 1);
	if ((flash = http_query(r, "besked")) != NULL)
		ui_alert(h, UI_SUCCESS, NULL, strcmp(flash, "opdateret") == 0 ?
		    "Tallene er erstattet. Tidligere fordelinger er uændrede." :
		    "Nøglen er oprettet.");
	ui_facts_begin(h);
	ui_fact(h, "Kort navn", k.name);
	ui_fact(h, "Tæller", sharing_kind_label(k.kind));
	ui_fact_date(h, "Opgørelsesdato", k.snapshot_date);
	ui_fact(h, "Kilde", k.source);
	ui_fact_begin(h, "Oprettet");
	html_time(h, k.created_at);
	HTML_LIT(h, " af ");
	html_text(h, k.created_by);
	ui_fact_end(h);
	ui_facts_end(h);
	ui_table_begin(&t, h, "Tal pr. kommune", cols, 3);
	for (i = 0; i < k.nvalues; i++) {
		ui_row(&t);
		ui_cell(&t, k.values[i].org_name);
		ui_cell(&t, k.values[i].org_code);
		ui_cell_int(&t, k.values[i].weight);
	}
	ui_row(&t);
	ui_cell(&t, "I alt");
	ui_cell(&t, "");
	ui_cell_int(&t, k.total);
	ui_table_end(&t);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button_link(h, UI_PRIMARY, "/oekonomi/fordelinger/ny",
	    "Fordel en pulje");
	HTML_LIT(h, "</div>");
	update_form(&p, &k, NULL);
	page_end(&p, 200);
}

/* The form that replaces a key's figures from a CSV file. */
static void
update_form(struct page *p, const struct sharing_key_row *k,
    const struct ui_errors *errs)
{
	struct html	*h = &p->h;
	struct http_req	*r = p->r;

	HTML_LIT(h, "<h2 id=\"opdater\">Opdatér tallene</h2><p>Erstat "
	    "nøglens tal med tallene i en CSV-fil (samme form som ved "
	    "oprettelsen). Fordelinger, der allerede er lavet, beholder de "
	    "tal, de brugte.</p>");
	ui_error_summary(h, errs);
	HTML_LIT(h, "<form class=\"ramme-form\" method=\"post\" "
	    "enctype=\"multipart/form-data\" novalidate");
	html_url(h, "action", arena_printf(&r->arena,
	    "/oekonomi/noegler/%lld/upload", (long long)k->id));
	HTML_LIT(h, ">");
	page_csrf(p);
	ui_field(h, &(struct ui_field){ .name = "snapshot_date",
	    .label = "Ny opgørelsesdato", .type = UI_DATE,
	    .value = k->snapshot_date, .required = true, .width = "s" },
	    errs);
	ui_field(h, &(struct ui_field){ .name = "source", .label = "Kilde",
	    .value = k->source, .maxlength = SHARING_TITLE_MAX }, errs);
	ui_field(h, &(struct ui_field){ .name = "file", .label = "CSV-fil",
	    .type = UI_FILE, .accept = ".csv,text/csv", .required = true },
	    errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_SECONDARY, "Erstat tallene", NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

void
page_key_update_post(struct http_req *r)
{
	const struct http_field	*file;
	struct sharing_key_row	 k, cur;
	struct ui_errors	 errs;
	struct page		 p;
	struct err		 e, ge;
	int64_t			 id;

	err_clear(&e);
	memset(&k, 0, sizeof(k));
	if (api_param_id(r, 0, &id, &e) != 0 || http_form_error(r, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	k.snapshot_date = http_form_text(r, "snapshot_date");
	k.source = http_form_text(r, "source");
	file = http_form_file(r, "file");
	if (file == NULL || file->len == 0)
		err_set(&e, ERR_INVALID, "missing_file", "file",
		    "Vælg en CSV-fil");
	else if (sharing_key_parse_csv(&r->svc, file->value, file->len,
	    &k.values, &k.nvalues, &e) == 0 &&
	    sharing_key_update(&r->svc, id, &k, &e) == 0) {
		http_redirect(r, arena_printf(&r->arena,
		    "/oekonomi/noegler/%lld?besked=opdateret", (long long)id));
		return;
	}
	err_clear(&ge);
	if (e.code == ERR_FORBIDDEN || e.code == ERR_NOT_FOUND ||
	    sharing_key_get(&r->svc, id, &cur, &ge) != 0) {
		http_send_error(r, e.code == ERR_FORBIDDEN ||
		    e.code == ERR_NOT_FOUND ? &e : &ge);
		return;
	}
	if (strcmp(e.field, "values") == 0 || e.field[0] == '\0')
		snprintf(e.field, sizeof(e.field), "file");
	ui_errors_init(&errs);
	ui_errors_add_err(&errs, r, &e);
	page_begin_crumbs(&p, r, cur.title, NULL, (const struct page_crumb[]){
	    { "/oekonomi/noegler", "Fordelingsnøgler" } }, 1);
	update_form(&p, &cur, &errs);
	page_end(&p, http_status_of_err(e.code));
}

void
page_key_population_post(struct http_req *r)
{
	struct ui_errors	 errs;
	struct err		 e;
	const char		*s;
	int64_t			 year = 0, id;

	err_clear(&e);
	s = http_form_text(r, "year");
	if (http_form_error(r, &e) == 0) {
		if (s == NULL || text_parse_i64(s, &year) != 0)
			err_set(&e, ERR_INVALID, "invalid_year", "year",
			    "Året skal være et årstal");
		else if (sharing_key_from_population(&r->svc, (int)year, NULL,
		    &id, &e) == 0) {
			http_redirect(r, arena_printf(&r->arena,
			    "/oekonomi/noegler/%lld?besked=oprettet",
			    (long long)id));
			return;
		}
	}
	if (e.code == ERR_FORBIDDEN) {
		http_send_error(r, &e);
		return;
	}
	ui_errors_init(&errs);
	if (strcmp(e.field, "name") == 0)
		snprintf(e.field, sizeof(e.field), "year");
	ui_errors_add_err(&errs, r, &e);
	keys_page(r, &errs, NULL, s, http_status_of_err(e.code));
}

void
page_key_upload_post(struct http_req *r)
{
	const struct http_field	*file;
	struct sharing_key_row	 k;
	struct ui_errors	 errs;
	struct err		 e;
	int64_t			 id;

	err_clear(&e);
	memset(&k, 0, sizeof(k));
	if (http_form_error(r, &e) != 0)
		goto fail;
	k.title = http_form_text(r, "title");
	k.name = http_form_text(r, "name");
	k.kind = http_form_text(r, "kind");
	k.snapshot_date = http_form_text(r, "snapshot_date");
	k.source = http_form_text(r, "source");
	file = http_form_file(r, "file");
	if (file == NULL || file->len == 0) {
		err_set(&e, ERR_INVALID, "missing_file", "file",
		    "Vælg en CSV-fil");
		goto fail;
	}
	if (sharing_key_parse_csv(&r->svc, file->value, file->len, &k.values,
	    &k.nvalues, &e) != 0 || sharing_key_create(&r->svc, &k, &id, &e)
	    != 0)
		goto fail;
	http_redirect(r, arena_printf(&r->arena,
	    "/oekonomi/noegler/%lld?besked=oprettet", (long long)id));
	return;
fail:
	if (e.code == ERR_FORBIDDEN) {
		http_send_error(r, &e);
		return;
	}
	if (strcmp(e.field, "values") == 0 || e.field[0] == '\0')
		snprintf(e.field, sizeof(e.field), "file");
	ui_errors_init(&errs);
	ui_errors_add_err(&errs, r, &e);
	keys_page(r, NULL, &errs, NULL, http_status_of_err(e.code));
}
