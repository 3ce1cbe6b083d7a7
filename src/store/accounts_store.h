/*
 * accounts_store — the accounts (årsresultat) of offers by year, the
 * surplus or deficit that follows from them, and the operators' set-aside
 * ledger (hensættelser). Functions run inside the caller's transaction;
 * results are copied into the caller's arena.
 */
#ifndef RAMME_ACCOUNTS_STORE_H
#define RAMME_ACCOUNTS_STORE_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct err;

/* The accounts of one offer for one year, as stored. */
struct accounts_row {
	int64_t		 offer_id;
	const char	*offer_name;
	int		 year;		/* the accounting year */
	const char	*operator_code;
	int64_t		 version;	/* bumped when reported again */
	const char	*rule;		/* "setaside" or "carryover" */
	int64_t		 tariff_base_ore; /* takstberegningsgrundlag (or the
					   cost budget under carryover) */
	int64_t		 revenue_ore;	/* actual tariff revenue */
	int64_t		 costs_ore;	/* cost-based accounts */
	int64_t		 result_ore;	/* > 0 surplus, < 0 deficit */
	int64_t		 setaside_ore;	/* kept by the operator */
	int64_t		 deficit_covered_ore; /* covered from set-asides */
	int64_t		 to_tariff_ore;	/* into the tariff of tariff_year
					   (< 0 lowers it) */
	int		 tariff_year;
	int		 setaside_expires_year; /* 0 if nothing is kept */
	int64_t		 occupied_days;	/* place-days, -1 if not given */
	int64_t		 available_days; /* place-days, -1 if not given */
	const char	*reported_at;
	const char	*reported_by;
};

/* A ledger entry as stored. */
struct setaside_row {
	int64_t		 offer_id;
	int		 year;
	const char	*kind;		/* "create", "use", "expire" */
	int64_t		 amount_ore;	/* > 0 */
	int		 expires_year;	/* create; else 0 */
	int		 origin_year;	/* use, expire; 0 = oldest first */
	int		 accounts_year;
};

/* The sum that accounts direct into tariff_year for one offer. */
struct accounts_carry {
	int64_t	offer_id;
	int64_t	to_tariff_ore;
};

/* The actual occupancy of an offer in a year, as place-days. */
struct accounts_occupancy {
	int64_t	offer_id;
	int	year;
	int64_t	occupied_days;
	int64_t	available_days;
};

/* One offer's accounts for year; ERR_NOT_FOUND if none. */
int	accounts_store_get(struct db *db, struct arena *a, int64_t offer_id,
	    int year, struct accounts_row *out, struct err *e);
/* Insert or replace (bumping the version) the accounts in r. */
int	accounts_store_put(struct db *db, const struct accounts_row *r,
	    struct err *e);
/*
 * Accounts by offer (0: all), year (0: all) and operator (NULL: all),
 * newest year first.
 */
int	accounts_store_list(struct db *db, struct arena *a, int64_t offer_id,
	    int year, const char *operator_code, struct accounts_row **out,
	    size_t *n, struct err *e);
/*
 * What the accounts direct into the tariffs of tariff_year, summed per
 * offer (of one offer when offer_id is not 0). One query.
 */
int	accounts_store_carry(struct db *db, struct arena *a, int tariff_year,
	    int64_t offer_id, struct accounts_carry **out, size_t *n,
	    struct err *e);
/*
 * The actual occupancy reported for the years first..last, of one offer
 * or all (offer_id 0). One query.
 */
int	accounts_store_occupancy(struct db *db, struct arena *a, int first,
	    int last, int64_t offer_id, struct accounts_occupancy **out,
	    size_t *n, struct err *e);
/* The ledger of an operator, by year, deposits before uses. */
int	accounts_store_ledger(struct db *db, struct arena *a,
	    const char *operator_code, struct setaside_row **out, size_t *n,
	    struct err *e);
/* Remove the ledger entries one offer's accounts for a year made. */
int	accounts_store_ledger_clear(struct db *db, int64_t offer_id,
	    int accounts_year, struct err *e);
/* Add a ledger entry for operator_code. */
int	accounts_store_ledger_add(struct db *db, const char *operator_code,
	    const struct setaside_row *r, const char *at, struct err *e);

#endif
