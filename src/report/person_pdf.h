/*
 * person_pdf — the export of one person's data (service/privacy.h) as an
 * A4 PDF: the person's name, the time of the export, then one section per
 * kind of data with a line per row ("felt: værdi; …"), "Side n af N" on
 * every page. cairo and pango like report/pdf.h.
 */
#ifndef RAMME_PERSON_PDF_H
#define RAMME_PERSON_PDF_H

#include <jansson.h>

struct buf;
struct err;

/*
 * Render the export dossier (privacy_export()) and append the PDF bytes
 * to out. Returns 0 or ERR_INTERNAL (key "pdf_render"); out is unchanged
 * on error. Thread-safe.
 */
int	person_pdf_write(const json_t *dossier, struct buf *out,
	    struct err *e);

#endif
