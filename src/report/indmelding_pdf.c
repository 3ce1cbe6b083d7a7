/*
 * indmelding_pdf — the status report as PDF (see indmelding_pdf.h).
 */
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "core/indmelding.h"
#include "report/indmelding_pdf.h"
#include "report/meeting_fmt.h"
#include "store/indmelding_store.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

#define PT_PER_MM	(72.0 / 25.4)
#define PAGE_W		(210.0 * PT_PER_MM)
#define PAGE_H		(297.0 * PT_PER_MM)
#define MARGIN_L	(25.0 * PT_PER_MM)
#define MARGIN_R	(20.0 * PT_PER_MM)
#define MARGIN_T	(20.0 * PT_PER_MM)
#define TEXT_W		(PAGE_W - MARGIN_L - MARGIN_R)
#define TEXT_BOTTOM	(PAGE_H - 25.0 * PT_PER_MM)
#define FOOTER_Y	(PAGE_H - 17.0 * PT_PER_MM)
#define INDENT		(5.0 * PT_PER_MM)

enum font { F_BODY, F_BOLD, F_HEAD, F_TITLE, F_SMALL, F_COUNT };

static const char *font_spec[F_COUNT] = {
	[F_BODY]	= "DejaVu Sans 10",
	[F_BOLD]	= "DejaVu Sans Bold 10",
	[F_HEAD]	= "DejaVu Sans Bold 13",
	[F_TITLE]	= "DejaVu Sans Bold 20",
	[F_SMALL]	= "DejaVu Sans 8",
};

struct ipdf {
	cairo_surface_t		*surface;
	cairo_t			*cr;
	PangoFontMap		*fontmap;
	PangoContext		*pctx;
	PangoFontDescription	*font[F_COUNT];
	const struct ind_report	*r;
	double			 y;
	int			 page, total;
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
layout(struct ipdf *p, enum font f, const char *text, double width)
{
	PangoLayout	*l;
	struct buf	 b;

	buf_init(&b);
	meeting_fmt_utf8(&b, text);
	l = pango_layout_new(p->pctx);
	pango_layout_set_font_description(l, p->font[f]);
	pango_layout_set_width(l, pango_units_from_double(width));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(l, buf_str(&b), (int)b.len);
	buf_cleanup(&b);
	return l;
}

static void
footer(struct ipdf *p)
{
	PangoLayout	*l;
	char		 text[96];

	cairo_save(p->cr);
	cairo_set_source_rgb(p->cr, 0.3, 0.3, 0.3);
	snprintf(text, sizeof(text), "Statusbillede %d", p->r->year.year);
	l = layout(p, F_SMALL, text, TEXT_W);
	cairo_move_to(p->cr, MARGIN_L, FOOTER_Y);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
	snprintf(text, sizeof(text), "Side %d af %d", p->page,
	    p->total > 0 ? p->total : p->page);
	l = layout(p, F_SMALL, text, TEXT_W);
	pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
	cairo_move_to(p->cr, MARGIN_L, FOOTER_Y);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
	cairo_restore(p->cr);
}

static void
new_page(struct ipdf *p)
{
	footer(p);
	cairo_show_page(p->cr);
	p->page++;
	p->y = MARGIN_T;
}

/* Draw text in font f at indent x, breaking pages between lines. */
static void
text(struct ipdf *p, enum font f, double x, const char *s, double gap)
{
	PangoLayout	*l;
	PangoLayoutIter	*it;
	PangoRectangle	 r;
	double		 h, base;

	if (s == NULL || *s == '\0')
		return;
	l = layout(p, f, s, TEXT_W - x);
	it = pango_layout_get_iter(l);
	do {
		pango_layout_iter_get_line_extents(it, NULL, &r);
		h = pango_units_to_double(r.height);
		base = pango_units_to_double(pango_layout_iter_get_baseline(it)
		    - r.y);
		if (p->y + h > TEXT_BOTTOM)
			new_page(p);
		cairo_move_to(p->cr, MARGIN_L + x, p->y + base);
		pango_cairo_show_layout_line(p->cr,
		    pango_layout_iter_get_line_readonly(it));
		p->y += h;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	g_object_unref(l);
	p->y += gap;
}

/* A heading kept with at least 60 points below it. */
static void
heading(struct ipdf *p, const char *s)
{
	if (p->y > MARGIN_T + 1.0)
		p->y += 8.0;
	if (p->y + 60.0 > TEXT_BOTTOM)
		new_page(p);
	cairo_tag_begin(p->cr, "H2", NULL);
	text(p, F_HEAD, 0, s, 4.0);
	cairo_tag_end(p->cr, "H2");
}

static void
places(struct buf *b, int64_t centi)
{
	if (centi < 0)
		buf_puts(b, "–");
	else
		text_format_centi_da(b, centi);
}

static void
pct(struct buf *b, int64_t bp)
{
	if (bp < 0)
		buf_puts(b, "–");
	else {
		text_format_centi_da(b, bp);
		buf_puts(b, " %");
	}
}

static void
offer(struct ipdf *p, const struct ind_report_row *row)
{
	struct buf	b;
	unsigned	bit;
	int		k;

	buf_init(&b);
	buf_puts(&b, row->offer_name);
	if (row->operator_name != NULL)
		buf_printf(&b, " (%s)", row->operator_name);
	if (p->y + 50.0 > TEXT_BOTTOM)
		new_page(p);
	text(p, F_BOLD, 0, buf_str(&b), 1.0);
	buf_reset(&b);
	buf_puts(&b, "Kapacitet: ");
	places(&b, row->capacity_centi);
	buf_puts(&b, " pladser · Forventet forbrug: ");
	places(&b, row->demand_centi);
	buf_printf(&b, " pladser (%lld %s svaret)", (long long)row->answers,
	    row->answers == 1 ? "kommune har" : "kommuner har");
	if (row->prev_demand_centi >= 0) {
		buf_puts(&b, " · Sidste år: ");
		places(&b, row->prev_demand_centi);
	}
	text(p, F_BODY, INDENT, buf_str(&b), 1.0);
	buf_reset(&b);
	buf_puts(&b, "Belægning: ");
	pct(&b, row->occupancy_bp);
	buf_puts(&b, " (året før ");
	pct(&b, row->occupancy_prev_bp);
	buf_puts(&b, ") · Venteliste: ");
	if (row->waiting < 0)
		buf_puts(&b, "–");
	else
		text_format_int_da(&b, row->waiting);
	if (!row->reported)
		buf_puts(&b, " · Driftsherren har ikke indsendt");
	text(p, F_BODY, INDENT, buf_str(&b), 1.0);
	buf_reset(&b);
	for (k = 0, bit = 1; k < IND_FLAG_COUNT; k++, bit <<= 1)
		if (row->flags & bit)
			buf_printf(&b, "%s%s", b.len ? " · " : "Obs: ",
			    ind_flag_label(bit));
	if (b.len > 0)
		text(p, F_BOLD, INDENT, buf_str(&b), 1.0);
	if (row->development != NULL) {
		buf_reset(&b);
		buf_printf(&b, "Udvikling: %s", row->development);
		text(p, F_BODY, INDENT, buf_str(&b), 1.0);
	}
	if (row->plans != NULL) {
		buf_reset(&b);
		buf_printf(&b, "Planer: %s", row->plans);
		text(p, F_BODY, INDENT, buf_str(&b), 1.0);
	}
	buf_cleanup(&b);
	p->y += 5.0;
}

static void
document(struct ipdf *p)
{
	const struct ind_report	*r = p->r;
	const struct ind_group	*g;
	struct buf		 b;
	size_t			 i;
	unsigned		 bit;
	int			 k;

	buf_init(&b);
	buf_printf(&b, "Statusbillede %d", r->year.year);
	cairo_tag_begin(p->cr, "H1", NULL);
	text(p, F_TITLE, 0, buf_str(&b), 4.0);
	cairo_tag_end(p->cr, "H1");
	buf_reset(&b);
	buf_printf(&b, "Indmeldinger fra kommuner og driftsherrer. %lld af "
	    "%lld kommuner og %lld af %lld driftsherrer har indsendt.",
	    (long long)r->progress.done[IND_MUNICIPALITY],
	    (long long)r->progress.total[IND_MUNICIPALITY],
	    (long long)r->progress.done[IND_OPERATOR],
	    (long long)r->progress.total[IND_OPERATOR]);
	text(p, F_BODY, 0, buf_str(&b), 3.0);

	heading(p, "I alt");
	buf_reset(&b);
	buf_puts(&b, "Kapacitet: ");
	places(&b, r->capacity_centi);
	buf_puts(&b, " pladser · Forventet forbrug: ");
	places(&b, r->demand_centi);
	buf_puts(&b, " pladser");
	if (r->prev_demand_centi >= 0) {
		buf_puts(&b, " (sidste år ");
		places(&b, r->prev_demand_centi);
		buf_puts(&b, ")");
	}
	buf_puts(&b, " · På venteliste: ");
	text_format_int_da(&b, r->waiting);
	text(p, F_BODY, 0, buf_str(&b), 2.0);
	for (k = 0, bit = 1; k < IND_FLAG_COUNT; k++, bit <<= 1) {
		buf_reset(&b);
		buf_printf(&b, "%s: %lld tilbud. %s", ind_flag_label(bit),
		    (long long)r->flagged[k], ind_flag_text(bit));
		text(p, F_BODY, 0, buf_str(&b), 1.0);
	}

	heading(p, "Tilbuddene");
	for (i = 0; i < r->nrows; i++)
		offer(p, &r->rows[i]);

	heading(p, "Målgrupper: sammenhæng mellem behov og udbud (1–5)");
	for (k = 0; k < IND_GROUP_COUNT; k++) {
		g = &ind_groups[k];
		buf_reset(&b);
		buf_printf(&b, "%s: ", g->label);
		if (r->fits[k].rated == 0)
			buf_puts(&b, "ingen vurderinger");
		else {
			text_format_centi_da(&b, (r->fits[k].sum * 100 +
			    r->fits[k].rated / 2) / r->fits[k].rated);
			buf_printf(&b, " i gennemsnit (%lld vurderinger, %lld "
			    "på 1 eller 2)", (long long)r->fits[k].rated,
			    (long long)r->fits[k].low);
		}
		text(p, F_BODY, 0, buf_str(&b), 1.0);
	}
	if (r->nwishes > 0) {
		heading(p, "Kommunernes ønsker til nye tilbud");
		for (i = 0; i < r->nwishes; i++) {
			text(p, F_BOLD, 0, r->wishes[i].org_name, 1.0);
			text(p, F_BODY, INDENT, r->wishes[i].text, 4.0);
		}
	}
	if (r->ndev > 0) {
		heading(p, "Driftsherrernes udvikling");
		for (i = 0; i < r->ndev; i++) {
			text(p, F_BOLD, 0, r->dev[i].org_name, 1.0);
			text(p, F_BODY, INDENT, r->dev[i].text, 4.0);
		}
	}
	heading(p, "Høringssvar");
	if (r->ncomments == 0)
		text(p, F_BODY, 0, "Ingen høringssvar.", 1.0);
	for (i = 0; i < r->ncomments; i++) {
		buf_reset(&b);
		buf_printf(&b, "%s – %s", r->comments[i].org_name,
		    r->comments[i].offer_name != NULL ?
		    r->comments[i].offer_name : "generelt");
		text(p, F_BOLD, 0, buf_str(&b), 1.0);
		text(p, F_BODY, INDENT, r->comments[i].text, 4.0);
	}
	buf_cleanup(&b);
}

static int
pass(struct ipdf *p, cairo_write_func_t write_fn, void *closure)
{
	cairo_font_options_t	*fo;
	cairo_status_t		 st;
	char			 title[64];
	int			 i, pages;

	p->surface = cairo_pdf_surface_create_for_stream(write_fn, closure,
	    PAGE_W, PAGE_H);
	p->cr = cairo_create(p->surface);
	p->fontmap = pango_cairo_font_map_new();
	p->pctx = pango_font_map_create_context(p->fontmap);
	pango_context_set_language(p->pctx, pango_language_from_string("da"));
	pango_cairo_context_set_resolution(p->pctx, 72.0);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(p->pctx, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_update_context(p->cr, p->pctx);
	for (i = 0; i < F_COUNT; i++)
		p->font[i] = pango_font_description_from_string(font_spec[i]);
	snprintf(title, sizeof(title), "Statusbillede %d", p->r->year.year);
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_TITLE,
	    title);
	p->page = 1;
	p->y = MARGIN_T;
	cairo_set_source_rgb(p->cr, 0.0, 0.0, 0.0);
	document(p);
	footer(p);
	pages = p->page;
	for (i = 0; i < F_COUNT; i++)
		pango_font_description_free(p->font[i]);
	g_object_unref(p->pctx);
	g_object_unref(p->fontmap);
	st = cairo_status(p->cr);
	cairo_destroy(p->cr);
	cairo_surface_finish(p->surface);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(p->surface);
	cairo_surface_destroy(p->surface);
	return st == CAIRO_STATUS_SUCCESS ? pages : -1;
}

int
indmelding_pdf_write(const struct ind_report *r, struct buf *out,
    struct err *e)
{
	struct ipdf	p;
	struct buf	doc;
	int		pages;

	memset(&p, 0, sizeof(p));
	p.r = r;
	if ((pages = pass(&p, to_nowhere, NULL)) < 0)
		return err_set(e, ERR_INTERNAL, "pdf_render", NULL,
		    "PDF-filen kunne ikke dannes");
	p.total = pages;
	buf_init(&doc);
	if (pass(&p, to_buf, &doc) < 0) {
		buf_cleanup(&doc);
		return err_set(e, ERR_INTERNAL, "pdf_render", NULL,
		    "PDF-filen kunne ikke dannes");
	}
	buf_append(out, doc.data != NULL ? doc.data : "", doc.len);
	buf_cleanup(&doc);
	return 0;
}
