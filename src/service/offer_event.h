/*
 * offer_event — the register's rules from the minutes, with role checks,
 * one transaction and an audit record per change:
 *
 * Opt-outs: a municipality's user opts a category 2 offer out for its
 * own municipality with a reason, keeps the opt-out or takes the offer
 * back in; the secretariat asks a municipality to reconsider. Every step
 * is kept; the latest is the decision in force (core/offer_event.h).
 *
 * Events: the secretariat records that an offer is taken over by another
 * operator, taken home by a municipality or closed on a date. The offer's
 * record (operator, status) changes when the date has come — at once for
 * a date passed, later through offer_event_apply_due — as an audited
 * update, so its history shows the change; the register as of a date
 * follows the events. A regional takeover carried out (service/takeover)
 * is recorded as a "hjemtaget" event of its own.
 */
#ifndef RAMME_OFFER_EVENT_SERVICE_H
#define RAMME_OFFER_EVENT_SERVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/offer_event_store.h"

struct err;
struct offer;
struct svc;
struct takeover;

/*
 * Opt-out steps (anyone may read): offer_id > 0 one offer's,
 * municipality (or NULL) one municipality's; by offer, municipality and
 * time.
 */
int	optout_list(struct svc *s, int64_t offer_id, const char *municipality,
	    struct optout_row **out, size_t *n, struct err *e);
/*
 * Record step (an optout step name) of municipality on offer_id with
 * text (a reason or a comment, required). fravalgt, fastholdt and
 * tilvalgt: only a user of that municipality (ERR_FORBIDDEN otherwise);
 * genovervej: only the secretariat. The step must follow the latest one
 * (optout_step_check). 0 or an error with a Danish message; nothing is
 * stored on error.
 */
int	optout_record(struct svc *s, int64_t offer_id,
	    const char *municipality, const char *step, const char *text,
	    struct err *e);

/* Events of one offer (offer_id > 0) or all, by offer and date. */
int	offer_event_list(struct svc *s, int64_t offer_id,
	    struct offer_event_row **out, size_t *n, struct err *e);
/*
 * Record (secretariat only) that offer_id is kind ("overtaget" with
 * to_operator any other organisation, "hjemtaget" with to_operator a
 * municipality, "lukket") on on_date (ISO), with a note (may be NULL).
 * The date must be after the offer's latest event and the offer not
 * closed by then. If on_date is today or earlier the offer's operator
 * and status change now. *id (may be NULL) receives the event.
 */
int	offer_event_record(struct svc *s, int64_t offer_id, const char *kind,
	    const char *on_date, const char *to_operator, const char *note,
	    int64_t *id, struct err *e);
/*
 * Apply every event whose date has come (secretariat or the system),
 * each in its own transaction; *applied receives how many.
 */
int	offer_event_apply_due(struct svc *s, size_t *applied, struct err *e);
/*
 * Inside the caller's write transaction: record regional takeover t,
 * carried out now on offer before (as stored before the change), as an
 * applied "hjemtaget" event. Audited.
 */
int	offer_event_takeover_in_tx(struct svc *s, const struct takeover *t,
	    const struct offer *before, struct err *e);
/*
 * Rewrite the operator and status of offers v[0..n) to what they were
 * on date (ISO) by their events (offers without events are unchanged).
 */
int	offer_event_as_of(struct svc *s, struct offer *v, size_t n,
	    const char *date, struct err *e);

/*
 * The operator of offer_id for the tariffs and accounts of year: the
 * operator in force on 31 December of year by the offer's events (a
 * takeover dated D belongs to the new operator from year(D) on), current
 * (the offer's record, may be NULL) when it has no events. Inside the
 * caller's transaction. *operator receives the code (NULL: none), and
 * *changed (may be NULL) whether the offer ever changed hands; the
 * store's OFFER_EVENT_OPERATOR_SQL is the same rule in SQL.
 */
int	offer_event_operator_of_year(struct svc *s, int64_t offer_id,
	    const char *current, int year, const char **operator,
	    bool *changed, struct err *e);

#endif
