/*
 * param_store — stored overrides of the agreement parameters, by year.
 * Functions run inside the caller's transaction.
 */
#ifndef RAMME_PARAM_STORE_H
#define RAMME_PARAM_STORE_H

#include <stdint.h>

struct agreement_params;
struct arena;
struct db;
struct err;

/* One stored override. */
struct param_row {
	const char	*key;
	int64_t		 value;		/* in the parameter's unit */
	const char	*reason;	/* or NULL */
	const char	*updated_at;
};

/*
 * Apply the stored overrides of year to *p (which holds the defaults).
 * An override that no longer passes params_set() is an error.
 */
int	param_store_apply(struct db *db, int year, struct agreement_params *p,
	    struct err *e);
/* The stored overrides of year, in a. */
int	param_store_list(struct db *db, struct arena *a, int year,
	    struct param_row **out, int *n, struct err *e);
/* Store (or replace) the override of key in year. */
int	param_store_put(struct db *db, int year, const char *key,
	    int64_t value, const char *reason, const char *at, struct err *e);
/* Remove the override of key in year (back to the default). */
int	param_store_delete(struct db *db, int year, const char *key,
	    struct err *e);

#endif
