/*
 * retention_store — deleting the personal data that has outlived its
 * retention period (docs/privacy.md): the login log, ended sessions, old
 * audit rows and sent mail. Functions run inside the caller's write
 * transaction.
 */
#ifndef RAMME_RETENTION_STORE_H
#define RAMME_RETENTION_STORE_H

#include <stdbool.h>
#include <stdint.h>

struct db;
struct err;

/* What goes: everything older than these (ISO UTC text, epoch seconds). */
struct retention_cutoffs {
	int64_t		 login_epoch;	/* login_attempt.at before this */
	const char	*login_iso;	/* audit login rows before this */
	const char	*session_iso;	/* sessions that expired before this */
	const char	*audit_iso;	/* other audit rows before this */
	const char	*mail_iso;	/* sent or cancelled mail before this */
};

/* The rule of one table, and how many rows it takes (or would take). */
enum retention_kind {
	RETENTION_LOGIN_ATTEMPT = 0,	/* login_attempt */
	RETENTION_LOGIN_AUDIT,		/* audit, action 'login' */
	RETENTION_SESSION,		/* session */
	RETENTION_AUDIT,		/* audit, the rest */
	RETENTION_OUTBOX,		/* outbox */
	RETENTION_KINDS
};

/* The table a rule deletes from ("login_attempt", "audit", ...). */
const char	*retention_store_table(enum retention_kind k);
/* What a rule deletes, in English ("login rows older than the cut-off"). */
const char	*retention_store_what(enum retention_kind k);
/*
 * Count (dry) or delete the rows of every rule past its cut-off; n[k]
 * receives the rows of rule k. Never deletes the audit rows of a meeting
 * whose minutes are approved, nor of its agenda items.
 */
int	retention_store_apply(struct db *db, const struct retention_cutoffs *c,
	    bool dry, int64_t n[RETENTION_KINDS], struct err *e);

#endif
