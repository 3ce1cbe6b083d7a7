/*
 * rss — an RSS 2.0 feed of published minutes: one item per meeting whose
 * minutes are approved, newest approval first, with the decisions of the
 * meeting's items as the item's description.
 *
 * Draft minutes never appear (only approved ones are published), and
 * with include_closed false neither does anything of a closed item.
 * Text is XML-escaped and written as well-formed UTF-8 (invalid bytes
 * become U+FFFD, characters XML 1.0 forbids are dropped).
 */
#ifndef RAMME_RSS_H
#define RAMME_RSS_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct err;
struct meeting_view;

/*
 * Append an RSS 2.0 document to out.
 *
 *   title	   the channel's title, e.g. "Referater — Rammeaftale
 *		   Nordjylland"
 *   site_url	   absolute base of the site, "https://ramme.example.dk";
 *		   the channel's link, and the base for site-relative
 *		   meeting URLs
 *   views[0..n)   the meetings; those without approved minutes (see
 *		   meeting_fmt_minutes_approved) and cancelled ones are
 *		   skipped
 *   include_closed
 *		   false for every public feed
 *   now	   ISO UTC time of the feed, written as lastBuildDate
 *
 * Items: title "Referat: <title>, <date>", link = the meeting URL made
 * absolute, guid = that URL (isPermaLink) or else view.uid (not a
 * permalink), pubDate = minutes_approved_at (else updated_at) in RFC 822
 * form, description = an HTML fragment (escaped) with each shown item's
 * number, title, result ("Beslutning") and minutes ("Referat").
 *
 * Returns 0, or ERR_INVALID (key "invalid_site_url", "invalid_now") with
 * e filled and out unchanged.
 */
int	rss_write(struct buf *out, const char *title, const char *site_url,
	    const struct meeting_view *views, size_t n, bool include_closed,
	    const char *now, struct err *e);

#endif
