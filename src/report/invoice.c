/*
 * invoice — invoice lists as XLSX and PDF (see invoice.h).
 *
 * The PDF is an A4 pdf_doc: one municipality per page or more, "Side n
 * af N" in the footer.
 */
#include <stdio.h>
#include <string.h>

#include "report/invoice.h"
#include "report/pdf_doc.h"
#include "report/xlsx.h"
#include "service/sharing.h"
#include "store/sharing_store.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

#define TEXT_W		PDF_TEXT_W
#define COL_KEY		(TEXT_W * 0.50)		/* x of the key column */
#define COL_AMOUNT	(TEXT_W * 0.78)		/* x of the amount column */

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

/* What the document shows. */
struct invoice_doc {
	const char		*title;
	const char		*subtitle;
	const struct invoice_row *v;
	size_t			 n;
};

/* One table row: three cells. */
static void
row(struct pdf_doc *d, enum pdf_font f, const char *a, const char *b,
    const char *c)
{
	static const struct pdf_doc_col cols[] = {
		{ 0, COL_KEY - 6, PANGO_ALIGN_LEFT },
		{ COL_KEY, COL_AMOUNT - COL_KEY - 6, PANGO_ALIGN_LEFT },
		{ COL_AMOUNT, TEXT_W - COL_AMOUNT, PANGO_ALIGN_RIGHT },
	};
	const char *cells[] = { a, b, c };

	pdf_doc_row(d, f, cols, cells, 3);
}

/* The lines of one municipality, v[0..n). */
static void
section(struct pdf_doc *d, const struct invoice_doc *doc,
    const struct invoice_row *v, size_t n)
{
	char		 amount[TEXT_KR_SIZE], year[16];
	struct buf	 b, w;
	int64_t		 total = 0;
	size_t		 i;

	buf_init(&b);
	buf_init(&w);
	pdf_doc_heading(d, PDF_TITLE, "H1", doc->title, 0.0, 0.0);
	d->y += 4;
	pdf_doc_text(d, PDF_BODY, 0, doc->subtitle, 14);
	buf_printf(&b, "%s (%s)", v[0].org_name, v[0].org_code);
	pdf_doc_heading(d, PDF_HEAD, "H2", buf_str(&b), 0.0, 40.0);
	d->y += 8;
	row(d, PDF_BOLD, "Fordeling", "Nøgle", "Beløb");
	pdf_doc_rule(d);
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
		row(d, PDF_BODY, buf_str(&b), buf_str(&w), amount);
		total += v[i].amount_ore;
	}
	pdf_doc_rule(d);
	text_format_ore_da(amount, total);
	row(d, PDF_BOLD, "I alt", "", amount);
	buf_cleanup(&b);
	buf_cleanup(&w);
}

static void
document(struct pdf_doc *d, const void *arg)
{
	const struct invoice_doc	*doc = arg;
	const struct invoice_row	*v = doc->v;
	size_t				 i, j;

	if (doc->n == 0) {
		pdf_doc_heading(d, PDF_TITLE, "H1", doc->title, 0.0, 0.0);
		d->y += 10;
		pdf_doc_text(d, PDF_BODY, 0, "Der er ingen fakturalinjer.", 0);
	}
	for (i = 0; i < doc->n; i = j) {
		for (j = i + 1; j < doc->n && strcmp(v[j].org_code,
		    v[i].org_code) == 0; j++)
			;
		if (i > 0)
			pdf_doc_new_page(d);
		section(d, doc, &v[i], j - i);
	}
}

int
invoice_pdf_write_buf(const char *title, const char *subtitle,
    const struct invoice_row *v, size_t n, struct buf *out, struct err *e)
{
	const struct pdf_doc_spec spec = {
		.title = title,
		.footer = title,
		.title_pt = 18,
	};
	const struct invoice_doc doc = { title, subtitle, v, n };

	return pdf_doc_render(&spec, document, &doc, out, e);
}
