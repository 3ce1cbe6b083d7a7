/*
 * meeting_store_impl.h — what the files of meeting_store share beyond
 * meeting_store.h: an attachment's columns and their reader, for the
 * items (meeting_store.c) and the attachments (meeting_attachment.c).
 */
#ifndef RAMME_MEETING_STORE_IMPL_H
#define RAMME_MEETING_STORE_IMPL_H

struct arena;
struct attachment;
struct db_stmt;

/* The columns meeting_store_read_attachment reads, f attachment, b blob. */
#define ATTACHMENT_COLS \
	"f.id, f.item_id, f.pos, f.name, f.filename, f.blob_hash," \
	" b.media_type, COALESCE(b.size, 0), f.doc_no, f.closed"

/* The attachment of the current row of st (ATTACHMENT_COLS) into *f. */
void	meeting_store_read_attachment(struct db_stmt *st, struct arena *a,
	    struct attachment *f);

#endif
