/*
 * xlsx_read — read Excel workbooks (.xlsx, Office Open XML) that operators
 * upload: the names of the sheets, and one sheet at a time as a sparse grid
 * of cells whose values are text.
 *
 * Numbers keep the exact decimal text of the file ("1234.5"), so money
 * becomes øre without passing through a double (xlsx_cell_ore). Numbers
 * whose cell format is a date format become ISO dates "YYYY-MM-DD" (both
 * the 1900 date system, with Excel's fictitious 29 February 1900, and the
 * 1904 system). Shared strings, inline strings and rich text are resolved
 * to plain UTF-8; a formula cell carries its cached value.
 *
 * The input is untrusted. The archive, each unpacked part and each sheet
 * are bounded (XLSX_READ_* below) before memory is spent on them; XML with
 * a DTD is refused, so no entity is ever expanded or fetched. Every error
 * fills a struct err whose Danish message names the sheet and the cell at
 * fault ("Celle C7 i arket »Budget«: ..."), with err.field the cell
 * reference and err.line its row.
 *
 * Everything returned lives in the caller's arena (request-scoped); the
 * book holds the open archive until xlsx_read_close(). A book is not
 * thread-safe; results may be shared once read.
 */
#ifndef RAMME_XLSX_READ_H
#define RAMME_XLSX_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct err;
struct xlsx_book;

#define XLSX_READ_MAX_FILE	(20u << 20)	/* bytes of the .xlsx file */
#define XLSX_READ_MAX_PART	(50u << 20)	/* bytes of one part unpacked */
#define XLSX_READ_MAX_ENTRIES	10000		/* files in the archive */
#define XLSX_READ_MAX_SHEETS	100		/* sheets in the workbook */
#define XLSX_READ_MAX_CELLS	1000000		/* cells with content, per sheet */
#define XLSX_READ_MAX_COLS	16384		/* columns A..XFD (Excel's own) */
#define XLSX_READ_MAX_ROWS	1048576		/* rows (Excel's own limit) */
#define XLSX_READ_MAX_STRINGS	1000000		/* shared strings */
#define XLSX_READ_MAX_TEXT	32767		/* bytes of one cell's text */
#define XLSX_READ_MAX_FORMATS	65536		/* cell formats in styles.xml */

#define XLSX_REF_SIZE		12		/* "XFD1048576" and the NUL */

enum xlsx_cell_type {
	XLSX_CELL_EMPTY,	/* no value: a formula never calculated */
	XLSX_CELL_NUMBER,	/* text is the number as written: "1234.5",
				   "-3", "1.5E-7" */
	XLSX_CELL_STRING,	/* text is the string (shared, inline, rich
				   text runs joined, or a formula's result) */
	XLSX_CELL_BOOL,		/* text is "TRUE" or "FALSE" */
	XLSX_CELL_DATE,		/* text is "YYYY-MM-DD"; serial holds the
				   number as written (time of day in its
				   fraction) */
	XLSX_CELL_ERROR		/* text is Excel's error value: "#DIV/0!" */
};

/*
 * One cell with content. A formula cell has the type of its cached value
 * and formula set; the value is what Excel last calculated.
 */
struct xlsx_cell {
	char			 ref[XLSX_REF_SIZE];	/* "B7" */
	uint32_t		 row;		/* 1-based: 7 */
	uint32_t		 col;		/* 1-based, A = 1: 2 */
	enum xlsx_cell_type	 type;
	const char		*text;		/* never NULL; "" when EMPTY */
	const char		*formula;	/* without "=", NULL if none; ""
						   when the file shares another
						   cell's formula */
	const char		*serial;	/* DATE: the serial number as
						   written, or NULL (an ISO
						   date in the file) */
	bool			 percent;	/* NUMBER shown as a percentage
						   (format "0%", "0.00%", ...):
						   0.95 is shown as 95 % */
};

/* One sheet as read: its cells in order of row, then column. */
struct xlsx_sheet {
	const char		*name;		/* as the workbook names it */
	size_t			 index;		/* 0-based position in the book */
	const struct xlsx_cell	*cells;		/* ncells, sorted (row, col) */
	size_t			 ncells;
	uint32_t		 nrows;		/* highest row with a cell, or 0 */
	uint32_t		 ncols;		/* highest column with a cell, or 0 */
};

/*
 * Open the workbook in data[0..len) (an upload held in memory). data is
 * borrowed and must stay unchanged until xlsx_read_close(). Reads the
 * workbook, its relationships, shared strings and styles at once.
 * Returns 0 and *out (close with xlsx_read_close()), or ERR_TOO_LARGE
 * (file, part, sheets, strings over their limits) or ERR_INVALID (not an
 * xlsx file, password-protected, a missing or malformed part) with e
 * filled; *out is then NULL and nothing needs closing.
 */
int	xlsx_read_open(struct xlsx_book **out, struct arena *a,
	    const void *data, size_t len, struct err *e);
/*
 * Same as xlsx_read_open() for the file at path, which is read into
 * memory owned by the book. Adds ERR_NOT_FOUND (no such file) and ERR_IO
 * (not a regular file, cannot be read).
 */
int	xlsx_read_open_file(struct xlsx_book **out, struct arena *a,
	    const char *path, struct err *e);
/*
 * Close the archive. Names, sheets and cells already returned stay valid
 * (they live in the arena). NULL is a no-op.
 */
void	xlsx_read_close(struct xlsx_book *b);

/* Number of sheets in the book (1..XLSX_READ_MAX_SHEETS). */
size_t	xlsx_read_sheet_count(const struct xlsx_book *b);
/* Name of sheet i (0-based, workbook order), or NULL when out of range. */
const char *xlsx_read_sheet_name(const struct xlsx_book *b, size_t i);

/*
 * Read the sheet named name (not NULL; compared without regard to case,
 * as Excel does) into *out, allocated in the book's arena. Each call parses the
 * sheet anew. Returns 0, ERR_NOT_FOUND when no sheet has that name,
 * ERR_TOO_LARGE (part or cell count over the limit) or ERR_INVALID
 * (malformed XML or cell, named in the message) with e filled.
 */
int	xlsx_read_sheet(struct xlsx_book *b, const char *name,
	    const struct xlsx_sheet **out, struct err *e);
/* Same as xlsx_read_sheet() for sheet i (0-based). */
int	xlsx_read_sheet_at(struct xlsx_book *b, size_t i,
	    const struct xlsx_sheet **out, struct err *e);

/*
 * The cell at row, col (1-based), or NULL when it has no content. Binary
 * search: O(log ncells). Borrowed from the sheet.
 */
const struct xlsx_cell *xlsx_read_cell(const struct xlsx_sheet *s,
	    uint32_t row, uint32_t col);
/* The cell at ref ("B7", case-insensitive), or NULL (no content, bad ref). */
const struct xlsx_cell *xlsx_read_cell_ref(const struct xlsx_sheet *s,
	    const char *ref);
/*
 * Parse a cell reference "B7" (no "$", letters in either case) into its
 * 1-based row and column. Returns 0, or -1 when ref is malformed or
 * beyond XFD1048576.
 */
int	xlsx_read_ref_parse(const char *ref, uint32_t *row, uint32_t *col);
/* Write the reference of row, col (1-based, within limits) to out: "B7". */
void	xlsx_read_ref_format(char out[XLSX_REF_SIZE], uint32_t row,
	    uint32_t col);

/*
 * The helpers below read cell row, col (1-based) of s. All of them return
 * ERR_NOT_FOUND for an empty cell (so optional cells can be told apart),
 * and ERR_INVALID for an error value (#DIV/0!) or a formula without a
 * calculated value; e is filled naming sheet and cell, *out is 0 or "".
 */

/*
 * The amount in cell row, col of s as øre: a number with at most two
 * decimals ("1234.5" gives 123450), exactly from the text of the file.
 * Binary noise of a calculated value is removed first by rounding to 15
 * significant digits, the precision Excel shows ("0.30000000000000004"
 * gives 30). Returns 0; ERR_NOT_FOUND when the cell is empty (*out = 0);
 * ERR_INVALID when it holds text, a date, a truth value, an error, more
 * than two decimals or more than fits in int64 øre. e names the cell.
 */
int	xlsx_cell_ore(const struct xlsx_sheet *s, uint32_t row, uint32_t col,
	    int64_t *out, struct err *e);
/*
 * The percentage in cell row, col in hundredths of a percent, as the
 * user sees it: a cell formatted as a percentage holds the fraction
 * (0.9537 shown as 95,37 % gives 9537), any other number is the
 * percentage itself (95.37 gives 9537). At most two decimals of the
 * percentage, after removing binary noise as xlsx_cell_ore() does.
 * Returns 0, ERR_NOT_FOUND when empty (*out = 0), or ERR_INVALID (not a
 * number, more decimals, too large) with e naming the cell.
 */
int	xlsx_cell_pct(const struct xlsx_sheet *s, uint32_t row, uint32_t col,
	    int64_t *out, struct err *e);
/*
 * The whole number in cell row, col ("12", "12.0", "1.2E+1"). Returns 0,
 * ERR_NOT_FOUND when empty (*out = 0), or ERR_INVALID (not a number, has
 * decimals, out of int64 range) with e naming the cell.
 */
int	xlsx_cell_int(const struct xlsx_sheet *s, uint32_t row, uint32_t col,
	    int64_t *out, struct err *e);
/*
 * The text of cell row, col as shown by the types above (a number's text,
 * a date's ISO form, "TRUE"/"FALSE"), borrowed from the sheet. Returns 0,
 * ERR_NOT_FOUND when empty (*out = ""), or ERR_INVALID when the cell holds
 * an error value (#DIV/0!, #REF!, ...) with e naming the cell.
 */
int	xlsx_cell_text(const struct xlsx_sheet *s, uint32_t row, uint32_t col,
	    const char **out, struct err *e);
/*
 * The date in cell row, col as "YYYY-MM-DD": a cell formatted as a date,
 * or text that already is an ISO date. Returns 0, ERR_NOT_FOUND when
 * empty (*out = ""), or ERR_INVALID with e naming the cell.
 */
int	xlsx_cell_date(const struct xlsx_sheet *s, uint32_t row, uint32_t col,
	    const char **out, struct err *e);

#endif
