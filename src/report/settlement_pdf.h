/*
 * settlement_pdf — one post-adjustment (efterregulering) of a secure
 * institution as an A4 PDF (cairo + pango, like the invoice lists): the
 * institution and its operator, the year and version, the assumed and
 * the actual occupancy, the tariff, the billed amount, the year's cost,
 * the difference, the key and each municipality's share with the total.
 */
#ifndef RAMME_SETTLEMENT_PDF_H
#define RAMME_SETTLEMENT_PDF_H

struct buf;
struct err;
struct settlement;

/*
 * Render s (with the shares it carries: all, or a municipality's own)
 * as a PDF appended to out. Returns 0, or ERR_INTERNAL (key
 * "pdf_render") with e filled; out unchanged on error.
 */
int	settlement_pdf(const struct settlement *s, struct buf *out,
	    struct err *e);

#endif
