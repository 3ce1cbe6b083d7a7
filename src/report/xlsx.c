/*
 * xlsx — workbooks of tables over libxlsxwriter (see xlsx.h).
 *
 * libxlsxwriter reports errors per call; the first one is remembered and
 * returned by xlsx_close(), so callers write cells without checking each.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "report/xlsx.h"
#include "util/err.h"
#include "util/mem.h"
#include "util/text.h"

#define WIDTH_MIN	6.0	/* characters */
#define WIDTH_MAX	60.0

struct xlsx {
	lxw_workbook	*wb;
	lxw_worksheet	*ws;
	lxw_format	*bold;			/* header row */
	lxw_format	*fmt[XLSX_MAX_COLS];	/* number format per column */
	lxw_format	*date;			/* XLSX_DATE_DA, made when
						   first needed */
	double		 fixed[XLSX_MAX_COLS];	/* caller's width, or 0 */
	size_t		 seen[XLSX_MAX_COLS];	/* widest content, characters */
	int		 ncols;
	lxw_row_t	 row;			/* current row; 0: header */
	int		 col;			/* next cell in the row */
	lxw_error	 error;			/* first failure, or none */
	int		 overflow;		/* too many rows or cells */
};

/* Width in characters of s: its longest line, in code points. */
static size_t
text_width(const char *s)
{
	size_t	widest = 0, cur = 0;

	for (; *s != '\0'; s++) {
		if (*s == '\n') {
			cur = 0;
			continue;
		}
		if (((unsigned char)*s & 0xc0) != 0x80 && ++cur > widest)
			widest = cur;
	}
	return widest;
}

static void
note_error(struct xlsx *x, lxw_error rc)
{
	if (rc != LXW_NO_ERROR && x->error == LXW_NO_ERROR)
		x->error = rc;
}

/* The column of the next cell, or -1 when the row or sheet is full. */
static int
next_cell(struct xlsx *x)
{
	if (x->col >= x->ncols || x->row >= LXW_ROW_MAX) {
		x->overflow = 1;
		return -1;
	}
	return x->col++;
}

/* Add sheet `sheet` to x with its header row of cols[0..ncols). */
static int
sheet_start(struct xlsx *x, const char *sheet, const struct xlsx_column *cols,
    int ncols, struct err *e)
{
	int i;

	if (ncols < 1 || ncols > XLSX_MAX_COLS)
		return err_set(e, ERR_INVALID, "too_many_columns", NULL,
		    "Et regneark kan her have 1 til %d kolonner",
		    XLSX_MAX_COLS);
	if (workbook_validate_sheet_name(x->wb, sheet) != LXW_NO_ERROR ||
	    (x->ws = workbook_add_worksheet(x->wb, sheet)) == NULL)
		return err_set(e, ERR_INVALID, "invalid_sheet_name", NULL,
		    "Ugyldigt navn på arket: %.40s", sheet);
	x->ncols = ncols;
	for (i = 0; i < ncols; i++) {
		x->fixed[i] = cols[i].width;
		x->seen[i] = text_width(cols[i].title);
		x->fmt[i] = NULL;
		if (cols[i].num_format != NULL) {
			x->fmt[i] = workbook_add_format(x->wb);
			format_set_num_format(x->fmt[i], cols[i].num_format);
		}
		note_error(x, worksheet_write_string(x->ws, 0, (lxw_col_t)i,
		    cols[i].title, x->bold));
	}
	worksheet_freeze_panes(x->ws, 1, 0);
	x->row = 1;
	x->col = 0;
	return 0;
}

/* Set the column widths and the filter of the current sheet. */
static void
sheet_finish(struct xlsx *x)
{
	lxw_row_t	last;
	double		w;
	int		i;

	if (x->ws == NULL)
		return;
	last = x->col > 0 ? x->row : x->row - 1;
	for (i = 0; i < x->ncols; i++) {
		w = x->fixed[i];
		if (w <= 0) {
			w = (double)x->seen[i] + 2;
			w = w < WIDTH_MIN ? WIDTH_MIN : w > WIDTH_MAX ?
			    WIDTH_MAX : w;
		}
		note_error(x, worksheet_set_column(x->ws, (lxw_col_t)i,
		    (lxw_col_t)i, w, NULL));
	}
	note_error(x, worksheet_autofilter(x->ws, 0, 0, last,
	    (lxw_col_t)(x->ncols - 1)));
}

int
xlsx_open_book(struct xlsx **out, const char *path, struct err *e)
{
	struct xlsx *x;

	*out = NULL;
	x = xcalloc(1, sizeof(*x));
	if ((x->wb = workbook_new(path)) == NULL) {
		free(x);
		return err_set(e, ERR_IO, "xlsx_create", NULL,
		    "Regnearket %.200s kunne ikke oprettes", path);
	}
	x->bold = workbook_add_format(x->wb);
	format_set_bold(x->bold);
	*out = x;
	return 0;
}

int
xlsx_open(struct xlsx **out, const char *path, const char *sheet,
    const struct xlsx_column *cols, int ncols, struct err *e)
{
	struct xlsx	*x;
	int		 rc;

	*out = NULL;
	if (ncols < 1 || ncols > XLSX_MAX_COLS)
		return err_set(e, ERR_INVALID, "too_many_columns", NULL,
		    "Et regneark kan her have 1 til %d kolonner",
		    XLSX_MAX_COLS);
	if ((rc = xlsx_open_book(&x, path, e)) != 0)
		return rc;
	if ((rc = sheet_start(x, sheet, cols, ncols, e)) != 0) {
		xlsx_discard(x);
		return rc;
	}
	*out = x;
	return 0;
}

int
xlsx_sheet(struct xlsx *x, const char *sheet, const struct xlsx_column *cols,
    int ncols, struct err *e)
{
	sheet_finish(x);
	return sheet_start(x, sheet, cols, ncols, e);
}

void
xlsx_dropdown(struct xlsx *x, int col, int first, int last,
    const char *const *values, const char *msg)
{
	lxw_data_validation v;

	if (x->ws == NULL || col < 0 || col >= x->ncols || first < 1 ||
	    last < first)
		return;
	memset(&v, 0, sizeof(v));
	v.validate = LXW_VALIDATION_TYPE_LIST;
	v.value_list = (char **)(uintptr_t)values;
	v.ignore_blank = LXW_VALIDATION_ON;
	v.show_error = LXW_VALIDATION_ON;
	v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
	v.error_message = (char *)(uintptr_t)msg;
	note_error(x, worksheet_data_validation_range(x->ws, (lxw_row_t)first,
	    (lxw_col_t)col, (lxw_row_t)last, (lxw_col_t)col, &v));
}

void
xlsx_text(struct xlsx *x, const char *s)
{
	size_t	w;
	int	c;

	if ((c = next_cell(x)) < 0 || s == NULL || *s == '\0')
		return;
	note_error(x, worksheet_write_string(x->ws, x->row, (lxw_col_t)c, s,
	    NULL));
	if ((w = text_width(s)) > x->seen[c])
		x->seen[c] = w;
}

/* Write the number v; digits is its printed width, for the column. */
static void
write_number(struct xlsx *x, double v, size_t digits)
{
	int c;

	if ((c = next_cell(x)) < 0)
		return;
	note_error(x, worksheet_write_number(x->ws, x->row, (lxw_col_t)c, v,
	    x->fmt[c]));
	if (digits > x->seen[c])
		x->seen[c] = digits;
}

void
xlsx_int(struct xlsx *x, int64_t v)
{
	char txt[32];

	write_number(x, (double)v, (size_t)snprintf(txt, sizeof(txt), "%lld",
	    (long long)v));
}

void
xlsx_centi(struct xlsx *x, int64_t v)
{
	char txt[32];

	write_number(x, (double)v / 100.0, (size_t)snprintf(txt, sizeof(txt),
	    "%lld,00", (long long)(v / 100)));
}

void
xlsx_scaled(struct xlsx *x, int64_t v, int decimals)
{
	double	scale = 1;
	char	txt[40];
	int	i;

	for (i = 0; i < decimals && i < 9; i++)
		scale *= 10;
	write_number(x, (double)v / scale, (size_t)snprintf(txt, sizeof(txt),
	    "%lld,%0*d", (long long)(v / (int64_t)scale), i, 0));
}

void
xlsx_date(struct xlsx *x, const char *iso)
{
	lxw_format	*f;
	int64_t		 days;
	int		 c;

	if (iso == NULL || *iso == '\0') {
		xlsx_blank(x);
		return;
	}
	if (!text_date_valid(iso)) {
		xlsx_text(x, iso);
		return;
	}
	if ((c = next_cell(x)) < 0)
		return;
	if ((f = x->fmt[c]) == NULL) {
		if (x->date == NULL) {
			x->date = workbook_add_format(x->wb);
			format_set_num_format(x->date, XLSX_DATE_DA);
		}
		f = x->date;
	}
	/* Serial day numbers count from 1899-12-30 (1970-01-01 = 25569). */
	days = text_days_from_civil(atoi(iso), atoi(iso + 5), atoi(iso + 8)) +
	    25569;
	note_error(x, worksheet_write_number(x->ws, x->row, (lxw_col_t)c,
	    (double)days, f));
	/* "30. september 2026": the widest a shown date gets. */
	if (x->seen[c] < 18)
		x->seen[c] = 18;
}

void
xlsx_blank(struct xlsx *x)
{
	next_cell(x);
}

void
xlsx_end_row(struct xlsx *x)
{
	x->row++;
	x->col = 0;
}

int
xlsx_close(struct xlsx *x, struct err *e)
{
	lxw_error	rc;
	int		overflow;

	sheet_finish(x);
	overflow = x->overflow;
	rc = x->error;
	if (overflow || rc != LXW_NO_ERROR) {
		xlsx_discard(x);
		if (overflow)
			return err_set(e, ERR_INVALID, "xlsx_overflow", NULL,
			    "Tabellen er for stor til et regneark");
		return err_set(e, ERR_INVALID, "xlsx_cell", NULL,
		    "En celle kunne ikke skrives i regnearket: %s",
		    lxw_strerror(rc));
	}
	rc = workbook_close(x->wb);
	free(x);
	if (rc != LXW_NO_ERROR)
		return err_set(e, ERR_IO, "xlsx_write", NULL,
		    "Regnearket kunne ikke gemmes: %s", lxw_strerror(rc));
	return 0;
}

void
xlsx_discard(struct xlsx *x)
{
	if (x == NULL)
		return;
	lxw_workbook_free(x->wb);
	free(x);
}
