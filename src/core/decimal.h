/*
 * decimal — fixed-scale decimal numbers to and from JSON numbers,
 * exactly. A figure is kept as an integer of a fixed scale (hundredths,
 * ten-thousandths) end to end; only at the edge does it become a JSON
 * number. jansson holds a JSON real as a binary double, so:
 *
 *  - writing: v / 10^scale becomes the double nearest to that decimal,
 *    and a document dumped with DECIMAL_JSON_FLAGS prints it with 15
 *    significant digits — the decimal itself (96.74, never
 *    96.739999999999995) for every value of at most 15 digits;
 *  - reading: the double jansson parsed is printed back with 15
 *    significant digits, which recovers the decimal text as written for
 *    every number of at most 15 significant digits, and that text is
 *    parsed exactly; a number the 15 digits do not reproduce is refused.
 *
 * Pure: no I/O, no allocation beyond the returned json_t.
 */
#ifndef RAMME_DECIMAL_H
#define RAMME_DECIMAL_H

#include <stdint.h>

#include <jansson.h>

/* The dump flags every JSON writer ORs in (API, CLI, audit records). */
#define DECIMAL_JSON_FLAGS	JSON_REAL_PRECISION(15)
#define DECIMAL_SCALE_MAX	9	/* decimals a value may have */

/* A decimal number num / 10^scale, scale 0..DECIMAL_SCALE_MAX, without
 * trailing zero decimals: 97.010 is { 9701, 2 }. */
struct decimal {
	int64_t	num;
	int	scale;
};

/* Errors of decimal_read / decimal_from_json (negative). */
#define DECIMAL_NOT_NUMBER	(-1)	/* not a JSON number */
#define DECIMAL_TOO_PRECISE	(-2)	/* more decimals than allowed, or
					   more than 15 significant digits */
#define DECIMAL_TOO_LARGE	(-3)	/* over the caller's bound */

/*
 * v / 10^scale (scale 0..DECIMAL_SCALE_MAX) as a JSON number: an integer
 * when whole, else a real printed exactly under DECIMAL_JSON_FLAGS.
 * NULL only when out of memory.
 */
json_t	*decimal_json(int64_t v, int scale);
/*
 * Parse decimal text: an optional '-', digits, an optional '.' and
 * digits, an optional exponent (e-5, E+3). Into *out, normalised (no
 * trailing zero decimals). Returns 0, DECIMAL_NOT_NUMBER for malformed
 * text, or DECIMAL_TOO_PRECISE for more than DECIMAL_SCALE_MAX decimals
 * or a value that does not fit.
 */
int	 decimal_parse(const char *s, struct decimal *out);
/*
 * A JSON number as the decimal it was written as (see above). Returns 0
 * or a DECIMAL_* error.
 */
int	 decimal_read(const json_t *v, struct decimal *out);
/*
 * A JSON number with at most scale decimals into *out = value · 10^scale,
 * exactly; |value| must be below max_units (whole units). Returns 0 or
 * a DECIMAL_* error.
 */
int	 decimal_from_json(const json_t *v, int scale, int64_t max_units,
	    int64_t *out);

#endif
