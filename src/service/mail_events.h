/*
 * mail_events — the notices of the changes that exist: a tariff round
 * opened, a submission returned or approved, a meeting's agenda published
 * and its minutes circulated, a yearly submission (indmelding) opened, an
 * indmelding returned or approved, and the joint hearing opened. Each is called by the service making the
 * change, inside its write transaction, and enqueues through
 * mail_notify() (service/mail.h); an error makes the caller roll back.
 */
#ifndef RAMME_MAIL_EVENTS_H
#define RAMME_MAIL_EVENTS_H

#include <stdbool.h>

struct err;
struct ind_sub;
struct ind_year;
struct meeting;
struct submission;
struct svc;
struct tariff_round;

/* Every operator with a submission in the new round r: "opened". */
int	mail_round_opened(struct svc *s, const struct tariff_round *r,
	    struct err *e);
/*
 * The operator of sub, reviewed in round r: returned (with its comment)
 * when returned is true, else approved.
 */
int	mail_submission_reviewed(struct svc *s, const struct submission *sub,
	    const struct tariff_round *r, bool returned, struct err *e);
/* The current members of m's body: the agenda is published. */
int	mail_agenda_published(struct svc *s, const struct meeting *m,
	    struct err *e);
/* The current members of m's body: the draft minutes are circulated. */
int	mail_minutes_circulated(struct svc *s, const struct meeting *m,
	    struct err *e);
/* Every party (municipality and operator) of the new year y: "opened". */
int	mail_ind_opened(struct svc *s, const struct ind_year *y,
	    struct err *e);
/*
 * The party of the indmelding sub of year y: returned (with its comment)
 * when returned is true, else approved.
 */
int	mail_ind_reviewed(struct svc *s, const struct ind_sub *sub,
	    const struct ind_year *y, bool returned, struct err *e);
/* Every party of y, now in the joint hearing: "hearing". */
int	mail_ind_hearing(struct svc *s, const struct ind_year *y,
	    struct err *e);

#endif
