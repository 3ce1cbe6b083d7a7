/*
 * meeting_fmt — what the meeting formatters (pdf, ical, rss, oparl)
 * share: reading the view's timestamps, Danish time zone rules, Danish
 * date and time texts, clean UTF-8, site URLs, and the one rule for what
 * a public output may show (closed items and closed files never).
 *
 * Pure functions over struct meeting_view; no I/O, no allocation except
 * into the caller's struct buf.
 */
#ifndef RAMME_MEETING_FMT_H
#define RAMME_MEETING_FMT_H

#include <stdbool.h>
#include <stdint.h>

struct buf;
struct meeting_view;
struct meeting_view_item;
struct meeting_view_file;

/* A calendar date and wall-clock time, without a zone. */
struct meeting_fmt_tm {
	int	year;	/* 1900..2199 */
	int	mon;	/* 1..12 */
	int	day;	/* 1..31 */
	int	hour;	/* 0..23 */
	int	min;	/* 0..59 */
	int	sec;	/* 0..59 */
};

/*
 * Parse a local wall-clock time "YYYY-MM-DDTHH:MM[:SS]" (a space instead
 * of 'T' and a date alone, meaning 00:00, are accepted) into *out.
 * Returns 0, or -1 for anything else (also a zone suffix).
 */
int	meeting_fmt_local(const char *iso, struct meeting_fmt_tm *out);
/*
 * Parse a timestamp "YYYY-MM-DD[T| ]HH:MM[:SS[.fff]][Z|±HH:MM]" into
 * seconds since 1970 UTC; no zone means UTC (how the view stores them).
 * Returns 0, or -1 when s is NULL or malformed.
 */
int	meeting_fmt_utc(const char *iso, int64_t *epoch);
/* Seconds since 1970 of tm read as UTC. */
int64_t	meeting_fmt_epoch(const struct meeting_fmt_tm *tm);
/* The UTC calendar time of epoch. */
void	meeting_fmt_from_epoch(int64_t epoch, struct meeting_fmt_tm *tm);
/* Day of the week of a date, 0 = Sunday. */
int	meeting_fmt_weekday(int year, int mon, int day);

/*
 * Offset of Danish time from UTC in seconds (3600 CET, 7200 CEST) at a
 * local wall-clock time, by the EU rule (summer time from the last
 * Sunday of March 02:00 to the last Sunday of October 03:00). A time in
 * the skipped spring hour counts as CET, one in the repeated autumn hour
 * as CEST (the first occurrence), as RFC 5545 §3.3.5 prescribes.
 */
int	meeting_fmt_cph_offset(const struct meeting_fmt_tm *local);
/* The same at an instant given as seconds since 1970 UTC. */
int	meeting_fmt_cph_offset_at(int64_t epoch);
/* Local Danish wall-clock time of an instant. */
void	meeting_fmt_cph_local(int64_t epoch, struct meeting_fmt_tm *tm);

/* "6. oktober 2011" */
void	meeting_fmt_date_da(struct buf *out, const struct meeting_fmt_tm *tm);
/*
 * The meeting's time as the secretariat writes it:
 * "6. oktober 2011, kl. 13.00–16.00", or with an end on another day
 * "6. oktober 2011, kl. 13.00 – 7. oktober 2011, kl. 12.00", or without
 * an end "6. oktober 2011, kl. 13.00". An unreadable start is copied
 * as is.
 */
void	meeting_fmt_when_da(struct buf *out, const struct meeting_view *v);

/*
 * Append s as well-formed UTF-8: invalid bytes become U+FFFD, CR LF and
 * a lone CR become LF, other C0 controls but tab and LF and DEL are
 * dropped. NULL appends nothing.
 */
void	meeting_fmt_utf8(struct buf *out, const char *s);
/* True if s is NULL, empty or only white space. */
bool	meeting_fmt_blank(const char *s);

/* True if url is an absolute http(s) URL. */
bool	meeting_fmt_url_absolute(const char *url);
/*
 * Append url made absolute: an absolute http(s) url is copied, a
 * site-relative one ("/moeder/7") is put after site (an absolute base
 * without trailing slash; one is removed). Returns false, appending
 * nothing, when that is impossible (NULL, other schemes, no site).
 */
bool	meeting_fmt_url_join(struct buf *out, const char *site,
	    const char *url);

/*
 * The publication rule every formatter applies: an item is shown when it
 * is open or include_closed; a file when its item is shown and the file
 * is open or include_closed.
 */
bool	meeting_fmt_item_shown(const struct meeting_view_item *it,
	    bool include_closed);
bool	meeting_fmt_file_shown(const struct meeting_view_item *it,
	    const struct meeting_view_file *f, bool include_closed);
/*
 * Does title already end with "(who)", trailing white space aside (the
 * minutes write the presenter's initials into the title: "… (HETH)")?
 * False for a NULL title.
 */
bool	meeting_fmt_title_names(const char *title, const char *who);
/*
 * True when the meeting's minutes are approved (state
 * "referat_godkendt" or minutes_approved_at set) and it was not
 * cancelled. Draft minutes are for the members only.
 */
bool	meeting_fmt_minutes_approved(const struct meeting_view *v);

#endif
