/*
 * indmelding_pdf — the compiled status report of a year's submissions
 * (statusbillede) as an A4 PDF: the progress, the totals, every offer
 * with its figures and flags, the municipalities' rating of the target
 * groups, their wishes, the operators' development and the comments of
 * the joint hearing; "Side n af N" on every page.
 *
 * Drawn with cairo's PDF surface and pango (DejaVu Sans), laid out twice
 * like the meeting PDFs (report/pdf.h): the first pass counts the pages.
 */
#ifndef RAMME_INDMELDING_PDF_H
#define RAMME_INDMELDING_PDF_H

struct buf;
struct err;
struct ind_report;

/*
 * Append the PDF of report r to out. Returns 0, or ERR_INTERNAL (key
 * "pdf_render") with e filled; out is unchanged on error. Thread-safe.
 */
int	indmelding_pdf_write(const struct ind_report *r, struct buf *out,
	    struct err *e);

#endif
