/*
 * asset — the web assets compiled into the binary: DKFDS (style sheet,
 * script, IBM Plex Sans fonts, icons, licences) and ramme's own style
 * sheet. scripts/embed.py --assets generates the table at build time:
 * each file is served under a name carrying a hash of its content
 * ("/static/dkfds.3f2a9c1b.min.css"), so it can be cached for a year;
 * a new build with other bytes has other names.
 */
#ifndef RAMME_ASSET_H
#define RAMME_ASSET_H

#include <stddef.h>

struct http_req;

struct asset {
	const char	*name;	/* file name as vendored: "dkfds.min.css" */
	const char	*path;	/* URL path: "/static/dkfds.3f2a9c1b.min.css" */
	const char	*type;	/* Content-Type */
	const char	*etag;	/* the hash in quotes: "\"3f2a9c1b\"" */
	const char	*data;	/* the bytes served, NUL-terminated */
	size_t		 len;	/* bytes in data */
	const char	*gz;	/* gzip of data, or NULL when not smaller */
	size_t		 gzlen;	/* bytes in gz */
};

/*
 * The URL path of the asset whose file name is name ("dkfds.min.css" →
 * "/static/dkfds.3f2a9c1b.min.css"); pages link assets only through this.
 * A static string; an unknown name aborts (a build error, not input).
 */
const char	*asset_url(const char *name);
/*
 * The asset served at /static/FILE: file is a hashed name, or for
 * links that predate hashing a plain name ("style.css"); NULL if none.
 * *hashed is set when file was the hashed name.
 */
const struct asset *asset_find(const char *file, int *hashed);
/*
 * GET /static/:name — the asset with its Content-Type, ETag (304 on a
 * matching If-None-Match), gzip when the client accepts it, and
 * Cache-Control immutable for a year (an hour for plain names).
 */
void		 asset_serve(struct http_req *r);

#endif
