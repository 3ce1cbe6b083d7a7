/*
 * pdf — agenda, minutes and meeting packet as PDF (see pdf.h).
 *
 * Layout is a single column flowing down A4 pages. Every text goes
 * through one routine, flow(), which lays it out with pango at the
 * column's width and draws it line by line, starting a new page when the
 * next line would cross the bottom margin; headings ask for room for a
 * few lines after them so they never end a page. The document is laid
 * out twice with identical fonts and metrics (hinting off): the first
 * pass writes to nowhere and only counts pages, the second draws "Side n
 * af N" and the bookmarks.
 *
 * The packet joins PDFs with pdfunite (poppler-utils) through
 * posix_spawnp, never a shell; see pdf_packet_write() in pdf.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "report/meeting_fmt.h"
#include "report/meeting_view.h"
#include "report/pdf.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/mem.h"

#define PT_PER_MM	(72.0 / 25.4)
#define PAGE_W		(210.0 * PT_PER_MM)		/* A4 */
#define PAGE_H		(297.0 * PT_PER_MM)
#define MARGIN_L	(25.0 * PT_PER_MM)
#define MARGIN_R	(20.0 * PT_PER_MM)
#define MARGIN_T	(20.0 * PT_PER_MM)
#define TEXT_W		(PAGE_W - MARGIN_L - MARGIN_R)
#define TEXT_BOTTOM	(PAGE_H - 25.0 * PT_PER_MM)
#define FOOTER_Y	(PAGE_H - 17.0 * PT_PER_MM)
#define LABEL_W		(36.0 * PT_PER_MM)	/* header block labels */
#define INDENT		(5.0 * PT_PER_MM)	/* bilag list */

#define FONT_FAMILY	"DejaVu Sans"

enum font {
	F_BODY,		/* running text, 10 pt */
	F_BOLD,		/* labels, 10 pt bold */
	F_ITEM,		/* item headings, 11 pt bold */
	F_SECTION,	/* section headings, 13 pt bold */
	F_TITLE,	/* "Dagsorden", 20 pt bold */
	F_SMALL,	/* footer, 8 pt */
	F_COUNT
};

static const char *font_spec[F_COUNT] = {
	[F_BODY]	= FONT_FAMILY " 10",
	[F_BOLD]	= FONT_FAMILY " Bold 10",
	[F_ITEM]	= FONT_FAMILY " Bold 11",
	[F_SECTION]	= FONT_FAMILY " Bold 13",
	[F_TITLE]	= FONT_FAMILY " Bold 20",
	[F_SMALL]	= FONT_FAMILY " 8",
};

/* An attachment on the packet's contents page. */
struct pdf_att {
	const char	*name;		/* shown name of the file */
	const struct meeting_view_item *item;
};

enum att_page {
	ATT_NONE,			/* no contents page */
	ATT_MERGED,			/* the attachments follow */
	ATT_SEPARATE			/* they could not be joined */
};

struct pdf {
	cairo_surface_t		*surface;
	cairo_t			*cr;
	PangoFontMap		*fontmap;	/* own map: thread-safe */
	PangoContext		*pctx;
	PangoFontDescription	*font[F_COUNT];
	const struct meeting_view *v;
	enum pdf_kind		 kind;
	bool			 include_closed;
	double			 y;		/* top of the next line */
	int			 page;		/* current page, from 1 */
	int			 total;		/* pages; 0 while counting */
	int			 outline;	/* bookmark parent of items */
	int			 mark_page;	/* where the last heading is */
	double			 mark_y;
	struct buf		 foot;		/* footer text, left */
	const struct pdf_att	*att;		/* packet contents page */
	size_t			 natt;
	enum att_page		 att_page;
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

static const char *
kind_name(enum pdf_kind kind)
{
	return kind == PDF_MINUTES ? "Referat" : "Dagsorden";
}

static bool
cancelled(const struct meeting_view *v)
{
	return v->cancelled || (v->state != NULL &&
	    strcmp(v->state, "aflyst") == 0);
}

/* Minutes not yet approved are printed as a draft. */
static bool
draft(const struct pdf *p)
{
	return p->kind == PDF_MINUTES && !meeting_fmt_minutes_approved(p->v);
}

/* ---- Text and pages -------------------------------------------------- */

/*
 * A layout of prefix (bold, a literal) followed by text (cleaned to
 * valid UTF-8), width points wide, in font f.
 */
static PangoLayout *
layout(struct pdf *p, enum font f, const char *prefix, const char *text,
    double width)
{
	PangoLayout	*l;
	PangoAttrList	*attrs;
	PangoAttribute	*a;
	struct buf	 b;
	size_t		 plen = prefix != NULL ? strlen(prefix) : 0;

	buf_init(&b);
	if (prefix != NULL)
		buf_puts(&b, prefix);
	meeting_fmt_utf8(&b, text);
	l = pango_layout_new(p->pctx);
	pango_layout_set_font_description(l, p->font[f]);
	pango_layout_set_width(l, pango_units_from_double(width));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
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

static double
layout_height(PangoLayout *l)
{
	int	w, h;

	pango_layout_get_size(l, &w, &h);
	return pango_units_to_double(h);
}

/* Height of one line of running text. */
static double
line_height(struct pdf *p)
{
	PangoLayout	*l = layout(p, F_BODY, NULL, "Æg", TEXT_W);
	double		 h = layout_height(l);

	g_object_unref(l);
	return h;
}

static void
footer(struct pdf *p)
{
	PangoLayout	*l;
	char		 text[64];

	cairo_save(p->cr);
	cairo_set_source_rgb(p->cr, 0.6, 0.6, 0.6);
	cairo_set_line_width(p->cr, 0.5);
	cairo_move_to(p->cr, MARGIN_L, FOOTER_Y - 4.0);
	cairo_line_to(p->cr, PAGE_W - MARGIN_R, FOOTER_Y - 4.0);
	cairo_stroke(p->cr);
	cairo_set_source_rgb(p->cr, 0.3, 0.3, 0.3);
	l = layout(p, F_SMALL, NULL, buf_str(&p->foot), TEXT_W * 0.75);
	cairo_move_to(p->cr, MARGIN_L, FOOTER_Y);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
	snprintf(text, sizeof(text), "Side %d af %d", p->page,
	    p->total > 0 ? p->total : p->page);
	l = layout(p, F_SMALL, NULL, text, TEXT_W);
	pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
	cairo_move_to(p->cr, MARGIN_L, FOOTER_Y);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
	cairo_restore(p->cr);
}

static void
new_page(struct pdf *p)
{
	footer(p);
	cairo_show_page(p->cr);
	p->page++;
	p->y = MARGIN_T;
}

/* True when nothing has been drawn below the top margin yet. */
static bool
page_empty(const struct pdf *p)
{
	return p->y <= MARGIN_T + 0.01;
}

/*
 * Leave space before the next block, or start a new page when fewer
 * than keep points would be left after it.
 */
static void
space(struct pdf *p, double before, double keep)
{
	if (page_empty(p))
		return;
	if (p->y + before + keep > TEXT_BOTTOM) {
		new_page(p);
		return;
	}
	p->y += before;
}

/* Draw l at x line by line from p->y, breaking pages between lines. */
static void
flow(struct pdf *p, PangoLayout *l, double x)
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
		if (p->y + h > TEXT_BOTTOM && !page_empty(p))
			new_page(p);
		cairo_move_to(p->cr, x + pango_units_to_double(r.x),
		    p->y + base);
		pango_cairo_show_layout_line(p->cr,
		    pango_layout_iter_get_line_readonly(it));
		p->y += h;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

/*
 * Structure tags make the PDF a tagged PDF (headings, paragraphs) for
 * screen readers; cairo writes them from the second pass's drawing.
 */
static void
tag_begin(struct pdf *p, const char *tag)
{
	cairo_tag_begin(p->cr, tag, NULL);
}

static void
tag_end(struct pdf *p, const char *tag)
{
	cairo_tag_end(p->cr, tag);
}

/*
 * Running text (nothing when text is blank): each line of text is a
 * paragraph, set PARA_GAP apart; blank lines only separate. prefix
 * (bold) goes before the first.
 */
#define PARA_GAP	3.0

static void
para(struct pdf *p, enum font f, const char *prefix, const char *text,
    double before)
{
	PangoLayout	*l;
	const char	*s, *nl;
	char		*one;
	bool		 first = true;

	if (meeting_fmt_blank(text))
		return;
	for (s = text; *s != '\0'; s = *nl != '\0' ? nl + 1 : nl) {
		if ((nl = strchr(s, '\n')) == NULL)
			nl = s + strlen(s);
		one = xmalloc((size_t)(nl - s) + 1);
		memcpy(one, s, (size_t)(nl - s));
		one[nl - s] = '\0';
		if (!meeting_fmt_blank(one)) {
			l = layout(p, f, first ? prefix : NULL, one, TEXT_W);
			space(p, first ? before : PARA_GAP, line_height(p));
			tag_begin(p, "P");
			flow(p, l, MARGIN_L);
			tag_end(p, "P");
			g_object_unref(l);
			first = false;
		}
		free(one);
	}
}

/*
 * A heading kept together with the given number of lines of what
 * follows, tagged tag ("H1" ...).
 */
static void
heading(struct pdf *p, enum font f, const char *tag, const char *text,
    double before, double keep_lines)
{
	PangoLayout	*l = layout(p, f, NULL, text, TEXT_W);

	space(p, before, layout_height(l) + keep_lines * line_height(p));
	p->mark_page = p->page;
	p->mark_y = p->y;
	tag_begin(p, tag);
	flow(p, l, MARGIN_L);
	tag_end(p, tag);
	g_object_unref(l);
}

/* A bold label ("Indstilling") followed by its text. */
static void
labelled(struct pdf *p, const char *label, const char *text)
{
	if (meeting_fmt_blank(text))
		return;
	heading(p, F_BOLD, "H4", label, 7.0, 3.0);
	para(p, F_BODY, NULL, text, 1.0);
}

/* A bookmark to the last heading (second pass only). */
static int
bookmark(struct pdf *p, int parent, const char *title)
{
	struct buf	attrs, t;
	int		id;

	if (p->total == 0)
		return parent;
	buf_init(&attrs);
	buf_init(&t);
	meeting_fmt_utf8(&t, title);
	buf_printf(&attrs, "page=%d pos=[%d %d]", p->mark_page,
	    (int)MARGIN_L, (int)p->mark_y);
	id = cairo_pdf_surface_add_outline(p->surface, parent, buf_str(&t),
	    buf_str(&attrs), 0);
	buf_cleanup(&attrs);
	buf_cleanup(&t);
	return id;
}

/* ---- The document ----------------------------------------------------- */

/* A person without a status counts as a participant. */
static bool
has_status(const struct meeting_view_person *mp, const char *status)
{
	if (meeting_fmt_blank(mp->name))
		return false;
	if (mp->status == NULL)
		return strcmp(status, "deltager") == 0;
	return strcmp(mp->status, status) == 0;
}

/* "A, B og C" of the people with the given status. */
static void
people_list(struct buf *b, const struct meeting_view *v, const char *status)
{
	size_t	i, n = 0, k = 0;

	for (i = 0; i < v->npeople; i++)
		if (has_status(&v->people[i], status))
			n++;
	for (i = 0; i < v->npeople; i++) {
		const struct meeting_view_person *mp = &v->people[i];

		if (!has_status(mp, status))
			continue;
		if (k > 0)
			buf_puts(b, k + 1 == n ? " og " : ", ");
		k++;
		buf_puts(b, mp->name);
		if (!meeting_fmt_blank(mp->organisation))
			buf_printf(b, " (%s)", mp->organisation);
		if (!meeting_fmt_blank(mp->substitute))
			buf_printf(b, strcmp(status, "afbud") == 0 ?
			    " – %s deltog i stedet" : " (stedfortræder: %s)",
			    mp->substitute);
	}
}

/* One row of the header block; nothing when value is blank. */
static void
header_row(struct pdf *p, const char *label, const char *value)
{
	PangoLayout	*lab, *val;
	double		 h;

	if (meeting_fmt_blank(value))
		return;
	lab = layout(p, F_BOLD, NULL, label, LABEL_W - 6.0);
	val = layout(p, F_BODY, NULL, value, TEXT_W - LABEL_W);
	h = layout_height(val);
	if (layout_height(lab) > h)
		h = layout_height(lab);
	if (p->y + h > TEXT_BOTTOM && !page_empty(p))
		new_page(p);
	tag_begin(p, "P");
	cairo_move_to(p->cr, MARGIN_L, p->y);
	pango_cairo_show_layout(p->cr, lab);
	cairo_move_to(p->cr, MARGIN_L + LABEL_W, p->y);
	pango_cairo_show_layout(p->cr, val);
	tag_end(p, "P");
	p->y += h + 3.0;
	g_object_unref(lab);
	g_object_unref(val);
}

static void
header(struct pdf *p)
{
	const struct meeting_view	*v = p->v;
	struct buf			 b;

	buf_init(&b);
	buf_puts(&b, kind_name(p->kind));
	if (draft(p))
		buf_puts(&b, " – udkast");
	heading(p, F_TITLE, "H1", buf_str(&b), 0.0, 3.0);
	p->y += 8.0;
	if (cancelled(v)) {
		cairo_set_source_rgb(p->cr, 0.7, 0.0, 0.0);
		para(p, F_SECTION, NULL, "Mødet er aflyst", 0.0);
		cairo_set_source_rgb(p->cr, 0.0, 0.0, 0.0);
		p->y += 8.0;
	}
	header_row(p, "Møde", !meeting_fmt_blank(v->title) ? v->title :
	    v->body_name);
	buf_reset(&b);
	meeting_fmt_when_da(&b, v);
	header_row(p, "Tid", buf_str(&b));
	buf_reset(&b);
	if (!meeting_fmt_blank(v->place))
		buf_puts(&b, v->place);
	if (!meeting_fmt_blank(v->room))
		buf_printf(&b, "%s%s", b.len > 0 ? ", " : "", v->room);
	header_row(p, "Sted", buf_str(&b));
	buf_reset(&b);
	people_list(&b, v, "deltager");
	header_row(p, "Deltagere", buf_str(&b));
	buf_reset(&b);
	people_list(&b, v, "afbud");
	header_row(p, "Afbud", buf_str(&b));
	buf_reset(&b);
	people_list(&b, v, "fravaerende");
	header_row(p, "Fraværende", buf_str(&b));
	header_row(p, "Referent", v->referent);
	buf_reset(&b);
	if (!meeting_fmt_blank(v->case_no) || !meeting_fmt_blank(v->doc_no))
		buf_printf(&b, "%s / %s", !meeting_fmt_blank(v->case_no) ?
		    v->case_no : "–", !meeting_fmt_blank(v->doc_no) ?
		    v->doc_no : "–");
	header_row(p, "Sagsnr./Dok.nr.", buf_str(&b));
	buf_cleanup(&b);

	p->y += 6.0;
	cairo_set_line_width(p->cr, 0.8);
	cairo_move_to(p->cr, MARGIN_L, p->y);
	cairo_line_to(p->cr, PAGE_W - MARGIN_R, p->y);
	cairo_stroke(p->cr);
	p->y += 6.0;
}

/*
 * Make what is drawn next a link to url when it is absolute and safe to
 * put in cairo's attribute syntax ('...' without quotes or backslashes).
 * Returns whether a link was begun.
 */
static bool
link_begin(struct pdf *p, const char *url)
{
	struct buf	attrs;

	if (!meeting_fmt_url_absolute(url) || strpbrk(url, "'\\") != NULL)
		return false;
	buf_init(&attrs);
	buf_printf(&attrs, "uri='%s'", url);
	cairo_tag_begin(p->cr, CAIRO_TAG_LINK, buf_str(&attrs));
	buf_cleanup(&attrs);
	return true;
}

/* "Godkendt" from "godkendt" (ASCII first letters only). */
static void
capitalised(struct buf *b, const char *s)
{
	size_t	start = b->len;

	meeting_fmt_utf8(b, s);
	if (b->len > start && b->data[start] >= 'a' && b->data[start] <= 'z')
		b->data[start] = (char)(b->data[start] - 'a' + 'A');
}

static void
item(struct pdf *p, const struct meeting_view_item *it)
{
	struct buf	b;
	size_t		k, nfiles = 0;
	bool		link;

	buf_init(&b);
	buf_printf(&b, "%d. ", it->number);
	meeting_fmt_utf8(&b, it->title);
	/* Titles usually carry the initials already: "… (HETH)". */
	if (!meeting_fmt_blank(it->presenter) &&
	    !meeting_fmt_title_names(it->title, it->presenter)) {
		buf_puts(&b, " (");
		meeting_fmt_utf8(&b, it->presenter);
		buf_putc(&b, ')');
	}
	if (it->closed)
		buf_puts(&b, " – lukket punkt");
	/* Room for the heading, a label and a few lines of text. */
	heading(p, F_ITEM, "H3", buf_str(&b), 16.0, 5.0);
	(void)bookmark(p, p->outline, buf_str(&b));

	para(p, F_BODY, NULL, it->background, 4.0);
	labelled(p, "Tidligere indstilling", it->earlier);
	labelled(p, "Indstilling", it->recommendation);

	for (k = 0; k < it->nfiles; k++)
		if (meeting_fmt_file_shown(it, &it->files[k],
		    p->include_closed))
			nfiles++;
	if (nfiles > 0) {
		heading(p, F_BOLD, "H4", "Bilag", 7.0, 2.0);
		for (k = 0; k < it->nfiles; k++) {
			const struct meeting_view_file *f = &it->files[k];
			PangoLayout *l;

			if (!meeting_fmt_file_shown(it, f, p->include_closed))
				continue;
			buf_reset(&b);
			buf_puts(&b, "• ");
			meeting_fmt_utf8(&b, !meeting_fmt_blank(f->name) ?
			    f->name : "Bilag");
			if (f->closed)
				buf_puts(&b, " (lukket bilag)");
			l = layout(p, F_BODY, NULL, buf_str(&b),
			    TEXT_W - INDENT);
			tag_begin(p, "P");
			link = link_begin(p, f->url);
			flow(p, l, MARGIN_L + INDENT);
			if (link)
				cairo_tag_end(p->cr, CAIRO_TAG_LINK);
			tag_end(p, "P");
			g_object_unref(l);
		}
	}

	if (p->kind == PDF_MINUTES) {
		labelled(p, "Referat", it->minutes);
		if (!meeting_fmt_blank(it->result)) {
			buf_reset(&b);
			capitalised(&b, it->result);
			para(p, F_BODY, "Beslutning: ", buf_str(&b), 7.0);
		}
	}
	buf_cleanup(&b);
}

/* The packet's contents page. */
static void
contents_page(struct pdf *p)
{
	struct buf	b;
	size_t		i;

	if (p->att_page == ATT_NONE)
		return;
	if (!page_empty(p))
		new_page(p);
	heading(p, F_SECTION, "H2", p->att_page == ATT_MERGED ?
	    "Bilag i denne mødepakke" : "Bilag til mødet", 0.0, 3.0);
	(void)bookmark(p, CAIRO_PDF_OUTLINE_ROOT, "Bilag");
	para(p, F_BODY, NULL, p->att_page == ATT_MERGED ?
	    "Bilagene følger efter denne side i den rækkefølge, de er "
	    "nævnt her." :
	    "Bilagene kunne ikke samles i denne fil. De findes som "
	    "separate filer ved mødet:", 6.0);
	buf_init(&b);
	for (i = 0; i < p->natt; i++) {
		buf_reset(&b);
		buf_printf(&b, "%zu. ", i + 1);
		meeting_fmt_utf8(&b, !meeting_fmt_blank(p->att[i].name) ?
		    p->att[i].name : "Bilag");
		buf_printf(&b, " – til punkt %d", p->att[i].item->number);
		para(p, F_BODY, NULL, buf_str(&b), 4.0);
	}
	buf_cleanup(&b);
}

static void
document(struct pdf *p)
{
	const struct meeting_view	*v = p->v;
	const char			*section = NULL;
	size_t				 i;

	header(p);
	p->outline = CAIRO_PDF_OUTLINE_ROOT;
	for (i = 0; i < v->nitems; i++) {
		const struct meeting_view_item *it = &v->items[i];

		if (!meeting_fmt_item_shown(it, p->include_closed))
			continue;
		if (!meeting_fmt_blank(it->section) && (section == NULL ||
		    strcmp(section, it->section) != 0)) {
			heading(p, F_SECTION, "H2", it->section, 20.0, 8.0);
			p->outline = bookmark(p, CAIRO_PDF_OUTLINE_ROOT,
			    it->section);
			section = it->section;
		}
		item(p, it);
	}
	contents_page(p);
	footer(p);
	cairo_show_page(p->cr);
}

static void
metadata(struct pdf *p)
{
	struct meeting_fmt_tm	 tm;
	struct buf		 b;
	int64_t			 t;
	char			 date[96];

	buf_init(&b);
	buf_printf(&b, "%s – ", kind_name(p->kind));
	meeting_fmt_utf8(&b, !meeting_fmt_blank(p->v->title) ? p->v->title :
	    p->v->body_name);
	if (meeting_fmt_local(p->v->start, &tm) == 0) {
		buf_puts(&b, ", ");
		meeting_fmt_date_da(&b, &tm);
	}
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_TITLE,
	    buf_str(&b));
	buf_reset(&b);
	meeting_fmt_utf8(&b, p->v->body_name);
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_AUTHOR,
	    buf_str(&b));
	cairo_pdf_surface_set_metadata(p->surface,
	    CAIRO_PDF_METADATA_CREATOR, "ramme");
	/* A fixed date keeps equal input giving equal bytes. */
	if (meeting_fmt_utc(p->v->updated_at, &t) == 0) {
		meeting_fmt_from_epoch(t, &tm);
		snprintf(date, sizeof(date), "%04d-%02d-%02dT%02d:%02d:%02dZ",
		    tm.year, tm.mon, tm.day, tm.hour, tm.min, tm.sec);
		cairo_pdf_surface_set_metadata(p->surface,
		    CAIRO_PDF_METADATA_CREATE_DATE, date);
		cairo_pdf_surface_set_metadata(p->surface,
		    CAIRO_PDF_METADATA_MOD_DATE, date);
	}
	buf_cleanup(&b);
}

/*
 * One pass: lay the document out on a PDF surface writing through
 * write_fn. Returns the number of pages, or -1 if cairo failed.
 */
static int
pass(struct pdf *p, cairo_write_func_t write_fn, void *closure)
{
	cairo_font_options_t	*fo;
	cairo_status_t		 st;
	struct meeting_fmt_tm	 tm;
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

	buf_init(&p->foot);
	meeting_fmt_utf8(&p->foot, p->v->body_name);
	buf_printf(&p->foot, "%s%s", p->foot.len > 0 ? " · " : "",
	    kind_name(p->kind));
	if (meeting_fmt_local(p->v->start, &tm) == 0) {
		buf_puts(&p->foot, " · ");
		meeting_fmt_date_da(&p->foot, &tm);
	}
	if (p->total > 0)
		metadata(p);
	p->page = 1;
	p->y = MARGIN_T;
	cairo_set_source_rgb(p->cr, 0.0, 0.0, 0.0);
	document(p);
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
	buf_cleanup(&p->foot);
	return st == CAIRO_STATUS_SUCCESS ? pages : -1;
}

/* Both passes into out. */
static int
render(struct pdf *p, struct buf *out, struct err *e)
{
	struct buf	doc;
	int		pages;

	if (p->kind != PDF_AGENDA && p->kind != PDF_MINUTES)
		return err_set(e, ERR_INVALID, "invalid_kind", NULL,
		    "Ukendt dokumenttype");
	p->total = 0;
	if ((pages = pass(p, to_nowhere, NULL)) < 0)
		return err_set(e, ERR_INTERNAL, "pdf_render", NULL,
		    "PDF-filen kunne ikke dannes");
	p->total = pages;
	buf_init(&doc);
	if (pass(p, to_buf, &doc) < 0) {
		buf_cleanup(&doc);
		return err_set(e, ERR_INTERNAL, "pdf_render", NULL,
		    "PDF-filen kunne ikke dannes");
	}
	buf_append(out, doc.data != NULL ? doc.data : "", doc.len);
	buf_cleanup(&doc);
	return 0;
}

int
pdf_meeting_write_buf(const struct meeting_view *v, enum pdf_kind kind,
    bool include_closed, struct buf *out, struct err *e)
{
	struct pdf	p;

	memset(&p, 0, sizeof(p));
	p.v = v;
	p.kind = kind;
	p.include_closed = include_closed;
	p.att_page = ATT_NONE;
	return render(&p, out, e);
}

/* Write data to path in one go. */
static int
write_file(const char *path, const struct buf *data, struct err *e)
{
	FILE	*fp;
	bool	 ok;

	if ((fp = fopen(path, "wb")) == NULL)
		return err_set(e, ERR_IO, "pdf_write", NULL,
		    "Filen %.200s kunne ikke oprettes", path);
	ok = fwrite(buf_str(data), 1, data->len, fp) == data->len;
	if (fclose(fp) != 0)
		ok = false;
	if (!ok) {
		(void)unlink(path);
		return err_set(e, ERR_IO, "pdf_write", NULL,
		    "Filen %.200s kunne ikke skrives", path);
	}
	return 0;
}

int
pdf_meeting_write(const struct meeting_view *v, enum pdf_kind kind,
    bool include_closed, const char *path, struct err *e)
{
	struct buf	b;
	int		rc;

	buf_init(&b);
	if ((rc = pdf_meeting_write_buf(v, kind, include_closed, &b, e)) == 0)
		rc = write_file(path, &b, e);
	buf_cleanup(&b);
	return rc;
}

/* ---- The packet ------------------------------------------------------- */

/* A copy of path that pdfunite cannot take for an option. */
static char *
arg_path(const char *path)
{
	struct buf	b;

	buf_init(&b);
	if (path[0] == '-')
		buf_puts(&b, "./");
	buf_puts(&b, path);
	return buf_release(&b, NULL);
}

/*
 * Run pdfunite first paths[0..n) out with its output discarded.
 * Returns true when it ran and exited 0.
 */
static bool
unite(const char *first, const char *const *paths, size_t n, const char *out)
{
	posix_spawn_file_actions_t	 fa;
	char				**argv;
	pid_t				 pid;
	size_t				 i, argc = 0;
	int				 status, rc;

	argv = xcalloc(n + 4, sizeof(*argv));
	argv[argc++] = xstrdup("pdfunite");
	argv[argc++] = arg_path(first);
	for (i = 0; i < n; i++)
		argv[argc++] = arg_path(paths[i]);
	argv[argc++] = arg_path(out);
	argv[argc] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null",
	    O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null",
	    O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null",
	    O_WRONLY, 0);
	rc = posix_spawnp(&pid, "pdfunite", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	for (i = 0; i < argc; i++)
		free(argv[i]);
	free(argv);
	if (rc != 0)
		return false;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return false;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* A fresh temporary file next to path; its name in *name (free it). */
static int
temp_next_to(const char *path, char **name, struct err *e)
{
	struct buf	b;
	char		*s;
	int		fd;

	buf_init(&b);
	buf_printf(&b, "%s.tmpXXXXXX", path);
	s = buf_release(&b, NULL);
	if ((fd = mkstemp(s)) < 0) {
		free(s);
		*name = NULL;
		return err_set(e, ERR_IO, "pdf_write", NULL,
		    "Filen %.200s kunne ikke oprettes", path);
	}
	/* The packet is renamed into place: give it a file's usual mode. */
	(void)fchmod(fd, 0644);
	close(fd);
	*name = s;
	return 0;
}

int
pdf_packet_write(const struct meeting_view *v, bool include_closed,
    const char *const *attachment_pdf_paths, size_t n, const char *path,
    bool *merged, struct err *e)
{
	struct pdf		 p;
	struct pdf_att		*att;
	const char		**paths;
	struct buf		 doc;
	char			*tmp_agenda = NULL, *tmp_out = NULL;
	size_t			 i, k, total = 0, natt = 0;
	int			 rc;
	bool			 joined = false;

	if (merged != NULL)
		*merged = false;
	buf_init(&doc);
	for (i = 0; i < v->nitems; i++)
		total += v->items[i].nfiles;
	if (n != total || (n > 0 && attachment_pdf_paths == NULL))
		return err_set(e, ERR_INVALID, "attachment_count", NULL,
		    "Der er %zu bilag til mødet, men %zu filer", total, n);
	att = xcalloc(total + 1, sizeof(*att));
	paths = xcalloc(total + 1, sizeof(*paths));
	for (i = 0, total = 0; i < v->nitems; i++) {
		const struct meeting_view_item *it = &v->items[i];

		for (k = 0; k < it->nfiles; k++, total++) {
			const char *ap = attachment_pdf_paths[total];

			if (ap == NULL || !meeting_fmt_item_shown(it,
			    include_closed) || !meeting_fmt_file_shown(it,
			    &it->files[k], include_closed))
				continue;
			if (access(ap, R_OK) != 0) {
				rc = err_set(e, ERR_IO, "attachment_missing",
				    NULL, "Bilaget %.200s kan ikke læses", ap);
				goto out;
			}
			att[natt].name = it->files[k].name;
			att[natt].item = it;
			paths[natt++] = ap;
		}
	}

	memset(&p, 0, sizeof(p));
	p.v = v;
	p.kind = PDF_AGENDA;
	p.include_closed = include_closed;
	p.att = att;
	p.natt = natt;
	p.att_page = natt > 0 ? ATT_MERGED : ATT_NONE;
	if ((rc = render(&p, &doc, e)) != 0)
		goto out;
	if (natt > 0) {
		if ((rc = temp_next_to(path, &tmp_agenda, e)) != 0 ||
		    (rc = write_file(tmp_agenda, &doc, e)) != 0 ||
		    (rc = temp_next_to(path, &tmp_out, e)) != 0)
			goto out;
		joined = unite(tmp_agenda, paths, natt, tmp_out);
		if (joined && rename(tmp_out, path) != 0) {
			rc = err_set(e, ERR_IO, "pdf_write", NULL,
			    "Filen %.200s kunne ikke skrives", path);
			goto out;
		}
		if (!joined) {
			/* No pdfunite, or it refused: list them instead. */
			p.att_page = ATT_SEPARATE;
			buf_reset(&doc);
			if ((rc = render(&p, &doc, e)) != 0)
				goto out;
		}
	}
	if (!joined)
		rc = write_file(path, &doc, e);
	if (rc == 0 && merged != NULL)
		*merged = joined;
out:
	if (tmp_agenda != NULL)
		(void)unlink(tmp_agenda);
	if (tmp_out != NULL && !(joined && rc == 0))
		(void)unlink(tmp_out);
	free(tmp_agenda);
	free(tmp_out);
	buf_cleanup(&doc);
	free(att);
	free(paths);
	return rc;
}
