/*
 * chart (http) — a chart as inline SVG plus its table. See chart.h.
 *
 * Coordinates are in the SVG's own units (a viewBox CHART_W wide); the
 * style sheet lets the figure scale to the column, so the text shrinks
 * with it on a phone, and the table below carries the exact figures.
 */
#include <stdio.h>
#include <string.h>

#include "http/chart.h"
#include "http/html.h"
#include "http/ui.h"
#include "report/chart.h"
#include "util/err.h"

#define CHART_W		480.0	/* viewBox width */
#define LEGEND_ROW	22.0	/* height of a legend line */
#define CHAR_W		7.5	/* rough width of a character at 13 px */

/* Series styles: colour (DKFDS contrast ≥ 4.5:1 on white) and dashes. */
static const struct style {
	const char	*colour;
	const char	*dash;		/* stroke-dasharray of lines, or NULL */
} styles[CHART_SERIES_MAX] = {
	{ "#0059b3", NULL },
	{ "#b24700", "8 4" },
	{ "#00703c", "2 4" },
	{ "#6b2c91", "10 4 2 4" },
	{ "#454545", "4 4" },
	{ "#a3005b", "12 6" },
};

/* ` name="1.5"` with a number in the SVG's C-locale form. */
static void
num_attr(struct html *h, const char *name, double v)
{
	char	b[32];

	snprintf(b, sizeof(b), "%.1f", v);
	html_attr(h, name, b);
}

/* A text element at x, y with anchor ("start", "middle", "end"). */
static void
text_at(struct html *h, double x, double y, const char *anchor,
    const char *cls, const char *s)
{
	HTML_LIT(h, "<text");
	num_attr(h, "x", x);
	num_attr(h, "y", y);
	html_attr(h, "text-anchor", anchor);
	html_attr(h, "class", cls);
	HTML_LIT(h, ">");
	html_text(h, s);
	HTML_LIT(h, "</text>");
}

static void
line_at(struct html *h, double x1, double y1, double x2, double y2,
    const char *cls)
{
	HTML_LIT(h, "<line");
	num_attr(h, "x1", x1);
	num_attr(h, "y1", y1);
	num_attr(h, "x2", x2);
	num_attr(h, "y2", y2);
	html_attr(h, "class", cls);
	HTML_LIT(h, "/>");
}

/* The legend of a chart with more than one series; returns its height. */
static double
legend(struct html *h, const struct chart *c, double y)
{
	double	x = 8, top = y;
	size_t	j;

	if (c->nseries < 2)
		return 0;
	for (j = 0; j < c->nseries; j++) {
		double w = 34 + CHAR_W * (double)strlen(c->series[j].name);

		if (x > 8 && x + w > CHART_W - 8) {
			x = 8;
			y += LEGEND_ROW;
		}
		HTML_LIT(h, "<line");
		num_attr(h, "x1", x);
		num_attr(h, "y1", y + 10);
		num_attr(h, "x2", x + 24);
		num_attr(h, "y2", y + 10);
		html_attr(h, "stroke", styles[j].colour);
		html_attr(h, "stroke-dasharray", c->kind == CHART_LINES ?
		    styles[j].dash : NULL);
		HTML_LIT(h, " stroke-width=\"6\"/>");
		text_at(h, x + 30, y + 15, "start", "chart-text",
		    c->series[j].name);
		x += w + 16;
	}
	return y + LEGEND_ROW - top + 6;
}

/* The svg element's opening with its accessible name and description. */
static void
svg_begin(struct html *h, const struct chart *c, const char *id,
    double height)
{
	char	ids[160], vb[64];

	snprintf(ids, sizeof(ids), "%s-titel %s-beskrivelse", id, id);
	snprintf(vb, sizeof(vb), "0 0 %.0f %.0f", CHART_W, height);
	HTML_LIT(h, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
	    "class=\"chart-svg\"");
	html_attr(h, "viewBox", vb);
	html_attr(h, "aria-labelledby", ids);
	HTML_LIT(h, "><title");
	snprintf(ids, sizeof(ids), "%s-titel", id);
	html_attr(h, "id", ids);
	HTML_LIT(h, ">");
	html_text(h, c->title);
	HTML_LIT(h, "</title><desc");
	snprintf(ids, sizeof(ids), "%s-beskrivelse", id);
	html_attr(h, "id", ids);
	HTML_LIT(h, ">");
	html_text(h, c->desc != NULL ? c->desc : c->title);
	HTML_LIT(h, "</desc>");
}

/* Horizontal bars: per category a text line, then one bar per series. */
static void
bars(struct html *h, const struct chart *c, const char *id)
{
	struct chart_axis	a;
	double			x0 = 24, x1 = CHART_W - 90, y, top, zero;
	double			group, height;
	bool			neg = false;
	size_t			i, j, t;
	char			s[64];

	chart_axis(c, &a);
	if (a.lo < 0) {
		neg = true;
		x0 = 84;
	}
	group = 22 + (double)c->nseries * 20 + 10;
	/* Legend height first: lay out once to measure, then draw. */
	top = 8;
	if (c->nseries > 1) {
		size_t	rows = 1;
		double	x = 8;

		for (j = 0; j < c->nseries; j++) {
			double w = 34 + CHAR_W *
			    (double)strlen(c->series[j].name);

			if (x > 8 && x + w > CHART_W - 8) {
				x = 8;
				rows++;
			}
			x += w + 16;
		}
		top += (double)rows * LEGEND_ROW + 6;
	}
	height = top + (double)c->nlabels * group + 28;
	svg_begin(h, c, id, height);
	(void)legend(h, c, 8);
	/* Grid and tick labels. */
	for (t = 0; t < a.nticks; t++) {
		int64_t	v = a.lo + (int64_t)t * a.step;
		double	x = x0 + (x1 - x0) * chart_axis_pos(&a, v);

		line_at(h, x, top, x, height - 24, "chart-grid");
		chart_tick_str(c, v, s, sizeof(s));
		text_at(h, x, height - 8, "middle", "chart-tick", s);
	}
	zero = x0 + (x1 - x0) * chart_axis_pos(&a, 0);
	y = top;
	for (i = 0; i < c->nlabels; i++) {
		text_at(h, 8, y + 16, "start", "chart-text", c->labels[i]);
		for (j = 0; j < c->nseries; j++) {
			int64_t	v = c->series[j].values[i];
			double	by = y + 22 + (double)j * 20, bx, bw;

			if (v == CHART_MISSING)
				continue;
			bx = x0 + (x1 - x0) * chart_axis_pos(&a, v);
			bw = bx > zero ? bx - zero : zero - bx;
			HTML_LIT(h, "<rect");
			num_attr(h, "x", bx > zero ? zero : bx);
			num_attr(h, "y", by);
			num_attr(h, "width", bw < 1 ? 1 : bw);
			HTML_LIT(h, " height=\"16\"");
			html_attr(h, "fill", styles[j].colour);
			HTML_LIT(h, "/>");
			chart_value_str(c, v, s, sizeof(s));
			if (v < 0 && neg)
				text_at(h, bx - 4, by + 13, "end",
				    "chart-value", s);
			else
				text_at(h, bx + 4, by + 13, "start",
				    "chart-value", s);
		}
		y += group;
	}
	line_at(h, zero, top, zero, height - 24, "chart-axis");
	HTML_LIT(h, "</svg>");
}

/* Lines over the categories (years) along x. */
static void
lines(struct html *h, const struct chart *c, const char *id)
{
	struct chart_axis	a;
	double			x0 = 64, x1 = CHART_W - 16, y0, y1;
	double			height = 300, lh;
	size_t			i, j, t, every;
	char			s[64], pt[96];

	chart_axis(c, &a);
	svg_begin(h, c, id, height);
	lh = legend(h, c, 8);
	y0 = 16 + lh;
	y1 = height - 40;
	for (t = 0; t < a.nticks; t++) {
		int64_t	v = a.lo + (int64_t)t * a.step;
		double	y = y1 - (y1 - y0) * chart_axis_pos(&a, v);

		line_at(h, x0, y, x1, y, "chart-grid");
		chart_tick_str(c, v, s, sizeof(s));
		text_at(h, x0 - 6, y + 4, "end", "chart-tick", s);
	}
	if (c->baseline != CHART_MISSING) {
		double y = y1 - (y1 - y0) * chart_axis_pos(&a, c->baseline);

		line_at(h, x0, y, x1, y, "chart-base");
	}
	line_at(h, x0, y1, x1, y1, "chart-axis");
	every = (c->nlabels + 9) / 10;
	for (i = 0; i < c->nlabels; i++) {
		double x = c->nlabels == 1 ? (x0 + x1) / 2 :
		    x0 + (x1 - x0) * (double)i / (double)(c->nlabels - 1);

		if (i % every == 0 || i + 1 == c->nlabels)
			text_at(h, x, y1 + 20, "middle", "chart-tick",
			    c->labels[i]);
	}
	for (j = 0; j < c->nseries; j++) {
		bool	pen = false;

		HTML_LIT(h, "<path fill=\"none\" stroke-width=\"2.5\"");
		html_attr(h, "stroke", styles[j].colour);
		html_attr(h, "stroke-dasharray", styles[j].dash);
		HTML_LIT(h, " d=\"");
		for (i = 0; i < c->nlabels; i++) {
			int64_t	v = c->series[j].values[i];
			double	x = c->nlabels == 1 ? (x0 + x1) / 2 :
			    x0 + (x1 - x0) * (double)i /
			    (double)(c->nlabels - 1);

			if (v == CHART_MISSING) {
				pen = false;
				continue;
			}
			snprintf(pt, sizeof(pt), "%s%.1f %.1f ",
			    pen ? "L" : "M", x,
			    y1 - (y1 - y0) * chart_axis_pos(&a, v));
			html_text(h, pt);
			pen = true;
		}
		HTML_LIT(h, "\"/>");
		for (i = 0; i < c->nlabels; i++) {
			int64_t	v = c->series[j].values[i];
			double	x = c->nlabels == 1 ? (x0 + x1) / 2 :
			    x0 + (x1 - x0) * (double)i /
			    (double)(c->nlabels - 1);

			if (v == CHART_MISSING)
				continue;
			HTML_LIT(h, "<circle r=\"3.5\"");
			num_attr(h, "cx", x);
			num_attr(h, "cy",
			    y1 - (y1 - y0) * chart_axis_pos(&a, v));
			html_attr(h, "fill", styles[j].colour);
			HTML_LIT(h, "><title>");
			chart_value_str(c, v, s, sizeof(s));
			html_text(h, c->series[j].name);
			HTML_LIT(h, ", ");
			html_text(h, c->labels[i]);
			HTML_LIT(h, ": ");
			html_text(h, s);
			HTML_LIT(h, "</title></circle>");
		}
	}
	HTML_LIT(h, "</svg>");
}

/* The figures of the chart as a table. */
static void
figures(struct html *h, const struct chart *c)
{
	struct ui_table	t;
	struct ui_col	cols[CHART_SERIES_MAX + 1];
	size_t		i, j;
	char		s[64];

	cols[0].head = c->label_head != NULL ? c->label_head : "";
	cols[0].flags = 0;
	for (j = 0; j < c->nseries; j++) {
		cols[j + 1].head = c->series[j].name;
		cols[j + 1].flags = UI_COL_NUM;
	}
	ui_accordion_begin(h, "Tallene i figuren", false);
	ui_table_begin(&t, h, NULL, cols, (int)c->nseries + 1);
	for (i = 0; i < c->nlabels; i++) {
		ui_row(&t);
		ui_cell(&t, c->labels[i]);
		for (j = 0; j < c->nseries; j++) {
			int64_t v = c->series[j].values[i];

			if (v == CHART_MISSING) {
				ui_cell(&t, "–");
				continue;
			}
			chart_value_str(c, v, s, sizeof(s));
			ui_cell(&t, s);
		}
	}
	ui_table_end(&t);
	ui_accordion_end(h);
}

int
chart_html(struct html *h, const struct chart *c, const char *id,
    struct err *e)
{
	int	rc;

	if ((rc = chart_check(c, e)) != 0)
		return rc;
	HTML_LIT(h, "<figure class=\"chart\"><figcaption class=\"chart-title\">");
	html_text(h, c->title);
	HTML_LIT(h, "</figcaption>");
	if (c->kind == CHART_BARS)
		bars(h, c, id);
	else
		lines(h, c, id);
	figures(h, c);
	HTML_LIT(h, "</figure>");
	return 0;
}
