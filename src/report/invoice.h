/*
 * invoice — the invoice lists of cost sharing per municipality: each
 * municipality's shares of the allocations (title, year, key, its weight
 * of the total, amount) and its total, as an XLSX table and as an A4 PDF
 * with one section per municipality (cairo + pango, like the meeting
 * PDFs, "Side n af N" in the footer).
 */
#ifndef RAMME_INVOICE_H
#define RAMME_INVOICE_H

#include <stddef.h>

struct buf;
struct err;
struct invoice_row;

/*
 * Write the lines v[0..n) (ordered by municipality) as an XLSX workbook
 * at path: one row per line with municipality, code, year, allocation,
 * purpose, key, weight, total weight and amount in kroner. Returns 0 or
 * the error of report/xlsx with e filled.
 */
int	invoice_xlsx_write(const struct invoice_row *v, size_t n,
	    const char *path, struct err *e);
/*
 * Render the lines v[0..n) (ordered by municipality) as a PDF appended
 * to out: a title, subtitle (e.g. the sender and the date printed), and
 * per municipality a table of its lines with the total; a municipality
 * starts a new page. n may be 0 (a page saying there are none). Returns
 * 0, or ERR_INTERNAL (key "pdf_render") with e filled; out unchanged on
 * error.
 */
int	invoice_pdf_write_buf(const char *title, const char *subtitle,
	    const struct invoice_row *v, size_t n, struct buf *out,
	    struct err *e);

#endif
