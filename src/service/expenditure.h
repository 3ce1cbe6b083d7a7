/*
 * expenditure — the expenditure development (udgiftsudvikling): yearly
 * net expenditure on the specialised social area of the municipalities,
 * the region and the whole country, loaded from CSV, and the figures the
 * page shows: North Jutland (the sum of its municipalities) against the
 * whole country, as accounts and budgets.
 *
 * The CSV file (as exported from Danmarks Statistik's or KL's tables and
 * saved from Excel: ';' or ',', UTF-8 or Windows-1252, see report/csv.h)
 * has one figure per row and a header naming the columns, in any order
 * and without regard to case:
 *   Område   an area: a municipality or the region by name or official
 *            code as in the register, or "Hele landet" (code 000)
 *   Art      Regnskab or Budget
 *   År       the year (1990–2100)
 *   Nettoudgift (1.000 kr.)  or  Nettoudgift (kr.)
 *            the net expenditure, Danish or plain digits, may be
 *            negative ("1.234.567", "1234567", "-12,5")
 * Other columns are an error. Loading is all or nothing: every row is
 * checked, the errors listed with their lines, and nothing is stored
 * unless all rows are good; a figure already stored for the same area,
 * kind and year is replaced. One audit record per load.
 */
#ifndef RAMME_EXPENDITURE_SVC_H
#define RAMME_EXPENDITURE_SVC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/expenditure.h"

struct err;
struct svc;

#define EXPENDITURE_MAX_ERRORS	50	/* errors listed before giving up */
#define EXPENDITURE_YEARS_MAX	40	/* years shown */

/* What a load did, or what is wrong with the file. */
struct expenditure_report {
	int		 rows;		/* figures stored */
	int		 nerrors;	/* rows with errors (nothing stored) */
	struct err	*errors;	/* [nerrors], line set, Danish */
};

/* One area's figures by year (view->years), EXPENDITURE_MISSING if none. */
struct expenditure_area {
	const char	*code;
	const char	*name;
	bool		 municipality;	/* counts in North Jutland */
	int64_t		*net[EXPENDITURE_KIND_COUNT];	/* øre */
};

/* Everything the page shows. */
struct expenditure_view {
	int			*years;		/* ascending */
	size_t			 nyears;
	struct expenditure_area	 north;		/* the municipalities' sum
						   (missing for a year when
						   one lacks a figure) */
	struct expenditure_area	 country;	/* hele landet */
	struct expenditure_area	*areas;		/* municipalities, then the
						   region, by name */
	size_t			 nareas;
};

/*
 * Load the CSV bytes data[0..len) (named source, for the record; may be
 * NULL) as above. Admin only. Returns 0 with rep->rows; ERR_INVALID with
 * rep->errors (at most EXPENDITURE_MAX_ERRORS) and e summarising;
 * ERR_TOO_LARGE over the caps of report/csv.h; ERR_FORBIDDEN.
 */
int	expenditure_import(struct svc *s, const char *data, size_t len,
	    const char *source, struct expenditure_report *rep,
	    struct err *e);
/* The stored figures as a view (anyone may read). */
int	expenditure_view(struct svc *s, struct expenditure_view *out,
	    struct err *e);

#endif
