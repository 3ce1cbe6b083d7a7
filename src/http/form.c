/*
 * form — the body of a form post (application/x-www-form-urlencoded or
 * multipart/form-data held in memory) as fields. See form.h.
 */
#include <string.h>
#include <strings.h>

#include "http/form.h"
#include "http/http.h"
#include "util/arena.h"

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode application/x-www-form-urlencoded s[0..n) into the arena. */
static char *
form_decode(struct arena *a, const char *s, size_t n, size_t *outlen)
{
	char	*out = arena_alloc(a, n + 1), *p = out;
	size_t	 i;
	int	 h, l;

	for (i = 0; i < n; i++) {
		if (s[i] == '+')
			*p++ = ' ';
		else if (s[i] == '%' && i + 2 < n &&
		    (h = hexval(s[i + 1])) >= 0 && (l = hexval(s[i + 2])) >= 0) {
			*p++ = (char)(h * 16 + l);
			i += 2;
		} else
			*p++ = s[i];
	}
	*p = '\0';
	*outlen = (size_t)(p - out);
	return out;
}

/* The fields being filled: at most max, n so far. */
struct fields {
	struct arena		*a;
	struct http_field	*v;
	int			 max;
	int			 n;
};

static void
form_add(struct fields *f, const char *name, const char *value, size_t len,
    const char *filename)
{
	if (f->n >= f->max)
		return;
	f->v[f->n].name = name;
	f->v[f->n].value = value;
	f->v[f->n].len = len;
	f->v[f->n].filename = filename;
	f->v[f->n].path = NULL;
	f->v[f->n].hash = NULL;
	f->n++;
}

static void
parse_urlencoded(struct fields *f, const char *s, size_t len)
{
	const char	*end = s + len, *amp, *eq;
	size_t		 nl, vl;
	char		*name, *value;

	while (s < end) {
		amp = memchr(s, '&', (size_t)(end - s));
		if (amp == NULL)
			amp = end;
		eq = memchr(s, '=', (size_t)(amp - s));
		if (eq == NULL)
			eq = amp;
		name = form_decode(f->a, s, (size_t)(eq - s), &nl);
		value = eq < amp ? form_decode(f->a, eq + 1,
		    (size_t)(amp - eq - 1), &vl) : arena_strdup(f->a, "");
		if (eq == amp)
			vl = 0;
		if (*name != '\0')
			form_add(f, name, value, vl, NULL);
		s = amp + 1;
	}
}

static const char *
memmem_str(const char *h, size_t hl, const char *n, size_t nl)
{
	return memmem(h, hl, n, nl);
}

/* Value of a parameter like name="x" inside a header line. */
static char *
header_param(struct arena *a, const char *line, size_t len, const char *key)
{
	const char	*p = line, *end = line + len, *q;
	size_t		 kl = strlen(key);

	while ((p = memmem_str(p, (size_t)(end - p), key, kl)) != NULL) {
		if ((p == line || p[-1] == ' ' || p[-1] == ';') &&
		    p + kl < end && p[kl] == '=') {
			p += kl + 1;
			if (p < end && *p == '"') {
				p++;
				q = memchr(p, '"', (size_t)(end - p));
				if (q == NULL)
					return NULL;
			} else {
				q = p;
				while (q < end && *q != ';' && *q != ' ')
					q++;
			}
			return arena_strndup(a, p, (size_t)(q - p));
		}
		p += kl;
	}
	return NULL;
}

static int
parse_multipart(struct fields *f, const char *ctype, const char *body,
    size_t len)
{
	const char	*end = body + len;
	const char	*p, *next, *hdr_end, *line, *eol;
	char		*boundary, *delim, *name, *filename, *value;
	size_t		 dl;

	boundary = header_param(f->a, ctype, strlen(ctype), "boundary");
	if (boundary == NULL || *boundary == '\0' || strlen(boundary) > 200)
		return -1;
	delim = arena_printf(f->a, "--%s", boundary);
	dl = strlen(delim);
	p = memmem_str(body, len, delim, dl);
	if (p == NULL)
		return -1;
	for (;;) {
		p += dl;
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			return 0;	/* closing delimiter */
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return -1;
		p += 2;
		hdr_end = memmem_str(p, (size_t)(end - p), "\r\n\r\n", 4);
		if (hdr_end == NULL)
			return -1;
		name = filename = NULL;
		for (line = p; line < hdr_end; line = eol + 2) {
			eol = memmem_str(line, (size_t)(hdr_end + 2 - line),
			    "\r\n", 2);
			if (eol == NULL)
				eol = hdr_end;
			if ((size_t)(eol - line) > 20 &&
			    strncasecmp(line, "Content-Disposition:", 20) == 0) {
				name = header_param(f->a, line,
				    (size_t)(eol - line), "name");
				filename = header_param(f->a, line,
				    (size_t)(eol - line), "filename");
			}
		}
		p = hdr_end + 4;
		next = memmem_str(p, (size_t)(end - p),
		    arena_printf(f->a, "\r\n%s", delim), dl + 2);
		if (next == NULL)
			return -1;
		value = arena_strndup(f->a, p, (size_t)(next - p));
		if (name != NULL)
			form_add(f, name, value, (size_t)(next - p), filename);
		p = next + 2;
	}
}

int
form_body_parse(struct arena *a, const char *ctype, const char *body,
    size_t len, struct http_field *out, int max, int *n)
{
	struct fields	f = { a, out, max, 0 };
	int		rc = 0;

	*n = 0;
	if (ctype == NULL)
		return 0;
	if (strncasecmp(ctype, "application/x-www-form-urlencoded", 33) == 0)
		parse_urlencoded(&f, body, len);
	else if (strncasecmp(ctype, "multipart/form-data", 19) == 0)
		rc = parse_multipart(&f, ctype, body, len);
	*n = f.n;
	return rc;
}
