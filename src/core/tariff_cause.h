/*
 * tariff_cause — why a published tariff is changed during its year, as
 * the closed list the agreement keeps (the register's rules from the
 * minutes: a tariff change needs its cause recorded), pure (no I/O).
 *
 * Each cause has a stable key (stored, API) and a Danish label (pages).
 * A change names one cause; its free text (begrundelse) may add detail
 * and is required for the cause "andet", which says nothing by itself.
 */
#ifndef RAMME_TARIFF_CAUSE_H
#define RAMME_TARIFF_CAUSE_H

#include <stdbool.h>
#include <stddef.h>

struct err;

/* One cause of a change during the year. */
struct tariff_cause {
	const char	*key;		/* stable key, e.g. "renovering" */
	const char	*label;		/* Danish label for pages */
	bool		 needs_text;	/* the free text is required */
};

/* The number of causes (≥ 1); their order is the order on the page. */
size_t	tariff_cause_count(void);
/* Cause i (i < tariff_cause_count()), never NULL. */
const struct tariff_cause *tariff_cause_at(size_t i);
/* The cause with this key, or NULL (NULL key: NULL). */
const struct tariff_cause *tariff_cause_find(const char *key);
/* The Danish label of key, or NULL when key is not a cause. */
const char	*tariff_cause_label(const char *key);
/*
 * The rule for a change's cause: key must name a cause of the list and
 * text (NULL or "" when none) must be given for a cause that needs it.
 * 0, or ERR_INVALID with key "missing_cause" / "invalid_cause" (field
 * "cause") or "missing_reason" (field "reason") and a Danish message.
 * The length and characters of text are the caller's to check.
 */
int	tariff_cause_check(const char *key, const char *text, struct err *e);

#endif
