/*
 * round_bulk — many submissions of a round at once: an operator submits
 * all its submissions that are ready, the secretariat approves all that
 * are submitted. Each submission moves in its own transaction with its
 * own audit record, exactly as round_submission_act() moves one, so a
 * submission that cannot move leaves the others moved.
 */
#ifndef RAMME_ROUND_BULK_H
#define RAMME_ROUND_BULK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct err;
struct submission;
struct svc;

enum round_bulk {
	ROUND_BULK_SUBMIT,	/* drafts and returned → submitted */
	ROUND_BULK_APPROVE	/* submitted → approved (secretariat) */
};

/* One submission the bulk action concerns. */
struct round_bulk_item {
	const struct submission	*sub;
	bool			 ready;	/* will move */
	const char		*why;	/* Danish: why not, when !ready */
};

/*
 * What the bulk action what would do in round_id: the submissions it
 * concerns (submit: drafts and returned ones the user may edit, of
 * operator_code when not NULL; approve: submitted ones, admin only),
 * each ready or with why not (no lines, a tariff not computed, reasons
 * missing, the deadline passed). *out in the arena; *nready counts the
 * ready ones. 0, ERR_FORBIDDEN, ERR_NOT_FOUND.
 */
int	round_bulk_plan(struct svc *s, int64_t round_id, enum round_bulk what,
	    const char *operator_code, struct round_bulk_item **out,
	    size_t *n, size_t *nready, struct err *e);
/*
 * Do the bulk action: every ready submission of the plan is submitted
 * or approved through round_submission_act() (own transaction and
 * audit). *done receives the number moved, *failed the number that
 * could not move after all (changed meanwhile). Returns 0, or the error
 * of the plan, or ERR_CONFLICT "nothing_ready" when none is ready.
 */
int	round_bulk_act(struct svc *s, int64_t round_id, enum round_bulk what,
	    const char *operator_code, int *done, int *failed, struct err *e);

#endif
