/*
 * doc_text — what kind of document an uploaded attachment (bilag) is,
 * and its text for search and import: PDF through the pdftotext program
 * when it is installed, with its layout (the columns of a line kept on
 * it, so a table's row stays one line), DOCX and XLSX read directly (the
 * words of the document, a table row as its cells parted by tabs, the
 * shared strings of the workbook).
 *
 * The input is untrusted: archives and their parts are bounded, XML with
 * a DTD is refused, and pdftotext runs as a separate process with a time
 * limit. Failing to extract text is not an error: the file is stored
 * without text.
 */
#ifndef RAMME_DOC_TEXT_H
#define RAMME_DOC_TEXT_H

#include <stddef.h>

struct arena;

#define DOC_TEXT_MAX		(2u << 20)	/* bytes of text kept */
#define DOC_TEXT_MAX_PART	(20u << 20)	/* bytes of an unpacked XML part */
#define DOC_TEXT_TIMEOUT_MS	10000		/* pdftotext's time */

#define DOC_TYPE_PDF	"application/pdf"
#define DOC_TYPE_DOCX	"application/vnd.openxmlformats-officedocument." \
			"wordprocessingml.document"
#define DOC_TYPE_XLSX	"application/vnd.openxmlformats-officedocument." \
			"spreadsheetml.sheet"

/*
 * The media type of data[0..len): DOC_TYPE_PDF for "%PDF-", DOC_TYPE_DOCX
 * or DOC_TYPE_XLSX for a ZIP archive holding word/document.xml or
 * xl/workbook.xml; NULL for anything else.
 */
const char	*doc_text_type(const void *data, size_t len);

/*
 * The text of a document of media type type, in a (NUL-terminated,
 * valid UTF-8, at most DOC_TEXT_MAX bytes), or NULL when none could be
 * extracted.
 */
char		*doc_text_extract(struct arena *a, const char *type,
		    const void *data, size_t len);
/*
 * doc_text_extract() of a document that is also the file at path (data
 * its contents, e.g. mapped): pdftotext reads the file itself instead of
 * a copy. path NULL is doc_text_extract().
 */
char		*doc_text_extract_file(struct arena *a, const char *type,
		    const char *path, const void *data, size_t len);

#endif
