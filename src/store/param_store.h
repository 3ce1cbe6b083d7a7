/*
 * param_store — stored overrides of the agreement parameters, by year.
 * A row overrides its own year; a row stored "onward" also every later
 * year, until the next row of the same key (a later year's own row for
 * that year, or a later onward row from its year on). Functions run
 * inside the caller's transaction.
 */
#ifndef RAMME_PARAM_STORE_H
#define RAMME_PARAM_STORE_H

#include <stdbool.h>
#include <stdint.h>

struct agreement_params;
struct arena;
struct db;
struct err;

/* One stored override. */
struct param_row {
	int		 year;		/* the year it was stored for */
	bool		 onward;	/* also every later year */
	const char	*key;
	int64_t		 value;		/* in the parameter's unit */
	const char	*reason;	/* or NULL */
	const char	*updated_at;
};

/*
 * Apply the overrides in force in year to *p (which holds the
 * defaults): of each key the latest onward row of an earlier year, then
 * the year's own rows. An override that no longer passes params_set()
 * is an error.
 */
int	param_store_apply(struct db *db, int year, struct agreement_params *p,
	    struct err *e);
/*
 * The same without the year's own rows: what year would be without
 * them (the value a row of year only would repeat).
 */
int	param_store_inherit(struct db *db, int year,
	    struct agreement_params *p, struct err *e);
/* The overrides in force in year (own and inherited), by key, in a. */
int	param_store_list(struct db *db, struct arena *a, int year,
	    struct param_row **out, int *n, struct err *e);
/*
 * Store (or replace) the override of key in year; onward: from year on
 * (see above), else for year only.
 */
int	param_store_put(struct db *db, int year, const char *key,
	    int64_t value, bool onward, const char *reason, const char *at,
	    struct err *e);
/* Remove the override of key in year (back to the default). */
int	param_store_delete(struct db *db, int year, const char *key,
	    struct err *e);

#endif
