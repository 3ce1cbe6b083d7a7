/*
 * chart_pdf — a chart (report/chart.h) drawn with cairo and pango into a
 * PDF page: the title, the value axis with its ticks (chart_axis,
 * chart_tick_str), horizontal bars per category with the value at the
 * end of each bar (chart_value_str), or lines over the categories with
 * a marker per value, and a legend when there is more than one series.
 * The series are told apart by colour and by dash pattern, as in the
 * page renderer (http/chart).
 */
#ifndef RAMME_CHART_PDF_H
#define RAMME_CHART_PDF_H

#include <cairo.h>
#include <pango/pango.h>

struct chart;
struct err;

/*
 * The height in points the chart c takes at width w (points) with the
 * fonts of ctx.
 */
double	chart_pdf_height(PangoContext *ctx, const struct chart *c, double w);

/*
 * Draw c with its top-left corner at (x, y), w points wide, into cr with
 * the fonts of ctx ("DejaVu Sans" 8–10 pt); *height (may be NULL)
 * receives the height used, as chart_pdf_height(). 0, or the
 * ERR_INVALID of chart_check() (nothing drawn).
 */
int	chart_pdf_draw(cairo_t *cr, PangoContext *ctx, const struct chart *c,
	    double x, double y, double w, double *height, struct err *e);

#endif
