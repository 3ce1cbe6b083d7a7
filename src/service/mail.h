/*
 * mail — e-mail notifications as use cases: a change enqueues its mails
 * in its own transaction (mail_notify), users keep their address and
 * choose the kinds they want, the secretariat follows the outbox and
 * retries or cancels a mail, and a periodic tick enqueues the reminders
 * before and after a deadline once per deadline and user. Sending is the
 * background sender's (service/mailer.h).
 *
 * Recipients are resolved when the mail is enqueued: the active users of
 * the organisation concerned (or the secretariat, or the members of a
 * body) with an address who have not turned the kind off. Each recipient
 * gets a row of its own with a unique Message-ID.
 */
#ifndef RAMME_MAIL_H
#define RAMME_MAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/notice.h"
#include "store/outbox_store.h"

struct err;
struct svc;

/* A notification, as a service describes the change it makes. */
struct mail_notice {
	enum notice_kind kind;
	const char	*about;		/* entity: "tariff_round", "submission",
					   "meeting", "hearing" ... */
	int64_t		 about_id;
	const char	*org_code;	/* recipients: this organisation's
					   users; NULL: the secretariat's */
	int64_t		 body_id;	/* > 0: instead, the current members
					   of this body with a login */
	const char	*subject;	/* Danish, one line, ≤ 200 characters */
	const char	*text;		/* Danish, plain text, "\n" lines; the
					   link and the footer are added when
					   the mail is sent */
	const char	*path;		/* the page concerned, "/indberetning/7" */
	const char	*key;		/* NULL, or a key that makes the notice
					   once per recipient
					   ("reminder:tariff_round:7:2026-09-01") */
};

/*
 * Enqueue n for its recipients INSIDE the caller's open write
 * transaction, so that the mails exist exactly when the change commits.
 * *queued (may be NULL) receives the mails written (0 when nobody wants
 * it, or a keyed notice already went to everyone). Returns 0, ERR_INVALID
 * for a bad notice (a programming error: the caller rolls back), or a
 * store error. No role check: the caller's service has made it.
 */
int	mail_notify(struct svc *s, const struct mail_notice *n, int *queued,
	    struct err *e);

/* A user's address and choices. */
struct mail_settings {
	int64_t		 user_id;
	const char	*username;
	const char	*email;			/* NULL: none */
	bool		 on[NOTICE_KIND_COUNT];	/* the kinds wanted */
};

/*
 * The settings of user_id: the user's own, or anyone's for the
 * secretariat (ERR_FORBIDDEN otherwise, ERR_NOT_FOUND for no such user).
 */
int	mail_settings_get(struct svc *s, int64_t user_id,
	    struct mail_settings *out, struct err *e);
/*
 * Save in->email (trimmed; NULL or "" removes the address; else checked
 * by notice_email_check) and in->on for in->user_id, with the same rights
 * as mail_settings_get, in one transaction with an audit record. Nothing
 * changes on error.
 */
int	mail_settings_set(struct svc *s, const struct mail_settings *in,
	    struct err *e);

#define MAIL_PAGE	50	/* mails per page of the outbox */

/* The outbox, newest first (secretariat). state NULL: all. page ≥ 1. */
struct mail_outbox {
	struct outbox_row	*rows;
	size_t			 n;
	int64_t			 total;		/* in the state asked */
	int64_t			 counts[5];	/* queued, sending, sent,
						   failed, cancelled */
};
int	mail_outbox_list(struct svc *s, const char *state, int page,
	    struct mail_outbox *out, struct err *e);
/*
 * The number of mails in each state (queued, sending, sent, failed,
 * cancelled) for monitoring: counts only, so no role is checked; the
 * caller (/metrics) decides who sees them.
 */
int	mail_outbox_counts(struct svc *s, int64_t counts[5], struct err *e);
int	mail_outbox_get(struct svc *s, int64_t id, struct outbox_row *out,
	    struct err *e);
/* Send a queued or failed mail again now, attempts from zero (audited). */
int	mail_outbox_retry(struct svc *s, int64_t id, struct err *e);
/* Cancel a queued or failed mail (audited). */
int	mail_outbox_cancel(struct svc *s, int64_t id, struct err *e);
/* "queued" → "I kø" and the badge's tone (enum ui_tone's order is the
   page's business: 0 info, 1 success, 2 warning, 3 error, 4 neutral). */
const char *mail_state_label(const char *state, int *tone);

/*
 * The reminders (secretariat or the system), in one transaction, each
 * once per deadline and recipient: a reminder reminder_days days (the
 * agreement parameter of the deadline's year, 7 by default) before the
 * deadline and a notice the day after it (for deadlines at most 30 days
 * past) to
 *  - each operator with a tariff submission in draft or returned in an
 *    open round (the deadline in force, a reopening's);
 *  - each party with an indmelding in draft or returned in an open year;
 *  - each party of a year in hearing that has not commented (a reminder
 *    only: a party without comments has none to give after the deadline);
 *  - each approving party still pending on a document of the agreement
 *    (its organisation's users).
 * *queued receives the mails written.
 */
int	mail_remind(struct svc *s, int *queued, struct err *e);

#endif
