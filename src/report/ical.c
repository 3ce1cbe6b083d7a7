/*
 * ical — iCalendar writer for meetings (see ical.h).
 *
 * Every content line is first built unfolded in a scratch buffer, then
 * folded into the output: at most 75 octets per physical line (CRLF not
 * counted), continuation lines start with one space, and a fold never
 * falls before a UTF-8 continuation byte. The whole calendar is built in
 * a private buffer and appended only on success.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/ical.h"
#include "report/meeting_fmt.h"
#include "report/meeting_view.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/log.h"
#include "util/text.h"

#define ICAL_FOLD	75	/* octets per line, RFC 5545 §3.1 */

struct ical {
	struct buf	out;	/* the calendar being built */
	struct buf	line;	/* the current content line, unfolded */
	struct buf	tmp;	/* scratch for cleaned text */
};

/* Fold w->line into w->out and end it with CRLF. */
static void
line_end(struct ical *w)
{
	const unsigned char	*p = (const unsigned char *)w->line.data;
	size_t			 n = w->line.len, room = ICAL_FOLD, k;

	while (n > room) {
		k = room;
		while (k > 0 && (p[k] & 0xc0) == 0x80)
			k--;
		buf_append(&w->out, p, k);
		buf_puts(&w->out, "\r\n ");
		p += k;
		n -= k;
		room = ICAL_FOLD - 1;
	}
	buf_append(&w->out, p, n);
	buf_puts(&w->out, "\r\n");
	buf_reset(&w->line);
}

/* A whole line that needs no escaping (names and fixed values). */
static void
line_raw(struct ical *w, const char *s)
{
	buf_puts(&w->line, s);
	line_end(w);
}

/* Append s as an escaped TEXT value (RFC 5545 §3.3.11). */
static void
put_text(struct ical *w, const char *s)
{
	const char	*p;

	buf_reset(&w->tmp);
	meeting_fmt_utf8(&w->tmp, s);
	for (p = buf_str(&w->tmp); *p != '\0'; p++) {
		switch (*p) {
		case '\\':	buf_puts(&w->line, "\\\\"); break;
		case ';':	buf_puts(&w->line, "\\;"); break;
		case ',':	buf_puts(&w->line, "\\,"); break;
		case '\n':	buf_puts(&w->line, "\\n"); break;
		default:	buf_putc(&w->line, *p); break;
		}
	}
}

/* NAME:escaped text, or nothing when s is blank. */
static void
prop_text(struct ical *w, const char *name, const char *s)
{
	if (meeting_fmt_blank(s))
		return;
	buf_puts(&w->line, name);
	buf_putc(&w->line, ':');
	put_text(w, s);
	line_end(w);
}

/* NAME:YYYYMMDDTHHMMSSZ */
static void
prop_utc(struct ical *w, const char *name, int64_t t)
{
	struct meeting_fmt_tm	tm;

	meeting_fmt_from_epoch(t, &tm);
	buf_printf(&w->line, "%s:%04d%02d%02dT%02d%02d%02dZ", name, tm.year,
	    tm.mon, tm.day, tm.hour, tm.min, tm.sec);
	line_end(w);
}

/* NAME;TZID=Europe/Copenhagen:YYYYMMDDTHHMMSS */
static void
prop_local(struct ical *w, const char *name, const struct meeting_fmt_tm *tm)
{
	buf_printf(&w->line, "%s;TZID=Europe/Copenhagen:"
	    "%04d%02d%02dT%02d%02d%02d", name, tm->year, tm->mon, tm->day,
	    tm->hour, tm->min, tm->sec);
	line_end(w);
}

static void
vtimezone(struct ical *w)
{
	line_raw(w, "BEGIN:VTIMEZONE");
	line_raw(w, "TZID:Europe/Copenhagen");
	line_raw(w, "X-LIC-LOCATION:Europe/Copenhagen");
	line_raw(w, "BEGIN:DAYLIGHT");
	line_raw(w, "TZOFFSETFROM:+0100");
	line_raw(w, "TZOFFSETTO:+0200");
	line_raw(w, "TZNAME:CEST");
	line_raw(w, "DTSTART:19700329T020000");
	line_raw(w, "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
	line_raw(w, "END:DAYLIGHT");
	line_raw(w, "BEGIN:STANDARD");
	line_raw(w, "TZOFFSETFROM:+0200");
	line_raw(w, "TZOFFSETTO:+0100");
	line_raw(w, "TZNAME:CET");
	line_raw(w, "DTSTART:19701025T030000");
	line_raw(w, "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
	line_raw(w, "END:STANDARD");
	line_raw(w, "END:VTIMEZONE");
}

static bool
is_cancelled(const struct meeting_view *m)
{
	return m->cancelled || (m->state != NULL &&
	    strcmp(m->state, "aflyst") == 0);
}

/* "Boulevarden 13, repræsentationslokale 3" */
static void
location_text(struct buf *b, const struct meeting_view *m)
{
	if (!meeting_fmt_blank(m->place))
		buf_puts(b, m->place);
	if (!meeting_fmt_blank(m->room)) {
		if (b->len > 0)
			buf_puts(b, ", ");
		buf_puts(b, m->room);
	}
}

/* The DESCRIPTION: body, place, the agenda's titles, the link. */
static void
description(struct buf *b, const struct meeting_view *m, const char *url,
    bool include_closed)
{
	size_t	i, shown = 0;

	if (is_cancelled(m))
		buf_puts(b, "Mødet er aflyst.\n\n");
	if (!meeting_fmt_blank(m->body_name))
		buf_printf(b, "%s\n", m->body_name);
	for (i = 0; i < m->nitems; i++) {
		const struct meeting_view_item *it = &m->items[i];

		if (!meeting_fmt_item_shown(it, include_closed))
			continue;
		if (shown++ == 0)
			buf_puts(b, "\nDagsorden:\n");
		buf_printf(b, "%d. %s", it->number, it->title ? it->title : "");
		/* Titles usually carry the initials already. */
		if (!meeting_fmt_blank(it->presenter) &&
		    !meeting_fmt_title_names(it->title, it->presenter))
			buf_printf(b, " (%s)", it->presenter);
		if (it->closed)
			buf_puts(b, " [lukket punkt]");
		buf_putc(b, '\n');
	}
	if (url != NULL)
		buf_printf(b, "\n%s\n", url);
	while (b->len > 0 && b->data[b->len - 1] == '\n')
		b->data[--b->len] = '\0';
}

/* Minutes from created_at to updated_at, 0 when unknown. */
static int64_t
sequence(const struct meeting_view *m)
{
	int64_t	c, u;

	if (meeting_fmt_utc(m->created_at, &c) != 0 ||
	    meeting_fmt_utc(m->updated_at, &u) != 0 || u <= c)
		return 0;
	return (u - c) / 60 > INT32_MAX ? INT32_MAX : (u - c) / 60;
}

static int
vevent(struct ical *w, const struct meeting_view *m, const char *site_url,
    bool include_closed, int64_t now, struct err *e)
{
	struct meeting_fmt_tm	 start, end;
	struct buf		 b, url;
	int64_t			 t;
	bool			 has_end, has_url;

	if (meeting_fmt_local(m->start, &start) != 0)
		return err_set(e, ERR_INVALID, "invalid_start", "start",
		    "Mødet %lld har et ugyldigt starttidspunkt",
		    (long long)m->id);
	has_end = m->end != NULL;
	if (has_end && (meeting_fmt_local(m->end, &end) != 0 ||
	    meeting_fmt_epoch(&end) <= meeting_fmt_epoch(&start)))
		return err_set(e, ERR_INVALID, "invalid_end", "end",
		    "Mødet %lld har et ugyldigt sluttidspunkt",
		    (long long)m->id);

	buf_init(&b);
	buf_init(&url);
	has_url = meeting_fmt_url_join(&url, site_url, m->url);
	line_raw(w, "BEGIN:VEVENT");
	if (!meeting_fmt_blank(m->uid))
		prop_text(w, "UID", m->uid);
	else {
		buf_printf(&w->line, "UID:meeting-%lld@ramme",
		    (long long)m->id);
		line_end(w);
	}
	prop_utc(w, "DTSTAMP", now);
	prop_local(w, "DTSTART", &start);
	if (has_end)
		prop_local(w, "DTEND", &end);
	if (meeting_fmt_utc(m->created_at, &t) == 0)
		prop_utc(w, "CREATED", t);
	if (meeting_fmt_utc(m->updated_at, &t) == 0)
		prop_utc(w, "LAST-MODIFIED", t);
	buf_printf(&w->line, "SEQUENCE:%lld", (long long)sequence(m));
	line_end(w);

	if (is_cancelled(m))
		buf_puts(&b, "AFLYST: ");
	buf_puts(&b, !meeting_fmt_blank(m->title) ? m->title :
	    !meeting_fmt_blank(m->body_name) ? m->body_name : "Møde");
	prop_text(w, "SUMMARY", buf_str(&b));

	buf_reset(&b);
	location_text(&b, m);
	prop_text(w, "LOCATION", buf_str(&b));

	buf_reset(&b);
	description(&b, m, has_url ? buf_str(&url) : NULL, include_closed);
	prop_text(w, "DESCRIPTION", buf_str(&b));

	prop_text(w, "CATEGORIES", m->body_name);
	if (has_url) {
		/* A URI value: not TEXT-escaped, checked free of blanks. */
		buf_printf(&w->line, "URL:%s", buf_str(&url));
		line_end(w);
	}
	if (is_cancelled(m))
		line_raw(w, "STATUS:CANCELLED");
	else if (m->state != NULL && strcmp(m->state, "planlagt") == 0)
		line_raw(w, "STATUS:TENTATIVE");
	else
		line_raw(w, "STATUS:CONFIRMED");
	line_raw(w, "TRANSP:OPAQUE");
	line_raw(w, "END:VEVENT");
	buf_cleanup(&b);
	buf_cleanup(&url);
	return 0;
}

/* One all-day event. */
static int
vday(struct ical *w, const struct ical_day *d, const char *site_url,
    int64_t now, struct err *e)
{
	struct buf	url;
	int64_t		z;
	int		y, m, dd;

	if (d->date == NULL || !text_date_valid(d->date))
		return err_set(e, ERR_INVALID, "invalid_date", "date",
		    "Ugyldig dato i kalenderen");
	z = text_days_from_civil(atoi(d->date), atoi(d->date + 5),
	    atoi(d->date + 8)) + 1;
	text_civil_from_days(z, &y, &m, &dd);
	line_raw(w, "BEGIN:VEVENT");
	prop_text(w, "UID", d->uid);
	prop_utc(w, "DTSTAMP", now);
	buf_printf(&w->line, "DTSTART;VALUE=DATE:%.4s%.2s%.2s", d->date,
	    d->date + 5, d->date + 8);
	line_end(w);
	buf_printf(&w->line, "DTEND;VALUE=DATE:%04d%02d%02d", y, m, dd);
	line_end(w);
	line_raw(w, "SEQUENCE:0");
	prop_text(w, "SUMMARY", d->summary);
	prop_text(w, "DESCRIPTION", d->description);
	prop_text(w, "CATEGORIES", d->category);
	buf_init(&url);
	if (d->url != NULL && meeting_fmt_url_join(&url, site_url, d->url)) {
		buf_printf(&w->line, "URL:%s", buf_str(&url));
		line_end(w);
	}
	buf_cleanup(&url);
	line_raw(w, "STATUS:CONFIRMED");
	line_raw(w, "TRANSP:TRANSPARENT");
	line_raw(w, "END:VEVENT");
	return 0;
}

int
ical_write(struct buf *out, const char *calname, const char *site_url,
    const struct meeting_view *v, size_t n, bool include_closed,
    const char *now_utc, struct err *e)
{
	return ical_write_days(out, calname, site_url, v, n, NULL, 0,
	    include_closed, now_utc, e);
}

int
ical_write_days(struct buf *out, const char *calname, const char *site_url,
    const struct meeting_view *v, size_t n, const struct ical_day *d,
    size_t nd, bool include_closed, const char *now_utc, struct err *e)
{
	struct ical	w;
	int64_t		now;
	size_t		i;
	int		rc = 0;

	if (meeting_fmt_utc(now_utc, &now) != 0)
		return err_set(e, ERR_INVALID, "invalid_now", NULL,
		    "Ugyldigt tidspunkt for kalenderen");
	buf_init(&w.out);
	buf_init(&w.line);
	buf_init(&w.tmp);
	line_raw(&w, "BEGIN:VCALENDAR");
	line_raw(&w, "VERSION:2.0");
	line_raw(&w, "PRODID:-//ramme//Rammeaftalesekretariatet Nordjylland//DA");
	line_raw(&w, "CALSCALE:GREGORIAN");
	line_raw(&w, "METHOD:PUBLISH");
	prop_text(&w, "X-WR-CALNAME", calname);
	line_raw(&w, "X-WR-TIMEZONE:Europe/Copenhagen");
	line_raw(&w, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
	line_raw(&w, "X-PUBLISHED-TTL:PT1H");
	vtimezone(&w);
	/*
	 * An event whose times cannot be read is left out (and logged), not
	 * the calendar: vevent() and vday() check before they write.
	 */
	for (i = 0; i < n && rc == 0; i++)
		if ((rc = vevent(&w, &v[i], site_url, include_closed, now,
		    e)) == ERR_INVALID) {
			log_warn("ical: meeting %lld skipped: %s",
			    (long long)v[i].id, e->msg);
			rc = 0;
		}
	for (i = 0; i < nd && rc == 0; i++)
		if ((rc = vday(&w, &d[i], site_url, now, e)) == ERR_INVALID) {
			log_warn("ical: %s skipped: %s", d[i].uid != NULL ?
			    d[i].uid : "a day", e->msg);
			rc = 0;
		}
	line_raw(&w, "END:VCALENDAR");
	if (rc == 0)
		buf_append(out, w.out.data != NULL ? w.out.data : "", w.out.len);
	buf_cleanup(&w.out);
	buf_cleanup(&w.line);
	buf_cleanup(&w.tmp);
	return rc;
}
