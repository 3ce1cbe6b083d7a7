/*
 * history — the audit rows of one thing as typed records for the pages:
 * when (seconds, UTC), who, what was done (with its Danish label) and
 * which fields changed from what to what, each field with its Danish
 * label. The audit JSON is read here, once, so that no page parses it.
 */
#ifndef RAMME_HISTORY_H
#define RAMME_HISTORY_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct arena;
struct audit_entry;
struct err;
struct svc;

/* One field of the audited JSON that differs between before and after. */
struct history_change {
	const char	*field;		/* JSON key ("minutes", "lines") */
	const char	*label;		/* Danish label ("Referat"); the key
					   when there is none */
	const char	*before;	/* the old value as text (strings as
					   they are, anything else as
					   compact JSON); NULL if absent */
	const char	*after;		/* the new value; NULL if absent */
};

/* One audit row. Strings live in the arena of the call. */
struct history_entry {
	time_t			 at;		/* seconds since 1970, UTC */
	const char		*at_iso;	/* the same, "2026-11-23T10:00:00Z" */
	const char		*who;		/* user name */
	const char		*action;	/* "create", "update", "submit",
						   "minutes", "import:xlsx" ... */
	const char		*action_label;	/* Danish: "Oprettet", "Gemt" */
	struct history_change	*changes;	/* fields that differ, in the
						   order of the after JSON
						   ("version", "updated_at"
						   left out) */
	size_t			 nchanges;
};

/*
 * Turn audit rows v[0..n) (newest first, as audit_list gives them) into
 * typed records in arena a: *out (n entries). Rows whose JSON cannot be
 * read get no changes. Always 0.
 */
int	history_from_audit(struct arena *a, const struct audit_entry *v,
	    int n, struct history_entry **out, size_t *nout);
/*
 * The history of a submission (round_submission_history: who may see
 * it), of an agenda item (meeting_item_history: the secretariat) and of
 * an offer (register_offer_history), newest first, as typed records in
 * the service's arena. 0 or the error of the underlying call.
 */
int	history_submission(struct svc *s, int64_t id,
	    struct history_entry **out, size_t *n, struct err *e);
int	history_item(struct svc *s, int64_t item_id,
	    struct history_entry **out, size_t *n, struct err *e);
int	history_offer(struct svc *s, int64_t id,
	    struct history_entry **out, size_t *n, struct err *e);
/* Danish label of a field of the audited JSON, or NULL if unknown. */
const char *history_field_label(const char *field);

#endif
