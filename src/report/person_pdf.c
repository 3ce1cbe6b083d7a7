/*
 * person_pdf — one person's data as PDF (see person_pdf.h).
 */
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "report/person_pdf.h"
#include "report/meeting_fmt.h"
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
	const json_t		*d;	/* the dossier */
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
	snprintf(text, sizeof(text), "Persondata");
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

/* The sections of the dossier in order, with their Danish headings. */
static const struct {
	const char	*key;
	const char	*title;
} sections[] = {
	{ "person", "Person" },
	{ "user", "Brugerkonto" },
	{ "memberships", "Medlemskaber af organer" },
	{ "nominations", "Udpegninger" },
	{ "participations", "Deltagelse i møder" },
	{ "apologies", "Afbud" },
	{ "minutes_signoffs", "Godkendelser af referater" },
	{ "audit_as_actor", "Revisionsspor: ændringer foretaget af personen" },
	{ "audit_as_subject", "Revisionsspor: ændringer af personen" },
	{ "login_log", "Loginlog" },
	{ "sessions", "Sessioner" },
	{ "mail", "E-mails" },
	{ "notice_optouts", "Fravalgte notifikationer" },
};

/* One row as "felt: værdi; felt: værdi" into b. */
static void
row_text(struct buf *b, json_t *row)
{
	const char	*k;
	json_t		*v;
	int		 first = 1;

	buf_reset(b);
	json_object_foreach(row, k, v) {
		if (json_is_null(v))
			continue;
		buf_printf(b, "%s%s: ", first ? "" : "; ", k);
		first = 0;
		if (json_is_string(v))
			buf_puts(b, json_string_value(v));
		else if (json_is_integer(v))
			buf_printf(b, "%lld", (long long)json_integer_value(v));
		else if (json_is_true(v))
			buf_puts(b, "ja");
		else if (json_is_false(v))
			buf_puts(b, "nej");
	}
}

static void
document(struct ipdf *p)
{
	json_t		*arr, *row, *person;
	struct buf	 b;
	size_t		 i, k;

	buf_init(&b);
	person = json_array_get(json_object_get(p->d, "person"), 0);
	buf_printf(&b, "Persondata: %s", json_string_value(json_object_get(
	    person, "name")) != NULL ? json_string_value(json_object_get(
	    person, "name")) : "");
	cairo_tag_begin(p->cr, "H1", NULL);
	text(p, F_TITLE, 0, buf_str(&b), 4.0);
	cairo_tag_end(p->cr, "H1");
	buf_reset(&b);
	buf_printf(&b, "Alt hvad ramme har registreret om personen, dannet %s "
	    "(UTC).", json_string_value(json_object_get(p->d,
	    "exported_at")) != NULL ? json_string_value(json_object_get(p->d,
	    "exported_at")) : "");
	text(p, F_BODY, 0, buf_str(&b), 6.0);
	for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++) {
		arr = json_object_get(p->d, sections[i].key);
		heading(p, sections[i].title);
		if (json_array_size(arr) == 0) {
			text(p, F_BODY, 0, "Intet registreret.", 1.0);
			continue;
		}
		json_array_foreach(arr, k, row) {
			row_text(&b, row);
			text(p, F_BODY, 0, buf_str(&b), 3.0);
		}
	}
	buf_cleanup(&b);
}

static int
pass(struct ipdf *p, cairo_write_func_t write_fn, void *closure)
{
	cairo_font_options_t	*fo;
	cairo_status_t		 st;
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
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_TITLE,
	    "Persondata");
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
person_pdf_write(const json_t *dossier, struct buf *out, struct err *e)
{
	struct ipdf	p;
	struct buf	doc;
	int		pages;

	memset(&p, 0, sizeof(p));
	p.d = dossier;
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
