/*
 * analysis_report — charts, XLSX and PDF of a tariff analysis (see
 * analysis_report.h).
 */
#include <stdio.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "core/panel.h"
#include "core/tariff.h"
#include "report/analysis_report.h"
#include "report/chart_pdf.h"
#include "service/analysis.h"
#include "service/pl.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

const struct analysis_section_name analysis_sections[ANALYSIS_SECTIONS] = {
	{ ANALYSIS_SEC_SUMMARY, "resultat", "Resultat" },
	{ ANALYSIS_SEC_OPERATOR, "driftsherre", "Real ændring pr. driftsherre" },
	{ ANALYSIS_SEC_YEARS, "aar", "Gennemsnitstakst over årene" },
	{ ANALYSIS_SEC_SECTION, "paragraf", "Pr. paragraf" },
	{ ANALYSIS_SEC_TARGET, "maalgruppe", "Pr. målgruppe" },
	{ ANALYSIS_SEC_APART, "udenfor", "Uden for panelet" },
	{ ANALYSIS_SEC_COMMENTS, "hoering", "Høringssvar" },
};

/* ---- charts ------------------------------------------------------------ */

void
analysis_report_charts(struct arena *a, const struct analysis_view *v,
    struct analysis_charts *c)
{
	const char	**lab;
	int64_t		 *w, *u, *fx, *cur;
	size_t		  i, n;

	memset(c, 0, sizeof(*c));
	n = v->nby_operator < CHART_LABELS_MAX ? v->nby_operator :
	    CHART_LABELS_MAX;
	if (n > 0) {
		lab = arena_calloc(a, n, sizeof(*lab));
		w = arena_calloc(a, n, sizeof(*w));
		u = arena_calloc(a, n, sizeof(*u));
		for (i = 0; i < n; i++) {
			lab[i] = v->by_operator[i].label;
			w[i] = v->by_operator[i].weighted_e2 == PANEL_NO_VALUE ?
			    CHART_MISSING : v->by_operator[i].weighted_e2;
			u[i] = v->by_operator[i].unweighted_e2;
		}
		c->bar_series[0] = (struct chart_series){ "Vægtet med udgiften",
		    w };
		c->bar_series[1] = (struct chart_series){ "Uvægtet", u };
		c->bars = (struct chart){ .kind = CHART_BARS,
		    .title = arena_printf(a, "Real ændring i taksterne "
		    "%d–%d pr. driftsherre", v->a.from_year, v->a.to_year),
		    .desc = arena_printf(a, "Den reale ændring i procent fra "
		    "%d til %d i faste priser for tilbud og ydelser i begge "
		    "år, vægtet med udgiften og uvægtet, for hver "
		    "driftsherre.", v->a.from_year, v->a.to_year),
		    .label_head = "Driftsherre", .unit = "%", .labels = lab,
		    .nlabels = n, .series = c->bar_series, .nseries = 2,
		    .baseline = 0 };
	}
	n = v->nyears < CHART_LABELS_MAX ? v->nyears : CHART_LABELS_MAX;
	if (n > 0) {
		lab = arena_calloc(a, n, sizeof(*lab));
		fx = arena_calloc(a, n, sizeof(*fx));
		cur = arena_calloc(a, n, sizeof(*cur));
		for (i = 0; i < n; i++) {
			lab[i] = arena_printf(a, "%d", v->years[i].year);
			fx[i] = v->years[i].mean_fixed_ore == PANEL_NO_VALUE ?
			    CHART_MISSING : v->years[i].mean_fixed_ore;
			cur[i] = v->years[i].mean_ore == PANEL_NO_VALUE ?
			    CHART_MISSING : v->years[i].mean_ore;
		}
		c->line_series[0] = (struct chart_series){ arena_printf(a,
		    "I %d-priser", v->a.price_year), fx };
		c->line_series[1] = (struct chart_series){ "I løbende priser",
		    cur };
		c->lines = (struct chart){ .kind = CHART_LINES,
		    .title = arena_printf(a, "Gennemsnitlig takst pr. plads "
		    "%d–%d", v->a.from_year, v->a.to_year),
		    .desc = "Taksterne vægtet med pladserne, hvert år, i faste "
		    "og i løbende priser.", .label_head = "År", .unit = "kr.",
		    .labels = lab, .nlabels = n, .series = c->line_series,
		    .nseries = 2, .baseline = CHART_MISSING };
		if (chart_check(&c->lines, NULL) != 0)
			c->lines.nlabels = 0;
	}
	if (c->bars.nlabels > 0 && chart_check(&c->bars, NULL) != 0)
		c->bars.nlabels = 0;
}

/* ---- PDF --------------------------------------------------------------- */

#define PT_PER_MM	(72.0 / 25.4)
#define PAGE_W		(210.0 * PT_PER_MM)
#define PAGE_H		(297.0 * PT_PER_MM)
#define MARGIN_L	(20.0 * PT_PER_MM)
#define MARGIN_T	(20.0 * PT_PER_MM)
#define TEXT_W		(PAGE_W - 2 * MARGIN_L)
#define BOTTOM		(PAGE_H - 22.0 * PT_PER_MM)
#define FOOTER_Y	(PAGE_H - 15.0 * PT_PER_MM)

struct rp {
	cairo_surface_t			*surface;
	cairo_t				*cr;
	PangoFontMap			*fontmap;
	PangoContext			*ctx;
	struct arena			*a;
	const struct analysis_view	*v;
	struct analysis_charts		 ch;
	double				 y;
	int				 page;
};

static cairo_status_t
to_buf(void *closure, const unsigned char *data, unsigned int len)
{
	buf_append(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

static PangoLayout *
layout(struct rp *p, const char *font, const char *s, double w)
{
	PangoLayout		*l = pango_layout_new(p->ctx);
	PangoFontDescription	*fd = pango_font_description_from_string(font);

	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, pango_units_from_double(w));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(l, s, -1);
	return l;
}

static void
footer(struct rp *p)
{
	PangoLayout	*l;
	char		 s[300];

	snprintf(s, sizeof(s), "Takstanalyse · %.200s · side %d",
	    p->v->a.title, p->page);
	l = layout(p, "DejaVu Sans 8", s, TEXT_W);
	cairo_set_source_rgb(p->cr, 0.3, 0.3, 0.3);
	cairo_move_to(p->cr, MARGIN_L, FOOTER_Y);
	pango_cairo_show_layout(p->cr, l);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	g_object_unref(l);
}

static void
new_page(struct rp *p)
{
	footer(p);
	cairo_show_page(p->cr);
	p->page++;
	p->y = MARGIN_T;
}

static void
need(struct rp *p, double h)
{
	if (p->y + h > BOTTOM && p->y > MARGIN_T)
		new_page(p);
}

static void
para(struct rp *p, const char *font, const char *s, double after)
{
	PangoLayout	*l = layout(p, font, s, TEXT_W);
	int		 w, h;

	pango_layout_get_size(l, &w, &h);
	need(p, pango_units_to_double(h));
	cairo_move_to(p->cr, MARGIN_L, p->y);
	pango_cairo_show_layout(p->cr, l);
	p->y += pango_units_to_double(h) + after;
	g_object_unref(l);
}

/* One table row: cells with widths (fractions of TEXT_W), right-aligned
 * when num[i]. */
static void
row(struct rp *p, const char *const *cells, const double *wf, const bool *num,
    size_t n, bool bold)
{
	PangoLayout	*l[8];
	double		 x = MARGIN_L, hmax = 0;
	int		 w, h;
	size_t		 i;

	for (i = 0; i < n && i < 8; i++) {
		l[i] = layout(p, bold ? "DejaVu Sans Bold 8" : "DejaVu Sans 8",
		    cells[i] != NULL ? cells[i] : "", wf[i] * TEXT_W - 4.0);
		if (num[i])
			pango_layout_set_alignment(l[i], PANGO_ALIGN_RIGHT);
		pango_layout_get_size(l[i], &w, &h);
		if (pango_units_to_double(h) > hmax)
			hmax = pango_units_to_double(h);
	}
	need(p, hmax + 3.0);
	for (i = 0; i < n && i < 8; i++) {
		cairo_move_to(p->cr, x, p->y);
		pango_cairo_show_layout(p->cr, l[i]);
		x += wf[i] * TEXT_W;
		g_object_unref(l[i]);
	}
	p->y += hmax + 3.0;
}

static const char *
pct(struct rp *p, int64_t e2)
{
	char b[PANEL_PCT_SIZE];

	panel_pct_da(e2, b);
	return arena_strdup(p->a, b);
}

static const char *
kr(struct rp *p, int64_t ore)
{
	char b[TEXT_KR_SIZE];

	if (ore == PANEL_NO_VALUE)
		return "–";
	text_format_ore_da(b, ore);
	return arena_strdup(p->a, b);
}

static void
heading(struct rp *p, const char *s)
{
	need(p, 60.0);
	p->y += 6.0;
	para(p, "DejaVu Sans Bold 12", s, 4.0);
}

static void
chart(struct rp *p, const struct chart *c)
{
	double h;

	if (c->nlabels == 0)
		return;
	h = chart_pdf_height(p->ctx, c, TEXT_W);
	need(p, h);
	if (chart_pdf_draw(p->cr, p->ctx, c, MARGIN_L, p->y, TEXT_W, &h,
	    NULL) == 0)
		p->y += h + 8.0;
}

static void
groups(struct rp *p, const char *head, const struct panel_group *g, size_t n)
{
	static const double	wf[] = { 0.46, 0.12, 0.14, 0.14, 0.14 };
	static const bool	num[] = { false, true, true, true, true };
	const char		*c[5];
	size_t			 i;

	c[0] = head;
	c[1] = "Ydelser";
	c[2] = "Uvægtet";
	c[3] = "Vægtet";
	c[4] = p->v->a.cap_minus_e4 >= 0 ? "Loft overholdt" : "";
	row(p, c, wf, num, 5, true);
	for (i = 0; i < n; i++) {
		c[0] = g[i].label;
		c[1] = arena_printf(p->a, "%zu", g[i].n);
		c[2] = pct(p, g[i].unweighted_e2);
		c[3] = pct(p, g[i].weighted_e2);
		c[4] = p->v->a.cap_minus_e4 >= 0 ? arena_printf(p->a,
		    "%zu af %zu", g[i].cap_met_n, g[i].cap_n) : "";
		row(p, c, wf, num, 5, false);
	}
	p->y += 6.0;
}

static void
sec_summary(struct rp *p)
{
	const struct analysis_view	*v = p->v;
	const struct panel_group	*g = &v->total;
	char				*factor = arena_strdup(p->a, v->factor);
	char				*c;

	if ((c = strchr(factor, '.')) != NULL)
		*c = ',';
	heading(p, "Resultat");
	para(p, "DejaVu Sans 10", arena_printf(p->a, "Taksterne for de %zu "
	    "tilbud og ydelser, der findes i både %d og %d, er realt ændret "
	    "%s vægtet med udgiften (%s uvægtet), når %d-taksterne omregnes "
	    "til %d-priser med %s version %lld (faktor %s). Udgiften var "
	    "%s i %d og %s i %d, begge i %d-priser.", g->n, v->a.from_year,
	    v->a.to_year, pct(p, g->weighted_e2), pct(p, g->unweighted_e2),
	    v->a.from_year, v->a.to_year, pl_known_title(v->a.series_name) ?
	    pl_known_title(v->a.series_name) : v->a.series_name,
	    (long long)v->a.series_version, factor,
	    kr(p, g->exp_from_fixed_ore), v->a.from_year,
	    kr(p, g->exp_to_fixed_ore), v->a.to_year, v->a.price_year), 4.0);
	if (v->a.cap_minus_e4 >= 0)
		para(p, "DejaVu Sans 10", arena_printf(p->a, "Loftet (PL minus "
		    "%lld,%02lld %%) over udgiften pr. plads pr. døgn er "
		    "overholdt for %zu af %zu ydelser med takstgrundlag.",
		    (long long)(v->a.cap_minus_e4 / 10000),
		    (long long)(v->a.cap_minus_e4 % 10000 / 100), g->cap_met_n,
		    g->cap_n), 4.0);
	if (v->a.target_e4 >= 0)
		para(p, "DejaVu Sans 10", g->target_met == 1 ?
		    "Reduktionsmålet er nået." : "Reduktionsmålet er ikke nået.",
		    4.0);
}

static void
sec_apart(struct rp *p)
{
	int k;

	heading(p, "Uden for panelet");
	for (k = 1; k < PANEL_KIND_COUNT; k++)
		if (p->v->counts[k] > 0)
			para(p, "DejaVu Sans 10", arena_printf(p->a, "%s: %zu",
			    panel_kind_label((enum panel_kind)k),
			    p->v->counts[k]), 1.0);
	if (p->v->nlines == p->v->counts[PANEL_IN])
		para(p, "DejaVu Sans 10", "Alle ydelser er med i panelet.", 1.0);
}

static void
sec_comments(struct rp *p)
{
	size_t i;

	heading(p, "Høringssvar");
	if (p->v->ncomments == 0)
		para(p, "DejaVu Sans 10", "Der kom ingen kommentarer.", 2.0);
	for (i = 0; i < p->v->ncomments; i++) {
		const struct analysis_comment *c = &p->v->comments[i];
		para(p, "DejaVu Sans Bold 10", arena_printf(p->a, "%s%s%s "
		    "(%s)", c->org_name != NULL ? c->org_name : c->author_name,
		    c->offer_name != NULL ? " om " : "",
		    c->offer_name != NULL ? c->offer_name : "",
		    c->author_name), 1.0);
		para(p, "DejaVu Sans 10", c->body, 5.0);
	}
}

static void
sections(struct rp *p, unsigned which)
{
	const struct analysis_view *v = p->v;

	if (which & ANALYSIS_SEC_SUMMARY)
		sec_summary(p);
	if (which & ANALYSIS_SEC_OPERATOR) {
		heading(p, "Real ændring pr. driftsherre");
		chart(p, &p->ch.bars);
		groups(p, "Driftsherre", v->by_operator, v->nby_operator);
	}
	if (which & ANALYSIS_SEC_YEARS) {
		heading(p, "Gennemsnitstakst over årene");
		chart(p, &p->ch.lines);
	}
	if (which & ANALYSIS_SEC_SECTION) {
		heading(p, "Pr. paragraf");
		groups(p, "Paragraf", v->by_section, v->nby_section);
	}
	if (which & ANALYSIS_SEC_TARGET) {
		heading(p, "Pr. målgruppe");
		groups(p, "Målgruppe", v->by_target, v->nby_target);
	}
	if (which & ANALYSIS_SEC_APART)
		sec_apart(p);
	if (which & ANALYSIS_SEC_COMMENTS)
		sec_comments(p);
}

static void
panel(struct rp *p)
{
	static const double	wf[] = { 0.30, 0.17, 0.13, 0.13, 0.13, 0.14 };
	static const bool	num[] = { false, false, true, true, true, true };
	const struct analysis_view *v = p->v;
	const char		*c[6];
	size_t			 i;

	heading(p, "Panelet");
	c[0] = "Tilbud";
	c[1] = "Ydelse";
	c[2] = arena_printf(p->a, "Takst %d", v->a.from_year);
	c[3] = arena_printf(p->a, "I %d-priser", v->a.price_year);
	c[4] = v->a.price_year == v->a.to_year ? arena_printf(p->a,
	    "Takst %d", v->a.to_year) : arena_printf(p->a, "%d i %d-priser",
	    v->a.to_year, v->a.price_year);
	c[5] = "Real ændring";
	row(p, c, wf, num, 6, true);
	for (i = 0; i < v->nlines; i++) {
		const struct panel_line *l = &v->lines[i];
		if (l->kind != PANEL_IN)
			continue;
		c[0] = l->to->offer_name;
		c[1] = l->to->paragraph;
		c[2] = kr(p, l->from->tariff_ore);
		c[3] = kr(p, l->from_fixed_ore);
		c[4] = kr(p, l->to_fixed_ore);
		c[5] = pct(p, l->real_change_e2);
		row(p, c, wf, num, 6, false);
	}
}

int
analysis_report_pdf(struct arena *a, const struct analysis_view *v,
    unsigned excerpt, struct buf *out, struct err *e)
{
	struct rp	p;
	cairo_status_t	st;

	memset(&p, 0, sizeof(p));
	p.a = a;
	p.v = v;
	analysis_report_charts(a, v, &p.ch);
	p.surface = cairo_pdf_surface_create_for_stream(to_buf, out, PAGE_W,
	    PAGE_H);
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_TITLE,
	    v->a.title);
	p.cr = cairo_create(p.surface);
	p.fontmap = pango_cairo_font_map_new();
	p.ctx = pango_font_map_create_context(p.fontmap);
	pango_context_set_language(p.ctx, pango_language_from_string("da"));
	pango_cairo_context_set_resolution(p.ctx, 72.0);
	pango_cairo_update_context(p.cr, p.ctx);
	p.page = 1;
	p.y = MARGIN_T;

	para(&p, "DejaVu Sans Bold 18", v->a.title, 2.0);
	para(&p, "DejaVu Sans 10", arena_printf(a, "Takstanalyse %d–%d i "
	    "%d-priser · %s", v->a.from_year, v->a.to_year, v->a.price_year,
	    analysis_state_label(v->a.state)), 10.0);
	if (excerpt != 0) {
		para(&p, "DejaVu Sans Bold 14", "Udtog til politikerne", 2.0);
		sections(&p, excerpt);
		new_page(&p);
	}
	para(&p, "DejaVu Sans Bold 14", "Rapport", 2.0);
	sections(&p, ANALYSIS_SEC_ALL);
	panel(&p);
	footer(&p);
	cairo_show_page(p.cr);

	g_object_unref(p.ctx);
	g_object_unref(p.fontmap);
	st = cairo_status(p.cr);
	cairo_destroy(p.cr);
	cairo_surface_finish(p.surface);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(p.surface);
	cairo_surface_destroy(p.surface);
	if (st != CAIRO_STATUS_SUCCESS)
		return err_set(e, ERR_INTERNAL, "pdf_render", NULL,
		    "PDF-filen kunne ikke dannes");
	return 0;
}
