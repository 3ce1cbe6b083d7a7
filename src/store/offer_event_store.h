/*
 * offer_event_store — municipalities' opt-out steps and the dated events
 * of offers (taken over, taken home, closed) in the database. Functions
 * run inside the caller's transaction; the rules are in core/offer_event
 * and service/offer_event.
 */
#ifndef RAMME_OFFER_EVENT_STORE_H
#define RAMME_OFFER_EVENT_STORE_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct err;

/* One step of a municipality's opt-out of an offer. */
struct optout_row {
	int64_t		 id;
	int64_t		 offer_id;
	const char	*offer_name;	/* read only */
	const char	*category;	/* read only: the offer's, or NULL */
	const char	*municipality;	/* organisation code */
	const char	*kind;		/* optout step name */
	const char	*text;		/* reason or comment */
	const char	*created_at;	/* ISO timestamp */
	const char	*created_by;	/* username */
};

/* An offer's event. */
struct offer_event_row {
	int64_t		 id;
	int64_t		 offer_id;
	const char	*offer_name;	/* read only */
	const char	*kind;		/* event kind name */
	const char	*on_date;	/* ISO date it takes effect */
	const char	*from_operator;	/* "" if none */
	const char	*to_operator;	/* "" if none */
	const char	*from_status;	/* offer status API name */
	const char	*to_status;
	const char	*note;
	int64_t		 takeover_id;	/* the regional takeover, or 0 */
	const char	*applied_at;	/* "" until the record changed */
	const char	*created_at;
	const char	*created_by;
};

/*
 * Opt-out steps, oldest first; offer_id > 0 limits to one offer,
 * municipality (or NULL) to one municipality.
 */
int	optout_store_list(struct db *db, struct arena *a, int64_t offer_id,
	    const char *municipality, struct optout_row **out, size_t *n,
	    struct err *e);
/* Insert step r; *id receives its id. */
int	optout_store_insert(struct db *db, const struct optout_row *r,
	    int64_t *id, struct err *e);

/*
 * Events by on_date ascending; offer_id > 0 limits to one offer, due
 * (ISO date or NULL) to those not applied with on_date on or before it.
 */
int	offer_event_store_list(struct db *db, struct arena *a,
	    int64_t offer_id, const char *due, struct offer_event_row **out,
	    size_t *n, struct err *e);
/* Insert event r; *id receives its id. ERR_CONFLICT on a duplicate. */
int	offer_event_store_insert(struct db *db, const struct offer_event_row *r,
	    int64_t *id, struct err *e);
/* Mark event id applied at at. */
int	offer_event_store_applied(struct db *db, int64_t id, const char *at,
	    struct err *e);

/*
 * SQL of the operator of the offer whose id is the column OFFER for the
 * tariffs and accounts of a year, END being a parameter holding that
 * year's 31 December (ISO): the new operator of the latest event on or
 * before END, else the old operator of the first event after it, else
 * the offer's own operator_code (o_code). The rule of
 * offer_event_operator_of_year() in service/offer_event.h, and of the
 * view tariff_current_rows (migration 034) for the kept current tariffs.
 */
#define OFFER_EVENT_OPERATOR_SQL(OFFER, END, O_CODE) \
	"COALESCE((SELECT NULLIF(ev.to_operator, '') FROM offer_event ev" \
	" WHERE ev.offer_id = " OFFER " AND ev.on_date <= " END \
	" ORDER BY ev.on_date DESC, ev.id DESC LIMIT 1)," \
	" (SELECT NULLIF(ev.from_operator, '') FROM offer_event ev" \
	" WHERE ev.offer_id = " OFFER " AND ev.on_date > " END \
	" ORDER BY ev.on_date, ev.id LIMIT 1), " O_CODE ")"

#endif
