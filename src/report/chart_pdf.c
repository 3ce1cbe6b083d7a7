/*
 * chart_pdf — a chart drawn with cairo and pango (see chart_pdf.h).
 */
#include <string.h>

#include <pango/pangocairo.h>

#include "report/chart.h"
#include "report/chart_pdf.h"
#include "util/err.h"

#define FONT		"DejaVu Sans 8"
#define FONT_TITLE	"DejaVu Sans Bold 10"
#define TITLE_H		16.0	/* title line and the space under it */
#define TEXT_H		11.0	/* a line of 8 pt text */
#define BAR_H		8.0	/* one bar */
#define BAR_GAP		5.0	/* after a category's bars */
#define AXIS_H		16.0	/* tick labels under the plot */
#define PLOT_H		150.0	/* plot of a line chart */
#define LEFT_W		60.0	/* tick labels left of a line chart */
#define VALUE_W		62.0	/* room for the value after a bar */

static const struct {
	double	r, g, b;
	double	dash[4];
	int	ndash;
} styles[CHART_SERIES_MAX] = {
	{ 0.0, 0.349, 0.702, { 0 }, 0 },		/* #0059b3 */
	{ 0.698, 0.278, 0.0, { 8, 4 }, 2 },		/* #b24700 */
	{ 0.0, 0.439, 0.235, { 2, 4 }, 2 },		/* #00703c */
	{ 0.420, 0.173, 0.569, { 10, 4, 2, 4 }, 4 },	/* #6b2c91 */
	{ 0.271, 0.271, 0.271, { 4, 4 }, 2 },		/* #454545 */
	{ 0.639, 0.0, 0.357, { 12, 6 }, 2 },		/* #a3005b */
};

static double
legend_h(const struct chart *c)
{
	return c->nseries > 1 ? TEXT_H * (double)c->nseries + 4.0 : 0.0;
}

double
chart_pdf_height(PangoContext *ctx, const struct chart *c, double w)
{
	(void)ctx;
	(void)w;
	if (c->kind == CHART_LINES)
		return TITLE_H + PLOT_H + AXIS_H + legend_h(c);
	return TITLE_H + (double)c->nlabels * (TEXT_H + BAR_H *
	    (double)c->nseries + BAR_GAP) + AXIS_H + legend_h(c);
}

/* Text at (x, y) (top), aligned left (0), centred (1) or right (2) of x. */
static void
text(cairo_t *cr, PangoContext *ctx, const char *font, const char *s,
    double x, double y, int align, double maxw)
{
	PangoLayout		*l;
	PangoFontDescription	*fd;
	int			 tw, th;

	l = pango_layout_new(ctx);
	fd = pango_font_description_from_string(font);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (maxw > 0) {
		pango_layout_set_width(l, pango_units_from_double(maxw));
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	}
	pango_layout_set_text(l, s, -1);
	pango_layout_get_size(l, &tw, &th);
	if (align == 1)
		x -= pango_units_to_double(tw) / 2.0;
	else if (align == 2)
		x -= pango_units_to_double(tw);
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
}

static void
style(cairo_t *cr, size_t j)
{
	const size_t k = j % CHART_SERIES_MAX;

	cairo_set_source_rgb(cr, styles[k].r, styles[k].g, styles[k].b);
	cairo_set_dash(cr, styles[k].dash, styles[k].ndash, 0.0);
}

static void
grey(cairo_t *cr, double level)
{
	cairo_set_source_rgb(cr, level, level, level);
	cairo_set_dash(cr, NULL, 0, 0.0);
}

/* Ticks as vertical (bars) or horizontal (lines) grid lines with labels. */
static void
ticks(cairo_t *cr, PangoContext *ctx, const struct chart *c,
    const struct chart_axis *a, double px, double py, double pw, double ph)
{
	char	 s[64];
	size_t	 i;
	double	 pos;
	int64_t	 v;

	cairo_set_line_width(cr, 0.4);
	for (i = 0, v = a->lo; i < a->nticks; i++, v += a->step) {
		pos = chart_axis_pos(a, v);
		chart_tick_str(c, v, s, sizeof(s));
		grey(cr, 0.8);
		if (c->kind == CHART_BARS) {
			cairo_move_to(cr, px + pos * pw, py);
			cairo_line_to(cr, px + pos * pw, py + ph);
			cairo_stroke(cr);
			grey(cr, 0.3);
			text(cr, ctx, FONT, s, px + pos * pw, py + ph + 3.0, 1,
			    0);
		} else {
			cairo_move_to(cr, px, py + ph - pos * ph);
			cairo_line_to(cr, px + pw, py + ph - pos * ph);
			cairo_stroke(cr);
			grey(cr, 0.3);
			text(cr, ctx, FONT, s, px - 4.0, py + ph - pos * ph -
			    5.0, 2, 0);
		}
	}
	if (c->baseline != CHART_MISSING) {
		pos = chart_axis_pos(a, c->baseline);
		grey(cr, 0.0);
		cairo_set_line_width(cr, 1.0);
		if (c->kind == CHART_BARS) {
			cairo_move_to(cr, px + pos * pw, py);
			cairo_line_to(cr, px + pos * pw, py + ph);
		} else {
			cairo_move_to(cr, px, py + ph - pos * ph);
			cairo_line_to(cr, px + pw, py + ph - pos * ph);
		}
		cairo_stroke(cr);
	}
}

static double
bars(cairo_t *cr, PangoContext *ctx, const struct chart *c,
    const struct chart_axis *a, double x, double y, double w)
{
	char	 s[64];
	double	 pw = w - VALUE_W, row, zero, pos, top = y;
	size_t	 i, j;

	row = TEXT_H + BAR_H * (double)c->nseries + BAR_GAP;
	ticks(cr, ctx, c, a, x, y, pw, row * (double)c->nlabels);
	zero = chart_axis_pos(a, 0);
	for (i = 0; i < c->nlabels; i++, y += row) {
		grey(cr, 0.0);
		text(cr, ctx, FONT, c->labels[i], x, y, 0, w);
		for (j = 0; j < c->nseries; j++) {
			int64_t v = c->series[j].values[i];
			double by = y + TEXT_H + BAR_H * (double)j;
			if (v == CHART_MISSING)
				continue;
			pos = chart_axis_pos(a, v);
			style(cr, j);
			cairo_rectangle(cr, x + (pos < zero ? pos : zero) * pw,
			    by + 1.0, (pos < zero ? zero - pos : pos - zero) *
			    pw, BAR_H - 2.0);
			cairo_fill(cr);
			chart_value_str(c, v, s, sizeof(s));
			grey(cr, 0.0);
			text(cr, ctx, FONT, s, x + (pos > zero ? pos : zero) *
			    pw + 3.0, by - 1.5, 0, 0);
		}
	}
	return y - top + AXIS_H;
}

static double
lines(cairo_t *cr, PangoContext *ctx, const struct chart *c,
    const struct chart_axis *a, double x, double y, double w)
{
	double	px = x + LEFT_W, pw = w - LEFT_W - 10.0, step, cx, cy;
	size_t	i, j;
	bool	pen;

	ticks(cr, ctx, c, a, px, y, pw, PLOT_H);
	step = c->nlabels > 1 ? pw / (double)(c->nlabels - 1) : 0.0;
	grey(cr, 0.0);
	for (i = 0; i < c->nlabels; i++)
		text(cr, ctx, FONT, c->labels[i], px + step * (double)i +
		    (c->nlabels > 1 ? 0.0 : pw / 2.0), y + PLOT_H + 3.0, 1, 0);
	for (j = 0; j < c->nseries; j++) {
		style(cr, j);
		cairo_set_line_width(cr, 1.6);
		pen = false;
		for (i = 0; i < c->nlabels; i++) {
			int64_t v = c->series[j].values[i];
			if (v == CHART_MISSING) {
				pen = false;
				continue;
			}
			cx = px + step * (double)i + (c->nlabels > 1 ? 0.0 :
			    pw / 2.0);
			cy = y + PLOT_H - chart_axis_pos(a, v) * PLOT_H;
			if (pen)
				cairo_line_to(cr, cx, cy);
			else
				cairo_move_to(cr, cx, cy);
			pen = true;
		}
		cairo_stroke(cr);
		cairo_set_dash(cr, NULL, 0, 0.0);
		for (i = 0; i < c->nlabels; i++) {
			int64_t v = c->series[j].values[i];
			if (v == CHART_MISSING)
				continue;
			cx = px + step * (double)i + (c->nlabels > 1 ? 0.0 :
			    pw / 2.0);
			cy = y + PLOT_H - chart_axis_pos(a, v) * PLOT_H;
			cairo_arc(cr, cx, cy, 2.2, 0, 6.2832);
			cairo_fill(cr);
		}
	}
	return PLOT_H + AXIS_H;
}

static void
legend(cairo_t *cr, PangoContext *ctx, const struct chart *c, double x,
    double y)
{
	size_t j;

	if (c->nseries < 2)
		return;
	y += 4.0;
	for (j = 0; j < c->nseries; j++, y += TEXT_H) {
		style(cr, j);
		cairo_set_line_width(cr, 2.0);
		cairo_move_to(cr, x, y + TEXT_H / 2.0);
		cairo_line_to(cr, x + 24.0, y + TEXT_H / 2.0);
		cairo_stroke(cr);
		grey(cr, 0.0);
		text(cr, ctx, FONT, c->series[j].name, x + 30.0, y, 0, 0);
	}
}

int
chart_pdf_draw(cairo_t *cr, PangoContext *ctx, const struct chart *c,
    double x, double y, double w, double *height, struct err *e)
{
	struct chart_axis	a;
	double			used;
	int			rc;

	if ((rc = chart_check(c, e)) != 0)
		return rc;
	chart_axis(c, &a);
	cairo_save(cr);
	grey(cr, 0.0);
	text(cr, ctx, FONT_TITLE, c->title, x, y, 0, w);
	used = TITLE_H;
	used += c->kind == CHART_LINES ? lines(cr, ctx, c, &a, x, y + used,
	    w) : bars(cr, ctx, c, &a, x, y + used, w);
	legend(cr, ctx, c, x, y + used);
	cairo_restore(cr);
	if (height != NULL)
		*height = chart_pdf_height(ctx, c, w);
	return 0;
}
