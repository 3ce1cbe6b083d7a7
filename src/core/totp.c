/*
 * totp — HOTP/TOTP codes and base32 secrets (see totp.h).
 */
#include <liboath/oath.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/totp.h"
#include "util/arena.h"
#include "util/buf.h"

static pthread_once_t	oath_once = PTHREAD_ONCE_INIT;

static void
oath_start(void)
{
	(void)oath_init();
}

int
totp_hotp(const uint8_t *key, size_t keylen, uint64_t counter, int digits,
    char *out)
{
	if (key == NULL || keylen == 0 || digits < 6 || digits > 8)
		return -1;
	pthread_once(&oath_once, oath_start);
	if (oath_hotp_generate((const char *)key, keylen, counter,
	    (unsigned)digits, 0, SIZE_MAX, out) != OATH_OK)
		return -1;
	return 0;
}

int64_t
totp_step_of(int64_t now)
{
	return now < 0 ? 0 : now / TOTP_STEP;
}

int
totp_code(const uint8_t *key, size_t keylen, int64_t now, int digits,
    char *out)
{
	return totp_hotp(key, keylen, (uint64_t)totp_step_of(now), digits,
	    out);
}

/* Equal strings of length n, in time independent of where they differ. */
static int
same(const char *a, const char *b, size_t n)
{
	unsigned char	d = 0;
	size_t		i;

	for (i = 0; i < n; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0;
}

int
totp_verify(const uint8_t *key, size_t keylen, const char *code, int64_t now,
    int64_t last_step, int64_t *step)
{
	char	given[TOTP_DIGITS + 1], want[TOTP_DIGITS + 1];
	int64_t	cur, s;
	size_t	n = 0;
	int	hit = 0;

	if (code == NULL)
		return 0;
	for (; *code != '\0'; code++) {
		if (*code == ' ' || *code == '-')
			continue;
		if (*code < '0' || *code > '9' || n == TOTP_DIGITS)
			return 0;
		given[n++] = *code;
	}
	if (n != TOTP_DIGITS)
		return 0;
	given[n] = '\0';
	cur = totp_step_of(now);
	for (s = cur - TOTP_WINDOW; s <= cur + TOTP_WINDOW; s++) {
		if (s < 0 || totp_hotp(key, keylen, (uint64_t)s, TOTP_DIGITS,
		    want) != 0)
			continue;
		if (same(given, want, TOTP_DIGITS) && s > last_step && !hit) {
			hit = 1;
			*step = s;
		}
	}
	return hit;
}

static const char b32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

int
totp_base32_encode(const uint8_t *in, size_t n, char *out, size_t outsz)
{
	uint32_t	acc = 0;
	size_t		i, o = 0;
	int		bits = 0;

	if ((n * 8 + 4) / 5 + 1 > outsz)
		return -1;
	for (i = 0; i < n; i++) {
		acc = (acc << 8) | in[i];
		bits += 8;
		while (bits >= 5) {
			out[o++] = b32[(acc >> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	if (bits > 0)
		out[o++] = b32[(acc << (5 - bits)) & 31];
	out[o] = '\0';
	return 0;
}

int
totp_base32_decode(const char *in, uint8_t *out, size_t outsz, size_t *n)
{
	uint32_t	 acc = 0;
	const char	*p;
	size_t		 o = 0;
	int		 bits = 0, v;
	char		 c;

	*n = 0;
	for (p = in; *p != '\0'; p++) {
		c = *p;
		if (c == ' ' || c == '=' || c == '-')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c >= 'A' && c <= 'Z')
			v = c - 'A';
		else if (c >= '2' && c <= '7')
			v = c - '2' + 26;
		else
			return -1;
		acc = (acc << 5) | (uint32_t)v;
		bits += 5;
		if (bits >= 8) {
			if (o == outsz)
				return -1;
			out[o++] = (uint8_t)(acc >> (bits - 8));
			bits -= 8;
		}
	}
	if (o == 0)
		return -1;
	*n = o;
	return 0;
}

char *
totp_group(struct arena *a, const char *s)
{
	size_t	 n = strlen(s), i, o = 0;
	char	*out = arena_alloc(a, n + n / 4 + 1);

	for (i = 0; i < n; i++) {
		if (i > 0 && i % 4 == 0)
			out[o++] = ' ';
		out[o++] = s[i];
	}
	out[o] = '\0';
	return out;
}

/* Percent-encode s into b: unreserved characters (RFC 3986) as is. */
static void
pct(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~", c) != NULL)
			buf_putc(b, (char)c);
		else {
			buf_putc(b, '%');
			buf_putc(b, hex[c >> 4]);
			buf_putc(b, hex[c & 15]);
		}
	}
}

char *
totp_uri(struct arena *a, const char *issuer, const char *account,
    const char *secret)
{
	struct buf	 b;
	char		*out;

	buf_init(&b);
	buf_puts(&b, "otpauth://totp/");
	pct(&b, issuer);
	buf_putc(&b, ':');
	pct(&b, account);
	buf_puts(&b, "?secret=");
	buf_puts(&b, secret);
	buf_puts(&b, "&issuer=");
	pct(&b, issuer);
	buf_printf(&b, "&algorithm=SHA1&digits=%d&period=%d", TOTP_DIGITS,
	    TOTP_STEP);
	out = arena_strdup(a, buf_str(&b));
	buf_cleanup(&b);
	return out;
}
