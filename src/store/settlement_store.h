/*
 * settlement_store — the post-adjustments of secure institutions in the
 * database: one row per institution, year and version, with the shares
 * of the municipalities and the key values used.
 */
#ifndef RAMME_SETTLEMENT_STORE_H
#define RAMME_SETTLEMENT_STORE_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct err;

/* One municipality's share. */
struct settlement_share {
	const char	*org_code;
	const char	*org_name;	/* as registered */
	int64_t		 weight;	/* the key value used (inhabitants,
					   children, ...) */
	int64_t		 amount_ore;	/* > 0 pays, < 0 gets back */
};

/* One version of a settlement. */
struct settlement {
	int64_t			 id;
	int64_t			 offer_id;
	const char		*offer_name;
	const char		*operator_code;
	const char		*operator_name;
	int			 year;		/* the settled year */
	int			 version;	/* 1, 2, ... */
	int			 nversions;	/* versions of offer and year */
	int64_t			 places_centi;	/* hundredths */
	int64_t			 day_basis;	/* days in the year */
	int64_t			 assumed_bp;	/* assumed occupancy, bp */
	int64_t			 rounding_ore;	/* tariff multiple */
	int64_t			 cost_ore;	/* the year's cost */
	const char		*cost_source;	/* "accounts" or "entered" */
	int64_t			 occupied_days;	/* place-days */
	int64_t			 tariff_ore;	/* day tariff */
	int64_t			 billed_ore;	/* occupied days × tariff */
	int64_t			 difference_ore; /* cost − billed */
	int64_t			 key_id;	/* the key used (sharing_key),
						   0 for weights entered */
	const char		*key_kind;	/* the key's kind ("children",
						   "population", "other") or
						   "entered" */
	const char		*key_label;	/* Danish: the key's title and
						   snapshot date */
	const char		*reason;	/* why this version; NULL for 1 */
	const char		*created_by;	/* username */
	const char		*created_at;	/* ISO timestamp */
	struct settlement_share	*shares;	/* by organisation name */
	size_t			 nshares;
};

/*
 * Insert s as the next version of (offer, year) with its shares, inside
 * the caller's write transaction; s->version is the caller's (the latest
 * stored + 1). *id receives the new row's id.
 */
int	settlement_store_insert(struct db *db, const struct settlement *s,
	    int64_t *id, struct err *e);
/* The latest version number of offer and year, 0 if none. */
int	settlement_store_latest(struct db *db, int64_t offer_id, int year,
	    int *version, struct err *e);
/*
 * The latest version of every settlement, newest year first, without
 * shares; operator_code (if not NULL) keeps only that operator's
 * institutions. share_org (if not NULL) fills each row's shares with
 * that organisation's share only.
 */
int	settlement_store_list(struct db *db, struct arena *a,
	    const char *operator_code, const char *share_org,
	    struct settlement **out, size_t *n, struct err *e);
/* One version by id with its shares; ERR_NOT_FOUND if none. */
int	settlement_store_get(struct db *db, struct arena *a, int64_t id,
	    struct settlement *out, struct err *e);
/* The ids of every version of offer and year, oldest first. */
int	settlement_store_versions(struct db *db, struct arena *a,
	    int64_t offer_id, int year, int64_t **ids, size_t *n,
	    struct err *e);

#endif
