/*
 * settlement_pdf — a post-adjustment as a PDF (see settlement_pdf.h).
 *
 * One document of facts and a table of at most the municipalities; a
 * table that does not fit goes on over the next page, and every page
 * carries "Side n" and the title in its footer.
 */
#include <stdio.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "core/postadj.h"
#include "report/meeting_fmt.h"
#include "report/settlement_pdf.h"
#include "store/settlement_store.h"
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
#define COL_2		(TEXT_W * 0.45)		/* x of the second column */
#define COL_3		(TEXT_W * 0.70)		/* x of the third column */
#define FONT_FAMILY	"DejaVu Sans"

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
	char			 title[256];
	double			 y;
	int			 page;
};

static cairo_status_t
to_buf(void *closure, const unsigned char *data, unsigned int len)
{
	buf_append(closure, data, len);
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
	char		 text[32];

	cairo_save(d->cr);
	cairo_set_source_rgb(d->cr, 0.3, 0.3, 0.3);
	l = layout(d, F_SMALL, d->title, TEXT_W * 0.75, PANGO_ALIGN_LEFT);
	cairo_move_to(d->cr, MARGIN_L, FOOTER_Y);
	pango_cairo_show_layout(d->cr, l);
	g_object_unref(l);
	snprintf(text, sizeof(text), "Side %d", d->page);
	l = layout(d, F_SMALL, text, TEXT_W, PANGO_ALIGN_RIGHT);
	cairo_move_to(d->cr, MARGIN_L, FOOTER_Y);
	pango_cairo_show_layout(d->cr, l);
	g_object_unref(l);
	cairo_restore(d->cr);
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

/* A row of up to three cells (c NULL: b spans the rest, left-aligned);
 * a new page first if it does not fit. */
static void
row(struct doc *d, enum font f, const char *a, const char *b, const char *c)
{
	double	bw = c != NULL ? COL_3 - COL_2 - 6 : TEXT_W - COL_2;
	double	h, h2;
	PangoLayout *l = layout(d, f, a, COL_2 - 6, PANGO_ALIGN_LEFT);
	PangoLayout *l2 = layout(d, f, b, bw, PANGO_ALIGN_LEFT);

	h = height(l);
	h2 = height(l2);
	g_object_unref(l);
	g_object_unref(l2);
	if (h2 > h)
		h = h2;
	if (d->y + h > TEXT_BOTTOM) {
		footer(d);
		cairo_show_page(d->cr);
		d->page++;
		d->y = MARGIN_T;
	}
	cell(d, f, a, 0, COL_2 - 6, PANGO_ALIGN_LEFT);
	if (c != NULL) {
		cell(d, f, b, COL_2, bw, PANGO_ALIGN_RIGHT);
		cell(d, f, c, COL_3, TEXT_W - COL_3, PANGO_ALIGN_RIGHT);
	} else
		cell(d, f, b, COL_2, bw, PANGO_ALIGN_LEFT);
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

/* Hundredths as "1.234,56", whole ones as "1.234" (places, percentages
 * in basis points), as the page shows them. */
static const char *
centi(char *out, size_t n, int64_t v)
{
	struct buf	b;
	uint64_t	a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

	buf_init(&b);
	if (v < 0)
		buf_puts(&b, "-");
	text_format_int_da(&b, (int64_t)(a / 100));
	if (a % 100 != 0)
		buf_printf(&b, ",%02u", (unsigned)(a % 100));
	snprintf(out, n, "%s", buf_str(&b));
	buf_cleanup(&b);
	return out;
}

static void
facts(struct doc *d, const struct settlement *s)
{
	char		 t[64], k[TEXT_KR_SIZE];
	struct buf	 b;
	int64_t		 actual;

	buf_init(&b);
	row(d, F_BODY, "Institution", s->offer_name, NULL);
	row(d, F_BODY, "Driftsherre", s->operator_name != NULL ?
	    s->operator_name : "", NULL);
	snprintf(t, sizeof(t), "%d", s->year);
	row(d, F_BODY, "År", t, NULL);
	row(d, F_BODY, "Pladser", centi(t, sizeof(t), s->places_centi), NULL);
	buf_printf(&b, "%s %%", centi(t, sizeof(t), s->assumed_bp));
	row(d, F_BODY, "Forudsat belægning", buf_str(&b), NULL);
	buf_reset(&b);
	actual = postadj_actual_bp(s->occupied_days, s->places_centi,
	    s->day_basis);
	if (actual >= 0)
		buf_printf(&b, "%s %%", centi(t, sizeof(t), actual));
	else
		buf_puts(&b, "–");
	row(d, F_BODY, "Faktisk belægning", buf_str(&b), NULL);
	buf_reset(&b);
	text_format_int_da(&b, s->occupied_days);
	buf_puts(&b, " af ");
	text_format_int_da(&b, s->places_centi * s->day_basis / 100);
	buf_puts(&b, " pladsdøgn");
	row(d, F_BODY, "Belagte døgn", buf_str(&b), NULL);
	text_format_ore_da(k, s->tariff_ore);
	row(d, F_BODY, "Takst pr. døgn", k, NULL);
	text_format_ore_da(k, s->billed_ore);
	row(d, F_BODY, "Opkrævet (belagte døgn × takst)", k, NULL);
	buf_reset(&b);
	text_format_ore_da(k, s->cost_ore);
	buf_printf(&b, "%s (%s)", k, strcmp(s->cost_source, "accounts") == 0 ?
	    "fra regnskabet" : "indtastet");
	row(d, F_BODY, "Årets omkostninger", buf_str(&b), NULL);
	buf_reset(&b);
	text_format_ore_da(k, s->difference_ore < 0 ? -s->difference_ore :
	    s->difference_ore);
	buf_printf(&b, "%s %s", s->difference_ore > 0 ? "Underskud" :
	    s->difference_ore < 0 ? "Overskud" : "Balance", k);
	if (s->difference_ore != 0)
		buf_puts(&b, s->difference_ore > 0 ? ", betales af kommunerne" :
		    ", betales tilbage til kommunerne");
	row(d, F_BOLD, "Resultat", buf_str(&b), NULL);
	row(d, F_BODY, "Fordelingsnøgle", s->key_label, NULL);
	if (s->reason != NULL)
		row(d, F_BODY, "Begrundelse", s->reason, NULL);
	buf_cleanup(&b);
}

static void
shares(struct doc *d, const struct settlement *s)
{
	char		 k[TEXT_KR_SIZE];
	struct buf	 b;
	int64_t		 total = 0, weights = 0;
	size_t		 i;

	d->y += 10;
	d->y += cell(d, F_HEAD, "Fordeling på kommuner", 0, TEXT_W,
	    PANGO_ALIGN_LEFT) + 4;
	d->y += cell(d, F_SMALL, "Positivt beløb: kommunen betaler; negativt: "
	    "kommunen får tilbage.", 0, TEXT_W, PANGO_ALIGN_LEFT) + 6;
	if (s->nshares == 0) {
		row(d, F_BODY, "Kommunen har ingen andel i denne "
		    "efterregulering.", "", NULL);
		return;
	}
	buf_init(&b);
	row(d, F_BOLD, "Kommune", "Fordelingsnøgle", "Andel");
	rule(d);
	for (i = 0; i < s->nshares; i++) {
		buf_reset(&b);
		text_format_int_da(&b, s->shares[i].weight);
		text_format_ore_da(k, s->shares[i].amount_ore);
		row(d, F_BODY, s->shares[i].org_name, buf_str(&b), k);
		total += s->shares[i].amount_ore;
		weights += s->shares[i].weight;
	}
	rule(d);
	buf_reset(&b);
	text_format_int_da(&b, weights);
	text_format_ore_da(k, total);
	row(d, F_BOLD, "I alt", buf_str(&b), k);
	buf_cleanup(&b);
}

int
settlement_pdf(const struct settlement *s, struct buf *out, struct err *e)
{
	cairo_font_options_t	*fo;
	cairo_status_t		 st;
	struct doc		 d;
	struct buf		 b, sub;
	char			 day[11];
	int			 k;

	memset(&d, 0, sizeof(d));
	snprintf(d.title, sizeof(d.title), "Efterregulering %d: %s", s->year,
	    s->offer_name);
	buf_init(&b);
	d.surface = cairo_pdf_surface_create_for_stream(to_buf, &b, PAGE_W,
	    PAGE_H);
	d.cr = cairo_create(d.surface);
	d.fontmap = pango_cairo_font_map_new();
	d.pctx = pango_font_map_create_context(d.fontmap);
	pango_context_set_language(d.pctx, pango_language_from_string("da"));
	pango_cairo_context_set_resolution(d.pctx, 72.0);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(d.pctx, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_update_context(d.cr, d.pctx);
	for (k = 0; k < F_COUNT; k++)
		d.font[k] = pango_font_description_from_string(font_spec[k]);
	cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_TITLE,
	    d.title);
	cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_CREATOR,
	    "ramme");
	d.page = 1;
	d.y = MARGIN_T;
	cairo_set_source_rgb(d.cr, 0, 0, 0);
	d.y += cell(&d, F_TITLE, d.title, 0, TEXT_W, PANGO_ALIGN_LEFT) + 4;
	buf_init(&sub);
	buf_printf(&sub, "Sikret institution · version %d", s->version);
	snprintf(day, sizeof(day), "%s", s->created_at != NULL ?
	    s->created_at : "");
	if (text_date_valid(day)) {
		buf_puts(&sub, " · beregnet ");
		text_format_date_da(&sub, day);
	}
	d.y += cell(&d, F_BODY, buf_str(&sub), 0, TEXT_W, PANGO_ALIGN_LEFT) +
	    14;
	buf_cleanup(&sub);
	facts(&d, s);
	shares(&d, s);
	footer(&d);
	cairo_destroy(d.cr);
	cairo_surface_finish(d.surface);
	st = cairo_surface_status(d.surface);
	cairo_surface_destroy(d.surface);
	for (k = 0; k < F_COUNT; k++)
		pango_font_description_free(d.font[k]);
	g_object_unref(d.pctx);
	g_object_unref(d.fontmap);
	if (st != CAIRO_STATUS_SUCCESS) {
		buf_cleanup(&b);
		return err_set(e, ERR_INTERNAL, "pdf_render", NULL,
		    "PDF-filen kunne ikke dannes");
	}
	buf_append(out, b.data, b.len);
	buf_cleanup(&b);
	return 0;
}
