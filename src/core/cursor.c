/*
 * cursor — keyset pagination tokens (see cursor.h).
 *
 * The text inside the base64url is "c1:" then the sort, the id and the
 * two keys, each key as its length in bytes (-1 for NULL) and ":" and
 * the bytes: "c1:SORT:ID:LEN1:KEY1LEN2:KEY2". The lengths make any
 * bytes in a key safe; the version prefix lets the format change.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cursor.h"
#include "util/arena.h"
#include "util/err.h"

#define TOKEN_MAX	(4 * (2 * CURSOR_KEY_MAX + 64) / 3 + 4)

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static size_t
keylen(const char *k)
{
	size_t n;

	if (k == NULL)
		return 0;
	n = strlen(k);
	return n > CURSOR_KEY_MAX ? CURSOR_KEY_MAX : n;
}

const char *
cursor_encode(struct arena *a, const struct cursor *c)
{
	size_t		 n1 = keylen(c->k1), n2 = keylen(c->k2), n, i, o = 0;
	char		*raw, *out;
	int		 h;

	n = 64 + n1 + n2;
	raw = arena_alloc(a, n);
	h = snprintf(raw, n, "c1:%d:%lld:%lld:", c->sort, (long long)c->id,
	    c->k1 ? (long long)n1 : -1LL);
	memcpy(raw + h, c->k1 ? c->k1 : "", n1);
	h += (int)n1;
	h += snprintf(raw + h, n - (size_t)h, "%lld:",
	    c->k2 ? (long long)n2 : -1LL);
	memcpy(raw + h, c->k2 ? c->k2 : "", n2);
	n = (size_t)h + n2;

	out = arena_alloc(a, (n + 2) / 3 * 4 + 1);
	for (i = 0; i + 2 < n; i += 3) {
		unsigned v = (unsigned char)raw[i] << 16 |
		    (unsigned char)raw[i + 1] << 8 | (unsigned char)raw[i + 2];
		out[o++] = b64[v >> 18 & 63];
		out[o++] = b64[v >> 12 & 63];
		out[o++] = b64[v >> 6 & 63];
		out[o++] = b64[v & 63];
	}
	if (n - i == 1) {
		unsigned v = (unsigned char)raw[i] << 16;
		out[o++] = b64[v >> 18 & 63];
		out[o++] = b64[v >> 12 & 63];
	} else if (n - i == 2) {
		unsigned v = (unsigned char)raw[i] << 16 |
		    (unsigned char)raw[i + 1] << 8;
		out[o++] = b64[v >> 18 & 63];
		out[o++] = b64[v >> 12 & 63];
		out[o++] = b64[v >> 6 & 63];
	}
	out[o] = '\0';
	return out;
}

static int
b64val(char ch)
{
	const char *p;

	if (ch == '\0' || (p = strchr(b64, ch)) == NULL)
		return -1;
	return (int)(p - b64);
}

/* A decimal integer up to the next ':' at *p; advances past the ':'. */
static int
num(const char **p, const char *end, long long min, long long max,
    long long *out)
{
	long long	 v = 0;
	int		 neg = 0, digits = 0;
	const char	*s = *p;

	if (s < end && *s == '-') {
		neg = 1;
		s++;
	}
	while (s < end && *s >= '0' && *s <= '9' && digits < 19) {
		v = v * 10 + (*s++ - '0');
		digits++;
	}
	if (digits == 0 || s >= end || *s != ':')
		return -1;
	if (neg)
		v = -v;
	if (v < min || v > max)
		return -1;
	*out = v;
	*p = s + 1;
	return 0;
}

/* A key: its length, ':', and the bytes; NULL for length -1. */
static int
key(struct arena *a, const char **p, const char *end, const char **out)
{
	long long n;

	if (num(p, end, -1, CURSOR_KEY_MAX, &n) != 0)
		return -1;
	if (n < 0) {
		*out = NULL;
		return 0;
	}
	if ((long long)(end - *p) < n || memchr(*p, '\0', (size_t)n) != NULL)
		return -1;
	*out = arena_strndup(a, *p, (size_t)n);
	*p += n;
	return 0;
}

int
cursor_decode(struct arena *a, const char *token, struct cursor *c,
    struct err *e)
{
	size_t		 len, i, n = 0;
	char		*raw;
	const char	*p, *end;
	long long	 sort, id;
	int		 v[4], k;

	memset(c, 0, sizeof(*c));
	len = token ? strlen(token) : 0;
	if (len == 0 || len > TOKEN_MAX || len % 4 == 1)
		goto bad;
	raw = arena_alloc(a, len / 4 * 3 + 3);
	for (i = 0; i < len; i += 4) {
		for (k = 0; k < 4; k++)
			v[k] = i + (size_t)k < len ? b64val(token[i + k]) : 0;
		if (v[0] < 0 || v[1] < 0 || v[2] < 0 || v[3] < 0)
			goto bad;
		raw[n++] = (char)(v[0] << 2 | v[1] >> 4);
		if (i + 2 < len)
			raw[n++] = (char)((v[1] & 15) << 4 | v[2] >> 2);
		if (i + 3 < len)
			raw[n++] = (char)((v[2] & 3) << 6 | v[3]);
	}
	p = raw;
	end = raw + n;
	if (n < 3 || memcmp(p, "c1:", 3) != 0)
		goto bad;
	p += 3;
	if (num(&p, end, 0, 1000, &sort) != 0 ||
	    num(&p, end, 0, INT64_MAX, &id) != 0 ||
	    key(a, &p, end, &c->k1) != 0 || key(a, &p, end, &c->k2) != 0 ||
	    p != end)
		goto bad;
	c->sort = (int)sort;
	c->id = (int64_t)id;
	return 0;
bad:
	memset(c, 0, sizeof(*c));
	return err_set(e, ERR_INVALID, "invalid_cursor", "cursor",
	    "Ugyldig cursor: hent listen forfra uden cursor");
}
