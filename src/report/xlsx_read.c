/*
 * xlsx_read — the .xlsx reader (see xlsx_read.h): libzip opens the archive,
 * expat streams each XML part through a small state machine.
 *
 * Parts, in the order they are read: _rels/.rels (where the workbook is),
 * the workbook (sheet names, date1904), its relationships (where each
 * sheet, the shared strings and the styles are), the shared strings, the
 * styles (which cell formats show dates), and a worksheet when asked for.
 * Element and attribute names are matched without their namespace prefix
 * ("x:c" is "c"), so transitional and strict OOXML, and writers that use
 * prefixes, are read alike.
 *
 * Defences, since uploads are untrusted: sizes are checked before anything
 * is allocated for them (file, entries, each part both as the archive
 * claims and as it actually unpacks, strings, cells); any DOCTYPE stops the
 * parser, so neither internal nor external entities are ever expanded and
 * nothing is fetched; no external entity handler is installed.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <expat.h>
#include <zip.h>

#include "report/xlsx_read.h"
#include "util/arena.h"
#include "util/buf.h"
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

/* ---------------------------------------------------------------------
 * Small helpers: growing arrays, names, messages.
 */

/* v (heap, n of *cap used) with room for one more element. */
static void *
grow(void *v, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return v;
	*cap = *cap == 0 ? 16 : *cap * 2;
	return xreallocarray(v, *cap, size);
}

/* Copy the heap array v of n elements into the arena and free v. */
static void *
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
static const char *
local(const char *name)
{
	const char *c = strrchr(name, ':');

	return c != NULL ? c + 1 : name;
}

static bool
is(const char *name, const char *want)
{
	return strcmp(local(name), want) == 0;
}

/* Value of attribute name (prefix ignored; xmlns declarations skipped). */
static const char *
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

static bool
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* An unsigned decimal attribute no greater than max. */
static int
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
static const char *
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

static int vcell_err(struct err *, const char *, uint32_t, uint32_t, int,
    const char *, const char *, va_list) __attribute__((format(printf, 7, 0)));

/*
 * Fill e for a fault in one cell: "Celle C7 i arket »Budget«: ...", the
 * reference as field, the row as line. Returns code.
 */
static int
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

static int cell_err(struct err *, const char *, uint32_t, uint32_t, int,
    const char *, const char *, ...) __attribute__((format(printf, 7, 8)));

static int
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
 * Decimal numbers as written: validated and converted without a double.
 */

struct dec {
	bool	neg;			/* a minus sign (never for zero) */
	int	ndig;			/* significant digits kept in dig */
	char	dig[DEC_DIGITS];	/* no leading or trailing zeros */
	int	exp;			/* value = dig × 10^exp */
};

/*
 * Parse the xsd:double text s ("-12.50", "1.5E-7"); INF and NaN are not
 * numbers here. Digits beyond DEC_DIGITS are dropped (only reachable past
 * Excel's precision, where dec_round15 rounds anyway). Returns 0 or -1.
 */
static int
dec_parse(const char *s, struct dec *d)
{
	const char	*p = s;
	int		 mant = 0, ex = 0, eneg = 0, edig = 0;

	memset(d, 0, sizeof(*d));
	if (*p == '+' || *p == '-')
		d->neg = *p++ == '-';
	for (; *p >= '0' && *p <= '9'; p++, mant++) {
		if (d->ndig == 0 && *p == '0')
			continue;
		if (d->ndig < DEC_DIGITS)
			d->dig[d->ndig++] = *p;
		else
			d->exp++;
	}
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, mant++) {
			if (d->ndig == 0 && *p == '0') {
				d->exp--;
				continue;
			}
			if (d->ndig < DEC_DIGITS) {
				d->dig[d->ndig++] = *p;
				d->exp--;
			}
		}
	if (mant == 0)
		return -1;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			eneg = *p++ == '-';
		for (; *p >= '0' && *p <= '9'; p++, edig++) {
			ex = ex * 10 + (*p - '0');
			if (ex > 9999)
				return -1;
		}
		if (edig == 0)
			return -1;
	}
	if (*p != '\0')
		return -1;
	d->exp += eneg ? -ex : ex;
	while (d->ndig > 0 && d->dig[d->ndig - 1] == '0') {
		d->ndig--;
		d->exp++;
	}
	if (d->ndig == 0) {
		d->neg = false;
		d->exp = 0;
	}
	return 0;
}

/* Round to Excel's 15 significant digits (half away from zero). */
static void
dec_round15(struct dec *d)
{
	int	i;
	bool	up;

	if (d->ndig <= EXCEL_DIGITS)
		return;
	up = d->dig[EXCEL_DIGITS] >= '5';
	d->exp += d->ndig - EXCEL_DIGITS;
	d->ndig = EXCEL_DIGITS;
	if (up) {
		for (i = EXCEL_DIGITS - 1; i >= 0; i--) {
			if (d->dig[i] < '9') {
				d->dig[i]++;
				break;
			}
			d->dig[i] = '0';
		}
		if (i < 0) {			/* 999…9 became 1000…0 */
			d->dig[0] = '1';
			d->ndig = 1;
			d->exp += EXCEL_DIGITS;
		}
	}
	while (d->ndig > 0 && d->dig[d->ndig - 1] == '0') {
		d->ndig--;
		d->exp++;
	}
}

/*
 * The value × 10^scale as an integer. Returns 0, -1 when that has a
 * fraction, -2 when it does not fit in int64.
 */
static int
dec_to_i64(const struct dec *d, int scale, int64_t *out)
{
	int64_t	v = 0;
	int	i, zeros;

	if (d->ndig == 0) {
		*out = 0;
		return 0;
	}
	if (d->exp + scale < 0)
		return -1;
	zeros = d->exp + scale;
	if (d->ndig + zeros > 19)
		return -2;
	for (i = 0; i < d->ndig + zeros; i++) {
		int digit = i < d->ndig ? d->dig[i] - '0' : 0;

		if (v > (INT64_MAX - digit) / 10)
			return -2;
		v = v * 10 + digit;
	}
	*out = d->neg ? -v : v;
	return 0;
}

/* ---------------------------------------------------------------------
 * Dates: serial numbers and number formats.
 */

/* "YYYY-MM-DD" of days since 1970-01-01; callers keep the year within
   1..9999. */
static void
civil_from_days(int64_t z, char out[11])
{
	int	y, m, d;

	text_civil_from_days(z, &y, &m, &d);
	out[0] = (char)('0' + y / 1000 % 10);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

/*
 * The date of serial number d in out, or false when it is no real date:
 * negative, serial 0 of the 1900 system ("1900-01-00"), 60 (the 29
 * February 1900 that Excel believes in) or past 9999-12-31. The time of
 * day in the fraction is ignored.
 */
static bool
serial_to_iso(const struct dec *d0, bool date1904, char out[11])
{
	struct dec	d = *d0;
	int64_t		days = 0;
	int		i;

	dec_round15(&d);
	if (d.neg)
		return false;
	for (i = 0; i < d.ndig + d.exp && i < 9; i++)
		days = days * 10 + (i < d.ndig ? d.dig[i] - '0' : 0);
	if (d.ndig + d.exp > 8)
		return false;
	if (date1904) {
		if (days > 2957003)
			return false;
		civil_from_days(days - 24107, out);	/* 1904-01-01 = 0 */
		return true;
	}
	if (days < 1 || days == 60 || days > 2958465)
		return false;
	if (days < 60)
		days++;			/* before Excel's fictitious leap day */
	civil_from_days(days - 25569, out);	/* 1899-12-30 = 0 */
	return true;
}

/* True if ISO s ("YYYY-MM-DD", maybe followed by "T...") is a real date. */
static bool
iso_date_prefix(const char *s, char out[11])
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int	y, m, d, i;

	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)
		    s[i]))
			return false;
	if (s[10] != '\0' && s[10] != 'T')
		return false;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 ||
	    y % 400 == 0)))
		return false;
	memcpy(out, s, 10);
	out[10] = '\0';
	return true;
}

#define XF_DATE		1	/* the cell format shows a date */
#define XF_PERCENT	2	/* ... a number times 100 with "%" */

/*
 * Built-in number formats that show a date: 14-17 and 22 in every
 * locale, 27-36 and 50-58 in East Asian ones. 18-21 and 45-47 show only a
 * time of day and stay numbers.
 */
static bool
builtin_is_date(uint32_t id)
{
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) ||
	    (id >= 50 && id <= 58);
}

/* True if bracket text [s, end) is elapsed time: [h], [mm], [ss]. */
static bool
elapsed(const char *s, const char *end)
{
	const char *p;

	if (s == end || strchr("hHmMsS", *s) == NULL)
		return false;
	for (p = s; p < end; p++)
		if (tolower((unsigned char)*p) != tolower((unsigned char)*s))
			return false;
	return true;
}

/*
 * True if the custom format code shows a date: its first section has a
 * day or year, or a month without hours or seconds (so "mm:ss" is a
 * time). Quoted text, escaped characters, fill and padding characters
 * and bracketed colours and locales are skipped.
 */
static bool
format_is_date(const char *code)
{
	const char	*p, *close;
	bool		 date = false, month = false, time = false;

	for (p = code; *p != '\0' && *p != ';'; p++) {
		switch (*p) {
		case '"':
			close = strchr(p + 1, '"');
			if (close == NULL)
				return false;
			p = close;
			break;
		case '\\':
		case '_':
		case '*':
			if (p[1] != '\0')
				p++;
			break;
		case '[':
			close = strchr(p + 1, ']');
			if (close == NULL)
				return false;
			if (elapsed(p + 1, close))
				time = true;
			p = close;
			break;
		case 'd': case 'D': case 'y': case 'Y':
			date = true;
			break;
		case 'm': case 'M':
			month = true;
			break;
		case 'h': case 'H': case 's': case 'S':
			time = true;
			break;
		default:
			break;
		}
	}
	return date || (month && !time);
}

/*
 * True if the format code shows a percentage: a "%" in its first section
 * outside quoted text, escapes and brackets (built-in 9 "0%" and 10
 * "0.00%" are known by id).
 */
static bool
format_is_percent(const char *code)
{
	const char *p, *close;

	for (p = code; *p != '\0' && *p != ';'; p++) {
		switch (*p) {
		case '"':
			if ((close = strchr(p + 1, '"')) == NULL)
				return false;
			p = close;
			break;
		case '\\':
		case '_':
		case '*':
			if (p[1] != '\0')
				p++;
			break;
		case '[':
			if ((close = strchr(p + 1, ']')) == NULL)
				return false;
			p = close;
			break;
		case '%':
			return true;
		default:
			break;
		}
	}
	return false;
}

/* ---------------------------------------------------------------------
 * Strings: OOXML's _xHHHH_ escapes.
 */

static int
hex4(const char *s)
{
	int v = 0, i;

	for (i = 0; i < 4; i++) {
		if (!isxdigit((unsigned char)s[i]))
			return -1;
		v = v * 16 + (isdigit((unsigned char)s[i]) ? s[i] - '0' :
		    tolower((unsigned char)s[i]) - 'a' + 10);
	}
	return v;
}

/* The escape _xHHHH_ at s[0..n), or -1. */
static int
escape_at(const char *s, size_t n)
{
	if (n < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_')
		return -1;
	return hex4(s + 2);
}

static void
put_utf8(struct buf *b, unsigned cp)
{
	char	u[4];
	size_t	n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xc0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		u[0] = (char)(0xf0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3f));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	buf_append(b, u, n);
}

/*
 * Copy s[0..n) into the arena, decoding Excel's escapes for characters XML
 * cannot carry: "_x000D_" is CR, "_x005F_" a literal "_". NUL is dropped;
 * a lone surrogate stays as written.
 */
static const char *
unescape(struct arena *a, const char *s, size_t n)
{
	struct buf	 out;
	const char	*res;
	size_t		 i;
	int		 cp, lo;

	if (memmem(s, n, "_x", 2) == NULL)
		return arena_strndup(a, s, n);
	buf_init(&out);
	for (i = 0; i < n; i++) {
		if ((cp = escape_at(s + i, n - i)) < 0) {
			buf_putc(&out, s[i]);
			continue;
		}
		if (cp >= 0xd800 && cp <= 0xdbff &&
		    (lo = escape_at(s + i + 7, n - i - 7)) >= 0xdc00 &&
		    lo <= 0xdfff) {
			put_utf8(&out, 0x10000 + (((unsigned)cp - 0xd800) << 10) +
			    ((unsigned)lo - 0xdc00));
			i += 13;
			continue;
		}
		if (cp >= 0xd800 && cp <= 0xdfff) {
			buf_putc(&out, s[i]);
			continue;
		}
		if (cp != 0)
			put_utf8(&out, (unsigned)cp);
		i += 6;
	}
	res = arena_strndup(a, buf_str(&out), out.len);
	buf_cleanup(&out);
	return res;
}

/* ---------------------------------------------------------------------
 * Parts: one entry of the archive streamed through expat.
 */

/* What every parser state starts with. */
struct pstate {
	XML_Parser		 p;
	struct xlsx_book	*b;
	struct err		*e;
	const char		*part;	/* path in the archive, for messages */
	int			 rc;	/* first error; 0 while all is well */
};

static void pfail(struct pstate *, int, const char *, const char *,
    ...) __attribute__((format(printf, 4, 5)));

/* Record the first error of a parse and stop the parser. */
static void
pfail(struct pstate *ps, int code, const char *key, const char *fmt, ...)
{
	char	msg[512];
	va_list	ap;

	if (ps->rc != 0)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ps->rc = err_set(ps->e, code, key, NULL, "%s", msg);
	XML_StopParser(ps->p, XML_FALSE);
}

static void XMLCALL
on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
    const XML_Char *pubid, int has_internal_subset)
{
	struct pstate *ps = ud;

	(void)name;
	(void)sysid;
	(void)pubid;
	(void)has_internal_subset;
	pfail(ps, ERR_INVALID, "xml_doctype", NOT_XLSX ": %s indeholder en "
	    "DTD, hvad Excel-filer ikke gør", ps->part);
}

static void XMLCALL
on_entity(void *ud, const XML_Char *name, int is_param,
    const XML_Char *value, int value_length, const XML_Char *base,
    const XML_Char *sysid, const XML_Char *pubid, const XML_Char *notation)
{
	(void)name;
	(void)is_param;
	(void)value;
	(void)value_length;
	(void)base;
	(void)sysid;
	(void)pubid;
	(void)notation;
	on_doctype(ud, NULL, NULL, NULL, 0);
}

/* Index of the entry path (exact name first, then ignoring case), or -1. */
static zip_int64_t
locate(zip_t *z, const char *path)
{
	zip_int64_t idx;

	if ((idx = zip_name_locate(z, path, 0)) < 0)
		idx = zip_name_locate(z, path, ZIP_FL_NOCASE);
	return idx;
}

/*
 * Stream the part at path through a new parser with the given handlers
 * and ps as user data. Returns 0, ERR_NOT_FOUND (part absent; e not
 * filled, the caller knows what it means) or the first error, e filled.
 */
static int
parse_part(struct pstate *ps, const char *path,
    XML_StartElementHandler start, XML_EndElementHandler end,
    XML_CharacterDataHandler text)
{
	struct xlsx_book	*b = ps->b;
	zip_int64_t		 idx, n;
	zip_stat_t		 st;
	zip_file_t		*zf;
	XML_Parser		 p;
	uint64_t		 total = 0;
	void			*chunk;
	int			 rc = 0;

	ps->part = path;
	if ((idx = locate(b->zip, path)) < 0)
		return ERR_NOT_FOUND;
	if (zip_stat_index(b->zip, (zip_uint64_t)idx, 0, &st) != 0)
		return err_set(ps->e, ERR_INVALID, "not_xlsx", NULL,
		    NOT_XLSX ": %s kan ikke læses", path);
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
	    st.encryption_method != ZIP_EM_NONE)
		return err_set(ps->e, ERR_INVALID, "encrypted", NULL,
		    "Filen er beskyttet med adgangskode; gem den uden "
		    "adgangskode og prøv igen");
	if ((st.valid & ZIP_STAT_SIZE) && st.size > XLSX_READ_MAX_PART)
		return err_set(ps->e, ERR_TOO_LARGE, "part_too_large", NULL,
		    "Filen indeholder for meget: %s fylder over %u MB "
		    "udpakket", path, XLSX_READ_MAX_PART >> 20);
	if ((zf = zip_fopen_index(b->zip, (zip_uint64_t)idx, 0)) == NULL)
		return err_set(ps->e, ERR_INVALID, "not_xlsx", NULL,
		    NOT_XLSX ": %s kan ikke pakkes ud", path);
	if ((p = XML_ParserCreate(NULL)) == NULL)
		fatal("XML_ParserCreate: out of memory");
	ps->p = p;
	XML_SetUserData(p, ps);
	XML_SetElementHandler(p, start, end);
	if (text != NULL)
		XML_SetCharacterDataHandler(p, text);
	XML_SetStartDoctypeDeclHandler(p, on_doctype);
	XML_SetEntityDeclHandler(p, on_entity);
	XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
	for (;;) {
		if ((chunk = XML_GetBuffer(p, CHUNK)) == NULL)
			fatal("XML_GetBuffer: out of memory");
		if ((n = zip_fread(zf, chunk, CHUNK)) < 0) {
			rc = err_set(ps->e, ERR_INVALID, "corrupt", NULL,
			    "Filen er beskadiget: %s kan ikke pakkes ud",
			    path);
			break;
		}
		total += (uint64_t)n;
		if (total > XLSX_READ_MAX_PART) {
			rc = err_set(ps->e, ERR_TOO_LARGE, "part_too_large",
			    NULL, "Filen indeholder for meget: %s fylder over "
			    "%u MB udpakket", path, XLSX_READ_MAX_PART >> 20);
			break;
		}
		if (XML_ParseBuffer(p, (int)n, n == 0) != XML_STATUS_OK) {
			if (ps->rc != 0)
				rc = ps->rc;
			else
				rc = err_set(ps->e, ERR_INVALID, "invalid_xml",
				    NULL, NOT_XLSX ": fejl i XML i %s, linje "
				    "%lu", path,
				    (unsigned long)XML_GetCurrentLineNumber(p));
			break;
		}
		if (ps->rc != 0 || n == 0)
			break;
	}
	XML_ParserFree(p);
	ps->p = NULL;
	zip_fclose(zf);
	return rc != 0 ? rc : ps->rc;
}

/*
 * The path of a part that target names, relative to the part at base
 * ("xl/workbook.xml" + "worksheets/sheet1.xml"), or absolute ("/xl/...").
 * "." and ".." are resolved; NULL if ".." climbs above the root.
 */
static const char *
resolve(struct arena *a, const char *base, const char *target)
{
	struct buf	 out;
	const char	*seg, *next, *slash, *res;
	size_t		 len;

	buf_init(&out);
	if (*target != '/' && (slash = strrchr(base, '/')) != NULL)
		buf_append(&out, base, (size_t)(slash - base));
	for (seg = target; *seg != '\0'; seg = next) {
		next = strchr(seg, '/');
		len = next != NULL ? (size_t)(next - seg) : strlen(seg);
		next = next != NULL ? next + 1 : seg + len;
		if (len == 0 || (len == 1 && seg[0] == '.'))
			continue;
		if (len == 2 && seg[0] == '.' && seg[1] == '.') {
			if (out.len == 0) {
				buf_cleanup(&out);
				return NULL;
			}
			slash = memrchr(out.data, '/', out.len);
			out.len = slash != NULL ? (size_t)(slash - out.data) : 0;
			out.data[out.len] = '\0';
			continue;
		}
		if (out.len > 0)
			buf_putc(&out, '/');
		buf_append(&out, seg, len);
	}
	res = arena_strdup(a, buf_str(&out));
	buf_cleanup(&out);
	return res;
}

/* ---------------------------------------------------------------------
 * Relationships (_rels/.rels, xl/_rels/workbook.xml.rels).
 */

struct rel {
	const char	*id;
	const char	*type;		/* URI; matched by its last segment */
	const char	*target;	/* resolved path in the archive */
};

struct rels_state {
	struct pstate	 ps;
	const char	*source;	/* the part the targets are relative to */
	struct rel	*v;		/* heap */
	size_t		 n, cap;
};

static void XMLCALL
rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct rels_state	*st = ud;
	const char		*id, *type, *target, *mode, *path;

	if (st->ps.rc != 0 || !is(name, "Relationship"))
		return;
	id = attr(atts, "Id");
	type = attr(atts, "Type");
	target = attr(atts, "Target");
	mode = attr(atts, "TargetMode");
	if (id == NULL || type == NULL || target == NULL ||
	    (mode != NULL && strcmp(mode, "External") == 0))
		return;
	if (st->n >= XLSX_READ_MAX_ENTRIES) {
		pfail(&st->ps, ERR_INVALID, "too_many_parts", NOT_XLSX
		    ": for mange henvisninger i %s", st->ps.part);
		return;
	}
	if ((path = resolve(st->ps.b->arena, st->source, target)) == NULL)
		return;
	st->v = grow(st->v, &st->cap, st->n, sizeof(*st->v));
	st->v[st->n].id = arena_strdup(st->ps.b->arena, id);
	st->v[st->n].type = arena_strdup(st->ps.b->arena, type);
	st->v[st->n].target = path;
	st->n++;
}

static void XMLCALL
ignore_end(void *ud, const XML_Char *name)
{
	(void)ud;
	(void)name;
}

/* The relationships of the part source; none when the part is absent. */
static int
read_rels(struct xlsx_book *b, const char *source, struct rels_state *st,
    struct err *e)
{
	const char	*slash = strrchr(source, '/');
	char		*path;
	int		 rc;

	memset(st, 0, sizeof(*st));
	st->ps.b = b;
	st->ps.e = e;
	st->source = source;
	path = slash != NULL ? arena_printf(b->arena, "%.*s/_rels/%s.rels",
	    (int)(slash - source), source, slash + 1) :
	    arena_printf(b->arena, "_rels/%s.rels", source);
	rc = parse_part(&st->ps, path, rels_start, ignore_end, NULL);
	return rc == ERR_NOT_FOUND ? 0 : rc;
}

/* Target of the first relationship whose type ends in "/kind", or NULL. */
static const char *
rel_by_type(const struct rels_state *st, const char *kind)
{
	size_t i;

	for (i = 0; i < st->n; i++)
		if (ends_with(st->v[i].type, kind))
			return st->v[i].target;
	return NULL;
}

static const char *
rel_by_id(const struct rels_state *st, const char *id)
{
	size_t i;

	if (id == NULL)
		return NULL;
	for (i = 0; i < st->n; i++)
		if (strcmp(st->v[i].id, id) == 0)
			return st->v[i].target;
	return NULL;
}

/* ---------------------------------------------------------------------
 * The workbook: sheet names and the date system.
 */

struct wb_state {
	struct pstate		 ps;
	bool			 in_sheets;
	struct book_sheet	*v;		/* heap */
	size_t			 n, cap;
};

static void XMLCALL
wb_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct wb_state	*st = ud;
	struct arena	*a = st->ps.b->arena;
	const char	*v;

	if (st->ps.rc != 0)
		return;
	if (is(name, "workbookPr")) {
		v = attr(atts, "date1904");
		st->ps.b->date1904 = v != NULL && (strcmp(v, "1") == 0 ||
		    strcmp(v, "true") == 0);
	} else if (is(name, "sheets")) {
		st->in_sheets = true;
	} else if (st->in_sheets && is(name, "sheet")) {
		v = attr(atts, "name");
		if (v == NULL || *v == '\0' || strlen(v) > NAME_MAX_BYTES) {
			pfail(&st->ps, ERR_INVALID, "invalid_sheet_name",
			    NOT_XLSX ": et ark har et ugyldigt navn");
			return;
		}
		if (st->n >= XLSX_READ_MAX_SHEETS) {
			pfail(&st->ps, ERR_TOO_LARGE, "too_many_sheets",
			    "Filen har for mange ark (højst %d)",
			    XLSX_READ_MAX_SHEETS);
			return;
		}
		st->v = grow(st->v, &st->cap, st->n, sizeof(*st->v));
		st->v[st->n].name = arena_strdup(a, v);
		st->v[st->n].rid = arena_strdup(a, attr(atts, "id"));
		st->v[st->n].path = NULL;
		st->n++;
	}
}

static void XMLCALL
wb_end(void *ud, const XML_Char *name)
{
	struct wb_state *st = ud;

	if (is(name, "sheets"))
		st->in_sheets = false;
}

/* ---------------------------------------------------------------------
 * Shared strings: <si> holds <t>, or rich text runs <r><t>; phonetic
 * guides <rPh><t> are not part of the text.
 */

struct sst_state {
	struct pstate	 ps;
	bool		 in_si;
	bool		 in_t;
	int		 rph;		/* depth of <rPh> */
	struct buf	 text;		/* the current <si> */
	const char	**v;		/* heap */
	size_t		 n, cap;
};

static void XMLCALL
sst_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct sst_state *st = ud;

	(void)atts;
	if (st->ps.rc != 0)
		return;
	if (is(name, "si")) {
		st->in_si = true;
		buf_reset(&st->text);
	} else if (st->in_si && is(name, "rPh")) {
		st->rph++;
	} else if (st->in_si && st->rph == 0 && is(name, "t")) {
		st->in_t = true;
	}
}

static void XMLCALL
sst_end(void *ud, const XML_Char *name)
{
	struct sst_state *st = ud;

	if (st->ps.rc != 0)
		return;
	if (is(name, "t")) {
		st->in_t = false;
	} else if (is(name, "rPh")) {
		if (st->rph > 0)
			st->rph--;
	} else if (is(name, "si") && st->in_si) {
		st->in_si = false;
		if (st->n >= XLSX_READ_MAX_STRINGS) {
			pfail(&st->ps, ERR_TOO_LARGE, "too_many_strings",
			    "Filen har for mange forskellige tekster (højst "
			    "1.000.000)");
			return;
		}
		st->v = grow(st->v, &st->cap, st->n, sizeof(*st->v));
		st->v[st->n++] = unescape(st->ps.b->arena, buf_str(&st->text),
		    st->text.len);
	}
}

static void XMLCALL
sst_text(void *ud, const XML_Char *s, int len)
{
	struct sst_state *st = ud;

	if (st->ps.rc != 0 || !st->in_t)
		return;
	if ((size_t)len > XLSX_READ_MAX_TEXT - st->text.len) {
		pfail(&st->ps, ERR_INVALID, "text_too_long", "Tekst nr. %zu i "
		    "filen er for lang (over %d byte)", st->n + 1,
		    XLSX_READ_MAX_TEXT);
		return;
	}
	buf_append(&st->text, s, (size_t)len);
}

/* ---------------------------------------------------------------------
 * Styles: which cell formats (<cellXfs><xf>) show dates.
 */

struct numfmt {
	uint32_t	id;
	bool		date;
	bool		percent;
};

struct styles_state {
	struct pstate	 ps;
	bool		 in_numfmts;
	bool		 in_cellxfs;
	struct numfmt	*fmt;		/* custom formats, heap */
	size_t		 nfmt, capfmt;
	uint32_t	*xf;		/* number format of each cell format */
	size_t		 nxf, capxf;
};

static void XMLCALL
styles_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct styles_state	*st = ud;
	const char		*code;
	uint32_t		 id;

	if (st->ps.rc != 0)
		return;
	if (is(name, "numFmts")) {
		st->in_numfmts = true;
	} else if (is(name, "cellXfs")) {
		st->in_cellxfs = true;
	} else if (st->in_numfmts && is(name, "numFmt")) {
		code = attr(atts, "formatCode");
		if (parse_uint(attr(atts, "numFmtId"), UINT32_MAX, &id) != 0 ||
		    code == NULL)
			return;
		if (st->nfmt >= XLSX_READ_MAX_FORMATS) {
			pfail(&st->ps, ERR_INVALID, "too_many_formats",
			    NOT_XLSX ": for mange talformater");
			return;
		}
		st->fmt = grow(st->fmt, &st->capfmt, st->nfmt,
		    sizeof(*st->fmt));
		st->fmt[st->nfmt].id = id;
		st->fmt[st->nfmt].date = format_is_date(code);
		st->fmt[st->nfmt].percent = !st->fmt[st->nfmt].date &&
		    format_is_percent(code);
		st->nfmt++;
	} else if (st->in_cellxfs && is(name, "xf")) {
		if (parse_uint(attr(atts, "numFmtId"), UINT32_MAX, &id) != 0)
			id = 0;
		if (st->nxf >= XLSX_READ_MAX_FORMATS) {
			pfail(&st->ps, ERR_INVALID, "too_many_formats",
			    NOT_XLSX ": for mange celleformater");
			return;
		}
		st->xf = grow(st->xf, &st->capxf, st->nxf, sizeof(*st->xf));
		st->xf[st->nxf++] = id;
	}
}

static void XMLCALL
styles_end(void *ud, const XML_Char *name)
{
	struct styles_state *st = ud;

	if (is(name, "numFmts"))
		st->in_numfmts = false;
	else if (is(name, "cellXfs"))
		st->in_cellxfs = false;
}

/* Decide for each cell format whether it shows a date. */
static void
styles_finish(struct xlsx_book *b, struct styles_state *st)
{
	size_t	i, j;
	bool	date, percent, found;

	b->xf_date = arena_calloc(b->arena, st->nxf == 0 ? 1 : st->nxf, 1);
	b->nxf = st->nxf;
	for (i = 0; i < st->nxf; i++) {
		found = false;
		date = percent = false;
		for (j = st->nfmt; j-- > 0 && !found; )
			if (st->fmt[j].id == st->xf[i]) {
				found = true;
				date = st->fmt[j].date;
				percent = st->fmt[j].percent;
			}
		if (!found) {
			date = builtin_is_date(st->xf[i]);
			percent = st->xf[i] == 9 || st->xf[i] == 10;
		}
		b->xf_date[i] = (date ? XF_DATE : 0) |
		    (percent ? XF_PERCENT : 0);
	}
}

/* ---------------------------------------------------------------------
 * Opening a book.
 */

/* Why a workbook is missing, as precisely as the archive tells. */
static int
no_workbook(struct xlsx_book *b, struct err *e)
{
	if (locate(b->zip, "xl/workbook.bin") >= 0)
		return err_set(e, ERR_INVALID, "xlsb", NULL, "Filen er gemt "
		    "som binær Excel-projektmappe (.xlsb); gem den som "
		    "Excel-projektmappe (.xlsx) og prøv igen");
	if (locate(b->zip, "content.xml") >= 0)
		return err_set(e, ERR_INVALID, "ods", NULL, "Filen er et "
		    "OpenDocument-regneark (.ods); gem den som "
		    "Excel-projektmappe (.xlsx) og prøv igen");
	return err_set(e, ERR_INVALID, "missing_workbook", NULL, NOT_XLSX
	    ": projektmappen (workbook.xml) mangler");
}

static int
load_book(struct xlsx_book *b, struct err *e)
{
	struct rels_state	rels;
	struct wb_state		wb;
	struct sst_state	sst;
	struct styles_state	sty;
	const char		*wb_path, *path;
	size_t			 i;
	int			 rc;

	if ((rc = read_rels(b, "", &rels, e)) != 0)
		goto done;
	wb_path = rel_by_type(&rels, "/officeDocument");
	if (wb_path == NULL)
		wb_path = "xl/workbook.xml";
	free(rels.v);

	memset(&wb, 0, sizeof(wb));
	wb.ps.b = b;
	wb.ps.e = e;
	rc = parse_part(&wb.ps, wb_path, wb_start, wb_end, NULL);
	b->sheets = to_arena(b->arena, wb.v, wb.n, sizeof(*wb.v));
	b->nsheets = wb.n;
	if (rc == ERR_NOT_FOUND)
		return no_workbook(b, e);
	if (rc != 0)
		return rc;
	if (b->nsheets == 0)
		return err_set(e, ERR_INVALID, "no_sheets", NULL, NOT_XLSX
		    ": projektmappen har ingen ark");

	if ((rc = read_rels(b, wb_path, &rels, e)) != 0)
		goto done;
	for (i = 0; i < b->nsheets; i++)
		b->sheets[i].path = rel_by_id(&rels, b->sheets[i].rid);

	memset(&sst, 0, sizeof(sst));
	sst.ps.b = b;
	sst.ps.e = e;
	buf_init(&sst.text);
	path = rel_by_type(&rels, "/sharedStrings");
	rc = path == NULL ? 0 : parse_part(&sst.ps, path, sst_start, sst_end,
	    sst_text);
	buf_cleanup(&sst.text);
	b->strings = to_arena(b->arena, sst.v, sst.n, sizeof(*sst.v));
	b->nstrings = sst.n;
	if (rc == ERR_NOT_FOUND)
		rc = err_set(e, ERR_INVALID, "missing_part", NULL, NOT_XLSX
		    ": %s mangler", path);
	if (rc != 0)
		goto done;

	memset(&sty, 0, sizeof(sty));
	sty.ps.b = b;
	sty.ps.e = e;
	path = rel_by_type(&rels, "/styles");
	rc = path == NULL ? 0 : parse_part(&sty.ps, path, styles_start,
	    styles_end, NULL);
	if (rc == ERR_NOT_FOUND)
		rc = err_set(e, ERR_INVALID, "missing_part", NULL, NOT_XLSX
		    ": %s mangler", path);
	if (rc == 0)
		styles_finish(b, &sty);
	free(sty.fmt);
	free(sty.xf);
done:
	free(rels.v);
	return rc;
}

/* Open the archive in data[0..len); with freep, libzip owns data. */
static int
open_zip(struct xlsx_book **out, struct arena *a, const void *data,
    size_t len, int freep, struct err *e)
{
	struct xlsx_book	*b;
	zip_source_t		*src;
	zip_error_t		 ze;
	zip_t			*z;
	int			 rc;

	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(data, len, freep, &ze)) == NULL)
		fatal("zip_source_buffer_create: %s", zip_error_strerror(&ze));
	if ((z = zip_open_from_source(src, ZIP_RDONLY, &ze)) == NULL) {
		zip_source_free(src);
		zip_error_fini(&ze);
		return err_set(e, ERR_INVALID, "not_xlsx", NULL, NOT_XLSX);
	}
	zip_error_fini(&ze);
	if (zip_get_num_entries(z, 0) > XLSX_READ_MAX_ENTRIES) {
		zip_discard(z);
		return err_set(e, ERR_INVALID, "too_many_parts", NULL,
		    NOT_XLSX ": arkivet har over %d filer",
		    XLSX_READ_MAX_ENTRIES);
	}
	b = arena_alloc(a, sizeof(*b));
	b->arena = a;
	b->zip = z;
	if ((rc = load_book(b, e)) != 0) {
		zip_discard(z);
		b->zip = NULL;
		return rc;
	}
	*out = b;
	return 0;
}

static int
too_large(struct err *e)
{
	return err_set(e, ERR_TOO_LARGE, "file_too_large", NULL,
	    "Filen er for stor (højst %u MB)", XLSX_READ_MAX_FILE >> 20);
}

/* Checks that need only the first bytes: size, encrypted, old .xls. */
static int
check_head(const unsigned char *p, size_t len, struct err *e)
{
	static const unsigned char ole[8] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1,
	    0xb1, 0x1a, 0xe1 };

	if (len > XLSX_READ_MAX_FILE)
		return too_large(e);
	if (len >= sizeof(ole) && memcmp(p, ole, sizeof(ole)) == 0)
		return err_set(e, ERR_INVALID, "encrypted", NULL, "Filen er "
		    "beskyttet med adgangskode eller gemt i det gamle "
		    "Excel-format (.xls); gem den som Excel-projektmappe "
		    "(.xlsx) uden adgangskode og prøv igen");
	if (len < 4 || memcmp(p, "PK", 2) != 0)
		return err_set(e, ERR_INVALID, "not_xlsx", NULL, NOT_XLSX);
	return 0;
}

int
xlsx_read_open(struct xlsx_book **out, struct arena *a, const void *data,
    size_t len, struct err *e)
{
	int rc;

	*out = NULL;
	if ((rc = check_head(data, len, e)) != 0)
		return rc;
	return open_zip(out, a, data, len, 0, e);
}

int
xlsx_read_open_file(struct xlsx_book **out, struct arena *a,
    const char *path, struct err *e)
{
	struct stat	 sb;
	unsigned char	*data;
	size_t		 len, got = 0;
	ssize_t		 n;
	int		 fd, rc;

	*out = NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return err_set(e, errno == ENOENT ? ERR_NOT_FOUND : ERR_IO,
		    NULL, NULL, "Filen %s kan ikke åbnes", path);
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return err_set(e, ERR_IO, NULL, NULL, "Filen %s kan ikke "
		    "læses", path);
	}
	if ((uint64_t)sb.st_size > XLSX_READ_MAX_FILE) {
		close(fd);
		return too_large(e);
	}
	len = (size_t)sb.st_size;
	data = xmalloc(len == 0 ? 1 : len);
	while (got < len) {
		n = read(fd, data + got, len - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	if (got != len) {
		free(data);
		return err_set(e, ERR_IO, NULL, NULL, "Filen %s kan ikke "
		    "læses", path);
	}
	if ((rc = check_head(data, len, e)) != 0) {
		free(data);
		return rc;
	}
	return open_zip(out, a, data, len, 1, e);
}

void
xlsx_read_close(struct xlsx_book *b)
{
	if (b == NULL || b->zip == NULL)
		return;
	zip_discard(b->zip);
	b->zip = NULL;
}

size_t
xlsx_read_sheet_count(const struct xlsx_book *b)
{
	return b->nsheets;
}

const char *
xlsx_read_sheet_name(const struct xlsx_book *b, size_t i)
{
	return i < b->nsheets ? b->sheets[i].name : NULL;
}

/* ---------------------------------------------------------------------
 * Worksheets.
 */

enum collect {
	COLLECT_NONE,
	COLLECT_V,		/* <v>: the value */
	COLLECT_F,		/* <f>: the formula */
	COLLECT_T		/* <is><t>: inline string text */
};

struct sheet_state {
	struct pstate		 ps;
	const char		*name;		/* sheet, for messages */
	struct xlsx_cell	*cells;		/* heap */
	size_t			 n, cap;
	bool			 sorted;	/* cells came in (row, col) order */
	bool			 in_data;	/* inside <sheetData> */
	bool			 in_row;
	bool			 in_cell;
	bool			 in_is;
	int			 rph;		/* depth of <rPh> in <is> */
	enum collect		 collect;
	uint32_t		 row;		/* current row, 0 before the first */
	uint32_t		 col;		/* column of the last cell, or 0 */
	/* the cell being read */
	uint32_t		 c_row, c_col;
	char			 c_type[12];	/* t attribute, "n" if absent */
	uint32_t		 c_style;	/* s attribute */
	bool			 has_v, has_f, has_is;
	struct buf		 v, f, t;
};

static void cfail(struct sheet_state *, int, const char *, const char *,
    ...) __attribute__((format(printf, 4, 5)));

/* A fault in the cell being read: name it, stop the parser. */
static void
cfail(struct sheet_state *st, int code, const char *key, const char *fmt,
    ...)
{
	va_list ap;

	if (st->ps.rc != 0)
		return;
	va_start(ap, fmt);
	st->ps.rc = vcell_err(st->ps.e, st->name, st->c_row, st->c_col, code,
	    key, fmt, ap);
	va_end(ap);
	XML_StopParser(st->ps.p, XML_FALSE);
}

static void
cell_start(struct sheet_state *st, const char **atts)
{
	const char	*ref = attr(atts, "r"), *t = attr(atts, "t");
	char		 tmp[40];

	if (ref != NULL) {
		if (xlsx_read_ref_parse(ref, &st->c_row, &st->c_col) != 0) {
			pfail(&st->ps, ERR_INVALID, "invalid_cell_ref",
			    "Arket »%s« har en ugyldig cellereference: %s",
			    st->name, clip(tmp, sizeof(tmp), ref));
			return;
		}
	} else {
		if (st->col >= XLSX_READ_MAX_COLS) {
			pfail(&st->ps, ERR_INVALID, "too_many_columns",
			    "Arket »%s« har celler ud over kolonne XFD "
			    "(række %u)", st->name, st->row);
			return;
		}
		st->c_row = st->row;
		st->c_col = st->col + 1;
	}
	st->row = st->c_row;
	st->col = st->c_col;
	snprintf(st->c_type, sizeof(st->c_type), "%s", t != NULL ? t : "n");
	if (parse_uint(attr(atts, "s"), UINT32_MAX, &st->c_style) != 0)
		st->c_style = 0;
	st->in_cell = true;
	st->in_is = false;
	st->rph = 0;
	st->has_v = st->has_f = st->has_is = false;
	buf_reset(&st->v);
	buf_reset(&st->f);
	buf_reset(&st->t);
}

static void XMLCALL
sheet_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct sheet_state	*st = ud;
	const char		*r;

	if (st->ps.rc != 0)
		return;
	if (st->in_cell) {
		if (st->in_is && is(name, "rPh"))
			st->rph++;
		else if (st->in_is && st->rph == 0 && is(name, "t"))
			st->collect = COLLECT_T;
		else if (is(name, "is"))
			st->in_is = st->has_is = true;
		else if (!st->in_is && is(name, "v")) {
			st->collect = COLLECT_V;
			st->has_v = true;
		} else if (!st->in_is && is(name, "f")) {
			st->collect = COLLECT_F;
			st->has_f = true;
		}
	} else if (st->in_row && is(name, "c")) {
		cell_start(st, atts);
	} else if (st->in_data && is(name, "row")) {
		st->in_row = true;
		if ((r = attr(atts, "r")) == NULL) {
			if (st->row >= XLSX_READ_MAX_ROWS)
				pfail(&st->ps, ERR_INVALID, "too_many_rows",
				    "Arket »%s« har flere end %d rækker",
				    st->name, XLSX_READ_MAX_ROWS);
			st->row++;
		} else if (parse_uint(r, XLSX_READ_MAX_ROWS, &st->row) != 0 ||
		    st->row == 0) {
			pfail(&st->ps, ERR_INVALID, "invalid_row", "Arket »%s« "
			    "har et ugyldigt rækkenummer", st->name);
		}
		st->col = 0;
	} else if (is(name, "sheetData")) {
		st->in_data = true;
	}
}

static void
push_cell(struct sheet_state *st, const struct xlsx_cell *c)
{
	const struct xlsx_cell *prev;

	if (st->n >= XLSX_READ_MAX_CELLS) {
		pfail(&st->ps, ERR_TOO_LARGE, "too_many_cells", "Arket »%s« "
		    "har for mange udfyldte celler (højst 1.000.000)",
		    st->name);
		return;
	}
	if (st->n > 0) {
		prev = &st->cells[st->n - 1];
		if (prev->row > c->row || (prev->row == c->row &&
		    prev->col >= c->col))
			st->sorted = false;
	}
	st->cells = grow(st->cells, &st->cap, st->n, sizeof(*st->cells));
	st->cells[st->n++] = *c;
}

/* Classify the finished cell and keep it if it has content. */
static void
cell_end(struct sheet_state *st)
{
	struct xlsx_book	*b = st->ps.b;
	struct arena		*a = b->arena;
	struct xlsx_cell	 c;
	struct dec		 d;
	const char		*t = st->c_type;
	char			*v, iso[11], empty[1] = "";
	uint32_t		 idx;

	st->in_cell = false;
	memset(&c, 0, sizeof(c));
	c.row = st->c_row;
	c.col = st->c_col;
	xlsx_read_ref_format(c.ref, c.row, c.col);
	c.type = XLSX_CELL_EMPTY;
	c.text = "";
	if (st->has_f)
		c.formula = arena_strndup(a, buf_str(&st->f), st->f.len);
	if (strcmp(t, "str") == 0 || strcmp(t, "inlineStr") == 0) {
		/* Strings keep their spaces; the rest is trimmed below. */
		if (st->has_is) {
			c.type = XLSX_CELL_STRING;
			c.text = unescape(a, buf_str(&st->t), st->t.len);
		} else if (st->has_v) {
			c.type = XLSX_CELL_STRING;
			c.text = unescape(a, buf_str(&st->v), st->v.len);
		}
		goto done;
	}
	v = text_trim(st->v.data != NULL ? st->v.data : empty);
	if (!st->has_v || *v == '\0')
		goto done;		/* no value: empty unless a formula */
	if (strcmp(t, "n") == 0) {
		if (dec_parse(v, &d) != 0) {
			cfail(st, ERR_INVALID, "invalid_number", "ugyldigt tal");
			return;
		}
		if (st->c_style < b->nxf &&
		    (b->xf_date[st->c_style] & XF_DATE) &&
		    serial_to_iso(&d, b->date1904, iso)) {
			c.type = XLSX_CELL_DATE;
			c.text = arena_strdup(a, iso);
			c.serial = arena_strdup(a, v);
		} else {
			c.type = XLSX_CELL_NUMBER;
			c.text = arena_strdup(a, v);
			c.percent = st->c_style < b->nxf &&
			    (b->xf_date[st->c_style] & XF_PERCENT);
		}
	} else if (strcmp(t, "s") == 0) {
		if (parse_uint(v, UINT32_MAX, &idx) != 0 ||
		    idx >= b->nstrings) {
			cfail(st, ERR_INVALID, "invalid_string_index",
			    "henviser til en tekst, som ikke findes i filen");
			return;
		}
		c.type = XLSX_CELL_STRING;
		c.text = b->strings[idx];
	} else if (strcmp(t, "b") == 0) {
		if (strcmp(v, "1") == 0 || strcmp(v, "true") == 0)
			c.text = "TRUE";
		else if (strcmp(v, "0") == 0 || strcmp(v, "false") == 0)
			c.text = "FALSE";
		else {
			cfail(st, ERR_INVALID, "invalid_bool",
			    "ugyldig sandhedsværdi");
			return;
		}
		c.type = XLSX_CELL_BOOL;
	} else if (strcmp(t, "e") == 0) {
		if (strlen(v) > 32) {
			cfail(st, ERR_INVALID, "invalid_error",
			    "ugyldig fejlværdi");
			return;
		}
		c.type = XLSX_CELL_ERROR;
		c.text = arena_strdup(a, v);
	} else if (strcmp(t, "d") == 0) {
		if (!iso_date_prefix(v, iso)) {
			cfail(st, ERR_INVALID, "invalid_date", "ugyldig dato");
			return;
		}
		c.type = XLSX_CELL_DATE;
		c.text = arena_strdup(a, iso);
	} else {
		cfail(st, ERR_INVALID, "invalid_cell_type", "ukendt celletype");
		return;
	}
done:
	if (c.type == XLSX_CELL_EMPTY && c.formula == NULL)
		return;
	push_cell(st, &c);
}

static void XMLCALL
sheet_end(void *ud, const XML_Char *name)
{
	struct sheet_state *st = ud;

	if (st->ps.rc != 0)
		return;
	if (st->in_cell) {
		if (st->in_is && is(name, "rPh")) {
			if (st->rph > 0)
				st->rph--;
		} else if (is(name, "v") || is(name, "f") || is(name, "t")) {
			st->collect = COLLECT_NONE;
		} else if (is(name, "is")) {
			st->in_is = false;
		} else if (is(name, "c")) {
			st->collect = COLLECT_NONE;
			cell_end(st);
		}
	} else if (st->in_row && is(name, "row")) {
		st->in_row = false;
	} else if (is(name, "sheetData")) {
		st->in_data = false;
	}
}

static void XMLCALL
sheet_text(void *ud, const XML_Char *s, int len)
{
	struct sheet_state	*st = ud;
	struct buf		*b;

	if (st->ps.rc != 0)
		return;
	switch (st->collect) {
	case COLLECT_V:	b = &st->v;	break;
	case COLLECT_F:	b = &st->f;	break;
	case COLLECT_T:	b = &st->t;	break;
	default:	return;
	}
	if ((size_t)len > XLSX_READ_MAX_TEXT - b->len) {
		cfail(st, ERR_INVALID, "text_too_long", "teksten er for lang "
		    "(over %d byte)", XLSX_READ_MAX_TEXT);
		return;
	}
	buf_append(b, s, (size_t)len);
}

static int
cell_cmp(const void *x, const void *y)
{
	const struct xlsx_cell *c = x, *d = y;

	if (c->row != d->row)
		return c->row < d->row ? -1 : 1;
	return (c->col > d->col) - (c->col < d->col);
}

int
xlsx_read_sheet_at(struct xlsx_book *b, size_t i,
    const struct xlsx_sheet **out, struct err *e)
{
	struct sheet_state	 st;
	struct xlsx_sheet	*s;
	size_t			 k;
	int			 rc;

	*out = NULL;
	if (i >= b->nsheets)
		return err_set(e, ERR_NOT_FOUND, "sheet_not_found", NULL,
		    "Projektmappen har ikke %zu ark", i + 1);
	if (b->zip == NULL)
		return err_set(e, ERR_INTERNAL, NULL, NULL,
		    "Excel-filen er allerede lukket");
	if (b->sheets[i].path == NULL)
		return err_set(e, ERR_INVALID, "missing_sheet", NULL,
		    NOT_XLSX ": arket »%s« mangler", b->sheets[i].name);
	memset(&st, 0, sizeof(st));
	st.ps.b = b;
	st.ps.e = e;
	st.name = b->sheets[i].name;
	st.sorted = true;
	buf_init(&st.v);
	buf_init(&st.f);
	buf_init(&st.t);
	rc = parse_part(&st.ps, b->sheets[i].path, sheet_start, sheet_end,
	    sheet_text);
	buf_cleanup(&st.v);
	buf_cleanup(&st.f);
	buf_cleanup(&st.t);
	if (rc == ERR_NOT_FOUND)
		rc = err_set(e, ERR_INVALID, "missing_sheet", NULL,
		    NOT_XLSX ": arket »%s« mangler", st.name);
	if (rc == 0 && !st.sorted) {
		qsort(st.cells, st.n, sizeof(*st.cells), cell_cmp);
		for (k = 1; k < st.n && rc == 0; k++)
			if (cell_cmp(&st.cells[k - 1], &st.cells[k]) == 0)
				rc = cell_err(e, st.name, st.cells[k].row,
				    st.cells[k].col, ERR_INVALID,
				    "duplicate_cell", "cellen står to gange "
				    "i filen");
	}
	if (rc != 0) {
		free(st.cells);
		return rc;
	}
	s = arena_alloc(b->arena, sizeof(*s));
	s->name = st.name;
	s->index = i;
	s->ncells = st.n;
	for (k = 0; k < st.n; k++)
		if (st.cells[k].col > s->ncols)
			s->ncols = st.cells[k].col;
	s->nrows = st.n > 0 ? st.cells[st.n - 1].row : 0;
	s->cells = to_arena(b->arena, st.cells, st.n, sizeof(*st.cells));
	*out = s;
	return 0;
}

int
xlsx_read_sheet(struct xlsx_book *b, const char *name,
    const struct xlsx_sheet **out, struct err *e)
{
	char	tmp[80];
	size_t	i;

	*out = NULL;
	for (i = 0; i < b->nsheets; i++)
		if (text_casecmp(b->sheets[i].name, name) == 0)
			return xlsx_read_sheet_at(b, i, out, e);
	return err_set(e, ERR_NOT_FOUND, "sheet_not_found", NULL,
	    "Filen har intet ark med navnet »%s«", clip(tmp, sizeof(tmp),
	    name));
}

/* ---------------------------------------------------------------------
 * Cells.
 */

int
xlsx_read_ref_parse(const char *ref, uint32_t *row, uint32_t *col)
{
	const char	*p = ref;
	uint32_t	 c = 0, r = 0;
	int		 letters = 0, digits = 0;

	for (; isalpha((unsigned char)*p); p++) {
		if (++letters > 3)
			return -1;
		c = c * 26 + (uint32_t)(toupper((unsigned char)*p) - 'A' + 1);
	}
	if (letters == 0 || c > XLSX_READ_MAX_COLS || *p == '0')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (++digits > 7)
			return -1;
		r = r * 10 + (uint32_t)(*p - '0');
	}
	if (digits == 0 || *p != '\0' || r > XLSX_READ_MAX_ROWS)
		return -1;
	*row = r;
	*col = c;
	return 0;
}

void
xlsx_read_ref_format(char out[XLSX_REF_SIZE], uint32_t row, uint32_t col)
{
	char	letters[4];
	int	n = 0, i;

	if (col == 0 || col > XLSX_READ_MAX_COLS || row == 0 ||
	    row > XLSX_READ_MAX_ROWS) {
		snprintf(out, XLSX_REF_SIZE, "?");
		return;
	}
	while (col > 0) {
		letters[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (i = 0; i < n; i++)
		out[i] = letters[n - 1 - i];
	snprintf(out + n, (size_t)(XLSX_REF_SIZE - n), "%u", row);
}

const struct xlsx_cell *
xlsx_read_cell(const struct xlsx_sheet *s, uint32_t row, uint32_t col)
{
	size_t lo = 0, hi = s->ncells, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (s->cells[mid].row < row || (s->cells[mid].row == row &&
		    s->cells[mid].col < col))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < s->ncells && s->cells[lo].row == row &&
	    s->cells[lo].col == col)
		return &s->cells[lo];
	return NULL;
}

const struct xlsx_cell *
xlsx_read_cell_ref(const struct xlsx_sheet *s, const char *ref)
{
	uint32_t row, col;

	if (xlsx_read_ref_parse(ref, &row, &col) != 0)
		return NULL;
	return xlsx_read_cell(s, row, col);
}

/*
 * The cell for a helper: NULL with ERR_NOT_FOUND filled when it is empty,
 * or with ERR_INVALID when it holds an error value or a formula that was
 * never calculated (its value is unknown, not empty).
 */
static const struct xlsx_cell *
cell_for(const struct xlsx_sheet *s, uint32_t row, uint32_t col, int *rc,
    struct err *e)
{
	const struct xlsx_cell	*c = xlsx_read_cell(s, row, col);
	char			 tmp[40];

	*rc = 0;
	if (c != NULL && c->type == XLSX_CELL_EMPTY && c->formula != NULL) {
		*rc = cell_err(e, s->name, row, col, ERR_INVALID,
		    "uncalculated_formula", "formlen har ingen beregnet "
		    "værdi; åbn filen i Excel, og gem den igen");
		return NULL;
	}
	if (c == NULL || c->type == XLSX_CELL_EMPTY) {
		*rc = cell_err(e, s->name, row, col, ERR_NOT_FOUND,
		    "empty_cell", "skal udfyldes");
		return NULL;
	}
	if (c->type == XLSX_CELL_ERROR) {
		*rc = cell_err(e, s->name, row, col, ERR_INVALID, "cell_error",
		    "cellen viser fejlen %s", clip(tmp, sizeof(tmp), c->text));
		return NULL;
	}
	return c;
}

/* Why a cell of the wrong type is no number, for messages. */
static const char *
not_number(const struct xlsx_cell *c)
{
	switch (c->type) {
	case XLSX_CELL_DATE:	return "en dato";
	case XLSX_CELL_BOOL:	return "en sandhedsværdi";
	default:		return "tekst";
	}
}

int
xlsx_cell_ore(const struct xlsx_sheet *s, uint32_t row, uint32_t col,
    int64_t *out, struct err *e)
{
	const struct xlsx_cell	*c;
	struct dec		 d;
	int			 rc;

	*out = 0;
	if ((c = cell_for(s, row, col, &rc, e)) == NULL)
		return rc;
	if (c->type != XLSX_CELL_NUMBER)
		return cell_err(e, s->name, row, col, ERR_INVALID,
		    "invalid_amount", "beløbet skal være et tal, ikke %s",
		    not_number(c));
	if (dec_parse(c->text, &d) != 0)
		return cell_err(e, s->name, row, col, ERR_INVALID,
		    "invalid_amount", "beløbet skal være et tal");
	if ((rc = dec_to_i64(&d, 2, out)) == -1) {
		dec_round15(&d);
		rc = dec_to_i64(&d, 2, out);
	}
	if (rc == -1)
		return cell_err(e, s->name, row, col, ERR_INVALID,
		    "invalid_amount", "beløbet skal være i kroner med højst "
		    "to decimaler");
	if (rc == -2)
		return cell_err(e, s->name, row, col, ERR_INVALID,
		    "invalid_amount", "beløbet er for stort");
	return 0;
}

int
xlsx_cell_pct(const struct xlsx_sheet *s, uint32_t row, uint32_t col,
    int64_t *out, struct err *e)
{
	const struct xlsx_cell	*c;
	struct dec		 d;
	int			 rc, scale;

	*out = 0;
	if ((c = cell_for(s, row, col, &rc, e)) == NULL)
		return rc;
	if (c->type != XLSX_CELL_NUMBER)
		return cell_err(e, s->name, row, col, ERR_INVALID,
		    "invalid_percent", "procenten skal være et tal, ikke %s",
		    not_number(c));
	if (dec_parse(c->text, &d) != 0)
		return cell_err(e, s->name, row, col, ERR_INVALID,
		    "invalid_percent", "procenten skal være et tal");
	/* 0.9537 shown as 95,37 % is 9537 hundredths of a percent. */
	scale = c->percent ? 4 : 2;
	if ((rc = dec_to_i64(&d, scale, out)) == -1) {
		dec_round15(&d);
		rc = dec_to_i64(&d, scale, out);
	}
	if (rc == -1)
		return cell_err(e, s->name, row, col, ERR_INVALID,
		    "invalid_percent", "procenten må have højst to decimaler");
	if (rc == -2)
		return cell_err(e, s->name, row, col, ERR_INVALID,
		    "invalid_percent", "procenten er for stor");
	return 0;
}

int
xlsx_cell_int(const struct xlsx_sheet *s, uint32_t row, uint32_t col,
    int64_t *out, struct err *e)
{
	const struct xlsx_cell	*c;
	struct dec		 d;
	int			 rc;

	*out = 0;
	if ((c = cell_for(s, row, col, &rc, e)) == NULL)
		return rc;
	if (c->type != XLSX_CELL_NUMBER)
		return cell_err(e, s->name, row, col, ERR_INVALID,
		    "invalid_integer", "skal være et helt tal, ikke %s",
		    not_number(c));
	if (dec_parse(c->text, &d) != 0)
		return cell_err(e, s->name, row, col, ERR_INVALID,
		    "invalid_integer", "skal være et helt tal");
	if ((rc = dec_to_i64(&d, 0, out)) == -1) {
		dec_round15(&d);
		rc = dec_to_i64(&d, 0, out);
	}
	if (rc == -1)
		return cell_err(e, s->name, row, col, ERR_INVALID,
		    "invalid_integer", "skal være et helt tal uden decimaler");
	if (rc == -2)
		return cell_err(e, s->name, row, col, ERR_INVALID,
		    "invalid_integer", "tallet er for stort");
	return 0;
}

int
xlsx_cell_text(const struct xlsx_sheet *s, uint32_t row, uint32_t col,
    const char **out, struct err *e)
{
	const struct xlsx_cell	*c;
	int			 rc;

	*out = "";
	if ((c = cell_for(s, row, col, &rc, e)) == NULL)
		return rc;
	*out = c->text;
	return 0;
}

int
xlsx_cell_date(const struct xlsx_sheet *s, uint32_t row, uint32_t col,
    const char **out, struct err *e)
{
	const struct xlsx_cell	*c;
	int			 rc;
	char			 iso[11];

	*out = "";
	if ((c = cell_for(s, row, col, &rc, e)) == NULL)
		return rc;
	if (c->type == XLSX_CELL_DATE) {
		*out = c->text;
		return 0;
	}
	if (c->type == XLSX_CELL_STRING && strlen(c->text) == 10 &&
	    iso_date_prefix(c->text, iso)) {
		*out = c->text;
		return 0;
	}
	return cell_err(e, s->name, row, col, ERR_INVALID, "invalid_date",
	    "skal være en dato");
}
