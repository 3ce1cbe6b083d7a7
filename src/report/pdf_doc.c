/*
 * pdf_doc — the A4 document under every PDF (see pdf_doc.h).
 */
#include <stdio.h>
#include <string.h>

#include <cairo-pdf.h>

#include "report/meeting_fmt.h"
#include "report/pdf_doc.h"
#include "util/buf.h"
#include "util/err.h"

#define FONT_FAMILY	"DejaVu Sans"
#define ROW_GAP		4.0		/* below a table row */

static const char *const font_spec[PDF_FONT_COUNT] = {
	[PDF_BODY]	= FONT_FAMILY " 10",
	[PDF_BOLD]	= FONT_FAMILY " Bold 10",
	[PDF_ITEM]	= FONT_FAMILY " Bold 11",
	[PDF_HEAD]	= FONT_FAMILY " Bold 13",
	[PDF_TITLE]	= FONT_FAMILY " Bold",
	[PDF_SMALL]	= FONT_FAMILY " 8",
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

PangoLayout *
pdf_doc_layout(struct pdf_doc *d, enum pdf_font f, const char *prefix,
    const char *text, double width, PangoAlignment align)
{
	PangoLayout	*l;
	PangoAttrList	*attrs;
	PangoAttribute	*a;
	struct buf	 b;
	size_t		 plen = prefix != NULL ? strlen(prefix) : 0;

	buf_init(&b);
	if (prefix != NULL)
		buf_puts(&b, prefix);
	meeting_fmt_utf8(&b, text != NULL ? text : "");
	l = pango_layout_new(d->pctx);
	pango_layout_set_font_description(l, d->font[f]);
	pango_layout_set_width(l, pango_units_from_double(width));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, align);
	pango_layout_set_text(l, buf_str(&b), (int)b.len);
	if (plen > 0) {
		attrs = pango_attr_list_new();
		a = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
		a->start_index = 0;
		a->end_index = (guint)plen;
		pango_attr_list_insert(attrs, a);
		pango_layout_set_attributes(l, attrs);
		pango_attr_list_unref(attrs);
	}
	buf_cleanup(&b);
	return l;
}

double
pdf_doc_layout_height(PangoLayout *l)
{
	int	w, h;

	pango_layout_get_size(l, &w, &h);
	return pango_units_to_double(h);
}

double
pdf_doc_line_height(struct pdf_doc *d, enum pdf_font f)
{
	PangoLayout	*l = pdf_doc_layout(d, f, NULL, "Æg", PDF_TEXT_W,
	    PANGO_ALIGN_LEFT);
	double		 h = pdf_doc_layout_height(l);

	g_object_unref(l);
	return h;
}

static void
footer(struct pdf_doc *d)
{
	PangoLayout	*l;
	char		 text[64];

	cairo_save(d->cr);
	cairo_set_source_rgb(d->cr, 0.6, 0.6, 0.6);
	cairo_set_line_width(d->cr, 0.5);
	cairo_move_to(d->cr, PDF_MARGIN_L, PDF_FOOTER_Y - 4.0);
	cairo_line_to(d->cr, PDF_PAGE_W - PDF_MARGIN_R, PDF_FOOTER_Y - 4.0);
	cairo_stroke(d->cr);
	cairo_set_source_rgb(d->cr, 0.3, 0.3, 0.3);
	if (d->spec->footer != NULL) {
		l = pdf_doc_layout(d, PDF_SMALL, NULL, d->spec->footer,
		    PDF_TEXT_W * 0.75, PANGO_ALIGN_LEFT);
		cairo_move_to(d->cr, PDF_MARGIN_L, PDF_FOOTER_Y);
		pango_cairo_show_layout(d->cr, l);
		g_object_unref(l);
	}
	snprintf(text, sizeof(text), "Side %d af %d", d->page,
	    d->total > 0 ? d->total : d->page);
	l = pdf_doc_layout(d, PDF_SMALL, NULL, text, PDF_TEXT_W,
	    PANGO_ALIGN_RIGHT);
	cairo_move_to(d->cr, PDF_MARGIN_L, PDF_FOOTER_Y);
	pango_cairo_show_layout(d->cr, l);
	g_object_unref(l);
	cairo_restore(d->cr);
}

void
pdf_doc_new_page(struct pdf_doc *d)
{
	footer(d);
	cairo_show_page(d->cr);
	d->page++;
	d->y = PDF_MARGIN_T;
}

bool
pdf_doc_page_empty(const struct pdf_doc *d)
{
	return d->y <= PDF_MARGIN_T + 0.01;
}

void
pdf_doc_space(struct pdf_doc *d, double before, double keep)
{
	if (pdf_doc_page_empty(d))
		return;
	if (d->y + before + keep > PDF_TEXT_BOTTOM) {
		pdf_doc_new_page(d);
		return;
	}
	d->y += before;
}

void
pdf_doc_flow(struct pdf_doc *d, PangoLayout *l, double x)
{
	PangoLayoutIter	*it;
	PangoRectangle	 r;
	double		 h, base;

	it = pango_layout_get_iter(l);
	do {
		pango_layout_iter_get_line_extents(it, NULL, &r);
		h = pango_units_to_double(r.height);
		base = pango_units_to_double(pango_layout_iter_get_baseline(it)
		    - r.y);
		if (d->y + h > PDF_TEXT_BOTTOM && !pdf_doc_page_empty(d))
			pdf_doc_new_page(d);
		cairo_move_to(d->cr, PDF_MARGIN_L + x +
		    pango_units_to_double(r.x), d->y + base);
		pango_cairo_show_layout_line(d->cr,
		    pango_layout_iter_get_line_readonly(it));
		d->y += h;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

void
pdf_doc_text(struct pdf_doc *d, enum pdf_font f, double x, const char *s,
    double after)
{
	PangoLayout	*l;

	if (s == NULL || *s == '\0')
		return;
	l = pdf_doc_layout(d, f, NULL, s, PDF_TEXT_W - x, PANGO_ALIGN_LEFT);
	cairo_tag_begin(d->cr, "P", NULL);
	pdf_doc_flow(d, l, x);
	cairo_tag_end(d->cr, "P");
	g_object_unref(l);
	d->y += after;
}

void
pdf_doc_heading(struct pdf_doc *d, enum pdf_font f, const char *tag,
    const char *s, double before, double keep)
{
	PangoLayout	*l = pdf_doc_layout(d, f, NULL, s, PDF_TEXT_W,
	    PANGO_ALIGN_LEFT);

	pdf_doc_space(d, before, pdf_doc_layout_height(l) + keep);
	d->mark_page = d->page;
	d->mark_y = d->y;
	cairo_tag_begin(d->cr, tag, NULL);
	pdf_doc_flow(d, l, 0.0);
	cairo_tag_end(d->cr, tag);
	g_object_unref(l);
}

void
pdf_doc_rule(struct pdf_doc *d)
{
	cairo_save(d->cr);
	cairo_set_line_width(d->cr, 0.5);
	cairo_move_to(d->cr, PDF_MARGIN_L, d->y);
	cairo_line_to(d->cr, PDF_PAGE_W - PDF_MARGIN_R, d->y);
	cairo_stroke(d->cr);
	cairo_restore(d->cr);
	d->y += 4.0;
}

void
pdf_doc_row(struct pdf_doc *d, enum pdf_font f, const struct pdf_doc_col *cols,
    const char *const *cells, size_t n)
{
	PangoLayout	*l[8];
	double		 h = 0.0, hk;
	size_t		 k;

	if (n > sizeof(l) / sizeof(l[0]))
		n = sizeof(l) / sizeof(l[0]);
	for (k = 0; k < n; k++) {
		l[k] = pdf_doc_layout(d, f, NULL, cells[k], cols[k].w,
		    cols[k].align);
		if ((hk = pdf_doc_layout_height(l[k])) > h)
			h = hk;
	}
	if (d->y + h > PDF_TEXT_BOTTOM && !pdf_doc_page_empty(d))
		pdf_doc_new_page(d);
	cairo_tag_begin(d->cr, "P", NULL);
	for (k = 0; k < n; k++) {
		cairo_move_to(d->cr, PDF_MARGIN_L + cols[k].x, d->y);
		pango_cairo_show_layout(d->cr, l[k]);
		g_object_unref(l[k]);
	}
	cairo_tag_end(d->cr, "P");
	d->y += h + ROW_GAP;
}

static void
metadata(struct pdf_doc *d)
{
	const struct pdf_doc_spec	*s = d->spec;

	if (s->title != NULL)
		cairo_pdf_surface_set_metadata(d->surface,
		    CAIRO_PDF_METADATA_TITLE, s->title);
	if (s->author != NULL)
		cairo_pdf_surface_set_metadata(d->surface,
		    CAIRO_PDF_METADATA_AUTHOR, s->author);
	cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_CREATOR,
	    "ramme");
	if (s->date != NULL) {
		cairo_pdf_surface_set_metadata(d->surface,
		    CAIRO_PDF_METADATA_CREATE_DATE, s->date);
		cairo_pdf_surface_set_metadata(d->surface,
		    CAIRO_PDF_METADATA_MOD_DATE, s->date);
	}
}

/* One pass writing through fn; the number of pages, or -1. */
static int
pass(struct pdf_doc *d, pdf_doc_draw_fn *draw, const void *arg,
    cairo_write_func_t fn, void *closure)
{
	cairo_font_options_t	*fo;
	cairo_status_t		 st;
	int			 i, pages;

	d->surface = cairo_pdf_surface_create_for_stream(fn, closure,
	    PDF_PAGE_W, PDF_PAGE_H);
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
	for (i = 0; i < PDF_FONT_COUNT; i++)
		d->font[i] = pango_font_description_from_string(font_spec[i]);
	pango_font_description_set_size(d->font[PDF_TITLE],
	    (d->spec->title_pt > 0 ? d->spec->title_pt : 20) * PANGO_SCALE);
	metadata(d);
	d->page = 1;
	d->y = PDF_MARGIN_T;
	cairo_set_source_rgb(d->cr, 0.0, 0.0, 0.0);
	draw(d, arg);
	footer(d);
	cairo_show_page(d->cr);
	pages = d->page;
	for (i = 0; i < PDF_FONT_COUNT; i++)
		pango_font_description_free(d->font[i]);
	g_object_unref(d->pctx);
	g_object_unref(d->fontmap);
	st = cairo_status(d->cr);
	cairo_destroy(d->cr);
	cairo_surface_finish(d->surface);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(d->surface);
	cairo_surface_destroy(d->surface);
	return st == CAIRO_STATUS_SUCCESS ? pages : -1;
}

int
pdf_doc_render(const struct pdf_doc_spec *spec, pdf_doc_draw_fn *draw,
    const void *arg, struct buf *out, struct err *e)
{
	struct pdf_doc	d;
	struct buf	doc;
	int		pages;

	memset(&d, 0, sizeof(d));
	d.spec = spec;
	if ((pages = pass(&d, draw, arg, to_nowhere, NULL)) < 0)
		return err_set(e, ERR_INTERNAL, "pdf_render", NULL,
		    "PDF-filen kunne ikke dannes");
	memset(&d, 0, sizeof(d));
	d.spec = spec;
	d.total = pages;
	buf_init(&doc);
	if (pass(&d, draw, arg, to_buf, &doc) < 0) {
		buf_cleanup(&doc);
		return err_set(e, ERR_INTERNAL, "pdf_render", NULL,
		    "PDF-filen kunne ikke dannes");
	}
	buf_append(out, doc.data != NULL ? doc.data : "", doc.len);
	buf_cleanup(&doc);
	return 0;
}
