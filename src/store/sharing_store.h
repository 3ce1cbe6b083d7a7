/*
 * sharing_store — keys (fordelingsnøgler) with a value per
 * municipality, and allocations of a pool by a key: versions, each with
 * the key as used and the shares. Functions run inside the caller's
 * transaction; results are copied into the caller's arena.
 */
#ifndef RAMME_SHARING_STORE_H
#define RAMME_SHARING_STORE_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct err;

/* One municipality's value of a key, or its share of an allocation. */
struct sharing_value {
	const char	*org_code;
	const char	*org_name;	/* read only; NULL when writing */
	int64_t		 weight;	/* key value (persons, children,
					   participants, ...), ≥ 0 */
	int64_t		 amount_ore;	/* allocations: the share; keys: 0 */
};

/* A key as stored. */
struct sharing_key_row {
	int64_t			 id;
	const char		*name;		/* short unique name */
	const char		*title;		/* Danish title */
	const char		*kind;		/* population, children, other */
	const char		*snapshot_date;	/* YYYY-MM-DD */
	const char		*source;	/* or NULL */
	const char		*created_at;
	const char		*created_by;
	const char		*updated_at;
	int64_t			 total;		/* Σ values */
	size_t			 nvalues;	/* municipalities with a value */
	struct sharing_value	*values;	/* by code; NULL in lists */
};

/* One version of an allocation as stored. */
struct allocation_row {
	int64_t			 id;
	int			 version;
	int			 current_version;
	const char		*title;
	const char		*purpose;	/* secretariat, objective_financing,
						   closure_deficit, event, other */
	int			 year;		/* the year invoiced */
	int64_t			 pool_ore;	/* > 0 */
	int64_t			 unit_ore;	/* 100: whole kroner */
	int64_t			 price_ore;	/* per participant, 0 if none */
	int64_t			 key_id;	/* 0: weights given directly */
	const char		*key_title;	/* the key as used */
	const char		*key_kind;	/* ... or participants */
	const char		*key_snapshot_date;
	const char		*reason;	/* correction; NULL in version 1 */
	const char		*created_at;
	const char		*created_by;
	int64_t			 weight_total;	/* Σ weights of the shares */
	struct sharing_value	*shares;	/* by code; NULL in lists */
	size_t			 nshares;
};

/* Keys, by title, with totals and counts but no values. */
int	sharing_store_keys(struct db *db, struct arena *a,
	    struct sharing_key_row **out, size_t *n, struct err *e);
/* One key with its values; ERR_NOT_FOUND if none. */
int	sharing_store_key_get(struct db *db, struct arena *a, int64_t id,
	    struct sharing_key_row *out, struct err *e);
/*
 * Insert k with its values (k->values[0..nvalues)); *id is the new id.
 * ERR_CONFLICT "key_exists" when the name is taken.
 */
int	sharing_store_key_add(struct db *db, const struct sharing_key_row *k,
	    int64_t *id, struct err *e);
/* Replace the values (and snapshot date, source) of key k->id. */
int	sharing_store_key_replace(struct db *db,
	    const struct sharing_key_row *k, const char *at, struct err *e);

/*
 * Store version r->version of allocation r->id (r->id 0 and version 1:
 * a new allocation, *id set) with its shares, and make it current.
 */
int	sharing_store_allocation_put(struct db *db,
	    const struct allocation_row *r, int64_t *id, struct err *e);
/*
 * Version `version` of allocation id (0: the current one) with its
 * shares; ERR_NOT_FOUND if none.
 */
int	sharing_store_allocation_get(struct db *db, struct arena *a,
	    int64_t id, int version, struct allocation_row *out,
	    struct err *e);
/* Every version of allocation id, newest first, without shares. */
int	sharing_store_allocation_versions(struct db *db, struct arena *a,
	    int64_t id, struct allocation_row **out, size_t *n,
	    struct err *e);
/*
 * The current version of every allocation, by year (0: all) and
 * purpose (NULL: all), newest first, without shares.
 */
int	sharing_store_allocations(struct db *db, struct arena *a, int year,
	    const char *purpose, struct allocation_row **out, size_t *n,
	    struct err *e);

/* One invoice line: a municipality's share in a current allocation. */
struct invoice_row {
	int64_t		 allocation_id;
	int		 version;
	const char	*title;
	const char	*purpose;
	int		 year;
	const char	*org_code;
	const char	*org_name;
	int64_t		 weight;
	int64_t		 weight_total;
	const char	*key_title;
	int64_t		 amount_ore;
	const char	*created_at;	/* of the version */
};

/*
 * The shares in current allocation versions of org_code (NULL: every
 * municipality) in year (0: all) of allocation_id (0: all), by
 * municipality, year, id.
 */
int	sharing_store_invoices(struct db *db, struct arena *a,
	    const char *org_code, int year, int64_t allocation_id,
	    struct invoice_row **out, size_t *n, struct err *e);

#endif
