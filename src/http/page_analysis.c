/*
 * page_analysis — Takstanalyser: the list of tariff analyses and the
 * secretariat's new analysis; one analysis as a report with charts
 * (real change per operator, the mean tariff per place over the years in
 * fixed prices) and tables by operator, paragraph and target group, the
 * panel and the lines outside it; its data hearing (send with a
 * deadline, comments from operators and municipalities, finalise), and
 * the downloads (XLSX, PDF with a politicians' excerpt) and "Sæt på
 * dagsorden" (page_analysis_out.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/panel.h"
#include "core/pl.h"
#include "core/role.h"
#include "core/tariff.h"
#include "http/analysis_http.h"
#include "http/chart.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/tariff_http.h"
#include "http/ui.h"
#include "report/analysis_report.h"
#include "report/chart.h"
#include "service/analysis.h"
#include "service/pl.h"
#include "util/text.h"

#define idpath(r, fmt, id)	arena_printf(&(r)->arena, fmt, (long long)(id))

static const struct page_crumb list_crumb[] = {
	{ "/oekonomi", "Økonomi" },
	{ "/oekonomi/analyser", "Takstanalyser" },
};

static const char *
flash(const char *key)
{
	if (key == NULL)
		return NULL;
	if (strcmp(key, "oprettet") == 0)
		return "Analysen er oprettet som kladde. Panelet følger de "
		    "offentliggjorte takster, indtil analysen sendes i høring.";
	if (strcmp(key, "hoering") == 0)
		return "Analysen er sendt i høring; panelet er gemt, som det "
		    "er nu.";
	if (strcmp(key, "kommentar") == 0)
		return "Tak, din kommentar er gemt.";
	if (strcmp(key, "endelig") == 0)
		return "Analysen er endelig og offentlig.";
	if (strcmp(key, "dagsorden") == 0)
		return "Rapporten er sat på dagsordenen som bilag.";
	return NULL;
}

static const char *
posted(struct http_req *r, const char *name, const char *def)
{
	const char *v = strcmp(r->method, "POST") == 0 ?
	    http_form(r, name) : NULL;

	return v != NULL ? v : def;
}

void
analysis_http_badge(struct html *h, const char *state)
{
	ui_badge(h, strcmp(state, "final") == 0 ? UI_SUCCESS :
	    strcmp(state, "hearing") == 0 ? UI_WARNING : UI_NEUTRAL,
	    analysis_state_label(state));
}

const char *
analysis_http_pct(struct http_req *r, int64_t e2)
{
	char b[PANEL_PCT_SIZE];

	panel_pct_da(e2, b);
	return arena_strdup(&r->arena, b);
}

const char *
analysis_http_kr(struct http_req *r, int64_t ore)
{
	char b[TEXT_KR_SIZE];

	if (ore == PANEL_NO_VALUE)
		return "–";
	text_format_ore_da(b, ore);
	return arena_strdup(&r->arena, b);
}

/* "1,5" from e4 (ten-thousandths of a percent); NULL for -1. */
static const char *
e4_str(struct http_req *r, int64_t e4)
{
	char b[32], *c;

	if (e4 < 0 || pl_pct_str(e4, b, sizeof(b)) != 0)
		return NULL;
	if ((c = strchr(b, '.')) != NULL)
		*c = ',';
	return arena_strdup(&r->arena, b);
}

/* ---- the list and the new analysis ------------------------------------ */

static void
new_form(struct page *p, const struct ui_errors *errs)
{
	static const struct ui_option units[] = {
		{ "day", "Døgn- eller dagtakst" }, { "month", "Månedstakst" },
		{ "hour", "Timetakst" }, { "year", "Årstakst" },
	};
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	struct pl_series_row	*series;
	struct err		 e;
	int			*years;
	size_t			 ns = 0, ny = 0, i, k;
	const char		*def_from = NULL, *def_to = NULL;
	int			 last, from = 0, to = 0;
	struct ui_select	 s;

	err_clear(&e);
	if (analysis_form_options(&r->svc, &series, &ns, &years, &ny, &e) != 0)
		ny = 0;
	/* The newest two years of tariffs the first series covers. */
	last = ns > 0 ? series[0].last_year : 0;
	for (i = 0; i < ny; i++)
		for (k = 0; k < ny; k++)
			if (years[k] < years[i] && years[i] <= last &&
			    (to == 0 || years[i] > to || (years[i] == to &&
			    years[k] > from))) {
				to = years[i];
				from = years[k];
			}
	if (to > 0) {
		def_from = arena_printf(&r->arena, "%d", from);
		def_to = arena_printf(&r->arena, "%d", to);
	}
	HTML_LIT(h, "<h2>Ny takstanalyse</h2><p>Analysen sammenligner de "
	    "offentliggjorte takster i to år i faste priser: tilbud og "
	    "ydelser, der findes i begge år med samme enhed, niveau og "
	    "pladser. Nye, lukkede og ændrede ydelser vises for sig.</p>");
	ui_error_summary(h, errs);
	HTML_LIT(h, "<form method=\"post\" action=\"/oekonomi/analyser\">");
	page_csrf(p);
	ui_field(h, &(struct ui_field){ .name = "title", .label = "Titel",
	    .maxlength = ANALYSIS_TITLE_MAX, .required = true,
	    .value = posted(r, "title", "Takstanalyse") }, errs);
	ui_field(h, &(struct ui_field){ .name = "from_year", .label = "Fra år",
	    .hint = "Året der sammenlignes med (omregnes til faste priser)",
	    .type = UI_NUMBER, .inputmode = "numeric", .maxlength = 4,
	    .width = "xs", .required = true,
	    .value = posted(r, "from_year", def_from) }, errs);
	ui_field(h, &(struct ui_field){ .name = "to_year", .label = "Til år",
	    .type = UI_NUMBER, .inputmode = "numeric", .maxlength = 4,
	    .width = "xs", .required = true,
	    .value = posted(r, "to_year", def_to) }, errs);
	ui_field(h, &(struct ui_field){ .name = "price_year", .label =
	    "Prisår", .hint = "Beløb i faste priser vises i dette års priser "
	    "(et år i pris- og lønindekset). Tomt: til-året",
	    .type = UI_NUMBER, .inputmode = "numeric", .maxlength = 4,
	    .width = "xs", .value = posted(r, "price_year", "") }, errs);
	memset(&s, 0, sizeof(s));
	s.name = "series";
	s.label = "Pris- og lønindeks";
	s.hint = "Serien og dens nuværende version gemmes på analysen";
	s.selected = posted(r, "series", NULL);
	s.required = true;
	ui_select_begin(h, &s, errs);
	for (i = 0; i < ns; i++)
		ui_option(h, series[i].name, arena_printf(&r->arena,
		    "%s (version %d)", series[i].title, series[i].version),
		    s.selected);
	ui_select_end(h);
	ui_field(h, &(struct ui_field){ .name = "section",
	    .label = "Kun paragraf (SEL §)", .hint = "Fx 107. Tom: alle",
	    .type = UI_NUMBER, .inputmode = "numeric", .maxlength = 5,
	    .width = "xs", .value = posted(r, "section", NULL) }, errs);
	ui_select(h, &(struct ui_select){ .name = "unit",
	    .label = "Kun takstenhed", .first = "Alle",
	    .selected = posted(r, "unit", NULL), .options = units,
	    .noptions = 4 }, errs);
	ui_field(h, &(struct ui_field){ .name = "level", .label = "Kun niveau",
	    .hint = "Som i takstoversigten, fx 2. Tom: alle niveauer",
	    .maxlength = 50, .width = "s", .value = posted(r, "level", NULL) },
	    errs);
	ui_field(h, &(struct ui_field){ .name = "operator",
	    .label = "Kun driftsherre (kode)",
	    .hint = "Kommunekode, regionskode eller CVR. Tom: alle",
	    .maxlength = 8, .width = "s", .value = posted(r, "operator", NULL)
	    }, errs);
	ui_field(h, &(struct ui_field){ .name = "cap_pct",
	    .label = "Loft: PL minus", .hint = "Udgift pr. plads pr. døgn må "
	    "højst stige med pris- og lønudviklingen minus denne procent "
	    "fra fra-året. Tom: intet loft", .type = UI_NUMBER,
	    .suffix = "%", .width = "xs",
	    .value = posted(r, "cap_pct", NULL) }, errs);
	ui_field(h, &(struct ui_field){ .name = "target_pct",
	    .label = "Reduktionsmål", .hint = "Den vægtede reale ændring skal "
	    "være et fald på mindst denne procent. Tom: intet mål",
	    .type = UI_NUMBER, .suffix = "%", .width = "xs",
	    .value = posted(r, "target_pct", NULL) }, errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Opret analyse", NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

static void
list_page(struct http_req *r, const struct ui_errors *errs, int status)
{
	static const struct ui_col cols[] = {
		{ "Titel", 0 }, { "År", 0 }, { "Status", 0 },
		{ "Kommentarer", UI_COL_NUM },
	};
	struct page	 p;
	struct html	*h = &p.h;
	struct analysis	*v;
	struct ui_table	 t;
	struct err	 e;
	size_t		 n = 0, i;

	err_clear(&e);
	if (analysis_list(&r->svc, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin_crumbs(&p, r, "Takstanalyser", "oekonomi", list_crumb, 1);
	HTML_LIT(h, "<p>Udviklingen i de offentliggjorte takster i faste "
	    "priser: den reale ændring pr. tilbud og ydelse, gennemsnit pr. "
	    "driftsherre, paragraf og målgruppe, udgift pr. plads pr. døgn, "
	    "og om lofter og mål er overholdt.</p>");
	if (n == 0)
		ui_alert(h, UI_INFO, NULL, "Der er ingen takstanalyser endnu.");
	else {
		ui_table_begin(&t, h, NULL, cols, 4);
		for (i = 0; i < n; i++) {
			ui_row(&t);
			ui_cell_link(&t, idpath(r, "/oekonomi/analyser/%lld",
			    v[i].id), v[i].title);
			ui_cell(&t, arena_printf(&r->arena, "%d–%d",
			    v[i].from_year, v[i].to_year));
			ui_cell_begin(&t);
			analysis_http_badge(h, v[i].state);
			ui_cell_end(&t);
			ui_cell_int(&t, v[i].ncomments);
		}
		ui_table_end(&t);
	}
	if (r->who.role == ROLE_ADMIN)
		new_form(&p, errs);
	page_end(&p, status);
}

void
page_analyses(struct http_req *r)
{
	list_page(r, NULL, 200);
}

/* An optional percentage field into e4 (-1 when empty). */
static int
form_e4(struct http_req *r, const char *name, int64_t *out, struct err *e)
{
	const char *v = http_form_text(r, name);

	*out = -1;
	if (v == NULL || *v == '\0')
		return 0;
	if (pl_pct_parse(v, out) != 0 || *out < 0)
		return err_set(e, ERR_INVALID, "invalid_number", name,
		    "Angiv en procent mellem 0 og 100 med højst fire decimaler");
	return 0;
}

static int
form_year(struct http_req *r, const char *name, int *out, struct err *e)
{
	const char	*s = http_form_text(r, name);
	int64_t		 y;

	if (s == NULL || text_parse_i64(s, &y) != 0 || y < 1 || y > 9999)
		return err_set(e, ERR_INVALID, "invalid_year", name,
		    "Angiv året med fire cifre");
	*out = (int)y;
	return 0;
}

/* The optional price year: empty is 0 (the to-year). */
static int
form_price_year(struct http_req *r, int *out, struct err *e)
{
	const char *s = http_form_text(r, "price_year");

	*out = 0;
	if (s == NULL || *s == '\0')
		return 0;
	return form_year(r, "price_year", out, e);
}

void
page_analyses_create(struct http_req *r)
{
	struct analysis_input	 in;
	struct ui_errors	 errs;
	struct err		 e;
	const char		*s;
	int64_t			 id;
	int			 rc;

	err_clear(&e);
	memset(&in, 0, sizeof(in));
	if ((rc = http_form_error(r, &e)) == 0 &&
	    (rc = form_year(r, "from_year", &in.from_year, &e)) == 0 &&
	    (rc = form_year(r, "to_year", &in.to_year, &e)) == 0 &&
	    (rc = form_price_year(r, &in.price_year, &e)) == 0 &&
	    (rc = form_e4(r, "cap_pct", &in.cap_minus_e4, &e)) == 0 &&
	    (rc = form_e4(r, "target_pct", &in.target_e4, &e)) == 0) {
		s = http_form_text(r, "section");
		if (s != NULL && *s != '\0' &&
		    (text_parse_i64(s, &in.f_section) != 0 ||
		    in.f_section < 1))
			rc = err_set(&e, ERR_INVALID, "invalid_section",
			    "section", "Angiv paragraffen som et tal, fx 107");
	}
	if (rc == 0) {
		in.title = http_form_text(r, "title");
		in.series_name = http_form_text(r, "series");
		in.f_unit = http_form_text(r, "unit");
		in.f_operator = http_form_text(r, "operator");
		in.f_level = http_form_text(r, "level");
		if (in.f_level != NULL && *in.f_level == '\0')
			in.f_level = NULL;
		if (in.f_operator != NULL && *in.f_operator == '\0')
			in.f_operator = NULL;
		rc = analysis_create(&r->svc, &in, &id, &e);
	}
	if (rc == 0) {
		http_redirect(r, idpath(r, "/oekonomi/analyser/%lld?besked="
		    "oprettet", id));
		return;
	}
	if (e.code == ERR_FORBIDDEN) {
		http_send_error(r, &e);
		return;
	}
	ui_errors_init(&errs);
	ui_errors_add_err(&errs, r, &e);
	list_page(r, &errs, http_status_of_err(e.code));
}

/* ---- one analysis ------------------------------------------------------ */

static void
facts(struct http_req *r, struct html *h, const struct analysis_view *v)
{
	const struct analysis	*a = &v->a;
	const char		*cap = e4_str(r, a->cap_minus_e4);
	const char		*tgt = e4_str(r, a->target_e4);
	char			*factor = arena_strdup(&r->arena, v->factor);
	char			*c;

	if ((c = strchr(factor, '.')) != NULL)
		*c = ',';

	ui_facts_begin(h);
	ui_fact_begin(h, "Status");
	analysis_http_badge(h, a->state);
	ui_fact_end(h);
	ui_fact(h, "Sammenligning", arena_printf(&r->arena, "%d mod %d",
	    a->from_year, a->to_year));
	ui_fact(h, "Prisår", arena_printf(&r->arena, "%d%s", a->price_year,
	    a->price_year == a->to_year ? " (til-året)" :
	    ": beløb i faste priser er i dette års priser"));
	ui_fact(h, "Pris- og lønindeks", arena_printf(&r->arena,
	    "%s, version %lld: faktor %s", pl_known_title(a->series_name) ?
	    pl_known_title(a->series_name) : a->series_name,
	    (long long)a->series_version, factor));
	ui_fact(h, "Udvalg", arena_printf(&r->arena, "%s%s%s%s%s%s",
	    a->f_section > 0 ? arena_printf(&r->arena, "SEL § %lld. ",
	    (long long)a->f_section) : "",
	    a->f_level != NULL ? arena_printf(&r->arena, "Niveau %s. ",
	    a->f_level) : "",
	    *a->f_unit ? tariff_unit_label(analysis_http_unit(a->f_unit)) : "",
	    *a->f_unit ? ". " : "",
	    a->f_operator_name != NULL ? a->f_operator_name : "",
	    a->f_section == 0 && !*a->f_unit && a->f_operator == NULL &&
	    a->f_level == NULL ?
	    "Alle offentliggjorte takster" : ""));
	ui_fact(h, "Loft", cap != NULL ? arena_printf(&r->arena, "Udgift pr. "
	    "plads pr. døgn højst %d-niveau × PL minus %s %%", a->from_year,
	    cap) : "Intet loft");
	ui_fact(h, "Reduktionsmål", tgt != NULL ? arena_printf(&r->arena,
	    "Realt fald på mindst %s %%", tgt) : "Intet mål");
	if (a->deadline != NULL)
		ui_fact_date(h, "Høringsfrist", a->deadline);
	ui_fact_begin(h, "Oprettet");
	html_time(h, a->created_at);
	ui_fact_end(h);
	if (a->finalised_at != NULL) {
		ui_fact_begin(h, "Endelig");
		html_time(h, a->finalised_at);
		ui_fact_end(h);
	}
	ui_facts_end(h);
}

static void
summary(struct http_req *r, struct html *h, const struct analysis_view *v)
{
	const struct panel_group *g = &v->total;

	HTML_LIT(h, "<h2>Resultat</h2>");
	ui_facts_begin(h);
	ui_fact(h, "Ydelser i panelet", ui_int_da(r, (int64_t)g->n));
	ui_fact(h, "Gennemsnitlig real ændring (uvægtet)",
	    analysis_http_pct(r, g->unweighted_e2));
	ui_fact(h, "Real ændring vægtet med udgiften",
	    analysis_http_pct(r, g->weighted_e2));
	ui_fact(h, arena_printf(&r->arena, "Udgift %d i %d-priser",
	    v->a.from_year, v->a.price_year), analysis_http_kr(r,
	    g->exp_from_fixed_ore));
	if (v->a.price_year == v->a.to_year)
		ui_fact(h, arena_printf(&r->arena, "Udgift %d", v->a.to_year),
		    analysis_http_kr(r, g->exp_to_ore));
	else
		ui_fact(h, arena_printf(&r->arena, "Udgift %d i %d-priser",
		    v->a.to_year, v->a.price_year), analysis_http_kr(r,
		    g->exp_to_fixed_ore));
	if (v->a.cap_minus_e4 >= 0)
		ui_fact(h, "Overholder loftet", arena_printf(&r->arena,
		    "%zu af %zu ydelser med takstgrundlag", g->cap_met_n,
		    g->cap_n));
	if (v->a.target_e4 >= 0)
		ui_fact(h, "Reduktionsmålet", g->target_met == 1 ? "Nået" :
		    "Ikke nået");
	ui_facts_end(h);
}

static void
charts(struct http_req *r, struct html *h, const struct analysis_view *v)
{
	struct analysis_charts	c;
	struct err		e;

	analysis_report_charts(&r->arena, v, &c);
	err_clear(&e);
	if (c.bars.nlabels > 0)
		(void)chart_html(h, &c.bars, "real-change", &e);
	if (c.lines.nlabels > 0)
		(void)chart_html(h, &c.lines, "mean-tariff", &e);
}

static void
groups_table(struct http_req *r, struct html *h, const char *heading,
    const char *head, const struct analysis_view *v,
    const struct panel_group *g, size_t n)
{
	struct ui_col cols[] = {
		{ head, 0 }, { "Ydelser", UI_COL_NUM },
		{ "Uvægtet", UI_COL_NUM }, { "Vægtet", UI_COL_NUM },
		{ "Loft overholdt", UI_COL_NUM }, { "Mål", 0 },
	};
	struct ui_table	t;
	size_t		i;
	int		nc = 4;

	if (v->a.cap_minus_e4 >= 0)
		nc = 5;
	if (v->a.target_e4 >= 0) {
		if (nc == 4)
			cols[4] = cols[5];
		nc++;
	}
	HTML_LIT(h, "<h3>");
	html_text(h, heading);
	HTML_LIT(h, "</h3>");
	ui_table_begin(&t, h, NULL, cols, nc);
	for (i = 0; i < n; i++) {
		ui_row(&t);
		ui_cell(&t, g[i].label);
		ui_cell_int(&t, (int64_t)g[i].n);
		ui_cell(&t, analysis_http_pct(r, g[i].unweighted_e2));
		ui_cell(&t, analysis_http_pct(r, g[i].weighted_e2));
		if (v->a.cap_minus_e4 >= 0)
			ui_cell(&t, arena_printf(&r->arena, "%zu af %zu",
			    g[i].cap_met_n, g[i].cap_n));
		if (v->a.target_e4 >= 0)
			ui_cell(&t, g[i].target_met == 1 ? "Nået" :
			    "Ikke nået");
	}
	ui_table_end(&t);
}

static void
panel_table(struct http_req *r, struct html *h, const struct analysis_view *v)
{
	struct ui_col cols[] = {
		{ "Tilbud", 0 }, { "Ydelse", 0 }, { "Pladser", UI_COL_NUM },
		{ NULL, UI_COL_NUM }, { NULL, UI_COL_NUM }, { NULL, UI_COL_NUM },
		{ "Real ændring", UI_COL_NUM },
		{ "Udgift pr. plads pr. døgn", UI_COL_NUM },
	};
	struct ui_table	t;
	size_t		i, shown = 0;

	cols[3].head = arena_printf(&r->arena, "Takst %d", v->a.from_year);
	cols[4].head = arena_printf(&r->arena, "%d i %d-priser",
	    v->a.from_year, v->a.price_year);
	cols[5].head = v->a.price_year == v->a.to_year ?
	    arena_printf(&r->arena, "Takst %d", v->a.to_year) :
	    arena_printf(&r->arena, "%d i %d-priser", v->a.to_year,
	    v->a.price_year);
	HTML_LIT(h, "<h2>Panelet</h2>");
	ui_table_begin(&t, h, NULL, cols, 8);
	for (i = 0; i < v->nlines && shown < ANALYSIS_HTTP_ROWS_MAX; i++) {
		const struct panel_line *l = &v->lines[i];
		if (l->kind != PANEL_IN)
			continue;
		shown++;
		ui_row(&t);
		ui_cell_link(&t, idpath(r, "/tilbud/%lld", l->to->offer_id),
		    l->to->offer_name);
		ui_cell(&t, analysis_http_line_label(r, l->to));
		ui_cell_begin(&t);
		html_centi(h, l->to->places_centi);
		ui_cell_end(&t);
		ui_cell(&t, analysis_http_kr(r, l->from->tariff_ore));
		ui_cell(&t, analysis_http_kr(r, l->from_fixed_ore));
		ui_cell(&t, analysis_http_kr(r, l->to_fixed_ore));
		ui_cell(&t, analysis_http_pct(r, l->real_change_e2));
		ui_cell(&t, l->cpd_to_ore == PANEL_NO_VALUE ? "–" :
		    arena_printf(&r->arena, "%s → %s%s",
		    analysis_http_kr(r, l->cpd_from_fixed_ore),
		    analysis_http_kr(r, l->cpd_to_ore),
		    l->cap_met == 1 ? " (inden for loftet)" :
		    l->cap_met == 0 ? " (over loftet)" : ""));
	}
	ui_table_end(&t);
	if (shown < v->counts[PANEL_IN])
		ui_alert(h, UI_INFO, NULL, arena_printf(&r->arena, "Siden viser "
		    "de første %d ydelser; alle %zu står i Excel-filen.",
		    ANALYSIS_HTTP_ROWS_MAX, v->counts[PANEL_IN]));
}

static void
apart_table(struct http_req *r, struct html *h, const struct analysis_view *v)
{
	static const struct ui_col cols[] = {
		{ "Tilbud", 0 }, { "Ydelse", 0 }, { "Hvorfor", 0 },
		{ "Pladser før", UI_COL_NUM }, { "Pladser nu", UI_COL_NUM },
	};
	struct ui_table	t;
	size_t		i, shown = 0, apart = v->nlines - v->counts[PANEL_IN];

	HTML_LIT(h, "<h2>Uden for panelet</h2>");
	if (apart == 0) {
		HTML_LIT(h, "<p>Alle ydelser findes i begge år med samme enhed, "
		    "niveau og pladser.</p>");
		return;
	}
	HTML_LIT(h, "<p>Nye og lukkede tilbud og ydelser, og ydelser hvis "
	    "enhed, niveau eller pladser er ændret, indgår ikke i "
	    "gennemsnittene.</p>");
	ui_table_begin(&t, h, NULL, cols, 5);
	for (i = 0; i < v->nlines && shown < ANALYSIS_HTTP_ROWS_MAX; i++) {
		const struct panel_line *l = &v->lines[i];
		const struct panel_row *any = l->to != NULL ? l->to : l->from;
		if (l->kind == PANEL_IN)
			continue;
		shown++;
		ui_row(&t);
		ui_cell_link(&t, idpath(r, "/tilbud/%lld", any->offer_id),
		    any->offer_name);
		ui_cell(&t, analysis_http_line_label(r, any));
		ui_cell(&t, panel_kind_label(l->kind));
		ui_cell_begin(&t);
		if (l->from != NULL)
			html_centi(h, l->from->places_centi);
		ui_cell_end(&t);
		ui_cell_begin(&t);
		if (l->to != NULL)
			html_centi(h, l->to->places_centi);
		ui_cell_end(&t);
	}
	ui_table_end(&t);
}

static void
comments(struct page *p, const struct analysis_view *v,
    const struct ui_errors *errs)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;
	struct ui_select s;
	size_t		 i;

	HTML_LIT(h, "<h2>Høring</h2>");
	if (strcmp(v->a.state, "draft") == 0)
		HTML_LIT(h, "<p>Analysen er ikke sendt i høring endnu.</p>");
	else if (v->ncomments == 0)
		HTML_LIT(h, "<p>Der er ingen kommentarer.</p>");
	for (i = 0; i < v->ncomments; i++) {
		const struct analysis_comment *c = &v->comments[i];
		HTML_LIT(h, "<article class=\"analysis-comment\"><h3>");
		html_text(h, c->org_name != NULL ? c->org_name : c->author_name);
		if (c->offer_name != NULL) {
			HTML_LIT(h, " om ");
			html_text(h, c->offer_name);
		}
		HTML_LIT(h, "</h3><p class=\"form-hint\">");
		html_text(h, c->author_name);
		HTML_LIT(h, ", ");
		html_time(h, c->created_at);
		HTML_LIT(h, "</p><p>");
		html_text(h, c->body);
		HTML_LIT(h, "</p></article>");
	}
	if (!v->may_comment)
		return;
	HTML_LIT(h, "<h3>Skriv en kommentar</h3>");
	HTML_LIT(h, "<form method=\"post\"");
	html_url(h, "action", idpath(r, "/oekonomi/analyser/%lld/kommentar",
	    v->a.id));
	HTML_LIT(h, ">");
	page_csrf(p);
	memset(&s, 0, sizeof(s));
	s.name = "offer";
	s.label = "Om";
	s.first = "Analysen generelt";
	s.selected = posted(r, "offer", NULL);
	ui_select_begin(h, &s, errs);
	for (i = 0; i < v->nlines; i++) {
		const struct panel_row *a = v->lines[i].to != NULL ?
		    v->lines[i].to : v->lines[i].from;
		if (r->who.org_code == NULL ||
		    strcmp(a->operator_code, r->who.org_code) != 0 ||
		    (i > 0 && (v->lines[i - 1].to != NULL ? v->lines[i - 1].to :
		    v->lines[i - 1].from)->offer_id == a->offer_id))
			continue;
		ui_option(h, arena_printf(&r->arena, "%lld",
		    (long long)a->offer_id), a->offer_name, s.selected);
	}
	ui_select_end(h);
	ui_field(h, &(struct ui_field){ .name = "body", .label = "Kommentar",
	    .type = UI_TEXTAREA, .maxlength = ANALYSIS_COMMENT_MAX,
	    .required = true, .value = posted(r, "body", NULL) }, errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Gem kommentar", NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

static void
admin_forms(struct page *p, const struct analysis_view *v,
    const struct ui_errors *errs)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;
	const char	*ver = arena_printf(&r->arena, "%lld",
			    (long long)v->a.version);

	if (strcmp(v->a.state, "draft") == 0) {
		HTML_LIT(h, "<h3>Send i høring</h3><p>Driftsherrer og kommuner "
		    "kan kommentere indtil fristen. Panelet gemmes, som det er "
		    "nu, så senere rettelser af takster ikke ændrer "
		    "analysen.</p>");
		HTML_LIT(h, "<form method=\"post\"");
		html_url(h, "action", idpath(r,
		    "/oekonomi/analyser/%lld/hoering", v->a.id));
		HTML_LIT(h, "><input type=\"hidden\" name=\"version\"");
		html_attr(h, "value", ver);
		HTML_LIT(h, ">");
		page_csrf(p);
		ui_field(h, &(struct ui_field){ .name = "deadline",
		    .label = "Høringsfrist", .type = UI_DATE, .required = true,
		    .value = posted(r, "deadline", NULL) }, errs);
		HTML_LIT(h, "<div class=\"actions\">");
		ui_button(h, UI_PRIMARY, "Send i høring", NULL, NULL);
		HTML_LIT(h, "</div></form>");
	} else if (strcmp(v->a.state, "hearing") == 0) {
		HTML_LIT(h, "<h3>Gør analysen endelig</h3><p>Kommentarerne "
		    "bliver stående på analysen, og den bliver offentlig.</p>"
		    "<form method=\"post\"");
		html_url(h, "action", idpath(r,
		    "/oekonomi/analyser/%lld/endelig", v->a.id));
		HTML_LIT(h, "><input type=\"hidden\" name=\"version\"");
		html_attr(h, "value", ver);
		HTML_LIT(h, ">");
		page_csrf(p);
		HTML_LIT(h, "<div class=\"actions\">");
		ui_button(h, UI_PRIMARY, "Gør endelig", NULL, NULL);
		HTML_LIT(h, "</div></form>");
	}
}

void
analysis_http_page(struct http_req *r, int64_t id, const struct err *fe,
    int status)
{
	struct analysis_view	 v;
	struct ui_errors	 errs;
	struct page		 p;
	struct html		*h = &p.h;
	struct err		 e;
	const char		*msg;

	err_clear(&e);
	if (analysis_get(&r->svc, id, &v, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	ui_errors_init(&errs);
	if (fe != NULL)
		ui_errors_add_err(&errs, r, fe);
	page_begin_crumbs(&p, r, v.a.title, "oekonomi", list_crumb, 2);
	if ((msg = flash(http_query(r, "besked"))) != NULL)
		ui_alert(h, UI_SUCCESS, NULL, msg);
	/* The message of a failed form, once, above everything; the field
	   is marked in its form below. */
	ui_error_summary(h, &errs);
	facts(r, h, &v);
	summary(r, h, &v);
	charts(r, h, &v);
	HTML_LIT(h, "<h2>Fordelt</h2>");
	groups_table(r, h, "Pr. driftsherre", "Driftsherre", &v,
	    v.by_operator, v.nby_operator);
	groups_table(r, h, "Pr. paragraf", "Paragraf", &v, v.by_section,
	    v.nby_section);
	groups_table(r, h, "Pr. målgruppe", "Målgruppe", &v, v.by_target,
	    v.nby_target);
	panel_table(r, h, &v);
	apart_table(r, h, &v);
	comments(&p, &v, &errs);
	analysis_http_outputs(&p, &v, &errs);
	if (v.may_manage)
		admin_forms(&p, &v, &errs);
	page_end(&p, status);
}

void
page_analysis(struct http_req *r)
{
	int64_t id;

	if (tariff_http_path_id(r, &id) == 0)
		analysis_http_page(r, id, NULL, 200);
}

/* The form's version field. */
static int
form_version(struct http_req *r, int64_t *v, struct err *e)
{
	const char *s = http_form_text(r, "version");

	if (s == NULL || text_parse_i64(s, v) != 0 || *v < 1)
		return err_set(e, ERR_INVALID, "invalid_version", NULL,
		    "Siden er forældet; hent den igen");
	return 0;
}

static void
after_post(struct http_req *r, int64_t id, int rc, const struct err *e,
    const char *key)
{
	if (rc == 0) {
		http_redirect(r, arena_printf(&r->arena,
		    "/oekonomi/analyser/%lld?besked=%s", (long long)id, key));
		return;
	}
	if (e->code == ERR_FORBIDDEN || e->code == ERR_NOT_FOUND) {
		http_send_error(r, e);
		return;
	}
	analysis_http_page(r, id, e, http_status_of_err(e->code));
}

void
page_analysis_send(struct http_req *r)
{
	struct err	e;
	int64_t		id, version;
	int		rc;

	if (tariff_http_path_id(r, &id) != 0)
		return;
	err_clear(&e);
	if ((rc = http_form_error(r, &e)) == 0 &&
	    (rc = form_version(r, &version, &e)) == 0)
		rc = analysis_send(&r->svc, id, version,
		    http_form_text(r, "deadline"), &e);
	after_post(r, id, rc, &e, "hoering");
}

void
page_analysis_comment(struct http_req *r)
{
	struct err	 e;
	const char	*s;
	int64_t		 id, offer = 0, cid;
	int		 rc;

	if (tariff_http_path_id(r, &id) != 0)
		return;
	err_clear(&e);
	if ((rc = http_form_error(r, &e)) == 0) {
		s = http_form_text(r, "offer");
		if (s != NULL && *s != '\0' && text_parse_i64(s, &offer) != 0)
			rc = err_set(&e, ERR_INVALID, "analysis_offer", "offer",
			    "Vælg et af tilbuddene");
	}
	if (rc == 0)
		rc = analysis_comment(&r->svc, id, offer,
		    http_form_text(r, "body"), &cid, &e);
	after_post(r, id, rc, &e, "kommentar");
}

void
page_analysis_finalise(struct http_req *r)
{
	static const char *const cons[] = {
		"Analysen bliver offentlig på siden og i API'et.",
		"Panelet, tallene og kommentarerne kan ikke ændres bagefter.",
	};
	struct err	e;
	struct page	p;
	int64_t		id, version;
	int		rc;

	if (tariff_http_path_id(r, &id) != 0)
		return;
	err_clear(&e);
	if ((rc = http_form_error(r, &e)) == 0 &&
	    (rc = form_version(r, &version, &e)) == 0 && !ui_confirmed(r)) {
		page_begin_crumbs(&p, r, "Gør analysen endelig?", "oekonomi",
		    list_crumb, 2);
		ui_confirm(&p, &(struct ui_confirm){
		    .heading = "Gør analysen endelig?",
		    .text = "Høringen slutter, og analysen låses.",
		    .consequences = cons, .nconsequences = 2,
		    .action = idpath(r, "/oekonomi/analyser/%lld/endelig", id),
		    .button = "Gør endelig",
		    .cancel_href = idpath(r, "/oekonomi/analyser/%lld", id) });
		page_end(&p, 200);
		return;
	}
	if (rc == 0)
		rc = analysis_finalise(&r->svc, id, version, &e);
	after_post(r, id, rc, &e, "endelig");
}
