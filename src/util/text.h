/*
 * text — strict parsing and checking of text that comes from outside:
 * UTF-8 validity, Windows-1252 conversion, integers, decimals in
 * hundredths, ISO dates, and Danish display formats.
 */
#ifndef RAMME_TEXT_H
#define RAMME_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;

/* True if s[0..n) is well-formed UTF-8 (no overlongs, no surrogates). */
bool	 text_utf8_valid(const char *s, size_t n);
/* Number of code points in valid UTF-8 s[0..n). */
size_t	 text_utf8_len(const char *s, size_t n);
/*
 * Append the Windows-1252 bytes s[0..n) to out as UTF-8. 0, or -1 when
 * s holds one of the five bytes Windows-1252 leaves undefined (0x81,
 * 0x8D, 0x8F, 0x90, 0x9D: the file is in another encoding); *bad (if not
 * NULL) then receives its offset and out holds the text before it.
 */
int	 text_cp1252_to_utf8(struct buf *out, const char *s, size_t n,
	    size_t *bad);
/* True if s contains control characters other than tab, CR, LF. */
bool	 text_has_controls(const char *s);

/*
 * Parse a whole decimal integer (optional sign, no spaces) into *out.
 * Returns 0, or -1 when s is empty, has other characters or overflows.
 */
int	 text_parse_i64(const char *s, int64_t *out);
/*
 * Parse a decimal number with at most two decimals ("12", "12.5",
 * "12,50", "-3,1") into hundredths. Accepts '.' or ',' as the decimal
 * separator, no thousands separators. Returns 0 or -1.
 */
int	 text_parse_centi(const char *s, int64_t *out);
/*
 * Parse an amount of kroner as people type it into øre. The one parser
 * of kroner in text; every form, the calculator, the CLI and the
 * template upload read amounts through it.
 *
 * Accepted: an optional sign ('-' or '+'), digits, an optional unit
 * "kr." or "kr" at the end, white space (space, tab, no-break space
 * U+00A0, narrow no-break space U+202F) at either end, between sign and
 * digits and before the unit. The decimal mark and thousands separators
 * are decided like this:
 *   - a comma is the decimal mark; there is at most one, it is the last
 *     separator and is followed by one or two digits;
 *   - a dot followed by exactly three digits and then a dot, a comma, a
 *     space or the end is a thousands separator;
 *   - a single dot followed by one or two digits at the end, with no
 *     comma and no other separator, is the decimal point;
 *   - a single space (or no-break space) followed by three digits is a
 *     thousands separator too, but spaces and dots are not mixed;
 *   - with thousands separators the first group has one to three digits
 *     and every later group exactly three;
 *   - ",-" after the digits ("2.283,-") means whole kroner.
 * So "2.283,50", "2283,50", "1.234.567", "2 283,50 kr." and "2283.50"
 * (2.283,50 kr.) and "2283" are read; "2.283" is 2.283 kr. (never
 * 2,283 kr.), "2283.500" and "2.28.3" are malformed grouping.
 * Refused (-1, *ore untouched): NULL, empty, other characters, more
 * than two decimals, a dangling separator, and amounts whose øre do
 * not fit an int64_t.
 */
int	 text_parse_kr(const char *s, int64_t *ore);
/* Format hundredths as "12.5" / "12" (API form, '.' separator). */
void	 text_format_centi(struct buf *out, int64_t centi);
/* Format hundredths in Danish: "1.234,5" (no trailing zeros). */
void	 text_format_centi_da(struct buf *out, int64_t centi);
/* Format an integer with Danish thousands separators: "217.075". */
void	 text_format_int_da(struct buf *out, int64_t v);
/* Bytes text_format_ore_da() needs, with the NUL. */
#define TEXT_KR_SIZE	40
/*
 * Format øre as Danish kroner "1.234,56 kr." (thousands dots, always two
 * decimals, "-" before negative amounts, any int64_t) into out. The one
 * formatter of kroner; its output reads back through text_parse_kr().
 */
void	 text_format_ore_da(char out[TEXT_KR_SIZE], int64_t ore);

/* True if s is a real calendar date "YYYY-MM-DD" (1900..2199). */
bool	 text_date_valid(const char *s);
/* Format ISO date as "6. marts 2014"; invalid input is copied as is. */
void	 text_format_date_da(struct buf *out, const char *iso);
/*
 * Parse an ISO 8601 UTC timestamp "2026-12-05T09:24:00Z" (what
 * text_timestamp writes and the tables store) into unix seconds *t.
 * Returns 0, or -1 when iso is NULL or not exactly of that form.
 */
int	 text_parse_timestamp(const char *iso, int64_t *t);
/*
 * Seconds Europe/Copenhagen is ahead of UTC at the UTC instant t: 7200
 * (CEST) from the last Sunday of March 01:00 UTC to the last Sunday of
 * October 01:00 UTC, 3600 (CET) otherwise. Pure: no TZ, no tz database.
 */
int	 text_cph_offset(int64_t t);
/*
 * Append the UTC instant t (unix seconds) as Danish local time in
 * Copenhagen: "5. december 2026 kl. 10.24".
 */
void	 text_format_time_da(struct buf *out, int64_t t);
/*
 * text_format_time_da of an ISO UTC timestamp (text_parse_timestamp);
 * other text is copied as is, NULL writes nothing.
 */
void	 text_format_timestamp_da(struct buf *out, const char *iso);

/* Trim ASCII white space at both ends, in place; returns s. */
char	*text_trim(char *s);
/* ASCII/Latin-aware case-insensitive comparison of UTF-8 strings. */
int	 text_casecmp(const char *a, const char *b);
/*
 * The index of s in names[0..n) (exact match), or -1 when s is NULL or
 * not there: the parse half of an enum's name table.
 */
int	 text_index(const char *const *names, size_t n, const char *s);

#endif

#ifndef RAMME_TEXT_FOLD
#define RAMME_TEXT_FOLD
/*
 * Case-fold UTF-8 s for comparisons and search: ASCII and Latin-1 capitals
 * (Æ, Ø, Å, É …) to lower case, runs of white space to one space, trimmed.
 */
void	 text_fold(struct buf *out, const char *s);
/*
 * Days since 1970-01-01 of a date of the proleptic Gregorian calendar,
 * and back (H. Hinnant's algorithms; any year that fits an int).
 */
int64_t	 text_days_from_civil(int y, int m, int d);
void	 text_civil_from_days(int64_t z, int *y, int *m, int *d);
/* ISO 8601 UTC timestamp "2026-11-23T10:00:00Z" of t into out[21]. */
void	 text_timestamp(char out[21], long long t);
#endif
