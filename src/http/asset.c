/*
 * asset — the embedded web assets and their handler (see asset.h).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "http/asset.h"
#include "http/http.h"
#include "util/mem.h"

/* Generated: sorted by path. */
extern const struct asset assets[];
extern const size_t assets_count;

#define STATIC_PREFIX	"/static/"

const char *
asset_url(const char *name)
{
	size_t i;

	for (i = 0; i < assets_count; i++)
		if (strcmp(assets[i].name, name) == 0)
			return assets[i].path;
	fatal("asset_url: no asset %s", name);
}

static int
by_path(const void *key, const void *elem)
{
	const struct asset *a = elem;

	return strcmp(key, a->path + sizeof(STATIC_PREFIX) - 1);
}

const struct asset *
asset_find(const char *file, int *hashed)
{
	const struct asset	*a;
	size_t			 i;

	a = bsearch(file, assets, assets_count, sizeof(assets[0]), by_path);
	if (a != NULL) {
		*hashed = 1;
		return a;
	}
	*hashed = 0;
	for (i = 0; i < assets_count; i++)
		if (strcmp(assets[i].name, file) == 0)
			return &assets[i];
	return NULL;
}

/*
 * Whether the Accept-Encoding value v names gzip with a weight above 0
 * ("gzip", "gzip, br", "gzip;q=0.5"; not "gzip;q=0").
 */
static int
accepts_gzip(const char *v)
{
	const char	*p, *q;
	size_t		 n;

	for (p = v; *p != '\0'; p += n) {
		p += strspn(p, " \t,");
		n = strcspn(p, ",");
		if (strncasecmp(p, "gzip", 4) != 0 ||
		    strchr(" \t;,", p[4]) == NULL)
			continue;
		q = strstr(p, "q=");
		if (q == NULL || q >= p + n)
			return 1;
		q += 2;
		return !(q[0] == '0' && strspn(q + 1, ".0") >=
		    strcspn(q + 1, " \t,"));
	}
	return 0;
}

void
asset_serve(struct http_req *r)
{
	const struct asset	*a;
	const char		*inm, *ae;
	int			 hashed;

	a = asset_find(r->params[0], &hashed);
	if (a == NULL) {
		http_send(r, 404, "text/plain; charset=utf-8", "", 0);
		return;
	}
	http_set_header(r, "Cache-Control", hashed ?
	    "public, max-age=31536000, immutable" : "public, max-age=3600");
	http_set_header(r, "ETag", a->etag);
	if (a->gz != NULL)
		http_set_header(r, "Vary", "Accept-Encoding");
	inm = http_header(r, "If-None-Match");
	if (inm != NULL && (strstr(inm, a->etag) != NULL ||
	    strcmp(inm, "*") == 0)) {
		http_send(r, 304, NULL, "", 0);
		return;
	}
	ae = http_header(r, "Accept-Encoding");
	if (a->gz != NULL && ae != NULL && accepts_gzip(ae)) {
		http_set_header(r, "Content-Encoding", "gzip");
		http_send_static(r, 200, a->type, a->gz, a->gzlen);
		return;
	}
	http_send_static(r, 200, a->type, a->data, a->len);
}
