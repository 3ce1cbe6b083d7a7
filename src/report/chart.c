/*
 * chart — the axis of a chart and its values as Danish text. See
 * chart.h.
 */
#include <stdio.h>
#include <string.h>

#include "report/chart.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

#define CHART_VALUE_LIMIT	INT64_C(1000000000000000)	/* ±10^15 */

int
chart_check(const struct chart *c, struct err *e)
{
	size_t	i, j;
	bool	any = false;

	if (c->title == NULL || c->title[0] == '\0')
		return err_set(e, ERR_INVALID, "chart_title", NULL,
		    "Figuren mangler en titel.");
	if (c->nlabels == 0 || c->labels == NULL)
		return err_set(e, ERR_INVALID, "chart_empty", NULL,
		    "Figuren har ingen tal at vise.");
	if (c->nlabels > CHART_LABELS_MAX)
		return err_set(e, ERR_INVALID, "chart_labels", NULL,
		    "Figuren har for mange kategorier.");
	if (c->nseries == 0 || c->nseries > CHART_SERIES_MAX ||
	    c->series == NULL)
		return err_set(e, ERR_INVALID, "chart_series", NULL,
		    "Figuren skal have mellem 1 og 6 dataserier.");
	for (j = 0; j < c->nseries; j++) {
		if (c->series[j].values == NULL)
			return err_set(e, ERR_INVALID, "chart_series", NULL,
			    "En dataserie i figuren mangler sine tal.");
		for (i = 0; i < c->nlabels; i++) {
			int64_t v = c->series[j].values[i];

			if (v == CHART_MISSING)
				continue;
			if (v > CHART_VALUE_LIMIT || v < -CHART_VALUE_LIMIT)
				return err_set(e, ERR_INVALID, "chart_value",
				    NULL, "Et tal i figuren er for stort.");
			any = true;
		}
	}
	if (!any)
		return err_set(e, ERR_INVALID, "chart_empty", NULL,
		    "Figuren har ingen tal at vise.");
	return 0;
}

/* The smallest 1, 2 or 5 × 10^k that is ≥ x (x > 0). */
static int64_t
nice_step(int64_t x)
{
	int64_t	p = 1;

	for (;;) {
		if (p >= x)
			return p;
		if (2 * p >= x)
			return 2 * p;
		if (5 * p >= x)
			return 5 * p;
		p *= 10;
	}
}

/* Floor and ceiling of v / step for step > 0, any sign of v. */
static int64_t
floor_div(int64_t v, int64_t step)
{
	int64_t	q = v / step;

	return (v % step != 0 && v < 0) ? q - 1 : q;
}

static int64_t
ceil_div(int64_t v, int64_t step)
{
	int64_t	q = v / step;

	return (v % step != 0 && v > 0) ? q + 1 : q;
}

void
chart_axis(const struct chart *c, struct chart_axis *a)
{
	int64_t	lo = INT64_MAX, hi = INT64_MIN, step;
	size_t	i, j;

	for (j = 0; j < c->nseries; j++)
		for (i = 0; i < c->nlabels; i++) {
			int64_t v = c->series[j].values[i];

			if (v == CHART_MISSING)
				continue;
			if (v < lo)
				lo = v;
			if (v > hi)
				hi = v;
		}
	if (c->kind == CHART_BARS) {
		if (lo > 0)
			lo = 0;
		if (hi < 0)
			hi = 0;
	}
	if (c->baseline != CHART_MISSING) {
		if (c->baseline < lo)
			lo = c->baseline;
		if (c->baseline > hi)
			hi = c->baseline;
	}
	if (lo == hi) {
		/* One value: a range of one step around it. */
		step = nice_step(lo == 0 ? 100 : (lo < 0 ? -lo : lo) / 5);
		if (step < 1)
			step = 1;
	} else {
		step = nice_step((hi - lo + 4) / 5);
	}
	for (;;) {
		a->lo = floor_div(lo, step) * step;
		a->hi = ceil_div(hi, step) * step;
		if (a->hi == a->lo)
			a->hi = a->lo + step;
		if ((a->hi - a->lo) / step <= CHART_TICKS_MAX - 1)
			break;
		step = nice_step(step + 1);
	}
	a->step = step;
	a->nticks = (size_t)((a->hi - a->lo) / step) + 1;
}

double
chart_axis_pos(const struct chart_axis *a, int64_t v)
{
	return (double)(v - a->lo) / (double)(a->hi - a->lo);
}

static bool
is_kroner(const struct chart *c)
{
	return c->unit != NULL && strcmp(c->unit, "kr.") == 0;
}

/* Copy b plus the unit into out. */
static void
finish(const struct chart *c, struct buf *b, char *out, size_t n)
{
	if (c->unit != NULL && c->unit[0] != '\0') {
		buf_putc(b, ' ');
		buf_puts(b, c->unit);
	}
	snprintf(out, n, "%s", buf_str(b));
	buf_cleanup(b);
}

void
chart_value_str(const struct chart *c, int64_t v, char *out, size_t n)
{
	struct buf	b;
	char		kr[TEXT_KR_SIZE];

	if (is_kroner(c)) {
		text_format_ore_da(kr, v);
		snprintf(out, n, "%s", kr);
		return;
	}
	buf_init(&b);
	text_format_centi_da(&b, v);
	finish(c, &b, out, n);
}

void
chart_tick_str(const struct chart *c, int64_t v, char *out, size_t n)
{
	struct buf	b;

	if (is_kroner(c) && v % 100 == 0) {
		buf_init(&b);
		text_format_int_da(&b, v / 100);
		finish(c, &b, out, n);
		return;
	}
	chart_value_str(c, v, out, n);
}
