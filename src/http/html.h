/*
 * html — the one HTML writer. Text and attribute values are escaped by
 * default; raw markup can only be a string literal (HTML_LIT), which the
 * compiler enforces, so data never reaches the page unescaped.
 */
#ifndef RAMME_HTML_H
#define RAMME_HTML_H

#include <stdint.h>

struct buf;

struct html {
	struct buf	*out;
};

/* Raw markup from a string literal only: HTML_LIT(h, "<p>"). */
#define HTML_LIT(h, s)	html_raw_((h), "" s "")
void	html_raw_(struct html *h, const char *literal);

/* Escaped text (& < > " ' escaped); NULL writes nothing. */
void	html_text(struct html *h, const char *s);
/* ` name="value"` with value escaped; NULL value writes nothing. */
void	html_attr(struct html *h, const char *name, const char *value);
/*
 * ` name="url"` for href/action/src: only relative URLs ("/...", "?...",
 * "#...") and http(s)/mailto are written; anything else
 * becomes "#".
 */
void	html_url(struct html *h, const char *name, const char *url);
/* An integer in Danish format ("217.075"). */
void	html_int(struct html *h, int64_t v);
/* Hundredths in Danish format ("12,5"). */
void	html_centi(struct html *h, int64_t centi);
/* An ISO date as "6. marts 2014". */
void	html_date(struct html *h, const char *iso);
/*
 * A stored UTC timestamp "2026-12-05T09:24:00Z" as Copenhagen local time
 * in Danish, in a <time> element that keeps the instant:
 * <time datetime="2026-12-05T09:24:00Z">5. december 2026 kl. 10.24</time>.
 * Other text is written escaped as it is; NULL writes nothing.
 */
void	html_time(struct html *h, const char *iso);
/* <tag attrs> helpers for fixed tag names are plain HTML_LIT calls. */

#endif
