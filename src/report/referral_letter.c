/*
 * referral_letter — the referral units' letter of the reinforced
 * cooperation as PDF (see referral_letter.h). Laid out twice, as
 * report/pdf.c does: the first pass counts the pages, the second draws
 * "Side n af N".
 */
#include <stdio.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "report/referral_letter.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

#define PT_PER_MM	(72.0 / 25.4)
#define PAGE_W		(210.0 * PT_PER_MM)	/* A4 */
#define PAGE_H		(297.0 * PT_PER_MM)
#define MARGIN_L	(25.0 * PT_PER_MM)
#define MARGIN_R	(20.0 * PT_PER_MM)
#define MARGIN_T	(25.0 * PT_PER_MM)
#define MARGIN_B	(25.0 * PT_PER_MM)
#define TEXT_W		(PAGE_W - MARGIN_L - MARGIN_R)

enum font { F_BODY, F_BOLD, F_TITLE, F_SMALL, F_COUNT };

static const char *const font_spec[F_COUNT] = {
	"DejaVu Sans 10", "DejaVu Sans Bold 10", "DejaVu Sans Bold 15",
	"DejaVu Sans 8",
};

struct letter {
	const struct referral_letter	*l;
	cairo_surface_t			*surface;
	cairo_t				*cr;
	PangoFontMap			*fontmap;
	PangoContext			*pctx;
	PangoFontDescription		*font[F_COUNT];
	double				 y;		/* points from top */
	int				 page;
	int				 total;		/* 0 in the count pass */
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

static void
footer(struct letter *p)
{
	PangoLayout	*lay;
	char		 t[64];

	if (p->total > 0)
		snprintf(t, sizeof(t), "Side %d af %d", p->page, p->total);
	else
		snprintf(t, sizeof(t), "Side %d", p->page);
	lay = pango_layout_new(p->pctx);
	pango_layout_set_font_description(lay, p->font[F_SMALL]);
	pango_layout_set_width(lay, (int)(TEXT_W * PANGO_SCALE));
	pango_layout_set_alignment(lay, PANGO_ALIGN_RIGHT);
	pango_layout_set_text(lay, t, -1);
	cairo_move_to(p->cr, MARGIN_L, PAGE_H - MARGIN_B + 10.0);
	pango_cairo_show_layout(p->cr, lay);
	g_object_unref(lay);
}

/* Text in font with indent, wrapped; a new page when it does not fit. */
static void
para(struct letter *p, enum font f, double indent, const char *text,
    double after)
{
	PangoLayout	*lay;
	int		 w, h;

	lay = pango_layout_new(p->pctx);
	pango_layout_set_font_description(lay, p->font[f]);
	pango_layout_set_width(lay, (int)((TEXT_W - indent) * PANGO_SCALE));
	pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(lay, text, -1);
	pango_layout_get_size(lay, &w, &h);
	if (p->y + (double)h / PANGO_SCALE > PAGE_H - MARGIN_B) {
		footer(p);
		cairo_show_page(p->cr);
		p->page++;
		p->y = MARGIN_T;
	}
	cairo_move_to(p->cr, MARGIN_L + indent, p->y);
	pango_cairo_show_layout(p->cr, lay);
	p->y += (double)h / PANGO_SCALE + after;
	g_object_unref(lay);
}

static void
document(struct letter *p)
{
	const struct referral_letter	*l = p->l;
	struct buf			 b;
	size_t				 i;

	buf_init(&b);
	para(p, F_BODY, 0, l->sender, 2);
	buf_reset(&b);
	text_format_date_da(&b, l->dated);
	para(p, F_BODY, 0, buf_str(&b), 24);
	para(p, F_BOLD, 0, "Til kommunernes visitationsenheder", 14);
	buf_reset(&b);
	buf_printf(&b, "Tilbud omfattet af det forstærkede samarbejde fra "
	    "1. juli %d", l->year);
	para(p, F_TITLE, 0, buf_str(&b), 12);
	buf_reset(&b);
	buf_printf(&b, "Den Administrative Styregruppe (DAS) har efter "
	    "ekspertpanelets indstilling besluttet, hvilke tilbud der er "
	    "omfattet af det forstærkede samarbejde fra 1. juli %d. For "
	    "tilbuddene gælder beskyttede konkurrencevilkår, en systematisk "
	    "og forpligtende dialog mellem driftsherre og kommuner og en "
	    "tidlig fælles indsats, hvis et tilbuds bæredygtighed er truet.",
	    l->year);
	para(p, F_BODY, 0, buf_str(&b), 8);
	para(p, F_BODY, 0, "Vi beder visitationsenhederne være opmærksomme "
	    "på tilbuddene, når der vælges tilbud til borgere i deres "
	    "målgrupper.", 14);
	if (l->noffers == 0)
		para(p, F_BODY, 0, "Ingen tilbud er omfattet.", 8);
	for (i = 0; i < l->noffers; i++) {
		const struct referral_offer *o = &l->offers[i];

		para(p, F_BOLD, 0, o->name, 1);
		buf_reset(&b);
		if (o->operator_name != NULL && *o->operator_name != '\0')
			buf_printf(&b, "Driftsherre: %s · ", o->operator_name);
		buf_puts(&b, "Omfattet fra ");
		text_format_date_da(&b, o->valid_from);
		if (o->status != NULL && *o->status != '\0')
			buf_printf(&b, " · %s", o->status);
		para(p, F_BODY, 12, buf_str(&b), 8);
	}
	p->y += 12;
	para(p, F_BODY, 0, "Med venlig hilsen", 2);
	para(p, F_BODY, 0, l->sender, 0);
	footer(p);
	buf_cleanup(&b);
}

static int
pass(struct letter *p, cairo_write_func_t fn, void *closure)
{
	cairo_status_t	st;
	int		i;

	p->surface = cairo_pdf_surface_create_for_stream(fn, closure, PAGE_W,
	    PAGE_H);
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_TITLE,
	    "Tilbud omfattet af det forstærkede samarbejde");
	p->cr = cairo_create(p->surface);
	p->fontmap = pango_cairo_font_map_new();
	p->pctx = pango_font_map_create_context(p->fontmap);
	pango_context_set_language(p->pctx, pango_language_from_string("da"));
	pango_cairo_context_set_resolution(p->pctx, 72.0);
	pango_cairo_update_context(p->cr, p->pctx);
	for (i = 0; i < F_COUNT; i++)
		p->font[i] = pango_font_description_from_string(font_spec[i]);
	p->page = 1;
	p->y = MARGIN_T;
	cairo_set_source_rgb(p->cr, 0.0, 0.0, 0.0);
	document(p);
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
	return st == CAIRO_STATUS_SUCCESS ? p->page : -1;
}

int
referral_letter_pdf(const struct referral_letter *l, struct buf *out,
    struct err *e)
{
	struct letter	p;
	struct buf	doc;
	int		pages;

	memset(&p, 0, sizeof(p));
	p.l = l;
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
