/*
 * page_pl — Pris- og lønudvikling: the list of price-and-wage series, a
 * series with its yearly changes, index and versions, its downloads (CSV
 * and Excel in the import format), the form that restates an amount in
 * fixed prices, and the secretariat's import of a new version (checked
 * first, then confirmed; a bad file changes nothing). The rules live in
 * service/pl and core/pl.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/pl.h"
#include "core/role.h"
#include "report/chart.h"
#include "http/chart.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "service/pl.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/text.h"

#define IMPORT_MAX	(512 * 1024)	/* bytes of an uploaded series file */

static const struct page_crumb crumbs[] = {
	{ "/oekonomi", "Økonomi" },
	{ "/oekonomi/pl", "Pris- og lønudvikling" },
};

/* "1,53 %" (Danish decimal comma). */
static const char *
pct_da(struct http_req *r, int64_t pct_e4)
{
	char	txt[24], *c;

	pl_pct_str(pct_e4, txt, sizeof(txt));
	if ((c = strchr(txt, '.')) == NULL)
		return arena_printf(&r->arena, "%s,0 %%", txt);
	*c = ',';
	return arena_printf(&r->arena, "%s %%", txt);
}

/* An index in ten-thousandths with two decimals: "108,17". */
static const char *
index_da(struct http_req *r, int64_t e4)
{
	int64_t c = (e4 + 50) / 100;

	return arena_printf(&r->arena, "%lld,%02lld", (long long)(c / 100),
	    (long long)(c % 100));
}

/* An exact value with `decimals`, trailing zeros dropped, decimal comma. */
static const char *
mpq_da(struct http_req *r, const mpq_t q, int decimals)
{
	char	txt[96], *c, *end;

	if (pl_mpq_str(q, decimals, txt, sizeof(txt)) != 0)
		return "";
	if ((c = strchr(txt, '.')) != NULL) {
		end = txt + strlen(txt);
		while (end > c + 1 && end[-1] == '0')
			*--end = '\0';
		*c = ',';
	}
	return arena_strdup(&r->arena, txt);
}

static const char *
kr_da(struct http_req *r, int64_t ore)
{
	char tmp[TEXT_KR_SIZE];

	text_format_ore_da(tmp, ore);
	return arena_strdup(&r->arena, tmp);
}

static const char *
pl_href(struct http_req *r, const char *name)
{
	return arena_printf(&r->arena, "/oekonomi/pl/%s",
	    http_urlencode(&r->arena, name));
}

/* ---- the list ----------------------------------------------------------- */

void
page_pl_list(struct http_req *r)
{
	static const struct ui_col cols[] = {
		{ "Serie", 0 }, { "Version", UI_COL_NUM }, { "Revideret", 0 },
		{ "År", 0 }, { "Kilde", 0 },
	};
	struct pl_series_row	*v;
	struct ui_table		 t;
	struct page		 p;
	struct html		*h = &p.h;
	struct err		 e;
	const char		*flash;
	size_t			 n, i;

	err_clear(&e);
	if (pl_list(&r->svc, &v, &n, &e) != 0) {
		page_error(r, http_status_of_err(e.code), &e);
		return;
	}
	page_begin_crumbs(&p, r, "Pris- og lønudvikling", "oekonomi", crumbs,
	    1);
	flash = http_query(r, "besked");
	if (flash != NULL && strcmp(flash, "indlaest") == 0)
		ui_alert(h, UI_SUCCESS, NULL, "PL-serierne er indlæst.");
	HTML_LIT(h, "<p>Den årlige ændring i priser og lønninger, som takster "
	    "og udgifter omregnes til faste priser med. Faktoren fra ét år "
	    "til et andet er produktet af (1 + ændring) for årene imellem, "
	    "regnet eksakt; beløb afrundes til hele øre til sidst.</p>");
	if (n == 0)
		ui_alert(h, UI_INFO, NULL, "Der er ingen PL-serier endnu.");
	else {
		ui_table_begin(&t, h, NULL, cols, 5);
		for (i = 0; i < n; i++) {
			ui_row(&t);
			ui_cell_link(&t, pl_href(r, v[i].name), v[i].title);
			ui_cell_int(&t, v[i].version);
			ui_cell_begin(&t);
			html_date(h, v[i].revised_on);
			ui_cell_end(&t);
			ui_cell(&t, v[i].nyears == 0 ? "" : arena_printf(
			    &r->arena, "%d–%d", v[i].first_year,
			    v[i].last_year));
			ui_cell(&t, v[i].source);
		}
		ui_table_end(&t);
	}
	if (r->who.role == ROLE_ADMIN) {
		HTML_LIT(h, "<div class=\"actions\">");
		ui_button_link(h, UI_SECONDARY, "/oekonomi/pl/import",
		    "Indlæs PL-serie");
		HTML_LIT(h, "</div>");
	}
	page_end(&p, 200);
}

/* ---- one series --------------------------------------------------------- */

/* A positive integer query parameter (0 when absent); -1 when invalid. */
static int
query_int(struct http_req *r, const char *name, int64_t max)
{
	const char	*s = http_query_text(r, name);
	int64_t		 v;

	if (s == NULL)
		return 0;
	if (text_parse_i64(s, &v) != 0 || v < 1 || v > max)
		return -1;
	return (int)v;
}

/* The restating form and, when filled in, its answer. */
static void
restate_form(struct page *p, const struct pl_series_view *v)
{
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	struct ui_errors	 errs;
	struct pl_year		*ys;
	struct err		 e;
	const char		*amount, *from_s, *to_s;
	int64_t			 ore = 0, out, from = 0, to = 0;
	mpq_t			 f;
	size_t			 i;

	amount = http_query_text(r, "beloeb");
	from_s = http_query_text(r, "fra");
	to_s = http_query_text(r, "til");
	ui_errors_init(&errs);
	HTML_LIT(h, "<h2>Fremskriv et beløb</h2>");
	if (amount != NULL || from_s != NULL || to_s != NULL) {
		if (amount == NULL || text_parse_kr(amount, &ore) != 0)
			ui_errors_add(&errs, "beloeb", "Skriv beløbet i kroner, "
			    "fx 2.000 eller 2000,50");
		if (from_s == NULL || text_parse_i64(from_s, &from) != 0 ||
		    from < PL_YEAR_MIN || from > PL_YEAR_MAX)
			ui_errors_add(&errs, "fra", "Skriv fra-året, fx 2020");
		if (to_s == NULL || text_parse_i64(to_s, &to) != 0 ||
		    to < PL_YEAR_MIN || to > PL_YEAR_MAX)
			ui_errors_add(&errs, "til", "Skriv til-året, fx 2024");
	}
	if (errs.n == 0 && amount != NULL) {
		ys = arena_calloc(&r->arena, v->nvalues + 1, sizeof(*ys));
		for (i = 0; i < v->nvalues; i++) {
			ys[i].year = v->values[i].year;
			ys[i].pct_e4 = v->values[i].pct_e4;
		}
		mpq_init(f);
		err_clear(&e);
		if (pl_restate(ys, v->nvalues, (int)from, (int)to, ore, f, &out,
		    &e) != 0)
			ui_errors_add(&errs, strcmp(e.field, "amount_ore") == 0 ?
			    "beloeb" : "fra", arena_strdup(&r->arena, e.msg));
		else {
			ui_alert_begin(h, UI_SUCCESS, "Beløb i faste priser");
			HTML_LIT(h, "<p>");
			html_text(h, arena_printf(&r->arena, "%s i %lld-priser "
			    "svarer til %s i %lld-priser.", kr_da(r, ore),
			    (long long)from, kr_da(r, out), (long long)to));
			HTML_LIT(h, "</p><p>");
			html_text(h, arena_printf(&r->arena, "Faktor %lld → "
			    "%lld: %s (version %d af serien).", (long long)from,
			    (long long)to, mpq_da(r, f, 10),
			    v->version.version));
			HTML_LIT(h, "</p>");
			ui_alert_end(h);
		}
		mpq_clear(f);
	}
	ui_error_summary(h, &errs);
	HTML_LIT(h, "<form method=\"get\"");
	html_url(h, "action", pl_href(r, v->series.name));
	HTML_LIT(h, ">");
	if (!v->current) {
		HTML_LIT(h, "<input type=\"hidden\" name=\"version\"");
		html_attr(h, "value", arena_printf(&r->arena, "%d",
		    v->version.version));
		HTML_LIT(h, ">");
	}
	ui_field(h, &(struct ui_field){ .name = "beloeb", .label = "Beløb",
	    .hint = "I fra-årets priser", .value = amount, .type = UI_NUMBER,
	    .suffix = "kr.", .width = "m", .maxlength = 30 }, &errs);
	ui_field(h, &(struct ui_field){ .name = "fra", .label = "Fra år",
	    .value = from_s, .type = UI_NUMBER, .inputmode = "numeric",
	    .width = "xs", .maxlength = 4 }, &errs);
	ui_field(h, &(struct ui_field){ .name = "til", .label = "Til år",
	    .value = to_s, .type = UI_NUMBER, .inputmode = "numeric",
	    .width = "xs", .maxlength = 4 }, &errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Fremskriv", NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

static void
values_table(struct page *p, const struct pl_series_view *v)
{
	static const struct ui_col cols[] = {
		{ "År", 0 }, { "Ændring", UI_COL_NUM }, { "Indeks", UI_COL_NUM },
		{ "Note", 0 },
	};
	struct http_req	*r = p->r;
	struct ui_table	 t;
	size_t		 i, k;

	HTML_LIT(&p->h, "<h2>Ændring og indeks pr. år</h2>");
	if (v->index_base) {
		HTML_LIT(&p->h, "<p>");
		html_text(&p->h, arena_printf(&r->arena, "Indeks %d = 100. "
		    "Ændringen er fra året før.", v->index_base));
		HTML_LIT(&p->h, "</p>");
	}
	ui_table_begin(&t, &p->h, NULL, cols, 4);
	for (i = 0; i < v->nvalues; i++) {
		ui_row(&t);
		ui_cell(&t, arena_printf(&r->arena, "%d", v->values[i].year));
		ui_cell(&t, pct_da(r, v->values[i].pct_e4));
		for (k = 0; k < v->nindex; k++)
			if (v->index[k].year == v->values[i].year)
				break;
		ui_cell(&t, k < v->nindex ? index_da(r, v->index[k].index_e4) :
		    "");
		ui_cell(&t, v->values[i].note);
	}
	ui_table_end(&t);
}

/* The index over the years as a line chart (with its figures as a table). */
static void
index_chart(struct page *p, const struct pl_series_view *v)
{
	struct http_req		 *r = p->r;
	struct chart_series	  ser;
	struct chart		  c;
	const char		**labels;
	int64_t			 *vals;
	size_t			  i;

	if (v->nindex < 2)
		return;
	labels = arena_calloc(&r->arena, v->nindex, sizeof(*labels));
	vals = arena_calloc(&r->arena, v->nindex, sizeof(*vals));
	for (i = 0; i < v->nindex; i++) {
		labels[i] = arena_printf(&r->arena, "%d", v->index[i].year);
		vals[i] = (v->index[i].index_e4 + 50) / 100;
	}
	ser.name = "Indeks";
	ser.values = vals;
	memset(&c, 0, sizeof(c));
	c.kind = CHART_LINES;
	c.title = arena_printf(&r->arena, "%s, indeks %d = 100",
	    v->series.title, v->index_base);
	c.desc = arena_printf(&r->arena, "Indekset for pris- og "
	    "lønudviklingen %d–%d med %d som basisår (100).",
	    v->index[0].year, v->index[v->nindex - 1].year, v->index_base);
	c.label_head = "År";
	c.unit = "";
	c.labels = labels;
	c.nlabels = v->nindex;
	c.series = &ser;
	c.nseries = 1;
	c.baseline = 10000;
	chart_html(&p->h, &c, "pl-indeks", NULL);
}

static void
versions_table(struct page *p, const struct pl_series_view *v)
{
	static const struct ui_col cols[] = {
		{ "Version", 0 }, { "Revideret", 0 }, { "Kilde", 0 },
		{ "År", UI_COL_NUM }, { "Indlæst af", 0 }, { "Note", 0 },
	};
	struct http_req	*r = p->r;
	struct ui_table	 t;
	size_t		 i;

	HTML_LIT(&p->h, "<h2>Versioner</h2>");
	ui_table_begin(&t, &p->h, NULL, cols, 6);
	for (i = 0; i < v->nversions; i++) {
		const struct pl_version_row *x = &v->versions[i];

		ui_row(&t);
		if (x->version == v->version.version)
			ui_cell(&t, arena_printf(&r->arena, "%d (vist)",
			    x->version));
		else
			ui_cell_link(&t, arena_printf(&r->arena, "%s?version=%d",
			    pl_href(r, v->series.name), x->version),
			    arena_printf(&r->arena, "Version %d", x->version));
		ui_cell_begin(&t);
		html_date(&p->h, x->revised_on);
		ui_cell_end(&t);
		ui_cell(&t, x->source);
		ui_cell_int(&t, x->nyears);
		ui_cell(&t, x->created_by);
		ui_cell(&t, x->note);
	}
	ui_table_end(&t);
}

void
page_pl_view(struct http_req *r)
{
	static const char *const allowed[] = { "version", "basis", "beloeb",
	    "fra", "til", "besked", NULL };
	struct pl_series_view	 v;
	struct page		 p;
	struct html		*h = &p.h;
	struct err		 e;
	const char		*flash, *q;
	int			 version, base;

	err_clear(&e);
	version = query_int(r, "version", 1000000);
	base = query_int(r, "basis", PL_YEAR_MAX);
	if (http_query_check(r, allowed, &e) != 0 || version < 0 || base < 0) {
		if (e.code == 0)
			err_set(&e, ERR_INVALID, "invalid_query", NULL,
			    "Version og basisår skal være hele tal");
		page_error(r, 400, &e);
		return;
	}
	if (pl_show(&r->svc, r->params[0], version, base, &v, &e) != 0) {
		page_error(r, http_status_of_err(e.code), &e);
		return;
	}
	page_begin_crumbs(&p, r, v.series.title, "oekonomi", crumbs, 2);
	flash = http_query(r, "besked");
	if (flash != NULL && strcmp(flash, "indlaest") == 0)
		ui_alert(h, UI_SUCCESS, NULL, arena_printf(&r->arena, "Version "
		    "%d er gemt og er nu den gældende.", v.series.version));
	ui_facts_begin(h);
	ui_fact_begin(h, "Version");
	html_text(h, arena_printf(&r->arena, "%d af %d ", v.version.version,
	    v.series.version));
	ui_badge(h, v.current ? UI_SUCCESS : UI_NEUTRAL, v.current ?
	    "Gældende" : "Tidligere version");
	ui_fact_end(h);
	ui_fact_date(h, "Revideret", v.version.revised_on);
	ui_fact(h, "Kilde", v.version.source);
	ui_fact(h, "Nøgle", v.series.name);
	if (*v.version.note != '\0')
		ui_fact(h, "Note", v.version.note);
	ui_facts_end(h);
	if (!v.current)
		ui_alert(h, UI_INFO, NULL, "Du ser en tidligere version. "
		    "Analyser, der bruger den, beholder dens tal.");
	restate_form(&p, &v);
	values_table(&p, &v);
	q = v.current ? "" : arena_printf(&r->arena, "&version=%d",
	    v.version.version);
	HTML_LIT(h, "<p>Hent tallene: <a");
	html_url(h, "href", arena_printf(&r->arena, "%s/eksport?format=csv%s",
	    pl_href(r, v.series.name), q));
	HTML_LIT(h, ">CSV</a> · <a");
	html_url(h, "href", arena_printf(&r->arena, "%s/eksport?format=xlsx%s",
	    pl_href(r, v.series.name), q));
	HTML_LIT(h, ">Excel</a></p>");
	index_chart(&p, &v);
	versions_table(&p, &v);
	page_end(&p, 200);
}

/* ---- downloads ----------------------------------------------------------- */

void
page_pl_export(struct http_req *r)
{
	static const char *const allowed[] = { "format", "version", NULL };
	struct err	 e;
	struct buf	 b;
	const char	*fmt;
	char		 path[] = "/tmp/ramme-pl-XXXXXX", *data = NULL;
	FILE		*f;
	long		 sz;
	size_t		 len = 0;
	int		 fd, rc, version;
	bool		 xlsx;

	err_clear(&e);
	fmt = http_query(r, "format");
	version = query_int(r, "version", 1000000);
	if (http_query_check(r, allowed, &e) != 0 || fmt == NULL ||
	    (strcmp(fmt, "csv") != 0 && strcmp(fmt, "xlsx") != 0) ||
	    version < 0) {
		if (e.code == 0)
			err_set(&e, ERR_INVALID, "invalid_format", "format",
			    "Vælg format: csv eller xlsx");
		http_send_error(r, &e);
		return;
	}
	xlsx = strcmp(fmt, "xlsx") == 0;
	buf_init(&b);
	if (xlsx) {
		if ((fd = mkstemp(path)) < 0) {
			err_set(&e, ERR_IO, "tempfile", NULL,
			    "Kunne ikke danne filen");
			http_send_error(r, &e);
			return;
		}
		close(fd);
		rc = pl_export(&r->svc, r->params[0], version, PL_XLSX, NULL,
		    path, &e);
		if (rc == 0 && (f = fopen(path, "rb")) != NULL) {
			fseek(f, 0, SEEK_END);
			sz = ftell(f);
			fseek(f, 0, SEEK_SET);
			data = arena_alloc(&r->arena, sz > 0 ? (size_t)sz : 1);
			len = sz > 0 ? fread(data, 1, (size_t)sz, f) : 0;
			fclose(f);
		} else if (rc == 0)
			rc = err_set(&e, ERR_IO, "tempfile", NULL,
			    "Kunne ikke læse filen");
		unlink(path);
	} else {
		rc = pl_export(&r->svc, r->params[0], version, PL_CSV, &b, NULL,
		    &e);
		len = b.len;
		data = arena_strndup(&r->arena, buf_str(&b), b.len);
	}
	buf_cleanup(&b);
	if (rc != 0) {
		http_send_error(r, &e);
		return;
	}
	http_set_header(r, "Content-Disposition", arena_printf(&r->arena,
	    "attachment; filename=\"%s.%s\"", r->params[0], fmt));
	http_send(r, 200, xlsx ? "application/vnd.openxmlformats-"
	    "officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
	    data, len);
}

/* ---- import -------------------------------------------------------------- */

static void
import_form(struct page *p, const struct ui_errors *errs)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;

	HTML_LIT(h, "<p>Indlæs en eller flere PL-serier fra CSV eller Excel "
	    "med kolonnerne <code lang=\"en\">series</code>, "
	    "<code lang=\"en\">year</code>, <code lang=\"en\">pct_change"
	    "</code>, <code lang=\"en\">source</code> og <code lang=\"en\">"
	    "note</code> (som i de filer, serierne kan hentes som). Hver serie "
	    "i filen får "
	    "en ny version; de tidligere versioner bevares. Filen kontrolleres "
	    "først, og du bekræfter, før noget gemmes.</p>"
	    "<form method=\"post\" action=\"/oekonomi/pl/import\" "
	    "enctype=\"multipart/form-data\">");
	page_csrf(p);
	ui_field(h, &(struct ui_field){ .name = "file", .label = "Fil",
	    .hint = "CSV (semikolon eller komma) eller Excel (.xlsx)",
	    .type = UI_FILE, .accept = ".csv,.xlsx,text/csv", .required = true },
	    errs);
	ui_field(h, &(struct ui_field){ .name = "revised_on",
	    .label = "Revisionsdato", .hint = "Hvornår tallene er revideret "
	    "(tom: i dag)", .type = UI_DATE, .value = http_form(r,
	    "revised_on"), .width = "s" }, errs);
	ui_field(h, &(struct ui_field){ .name = "title", .label = "Titel",
	    .hint = "Kun for en ny serie, fx »KL's pris- og lønskøn«",
	    .value = http_form(r, "title"), .maxlength = PL_TITLE_MAX }, errs);
	ui_field(h, &(struct ui_field){ .name = "note", .label = "Note til "
	    "versionen", .value = http_form(r, "note"), .type = UI_TEXTAREA,
	    .rows = 2, .maxlength = PL_TEXT_MAX }, errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Kontrollér filen", NULL, NULL);
	ui_button_link(h, UI_TERTIARY, "/oekonomi/pl", "Fortryd");
	HTML_LIT(h, "</div></form>");
}

void
page_pl_import_form(struct http_req *r)
{
	struct page p;

	page_begin_crumbs(&p, r, "Indlæs PL-serie", "oekonomi", crumbs, 2);
	import_form(&p, NULL);
	page_end(&p, 200);
}

static void
import_errors(struct page *p, const struct pl_import_report *rep)
{
	static const struct ui_col cols[] = {
		{ "Række", UI_COL_NUM }, { "Felt", 0 }, { "Fejl", 0 },
	};
	struct ui_table	t;
	int		i;

	HTML_LIT(&p->h, "<h2>Fejl i filen</h2>");
	ui_table_begin(&t, &p->h, NULL, cols, 3);
	for (i = 0; i < rep->nerrors; i++) {
		ui_row(&t);
		if (rep->errors[i].line > 0)
			ui_cell_int(&t, rep->errors[i].line);
		else
			ui_cell(&t, "");
		ui_cell(&t, rep->errors[i].field);
		ui_cell(&t, rep->errors[i].msg);
	}
	ui_table_end(&t);
}

static void
hidden(struct html *h, const char *name, const char *value)
{
	HTML_LIT(h, "<input type=\"hidden\"");
	html_attr(h, "name", name);
	html_attr(h, "value", value != NULL ? value : "");
	HTML_LIT(h, ">");
}

/* The checked file and the confirmation that stores it. */
static void
import_confirm(struct page *p, const struct pl_import_report *rep,
    const char *data64, bool xlsx, const struct pl_import_opts *o)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;
	size_t		 i;
	bool		 any = false;

	HTML_LIT(h, "<h2>Bekræft</h2><p>Filen er kontrolleret uden fejl. "
	    "Når du gemmer, sker dette:</p><ul>");
	for (i = 0; i < rep->nseries; i++) {
		const struct pl_import_series *s = &rep->series[i];

		HTML_LIT(h, "<li>");
		html_text(h, s->unchanged ? arena_printf(&r->arena, "%s: uændret "
		    "(version %d har de samme %d år)", s->name, s->version,
		    s->nyears) : s->created ? arena_printf(&r->arena, "%s: ny "
		    "serie med version 1 (%d år)", s->name, s->nyears) :
		    arena_printf(&r->arena, "%s: ny version %d (%d år); version "
		    "%d bevares", s->name, s->version, s->nyears,
		    s->version - 1));
		HTML_LIT(h, "</li>");
		any = any || !s->unchanged;
	}
	HTML_LIT(h, "</ul>");
	if (!any) {
		ui_alert(h, UI_INFO, NULL, "Filen ændrer ingen serier.");
		HTML_LIT(h, "<p><a href=\"/oekonomi/pl\">Til PL-serierne</a></p>");
		return;
	}
	HTML_LIT(h, "<form method=\"post\" action=\"/oekonomi/pl/import\">");
	page_csrf(p);
	hidden(h, "data", data64);
	hidden(h, "format", xlsx ? "xlsx" : "csv");
	hidden(h, "revised_on", o->revised_on);
	hidden(h, "title", o->title);
	hidden(h, "note", o->note);
	hidden(h, "confirm", "1");
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Gem ny version", NULL, NULL);
	ui_button_link(h, UI_TERTIARY, "/oekonomi/pl", "Fortryd");
	HTML_LIT(h, "</div></form>");
}

void
page_pl_import_post(struct http_req *r)
{
	struct pl_import_report	 rep;
	struct pl_import_opts	 o;
	const struct http_field	*file;
	struct ui_errors	 errs;
	struct page		 p;
	struct err		 e;
	const char		*data = NULL, *data64 = NULL, *fmt;
	unsigned char		*bin = NULL;
	char			*enc;
	size_t			 len = 0, n64;
	bool			 confirm, xlsx = false;
	int			 rc;

	err_clear(&e);
	memset(&rep, 0, sizeof(rep));
	memset(&o, 0, sizeof(o));
	ui_errors_init(&errs);
	confirm = ui_confirmed(r);
	o.revised_on = http_form_text(r, "revised_on");
	o.title = http_form_text(r, "title");
	o.note = http_form_text(r, "note");
	o.dry_run = !confirm;
	if (http_form_error(r, &e) != 0)
		rc = e.code;
	else if (confirm) {
		data64 = http_form(r, "data");
		fmt = http_form(r, "format");
		xlsx = fmt != NULL && strcmp(fmt, "xlsx") == 0;
		n64 = data64 != NULL ? strlen(data64) : 0;
		bin = arena_alloc(&r->arena, n64 + 1);
		if (n64 == 0 || n64 > 2 * IMPORT_MAX ||
		    sodium_base642bin(bin, n64 + 1, data64, n64, NULL, &len,
		    NULL, sodium_base64_VARIANT_ORIGINAL) != 0)
			rc = err_set(&e, ERR_INVALID, "invalid_data", "file",
			    "Filen kunne ikke læses igen; vælg den på ny");
		else {
			data = (const char *)bin;
			rc = 0;
		}
	} else if ((file = http_form_file(r, "file")) == NULL ||
	    file->len == 0)
		rc = err_set(&e, ERR_INVALID, "missing_file", "file",
		    "Vælg en CSV- eller Excel-fil");
	else if (file->len > IMPORT_MAX)
		rc = err_set(&e, ERR_TOO_LARGE, "too_large", "file",
		    "Filen er for stor (højst 512 KiB)");
	else {
		data = file->value;
		len = file->len;
		xlsx = len >= 2 && data[0] == 'P' && data[1] == 'K';
		n64 = sodium_base64_encoded_len(len,
		    sodium_base64_VARIANT_ORIGINAL);
		enc = arena_alloc(&r->arena, n64);
		sodium_bin2base64(enc, n64, (const unsigned char *)data, len,
		    sodium_base64_VARIANT_ORIGINAL);
		data64 = enc;
		rc = 0;
	}
	if (rc == 0)
		rc = pl_import(&r->svc, data, len, xlsx ? PL_XLSX : PL_CSV, &o,
		    &rep, &e);
	if (rc == 0 && confirm) {
		http_redirect(r, rep.nseries == 1 ? arena_printf(&r->arena,
		    "%s?besked=indlaest", pl_href(r, rep.series[0].name)) :
		    "/oekonomi/pl?besked=indlaest");
		return;
	}
	page_begin_crumbs(&p, r, "Indlæs PL-serie", "oekonomi", crumbs, 2);
	if (rc != 0) {
		ui_alert(&p.h, UI_ERROR, "Intet er gemt", rep.nerrors > 1 ?
		    arena_printf(&r->arena, "Filen har fejl i %d rækker. Ret "
		    "dem, og indlæs filen igen.", rep.nerrors) : e.msg);
		if (rep.nerrors > 0)
			import_errors(&p, &rep);
		else if (strcmp(e.field, "file") == 0 ||
		    strcmp(e.field, "revised_on") == 0 ||
		    strcmp(e.field, "title") == 0 ||
		    strcmp(e.field, "note") == 0)
			ui_errors_add_err(&errs, r, &e);
		import_form(&p, &errs);
		page_end(&p, http_status_of_err(rc));
		return;
	}
	import_confirm(&p, &rep, data64, xlsx, &o);
	page_end(&p, 200);
}
