/*
 * invoice — invoice lists as XLSX and PDF (see invoice.h).
 *
 * The PDF is laid out twice with the same fonts and metrics: the first
 * pass writes to nowhere and counts the pages, the second draws "Side n
 * af N".
 */
#include <stdio.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "report/invoice.h"
#include "report/meeting_fmt.h"
#include "report/xlsx.h"
#include "service/sharing.h"
#include "store/sharing_store.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

#define PT_PER_MM	(72.0 / 25.4)
#define PAGE_W		(210.0 * PT_PER_MM)		/* A4 */
#define PAGE_H		(297.0 * PT_PER_MM)
#define MARGIN_L	(25.0 * PT_PER_MM)
#define MARGIN_R	(20.0 * PT_PER_MM)
#define MARGIN_T	(20.0 * PT_PER_MM)
#define TEXT_W		(PAGE_W - MARGIN_L - MARGIN_R)
#define TEXT_BOTTOM	(PAGE_H - 25.0 * PT_PER_MM)
#define FOOTER_Y	(PAGE_H - 17.0 * PT_PER_MM)
#define COL_KEY		(TEXT_W * 0.50)		/* x of the key column */
#define COL_AMOUNT	(TEXT_W * 0.78)		/* x of the amount column */
#define FONT_FAMILY	"DejaVu Sans"

int
invoice_xlsx_write(const struct invoice_row *v, size_t n, const char *path,
    struct err *e)
{
	static const struct xlsx_column cols[] = {
		{ "Kommune", 0, NULL }, { "Kode", 0, NULL },
		{ "År", 0, NULL }, { "Fordeling", 0, NULL },
		{ "Formål", 0, NULL }, { "Nøgle", 0, NULL },
		{ "Kommunens tal", 0, "#,##0" },
		{ "Tal i alt", 0, "#,##0" },
		{ "Beløb (kr.)", 0, "#,##0.00" },
	};
	struct xlsx	*x;
	size_t		 i;
	int		 rc;

	if ((rc = xlsx_open(&x, path, "Fakturaer", cols,
	    (int)(sizeof(cols) / sizeof(cols[0])), e)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		xlsx_text(x, v[i].org_name);
		xlsx_text(x, v[i].org_code);
		xlsx_int(x, v[i].year);
		xlsx_text(x, v[i].title);
		xlsx_text(x, sharing_purpose_label(v[i].purpose));
		xlsx_text(x, v[i].key_title);
		xlsx_int(x, v[i].weight);
		xlsx_int(x, v[i].weight_total);
		xlsx_centi(x, v[i].amount_ore);
		xlsx_end_row(x);
	}
	return xlsx_close(x, e);
}

enum font { F_BODY, F_BOLD, F_HEAD, F_TITLE, F_SMALL, F_COUNT };

static const char *font_spec[F_COUNT] = {
	[F_BODY]	= FONT_FAMILY " 10",
	[F_BOLD]	= FONT_FAMILY " Bold 10",
	[F_HEAD]	= FONT_FAMILY " Bold 13",
	[F_TITLE]	= FONT_FAMILY " Bold 18",
	[F_SMALL]	= FONT_FAMILY " 8",
};

struct doc {
	cairo_surface_t		*surface;
	cairo_t			*cr;
	PangoFontMap		*fontmap;
	PangoContext		*pctx;
	PangoFontDescription	*font[F_COUNT];
	const char		*title;
	const char		*subtitle;
	double			 y;
	int			 page;
	int			 total;		/* 0 while counting */
};

static cairo_status_t
to_buf(void *closure, const unsigned char *data, unsigned int len)
{
	buf_append(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
to_nowhere(void *closure, const unsigned char *data, unsigned int len)
{
	(void)closure;
	(void)data;
	(void)len;
	return CAIRO_STATUS_SUCCESS;
}

static PangoLayout *
layout(struct doc *d, enum font f, const char *text, double width,
    PangoAlignment align)
{
	PangoLayout	*l;
	struct buf	 b;

	buf_init(&b);
	meeting_fmt_utf8(&b, text != NULL ? text : "");
	l = pango_layout_new(d->pctx);
	pango_layout_set_font_description(l, d->font[f]);
	pango_layout_set_width(l, pango_units_from_double(width));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, align);
	pango_layout_set_text(l, buf_str(&b), (int)b.len);
	buf_cleanup(&b);
	return l;
}

static double
height(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return pango_units_to_double(h);
}

static void
footer(struct doc *d)
{
	PangoLayout	*l;
	char		 text[64];

	cairo_save(d->cr);
	cairo_set_source_rgb(d->cr, 0.3, 0.3, 0.3);
	l = layout(d, F_SMALL, d->title, TEXT_W * 0.75, PANGO_ALIGN_LEFT);
	cairo_move_to(d->cr, MARGIN_L, FOOTER_Y);
	pango_cairo_show_layout(d->cr, l);
	g_object_unref(l);
	snprintf(text, sizeof(text), "Side %d af %d", d->page,
	    d->total > 0 ? d->total : d->page);
	l = layout(d, F_SMALL, text, TEXT_W, PANGO_ALIGN_RIGHT);
	cairo_move_to(d->cr, MARGIN_L, FOOTER_Y);
	pango_cairo_show_layout(d->cr, l);
	g_object_unref(l);
	cairo_restore(d->cr);
}

static void
new_page(struct doc *d)
{
	footer(d);
	cairo_show_page(d->cr);
	d->page++;
	d->y = MARGIN_T;
}

/* Draw text at x (width w) on the current line; its height. */
static double
cell(struct doc *d, enum font f, const char *text, double x, double w,
    PangoAlignment align)
{
	PangoLayout	*l = layout(d, f, text, w, align);
	double		 h = height(l);

	cairo_move_to(d->cr, MARGIN_L + x, d->y);
	pango_cairo_show_layout(d->cr, l);
	g_object_unref(l);
	return h;
}

/* One table row: three cells; a new page first if it does not fit. */
static void
row(struct doc *d, enum font f, const char *a, const char *b,
    const char *c)
{
	PangoLayout	*l = layout(d, f, a, COL_KEY - 6, PANGO_ALIGN_LEFT);
	PangoLayout	*l2 = layout(d, f, b, COL_AMOUNT - COL_KEY - 6,
	    PANGO_ALIGN_LEFT);
	double		 h = height(l) > height(l2) ? height(l) : height(l2);

	g_object_unref(l);
	g_object_unref(l2);
	if (d->y + h > TEXT_BOTTOM)
		new_page(d);
	cell(d, f, a, 0, COL_KEY - 6, PANGO_ALIGN_LEFT);
	cell(d, f, b, COL_KEY, COL_AMOUNT - COL_KEY - 6, PANGO_ALIGN_LEFT);
	cell(d, f, c, COL_AMOUNT, TEXT_W - COL_AMOUNT, PANGO_ALIGN_RIGHT);
	d->y += h + 4;
}

static void
rule(struct doc *d)
{
	cairo_save(d->cr);
	cairo_set_line_width(d->cr, 0.5);
	cairo_move_to(d->cr, MARGIN_L, d->y);
	cairo_line_to(d->cr, PAGE_W - MARGIN_R, d->y);
	cairo_stroke(d->cr);
	cairo_restore(d->cr);
	d->y += 4;
}

/* The lines of one municipality, v[0..n). */
static void
section(struct doc *d, const struct invoice_row *v, size_t n)
{
	char		 amount[TEXT_KR_SIZE], year[16];
	struct buf	 b, w;
	int64_t		 total = 0;
	size_t		 i;

	buf_init(&b);
	buf_init(&w);
	d->y += cell(d, F_TITLE, d->title, 0, TEXT_W, PANGO_ALIGN_LEFT) + 4;
	d->y += cell(d, F_BODY, d->subtitle, 0, TEXT_W, PANGO_ALIGN_LEFT) +
	    14;
	buf_printf(&b, "%s (%s)", v[0].org_name, v[0].org_code);
	d->y += cell(d, F_HEAD, buf_str(&b), 0, TEXT_W, PANGO_ALIGN_LEFT) + 8;
	row(d, F_BOLD, "Fordeling", "Nøgle", "Beløb");
	rule(d);
	for (i = 0; i < n; i++) {
		buf_reset(&b);
		buf_puts(&b, v[i].title);
		snprintf(year, sizeof(year), "%d", v[i].year);
		if (strstr(v[i].title, year) == NULL)	/* the year, once */
			buf_printf(&b, ", %s", year);
		buf_reset(&w);
		buf_printf(&w, "%s: ", v[i].key_title);
		text_format_int_da(&w, v[i].weight);
		buf_puts(&w, " af ");
		text_format_int_da(&w, v[i].weight_total);
		text_format_ore_da(amount, v[i].amount_ore);
		row(d, F_BODY, buf_str(&b), buf_str(&w), amount);
		total += v[i].amount_ore;
	}
	rule(d);
	text_format_ore_da(amount, total);
	row(d, F_BOLD, "I alt", "", amount);
	buf_cleanup(&b);
	buf_cleanup(&w);
}

/* One pass; the number of pages, or -1 if cairo failed. */
static int
pass(struct doc *d, const struct invoice_row *v, size_t n,
    cairo_write_func_t fn, void *closure)
{
	cairo_font_options_t	*fo;
	cairo_status_t		 st;
	size_t			 i, j;
	int			 k, pages;

	d->surface = cairo_pdf_surface_create_for_stream(fn, closure, PAGE_W,
	    PAGE_H);
	d->cr = cairo_create(d->surface);
	d->fontmap = pango_cairo_font_map_new();
	d->pctx = pango_font_map_create_context(d->fontmap);
	pango_context_set_language(d->pctx, pango_language_from_string("da"));
	pango_cairo_context_set_resolution(d->pctx, 72.0);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(d->pctx, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_update_context(d->cr, d->pctx);
	for (k = 0; k < F_COUNT; k++)
		d->font[k] = pango_font_description_from_string(font_spec[k]);
	cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_TITLE,
	    d->title);
	cairo_pdf_surface_set_metadata(d->surface,
	    CAIRO_PDF_METADATA_CREATOR, "ramme");
	d->page = 1;
	d->y = MARGIN_T;
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	if (n == 0) {
		d->y += cell(d, F_TITLE, d->title, 0, TEXT_W,
		    PANGO_ALIGN_LEFT) + 10;
		cell(d, F_BODY, "Der er ingen fakturalinjer.", 0, TEXT_W,
		    PANGO_ALIGN_LEFT);
	}
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(v[j].org_code, v[i].org_code)
		    == 0; j++)
			;
		if (i > 0)
			new_page(d);
		section(d, &v[i], j - i);
	}
	footer(d);
	pages = d->page;
	cairo_destroy(d->cr);
	cairo_surface_finish(d->surface);
	st = cairo_surface_status(d->surface);
	cairo_surface_destroy(d->surface);
	for (k = 0; k < F_COUNT; k++)
		pango_font_description_free(d->font[k]);
	g_object_unref(d->pctx);
	g_object_unref(d->fontmap);
	return st == CAIRO_STATUS_SUCCESS ? pages : -1;
}

int
invoice_pdf_write_buf(const char *title, const char *subtitle,
    const struct invoice_row *v, size_t n, struct buf *out, struct err *e)
{
	struct doc	d;
	struct buf	b;
	int		pages;

	memset(&d, 0, sizeof(d));
	d.title = title;
	d.subtitle = subtitle;
	if ((pages = pass(&d, v, n, to_nowhere, NULL)) < 0)
		return err_set(e, ERR_INTERNAL, "pdf_render", NULL,
		    "PDF-filen kunne ikke dannes");
	d.total = pages;
	buf_init(&b);
	if (pass(&d, v, n, to_buf, &b) < 0) {
		buf_cleanup(&b);
		return err_set(e, ERR_INTERNAL, "pdf_render", NULL,
		    "PDF-filen kunne ikke dannes");
	}
	buf_append(out, b.data, b.len);
	buf_cleanup(&b);
	return 0;
}
