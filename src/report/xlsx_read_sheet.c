/*
 * xlsx_read_sheet — one worksheet read into a sparse grid of cells:
 * values of every type (shared, inline and rich strings, numbers, dates
 * by their format, booleans, errors, a formula's cached value), bounded
 * in cells and columns, sorted by row and column.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>

#include "report/xlsx_read.h"
#include "report/xlsx_read_impl.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/mem.h"
#include "util/text.h"

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
			xlsx_read_fail(&st->ps, ERR_INVALID, "invalid_cell_ref",
			    "Arket »%s« har en ugyldig cellereference: %s",
			    st->name, clip(tmp, sizeof(tmp), ref));
			return;
		}
	} else {
		if (st->col >= XLSX_READ_MAX_COLS) {
			xlsx_read_fail(&st->ps, ERR_INVALID, "too_many_columns",
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
				xlsx_read_fail(&st->ps, ERR_INVALID,
				    "too_many_rows", "Arket »%s« har flere end %d rækker",
				    st->name, XLSX_READ_MAX_ROWS);
			st->row++;
		} else if (parse_uint(r, XLSX_READ_MAX_ROWS, &st->row) != 0 ||
		    st->row == 0) {
			xlsx_read_fail(&st->ps, ERR_INVALID, "invalid_row",
			    "Arket »%s« har et ugyldigt rækkenummer", st->name);
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
		xlsx_read_fail(&st->ps, ERR_TOO_LARGE, "too_many_cells",
		    "Arket »%s« har for mange udfyldte celler (højst 1.000.000)",
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
			c.text = xlsx_read_unescape(a, buf_str(&st->t),
			    st->t.len);
		} else if (st->has_v) {
			c.type = XLSX_CELL_STRING;
			c.text = xlsx_read_unescape(a, buf_str(&st->v),
			    st->v.len);
		}
		goto done;
	}
	v = text_trim(st->v.data != NULL ? st->v.data : empty);
	if (!st->has_v || *v == '\0')
		goto done;		/* no value: empty unless a formula */
	if (strcmp(t, "n") == 0) {
		if (xlsx_dec_parse(v, &d) != 0) {
			cfail(st, ERR_INVALID, "invalid_number", "ugyldigt tal");
			return;
		}
		if (st->c_style < b->nxf &&
		    (b->xf_date[st->c_style] & XF_DATE) &&
		    xlsx_serial_to_iso(&d, b->date1904, iso)) {
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
		if (!xlsx_iso_date_prefix(v, iso)) {
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
	rc = xlsx_read_part(&st.ps, b->sheets[i].path, sheet_start, sheet_end,
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
