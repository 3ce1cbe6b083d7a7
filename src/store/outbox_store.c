/*
 * outbox_store — addresses, choices and the outbox (see outbox_store.h).
 */
#include <string.h>

#include "store/db.h"
#include "store/outbox_store.h"
#include "util/arena.h"
#include "util/err.h"

int
outbox_store_insert(struct db *db, const struct outbox_row *r, const char *at,
    bool *inserted, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "INSERT INTO outbox (kind, about, about_id, user_id, "
	    "to_addr, subject, body, path, message_id, dedupe_key, "
	    "next_attempt_at, created_at, updated_at) VALUES ($1, $2, $3, $4, "
	    "$5, $6, $7, $8, $9, $10, $11, $12, $12) "
	    "ON CONFLICT (dedupe_key) DO NOTHING", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, r->kind);
	db_bind_text(st, 2, r->about);
	db_bind_i64(st, 3, r->about_id);
	db_bind_opt(st, 4, r->user_id);
	db_bind_text(st, 5, r->to_addr);
	db_bind_text(st, 6, r->subject);
	db_bind_text(st, 7, r->body);
	db_bind_text(st, 8, r->path);
	db_bind_text(st, 9, r->message_id);
	db_bind_text(st, 10, r->dedupe_key);
	db_bind_i64(st, 11, r->next_attempt_at);
	db_bind_text(st, 12, at);
	if ((rc = db_run(st, e)) != 0)
		return rc;
	*inserted = db_changes(db) == 1;
	return 0;
}

static int
read_rcpts(struct db_stmt *st, struct arena *a, struct outbox_rcpt **out,
    size_t *n, struct err *e)
{
	struct outbox_rcpt	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		v[k].user_id = db_col_i64(st, 0);
		v[k].email = db_col_dup(st, 1, a);
		k++;
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
outbox_store_rcpt_org(struct db *db, struct arena *a, const char *org_code,
    const char *kind, struct outbox_rcpt **out, size_t *n, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "SELECT u.id, m.email FROM app_user u "
	    "JOIN user_mail m ON m.user_id = u.id "
	    "WHERE u.active = 1 AND CASE WHEN $1 IS NULL THEN u.role = 'admin' "
	    "ELSE u.org_code = $1 END "
	    "AND NOT EXISTS (SELECT 1 FROM notice_optout o "
	    "WHERE o.user_id = u.id AND o.kind = $2) ORDER BY u.id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, org_code);
	db_bind_text(st, 2, kind);
	return read_rcpts(st, a, out, n, e);
}

int
outbox_store_rcpt_body(struct db *db, struct arena *a, int64_t body_id,
    const char *today, const char *kind, struct outbox_rcpt **out, size_t *n,
    struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "SELECT DISTINCT u.id, um.email FROM membership ms "
	    "JOIN person p ON p.id = ms.person_id "
	    "JOIN app_user u ON u.id = p.user_id "
	    "JOIN user_mail um ON um.user_id = u.id "
	    "WHERE ms.body_id = $1 AND u.active = 1 "
	    "AND (ms.starts_on IS NULL OR ms.starts_on <= $2) "
	    "AND (ms.ends_on IS NULL OR ms.ends_on >= $2) "
	    "AND NOT EXISTS (SELECT 1 FROM notice_optout o "
	    "WHERE o.user_id = u.id AND o.kind = $3) ORDER BY u.id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, body_id);
	db_bind_text(st, 2, today);
	db_bind_text(st, 3, kind);
	return read_rcpts(st, a, out, n, e);
}

#define ROW_COLS \
	"o.id, o.kind, o.about, o.about_id, o.user_id, u.username, " \
	"o.to_addr, o.subject, o.body, o.path, o.message_id, o.dedupe_key, " \
	"o.state, o.attempts, o.next_attempt_at, o.claimed_until, " \
	"o.last_error, o.created_at, o.updated_at, o.sent_at"

static void
read_row(struct db_stmt *st, struct arena *a, struct outbox_row *r)
{
	memset(r, 0, sizeof(*r));
	r->id = db_col_i64(st, 0);
	r->kind = db_col_dup(st, 1, a);
	r->about = db_col_dup(st, 2, a);
	r->about_id = db_col_i64(st, 3);
	r->user_id = db_col_null(st, 4) ? 0 : db_col_i64(st, 4);
	r->username = db_col_dup(st, 5, a);
	r->to_addr = db_col_dup(st, 6, a);
	r->subject = db_col_dup(st, 7, a);
	r->body = db_col_dup(st, 8, a);
	r->path = db_col_dup(st, 9, a);
	r->message_id = db_col_dup(st, 10, a);
	r->dedupe_key = db_col_dup(st, 11, a);
	r->state = db_col_dup(st, 12, a);
	r->attempts = (int)db_col_i64(st, 13);
	r->next_attempt_at = db_col_i64(st, 14);
	r->claimed_until = db_col_null(st, 15) ? 0 : db_col_i64(st, 15);
	r->last_error = db_col_dup(st, 16, a);
	r->created_at = db_col_dup(st, 17, a);
	r->updated_at = db_col_dup(st, 18, a);
	r->sent_at = db_col_dup(st, 19, a);
}

int
outbox_store_claim(struct db *db, struct arena *a, int64_t now, int64_t lease,
    const char *token, struct outbox_row *out, struct err *e)
{
	struct db_stmt	*st;
	int64_t		 id = 0;
	int		 rc;

	st = db_prep(db, "UPDATE outbox SET state = 'sending', "
	    "claimed_until = $1 + $2, claim_token = $3, "
	    "attempts = attempts + 1 WHERE id = (SELECT id FROM outbox "
	    "WHERE (state = 'queued' AND next_attempt_at <= $1) "
	    "OR (state = 'sending' AND claimed_until <= $1) "
	    "ORDER BY next_attempt_at, id LIMIT 1) RETURNING id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, now);
	db_bind_i64(st, 2, lease);
	db_bind_text(st, 3, token);
	if ((rc = db_run_id(st, &id, e)) != 0)
		return rc;
	if (id == 0)
		return err_set(e, ERR_NOT_FOUND, "none_due", NULL,
		    "Ingen e-mails venter");
	return outbox_store_get(db, a, id, out, e);
}

static int
claim_lost(struct err *e)
{
	return err_set(e, ERR_CONFLICT, "claim_lost", NULL,
	    "E-mailen er ændret eller overtaget af en anden afsender");
}

int
outbox_store_sent(struct db *db, int64_t id, const char *token,
    const char *at, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "UPDATE outbox SET state = 'sent', sent_at = $3, "
	    "updated_at = $3, claimed_until = NULL, claim_token = NULL, "
	    "last_error = NULL WHERE id = $1 AND claim_token = $2 "
	    "AND state = 'sending'", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	db_bind_text(st, 2, token);
	db_bind_text(st, 3, at);
	if ((rc = db_run(st, e)) != 0)
		return rc;
	return db_changes(db) == 1 ? 0 : claim_lost(e);
}

int
outbox_store_attempt_failed(struct db *db, int64_t id, const char *token,
    const char *error, bool final, int64_t next, const char *at,
    struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "UPDATE outbox SET state = CASE WHEN $4 = 1 THEN "
	    "'failed' ELSE 'queued' END, next_attempt_at = $5, "
	    "last_error = substr($3, 1, 1000), updated_at = $6, "
	    "claimed_until = NULL, claim_token = NULL "
	    "WHERE id = $1 AND claim_token = $2 AND state = 'sending'", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	db_bind_text(st, 2, token);
	db_bind_text(st, 3, error);
	db_bind_i64(st, 4, final ? 1 : 0);
	db_bind_i64(st, 5, next);
	db_bind_text(st, 6, at);
	if ((rc = db_run(st, e)) != 0)
		return rc;
	return db_changes(db) == 1 ? 0 : claim_lost(e);
}

int
outbox_store_list(struct db *db, struct arena *a, const char *state,
    int limit, int offset, struct outbox_row **out, size_t *n,
    int64_t *total, struct err *e)
{
	struct db_stmt		*st;
	struct outbox_row	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	st = db_prep(db, "SELECT count(*) FROM outbox "
	    "WHERE $1 IS NULL OR state = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, state);
	if ((rc = db_step_one(st, "Udbakken", e)) != 0)
		return rc;
	*total = db_col_i64(st, 0);
	db_reset(st);
	st = db_prep(db, "SELECT " ROW_COLS " FROM outbox o "
	    "LEFT JOIN app_user u ON u.id = o.user_id "
	    "WHERE $1 IS NULL OR o.state = $1 ORDER BY o.id DESC "
	    "LIMIT $2 OFFSET $3", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, state);
	db_bind_i64(st, 2, limit);
	db_bind_i64(st, 3, offset);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		read_row(st, a, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
outbox_store_get(struct db *db, struct arena *a, int64_t id,
    struct outbox_row *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT " ROW_COLS " FROM outbox o "
	    "LEFT JOIN app_user u ON u.id = o.user_id WHERE o.id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	if ((rc = db_step_one(st, "E-mailen", e)) != 0)
		return rc;
	read_row(st, a, out);
	db_reset(st);
	return 0;
}

int
outbox_store_counts(struct db *db, int64_t counts[5], struct err *e)
{
	static const char *const states[] = { "queued", "sending", "sent",
	    "failed", "cancelled" };
	struct db_stmt	*st;
	const char	*s;
	int		 rc, i;

	memset(counts, 0, 5 * sizeof(counts[0]));
	st = db_prep(db, "SELECT state, count(*) FROM outbox GROUP BY state",
	    e);
	if (st == NULL)
		return ERR_DB;
	while ((rc = db_step(st, e)) == DB_ROW) {
		s = db_col_text(st, 0);
		for (i = 0; i < 5; i++)
			if (strcmp(s, states[i]) == 0)
				counts[i] = db_col_i64(st, 1);
	}
	db_reset(st);
	return rc < 0 ? rc : 0;
}

/* Change a queued or failed mail with st (bound from 2 on by the caller). */
static int
change_waiting(struct db *db, struct db_stmt *st, int64_t id, struct err *e)
{
	struct db_stmt	*q;
	int		 rc;

	db_bind_i64(st, 1, id);
	if ((rc = db_run(st, e)) != 0)
		return rc;
	if (db_changes(db) == 1)
		return 0;
	q = db_prep(db, "SELECT 1 FROM outbox WHERE id = $1", e);
	if (q == NULL)
		return ERR_DB;
	db_bind_i64(q, 1, id);
	if ((rc = db_step_one(q, "E-mailen", e)) != 0)
		return rc;
	db_reset(q);
	return err_set(e, ERR_CONFLICT, "not_waiting", NULL,
	    "Kun en e-mail i kø eller med fejl kan sendes igen eller "
	    "annulleres");
}

int
outbox_store_retry(struct db *db, int64_t id, int64_t now, const char *at,
    struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "UPDATE outbox SET state = 'queued', attempts = 0, "
	    "next_attempt_at = $2, updated_at = $3 WHERE id = $1 "
	    "AND state IN ('queued', 'failed')", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 2, now);
	db_bind_text(st, 3, at);
	return change_waiting(db, st, id, e);
}

int
outbox_store_cancel(struct db *db, int64_t id, const char *at, struct err *e)
{
	struct db_stmt *st;

	st = db_prep(db, "UPDATE outbox SET state = 'cancelled', "
	    "updated_at = $2 WHERE id = $1 AND state IN ('queued', 'failed')",
	    e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 2, at);
	return change_waiting(db, st, id, e);
}

int
outbox_store_email_get(struct db *db, struct arena *a, int64_t user_id,
    const char **email, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	*email = NULL;
	st = db_prep(db, "SELECT email FROM user_mail WHERE user_id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, user_id);
	if ((rc = db_step(st, e)) == DB_ROW)
		*email = db_col_dup(st, 0, a);
	db_reset(st);
	return rc < 0 ? rc : 0;
}

int
outbox_store_email_set(struct db *db, int64_t user_id, const char *email,
    const char *at, struct err *e)
{
	struct db_stmt *st;

	if (email == NULL) {
		st = db_prep(db, "DELETE FROM user_mail WHERE user_id = $1",
		    e);
		if (st == NULL)
			return ERR_DB;
		db_bind_i64(st, 1, user_id);
		return db_run(st, e);
	}
	st = db_prep(db, "INSERT INTO user_mail (user_id, email, updated_at) "
	    "VALUES ($1, $2, $3) ON CONFLICT (user_id) DO UPDATE SET "
	    "email = excluded.email, updated_at = excluded.updated_at", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, user_id);
	db_bind_text(st, 2, email);
	db_bind_text(st, 3, at);
	return db_run(st, e);
}

int
outbox_store_optout_get(struct db *db, int64_t user_id, const char *kind,
    bool *off, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT 1 FROM notice_optout WHERE user_id = $1 "
	    "AND kind = $2", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, user_id);
	db_bind_text(st, 2, kind);
	rc = db_step(st, e);
	db_reset(st);
	if (rc < 0)
		return rc;
	*off = rc == DB_ROW;
	return 0;
}

int
outbox_store_optout_set(struct db *db, int64_t user_id, const char *kind,
    bool off, struct err *e)
{
	struct db_stmt *st;

	if (off)
		st = db_prep(db, "INSERT INTO notice_optout (user_id, kind) "
		    "VALUES ($1, $2) ON CONFLICT DO NOTHING", e);
	else
		st = db_prep(db, "DELETE FROM notice_optout WHERE user_id = $1 "
		    "AND kind = $2", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, user_id);
	db_bind_text(st, 2, kind);
	return db_run(st, e);
}

int
outbox_store_due_subs(struct db *db, struct arena *a, const char *until,
    struct outbox_due_sub **out, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct outbox_due_sub	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	st = db_prep(db, "SELECT r.id, r.title, CASE WHEN r.reopened = 1 "
	    "AND r.reopened_until IS NOT NULL THEN r.reopened_until "
	    "ELSE r.deadline END AS due, s.id, o.name, s.operator_code, "
	    "r.year "
	    "FROM tariff_round r JOIN submission s ON s.round_id = r.id "
	    "JOIN offer o ON o.id = s.offer_id "
	    "WHERE r.status = 'open' AND s.status IN ('draft', 'returned') "
	    "AND (CASE WHEN r.reopened = 1 AND r.reopened_until IS NOT NULL "
	    "THEN r.reopened_until ELSE r.deadline END) <= $1 "
	    "ORDER BY r.id, s.operator_code, o.name", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_text(st, 1, until);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		v[k].round_id = db_col_i64(st, 0);
		v[k].round_title = db_col_dup(st, 1, a);
		v[k].deadline = db_col_dup(st, 2, a);
		v[k].submission_id = db_col_i64(st, 3);
		v[k].offer_name = db_col_dup(st, 4, a);
		v[k].operator_code = db_col_dup(st, 5, a);
		v[k].year = (int)db_col_i64(st, 6);
		k++;
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
outbox_store_round_operators(struct db *db, struct arena *a, int64_t round_id,
    const char ***out, size_t *n, struct err *e)
{
	struct db_stmt	 *st;
	const char	**v = NULL;
	size_t		  k = 0, cap = 0;
	int		  rc;

	st = db_prep(db, "SELECT DISTINCT operator_code FROM submission "
	    "WHERE round_id = $1 ORDER BY operator_code", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, round_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		v[k++] = db_col_dup(st, 0, a);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

/* Rows of id, year, title, deadline, org_code with until bound to $1. */
static int
due_rows(struct db *db, struct arena *a, const char *sql, const char *until,
    struct outbox_due **out, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct outbox_due	*v = NULL;
	size_t			 k = 0, cap = 0;
	int			 rc;

	if ((st = db_prep(db, sql, e)) == NULL)
		return ERR_DB;
	db_bind_text(st, 1, until);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		v[k].id = db_col_i64(st, 0);
		v[k].year = (int)db_col_i64(st, 1);
		v[k].title = db_col_dup(st, 2, a);
		v[k].deadline = db_col_dup(st, 3, a);
		v[k].org_code = db_col_dup(st, 4, a);
		k++;
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int
outbox_store_due_ind(struct db *db, struct arena *a, const char *until,
    struct outbox_due **out, size_t *n, struct err *e)
{
	return due_rows(db, a, "SELECT DISTINCT y.id, y.year, NULL, "
	    "y.deadline, "
	    "i.org_code FROM indmelding_year y JOIN indmelding i ON "
	    "i.year_id = y.id WHERE y.status = 'open' AND i.status IN "
	    "('draft', 'returned') AND y.deadline <= $1 "
	    "ORDER BY y.id, i.org_code", until, out, n, e);
}

int
outbox_store_due_hearing(struct db *db, struct arena *a, const char *until,
    struct outbox_due **out, size_t *n, struct err *e)
{
	return due_rows(db, a, "SELECT DISTINCT y.id, y.year, NULL, "
	    "y.hearing_deadline, i.org_code FROM indmelding_year y "
	    "JOIN indmelding i ON i.year_id = y.id WHERE y.status = "
	    "'hearing' AND y.hearing_deadline <= $1 AND NOT EXISTS (SELECT 1 "
	    "FROM indmelding_comment c WHERE c.year_id = y.id AND "
	    "c.org_code = i.org_code) ORDER BY y.id, i.org_code", until, out,
	    n, e);
}

int
outbox_store_due_approvals(struct db *db, struct arena *a, const char *until,
    struct outbox_due **out, size_t *n, struct err *e)
{
	return due_rows(db, a, "SELECT d.id, d.year, d.title, d.deadline, "
	    "a.party FROM agreement_approval a JOIN agreement_doc d ON "
	    "d.id = a.doc_id WHERE a.status = 'afventer' AND d.deadline <= $1 "
	    "ORDER BY d.id, a.party", until, out, n, e);
}

int
outbox_store_ind_parties(struct db *db, struct arena *a, int64_t year_id,
    const char ***out, size_t *n, struct err *e)
{
	struct db_stmt	 *st;
	const char	**v = NULL;
	size_t		  k = 0, cap = 0;
	int		  rc;

	st = db_prep(db, "SELECT DISTINCT org_code FROM indmelding "
	    "WHERE year_id = $1 ORDER BY org_code", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, year_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		v[k++] = db_col_dup(st, 0, a);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}
