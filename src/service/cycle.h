/*
 * cycle — the annual cycle (årshjul) as the users see it: the steps of
 * a calendar year from the stored rules (core/cycle), each joined to
 * what it belongs to and given a status; the secretariat's changes to
 * the rules (each audited with its reason); the default rules written
 * at `ramme init` and `ramme migrate`; the steps a user's organisation
 * must act on soon.
 *
 * Joining a step to what it belongs to is the job of one resolver per
 * step kind, in the table `resolvers[]` in cycle.c:
 *
 *	{ "tariff_round_deadline", resolve_round },
 *
 * A resolver gets the step with its date from the rules and may set the
 * status, move the date to the real one (a round's deadline, the day of
 * a meeting), and give a link, a label and a detail. It reads through
 * the other services as the system (status and names only; the link is
 * given only when the acting user may open it), so a new capability
 * joins its steps by adding one function and one row. A kind without a
 * resolver shows its date from the rules with the status planned, or
 * overdue once the date has passed.
 */
#ifndef RAMME_SERVICE_CYCLE_H
#define RAMME_SERVICE_CYCLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cycle.h"

struct audit_entry;
struct cycle_rule_row;
struct err;
struct svc;

enum cycle_status {
	CYCLE_PLANNED = 0,	/* Planlagt: ahead, nothing open yet */
	CYCLE_OPEN,		/* Åben: under way (a round open, a meeting
				   called) */
	CYCLE_DONE,		/* Afsluttet */
	CYCLE_OVERDUE,		/* Overskredet: the date passed, not done */
	CYCLE_NOT_APPLICABLE,	/* Ikke aktuel: what the step is about does
				   not exist in the year (no reinforced
				   cooperation), and its date has passed */
	CYCLE_STATUS_COUNT
};

/* One step of a year as shown. Strings live in the service's arena. */
struct cycle_item {
	char			 date[11];	/* ISO; the real date when
						   joined */
	char			 planned[11];	/* ISO, from the rules */
	const char		*kind;
	const char		*title;		/* Danish */
	enum cycle_party	 party;
	enum cycle_status	 status;
	const char		*href;		/* what it belongs to, or NULL */
	const char		*link_label;	/* Danish name of that, or NULL */
	const char		*detail;	/* "7 af 11 driftsherrer har
						   indsendt", or NULL */
};

/*
 * A resolver: join item (of calendar year, today ISO) to what it
 * belongs to. Reads with sys (the system principal, the caller's
 * arena); who is the acting user, to decide on the link. Returns 0, or
 * a service's error (the whole year view then fails).
 */
struct cycle_resolve_ctx {
	struct svc		*sys;
	const struct principal	*who;
	int			 year;
	const char		*today;
	void			*cache;		/* the resolvers' shared reads */
};
typedef int (*cycle_resolver_fn)(struct cycle_resolve_ctx *c,
    struct cycle_item *item, struct err *e);

/*
 * API names ("planned", "open", "done", "overdue", "not_applicable") and
 * Danish labels.
 */
const char	*cycle_status_name(enum cycle_status s);
const char	*cycle_status_label(enum cycle_status s);

/*
 * The steps of calendar year, joined and with their status as of the
 * service's day, sorted by date. Everyone may read them. ERR_INVALID
 * for a year outside CYCLE_YEAR_MIN..MAX.
 */
int	cycle_year(struct svc *s, int year, struct cycle_item **out,
	    size_t *n, struct err *e);
/*
 * The steps from..to (ISO, inclusive; at most two calendar years) that
 * the acting user's organisation must act on and are not done, sorted
 * by date: the secretariat every step; an operator the operators' and
 * all parties' steps; a municipality the municipalities', the councils'
 * and all parties' steps; a reader none.
 */
int	cycle_due(struct svc *s, const char *from, const char *to,
	    struct cycle_item **out, size_t *n, struct err *e);
/* Every stored rule version, by kind then year. */
int	cycle_rules(struct svc *s, struct cycle_rule_row **out, size_t *n,
	    struct err *e);
/*
 * Save a rule version (admin): r->id 0 adds one (a new kind, or a kind
 * changing from r->from_year on), else changes rule r->id. The rule is
 * checked (cycle_rule_validate) and the whole set with it
 * (cycle_rules_check); reason is required (1..CYCLE_REASON_MAX code
 * points). One transaction with an audit record (entity "cycle_rule",
 * id the kind). *id receives the rule's id.
 */
int	cycle_rule_save(struct svc *s, const struct cycle_rule *r,
	    const char *reason, int64_t *id, struct err *e);
/*
 * Retire kind from year on (admin): adds a retired version (or turns
 * the version of that year into one). Audited with reason.
 */
int	cycle_rule_retire(struct svc *s, const char *kind, int year,
	    const char *reason, struct err *e);
/* The audit history of kind's rules, newest first (admin). */
int	cycle_rule_history(struct svc *s, const char *kind,
	    struct audit_entry **out, int *n, struct err *e);
/*
 * Write the default rules (core/cycle.c) when no rule is stored; *n
 * receives how many were written (0 when rules exist). Audited.
 */
int	cycle_seed_defaults(struct svc *s, int *n, struct err *e);

#endif
