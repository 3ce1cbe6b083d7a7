/*
 * xlsx_read_impl — what the parts of the .xlsx reader share: the book,
 * the parser state every part starts with, small inline helpers, and
 * what one part defines for the others. Private to src/report/xlsx_read*.c;
 * see xlsx_read.h for the interface.
 */
#ifndef RAMME_XLSX_READ_IMPL_H
#define RAMME_XLSX_READ_IMPL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>
#include <zip.h>

#include "report/xlsx_read.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/mem.h"
#include "util/text.h"

#define CHUNK		65536	/* bytes handed to expat at a time */
#define NAME_MAX_BYTES	255	/* a sheet name (Excel allows 31 chars) */
#define DEC_DIGITS	40	/* significant digits kept of a number */
#define EXCEL_DIGITS	15	/* significant digits Excel shows */

#define NOT_XLSX	"Filen er ikke en gyldig Excel-fil (xlsx)"

/* A sheet as the workbook lists it. */
struct book_sheet {
	const char	*name;		/* as written in workbook.xml */
	const char	*rid;		/* relationship id, or NULL */
	const char	*path;		/* part in the archive, NULL if unknown */
};

struct xlsx_book {
	struct arena		*arena;		/* everything below lives here */
	zip_t			*zip;		/* open archive; NULL once closed */
	struct book_sheet	*sheets;	/* workbook order */
	size_t			 nsheets;
	const char		**strings;	/* shared strings, by index */
	size_t			 nstrings;
	unsigned char		*xf_date;	/* per cell format: XF_* flags */
	size_t			 nxf;
	bool			 date1904;	/* serial 0 is 1904-01-01 */
};


#define XF_DATE		1	/* the cell format shows a date */
#define XF_PERCENT	2	/* ... a number times 100 with "%" */


/* ---------------------------------------------------------------------
 * Small helpers: growing arrays, names, messages.
 */

/* v (heap, n of *cap used) with room for one more element. */
static inline void *
grow(void *v, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return v;
	*cap = *cap == 0 ? 16 : *cap * 2;
	return xreallocarray(v, *cap, size);
}

/* Copy the heap array v of n elements into the arena and free v. */
static inline void *
to_arena(struct arena *a, void *v, size_t n, size_t size)
{
	void *p;

	p = arena_calloc(a, n == 0 ? 1 : n, size);
	if (n > 0)
		memcpy(p, v, n * size);
	free(v);
	return p;
}

/* The local part of an XML name: "x:c" gives "c". */
static inline const char *
local(const char *name)
{
	const char *c = strrchr(name, ':');

	return c != NULL ? c + 1 : name;
}

static inline bool
is(const char *name, const char *want)
{
	return strcmp(local(name), want) == 0;
}

/* Value of attribute name (prefix ignored; xmlns declarations skipped). */
static inline const char *
attr(const char **atts, const char *name)
{
	size_t i;

	for (i = 0; atts[i] != NULL; i += 2) {
		if (strncmp(atts[i], "xmlns", 5) == 0 &&
		    (atts[i][5] == '\0' || atts[i][5] == ':'))
			continue;
		if (strcmp(local(atts[i]), name) == 0)
			return atts[i + 1];
	}
	return NULL;
}

static inline bool
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* An unsigned decimal attribute no greater than max. */
static inline int
parse_uint(const char *s, uint32_t max, uint32_t *out)
{
	int64_t v;

	if (s == NULL || *s < '0' || *s > '9' || text_parse_i64(s, &v) != 0 ||
	    v > (int64_t)max)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

/* s cut to fit out[size] without splitting a UTF-8 sequence; returns out. */
static inline const char *
clip(char *out, size_t size, const char *s)
{
	size_t n = strlen(s);

	if (n >= size) {
		n = size - 4;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
		memcpy(out, s, n);
		memcpy(out + n, "...", 4);
		return out;
	}
	memcpy(out, s, n + 1);
	return out;
}

static inline int vcell_err(struct err *, const char *, uint32_t, uint32_t, int,
    const char *, const char *, va_list) __attribute__((format(printf, 7, 0)));

/*
 * Fill e for a fault in one cell: "Celle C7 i arket »Budget«: ...", the
 * reference as field, the row as line. Returns code.
 */
static inline int
vcell_err(struct err *e, const char *sheet, uint32_t row, uint32_t col,
    int code, const char *key, const char *fmt, va_list ap)
{
	char	msg[400], ref[XLSX_REF_SIZE];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	xlsx_read_ref_format(ref, row, col);
	err_set(e, code, key, ref, "Celle %s i arket »%s«: %s", ref, sheet,
	    msg);
	if (e != NULL)
		e->line = (int)row;
	return code;
}

static inline int cell_err(struct err *, const char *, uint32_t, uint32_t, int,
    const char *, const char *, ...) __attribute__((format(printf, 7, 8)));

static inline int
cell_err(struct err *e, const char *sheet, uint32_t row, uint32_t col,
    int code, const char *key, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	code = vcell_err(e, sheet, row, col, code, key, fmt, ap);
	va_end(ap);
	return code;
}


/* ---------------------------------------------------------------------
 * Decimal numbers and dates (xlsx_read_cell.c).
 */

struct dec {
	bool	neg;			/* a minus sign (never for zero) */
	int	ndig;			/* significant digits kept in dig */
	char	dig[DEC_DIGITS];	/* no leading or trailing zeros */
	int	exp;			/* value = dig × 10^exp */
};

/*
 * Parse the xsd:double text s ("-12.50", "1.5E-7") into d; INF and NaN
 * are not numbers here. Returns 0 or -1.
 */
int	xlsx_dec_parse(const char *s, struct dec *d);

/* Round to Excel's 15 significant digits (half away from zero). */
void	xlsx_dec_round15(struct dec *d);

/*
 * The value × 10^scale as an integer. Returns 0, -1 when that has a
 * fraction, -2 when it does not fit in int64.
 */
int	xlsx_dec_to_i64(const struct dec *d, int scale, int64_t *out);

/*
 * The date of serial number d in out, or false when it is no real date:
 * negative, serial 0 of the 1900 system ("1900-01-00"), 60 (the 29
 * February 1900 that Excel believes in) or past 9999-12-31. The time of
 * day in the fraction is ignored.
 */
bool	xlsx_serial_to_iso(const struct dec *d, bool date1904, char out[11]);

/*
 * True if ISO s ("YYYY-MM-DD", maybe followed by "T...") is a real date;
 * the date into out.
 */
bool	xlsx_iso_date_prefix(const char *s, char out[11]);

/* True if the built-in number format id shows a date. */
bool	xlsx_builtin_is_date(uint32_t id);

/*
 * True if the custom format code shows a date: its first section has a
 * day or year, or a month without hours or seconds (so "mm:ss" is a time).
 */
bool	xlsx_format_is_date(const char *code);

/* True if the format code shows a percentage ("%" in its first section). */
bool	xlsx_format_is_percent(const char *code);

/* ---------------------------------------------------------------------
 * Parts (xlsx_read_part.c).
 */

/* What every parser state starts with. */
struct pstate {
	XML_Parser		 p;
	struct xlsx_book	*b;
	struct err		*e;
	const char		*part;	/* path in the archive, for messages */
	int			 rc;	/* first error; 0 while all is well */
};


/*
 * Copy s[0..n) into the arena, decoding Excel's escapes for characters XML
 * cannot carry: "_x000D_" is CR, "_x005F_" a literal "_". NUL is dropped;
 * a lone surrogate stays as written.
 */
const char *xlsx_read_unescape(struct arena *a, const char *s, size_t n);

/* Record the first error of a parse and stop the parser. */
void	xlsx_read_fail(struct pstate *, int, const char *, const char *,
	    ...) __attribute__((format(printf, 4, 5)));

/* Index of the entry path (exact name first, then ignoring case), or -1. */
zip_int64_t xlsx_read_locate(zip_t *z, const char *path);

/*
 * Stream the part at path through a new parser with the given handlers
 * and ps as user data. Returns 0, ERR_NOT_FOUND (part absent; e not
 * filled, the caller knows what it means) or the first error, e filled.
 */
int	xlsx_read_part(struct pstate *ps, const char *path,
	    XML_StartElementHandler start, XML_EndElementHandler end,
	    XML_CharacterDataHandler text);

#endif
