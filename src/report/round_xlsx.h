/*
 * round_xlsx — the workbook an operator fills in for a tariff round: the
 * sheet »Budget« (one row per service line; inputs unlocked with number
 * formats, dropdowns and validation; the computed tariff, warnings and
 * last year's figures in locked, greyed columns), the sheet »Vejledning«
 * (what to write, in Danish) and a hidden sheet »Skabelon« naming the
 * round and operator the file belongs to, which the upload checks.
 *
 * The columns of »Budget« are fixed (ROUND_XLSX_COL_*): the upload reads
 * them by position.
 */
#ifndef RAMME_ROUND_XLSX_H
#define RAMME_ROUND_XLSX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct err;
struct service_line;

#define ROUND_XLSX_SHEET	"Budget"	/* the lines */
#define ROUND_XLSX_HELP_SHEET	"Vejledning"	/* the instructions */
#define ROUND_XLSX_META_SHEET	"Skabelon"	/* hidden: what the file is */

/* Rows of the hidden sheet: label in column A, value in column B. */
enum round_xlsx_meta {
	ROUND_XLSX_META_KIND = 1,	/* "ramme takstindberetning" */
	ROUND_XLSX_META_ROUND_ID,	/* the round's id */
	ROUND_XLSX_META_YEAR,		/* tariff year */
	ROUND_XLSX_META_ROUND_NO,	/* round number in the year */
	ROUND_XLSX_META_OPERATOR,	/* operator code, "" for every one */
	ROUND_XLSX_META_OPERATOR_NAME
};
#define ROUND_XLSX_KIND		"ramme takstindberetning"

/* Columns of »Budget«, 1-based (A = 1). */
enum round_xlsx_col {
	ROUND_XLSX_COL_OFFER = 1, ROUND_XLSX_COL_NAME,
	ROUND_XLSX_COL_PARAGRAPH, ROUND_XLSX_COL_LEVEL, ROUND_XLSX_COL_UNIT,
	ROUND_XLSX_COL_PLACES, ROUND_XLSX_COL_DAYS, ROUND_XLSX_COL_MONTH_DAYS,
	ROUND_XLSX_COL_HOURS, ROUND_XLSX_COL_OCC, ROUND_XLSX_COL_HIST1,
	ROUND_XLSX_COL_HIST2, ROUND_XLSX_COL_WAGES, ROUND_XLSX_COL_PROPERTY,
	ROUND_XLSX_COL_OTHER, ROUND_XLSX_COL_OVERHEAD, ROUND_XLSX_COL_CAPITAL,
	ROUND_XLSX_COL_PENSION, ROUND_XLSX_COL_INCOME, ROUND_XLSX_COL_CARRY,
	ROUND_XLSX_COL_REASON, ROUND_XLSX_COL_REFERRED_FROM,
	ROUND_XLSX_COL_REFERRED_BEFORE, ROUND_XLSX_COL_TARIFF,
	ROUND_XLSX_COL_WARNINGS, ROUND_XLSX_COL_PREV_TARIFF,
	ROUND_XLSX_COL_PREV_PLACES, ROUND_XLSX_COL_PREV_OCC,
	ROUND_XLSX_COL_COUNT
};

/* One row of »Budget«. */
struct round_xlsx_row {
	int64_t				 offer_id;
	const char			*offer_name;
	const struct service_line	*line;	/* NULL: an offer without
						   lines (only its number) */
	const char			*warnings; /* joined Danish text, or
						   NULL */
	bool				 has_prev; /* last year's published
						   tariff of the same
						   paragraph, level, unit */
	int64_t				 prev_tariff_ore;
	int64_t				 prev_places_centi;
	int64_t				 prev_occupancy_bp;
};

/* What the workbook is for and holds. */
struct round_xlsx {
	int64_t				 round_id;
	int				 year;		/* tariff year */
	int				 round_no;
	const char			*round_title;
	const char			*operator_code;	/* "" for every one */
	const char			*operator_name;	/* "" for every one */
	int				 hist_years[2];	/* years of hist_bp */
	int64_t				 occupancy_floor_bp; /* the upload's
						   floor, bp (5000) */
	const char *const		*levels;	/* the level dropdown */
	size_t				 nlevels;
	const struct round_xlsx_row	*rows;
	size_t				 nrows;
};

/*
 * Write the workbook v to path. Returns 0, or ERR_IO (the file could not
 * be written) / ERR_INVALID (too much text for a cell) with e filled.
 */
int	round_xlsx_write(const struct round_xlsx *v, const char *path,
	    struct err *e);

#endif
