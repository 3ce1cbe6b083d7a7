/*
 * round — the tariff-reporting rounds themselves: opened with a
 * submission per offer (pre-filled, round_prefill.c), listed, read,
 * closed, reopened, published, an offer added. The submissions, the bulk
 * import and the published tariffs are in round_submission.c,
 * round_import.c and round_tariff.c; the JSON in round_json.c; what they
 * share in round_impl.h (see round.h for the interface).
 */
#include <string.h>

#include "core/offer.h"
#include "core/params.h"
#include "core/role.h"
#include "core/round.h"
#include "service/agreement.h"
#include "service/mail_events.h"
#include "service/offer_event.h"
#include "service/round.h"
#include "service/round_impl.h"
#include "service/svc.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/harmonised_store.h"
#include "store/offer_store.h"
#include "store/round_store.h"
#include "store/tariff_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

/* ---- rounds --------------------------------------------------------- */

int
round_create(struct svc *s, const struct tariff_round *in, int64_t *id,
    int64_t *nsub, struct err *e)
{
	struct agreement_params	p;
	struct tariff_round	r;
	int64_t			n = 0, nlines = 0;
	char			*after;
	int			rc;

	if ((rc = admin_only(s, e)) != 0 || (rc = round_validate(in, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = agreement_params_get_in_tx(s, in->year, &p, e)) != 0 ||
	    (rc = round_store_insert(s->db, in, s->now_iso, id, e)) != 0 ||
	    (rc = round_store_get(s->db, s->arena, *id, &r, e)) != 0 ||
	    (rc = tariff_store_create_submissions(s->db, &r, s->now_iso, &n,
	    e)) != 0 ||
	    (rc = round_prefill(s, &r, &p, &nlines, e)) != 0)
		goto fail;
	after = round_audit(s, &r);
	after = arena_printf(s->arena, "{\"round\":%s,\"submissions\":%lld,"
	    "\"prefilled_lines\":%lld}", after, (long long)n,
	    (long long)nlines);
	if ((rc = audit_add(s->db, s->who, s->now_iso, "tariff_round",
	    idtxt(s, *id), "create", NULL, after, e)) != 0 ||
	    (rc = mail_round_opened(s, &r, e)) != 0)
		goto fail;
	if ((rc = db_commit(s->db, e)) != 0)
		return rc;
	if (nsub != NULL)
		*nsub = n;
	return 0;
fail:
	db_rollback(s->db);
	return rc;
}

int
round_list(struct svc *s, struct tariff_round **out, size_t *n,
    struct err *e)
{
	int rc;

	if ((rc = editors_only(s, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = round_store_list(s->db, s->arena, out, n, e);
	db_rollback(s->db);
	return rc;
}

int
round_get(struct svc *s, int64_t id, struct tariff_round *out,
    struct round_progress *progress, struct err *e)
{
	const char	*op = NULL;
	int		 rc;

	if ((rc = editors_only(s, e)) != 0)
		return rc;
	if (s->who->role == ROLE_OPERATOR)
		op = s->who->org_code != NULL ? s->who->org_code : "";
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = round_store_get(s->db, s->arena, id, out, e);
	if (rc == 0 && progress != NULL)
		rc = round_store_progress(s->db, s->arena, id, op, progress, e);
	db_rollback(s->db);
	return rc;
}

/* Change the status of a round, audited. */
static int
round_set(struct svc *s, int64_t id, int64_t expected_version,
    enum round_status to, const char *until, const char *action,
    struct err *e)
{
	struct tariff_round	old, now;
	char			today[11];
	int			rc;

	if ((rc = admin_only(s, e)) != 0)
		return rc;
	today_of(s, today);
	if (until != NULL && (!text_date_valid(until) ||
	    strcmp(until, today) < 0))
		return err_set(e, ERR_INVALID, "invalid_date", "until",
		    "Angiv en ny frist i dag eller senere (ÅÅÅÅ-MM-DD)");
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = round_store_get(s->db, s->arena, id, &old, e)) != 0)
		goto fail;
	if (old.version != expected_version) {
		rc = err_set(e, ERR_PRECONDITION, "stale_version", NULL,
		    "Runden er ændret af en anden i mellemtiden; hent den "
		    "igen");
		goto fail;
	}
	if (old.status == ROUND_PUBLISHED) {
		rc = err_set(e, ERR_CONFLICT, "round_published", NULL,
		    "Runden er offentliggjort og kan ikke ændres");
		goto fail;
	}
	if (to == ROUND_OPEN && round_accepts_submissions(&old, today)) {
		rc = err_set(e, ERR_CONFLICT, "round_open", NULL,
		    "Runden er åben, og fristen er ikke overskredet; kun en "
		    "lukket runde eller en runde efter fristen kan genåbnes");
		goto fail;
	}
	if (to == ROUND_CLOSED && old.status == ROUND_CLOSED) {
		rc = err_set(e, ERR_CONFLICT, "round_closed", NULL,
		    "Runden er allerede lukket");
		goto fail;
	}
	if ((rc = round_store_set_status(s->db, id, expected_version, to,
	    to == ROUND_OPEN ? until : old.reopened_until, s->now_iso,
	    e)) != 0 ||
	    (rc = round_store_get(s->db, s->arena, id, &now, e)) != 0 ||
	    (rc = audit_add(s->db, s->who, s->now_iso, "tariff_round",
	    idtxt(s, id), action, round_audit(s, &old), round_audit(s, &now),
	    e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
round_close(struct svc *s, int64_t id, int64_t expected_version,
    struct err *e)
{
	return round_set(s, id, expected_version, ROUND_CLOSED, NULL, "close",
	    e);
}

int
round_reopen(struct svc *s, int64_t id, int64_t expected_version,
    const char *until, struct err *e)
{
	if (until == NULL)
		return err_set(e, ERR_INVALID, "missing_field", "until",
		    "Angiv den nye frist for at indsende");
	return round_set(s, id, expected_version, ROUND_OPEN, until, "reopen",
	    e);
}

/* Publish round old inside the caller's write transaction. */
int
round_publish_in_tx(struct svc *s, const struct tariff_round *old, int64_t *n,
    struct err *e)
{
	struct tariff_round	now;
	int64_t			by_status[SUBMISSION_STATUS_COUNT];
	char			*after;
	int			 rc;

	if (old->status == ROUND_PUBLISHED)
		return err_set(e, ERR_CONFLICT, "round_published", NULL,
		    "Runden er allerede offentliggjort");
	if ((rc = round_store_status_counts(s->db, old->id, NULL, by_status,
	    e)) != 0)
		return rc;
	if (by_status[SUBMISSION_SUBMITTED] > 0)
		return err_set(e, ERR_CONFLICT, "pending_review", NULL,
		    "%lld indsendte indberetninger venter på at blive godkendt "
		    "eller sendt retur", (long long)
		    by_status[SUBMISSION_SUBMITTED]);
	if ((rc = tariff_store_publish(s->db, old, s->now_iso,
	    s->who->username ? s->who->username : "system", n, e)) != 0 ||
	    (rc = round_store_set_status(s->db, old->id, old->version,
	    ROUND_PUBLISHED, old->reopened_until, s->now_iso, e)) != 0 ||
	    (rc = round_store_get(s->db, s->arena, old->id, &now, e)) != 0)
		return rc;
	after = arena_printf(s->arena, "{\"round\":%s,\"approved\":%lld,"
	    "\"tariffs\":%lld}", round_audit(s, &now), (long long)
	    by_status[SUBMISSION_APPROVED], (long long)*n);
	return audit_add(s->db, s->who, s->now_iso, "tariff_round",
	    idtxt(s, old->id), "publish", round_audit(s, old), after, e);
}

int
round_publish(struct svc *s, int64_t id, int64_t expected_version, int64_t *n,
    struct err *e)
{
	struct tariff_round	old;
	int			rc;

	if ((rc = admin_only(s, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = round_store_get(s->db, s->arena, id, &old, e)) != 0)
		goto fail;
	if (old.version != expected_version) {
		rc = err_set(e, ERR_PRECONDITION, "stale_version", NULL,
		    "Runden er ændret af en anden i mellemtiden; hent den "
		    "igen");
		goto fail;
	}
	if ((rc = round_publish_in_tx(s, &old, n, e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
round_add_offer(struct svc *s, int64_t round_id, int64_t offer_id,
    int64_t *submission_id, struct err *e)
{
	struct tariff_round	r;
	struct offer		o;
	struct submission	sub;
	const char		*group = NULL;
	int			rc;

	if ((rc = admin_only(s, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = round_store_get(s->db, s->arena, round_id, &r, e)) != 0 ||
	    (rc = offer_store_get(s->db, s->arena, offer_id, &o, e)) != 0)
		goto fail;
	if (r.status == ROUND_PUBLISHED) {
		rc = err_set(e, ERR_CONFLICT, "round_published", NULL,
		    "Runden er offentliggjort");
		goto fail;
	}
	if ((rc = offer_event_operator_of_year(s, offer_id, o.operator_code,
	    r.year, &o.operator_code, NULL, e)) != 0)
		goto fail;
	if (o.operator_code == NULL) {
		rc = err_set(e, ERR_INVALID, "missing_operator", "offer_id",
		    "Tilbuddet har ingen driftsherre");
		goto fail;
	}
	/* A member of a group that reports in the round has no line set of
	 * its own. */
	if ((rc = harmonised_store_reported(s->db, s->arena, round_id, r.year,
	    offer_id, &group, e)) != 0)
		goto fail;
	if (group != NULL) {
		rc = err_set(e, ERR_CONFLICT, "already_in_round", "offer_id",
		    "Tilbuddet er med i runden gennem den harmoniserede takst "
		    "%s", group);
		goto fail;
	}
	if ((rc = tariff_store_add_submission(s->db, &r, offer_id,
	    o.operator_code, s->now_iso, submission_id, e)) != 0 ||
	    (rc = tariff_store_submission_get(s->db, s->arena, *submission_id,
	    &sub, e)) != 0 ||
	    (rc = audit_add(s->db, s->who, s->now_iso, "submission",
	    idtxt(s, *submission_id), "create", NULL,
	    round_submission_audit(s, &sub, true, NULL, 0), e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}
