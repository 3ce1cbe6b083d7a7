/*
 * pdf — a meeting's agenda (dagsorden) and minutes (referat) as A4 PDF,
 * laid out like the secretariat's documents: the header block (Møde,
 * Tid, Sted, Deltagere, Afbud, Referent, Sagsnr./Dok.nr.), the items
 * numbered and grouped under their section headings with the presenter's
 * initials, Indstilling, the Bilag list and, in the minutes, Referat and
 * Beslutning; "Side 2 af 5" on every page and a bookmark per item.
 *
 * Drawn with cairo's PDF surface and pango (DejaVu Sans through
 * fontconfig, so Danish letters and line breaking are pango's). The
 * document is laid out twice: the first pass only counts the pages, the
 * second draws "Side n af N". With include_closed false nothing of a
 * closed item or closed attachment reaches the document — not its
 * title, texts, number, attachments or a bookmark.
 */
#ifndef RAMME_PDF_H
#define RAMME_PDF_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct err;
struct meeting_view;

enum pdf_kind {
	PDF_AGENDA,	/* dagsorden: texts, Indstilling, Bilag */
	PDF_MINUTES	/* referat: the same plus Referat and Beslutning;
			   marked "udkast" until the minutes are approved */
};

/*
 * Render the meeting v as kind and append the PDF bytes to out.
 * Returns 0, or ERR_INVALID (kind unknown) / ERR_INTERNAL (cairo
 * failed, key "pdf_render") with e filled; out is unchanged on error.
 * Thread-safe: each call has its own font map.
 */
int	pdf_meeting_write_buf(const struct meeting_view *v, enum pdf_kind kind,
	    bool include_closed, struct buf *out, struct err *e);
/*
 * The same, written to the file path (created or truncated). Returns 0,
 * or as above, or ERR_IO (key "pdf_write") when the file cannot be
 * written.
 */
int	pdf_meeting_write(const struct meeting_view *v, enum pdf_kind kind,
	    bool include_closed, const char *path, struct err *e);
/*
 * A meeting packet (mødepakke) at path: the agenda, a contents page
 * listing the attachments with the item each belongs to, then the
 * attachments themselves.
 *
 * attachment_pdf_paths[k] is the PDF file of the k-th attachment of v,
 * counting item by item and file by file in view order, closed ones
 * included in the count; NULL when that attachment has no PDF form. n
 * must equal the number of attachments in v (else ERR_INVALID, key
 * "attachment_count"). Which attachments go in is decided here, from
 * the view: with include_closed false a closed item's or closed file's
 * path is never opened, whatever the caller passed.
 *
 * cairo cannot import PDF pages, so the pages are joined by poppler's
 * pdfunite(1), run with the attachments as arguments (no shell). When
 * pdfunite is not installed or fails (e.g. an attachment is not a
 * readable PDF), the packet is the agenda with a last page listing the
 * attachments as separate files instead; *merged (may be NULL) tells
 * which happened (false also when no attachment was to be added: the
 * packet is then the agenda alone). Returns 0, or ERR_IO (key "pdf_write", also when an
 * included attachment cannot be read: "attachment_missing"), or as
 * pdf_meeting_write().
 */
int	pdf_packet_write(const struct meeting_view *v, bool include_closed,
	    const char *const *attachment_pdf_paths, size_t n,
	    const char *path, bool *merged, struct err *e);

#endif
