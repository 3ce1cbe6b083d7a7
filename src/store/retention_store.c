/*
 * retention_store — the retention rules as SQL (see retention_store.h).
 * Each rule is one WHERE clause over one table, used by a count for a dry
 * run and by a delete otherwise, so the two always agree.
 */
#include <stdio.h>

#include "store/db.h"
#include "store/retention_store.h"
#include "util/err.h"

/* Audit rows of approved minutes: kept for ever (the law requires it). */
#define APPROVED_MINUTES \
	"(entity = 'meeting' AND entity_id IN (SELECT CAST(id AS TEXT) " \
	"FROM meeting WHERE minutes_approved_at IS NOT NULL)) OR " \
	"(entity = 'agenda_item' AND entity_id IN (SELECT CAST(i.id AS " \
	"TEXT) FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id " \
	"WHERE m.minutes_approved_at IS NOT NULL))"

static const struct rule {
	const char	*table;
	const char	*what;
	const char	*count_sql;
	const char	*delete_sql;
} rules[RETENTION_KINDS] = {
	[RETENTION_LOGIN_ATTEMPT] = { "login_attempt",
	    "login attempts past the login log period",
	    "SELECT count(*) FROM login_attempt WHERE at < $1",
	    "DELETE FROM login_attempt WHERE at < $1" },
	[RETENTION_LOGIN_AUDIT] = { "audit",
	    "login rows past the login log period",
	    "SELECT count(*) FROM audit WHERE action = 'login' AND at < $1",
	    "DELETE FROM audit WHERE action = 'login' AND at < $1" },
	[RETENTION_SESSION] = { "session",
	    "sessions ended before the session period",
	    "SELECT count(*) FROM session WHERE expires_at < $1",
	    "DELETE FROM session WHERE expires_at < $1" },
	[RETENTION_AUDIT] = { "audit",
	    "audit rows past the audit period (approved minutes kept)",
	    "SELECT count(*) FROM audit WHERE at < $1 AND action <> 'login' "
	    "AND NOT (" APPROVED_MINUTES ")",
	    "DELETE FROM audit WHERE at < $1 AND action <> 'login' AND NOT ("
	    APPROVED_MINUTES ")" },
	[RETENTION_OUTBOX] = { "outbox",
	    "sent and cancelled mails past the mail period",
	    "SELECT count(*) FROM outbox WHERE state IN ('sent', 'cancelled') "
	    "AND coalesce(sent_at, updated_at) < $1",
	    "DELETE FROM outbox WHERE state IN ('sent', 'cancelled') "
	    "AND coalesce(sent_at, updated_at) < $1" },
};

const char *
retention_store_table(enum retention_kind k)
{
	return k < RETENTION_KINDS ? rules[k].table : "";
}

const char *
retention_store_what(enum retention_kind k)
{
	return k < RETENTION_KINDS ? rules[k].what : "";
}

/* Bind the cut-off of rule k as $1. */
static void
bind_cutoffs(struct db_stmt *st, const struct retention_cutoffs *c,
    enum retention_kind k)
{
	switch (k) {
	case RETENTION_LOGIN_ATTEMPT:
		db_bind_i64(st, 1, c->login_epoch);
		break;
	case RETENTION_LOGIN_AUDIT:
		db_bind_text(st, 1, c->login_iso);
		break;
	case RETENTION_SESSION:
		db_bind_text(st, 1, c->session_iso);
		break;
	case RETENTION_AUDIT:
		db_bind_text(st, 1, c->audit_iso);
		break;
	default:
		db_bind_text(st, 1, c->mail_iso);
		break;
	}
}

int
retention_store_apply(struct db *db, const struct retention_cutoffs *c,
    bool dry, int64_t n[RETENTION_KINDS], struct err *e)
{
	struct db_stmt	*st;
	int		 k, rc;

	for (k = 0; k < RETENTION_KINDS; k++) {
		n[k] = 0;
		st = db_prep(db, rules[k].count_sql, e);
		if (st == NULL)
			return ERR_DB;
		bind_cutoffs(st, c, (enum retention_kind)k);
		rc = db_step(st, e);
		if (rc == DB_ROW)
			n[k] = db_col_i64(st, 0);
		db_reset(st);
		if (rc < 0)
			return rc;
		if (dry || n[k] == 0)
			continue;
		st = db_prep(db, rules[k].delete_sql, e);
		if (st == NULL)
			return ERR_DB;
		bind_cutoffs(st, c, (enum retention_kind)k);
		if ((rc = db_run(st, e)) != 0)
			return rc;
	}
	return 0;
}
