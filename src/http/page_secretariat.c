/*
 * page_secretariat — the secretariat's own budget and accounts of a
 * year: expense, overhead and income lines (budget and actual), the
 * premises part of the overhead computed from floor area as in KL's
 * budget guide 6-3, the half-yearly invoices to the municipalities
 * (allocations by population, made on /oekonomi/fordelinger/ny), the
 * result; and participant fees of an event (price per person,
 * participants per municipality) invoiced as an allocation. The rules
 * live in service/secretariat and service/sharing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/org.h"
#include "http/api.h"
#include "http/html.h"
#include "http/http.h"
#include "http/org_names.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/sharing_http.h"
#include "http/tariff_http.h"
#include "http/ui.h"
#include "service/secretariat.h"
#include "service/sharing.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/text.h"

static const char *
plain_text(struct http_req *r, int64_t v)
{
	return arena_printf(&r->arena, "%lld", (long long)v);
}

/* Hundredths in Danish ("30" or "30,5") in r's arena. */
static const char *
centi_text(struct http_req *r, int64_t v)
{
	struct buf	b;
	const char	*s;

	buf_init(&b);
	text_format_centi_da(&b, v);
	s = arena_strdup(&r->arena, buf_str(&b));
	buf_cleanup(&b);
	return s;
}

/* A row of the summary: label, budget, actual. */
static void
sum_row(struct ui_table *t, const char *label, int64_t budget,
    int64_t actual)
{
	ui_row(t);
	ui_cell(t, label);
	sharing_http_cell_kr(t, budget);
	sharing_http_cell_kr(t, actual);
	ui_cell(t, "");
}

/* The lines of one section with edit and delete actions. */
static void
section_table(struct page *p, const struct secretariat_year *y,
    const char *section)
{
	static const struct ui_col cols[] = {
		{ "Linje", 0 }, { "Budget", UI_COL_NUM },
		{ "Regnskab", UI_COL_NUM }, { "Handling", 0 },
	};
	struct http_req	*r = p->r;
	struct html	*h = &p->h;
	struct ui_table	 t;
	size_t		 i;
	int64_t		 b = 0, a = 0;

	ui_table_begin(&t, h, secretariat_section_label(section), cols, 4);
	for (i = 0; i < y->nlines; i++) {
		const struct secretariat_line *l = &y->lines[i];

		if (strcmp(l->section, section) != 0)
			continue;
		ui_row(&t);
		ui_cell(&t, l->label);
		sharing_http_cell_kr(&t, l->budget_ore);
		if (l->has_actual)
			sharing_http_cell_kr(&t, l->actual_ore);
		else
			ui_cell(&t, "–");
		ui_cell_begin(&t);
		HTML_LIT(h, "<a");
		html_url(h, "href", arena_printf(&r->arena,
		    "/oekonomi/sekretariat?aar=%d&linje=%lld#linjeform",
		    y->year, (long long)l->id));
		HTML_LIT(h, ">Ret eller slet<span class=\"sr-only\"> ");
		html_text(h, l->label);
		HTML_LIT(h, "</span></a>");
		ui_cell_end(&t);
		b += l->budget_ore;
		a += l->has_actual ? l->actual_ore : 0;
	}
	if (strcmp(section, "overhead") == 0 && y->has_premises) {
		ui_row(&t);
		ui_cell(&t, arena_printf(&r->arena, "Husleje og "
		    "forbrugsudgifter (%s m²)", centi_text(r,
		    y->premises.area_centi)));
		sharing_http_cell_kr(&t, y->premises_ore);
		sharing_http_cell_kr(&t, y->premises_ore);
		ui_cell(&t, "Beregnet");
		b += y->premises_ore;
		a += y->premises_ore;
	}
	if (strcmp(section, "income") == 0)
		for (i = 0; i < y->ninvoices; i++) {
			ui_row(&t);
			ui_cell_link(&t, arena_printf(&r->arena,
			    "/oekonomi/fordelinger/%lld",
			    (long long)y->invoices[i].id),
			    y->invoices[i].title);
			ui_cell(&t, "–");
			sharing_http_cell_kr(&t, y->invoices[i].pool_ore);
			ui_cell(&t, "Opkrævet");
			a += y->invoices[i].pool_ore;
		}
	sum_row(&t, "I alt", b, a);
	ui_table_end(&t);
}

/* The form to add a line, or change line edit (NULL: a new line). */
static void
line_form(struct page *p, int year, const struct secretariat_line *edit,
    const struct ui_errors *errs)
{
	static const struct ui_option sections[] = {
		{ "expense", "Udgift" }, { "overhead", "Overhead" },
		{ "income", "Indtægt" },
	};
	struct http_req	*r = p->r;
	struct html	*h = &p->h;

	HTML_LIT(h, "<h2 id=\"linjeform\">");
	html_text(h, edit ? "Ret linje" : "Tilføj linje");
	HTML_LIT(h, "</h2>");
	ui_error_summary(h, errs);
	HTML_LIT(h, "<form class=\"ramme-form\" method=\"post\" "
	    "action=\"/oekonomi/sekretariat/linje\" novalidate>");
	page_csrf(p);
	HTML_LIT(h, "<input type=\"hidden\" name=\"year\"");
	html_attr(h, "value", plain_text(r, year));
	HTML_LIT(h, "><input type=\"hidden\" name=\"id\"");
	html_attr(h, "value", edit ? plain_text(r, edit->id) : "0");
	HTML_LIT(h, ">");
	ui_radios(h, &(struct ui_radios){ .name = "section", .legend = "Art",
	    .selected = edit ? edit->section : "expense", .options = sections,
	    .noptions = 3 }, errs);
	ui_field(h, &(struct ui_field){ .name = "label", .label = "Tekst",
	    .hint = "Fx »Lønomkostninger« eller »Økonomiopfølgning og "
	    "økonomiledelse«", .value = edit ? edit->label : NULL,
	    .required = true, .maxlength = 200 }, errs);
	ui_field(h, &(struct ui_field){ .name = "budget", .label = "Budget",
	    .value = edit ? tariff_http_kr_value(r, edit->budget_ore) : NULL,
	    .type = UI_NUMBER, .suffix = "kr.", .width = "m",
	    .required = true }, errs);
	ui_field(h, &(struct ui_field){ .name = "actual", .label = "Regnskab",
	    .hint = "Tomt indtil regnskabet er gjort op",
	    .value = edit && edit->has_actual ? tariff_http_kr_value(r,
	    edit->actual_ore) : NULL, .type = UI_NUMBER, .suffix = "kr.",
	    .width = "m" }, errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, edit ? "Gem linje" : "Tilføj linje", NULL,
	    NULL);
	if (edit != NULL)
		ui_button_link(h, UI_TERTIARY, arena_printf(&r->arena,
		    "/oekonomi/sekretariat?aar=%d", year), "Annuller");
	HTML_LIT(h, "</div></form>");
	if (edit == NULL)
		return;
	HTML_LIT(h, "<form method=\"post\"");
	html_url(h, "action", arena_printf(&r->arena,
	    "/oekonomi/sekretariat/linje/%lld/slet", (long long)edit->id));
	HTML_LIT(h, "><input type=\"hidden\" name=\"year\"");
	html_attr(h, "value", plain_text(r, year));
	HTML_LIT(h, ">");
	page_csrf(p);
	ui_button(h, UI_WARNING_BUTTON, "Slet linjen", NULL, NULL);
	HTML_LIT(h, "</form>");
}

static void
premises_form(struct page *p, const struct secretariat_year *y,
    const struct ui_errors *errs)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;
	const struct overhead_premises *pr = &y->premises;

	HTML_LIT(h, "<h2 id=\"lokaler\">Lokaler i overhead</h2><p>Efter "
	    "principperne i KL's budgetvejledning 6-3: areal gange husleje, "
	    "forbrugsafgifter og øvrige driftsudgifter pr. m² om året.</p>");
	ui_error_summary(h, errs);
	HTML_LIT(h, "<form class=\"ramme-form\" method=\"post\" "
	    "action=\"/oekonomi/sekretariat/lokaler\" novalidate>");
	page_csrf(p);
	HTML_LIT(h, "<input type=\"hidden\" name=\"year\"");
	html_attr(h, "value", plain_text(r, y->year));
	HTML_LIT(h, ">");
	ui_field(h, &(struct ui_field){ .name = "area", .label = "Areal",
	    .value = y->has_premises ? centi_text(r, pr->area_centi) : NULL,
	    .type = UI_NUMBER, .suffix = "m²", .width = "s",
	    .required = true }, errs);
	ui_field(h, &(struct ui_field){ .name = "rent",
	    .label = "Husleje pr. m²", .value = y->has_premises ?
	    tariff_http_kr_value(r, pr->rent_ore) : NULL, .type = UI_NUMBER,
	    .suffix = "kr.", .width = "s", .required = true }, errs);
	ui_field(h, &(struct ui_field){ .name = "utilities",
	    .label = "Forbrugsafgifter pr. m²", .value = y->has_premises ?
	    tariff_http_kr_value(r, pr->utilities_ore) : NULL,
	    .type = UI_NUMBER, .suffix = "kr.", .width = "s",
	    .required = true }, errs);
	ui_field(h, &(struct ui_field){ .name = "other",
	    .label = "Øvrige driftsudgifter pr. m²", .value = y->has_premises ?
	    tariff_http_kr_value(r, pr->other_ore) : NULL, .type = UI_NUMBER,
	    .suffix = "kr.", .width = "s", .required = true }, errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Beregn og gem", NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

/* The page of year; errors of one of its forms, which form. */
static void
year_page(struct http_req *r, int year, const struct ui_errors *line_errs,
    const struct ui_errors *prem_errs, int status)
{
	static const struct ui_col cols[] = {
		{ "", 0 }, { "Budget", UI_COL_NUM },
		{ "Regnskab", UI_COL_NUM }, { "", 0 },
	};
	struct page		 p;
	struct html		*h = &p.h;
	struct secretariat_year	 y;
	struct secretariat_line	*edit = NULL;
	struct ui_table		 t;
	struct err		 e;
	const char		*s, *flash;
	int64_t			 lid = 0;
	size_t			 i;

	err_clear(&e);
	if (secretariat_get(&r->svc, year, &y, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	if ((s = http_query(r, "linje")) != NULL &&
	    text_parse_i64(s, &lid) == 0)
		for (i = 0; i < y.nlines; i++)
			if (y.lines[i].id == lid)
				edit = &y.lines[i];
	page_begin(&p, r, arena_printf(&r->arena, "Sekretariatets budget og "
	    "regnskab %d", year), NULL);
	sharing_http_tabs(&p, SHARING_TAB_SECRETARIAT);
	if ((flash = http_query(r, "besked")) != NULL)
		ui_alert(h, UI_SUCCESS, NULL, strcmp(flash, "slettet") == 0 ?
		    "Linjen er slettet." : "Ændringen er gemt.");
	HTML_LIT(h, "<form method=\"get\" action=\"/oekonomi/sekretariat\" "
	    "class=\"filters\">");
	ui_field(h, &(struct ui_field){ .name = "aar", .label = "År",
	    .value = plain_text(r, year), .inputmode = "numeric",
	    .width = "xs", .maxlength = 4 }, NULL);
	ui_button(h, UI_SECONDARY, "Vis", NULL, NULL);
	HTML_LIT(h, "</form><p>Sekretariatet finansieres af kommunerne efter "
	    "indbyggertal og opkræves halvårligt. En halvårsopkrævning er en "
	    "fordeling med formålet »Sekretariatets finansiering«; den "
	    "tæller som indtægt i regnskabet.</p><div class=\"actions\">");
	ui_button_link(h, UI_PRIMARY, arena_printf(&r->arena,
	    "/oekonomi/fordelinger/ny?formaal=secretariat&aar=%d", year),
	    "Opret halvårsopkrævning");
	ui_button_link(h, UI_SECONDARY, "/oekonomi/sekretariat/"
	    "deltagerbetaling", "Opkræv deltagerbetaling");
	HTML_LIT(h, "</div>");
	section_table(&p, &y, "expense");
	section_table(&p, &y, "overhead");
	section_table(&p, &y, "income");
	HTML_LIT(h, "<h2>Resultat</h2>");
	ui_table_begin(&t, h, NULL, cols, 4);
	sum_row(&t, "Udgifter", y.expense_budget, y.expense_actual);
	sum_row(&t, "Overhead", y.overhead_budget, y.overhead_actual);
	sum_row(&t, "Samlede udgifter", y.expense_budget + y.overhead_budget,
	    y.expense_actual + y.overhead_actual);
	sum_row(&t, "Indtægter", y.income_budget, y.income_actual);
	ui_row(&t);
	ui_cell(&t, "Resultat");
	sharing_http_cell_kr(&t, y.result_budget);
	sharing_http_cell_kr(&t, y.result_actual);
	ui_cell_begin(&t);
	ui_badge(h, y.result_actual < 0 ? UI_WARNING : UI_SUCCESS,
	    y.result_actual > 0 ? "Overskud" : y.result_actual < 0 ?
	    "Underskud" : "Balance");
	ui_cell_end(&t);
	ui_table_end(&t);
	line_form(&p, year, edit, line_errs);
	premises_form(&p, &y, prem_errs);
	page_end(&p, status);
}

void
page_secretariat(struct http_req *r)
{
	static const char *const allowed[] = { "aar", "linje", "besked", NULL };
	struct err	e;
	int		year;

	err_clear(&e);
	if (http_query_check(r, allowed, &e) != 0 ||
	    sharing_http_year(r, "aar", sharing_http_this_year(r), &year, &e)
	    != 0) {
		http_send_error(r, &e);
		return;
	}
	year_page(r, year, NULL, NULL, 200);
}

/* The posted year (2000..2100), or 0. */
static int
form_year(struct http_req *r)
{
	const char	*s = http_form_text(r, "year");
	int64_t		 v;

	if (s == NULL || text_parse_i64(s, &v) != 0 || v < 2000 || v > 2100)
		return 0;
	return (int)v;
}

static void
redirect_year(struct http_req *r, int year, const char *flash)
{
	http_redirect(r, arena_printf(&r->arena,
	    "/oekonomi/sekretariat?aar=%d&besked=%s", year, flash));
}

void
page_secretariat_line_post(struct http_req *r)
{
	struct secretariat_line	 l;
	struct ui_errors	 errs;
	struct err		 e;
	const char		*s;
	int64_t			 id;

	err_clear(&e);
	memset(&l, 0, sizeof(l));
	if (http_form_error(r, &e) != 0 || (l.year = form_year(r)) == 0) {
		if (e.code == 0)
			err_set(&e, ERR_INVALID, "invalid_year", NULL,
			    "Året mangler");
		http_send_error(r, &e);
		return;
	}
	if ((s = http_form_text(r, "id")) != NULL &&
	    text_parse_i64(s, &l.id) != 0)
		l.id = -1;
	l.section = http_form_text(r, "section");
	l.label = http_form_text(r, "label");
	if ((s = http_form_text(r, "budget")) == NULL ||
	    text_parse_kr(s, &l.budget_ore) != 0)
		err_set(&e, ERR_INVALID, "invalid_amount", "budget", "Budget: "
		    "angiv et beløb i kroner, fx 1.231.000");
	else if ((s = http_form_text(r, "actual")) != NULL &&
	    text_parse_kr(s, &l.actual_ore) != 0)
		err_set(&e, ERR_INVALID, "invalid_amount", "actual",
		    "Regnskab: angiv et beløb i kroner, eller lad feltet stå "
		    "tomt");
	else {
		l.has_actual = s != NULL;
		if (l.id >= 0 && secretariat_line_save(&r->svc, &l, &id, &e)
		    == 0) {
			redirect_year(r, l.year, "gemt");
			return;
		}
		if (l.id < 0)
			err_set(&e, ERR_NOT_FOUND, "not_found", NULL,
			    "Linjen findes ikke");
	}
	if (e.code == ERR_FORBIDDEN || e.code == ERR_NOT_FOUND) {
		http_send_error(r, &e);
		return;
	}
	ui_errors_init(&errs);
	ui_errors_add_err(&errs, r, &e);
	year_page(r, l.year, &errs, NULL, http_status_of_err(e.code));
}

void
page_secretariat_line_delete(struct http_req *r)
{
	struct page	 p;
	struct err	 e;
	int64_t		 id;
	int		 year;
	static const char *const cons[] = {
		"Linjen fjernes fra både budget og regnskab.",
		"Sletningen bliver logget i historikken.",
	};

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	if (!ui_confirmed(r)) {
		page_begin_crumbs(&p, r, "Slet linje", NULL,
		    (const struct page_crumb[]){ { "/oekonomi/sekretariat",
		    "Sekretariatet" } }, 1);
		ui_confirm(&p, &(struct ui_confirm){
		    .heading = "Slet linjen?", .text = "Linjen i "
		    "sekretariatets budget og regnskab slettes.",
		    .consequences = cons, .nconsequences = 2,
		    .action = arena_printf(&r->arena,
		    "/oekonomi/sekretariat/linje/%lld/slet", (long long)id),
		    .button = "Slet linje", .warning = true,
		    .cancel_href = "/oekonomi/sekretariat" });
		page_end(&p, 200);
		return;
	}
	if (secretariat_line_delete(&r->svc, id, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	if ((year = form_year(r)) != 0)
		redirect_year(r, year, "slettet");
	else
		http_redirect(r, "/oekonomi/sekretariat?besked=slettet");
}

void
page_secretariat_premises_post(struct http_req *r)
{
	struct overhead_premises p;
	struct ui_errors	 errs;
	struct err		 e;
	const char		*s;
	int			 year;

	err_clear(&e);
	memset(&p, 0, sizeof(p));
	if (http_form_error(r, &e) != 0 || (year = form_year(r)) == 0) {
		if (e.code == 0)
			err_set(&e, ERR_INVALID, "invalid_year", NULL,
			    "Året mangler");
		http_send_error(r, &e);
		return;
	}
	if ((s = http_form_text(r, "area")) == NULL ||
	    text_parse_centi(s, &p.area_centi) != 0)
		err_set(&e, ERR_INVALID, "invalid_area", "area", "Arealet: "
		    "angiv antal m², fx 30 eller 30,5");
	else if ((s = http_form_text(r, "rent")) == NULL ||
	    text_parse_kr(s, &p.rent_ore) != 0)
		err_set(&e, ERR_INVALID, "invalid_amount", "rent", "Husleje: "
		    "angiv et beløb i kroner pr. m², fx 850");
	else if ((s = http_form_text(r, "utilities")) == NULL ||
	    text_parse_kr(s, &p.utilities_ore) != 0)
		err_set(&e, ERR_INVALID, "invalid_amount", "utilities",
		    "Forbrugsafgifter: angiv et beløb i kroner pr. m², fx 250");
	else if ((s = http_form_text(r, "other")) == NULL ||
	    text_parse_kr(s, &p.other_ore) != 0)
		err_set(&e, ERR_INVALID, "invalid_amount", "other",
		    "Øvrige driftsudgifter: angiv et beløb i kroner pr. m², "
		    "fx 200");
	else if (secretariat_premises_save(&r->svc, year, &p, &e) == 0) {
		redirect_year(r, year, "gemt");
		return;
	}
	if (e.code == ERR_FORBIDDEN) {
		http_send_error(r, &e);
		return;
	}
	ui_errors_init(&errs);
	ui_errors_add_err(&errs, r, &e);
	year_page(r, year, NULL, &errs, http_status_of_err(e.code));
}

/* ---- participant fees ------------------------------------------------- */

static void
fee_form(struct page *p, const struct err *e)
{
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	struct org_names	 o;
	struct ui_errors	 errs;
	const char		*name, *price;
	int			 i;

	ui_errors_init(&errs);
	if (e != NULL && e->code != 0) {
		struct err c = *e;

		if (strcmp(c.field, "weights") == 0 || c.field[0] == '\0')
			snprintf(c.field, sizeof(c.field), "deltagere");
		else if (strcmp(c.field, "snapshot_date") == 0)
			snprintf(c.field, sizeof(c.field), "date");
		else if (strcmp(c.field, "price_ore") == 0 ||
		    strcmp(c.field, "pool_ore") == 0)
			snprintf(c.field, sizeof(c.field), "price");
		ui_errors_add_err(&errs, r, &c);
	}
	ui_error_summary(h, &errs);
	HTML_LIT(h, "<p>Et arrangement, fx et seminar, som kommunerne betaler "
	    "pr. deltager. Hver kommune opkræves antal deltagere gange prisen; "
	    "opkrævningen vises som en fordeling og under kommunernes "
	    "fakturaer.</p><form class=\"ramme-form\" method=\"post\" "
	    "action=\"/oekonomi/sekretariat/deltagerbetaling\" novalidate>");
	page_csrf(p);
	ui_field(h, &(struct ui_field){ .name = "title",
	    .label = "Arrangement", .hint = "Fx »Temadag om takster«",
	    .value = http_form_text(r, "title"), .required = true,
	    .maxlength = SHARING_TITLE_MAX }, &errs);
	ui_field(h, &(struct ui_field){ .name = "date", .label = "Dato",
	    .type = UI_DATE, .value = http_form_text(r, "date"),
	    .required = true, .width = "s" }, &errs);
	price = http_form_text(r, "price");
	ui_field(h, &(struct ui_field){ .name = "price",
	    .label = "Pris pr. deltager", .value = price ? price : "1.600",
	    .type = UI_NUMBER, .suffix = "kr.", .width = "s",
	    .required = true }, &errs);
	HTML_LIT(h, "<fieldset id=\"deltagere\" class=\"mt-6\">"
	    "<legend class=\"h4\">Deltagere pr. kommune</legend>");
	if (ui_errors_get(&errs, "deltagere") != NULL)
		ui_alert(h, UI_ERROR, NULL, ui_errors_get(&errs, "deltagere"));
	org_names_load(r, &o);
	for (i = 0; i < o.n; i++) {
		if (o.v[i].kind != ORG_KOMMUNE)
			continue;
		name = arena_printf(&r->arena, "deltagere_%s", o.v[i].code);
		ui_field(h, &(struct ui_field){ .name = name,
		    .label = o.v[i].name, .value = http_form_text(r, name),
		    .inputmode = "numeric", .width = "xs", .maxlength = 5 },
		    NULL);
	}
	HTML_LIT(h, "</fieldset><div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Vis opkrævningen", NULL, NULL);
	ui_button_link(h, UI_TERTIARY, "/oekonomi/sekretariat", "Annuller");
	HTML_LIT(h, "</div></form>");
}

static void
fee_page(struct http_req *r, const struct err *e, int status)
{
	struct page p;

	page_begin_crumbs(&p, r, "Deltagerbetaling", NULL,
	    (const struct page_crumb[]){ { "/oekonomi/sekretariat",
	    "Sekretariatet" } }, 1);
	fee_form(&p, e);
	page_end(&p, status);
}

void
page_secretariat_fee_form(struct http_req *r)
{
	fee_page(r, NULL, 200);
}

/* Read the fee form into si (weights in r's arena). */
static int
fee_read(struct http_req *r, struct sharing_input *si, struct err *e)
{
	struct org_names	 o;
	struct sharing_value	*w;
	const char		*s, *date;
	int64_t			 v;
	int			 i;

	memset(si, 0, sizeof(*si));
	if (http_form_error(r, e) != 0)
		return e->code;
	si->title = http_form_text(r, "title");
	si->purpose = "event";
	si->unit_ore = 100;
	si->key_title = "Deltagere";
	date = http_form_text(r, "date");
	if (date == NULL || !text_date_valid(date))
		return err_set(e, ERR_INVALID, "invalid_date", "date",
		    "Datoen skal være en dato");
	si->snapshot_date = date;
	si->year = atoi(date);
	if ((s = http_form_text(r, "price")) == NULL ||
	    text_parse_kr(s, &si->price_ore) != 0 || si->price_ore <= 0)
		return err_set(e, ERR_INVALID, "invalid_price", "price",
		    "Prisen pr. deltager skal være et beløb større end 0 kr.");
	org_names_load(r, &o);
	w = arena_calloc(&r->arena, (size_t)o.n + 1, sizeof(*w));
	for (i = 0; i < o.n; i++) {
		if (o.v[i].kind != ORG_KOMMUNE || (s = http_form_text(r,
		    arena_printf(&r->arena, "deltagere_%s", o.v[i].code))) ==
		    NULL)
			continue;
		if (text_parse_i64(s, &v) != 0 || v < 0 || v > 10000)
			return err_set(e, ERR_INVALID, "invalid_participants",
			    "deltagere", "Antal deltagere fra %s skal være "
			    "et helt tal", o.v[i].name);
		if (v == 0)
			continue;
		w[si->nweights].org_code = o.v[i].code;
		w[si->nweights].weight = v;
		si->nweights++;
	}
	si->weights = w;
	if (si->nweights == 0)
		return err_set(e, ERR_INVALID, "no_participants", "deltagere",
		    "Skriv antal deltagere for mindst én kommune");
	return 0;
}

void
page_secretariat_fee_post(struct http_req *r)
{
	static const struct ui_col cols[] = {
		{ "Kommune", 0 }, { "Deltagere", UI_COL_NUM },
		{ "Beløb", UI_COL_NUM },
	};
	static const char *const cons[] = {
		"Hver kommune kan se sin opkrævning under »Mine fakturaer«.",
	};
	struct page		 p;
	struct sharing_input	 si;
	struct allocation_row	 a;
	struct ui_table		 t;
	struct err		 e;
	int64_t			 id;
	size_t			 i;

	err_clear(&e);
	if (fee_read(r, &si, &e) != 0 ||
	    sharing_preview(&r->svc, &si, &a, &e) != 0) {
		if (e.code == ERR_FORBIDDEN)
			http_send_error(r, &e);
		else
			fee_page(r, &e, http_status_of_err(e.code));
		return;
	}
	if (ui_confirmed(r)) {
		if (sharing_create(&r->svc, &si, &id, &e) != 0) {
			fee_page(r, &e, http_status_of_err(e.code));
			return;
		}
		http_redirect(r, arena_printf(&r->arena,
		    "/oekonomi/fordelinger/%lld?besked=oprettet",
		    (long long)id));
		return;
	}
	page_begin_crumbs(&p, r, "Deltagerbetaling", NULL,
	    (const struct page_crumb[]){ { "/oekonomi/sekretariat",
	    "Sekretariatet" } }, 1);
	ui_table_begin(&t, &p.h, "Forhåndsvisning", cols, 3);
	for (i = 0; i < a.nshares; i++) {
		ui_row(&t);
		ui_cell(&t, a.shares[i].org_name);
		ui_cell_int(&t, a.shares[i].weight);
		sharing_http_cell_kr(&t, a.shares[i].amount_ore);
	}
	ui_row(&t);
	ui_cell(&t, "I alt");
	ui_cell_int(&t, a.weight_total);
	sharing_http_cell_kr(&t, a.pool_ore);
	ui_table_end(&t);
	ui_confirm(&p, &(struct ui_confirm){ .heading = "Opkræv "
	    "deltagerbetalingen?", .text = arena_printf(&r->arena,
	    "%s: %s deltagere.", si.title, ui_int_da(r, a.weight_total)),
	    .consequences = cons, .nconsequences = 1,
	    .action = "/oekonomi/sekretariat/deltagerbetaling",
	    .button = "Opkræv", .cancel_href = "/oekonomi/sekretariat" });
	page_end(&p, 200);
}
