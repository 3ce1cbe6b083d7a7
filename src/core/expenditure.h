/*
 * expenditure — the rules of the expenditure development
 * (udgiftsudvikling, minutes March 2014): yearly net expenditure on the
 * specialised social area as accounts or budgets, and its index against
 * a base year (= 100), so North Jutland and the whole country can be
 * compared on one scale.
 *
 * Pure: no I/O, no allocation.
 */
#ifndef RAMME_EXPENDITURE_H
#define RAMME_EXPENDITURE_H

#include <stddef.h>
#include <stdint.h>

struct err;

#define EXPENDITURE_MISSING	INT64_MIN	/* no figure for a year */
#define EXPENDITURE_COUNTRY	"000"		/* area code: hele landet */
#define EXPENDITURE_YEAR_MIN	1990
#define EXPENDITURE_YEAR_MAX	2100
#define EXPENDITURE_INDEX_ONE	10000		/* index 100 in hundredths */

enum expenditure_kind {
	EXPENDITURE_ACCOUNTS = 0,	/* regnskab */
	EXPENDITURE_BUDGET,		/* budget */
	EXPENDITURE_KIND_COUNT
};

/* API names ("accounts", "budget"); "" if unknown. */
const char	*expenditure_kind_name(enum expenditure_kind k);
/* Danish labels ("Regnskab", "Budget"); "" if unknown. */
const char	*expenditure_kind_label(enum expenditure_kind k);
/*
 * Parse an API name or a Danish label, without regard to case
 * ("accounts", "regnskab", "Regnskab", "budget", "Budget"). 0 or -1.
 */
int		 expenditure_kind_parse(const char *s,
		    enum expenditure_kind *out);

/*
 * The index of v[0..n) against v[base]: out[i] = v[i] × 100 / v[base] in
 * hundredths (10000 = 100), rounded half away from zero;
 * EXPENDITURE_MISSING stays missing. Returns 0, or ERR_INVALID (e
 * filled, Danish) when base ≥ n or v[base] is missing or not above 0.
 */
int		 expenditure_index(const int64_t *v, size_t n, size_t base,
		    int64_t *out, struct err *e);
/*
 * The change from a to b in hundredths of a percent (−460 = −4,60 %),
 * rounded half away from zero. Returns 0, or -1 when a ≤ 0 or either is
 * missing.
 */
int		 expenditure_change_bp(int64_t a, int64_t b, int64_t *out);

#endif
