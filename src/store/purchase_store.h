/*
 * purchase_store — long-term purchase agreements (købsaftaler) between a
 * buying municipality and an operator about an offer. Functions run
 * inside the caller's transaction; the rules are in service/purchase.
 */
#ifndef RAMME_PURCHASE_STORE_H
#define RAMME_PURCHASE_STORE_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct err;

/* One purchase agreement. */
struct purchase {
	int64_t		 id;
	int64_t		 offer_id;
	const char	*offer_name;	/* read only */
	const char	*buyer;		/* the buying municipality's code */
	const char	*operator;	/* the operator's code */
	const char	*starts_on;	/* ISO date the binding starts */
	int		 binding_years;	/* binding period, whole years */
	const char	*guarantor;	/* code of who gives the idle-capacity
					   guarantee, "" if none */
	const char	*note;
	const char	*created_at;
	const char	*created_by;
};

/*
 * Agreements by start date; offer_id > 0 limits to one offer, buyer (or
 * NULL) to one buying municipality.
 */
int	purchase_store_list(struct db *db, struct arena *a, int64_t offer_id,
	    const char *buyer, struct purchase **out, size_t *n,
	    struct err *e);
/* Insert p; *id receives its id. */
int	purchase_store_insert(struct db *db, const struct purchase *p,
	    int64_t *id, struct err *e);

#endif
