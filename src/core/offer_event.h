/*
 * offer_event — the register's rules from the minutes about an offer's
 * life and coverage, pure (no I/O, dates as ISO text, no clock):
 *
 * Opt-outs (fravalg): an offer covered by the agreement in category 2 may
 * be opted out by a municipality, with its reason; the secretariat may
 * ask the municipality to reconsider; the municipality keeps the opt-out
 * or takes the offer back in. Category 1 offers cover every municipality.
 * The latest step of a municipality's history is the decision in force.
 *
 * Events: an offer changes hands or closes on a date — overtaget (another
 * operator takes it over), hjemtaget (a municipality takes it home),
 * lukket (closed). Each keeps the operator and status before and after,
 * so the offer as of any date follows from its events.
 */
#ifndef RAMME_OFFER_EVENT_H
#define RAMME_OFFER_EVENT_H

#include <stdbool.h>
#include <stddef.h>

struct err;

enum optout_step {
	OPTOUT_FRAVALGT,	/* the municipality opts the offer out */
	OPTOUT_GENOVERVEJ,	/* the secretariat asks it to reconsider */
	OPTOUT_FASTHOLDT,	/* the municipality keeps its opt-out */
	OPTOUT_TILVALGT,	/* the municipality takes the offer back in */
	OPTOUT_STEP_COUNT
};

enum offer_event_kind {
	OFFER_EVENT_OVERTAGET,	/* taken over by another operator */
	OFFER_EVENT_HJEMTAGET,	/* taken home by a municipality */
	OFFER_EVENT_LUKKET,	/* closed */
	OFFER_EVENT_KIND_COUNT
};

#define OPTOUT_TEXT_MAX	2000	/* code points of a reason or comment */

/* Stored names ("fravalgt", …) and Danish labels ("Fravalgt", …). */
const char	*optout_step_name(enum optout_step s);
const char	*optout_step_label(enum optout_step s);
int		 optout_step_parse(const char *s, enum optout_step *out);
const char	*offer_event_kind_name(enum offer_event_kind k);
const char	*offer_event_kind_label(enum offer_event_kind k);
int		 offer_event_kind_parse(const char *s,
		    enum offer_event_kind *out);

/*
 * May step follow the municipality's latest step (last, or -1 when it
 * has none) on an offer of category (NULL: none) and coverage covered?
 * by_secretariat: the secretariat takes the step, else the municipality.
 * 0, or ERR_INVALID / ERR_CONFLICT / ERR_FORBIDDEN with a Danish message
 * saying why not (key e.g. "optout_not_category2").
 */
int		 optout_step_check(enum optout_step step, int last,
		    const char *category, bool covered, bool by_secretariat,
		    struct err *e);
/*
 * Is the offer covered for a municipality whose latest opt-out step is
 * last (-1: none)? Not covered by the agreement: false; category 2 with
 * an opt-out in force (fravalgt, genovervej, fastholdt): false.
 */
bool		 optout_covers(bool covered, const char *category, int last);

/* One event as the rules see it. Strings borrowed. */
struct offer_event_state {
	const char	*on_date;	/* ISO date it takes effect */
	const char	*from_operator;	/* "" if none */
	const char	*to_operator;
	const char	*from_status;	/* offer status API name */
	const char	*to_status;
};

/*
 * The operator and status of an offer as of date (ISO) from its events
 * v[0..n) sorted by on_date ascending: after the latest event on or
 * before date; before the first event its from_* values; with no events
 * *operator and *status are left as they are (the offer's record).
 */
void		 offer_event_state_at(const struct offer_event_state *v,
		    size_t n, const char *date, const char **operator,
		    const char **status);

#endif
