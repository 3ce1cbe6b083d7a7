/*
 * outbox_store — users' addresses and notification choices, and the
 * outbox of mails (migration 014). Functions run inside the caller's
 * transaction; times the sender compares (next attempt, claims) are epoch
 * seconds.
 */
#ifndef RAMME_OUTBOX_STORE_H
#define RAMME_OUTBOX_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct err;

/* One mail of the outbox. */
struct outbox_row {
	int64_t		 id;
	const char	*kind;		/* notice kind key ("returned") */
	const char	*about;		/* entity: "tariff_round", "submission",
					   "meeting", ... */
	int64_t		 about_id;
	int64_t		 user_id;	/* recipient's login, 0: none */
	const char	*username;	/* of user_id, when listed */
	const char	*to_addr;
	const char	*subject;
	const char	*body;		/* text without the link and footer */
	const char	*path;		/* the page concerned: "/indberetning/7" */
	const char	*message_id;	/* "<hex@ramme>" */
	const char	*dedupe_key;	/* NULL or unique: once per deadline and
					   user */
	const char	*state;		/* queued, sending, sent, failed,
					   cancelled */
	int		 attempts;	/* made so far */
	int64_t		 next_attempt_at; /* epoch seconds */
	int64_t		 claimed_until;	/* epoch seconds; 0: no claim */
	const char	*last_error;	/* Danish or the server's words */
	const char	*created_at;	/* ISO UTC */
	const char	*updated_at;
	const char	*sent_at;	/* NULL until sent */
};

/* A recipient: a user with an address who wants the kind. */
struct outbox_rcpt {
	int64_t		 user_id;
	const char	*email;
};

/*
 * Insert r (state queued, attempts 0, due at r->next_attempt_at). With a
 * dedupe_key already present nothing is inserted and *inserted is false.
 */
int	outbox_store_insert(struct db *db, const struct outbox_row *r,
	    const char *at, bool *inserted, struct err *e);
/*
 * Recipients of kind among the active users of organisation org_code
 * (org_code NULL: the secretariat, every active admin), each with an
 * address and not having turned kind off. In a.
 */
int	outbox_store_rcpt_org(struct db *db, struct arena *a,
	    const char *org_code, const char *kind, struct outbox_rcpt **out,
	    size_t *n, struct err *e);
/*
 * Recipients of kind among the active users linked to a person with a
 * membership of body_id current on today (ISO date).
 */
int	outbox_store_rcpt_body(struct db *db, struct arena *a, int64_t body_id,
	    const char *today, const char *kind, struct outbox_rcpt **out,
	    size_t *n, struct err *e);

/*
 * Claim the next due mail for a sender: the oldest queued mail due at now
 * or a sending one whose claim ran out, set to sending with
 * claimed_until = now + lease, attempts + 1 and claim_token = token, all
 * in one statement. 0 with *out filled (in a), or ERR_NOT_FOUND when none
 * is due.
 */
int	outbox_store_claim(struct db *db, struct arena *a, int64_t now,
	    int64_t lease, const char *token, struct outbox_row *out,
	    struct err *e);
/*
 * The claim with token on id ends: sent (at), or after a failed attempt
 * queued again at next (error kept) or, when final, failed. 0 when the
 * claim was still held, ERR_CONFLICT "claim_lost" when another sender
 * took it over or the secretariat changed the mail meanwhile.
 */
int	outbox_store_sent(struct db *db, int64_t id, const char *token,
	    const char *at, struct err *e);
int	outbox_store_attempt_failed(struct db *db, int64_t id,
	    const char *token, const char *error, bool final, int64_t next,
	    const char *at, struct err *e);

/* A page of the outbox, newest first; state NULL: every state. */
int	outbox_store_list(struct db *db, struct arena *a, const char *state,
	    int limit, int offset, struct outbox_row **out, size_t *n,
	    int64_t *total, struct err *e);
int	outbox_store_get(struct db *db, struct arena *a, int64_t id,
	    struct outbox_row *out, struct err *e);
/* Mails per state: counts[i] for states[i] of queued, sending, sent,
   failed, cancelled. */
int	outbox_store_counts(struct db *db, int64_t counts[5], struct err *e);
/*
 * A queued or failed mail is due now again with its attempts counted
 * from zero (retry), or cancelled. ERR_CONFLICT "not_retryable" for a
 * mail being sent, sent or cancelled; ERR_NOT_FOUND when there is none.
 */
int	outbox_store_retry(struct db *db, int64_t id, int64_t now,
	    const char *at, struct err *e);
int	outbox_store_cancel(struct db *db, int64_t id, const char *at,
	    struct err *e);

/* The address of user_id, or NULL in *email. */
int	outbox_store_email_get(struct db *db, struct arena *a, int64_t user_id,
	    const char **email, struct err *e);
/* Set (email NULL: remove) the address of user_id. */
int	outbox_store_email_set(struct db *db, int64_t user_id,
	    const char *email, const char *at, struct err *e);
/* Whether user_id has turned kind off. */
int	outbox_store_optout_get(struct db *db, int64_t user_id,
	    const char *kind, bool *off, struct err *e);
int	outbox_store_optout_set(struct db *db, int64_t user_id,
	    const char *kind, bool off, struct err *e);

/* An operator's unfinished submission of a round with a deadline. */
struct outbox_due_sub {
	int64_t		 round_id;
	int		 year;		/* the round's tariff year */
	const char	*round_title;
	const char	*deadline;	/* ISO date in force (a reopening's) */
	int64_t		 submission_id;
	const char	*offer_name;
	const char	*operator_code;
};
/*
 * Submissions in draft or returned of open rounds whose deadline in force
 * lies on or before until (ISO date), by round and operator.
 */
int	outbox_store_due_subs(struct db *db, struct arena *a,
	    const char *until, struct outbox_due_sub **out, size_t *n,
	    struct err *e);
/* A party that has not yet done what a deadline of the cycle asks. */
struct outbox_due {
	int64_t		 id;		/* the indmelding year or the document */
	int		 year;		/* its year (the reminder lead's) */
	const char	*title;		/* the document's title; NULL for an
					   indmelding year */
	const char	*deadline;	/* ISO date */
	const char	*org_code;	/* the party */
};
/*
 * Indmeldinger in draft or returned of open years whose deadline lies on
 * or before until, by year and party.
 */
int	outbox_store_due_ind(struct db *db, struct arena *a, const char *until,
	    struct outbox_due **out, size_t *n, struct err *e);
/*
 * The parties of years in hearing whose hearing deadline lies on or
 * before until and who have not commented, by year and party.
 */
int	outbox_store_due_hearing(struct db *db, struct arena *a,
	    const char *until, struct outbox_due **out, size_t *n,
	    struct err *e);
/*
 * The parties still pending on a document of the agreement whose
 * deadline lies on or before until, by document and party.
 */
int	outbox_store_due_approvals(struct db *db, struct arena *a,
	    const char *until, struct outbox_due **out, size_t *n,
	    struct err *e);
/* The distinct parties with an indmelding in year_id, in a. */
int	outbox_store_ind_parties(struct db *db, struct arena *a,
	    int64_t year_id, const char ***out, size_t *n, struct err *e);
/* The distinct operators with a submission in round_id, in a. */
int	outbox_store_round_operators(struct db *db, struct arena *a,
	    int64_t round_id, const char ***out, size_t *n, struct err *e);

#endif
