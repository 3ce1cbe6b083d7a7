/*
 * purchase — long-term purchase agreements (købsaftaler): a buying
 * municipality binds itself to buy places of an offer from its operator
 * for a number of years (the minutes name 15), and one of the two parties
 * may give the idle-capacity guarantee (tomgangsgaranti). Anyone may
 * read; the secretariat records any agreement, a municipality's user its
 * own municipality's; one transaction and an audit record each.
 */
#ifndef RAMME_PURCHASE_SERVICE_H
#define RAMME_PURCHASE_SERVICE_H

#include <stddef.h>
#include <stdint.h>

#include "store/purchase_store.h"

struct err;
struct svc;

#define PURCHASE_YEARS_MAX	50	/* longest binding period, years */

/* Agreements of one offer (offer_id > 0) and/or one buyer (or NULL). */
int	purchase_list(struct svc *s, int64_t offer_id, const char *buyer,
	    struct purchase **out, size_t *n, struct err *e);
/*
 * Record that buyer (a municipality) buys places of offer_id from its
 * operator (the offer's, as stored) from starts_on (ISO) for years
 * (decimal text, 1..PURCHASE_YEARS_MAX); guarantor is "buyer",
 * "operator" or "" / NULL (no idle-capacity guarantee); note may be NULL.
 * *id (may be NULL) receives the agreement. ERR_FORBIDDEN unless the
 * secretariat or the buyer's own user; ERR_INVALID with a Danish message
 * and the field otherwise.
 */
int	purchase_record(struct svc *s, int64_t offer_id, const char *buyer,
	    const char *starts_on, const char *years, const char *guarantor,
	    const char *note, int64_t *id, struct err *e);

#endif
