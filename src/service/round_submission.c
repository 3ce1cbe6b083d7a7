/*
 * round_submission — the submissions of a round: listing them and their lines,
 * reading one with its comparison figures, saving its lines (whole, or
 * one put or deleted) computed against last year's tariff, the
 * carry-over and the start-up share, submitting, approving or returning
 * it, and its history.
 */
#include <stdio.h>
#include <string.h>

#include "core/occupancy.h"
#include "core/params.h"
#include "core/role.h"
#include "core/round.h"
#include "service/agreement.h"
#include "service/mail_events.h"
#include "service/round.h"
#include "service/round_impl.h"
#include "service/startup.h"
#include "service/svc.h"
#include "store/accounts_store.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/round_store.h"
#include "store/tariff_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

int
round_submissions(struct svc *s, int64_t round_id, struct submission **out,
    size_t *n, struct err *e)
{
	struct tariff_round	 r;
	const char		*op = NULL;
	int			 rc;

	if ((rc = editors_only(s, e)) != 0)
		return rc;
	if (s->who->role == ROLE_OPERATOR)
		op = s->who->org_code != NULL ? s->who->org_code : "";
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = round_store_get(s->db, s->arena, round_id, &r, e);
	if (rc == 0)
		rc = tariff_store_submission_list(s->db, s->arena, round_id, op,
		    out, n, e);
	db_rollback(s->db);
	return rc;
}

int
round_submission_lines(struct svc *s, int64_t round_id,
    struct submission **subs, size_t *nsubs, struct round_line_row **lines,
    size_t *nlines, struct err *e)
{
	struct tariff_round	 r;
	struct round_line_row	*all;
	const char		*op = NULL;
	size_t			 nall, i, k;
	int			 rc;

	*lines = NULL;
	*nlines = 0;
	if ((rc = editors_only(s, e)) != 0)
		return rc;
	if (s->who->role == ROLE_OPERATOR)
		op = s->who->org_code != NULL ? s->who->org_code : "";
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	if ((rc = round_store_get(s->db, s->arena, round_id, &r, e)) == 0 &&
	    (rc = tariff_store_submission_list(s->db, s->arena, round_id, op,
	    subs, nsubs, e)) == 0)
		rc = tariff_store_round_lines(s->db, s->arena, round_id, &all,
		    &nall, e);
	db_rollback(s->db);
	if (rc != 0)
		return rc;
	if (op == NULL) {
		*lines = all;
		*nlines = nall;
		return 0;
	}
	/* Keep the lines of the operator's own submissions. */
	for (i = 0, k = 0; i < nall; i++) {
		size_t j;

		for (j = 0; j < *nsubs; j++)
			if ((*subs)[j].id == all[i].submission_id)
				break;
		if (j < *nsubs)
			all[k++] = all[i];
	}
	*lines = all;
	*nlines = k;
	return 0;
}

/* Load a submission the acting user may see, with its round. */
static int
load_sub(struct svc *s, int64_t id, struct submission *sub,
    struct tariff_round *r, struct err *e)
{
	int rc;

	if ((rc = editors_only(s, e)) != 0)
		return rc;
	if ((rc = tariff_store_submission_get(s->db, s->arena, id, sub, e))
	    != 0)
		return rc;
	if (!role_may_edit_offer(s->who, sub->operator_code))
		return not_yours(e);
	return round_store_get(s->db, s->arena, sub->round_id, r, e);
}

/* The comparison context of a submission's lines, inside a transaction. */
static int
line_context(struct svc *s, const struct agreement_params *p,
    const struct submission *sub, const struct tariff_round *r,
    struct round_line_ctx *ctx, struct prev_tariff **prev, size_t *nprev,
    bool *has_carry, int64_t *carry, struct err *e)
{
	struct accounts_carry		*c;
	struct accounts_occupancy	*occ;
	size_t				 nc, nocc;
	int				 rc, first, last;

	memset(ctx, 0, sizeof(*ctx));
	ctx->year = r->year;
	ctx->cls = round_class_of(sub->offer_kind);
	ctx->pl_bp = r->pl_bp;
	ctx->increase_warn_bp = r->increase_warn_bp;
	ctx->prev_tariff_ore = -1;
	if ((rc = tariff_store_prev_tariffs(s->db, s->arena, r->year - 1,
	    sub->offer_id, prev, nprev, e)) != 0 ||
	    (rc = accounts_store_carry(s->db, s->arena, r->year, sub->offer_id,
	    &c, &nc, e)) != 0)
		return rc;
	occupancy_source_years(p, r->year, &first, &last);
	if ((rc = accounts_store_occupancy(s->db, s->arena, last - 1, last,
	    sub->offer_id, &occ, &nocc, e)) != 0)
		return rc;
	round_days_of(occ, nocc, sub->offer_id, last, ctx->hist_days);
	if ((rc = startup_share_in_tx(s, sub->offer_id, r->year,
	    &ctx->startup_ore, NULL, NULL, e)) != 0)
		return rc;
	*has_carry = nc > 0;
	*carry = nc > 0 ? c[0].to_tariff_ore : 0;
	return 0;
}

int
round_submission_get(struct svc *s, int64_t id, struct submission_view *out,
    struct err *e)
{
	struct agreement_params	p;
	struct accounts_carry	*c;
	size_t			 nc, i;
	char			 today[11];
	int			 rc, first, last;

	memset(out, 0, sizeof(*out));
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	if ((rc = load_sub(s, id, &out->sub, &out->round, e)) != 0 ||
	    (rc = tariff_store_lines(s->db, s->arena, id, &out->sub.lines,
	    &out->sub.nlines_loaded, e)) != 0 ||
	    (rc = accounts_store_carry(s->db, s->arena, out->round.year,
	    out->sub.offer_id, &c, &nc, e)) != 0 ||
	    (rc = agreement_params_get_in_tx(s, out->round.year, &p, e)) != 0)
		goto done;
	out->has_carry = nc > 0;
	out->expected_carry_ore = nc > 0 ? c[0].to_tariff_ore : 0;
	if ((rc = startup_share_in_tx(s, out->sub.offer_id, out->round.year,
	    &out->startup_ore, &out->startup, &out->nstartup, e)) != 0)
		goto done;
	occupancy_source_years(&p, out->round.year, &first, &last);
	out->hist_years[0] = last;
	out->hist_years[1] = last - 1;
	if ((rc = tariff_store_prev_tariffs(s->db, s->arena,
	    out->round.year - 1, out->sub.offer_id, &out->prev, &out->nprev,
	    e)) != 0)
		goto done;
	if (out->sub.prefilled_from != 0 &&
	    tariff_store_submission_get(s->db, s->arena,
	    out->sub.prefilled_from, &out->src, e) == 0 &&
	    (rc = tariff_store_lines(s->db, s->arena, out->src.id,
	    &out->src.lines, &out->src.nlines_loaded, e)) != 0)
		goto done;
	if (out->src.lines == NULL)
		memset(&out->src, 0, sizeof(out->src));
	err_clear(e);
	out->sub.nlines = (int64_t)out->sub.nlines_loaded;
	for (i = 0; i < out->sub.nlines_loaded; i++)
		if (round_line_needs_reason(&out->sub.lines[i]))
			out->reasons_missing++;
	today_of(s, today);
	out->may_edit = round_submission_may(&out->round, out->sub.status,
	    SUBMISSION_EDIT, today, NULL) == 0;
	out->may_submit = round_submission_may(&out->round, out->sub.status,
	    SUBMISSION_SUBMIT, today, NULL) == 0;
	out->may_review = s->who->role == ROLE_ADMIN &&
	    (round_submission_may(&out->round, out->sub.status,
	    SUBMISSION_APPROVE, today, NULL) == 0 ||
	    round_submission_may(&out->round, out->sub.status,
	    SUBMISSION_RETURN, today, NULL) == 0);
done:
	db_rollback(s->db);
	return rc;
}

/* One line saved or deleted (round_line_put, round_line_delete). */
struct line_edit {
	const struct service_line *line;	/* put: the line; NULL: delete */
	int			 pos;		/* delete: 1-based position */
	int			 at;		/* put: 1-based position the line
						   was saved at */
};

/*
 * Save the lines of submission id: lines[0..n), or with edit the stored
 * lines with one line put or deleted (core/round pairs the referral
 * dates). One transaction with an audit record.
 */
static int
save_lines(struct svc *s, int64_t id, int64_t expected_version,
    struct service_line *lines, size_t n, struct line_edit *edit,
    int64_t *version, struct err *e)
{
	struct agreement_params	 p;
	struct submission	 sub, now;
	struct tariff_round	 r;
	struct round_line_ctx	 ctx;
	struct prev_tariff	*prev;
	struct service_line	*old;
	size_t			 nprev, nold, i, at;
	int64_t			 carry;
	bool			 has_carry;
	char			 today[11], *before;
	int			 rc;

	today_of(s, today);
	if (edit == NULL && n > ROUND_LINES_MAX)
		return err_set(e, ERR_INVALID, "too_many_lines", "lines",
		    "Højst %d ydelseslinjer i en indberetning",
		    ROUND_LINES_MAX);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = load_sub(s, id, &sub, &r, e)) != 0 ||
	    (rc = round_submission_may(&r, sub.status, SUBMISSION_EDIT, today,
	    e)) != 0)
		goto fail;
	if (sub.version != expected_version) {
		rc = err_set(e, ERR_PRECONDITION, "stale_version", NULL,
		    "Indberetningen er ændret i mellemtiden; hent den igen og "
		    "gentag ændringen");
		goto fail;
	}
	if ((rc = tariff_store_lines(s->db, s->arena, id, &old, &nold, e))
	    != 0)
		goto fail;
	if (edit != NULL) {
		lines = arena_calloc(s->arena, nold + 1, sizeof(*lines));
		if (edit->line != NULL) {
			if ((rc = round_lines_put(old, nold, edit->line, lines,
			    &n, &at, e)) != 0)
				goto fail;
			edit->at = (int)at + 1;
		} else if ((rc = round_lines_delete(old, nold, edit->pos,
		    lines, &n, e)) != 0)
			goto fail;
		if (n > ROUND_LINES_MAX) {
			rc = err_set(e, ERR_INVALID, "too_many_lines", "lines",
			    "Højst %d ydelseslinjer i en indberetning",
			    ROUND_LINES_MAX);
			goto fail;
		}
	}
	if ((rc = agreement_params_get_in_tx(s, r.year, &p, e)) != 0 ||
	    (rc = line_context(s, &p, &sub, &r, &ctx, &prev, &nprev, &has_carry,
	    &carry, e)) != 0)
		goto fail;
	for (i = 0; i < n; i++) {
		lines[i].pos = (int)i + 1;
		ctx.prev_tariff_ore = -1;
		if (lines[i].paragraph != NULL && lines[i].level != NULL)
			ctx.prev_tariff_ore = round_prev_of(prev, nprev,
			    sub.offer_id, &lines[i]);
		if ((rc = round_line_compute(&p, &ctx, i, &lines[i], e)) != 0)
			goto fail;
	}
	if ((rc = round_lines_check(lines, n, has_carry ? &carry : NULL, e))
	    != 0)
		goto fail;
	before = round_submission_audit(s, &sub, false, old, nold);
	if ((rc = tariff_store_lines_delete(s->db, id, e)) != 0)
		goto fail;
	for (i = 0; i < n; i++)
		if ((rc = tariff_store_line_insert(s->db, id, &lines[i], e))
		    != 0)
			goto fail;
	if ((rc = tariff_store_submission_touch(s->db, id, expected_version,
	    s->now_iso, e)) != 0 ||
	    (rc = tariff_store_submission_get(s->db, s->arena, id, &now, e))
	    != 0 ||
	    (rc = audit_add(s->db, s->who, s->now_iso, "submission",
	    idtxt(s, id), "update", before, round_submission_audit(s, &now,
	    false, lines, n), e)) != 0)
		goto fail;
	if ((rc = db_commit(s->db, e)) != 0)
		return rc;
	if (version != NULL)
		*version = now.version;
	return 0;
fail:
	db_rollback(s->db);
	return rc;
}

int
round_submission_save(struct svc *s, int64_t id, int64_t expected_version,
    struct service_line *lines, size_t n, int64_t *version, struct err *e)
{
	return save_lines(s, id, expected_version, lines, n, NULL, version, e);
}

int
round_line_put(struct svc *s, int64_t submission_id,
    int64_t expected_version, const struct service_line *line, int *pos,
    int64_t *version, struct err *e)
{
	struct line_edit	edit = { line, 0, 0 };
	int			rc;

	rc = save_lines(s, submission_id, expected_version, NULL, 0, &edit,
	    version, e);
	if (rc == 0 && pos != NULL)
		*pos = edit.at;
	return rc;
}

int
round_line_preview(struct svc *s, int64_t submission_id,
    struct service_line *line, struct err *e)
{
	struct agreement_params	 p;
	struct submission	 sub;
	struct tariff_round	 r;
	struct round_line_ctx	 ctx;
	struct prev_tariff	*prev;
	size_t			 nprev;
	int64_t			 carry;
	bool			 has_carry;
	int			 rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	if ((rc = load_sub(s, submission_id, &sub, &r, e)) != 0 ||
	    (rc = agreement_params_get_in_tx(s, r.year, &p, e)) != 0 ||
	    (rc = line_context(s, &p, &sub, &r, &ctx, &prev, &nprev, &has_carry,
	    &carry, e)) != 0)
		goto done;
	if (line->paragraph != NULL && line->level != NULL)
		ctx.prev_tariff_ore = round_prev_of(prev, nprev, sub.offer_id,
		    line);
	/* The start-up share belongs to the first line only. */
	if (line->pos > 1 || (line->pos == 0 && sub.nlines > 0))
		ctx.startup_ore = 0;
	rc = round_line_compute(&p, &ctx, 0, line, e);
done:
	db_rollback(s->db);
	return rc;
}

int
round_line_delete(struct svc *s, int64_t submission_id,
    int64_t expected_version, int pos, int64_t *version, struct err *e)
{
	struct line_edit edit = { NULL, pos, 0 };

	return save_lines(s, submission_id, expected_version, NULL, 0, &edit,
	    version, e);
}

/*
 * The first line carries the year's start-up share as it is now: costs
 * recorded after the lines were computed need them saved again.
 */
static int
check_startup(struct svc *s, const struct submission *sub, int year,
    enum submission_action act, const struct service_line *lines, size_t n,
    struct err *e)
{
	int64_t	share;
	int	rc;

	if ((rc = startup_share_in_tx(s, sub->offer_id, year, &share, NULL,
	    NULL, e)) != 0)
		return rc;
	if (n == 0 || lines[0].startup_ore == share)
		return 0;
	return err_set(e, ERR_CONFLICT, "startup_changed", "lines[0]",
	    "Opstartsomkostningerne for tilbuddet er ændret, siden linje 1 "
	    "blev beregnet. %s", act == SUBMISSION_SUBMIT ? "Gem linje 1 "
	    "igen, og indsend så" : "Send indberetningen retur, så "
	    "driftsherren kan gemme linje 1 igen");
}

/* Lines ready to submit: at least one, all computed, reasons given. */
int
round_check_ready(const struct service_line *lines, size_t n, struct err *e)
{
	char	field[40], msg[ROUND_WARN_MSG];
	size_t	i, k;

	if (n == 0)
		return err_set(e, ERR_INVALID, "no_lines", "lines",
		    "Indberetningen har ingen ydelseslinjer");
	for (i = 0; i < n; i++) {
		if (!lines[i].computed) {
			snprintf(field, sizeof(field), "lines[%zu]", i);
			return err_set(e, ERR_INVALID, "not_computed", field,
			    "Linje %zu: taksten kan ikke beregnes; ret linjen "
			    "først", i + 1);
		}
		if (round_line_needs_reason(&lines[i])) {
			for (k = 0; k < lines[i].nwarnings; k++)
				if (lines[i].warnings[k].needs_reason)
					break;
			snprintf(field, sizeof(field), "lines[%zu].reason", i);
			round_warning_text(&lines[i], k, msg, sizeof(msg));
			return err_set(e, ERR_INVALID, "missing_reason", field,
			    "Linje %zu: skriv en begrundelse for advarslen: "
			    "%.300s", i + 1, msg);
		}
	}
	return 0;
}

int
round_submission_act(struct svc *s, int64_t id, int64_t expected_version,
    enum submission_action act, const char *comment, int64_t *version,
    struct err *e)
{
	static const char *const actions[] = { "update", "submit", "approve",
	    "return" };
	static const enum submission_status to[] = { SUBMISSION_DRAFT,
	    SUBMISSION_SUBMITTED, SUBMISSION_APPROVED, SUBMISSION_RETURNED };
	struct submission	 sub, now;
	struct tariff_round	 r;
	struct service_line	*lines;
	size_t			 n;
	char			 today[11], *before;
	int			 rc;

	if ((unsigned)act >= SUBMISSION_ACTION_COUNT || act == SUBMISSION_EDIT)
		return err_set(e, ERR_INVALID, "invalid_action", NULL,
		    "Ukendt handling");
	if (act != SUBMISSION_SUBMIT && (rc = admin_only(s, e)) != 0)
		return rc;
	if (act == SUBMISSION_RETURN) {
		if (comment == NULL || *comment == '\0')
			return err_set(e, ERR_INVALID, "missing_comment",
			    "comment", "Skriv en kommentar til driftsherren "
			    "om, "
			    "hvad der skal rettes");
		if (!text_utf8_valid(comment, strlen(comment)) ||
		    text_utf8_len(comment, strlen(comment)) > ROUND_COMMENT_MAX
		    || text_has_controls(comment))
			return err_set(e, ERR_INVALID, "invalid_comment",
			    "comment", "Kommentaren må højst have %d tegn og "
			    "ingen styretegn", ROUND_COMMENT_MAX);
	}
	today_of(s, today);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = load_sub(s, id, &sub, &r, e)) != 0 ||
	    (rc = round_submission_may(&r, sub.status, act, today, e)) != 0)
		goto fail;
	if (sub.version != expected_version) {
		rc = err_set(e, ERR_PRECONDITION, "stale_version", NULL,
		    "Indberetningen er ændret i mellemtiden; hent den igen og "
		    "gentag handlingen");
		goto fail;
	}
	if ((rc = tariff_store_lines(s->db, s->arena, id, &lines, &n, e)) != 0)
		goto fail;
	if (act == SUBMISSION_SUBMIT &&
	    (rc = round_check_ready(lines, n, e)) != 0)
		goto fail;
	if ((act == SUBMISSION_SUBMIT || act == SUBMISSION_APPROVE) &&
	    (rc = check_startup(s, &sub, r.year, act, lines, n, e)) != 0)
		goto fail;
	before = round_submission_audit(s, &sub, false, NULL, 0);
	if ((rc = tariff_store_submission_set(s->db, id, expected_version,
	    to[act], act == SUBMISSION_RETURN ? comment : NULL, s->now_iso,
	    s->who->username, e)) != 0 ||
	    (rc = tariff_store_submission_get(s->db, s->arena, id, &now, e))
	    != 0 ||
	    (rc = audit_add(s->db, s->who, s->now_iso, "submission",
	    idtxt(s, id), actions[act], before, round_submission_audit(s, &now,
	    false, NULL, 0), e)) != 0)
		goto fail;
	if ((act == SUBMISSION_RETURN || act == SUBMISSION_APPROVE) &&
	    (rc = mail_submission_reviewed(s, &now, &r,
	    act == SUBMISSION_RETURN, e)) != 0)
		goto fail;
	if ((rc = db_commit(s->db, e)) != 0)
		return rc;
	if (version != NULL)
		*version = now.version;
	return 0;
fail:
	db_rollback(s->db);
	return rc;
}

int
round_submission_history(struct svc *s, int64_t id, struct audit_entry **out,
    int *n, struct err *e)
{
	struct submission	sub;
	struct tariff_round	r;
	int			rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = load_sub(s, id, &sub, &r, e);
	if (rc == 0)
		rc = audit_list(s->db, s->arena, "submission", idtxt(s, id),
		    200, out, n, e);
	db_rollback(s->db);
	return rc;
}
