/*
 * pdf_doc — the A4 document every PDF of ramme is drawn on: one column
 * flowing down the page between fixed margins, DejaVu Sans through
 * pango (Danish line breaking, hinting off so both passes measure the
 * same), a footer with the document's name on the left and "Side n af
 * N" on the right, text and headings that break pages between lines,
 * table rows that move to the next page whole, and the two passes that
 * make N known: the first writes to nowhere and counts the pages, the
 * second draws.
 *
 * A document is a draw function called once per pass with a fresh
 * struct pdf_doc; it must draw the same thing both times (d->total is 0
 * in the counting pass, the page count in the drawing one).
 */
#ifndef RAMME_PDF_DOC_H
#define RAMME_PDF_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include <cairo.h>
#include <pango/pangocairo.h>

struct buf;
struct err;

/* Geometry in points (1/72 inch), A4 portrait. */
#define PDF_PT_PER_MM	(72.0 / 25.4)
#define PDF_PAGE_W	(210.0 * PDF_PT_PER_MM)
#define PDF_PAGE_H	(297.0 * PDF_PT_PER_MM)
#define PDF_MARGIN_L	(25.0 * PDF_PT_PER_MM)
#define PDF_MARGIN_R	(20.0 * PDF_PT_PER_MM)
#define PDF_MARGIN_T	(20.0 * PDF_PT_PER_MM)
#define PDF_TEXT_W	(PDF_PAGE_W - PDF_MARGIN_L - PDF_MARGIN_R)
#define PDF_TEXT_BOTTOM	(PDF_PAGE_H - 25.0 * PDF_PT_PER_MM)
#define PDF_FOOTER_Y	(PDF_PAGE_H - 17.0 * PDF_PT_PER_MM)
#define PDF_INDENT	(5.0 * PDF_PT_PER_MM)	/* second-level lines */

enum pdf_font {
	PDF_BODY,	/* running text, 10 pt */
	PDF_BOLD,	/* labels and table heads, 10 pt bold */
	PDF_ITEM,	/* agenda items, 11 pt bold */
	PDF_HEAD,	/* section headings, 13 pt bold */
	PDF_TITLE,	/* the document's title, bold, spec->title_pt */
	PDF_SMALL,	/* footer and notes, 8 pt */
	PDF_FONT_COUNT
};

/* What a document is, beyond its drawing. */
struct pdf_doc_spec {
	const char	*title;		/* PDF metadata title */
	const char	*author;	/* metadata author; NULL: none */
	const char	*date;		/* metadata creation and change date,
					   "YYYY-MM-DDTHH:MM:SSZ"; NULL:
					   cairo's clock */
	const char	*footer;	/* left in every footer; NULL: none */
	int		 title_pt;	/* size of PDF_TITLE; 0: 20 */
};

/* One pass over a document; the draw function moves y and page. */
struct pdf_doc {
	const struct pdf_doc_spec *spec;
	cairo_surface_t		*surface;
	cairo_t			*cr;
	PangoFontMap		*fontmap;	/* own map: thread-safe */
	PangoContext		*pctx;
	PangoFontDescription	*font[PDF_FONT_COUNT];
	double			 y;		/* top of the next line, pt */
	int			 page;		/* current page, from 1 */
	int			 total;		/* pages; 0 while counting */
	int			 mark_page;	/* where the last heading */
	double			 mark_y;	/* begins (for bookmarks) */
};

/* A table column: x from the left margin and width, in points. */
struct pdf_doc_col {
	double		 x;
	double		 w;
	PangoAlignment	 align;
};

typedef void	pdf_doc_draw_fn(struct pdf_doc *d, const void *arg);

/*
 * Lay the document out twice with draw(d, arg) and append the PDF bytes
 * to out. Returns 0, or ERR_INTERNAL (key "pdf_render") with e filled
 * when cairo failed; out is unchanged on error. Thread-safe.
 */
int	pdf_doc_render(const struct pdf_doc_spec *spec, pdf_doc_draw_fn *draw,
	    const void *arg, struct buf *out, struct err *e);

/*
 * A layout of prefix (bold, a literal; NULL: none) followed by text
 * (cleaned to valid UTF-8; NULL: empty) in font f, width points wide,
 * wrapped at words. The caller unrefs it.
 */
PangoLayout	*pdf_doc_layout(struct pdf_doc *d, enum pdf_font f,
		    const char *prefix, const char *text, double width,
		    PangoAlignment align);
/* The height of l in points. */
double	pdf_doc_layout_height(PangoLayout *l);
/* The height of one line in font f. */
double	pdf_doc_line_height(struct pdf_doc *d, enum pdf_font f);

/* Finish the page with its footer and begin the next at the top. */
void	pdf_doc_new_page(struct pdf_doc *d);
/* True when nothing has been drawn below the top margin yet. */
bool	pdf_doc_page_empty(const struct pdf_doc *d);
/*
 * Leave before points of space, or begin a new page when less than
 * keep points would be left after it; nothing at the top of a page.
 */
void	pdf_doc_space(struct pdf_doc *d, double before, double keep);
/*
 * Draw l at x (from the left margin) line by line from d->y, beginning
 * a new page before a line that would cross the bottom margin.
 */
void	pdf_doc_flow(struct pdf_doc *d, PangoLayout *l, double x);
/*
 * A paragraph (tagged P) of s in font f indented x points, then after
 * points of space; nothing when s is NULL or empty.
 */
void	pdf_doc_text(struct pdf_doc *d, enum pdf_font f, double x,
	    const char *s, double after);
/*
 * A heading tagged tag ("H1", "H2", ...) in font f, before points below
 * what went before, on a new page when it and keep points of what
 * follows do not fit; records d->mark_page and d->mark_y.
 */
void	pdf_doc_heading(struct pdf_doc *d, enum pdf_font f, const char *tag,
	    const char *s, double before, double keep);
/* A thin line across the column, then 4 points of space. */
void	pdf_doc_rule(struct pdf_doc *d);
/*
 * A table row: cells[k] (NULL: empty) in column cols[k], k < n, all in
 * font f, wrapped within their columns; on a new page when it does not
 * fit. Then 4 points of space.
 */
void	pdf_doc_row(struct pdf_doc *d, enum pdf_font f,
	    const struct pdf_doc_col *cols, const char *const *cells,
	    size_t n);

#endif
