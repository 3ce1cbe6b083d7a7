/*
 * meeting_fmt — helpers shared by the meeting formatters (see
 * meeting_fmt.h). Calendar arithmetic is done by hand (days from the
 * civil date), not with mktime()/TZ, so results never depend on the
 * process's time zone or locale and the functions are thread-safe.
 */
#include <stdio.h>
#include <string.h>

#include "report/meeting_fmt.h"
#include "report/meeting_view.h"
#include "util/buf.h"
#include "util/text.h"

static const char *month_da[] = { "januar", "februar", "marts", "april",
    "maj", "juni", "juli", "august", "september", "oktober", "november",
    "december" };

static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Read exactly n digits at *p into *out and advance. */
static bool
digits(const char **p, int n, int *out)
{
	int	v = 0, i;

	for (i = 0; i < n; i++) {
		if ((*p)[i] < '0' || (*p)[i] > '9')
			return false;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return true;
}

/*
 * Date and optional time; *rest points after what was read. Returns
 * false on malformed or impossible values.
 */
static bool
parse_datetime(const char *s, struct meeting_fmt_tm *tm, const char **rest)
{
	const char	*p = s;

	memset(tm, 0, sizeof(*tm));
	if (s == NULL || !digits(&p, 4, &tm->year) || *p++ != '-' ||
	    !digits(&p, 2, &tm->mon) || *p++ != '-' ||
	    !digits(&p, 2, &tm->day))
		return false;
	if (tm->year < 1900 || tm->year > 2199 || tm->mon < 1 ||
	    tm->mon > 12 || tm->day < 1 ||
	    tm->day > days_in_month(tm->year, tm->mon))
		return false;
	if (*p == 'T' || (*p == ' ' && p[1] >= '0' && p[1] <= '9')) {
		p++;
		if (!digits(&p, 2, &tm->hour) || *p++ != ':' ||
		    !digits(&p, 2, &tm->min))
			return false;
		if (*p == ':') {
			p++;
			if (!digits(&p, 2, &tm->sec))
				return false;
		}
		if (tm->hour > 23 || tm->min > 59 || tm->sec > 59)
			return false;
	}
	*rest = p;
	return true;
}

int
meeting_fmt_local(const char *iso, struct meeting_fmt_tm *out)
{
	const char	*rest;

	if (!parse_datetime(iso, out, &rest) || *rest != '\0')
		return -1;
	return 0;
}

int
meeting_fmt_utc(const char *iso, int64_t *epoch)
{
	struct meeting_fmt_tm	 tm;
	const char		*p;
	int			 oh, om, sign;
	int64_t			 t;

	if (!parse_datetime(iso, &tm, &p))
		return -1;
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			return -1;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	t = meeting_fmt_epoch(&tm);
	if (*p == 'Z' || *p == 'z')
		p++;
	else if (*p == '+' || *p == '-') {
		sign = *p++ == '+' ? 1 : -1;
		if (!digits(&p, 2, &oh))
			return -1;
		if (*p == ':')
			p++;
		if (!digits(&p, 2, &om) || oh > 23 || om > 59)
			return -1;
		t -= sign * (oh * 3600 + om * 60);
	}
	if (*p != '\0')
		return -1;
	*epoch = t;
	return 0;
}

int64_t
meeting_fmt_epoch(const struct meeting_fmt_tm *tm)
{
	return text_days_from_civil(tm->year, tm->mon, tm->day) * 86400 +
	    tm->hour * 3600 + tm->min * 60 + tm->sec;
}

void
meeting_fmt_from_epoch(int64_t epoch, struct meeting_fmt_tm *tm)
{
	int64_t	z, era, doe, yoe, y, doy, mp, secs;

	z = epoch >= 0 ? epoch / 86400 : (epoch - 86399) / 86400;
	secs = epoch - z * 86400;
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	tm->day = (int)(doy - (153 * mp + 2) / 5 + 1);
	tm->mon = (int)(mp < 10 ? mp + 3 : mp - 9);
	tm->year = (int)(y + (tm->mon <= 2));
	tm->hour = (int)(secs / 3600);
	tm->min = (int)(secs / 60 % 60);
	tm->sec = (int)(secs % 60);
}

int
meeting_fmt_weekday(int year, int mon, int day)
{
	int64_t	d = text_days_from_civil(year, mon, day);

	/* 1970-01-01 was a Thursday (4). */
	return (int)(((d % 7) + 7 + 4) % 7);
}

/* Day of the month of the last Sunday of month m in year y. */
static int
last_sunday(int y, int m)
{
	int	last = days_in_month(y, m);

	return last - meeting_fmt_weekday(y, m, last);
}

int
meeting_fmt_cph_offset(const struct meeting_fmt_tm *local)
{
	struct meeting_fmt_tm	from, to;
	int64_t			t;

	memset(&from, 0, sizeof(from));
	from.year = to.year = local->year;
	from.mon = 3;
	from.day = last_sunday(local->year, 3);
	from.hour = 3;
	to = from;
	to.mon = 10;
	to.day = last_sunday(local->year, 10);
	t = meeting_fmt_epoch(local);
	return t >= meeting_fmt_epoch(&from) && t < meeting_fmt_epoch(&to) ?
	    7200 : 3600;
}

int
meeting_fmt_cph_offset_at(int64_t epoch)
{
	return text_cph_offset(epoch);
}

void
meeting_fmt_cph_local(int64_t epoch, struct meeting_fmt_tm *tm)
{
	meeting_fmt_from_epoch(epoch + meeting_fmt_cph_offset_at(epoch), tm);
}

void
meeting_fmt_date_da(struct buf *out, const struct meeting_fmt_tm *tm)
{
	buf_printf(out, "%d. %s %d", tm->day, month_da[tm->mon - 1],
	    tm->year);
}

void
meeting_fmt_when_da(struct buf *out, const struct meeting_view *v)
{
	struct meeting_fmt_tm	s, e;

	if (meeting_fmt_local(v->start, &s) != 0) {
		meeting_fmt_utf8(out, v->start);
		return;
	}
	meeting_fmt_date_da(out, &s);
	buf_printf(out, ", kl. %02d.%02d", s.hour, s.min);
	if (meeting_fmt_local(v->end, &e) != 0)
		return;
	if (e.year == s.year && e.mon == s.mon && e.day == s.day) {
		/* U+2013 EN DASH between the times. */
		buf_printf(out, "\xe2\x80\x93%02d.%02d", e.hour, e.min);
		return;
	}
	buf_puts(out, " \xe2\x80\x93 ");
	meeting_fmt_date_da(out, &e);
	buf_printf(out, ", kl. %02d.%02d", e.hour, e.min);
}

/* Length of the well-formed UTF-8 sequence at p (n bytes left), or 0. */
static size_t
utf8_seq(const unsigned char *p, size_t n)
{
	size_t		len, k;
	uint32_t	cp;

	if (p[0] < 0x80)
		return 1;
	if ((p[0] & 0xe0) == 0xc0) {
		len = 2;
		cp = p[0] & 0x1f;
	} else if ((p[0] & 0xf0) == 0xe0) {
		len = 3;
		cp = p[0] & 0x0f;
	} else if ((p[0] & 0xf8) == 0xf0) {
		len = 4;
		cp = p[0] & 0x07;
	} else
		return 0;
	if (n < len)
		return 0;
	for (k = 1; k < len; k++) {
		if ((p[k] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[k] & 0x3f);
	}
	if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
	    (len == 4 && cp < 0x10000) || cp > 0x10ffff ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

void
meeting_fmt_utf8(struct buf *out, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n, len;

	if (s == NULL)
		return;
	n = strlen(s);
	while (n > 0) {
		len = utf8_seq(p, n);
		if (len == 0) {
			buf_puts(out, "\xef\xbf\xbd");	/* U+FFFD */
			len = 1;
		} else if (*p == '\r') {
			buf_putc(out, '\n');
			if (n > 1 && p[1] == '\n')
				len = 2;
		} else if (len > 1 || *p == '\t' || *p == '\n' ||
		    (*p >= 0x20 && *p != 0x7f))
			buf_append(out, p, len);
		p += len;
		n -= len;
	}
}

bool
meeting_fmt_blank(const char *s)
{
	if (s == NULL)
		return true;
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return false;
	return true;
}

bool
meeting_fmt_url_absolute(const char *url)
{
	return url != NULL && (strncmp(url, "https://", 8) == 0 ||
	    strncmp(url, "http://", 7) == 0) && strpbrk(url, " \t\r\n\"<>") ==
	    NULL;
}

bool
meeting_fmt_url_join(struct buf *out, const char *site, const char *url)
{
	size_t	n;

	if (meeting_fmt_url_absolute(url)) {
		buf_puts(out, url);
		return true;
	}
	if (url == NULL || url[0] != '/' || url[1] == '/' ||
	    strpbrk(url, " \t\r\n\"<>") != NULL ||
	    !meeting_fmt_url_absolute(site))
		return false;
	n = strlen(site);
	while (n > 0 && site[n - 1] == '/')
		n--;
	buf_append(out, site, n);
	buf_puts(out, url);
	return true;
}

bool
meeting_fmt_item_shown(const struct meeting_view_item *it,
    bool include_closed)
{
	return include_closed || !it->closed;
}

bool
meeting_fmt_file_shown(const struct meeting_view_item *it,
    const struct meeting_view_file *f, bool include_closed)
{
	return include_closed || (!it->closed && !f->closed);
}

bool
meeting_fmt_minutes_approved(const struct meeting_view *v)
{
	if (v->cancelled || (v->state != NULL &&
	    strcmp(v->state, "aflyst") == 0))
		return false;
	return v->minutes_approved_at != NULL || (v->state != NULL &&
	    strcmp(v->state, "referat_godkendt") == 0);
}

bool
meeting_fmt_title_names(const char *title, const char *who)
{
	size_t	tl, wl;

	if (title == NULL || who == NULL)
		return false;
	tl = strlen(title);
	while (tl > 0 && (title[tl - 1] == ' ' || title[tl - 1] == '\t'))
		tl--;
	wl = strlen(who);
	return tl >= wl + 2 && title[tl - 1] == ')' &&
	    title[tl - wl - 2] == '(' &&
	    memcmp(title + tl - wl - 1, who, wl) == 0;
}
