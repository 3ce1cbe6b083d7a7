/*
 * startup — the start-up costs of a new offer as use cases: the
 * secretariat or the offer's operator records an amount in øre, the
 * first tariff year, the number of years and what the costs cover; each
 * year's share (core/startup) is added by the tariff rounds to the cost
 * base of the offer's first service line. One transaction and an audit
 * record per change; anyone may read.
 */
#ifndef RAMME_STARTUP_SERVICE_H
#define RAMME_STARTUP_SERVICE_H

#include <stddef.h>
#include <stdint.h>

#include "store/startup_store.h"

struct err;
struct svc;

/* Start-up costs of one offer (offer_id > 0) or all, by offer and year. */
int	startup_list(struct svc *s, int64_t offer_id,
	    struct startup_row **out, size_t *n, struct err *e);
/*
 * Record the start-up costs of offer_id: amount_ore (øre, > 0) spread
 * over years tariff years from first_year, with text (what they cover,
 * required). The secretariat, or a user of the offer's operator for
 * first_year (offer_event_operator_of_year); ERR_FORBIDDEN otherwise.
 * The checks of startup_check(); an offer that is deleted is
 * ERR_NOT_FOUND. *id (may be NULL) receives the new row's id. Rounds
 * add the share when a submission's lines are next computed.
 */
int	startup_record(struct svc *s, int64_t offer_id, int64_t amount_ore,
	    int first_year, int years, const char *text, int64_t *id,
	    struct err *e);
/*
 * Inside the caller's transaction: the share in øre of offer_id's
 * start-up costs in the tariff of year (the sum over its costs, 0 when
 * none), and in *rows and *n (either may be NULL) the costs with a share.
 */
int	startup_share_in_tx(struct svc *s, int64_t offer_id, int year,
	    int64_t *share_ore, struct startup_row **rows, size_t *n,
	    struct err *e);

#endif
