/*
 * upload — multipart bodies streamed to temporary files (see upload.h).
 *
 * libmicrohttpd's post processor splits the body into parts and hands
 * each part's value over in pieces, with the offset of the piece in the
 * value; offset 0 starts a new value. Text pieces are gathered in a
 * buffer and copied into the arena when the next part starts; file
 * pieces go straight to the part's temporary file and into its hash.
 * Parts follow each other, so one hash state serves every file.
 *
 * A temporary file is unlinked as soon as it is made and reached through
 * /proc/PID/fd/FD (by the service and by pdftotext), so it has no name
 * to leave behind: its space is freed when upload_free() closes it, or
 * when the process ends. MHD notices a client that went away only at the
 * connection timeout, so that is when an aborted upload's space is freed.
 */
#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "http/http.h"
#include "http/upload.h"
#include "util/buf.h"
#include "util/err.h"

#define PP_BUFFER	8192	/* the post processor's buffer for headers */

struct upload_file {
	const char	*path;		/* /proc/PID/fd/FD of the unlinked
					   temporary file, in the arena */
	int		 fd;		/* open until upload_free(), or -1 */
	size_t		 size;		/* bytes written */
	int		 field;		/* its entry in r->form */
};

struct upload {
	crypto_generichash_state hash;	/* of the file being written */
	struct http_req		*r;
	struct MHD_PostProcessor *pp;
	const char		*dir;		/* where temporary files go */
	size_t			 text_limit;	/* bytes of text fields */
	size_t			 text_len;	/* bytes of text so far */
	int			 cur;		/* r->form entry being filled,
						   or -1 */
	bool			 cur_file;	/* it is files[nfiles - 1] */
	uint64_t		 cur_bytes;	/* bytes of the current part */
	struct buf		 text;		/* the current text value */
	struct upload_file	 files[UPLOAD_MAX_FILES];
	int			 nfiles;
	struct err		*e;		/* where the iterator reports */
	int			 rc;		/* its error, or 0 */
};

/* Finish the current part: its text into the arena, its file's hash. */
static void
part_end(struct upload *u)
{
	struct http_req		*r = u->r;
	struct http_field	*f;
	struct upload_file	*uf;
	unsigned char		 h[crypto_generichash_BYTES];
	char			*hex;

	if (u->cur < 0)
		return;
	f = &r->form[u->cur];
	if (u->cur_file) {
		uf = &u->files[u->nfiles - 1];
		crypto_generichash_final(&u->hash, h, sizeof(h));
		hex = arena_alloc(&r->arena, sizeof(h) * 2 + 1);
		sodium_bin2hex(hex, sizeof(h) * 2 + 1, h, sizeof(h));
		f->hash = hex;
		f->len = uf->size;
	} else {
		f->value = arena_strndup(&r->arena, u->text.len ?
		    u->text.data : "", u->text.len);
		f->len = u->text.len;
		buf_cleanup(&u->text);
		buf_init(&u->text);
	}
	u->cur = -1;
	u->cur_file = false;
}

static int
fail(struct upload *u, int code, const char *key, const char *msg)
{
	u->rc = err_set(u->e, code, key, "file", "%s", msg);
	return u->rc;
}

/* Start a part named key (a file when filename is not NULL). */
static int
part_begin(struct upload *u, const char *key, const char *filename)
{
	struct http_req		*r = u->r;
	struct http_field	*f;
	struct upload_file	*uf;
	char			*path;

	part_end(u);
	if (r->nform >= HTTP_MAX_FORM)
		return fail(u, ERR_INVALID, "too_many_fields",
		    "Formularen har for mange felter");
	f = &r->form[r->nform];
	memset(f, 0, sizeof(*f));
	f->name = arena_strdup(&r->arena, key);
	f->value = "";
	if (filename != NULL) {
		if (u->nfiles >= UPLOAD_MAX_FILES)
			return fail(u, ERR_INVALID, "too_many_files",
			    "Formularen har for mange filer");
		path = arena_printf(&r->arena, "%s/ramme-upload-XXXXXX",
		    u->dir);
		uf = &u->files[u->nfiles];
		if ((uf->fd = mkostemp(path, O_CLOEXEC)) < 0)
			return fail(u, ERR_IO, "upload_failed",
			    "Filen kunne ikke gemmes midlertidigt");
		/* Nameless from the start: the file goes with its
		   descriptor, however the request ends. */
		unlink(path);
		path = arena_printf(&r->arena, "/proc/%ld/fd/%d",
		    (long)getpid(), uf->fd);
		uf->path = path;
		uf->size = 0;
		uf->field = r->nform;
		u->nfiles++;
		f->filename = arena_strdup(&r->arena, filename);
		f->path = path;
		crypto_generichash_init(&u->hash, NULL, 0,
		    crypto_generichash_BYTES);
		u->cur_file = true;
	}
	u->cur = r->nform++;
	return 0;
}

static int
file_write(struct upload *u, const char *data, size_t size)
{
	struct upload_file	*uf = &u->files[u->nfiles - 1];
	ssize_t			 w;
	size_t			 left = size;

	crypto_generichash_update(&u->hash, (const unsigned char *)data,
	    size);
	while (left > 0) {
		if ((w = write(uf->fd, data, left)) < 0) {
			if (errno == EINTR)
				continue;
			return fail(u, ERR_IO, "upload_failed", errno ==
			    ENOSPC ? "Der er ikke plads til filen på "
			    "serveren" : "Filen kunne ikke gemmes "
			    "midlertidigt");
		}
		data += w;
		left -= (size_t)w;
	}
	uf->size += size;
	return 0;
}

static enum MHD_Result
on_part(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *filename, const char *content_type,
    const char *transfer_encoding, const char *data, uint64_t off,
    size_t size)
{
	struct upload *u = cls;

	(void)kind;
	(void)content_type;
	(void)transfer_encoding;
	if (key == NULL)
		return MHD_YES;
	/*
	 * A new part starts at offset 0 of a value. The post processor may
	 * call more than once at offset 0 for one part (first with no data,
	 * depending on where the network split the body), so a call at 0
	 * continues the current part while it has the same name and no data
	 * yet; otherwise a second, empty entry would hide the value.
	 */
	if (u->cur < 0 || (off == 0 && (u->cur_bytes > 0 ||
	    strcmp(u->r->form[u->cur].name, key) != 0))) {
		if (part_begin(u, key, filename) != 0)
			return MHD_NO;
		u->cur_bytes = 0;
	}
	if (size == 0)
		return MHD_YES;
	u->cur_bytes += size;
	if (u->cur_file)
		return file_write(u, data, size) == 0 ? MHD_YES : MHD_NO;
	if ((u->text_len += size) > u->text_limit) {
		fail(u, ERR_TOO_LARGE, "body_too_large",
		    "Formularens tekstfelter fylder for meget");
		return MHD_NO;
	}
	buf_append(&u->text, data, size);
	return MHD_YES;
}

struct upload *
upload_new(struct http_req *r, const char *dir, size_t text_limit)
{
	struct upload	*u;
	const char	*ct;
	size_t		 sz;
	int		 i;

	ct = http_header(r, MHD_HTTP_HEADER_CONTENT_TYPE);
	if (ct == NULL || strncasecmp(ct, "multipart/form-data", 19) != 0)
		return NULL;
	sz = (sizeof(*u) + _Alignof(struct upload) - 1) /
	    _Alignof(struct upload) * _Alignof(struct upload);
	if ((u = aligned_alloc(_Alignof(struct upload), sz)) == NULL)
		abort();
	memset(u, 0, sizeof(*u));
	for (i = 0; i < UPLOAD_MAX_FILES; i++)
		u->files[i].fd = -1;
	u->r = r;
	u->dir = dir;
	u->text_limit = text_limit;
	u->cur = -1;
	buf_init(&u->text);
	u->pp = MHD_create_post_processor(r->conn, PP_BUFFER, on_part, u);
	if (u->pp == NULL) {
		free(u);
		return NULL;
	}
	r->form = arena_calloc(&r->arena, HTTP_MAX_FORM, sizeof(*r->form));
	r->nform = 0;
	r->form_parsed = true;
	return u;
}

int
upload_feed(struct upload *u, const char *data, size_t len, struct err *e)
{
	u->e = e;
	u->rc = 0;
	if (MHD_post_process(u->pp, data, len) != MHD_YES)
		return u->rc != 0 ? u->rc : err_set(e, ERR_INVALID,
		    "invalid_form", NULL, "Formularen kunne ikke læses");
	return 0;
}

int
upload_finish(struct upload *u, struct err *e)
{
	enum MHD_Result ok;

	ok = MHD_destroy_post_processor(u->pp);
	u->pp = NULL;
	part_end(u);
	if (ok != MHD_YES) {
		u->r->nform = -1;
		return err_set(e, ERR_INVALID, "invalid_form", NULL,
		    "Formularen kunne ikke læses");
	}
	return 0;
}

void
upload_free(struct upload *u)
{
	int i;

	if (u == NULL)
		return;
	if (u->pp != NULL)
		MHD_destroy_post_processor(u->pp);
	for (i = 0; i < u->nfiles; i++)
		if (u->files[i].fd >= 0)
			close(u->files[i].fd);
	buf_cleanup(&u->text);
	free(u);
}
