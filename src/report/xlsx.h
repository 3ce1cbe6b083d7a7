/*
 * xlsx — write tables as an Excel workbook, one per sheet: a header row
 * in bold that stays in view (frozen) with a filter, then data rows
 * where text is text and numbers are numbers, optionally a column offering
 * a dropdown of values. Column widths follow the content unless the caller
 * fixes them. Used by the register export, reports and templates.
 *
 * The workbook is assembled in memory and temporary files and written to
 * its path by xlsx_close(); cells are written left to right, row by row.
 */
#ifndef RAMME_XLSX_H
#define RAMME_XLSX_H

#include <stdint.h>

struct err;
struct xlsx;

#define XLSX_MAX_COLS	256		/* columns in one table */
/* The Danish date format of date cells: "5. december 2026" (LCID 406). */
#define XLSX_DATE_DA	"[$-406]d. mmmm yyyy"

struct xlsx_column {
	const char	*title;		/* header text */
	double		 width;		/* characters; 0 = fit the content */
	const char	*num_format;	/* Excel number format for numbers in
					   this column, e.g. "#,##0.00";
					   NULL = General */
};

/*
 * Start a workbook to be written to path with one sheet named sheet
 * (at most 31 characters, none of []:*?/\) whose header row is the ncols
 * column titles. cols is copied. Returns 0, or ERR_INVALID / ERR_IO with
 * e filled. On success *out must be passed to xlsx_close().
 */
int	xlsx_open(struct xlsx **out, const char *path, const char *sheet,
	    const struct xlsx_column *cols, int ncols, struct err *e);
/*
 * Start a workbook to be written to path without a sheet yet: the first
 * comes with xlsx_sheet(). Returns 0, or ERR_IO with e filled; on
 * success *out must be passed to xlsx_close() or xlsx_discard().
 */
int	xlsx_open_book(struct xlsx **out, const char *path, struct err *e);
/*
 * Finish the current sheet (if any) (its widths and filter) and go on in a new
 * sheet named sheet after it, with its own header row of the ncols
 * column titles, frozen as the first. Returns 0, or ERR_INVALID with e
 * filled (x must still be passed to xlsx_close() or xlsx_discard()).
 */
int	xlsx_sheet(struct xlsx *x, const char *sheet,
	    const struct xlsx_column *cols, int ncols, struct err *e);
/* Write text in the next cell of the current row; NULL leaves it blank. */
void	xlsx_text(struct xlsx *x, const char *s);
/* Write an integer in the next cell. */
void	xlsx_int(struct xlsx *x, int64_t v);
/*
 * Write a value in hundredths (places, kroner in øre) as the number
 * v / 100 in the next cell. The conversion to a spreadsheet number
 * happens here, at the edge, and nowhere else.
 */
void	xlsx_centi(struct xlsx *x, int64_t v);
/*
 * Write v / 10^decimals (decimals 0..9; a percentage in ten-thousandths
 * with 4) as a number in the next cell, converted here, at the edge.
 */
void	xlsx_scaled(struct xlsx *x, int64_t v, int decimals);
/*
 * Write an ISO date "YYYY-MM-DD" in the next cell as a real date (a
 * serial number shown in the column's num_format, or XLSX_DATE_DA when
 * the column has none), so spreadsheets sort and compute with it. NULL
 * or "" leaves the cell blank; other text is written as text.
 */
void	xlsx_date(struct xlsx *x, const char *iso);
/* Leave the next cell blank. */
void	xlsx_blank(struct xlsx *x);
/* Finish the current row; the next cell is column 0 of a new row. */
void	xlsx_end_row(struct xlsx *x);
/*
 * Set the widths, write the file and free x (also on error). Returns 0,
 * or ERR_INVALID (too many rows, a text too long for a cell) or ERR_IO
 * (the file could not be written) with e filled.
 */
int	xlsx_close(struct xlsx *x, struct err *e);
/*
 * Offer values (NULL-terminated, together at most 255 characters) as a
 * dropdown in column col (0-based) of the current sheet's data rows
 * first..last (1 = the row after the header); the spreadsheet refuses
 * another value with the Danish message msg. A blank cell stays allowed.
 */
void	xlsx_dropdown(struct xlsx *x, int col, int first, int last,
	    const char *const *values, const char *msg);
/* Free x without writing anything. NULL is a no-op. */
void	xlsx_discard(struct xlsx *x);

#endif
