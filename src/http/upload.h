/*
 * upload — the body of a route that takes files (ROUTE_UPLOAD), parsed
 * as multipart/form-data while it arrives: every file part is written to
 * a temporary file and hashed on the way (the attachment store's
 * BLAKE2b-256), text fields are kept in the request's arena. No file is
 * ever whole in memory. The temporary files are unlinked as soon as they
 * are made (a file part's path is /proc/PID/fd/FD); upload_free(), which
 * the server calls when the request ends, also when the client goes
 * away, closes them and so frees their space.
 */
#ifndef RAMME_UPLOAD_H
#define RAMME_UPLOAD_H

#include <stddef.h>

struct err;
struct http_req;
struct upload;

#define UPLOAD_MAX_FILES	4	/* file parts in one body */

/*
 * Start parsing the body of r into r's form, with temporary files in the
 * directory dir and at most text_limit bytes of text fields. NULL when
 * the body is not multipart/form-data (it is then read as any other).
 */
struct upload	*upload_new(struct http_req *r, const char *dir,
		    size_t text_limit);
/*
 * Parse the next len bytes of the body. 0, or a negative error in e
 * (ERR_INVALID for a malformed body or too much text, ERR_IO when a file
 * cannot be written); after an error the rest is to be discarded.
 */
int		 upload_feed(struct upload *u, const char *data, size_t len,
		    struct err *e);
/*
 * The body is complete: finish the hashes and make the fields r's form
 * (http_form(), http_form_file() with path and hash). 0 or ERR_INVALID.
 */
int		 upload_finish(struct upload *u, struct err *e);
/* Close and remove every temporary file and free u. NULL is a no-op. */
void		 upload_free(struct upload *u);

#endif
