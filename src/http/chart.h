/*
 * chart (http) — a chart (report/chart.h) as an accessible figure in a
 * page: inline SVG drawn on the server (role="img" with <title> and
 * <desc>, values readable as text, series told apart by colour and by
 * dash pattern, no script, no inline style) followed by the same figures
 * as a table under "Tallene i figuren". Written through the escaping
 * HTML writer.
 */
#ifndef RAMME_HTTP_CHART_H
#define RAMME_HTTP_CHART_H

struct chart;
struct err;
struct html;

/*
 * Write c as a <figure> whose SVG ids start with id (unique on the page,
 * [a-z0-9-] only). 0, or the ERR_INVALID of chart_check() (nothing
 * written).
 */
int	chart_html(struct html *h, const struct chart *c, const char *id,
	    struct err *e);

#endif
