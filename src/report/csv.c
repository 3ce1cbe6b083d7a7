/*
 * csv — CSV reader and writer (see csv.h).
 *
 * The reader is one pass over the (converted) bytes with a small state
 * machine per field. The bytes are copied to the arena once: an unquoted
 * field is read in place there and ended with a NUL over its separator
 * when the whole file is read; the text of a quoted field collects in one
 * reusable buffer and is copied to the arena when the field ends. The
 * fields of a record collect in a fixed array of CSV_MAX_COLS entries, so
 * nothing grows past a cap.
 */
#include <stdlib.h>
#include <string.h>

#include "report/csv.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/mem.h"
#include "util/text.h"

/* Characters a spreadsheet may take as the start of a formula. */
static const char formula_start[] = "=+-@\t\r";

/* State of one parse. */
struct reader {
	struct arena		*a;
	char			*p;		/* converted input (arena) */
	size_t			 n;
	size_t			 i;		/* read position */
	int			 line;		/* physical line at i */
	char			 sep;
	struct buf		 field;		/* the field being read */
	struct csv_field	 cols[CSV_MAX_COLS];
	int			 ncols;
	struct csv_record	*recs;		/* in the arena, doubling */
	int			 nrecs, cap;
};

/* The line of byte offset off in p (1-based). */
static int
line_at(const char *p, size_t off)
{
	size_t	i;
	int	line = 1;

	for (i = 0; i < off; i++)
		if (p[i] == '\n' || (p[i] == '\r' && p[i + 1] != '\n'))
			line++;
	return line;
}

static int
fail(struct err *e, int code, int line, const char *key, const char *msg)
{
	err_set(e, code, key, NULL, "%s", msg);
	if (e != NULL)
		e->line = line;
	return code;
}

/*
 * ';' or ',': the one the first non-empty line uses more often outside
 * quotes; ',' when neither occurs (a one-column file).
 */
static char
detect_sep(const char *p, size_t n)
{
	size_t	i = 0;
	int	semis = 0, commas = 0, inq = 0;

	while (i < n && (p[i] == '\r' || p[i] == '\n'))
		i++;
	for (; i < n; i++) {
		if (p[i] == '"')
			inq = !inq;
		else if (!inq && (p[i] == '\r' || p[i] == '\n'))
			break;
		else if (!inq && p[i] == ';')
			semis++;
		else if (!inq && p[i] == ',')
			commas++;
	}
	return semis > commas ? ';' : ',';
}

/* Append byte c to the field, counting line breaks inside quotes. */
static int
field_putc(struct reader *r, char c, struct err *e)
{
	if (r->field.len >= CSV_MAX_FIELD)
		return fail(e, ERR_INVALID, r->line, "field_too_long",
		    "Et felt er for langt (højst 10.000 byte)");
	buf_putc(&r->field, c);
	return 0;
}

/* Read one quoted field; r->i is at the opening quote. */
static int
read_quoted(struct reader *r, struct err *e)
{
	int	start = r->line, rc;
	char	c;

	r->i++;
	for (;;) {
		if (r->i >= r->n)
			return fail(e, ERR_INVALID, start, "unterminated_quote",
			    "Et felt i anførselstegn slutter aldrig (der "
			    "mangler et afsluttende \")");
		c = r->p[r->i];
		if (c == '"') {
			if (r->i + 1 < r->n && r->p[r->i + 1] == '"') {
				if ((rc = field_putc(r, '"', e)) != 0)
					return rc;
				r->i += 2;
				continue;
			}
			r->i++;
			break;
		}
		if (c == '\n' || (c == '\r' && (r->i + 1 >= r->n ||
		    r->p[r->i + 1] != '\n')))
			r->line++;
		if ((rc = field_putc(r, c, e)) != 0)
			return rc;
		r->i++;
	}
	if (r->i < r->n && r->p[r->i] != r->sep && r->p[r->i] != '\r' &&
	    r->p[r->i] != '\n')
		return fail(e, ERR_INVALID, r->line, "invalid_quote",
		    "Uventet tegn efter et afsluttende anførselstegn (et \" "
		    "inde i et felt skal skrives som \"\")");
	return 0;
}

/* Read one unquoted field, up to the separator or the end of the line;
 * it is the bytes from *start on, *len of them, read in place. */
static int
read_plain(struct reader *r, size_t *start, size_t *len, struct err *e)
{
	const char	*p = r->p;
	size_t		 i = r->i;
	char		 c;

	*start = i;
	while (i < r->n) {
		c = p[i];
		if (c == r->sep || c == '\r' || c == '\n')
			break;
		i++;
	}
	r->i = i;
	*len = i - *start;
	if (*len > CSV_MAX_FIELD)
		return fail(e, ERR_INVALID, r->line, "field_too_long",
		    "Et felt er for langt (højst 10.000 byte)");
	return 0;
}

/* Move the finished record into the record array. */
static int
push_record(struct reader *r, int line, struct err *e)
{
	struct csv_record	*rec, *nv;

	if (r->nrecs > CSV_MAX_ROWS)	/* header + CSV_MAX_ROWS */
		return fail(e, ERR_TOO_LARGE, line, "too_many_rows",
		    "Filen har mere end 100.000 rækker");
	if (r->nrecs == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		nv = arena_calloc(r->a, (size_t)r->cap, sizeof(*nv));
		if (r->nrecs > 0)
			memcpy(nv, r->recs, (size_t)r->nrecs * sizeof(*nv));
		r->recs = nv;
	}
	rec = &r->recs[r->nrecs++];
	rec->line = line;
	rec->nfields = r->ncols;
	rec->fields = arena_calloc(r->a, (size_t)r->ncols,
	    sizeof(*rec->fields));
	memcpy(rec->fields, r->cols, (size_t)r->ncols * sizeof(*rec->fields));
	return 0;
}

/* Read one record; r->i is at its first byte (not a line break). */
static int
read_record(struct reader *r, struct err *e)
{
	size_t	start = 0, len = 0;
	int	line = r->line, rc, quoted;

	r->ncols = 0;
	for (;;) {
		quoted = r->i < r->n && r->p[r->i] == '"';
		if (quoted) {
			buf_reset(&r->field);
			rc = read_quoted(r, e);
		} else
			rc = read_plain(r, &start, &len, e);
		if (rc != 0)
			return rc;
		if (r->ncols == CSV_MAX_COLS)
			return fail(e, ERR_INVALID, line, "too_many_columns",
			    "Rækken har mere end 200 kolonner");
		r->cols[r->ncols].s = quoted ? arena_strndup(r->a,
		    buf_str(&r->field), r->field.len) : r->p + start;
		r->cols[r->ncols].quoted = quoted;
		r->ncols++;
		if (r->i < r->n && r->p[r->i] == r->sep) {
			r->i++;
			continue;
		}
		break;
	}
	if (r->i < r->n) {
		if (r->p[r->i] == '\r' && r->i + 1 < r->n &&
		    r->p[r->i + 1] == '\n')
			r->i++;
		r->i++;
		r->line++;
	}
	return push_record(r, line, e);
}

/* End every unquoted field with a NUL over the separator, line break or
 * final NUL after it, now that the reader is done with the bytes. */
static void
end_plain_fields(struct reader *r)
{
	struct csv_record	*rec;
	char			*q;
	int			 i, k;

	for (i = 0; i < r->nrecs; i++) {
		rec = &r->recs[i];
		for (k = 0; k < rec->nfields; k++) {
			if (rec->fields[k].quoted)
				continue;
			q = rec->fields[k].s;
			while (*q != '\0' && *q != r->sep && *q != '\r' &&
			    *q != '\n')
				q++;
			*q = '\0';
		}
	}
}

int
csv_parse(struct arena *a, const char *data, size_t len, struct csv *out,
    struct err *e)
{
	struct reader	*r;
	struct buf	 conv;
	const char	*nul;
	int		 rc = 0;

	memset(out, 0, sizeof(*out));
	if (len > CSV_MAX_BYTES)
		return fail(e, ERR_TOO_LARGE, 0, "file_too_large",
		    "Filen er for stor (højst 20 MiB)");
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if ((nul = memchr(data, '\0', len)) != NULL)
		return fail(e, ERR_INVALID, line_at(data, (size_t)(nul - data)),
		    "nul_byte", "Filen indeholder nul-tegn. Er den gemt som "
		    "UTF-16? Gem den som CSV (semikolonsepareret) eller CSV "
		    "UTF-8");
	buf_init(&conv);
	if (!text_utf8_valid(data, len)) {
		size_t bad;

		if (text_cp1252_to_utf8(&conv, data, len, &bad) != 0) {
			buf_cleanup(&conv);
			return fail(e, ERR_INVALID, line_at(data, bad),
			    "encoding", "Filen indeholder et tegn, som hverken "
			    "er UTF-8 eller Windows-1252. Gem den som CSV "
			    "UTF-8");
		}
		data = buf_str(&conv);
		len = conv.len;
		out->cp1252 = true;
	}
	r = xcalloc(1, sizeof(*r));
	r->a = a;
	r->p = arena_strndup(a, data, len);
	r->n = len;
	r->line = 1;
	r->sep = detect_sep(data, len);
	buf_init(&r->field);
	while (r->i < r->n && rc == 0) {
		if (r->p[r->i] == '\n' || r->p[r->i] == '\r') {
			/* An empty line: skip it, count it. */
			if (r->p[r->i] == '\r' && r->i + 1 < r->n &&
			    r->p[r->i + 1] == '\n')
				r->i++;
			r->i++;
			r->line++;
			continue;
		}
		rc = read_record(r, e);
	}
	if (rc == 0 && r->nrecs == 0)
		rc = fail(e, ERR_INVALID, 0, "empty_file", "Filen er tom");
	if (rc == 0) {
		end_plain_fields(r);
		out->sep = r->sep;
		out->nrecords = r->nrecs;
		out->records = r->recs;
	}
	buf_cleanup(&r->field);
	free(r);
	buf_cleanup(&conv);
	return rc;
}

/* True if s, after its leading apostrophes, starts a formula. */
static bool
needs_guard(const char *s)
{
	while (*s == '\'')
		s++;
	return *s != '\0' && strchr(formula_start, *s) != NULL;
}

char *
csv_unguard(char *s)
{
	if (*s == '\'' && needs_guard(s))
		memmove(s, s + 1, strlen(s));	/* with the NUL */
	return s;
}

void
csv_writer_init(struct csv_writer *w, struct buf *out, char sep, bool bom)
{
	w->out = out;
	w->sep = sep;
	w->col = 0;
	if (bom)
		buf_puts(out, "\xef\xbb\xbf");
}

/*
 * True if a field must be quoted to read back the same: it holds the
 * separator, a quote or a line break, or starts or ends with white space
 * (which the importer trims from unquoted cells). A guarded text starts
 * with the apostrophe, so its own first character does not count.
 */
static bool
needs_quotes(const char *s, char sep, bool guarded)
{
	size_t n = strlen(s);

	if (n == 0)
		return false;
	if (!guarded && (s[0] == ' ' || s[0] == '\t'))
		return true;
	if (s[n - 1] == ' ' || s[n - 1] == '\t')
		return true;
	for (; *s != '\0'; s++)
		if (*s == sep || *s == '"' || *s == '\r' || *s == '\n')
			return true;
	return false;
}

static void
write_field(struct csv_writer *w, const char *s, bool guard)
{
	const char	*p;
	bool		 q;

	if (w->col++ > 0)
		buf_putc(w->out, w->sep);
	if (s == NULL)
		return;
	guard = guard && needs_guard(s);
	q = needs_quotes(s, w->sep, guard);
	if (q)
		buf_putc(w->out, '"');
	if (guard)
		buf_putc(w->out, '\'');
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			buf_putc(w->out, '"');
		buf_putc(w->out, *p);
	}
	if (q)
		buf_putc(w->out, '"');
}

void
csv_write_text(struct csv_writer *w, const char *s)
{
	write_field(w, s, true);
}

void
csv_write_value(struct csv_writer *w, const char *s)
{
	write_field(w, s, false);
}

void
csv_end_row(struct csv_writer *w)
{
	buf_puts(w->out, "\r\n");
	w->col = 0;
}
