/*
 * takeover — a municipality's takeover of a regional offer under the
 * election-period rule (core/takeover.h): the notice recorded with its
 * date and checked (a late notice is refused and nothing is stored), the
 * takeover date shown, and on that date the offer's operator changed in
 * the register (an audited update of the offer, so its history shows
 * the change). Anyone logged in may read; the secretariat records any
 * municipality's notice, a municipality's user its own; the secretariat
 * (or `ramme takeover apply`) carries out the takeovers that are due.
 */
#ifndef RAMME_TAKEOVER_SERVICE_H
#define RAMME_TAKEOVER_SERVICE_H

#include <stddef.h>
#include <stdint.h>

#include "store/takeover_store.h"

struct err;
struct svc;

/* All takeovers (offer_id 0) or one offer's, newest first. */
int	takeover_list(struct svc *s, int64_t offer_id, struct takeover **out,
	    size_t *n, struct err *e);
/*
 * Record municipality's notice (given on notice_on, not after today) of
 * taking over offer_id. The offer must be run by a region and lie in
 * the municipality; the notice must be in time for its election period
 * and the offer not taken over already in that period (ERR_CONFLICT).
 * *id receives the takeover, *takeover_on (may be NULL) its date.
 * ERR_INVALID with a Danish message and nothing stored otherwise.
 */
int	takeover_notify(struct svc *s, int64_t offer_id,
	    const char *municipality, const char *notice_on, int64_t *id,
	    const char **takeover_on, struct err *e);
/*
 * Carry out takeover id (admin): its date must have come (ERR_CONFLICT
 * otherwise); the offer's operator becomes the municipality, audited on
 * the offer and the takeover. ERR_CONFLICT if already carried out.
 */
int	takeover_apply(struct svc *s, int64_t id, struct err *e);
/*
 * Carry out every takeover due today or earlier (admin or the system),
 * each in its own transaction; *applied receives how many.
 */
int	takeover_apply_due(struct svc *s, size_t *applied, struct err *e);

#endif
