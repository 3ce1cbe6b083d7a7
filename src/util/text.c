/*
 * text — strict parsing and Danish formatting (see text.h).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "util/buf.h"
#include "util/text.h"

bool
text_utf8_valid(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, k, len;
	uint32_t		 cp;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if ((p[i] & 0xe0) == 0xc0) {
			len = 2;
			cp = p[i] & 0x1f;
		} else if ((p[i] & 0xf0) == 0xe0) {
			len = 3;
			cp = p[i] & 0x0f;
		} else if ((p[i] & 0xf8) == 0xf0) {
			len = 4;
			cp = p[i] & 0x07;
		} else
			return false;
		if (n - i < len)
			return false;
		for (k = 1; k < len; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				return false;
			cp = (cp << 6) | (p[i + k] & 0x3f);
		}
		if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
		    (len == 4 && cp < 0x10000) || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return false;
		i += len;
	}
	return true;
}

size_t
text_utf8_len(const char *s, size_t n)
{
	size_t i, count = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			count++;
	return count;
}

/* Windows-1252 0x80..0x9f; 0 marks the five undefined positions. */
static const uint16_t cp1252_high[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178
};

static void
put_cp(struct buf *out, uint32_t cp)
{
	char b[4];

	if (cp < 0x80) {
		buf_putc(out, (char)cp);
	} else if (cp < 0x800) {
		b[0] = (char)(0xc0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3f));
		buf_append(out, b, 2);
	} else {
		b[0] = (char)(0xe0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f));
		buf_append(out, b, 3);
	}
}

int
text_cp1252_to_utf8(struct buf *out, const char *s, size_t n, size_t *bad)
{
	size_t		i;
	unsigned char	c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c >= 0x80 && c < 0xa0) {
			if (cp1252_high[c - 0x80] == 0) {
				if (bad != NULL)
					*bad = i;
				return -1;
			}
			put_cp(out, cp1252_high[c - 0x80]);
		} else
			put_cp(out, c);
	}
	return 0;
}

bool
text_has_controls(const char *s)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
		    c == 0x7f)
			return true;
	}
	return false;
}

int
text_parse_i64(const char *s, int64_t *out)
{
	const char	*p = s;
	int64_t		 v = 0;
	int		 neg = 0, d;

	if (s == NULL || *p == '\0')
		return -1;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	if (*p == '\0')
		return -1;
	for (; *p != '\0'; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		d = *p - '0';
		if (v > (INT64_MAX - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	*out = neg ? -v : v;
	return 0;
}

int
text_parse_centi(const char *s, int64_t *out)
{
	const char	*p = s;
	int64_t		 whole = 0, frac = 0;
	int		 neg = 0, digits = 0, fdigits = 0;

	if (s == NULL || *p == '\0')
		return -1;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	for (; *p >= '0' && *p <= '9'; p++, digits++) {
		if (whole > (INT64_MAX / 100 - 9) / 10)
			return -1;
		whole = whole * 10 + (*p - '0');
	}
	if (*p == '.' || *p == ',') {
		p++;
		for (; *p >= '0' && *p <= '9'; p++, fdigits++) {
			if (fdigits >= 2) {
				if (*p != '0')
					return -1;	/* more precision than øre/hundredths */
				continue;
			}
			frac = frac * 10 + (*p - '0');
		}
		if (fdigits == 0)
			return -1;
		if (fdigits == 1)
			frac *= 10;
	}
	if (*p != '\0' || digits == 0)
		return -1;
	*out = (whole * 100 + frac) * (neg ? -1 : 1);
	return 0;
}

/* Bytes of the white space at s: space, tab, U+00A0, U+202F; else 0. */
static size_t
kr_space(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] == ' ' || u[0] == '\t')
		return 1;
	if (u[0] == 0xc2 && u[1] == 0xa0)
		return 2;
	if (u[0] == 0xe2 && u[1] == 0x80 && u[2] == 0xaf)
		return 3;
	return 0;
}

static const char *
kr_skip_space(const char *p)
{
	size_t n;

	while ((n = kr_space(p)) > 0)
		p += n;
	return p;
}

#define KR_GROUPS_MAX	16	/* more digit groups cannot fit int64_t øre */

/* See text.h for the rule; the groups are the runs of digits. */
int
text_parse_kr(const char *s, int64_t *ore)
{
	const char	*p, *start[KR_GROUPS_MAX];
	char		 sep[KR_GROUPS_MAX];	/* separator after group i */
	size_t		 len[KR_GROUPS_MAX], n = 0, nint, i, j, sp;
	int64_t		 whole = 0, frac = 0;
	int		 neg = 0, commas = 0, dots = 0, spaces = 0, dash = 0;

	if (s == NULL)
		return -1;
	p = kr_skip_space(s);
	if (*p == '-' || *p == '+') {
		neg = *p++ == '-';
		p = kr_skip_space(p);
	}
	for (;;) {
		if (*p < '0' || *p > '9' || n == KR_GROUPS_MAX)
			return -1;
		start[n] = p;
		while (*p >= '0' && *p <= '9')
			p++;
		len[n] = (size_t)(p - start[n]);
		sep[n] = '\0';
		n++;
		if (p[0] == ',' && p[1] == '-') {	/* "2.283,-" */
			dash = 1;
			p += 2;
			break;
		}
		if (*p == '.' || *p == ',') {
			sep[n - 1] = *p++;
			if (*p < '0' || *p > '9')
				return -1;	/* "2283." or "2283," */
			continue;
		}
		if ((sp = kr_space(p)) > 0 && p[sp] >= '0' && p[sp] <= '9') {
			sep[n - 1] = ' ';
			p += sp;
			continue;
		}
		break;
	}
	p = kr_skip_space(p);
	if ((p[0] == 'k' || p[0] == 'K') && (p[1] == 'r' || p[1] == 'R')) {
		p += 2;
		if (*p == '.')
			p++;
		p = kr_skip_space(p);
	}
	if (*p != '\0')
		return -1;

	for (i = 0; i + 1 < n; i++) {
		commas += sep[i] == ',';
		dots += sep[i] == '.';
		spaces += sep[i] == ' ';
	}
	nint = n;
	if (commas > 0) {
		/* One comma, the last separator, one or two decimals. */
		if (commas > 1 || dash || sep[n - 2] != ',' ||
		    len[n - 1] < 1 || len[n - 1] > 2)
			return -1;
		nint = n - 1;
	} else if (!dash && dots == 1 && spaces == 0 && n == 2 &&
	    len[1] <= 2) {
		nint = 1;		/* "2283.5", "2283.50": decimal point */
	}
	if (nint > 1) {
		/* Thousands separators: all dots or all spaces, 1-3 + 3s. */
		if ((dots > 0 && spaces > 0) || len[0] > 3)
			return -1;
		for (i = 1; i < nint; i++)
			if (len[i] != 3)
				return -1;
	}
	for (i = 0; i < nint; i++)
		for (j = 0; j < len[i]; j++) {
			if (whole > (INT64_MAX / 100 - (start[i][j] - '0')) /
			    10)
				return -1;
			whole = whole * 10 + (start[i][j] - '0');
		}
	if (nint < n) {
		frac = start[n - 1][0] - '0';
		frac = len[n - 1] == 2 ? frac * 10 + (start[n - 1][1] - '0') :
		    frac * 10;
	}
	if (whole > (INT64_MAX - frac) / 100)
		return -1;
	*ore = (whole * 100 + frac) * (neg ? -1 : 1);
	return 0;
}

void
text_format_centi(struct buf *out, int64_t centi)
{
	int64_t a = centi < 0 ? -centi : centi;

	buf_printf(out, "%s%lld", centi < 0 ? "-" : "", (long long)(a / 100));
	if (a % 100 != 0) {
		if (a % 10 == 0)
			buf_printf(out, ".%lld", (long long)(a % 100 / 10));
		else
			buf_printf(out, ".%02lld", (long long)(a % 100));
	}
}

void
text_format_int_da(struct buf *out, int64_t v)
{
	char	digits[32];
	int	n, i;

	n = snprintf(digits, sizeof(digits), "%lld",
	    (long long)(v < 0 ? -v : v));
	if (v < 0)
		buf_putc(out, '-');
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf_putc(out, '.');
		buf_putc(out, digits[i]);
	}
}

void
text_format_centi_da(struct buf *out, int64_t centi)
{
	int64_t a = centi < 0 ? -centi : centi;

	if (centi < 0)
		buf_putc(out, '-');
	text_format_int_da(out, a / 100);
	if (a % 100 != 0) {
		if (a % 10 == 0)
			buf_printf(out, ",%lld", (long long)(a % 100 / 10));
		else
			buf_printf(out, ",%02lld", (long long)(a % 100));
	}
}

void
text_format_ore_da(char out[TEXT_KR_SIZE], int64_t ore)
{
	char		 digits[24];
	uint64_t	 a = ore < 0 ? -(uint64_t)ore : (uint64_t)ore;
	size_t		 len = 0;
	int		 nd, i;

	nd = snprintf(digits, sizeof(digits), "%llu",
	    (unsigned long long)(a / 100));
	if (ore < 0)
		out[len++] = '-';
	for (i = 0; i < nd; i++) {
		if (i > 0 && (nd - i) % 3 == 0)
			out[len++] = '.';
		out[len++] = digits[i];
	}
	snprintf(out + len, TEXT_KR_SIZE - len, ",%02llu kr.",
	    (unsigned long long)(a % 100));
}

static int
days_in_month(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

bool
text_date_valid(const char *s)
{
	int y, m, d, i;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return false;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= days_in_month(y, m);
}

void
text_format_date_da(struct buf *out, const char *iso)
{
	static const char *months[] = { "januar", "februar", "marts", "april",
	    "maj", "juni", "juli", "august", "september", "oktober",
	    "november", "december" };

	if (!text_date_valid(iso)) {
		buf_puts(out, iso ? iso : "");
		return;
	}
	buf_printf(out, "%d. %s %d", atoi(iso + 8), months[atoi(iso + 5) - 1],
	    atoi(iso));
}

int
text_parse_timestamp(const char *iso, int64_t *t)
{
	static const char	 shape[] = "dddd-dd-ddTdd:dd:ddZ";
	int			 hh, mi, ss;
	size_t			 i;
	char			 date[11];

	if (iso == NULL || strlen(iso) != sizeof(shape) - 1)
		return -1;
	for (i = 0; shape[i] != '\0'; i++) {
		if (shape[i] == 'd' ? !isdigit((unsigned char)iso[i]) :
		    iso[i] != shape[i])
			return -1;
	}
	memcpy(date, iso, 10);
	date[10] = '\0';
	hh = atoi(iso + 11);
	mi = atoi(iso + 14);
	ss = atoi(iso + 17);
	if (!text_date_valid(date) || hh > 23 || mi > 59 || ss > 59)
		return -1;
	*t = text_days_from_civil(atoi(iso), atoi(iso + 5), atoi(iso + 8)) *
	    86400 + hh * 3600 + mi * 60 + ss;
	return 0;
}

/* Unix seconds of 01:00 UTC on the last Sunday of month m of year y. */
static int64_t
last_sunday_0100(int y, int m)
{
	int64_t	d = text_days_from_civil(y, m, days_in_month(y, m));

	/* 1970-01-01 was a Thursday: weekday 0 = Sunday is (d + 4) % 7. */
	d -= ((d + 4) % 7 + 7) % 7;
	return d * 86400 + 3600;
}

int
text_cph_offset(int64_t t)
{
	int	y, m, d;

	text_civil_from_days(t >= 0 ? t / 86400 : -((-t + 86399) / 86400),
	    &y, &m, &d);
	return t >= last_sunday_0100(y, 3) && t < last_sunday_0100(y, 10) ?
	    7200 : 3600;
}

void
text_format_time_da(struct buf *out, int64_t t)
{
	static const char *months[] = { "januar", "februar", "marts", "april",
	    "maj", "juni", "juli", "august", "september", "oktober",
	    "november", "december" };
	int64_t	local = t + text_cph_offset(t), days, secs;
	int	y, m, d;

	days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
	secs = local - days * 86400;
	text_civil_from_days(days, &y, &m, &d);
	buf_printf(out, "%d. %s %d kl. %02d.%02d", d, months[m - 1], y,
	    (int)(secs / 3600), (int)(secs / 60 % 60));
}

void
text_format_timestamp_da(struct buf *out, const char *iso)
{
	int64_t	t;

	if (iso == NULL)
		return;
	if (text_parse_timestamp(iso, &t) != 0) {
		buf_puts(out, iso);
		return;
	}
	text_format_time_da(out, t);
}

char *
text_trim(char *s)
{
	char	*p = s, *e;
	size_t	 n;

	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		p++;
	n = strlen(p);
	e = p + n;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' ||
	    e[-1] == '\n'))
		e--;
	memmove(s, p, (size_t)(e - p));
	s[e - p] = '\0';
	return s;
}

int
text_casecmp(const char *a, const char *b)
{
	return strcasecmp(a, b);
}

int
text_index(const char *const *names, size_t n, const char *s)
{
	size_t	i;

	for (i = 0; s != NULL && i < n; i++)
		if (strcmp(names[i], s) == 0)
			return (int)i;
	return -1;
}

void
text_fold(struct buf *out, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	int			 space = 0;

	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	for (; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = 1;
			continue;
		}
		if (space) {
			buf_putc(out, ' ');
			space = 0;
		}
		if (*p >= 'A' && *p <= 'Z') {
			buf_putc(out, (char)(*p + 32));
		} else if (*p == 0xc3 && p[1] >= 0x80 && p[1] <= 0x9e &&
		    p[1] != 0x97) {
			/* U+00C0..U+00DE (not ×): lower case is +0x20. */
			buf_putc(out, (char)0xc3);
			buf_putc(out, (char)(p[1] + 0x20));
			p++;
		} else
			buf_putc(out, (char)*p);
	}
}

void
text_timestamp(char out[21], long long t)
{
	struct tm	tm;
	time_t		tt = (time_t)t;

	gmtime_r(&tt, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int64_t
text_days_from_civil(int y, int m, int d)
{
	int64_t	era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
text_civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t	era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}
