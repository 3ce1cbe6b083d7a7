/*
 * ical — meetings as an iCalendar feed (RFC 5545) for calendar
 * subscriptions (webcal): all meetings, one body's, or one meeting; and
 * the steps of the annual cycle as all-day events.
 *
 * Written by hand; libical is not a dependency. Lines end in CRLF and
 * are folded at 75 octets without splitting a UTF-8 sequence; TEXT
 * values escape backslash, ';', ',' and newlines. Times are local
 * Danish time with TZID=Europe/Copenhagen and a VTIMEZONE that carries
 * the EU summer-time rules.
 */
#ifndef RAMME_ICAL_H
#define RAMME_ICAL_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct err;
struct meeting_view;

/*
 * Append a VCALENDAR with one VEVENT per meeting of v[0..n) to out.
 *
 *   calname	  the feed's name (X-WR-CALNAME), e.g.
 *		  "Møder i Socialdirektørkredsen"; NULL or "" leaves it out.
 *   site_url	  absolute base of the site ("https://ramme.example.dk")
 *		  for site-relative view.url values, or NULL.
 *   include_closed
 *		  false for every public feed: the DESCRIPTION (the agenda's
 *		  item titles) then leaves out closed items entirely.
 *   now_utc	  the feed's creation time, ISO UTC ("2011-10-01T12:00:00Z"),
 *		  written as DTSTAMP of every event.
 *
 * Each event: UID = view.uid (stable across edits; a meeting without a
 * uid gets "meeting-<id>@ramme"), DTSTART/DTEND in Europe/Copenhagen
 * (no DTEND when end is NULL), SUMMARY = title (prefixed "AFLYST: "
 * when cancelled), LOCATION = place and room, DESCRIPTION = body and
 * item list and link, URL = view.url made absolute with site_url (left
 * out when that is impossible), CREATED/LAST-MODIFIED from
 * created_at/updated_at, SEQUENCE = minutes from created_at to
 * updated_at (so it grows with every change), STATUS CONFIRMED,
 * TENTATIVE (state "planlagt") or CANCELLED (cancelled or "aflyst").
 *
 * The calendar's METHOD is PUBLISH: a cancelled meeting stays in the
 * feed with STATUS:CANCELLED and a higher SEQUENCE, which is how a
 * subscribed client learns of it (METHOD:CANCEL belongs to iTIP mail
 * with ORGANIZER/ATTENDEE, which a feed is not).
 *
 * Returns 0, or ERR_INVALID (key "invalid_start", "invalid_now") with e
 * filled and out unchanged. Invalid UTF-8 in the view is written as
 * U+FFFD, control characters are dropped.
 */
int	ical_write(struct buf *out, const char *calname, const char *site_url,
	    const struct meeting_view *v, size_t n, bool include_closed,
	    const char *now_utc, struct err *e);

/* An all-day event: a step of the annual cycle. Strings borrowed. */
struct ical_day {
	const char	*uid;		/* stable: "cycle-KIND-YEAR@ramme" */
	const char	*date;		/* ISO "2026-12-15" */
	const char	*summary;
	const char	*description;	/* or NULL */
	const char	*url;		/* site-relative or absolute, or NULL */
	const char	*category;	/* or NULL */
};

/*
 * ical_write() with the all-day events d[0..nd) after the meetings:
 * DTSTART;VALUE=DATE and DTEND;VALUE=DATE the day after, TRANSP
 * TRANSPARENT (a deadline does not make anyone busy), SEQUENCE 0.
 * ERR_INVALID ("invalid_date") for a day that is not a date.
 */
int	ical_write_days(struct buf *out, const char *calname,
	    const char *site_url, const struct meeting_view *v, size_t n,
	    const struct ical_day *d, size_t nd, bool include_closed,
	    const char *now_utc, struct err *e);

#endif
