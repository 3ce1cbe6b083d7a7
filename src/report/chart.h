/*
 * chart — the data and the geometry of a chart, shared by the renderers
 * (inline SVG in the pages: http/chart; cairo in the PDF reports). Pure:
 * no I/O, no allocation.
 *
 * A chart has categories (labels: operators, paragraphs, years) and one
 * or more series with one value per category. Values are hundredths of
 * the chart's unit: øre for kroner, 286 for 2,86 %, 10000 for an index
 * of 100. Two kinds:
 *   CHART_BARS   horizontal bars, one group per category (long Danish
 *                names stay readable on a phone, as a text line above
 *                their bars), bars start at zero;
 *   CHART_LINES  categories along the x axis (years), one line per
 *                series, the axis fitted to the values.
 * The axis has "nice" steps (1, 2 or 5 × 10^k hundredths) and always
 * includes the baseline when one is given (0 for changes, 10000 for an
 * index with base 100).
 */
#ifndef RAMME_CHART_H
#define RAMME_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct err;

#define CHART_MISSING		INT64_MIN	/* no value for a category */
#define CHART_SERIES_MAX	6	/* series in one chart */
#define CHART_LABELS_MAX	200	/* categories in one chart */
#define CHART_TICKS_MAX		12	/* axis ticks, at most */

enum chart_kind {
	CHART_BARS = 0,
	CHART_LINES
};

/* One series: its name (legend, table head) and nlabels values. */
struct chart_series {
	const char	*name;
	const int64_t	*values;	/* hundredths of the unit, or
					   CHART_MISSING */
};

/* A chart as the caller describes it; everything borrowed. */
struct chart {
	enum chart_kind			 kind;
	const char			*title;	/* Danish: the figure's
						   heading and <title> */
	const char			*desc;	/* Danish: one or two
						   sentences saying what it
						   shows (<desc>) */
	const char			*label_head; /* table head of the
						   categories: "Driftsherre" */
	const char			*unit;	/* suffix of values: "kr.",
						   "%", "" */
	const char *const		*labels;
	size_t				 nlabels;
	const struct chart_series	*series;
	size_t				 nseries;
	int64_t				 baseline; /* a reference line in
						   hundredths (CHART_MISSING
						   for none) */
};

/* The value axis: from lo to hi in steps of step (hundredths). */
struct chart_axis {
	int64_t	lo;
	int64_t	hi;		/* > lo */
	int64_t	step;		/* > 0; (hi - lo) / step ≤ CHART_TICKS_MAX */
	size_t	nticks;		/* lo, lo + step, …, hi */
};

/*
 * Check that c can be drawn: a title, 1..CHART_LABELS_MAX labels,
 * 1..CHART_SERIES_MAX series with values, at least one value that is
 * not missing, no value beyond ±10^15 hundredths. 0 or ERR_INVALID with
 * a Danish message in e.
 */
int	chart_check(const struct chart *c, struct err *e);
/*
 * The axis of a checked chart: the range of its values (bars: with zero;
 * with the baseline if any), widened to whole steps of a nice size.
 */
void	chart_axis(const struct chart *c, struct chart_axis *a);
/* Where v lies on the axis: 0 at lo, 1 at hi (may be outside 0..1). */
double	chart_axis_pos(const struct chart_axis *a, int64_t v);
/*
 * v (hundredths) in Danish with the unit: "2,86 %", "-1,18 %",
 * "104,4"; kroner (unit "kr.") always with øre: "1.234,50 kr.". At
 * most n bytes including the NUL.
 */
void	chart_value_str(const struct chart *c, int64_t v, char *out,
	    size_t n);
/* An axis tick: as chart_value_str(), whole kroner without øre. */
void	chart_tick_str(const struct chart *c, int64_t v, char *out,
	    size_t n);

#endif
