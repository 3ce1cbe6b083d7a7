/*
 * expenditure_store — yearly net expenditure by area (an organisation's
 * code, or "000" for the whole country), kind and year.
 */
#ifndef RAMME_EXPENDITURE_STORE_H
#define RAMME_EXPENDITURE_STORE_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct err;

/* One figure. */
struct expenditure_row {
	const char	*area_code;	/* organisation code or "000" */
	const char	*kind;		/* "accounts" or "budget" */
	int		 year;
	int64_t		 net_ore;	/* net expenditure, øre */
};

/*
 * Insert or replace r (same area, kind and year), inside the caller's
 * write transaction, with its source (file name, or NULL) and who and
 * when.
 */
int	expenditure_store_put(struct db *db, const struct expenditure_row *r,
	    const char *source, const char *by, const char *at,
	    struct err *e);
/* Every figure, by area, kind and year. */
int	expenditure_store_list(struct db *db, struct arena *a,
	    struct expenditure_row **out, size_t *n, struct err *e);

#endif
