/*
 * page_expenditure — Udgiftsudvikling: the net expenditure on the
 * specialised social area of North Jutland against the whole country as
 * index charts (base year = 100, chosen by the user), accounts and
 * budgets apart as in the March 2014 figures, and the figures of each
 * municipality and the region as tables. The secretariat loads the
 * figures from CSV here (service/expenditure holds the layout and the
 * rules).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/expenditure.h"
#include "core/role.h"
#include "http/chart.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "report/chart.h"
#include "service/expenditure.h"
#include "util/buf.h"
#include "util/text.h"

#define HREF		"/oekonomi/udgifter"
#define UPLOAD_HREF	"/oekonomi/udgifter/indlaes"
#define TABLE_YEARS	12	/* years in a table, the latest */

static const struct page_crumb crumbs[] = {
	{ "/oekonomi", "Økonomi" },
};

/* Hundredths of a percent as "-4,6 %" (one decimal, as the minutes). */
static const char *
pct_text(struct http_req *r, int64_t bp)
{
	int64_t	a = bp < 0 ? -bp : bp;
	int64_t	tenths = (a + 5) / 10;

	return arena_printf(&r->arena, "%s%lld,%lld %%", bp < 0 ? "−" : "",
	    (long long)(tenths / 10), (long long)(tenths % 10));
}

/* Øre as whole thousands of kroner, half away from zero. */
static int64_t
thousands(int64_t ore)
{
	return ore >= 0 ? (ore + 50000) / 100000 : -((-ore + 50000) / 100000);
}

/* The index in year of base year: the default is the first year both
 * series of accounts have a figure. -1 when there is none. */
static int
default_base(const struct expenditure_view *v)
{
	size_t y;

	for (y = 0; y < v->nyears; y++)
		if (v->north.net[EXPENDITURE_ACCOUNTS][y] !=
		    EXPENDITURE_MISSING &&
		    v->country.net[EXPENDITURE_ACCOUNTS][y] !=
		    EXPENDITURE_MISSING)
			return (int)y;
	return -1;
}

/* The base-year choice: a GET form with the years. */
static void
base_form(struct page *p, const struct expenditure_view *v, int base)
{
	struct html	*h = &p->h;
	struct http_req	*r = p->r;
	const char	*sel = arena_printf(&r->arena, "%d", v->years[base]);
	size_t		 y;

	HTML_LIT(h, "<form method=\"get\"");
	html_url(h, "action", HREF);
	HTML_LIT(h, " class=\"ramme-filters\">");
	ui_select_begin(h, &(struct ui_select){ .name = "basisaar",
	    .label = "Basisår (indeks 100)", .selected = sel, .width = "xs" },
	    NULL);
	for (y = 0; y < v->nyears; y++) {
		const char *yr = arena_printf(&r->arena, "%d", v->years[y]);

		ui_option(h, yr, yr, sel);
	}
	ui_select_end(h);
	ui_button(h, UI_SECONDARY, "Vis", NULL, NULL);
	HTML_LIT(h, "</form>");
}

/* The chart and summary of one kind against the base year. */
static void
kind_chart(struct page *p, const struct expenditure_view *v,
    enum expenditure_kind k, int base)
{
	struct html		*h = &p->h;
	struct http_req		*r = p->r;
	struct chart_series	 series[2];
	const char		**labels;
	int64_t			*ni, *ci, nb, cb;
	struct err		 e;
	size_t			 y, last = 0;
	bool			 any = false;

	HTML_LIT(h, "<h2>");
	html_text(h, expenditure_kind_label(k));
	HTML_LIT(h, ": Nordjylland mod hele landet</h2>");
	ni = arena_calloc(&r->arena, v->nyears, sizeof(*ni));
	ci = arena_calloc(&r->arena, v->nyears, sizeof(*ci));
	err_clear(&e);
	if (expenditure_index(v->north.net[k], v->nyears, (size_t)base, ni,
	    &e) != 0 || expenditure_index(v->country.net[k], v->nyears,
	    (size_t)base, ci, &e) != 0) {
		ui_alert(h, UI_INFO, NULL, arena_printf(&r->arena, "Der er "
		    "ikke tal for både Nordjylland og hele landet i %d "
		    "(%s). Vælg et andet basisår.", v->years[base],
		    expenditure_kind_label(k)));
		return;
	}
	labels = arena_calloc(&r->arena, v->nyears, sizeof(*labels));
	for (y = 0; y < v->nyears; y++) {
		labels[y] = arena_printf(&r->arena, "%d", v->years[y]);
		if (y > (size_t)base && ni[y] != EXPENDITURE_MISSING &&
		    ci[y] != EXPENDITURE_MISSING) {
			last = y;
			any = true;
		}
	}
	if (any && expenditure_change_bp(v->north.net[k][base],
	    v->north.net[k][last], &nb) == 0 &&
	    expenditure_change_bp(v->country.net[k][base],
	    v->country.net[k][last], &cb) == 0) {
		HTML_LIT(h, "<p>");
		html_text(h, arena_printf(&r->arena, "%s %d–%d: Nordjylland "
		    "%s, hele landet %s.", expenditure_kind_label(k),
		    v->years[base], v->years[last], pct_text(r, nb),
		    pct_text(r, cb)));
		HTML_LIT(h, "</p>");
	}
	series[0].name = "Nordjylland (kommunerne)";
	series[0].values = ni;
	series[1].name = "Hele landet";
	series[1].values = ci;
	chart_html(h, &(struct chart){ .kind = CHART_LINES,
	    .title = arena_printf(&r->arena, "%s: udgiftsudvikling, indeks "
	    "(%d = 100)", expenditure_kind_label(k), v->years[base]),
	    .desc = arena_printf(&r->arena, "Nettoudgiften på det "
	    "specialiserede socialområde i de nordjyske kommuner i alt og i "
	    "hele landet, %s, som indeks med %d = 100.",
	    k == EXPENDITURE_ACCOUNTS ? "regnskab" : "budget",
	    v->years[base]),
	    .label_head = "År", .unit = "", .labels = labels,
	    .nlabels = v->nyears, .series = series, .nseries = 2,
	    .baseline = EXPENDITURE_INDEX_ONE },
	    k == EXPENDITURE_ACCOUNTS ? "regnskab" : "budget", &e);
}

/* One area's row of a kind: name and the figures in 1.000 kr. */
static void
area_row(struct ui_table *t, const struct expenditure_area *x,
    enum expenditure_kind k, size_t from, size_t to)
{
	size_t y;

	ui_row(t);
	ui_cell(t, x->name);
	for (y = from; y < to; y++)
		if (x->net[k][y] == EXPENDITURE_MISSING)
			ui_cell(t, "–");
		else
			ui_cell_int(t, thousands(x->net[k][y]));
}

static void
kind_table(struct page *p, const struct expenditure_view *v,
    enum expenditure_kind k)
{
	struct http_req	*r = p->r;
	struct ui_col	 cols[TABLE_YEARS + 1];
	struct ui_table	 t;
	size_t		 from, y, a;

	from = v->nyears > TABLE_YEARS ? v->nyears - TABLE_YEARS : 0;
	cols[0].head = "Område";
	cols[0].flags = 0;
	for (y = from; y < v->nyears; y++) {
		cols[y - from + 1].head = arena_printf(&r->arena, "%d",
		    v->years[y]);
		cols[y - from + 1].flags = UI_COL_NUM;
	}
	ui_table_begin(&t, &p->h, arena_printf(&r->arena, "%s: nettoudgift "
	    "i 1.000 kr.", expenditure_kind_label(k)), cols,
	    (int)(v->nyears - from + 1));
	for (a = 0; a < v->nareas; a++)
		area_row(&t, &v->areas[a], k, from, v->nyears);
	area_row(&t, &v->north, k, from, v->nyears);
	area_row(&t, &v->country, k, from, v->nyears);
	ui_table_end(&t);
}

static void
upload_form(struct page *p)
{
	struct html *h = &p->h;

	HTML_LIT(h, "<h2>Indlæs udgifter</h2><p>En CSV-fil som fra Danmarks "
	    "Statistik eller KL, gemt fra Excel (semikolon eller komma, UTF-8 "
	    "eller Windows-1252), med kolonnerne Område, Art (Regnskab eller "
	    "Budget), År og Nettoudgift (1.000 kr.). Område er en kommune "
	    "eller regionen, med navn eller kode, eller Hele landet. Har en "
	    "række fejl, gemmes intet; tal for samme område, art og år "
	    "erstattes.</p><form method=\"post\" enctype=\"multipart/"
	    "form-data\"");
	html_url(h, "action", UPLOAD_HREF);
	HTML_LIT(h, ">");
	page_csrf(p);
	ui_field(h, &(struct ui_field){ .name = "file", .label = "CSV-fil",
	    .type = UI_FILE, .accept = ".csv,text/csv", .required = true },
	    NULL);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Indlæs", NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

/* The page; rep/err (may be NULL) are a failed upload's. */
static void
render(struct http_req *r, const struct expenditure_report *rep,
    const struct err *ue, int status)
{
	struct page		 p;
	struct html		*h = &p.h;
	struct expenditure_view	 v;
	struct ui_table		 t;
	struct err		 e;
	const char		*q, *flash;
	int64_t			 want;
	int			 base, i;
	size_t			 y;
	static const struct ui_col ecols[] = {
		{ "Linje", UI_COL_NUM }, { "Kolonne", 0 }, { "Fejl", 0 },
	};

	err_clear(&e);
	if (expenditure_view(&r->svc, &v, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	base = default_base(&v);
	if ((q = http_query(r, "basisaar")) != NULL && v.nyears > 0) {
		base = -1;
		if (text_parse_i64(q, &want) == 0)
			for (y = 0; y < v.nyears; y++)
				if (v.years[y] == want)
					base = (int)y;
		if (base < 0) {
			err_set(&e, ERR_INVALID, "invalid_year", "basisaar",
			    "Basisåret skal være et af årene med udgifter");
			http_send_error(r, &e);
			return;
		}
	}
	page_begin_crumbs(&p, r, "Udgiftsudvikling", "oekonomi", crumbs, 1);
	if ((flash = http_query(r, "besked")) != NULL &&
	    strcmp(flash, "indlaest") == 0)
		ui_alert(h, UI_SUCCESS, NULL, "Udgifterne er indlæst.");
	if (ue != NULL) {
		ui_alert(h, UI_ERROR, "Intet er gemt", ue->msg);
		if (rep != NULL && rep->nerrors > 0) {
			ui_table_begin(&t, h, "Fejl i filen", ecols, 3);
			for (i = 0; i < rep->nerrors; i++) {
				ui_row(&t);
				ui_cell_int(&t, rep->errors[i].line);
				ui_cell(&t, rep->errors[i].field);
				ui_cell(&t, rep->errors[i].msg);
			}
			ui_table_end(&t);
		}
	}
	HTML_LIT(h, "<p>Nettoudgiften på det specialiserede socialområde i "
	    "de nordjyske kommuner i alt sammenlignet med hele landet, som "
	    "indeks, hvor basisåret er 100. Regnskab og budget vises hver "
	    "for sig.</p>");
	if (v.nyears == 0 || base < 0)
		ui_alert(h, UI_INFO, NULL, "Der er ikke indlæst udgifter for "
		    "både Nordjylland og hele landet endnu.");
	else {
		base_form(&p, &v, base);
		kind_chart(&p, &v, EXPENDITURE_ACCOUNTS, base);
		kind_chart(&p, &v, EXPENDITURE_BUDGET, base);
		HTML_LIT(h, "<h2>Kommunerne og regionen</h2>");
		kind_table(&p, &v, EXPENDITURE_ACCOUNTS);
		kind_table(&p, &v, EXPENDITURE_BUDGET);
	}
	if (r->who.role == ROLE_ADMIN)
		upload_form(&p);
	page_end(&p, status);
}

void
page_expenditure(struct http_req *r)
{
	render(r, NULL, NULL, 200);
}

void
page_expenditure_upload(struct http_req *r)
{
	struct expenditure_report	 rep;
	const struct http_field		*file;
	struct err			 e;
	int				 rc;

	err_clear(&e);
	memset(&rep, 0, sizeof(rep));
	if ((rc = http_form_error(r, &e)) == 0) {
		file = http_form_file(r, "file");
		if (file == NULL || file->len == 0)
			rc = err_set(&e, ERR_INVALID, "missing_file", "file",
			    "Vælg en CSV-fil");
		else
			rc = expenditure_import(&r->svc, file->value,
			    file->len, file->filename, &rep, &e);
	}
	if (rc == 0) {
		http_redirect(r, HREF "?besked=indlaest");
		return;
	}
	if (rc == ERR_FORBIDDEN) {
		http_send_error(r, &e);
		return;
	}
	render(r, &rep, &e, http_status_of_err(rc));
}
