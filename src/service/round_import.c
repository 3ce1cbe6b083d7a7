/*
 * round_import — the bulk import of service lines into a round: every row
 * checked and computed, errors by row, all or nothing; optionally
 * approved and the round published in the same transaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/occupancy.h"
#include "core/params.h"
#include "core/role.h"
#include "core/round.h"
#include "service/agreement.h"
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
#include "util/buf.h"
#include "util/err.h"

struct import_key {
	int64_t	offer_id;
	size_t	idx;
};

static int
import_key_cmp(const void *a, const void *b)
{
	const struct import_key *x = a, *y = b;

	if (x->offer_id != y->offer_id)
		return x->offer_id < y->offer_id ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static int
sub_offer_cmp(const void *a, const void *b)
{
	const struct submission *x = a, *y = b;

	return x->offer_id < y->offer_id ? -1 : x->offer_id > y->offer_id;
}

/* The first of the lines v (n of them, by submission) of submission id,
 * or where it would be. */
static size_t
old_first(const struct round_line_row *v, size_t n, int64_t id)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v[mid].submission_id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Record an error of the import for row; false once the list is full. */
static bool
import_error(struct round_import_report *rep, int row, const struct err *src)
{
	if (rep->nerrors >= ROUND_IMPORT_ERRORS_MAX)
		return false;
	rep->errors[rep->nerrors] = *src;
	rep->errors[rep->nerrors].line = row;
	rep->nerrors++;
	return true;
}

static void
import_error_msg(struct round_import_report *rep, int row, const char *key,
    const char *field, const char *msg)
{
	struct err e;

	err_clear(&e);
	err_set(&e, ERR_INVALID, key, field, "%s", msg);
	import_error(rep, row, &e);
}

int
round_import_lines(struct svc *s, int64_t round_id,
    struct round_import_row *rows, size_t n, unsigned flags,
    struct round_import_report *rep, struct err *e)
{
	struct agreement_params	 p;
	struct tariff_round	 r;
	struct submission	*subs, key, *sub;
	struct prev_tariff	*prev;
	struct accounts_carry	*carry;
	struct round_line_row	*old;
	struct import_key	*order;
	struct service_line	*group;
	struct round_line_ctx	 ctx;
	struct err		 le;
	struct accounts_occupancy *occ;
	size_t			 nsubs, nprev, ncarry, nold, nocc, g, j, k, o;
	int			 yfirst, ylast;
	size_t			*start;
	bool			 approve = (flags & (ROUND_IMPORT_APPROVE |
				    ROUND_IMPORT_PUBLISH)) != 0;
	struct buf		 ab, bb;
	char			 today[11], idbuf[24];
	int			 rc;

	memset(rep, 0, sizeof(*rep));
	buf_init(&ab);	/* fail: frees them, from the first step on */
	buf_init(&bb);
	rep->errors = arena_calloc(s->arena, ROUND_IMPORT_ERRORS_MAX,
	    sizeof(*rep->errors));
	if ((rc = editors_only(s, e)) != 0 ||
	    (approve && (rc = admin_only(s, e)) != 0))
		return rc;
	if (n == 0)
		return err_set(e, ERR_INVALID, "no_lines", NULL,
		    "Filen har ingen ydelseslinjer");
	today_of(s, today);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = round_store_get(s->db, s->arena, round_id, &r, e)) != 0 ||
	    (rc = agreement_params_get_in_tx(s, r.year, &p, e)) != 0 ||
	    (rc = tariff_store_submission_keys(s->db, s->arena, round_id,
	    &subs, &nsubs, e)) != 0 ||
	    (rc = tariff_store_prev_tariffs(s->db, s->arena, r.year - 1, 0,
	    &prev, &nprev, e)) != 0 ||
	    (rc = accounts_store_carry(s->db, s->arena, r.year, 0, &carry,
	    &ncarry, e)) != 0 ||
	    (rc = tariff_store_round_lines(s->db, s->arena, round_id, &old,
	    &nold, e)) != 0)
		goto fail;
	occupancy_source_years(&p, r.year, &yfirst, &ylast);
	if ((rc = accounts_store_occupancy(s->db, s->arena, ylast - 1, ylast,
	    0, &occ, &nocc, e)) != 0)
		goto fail;

	/* Group the rows by offer, keeping their order within an offer; the
	 * lines are computed where they are, in rows. */
	order = arena_calloc(s->arena, n, sizeof(*order));
	for (j = 0; j < n; j++) {
		order[j].offer_id = rows[j].offer_id;
		order[j].idx = j;
	}
	qsort(order, n, sizeof(*order), import_key_cmp);
	start = arena_calloc(s->arena, n + 1, sizeof(*start));
	group = arena_calloc(s->arena, ROUND_LINES_MAX, sizeof(*group));

	memset(&ctx, 0, sizeof(ctx));
	ctx.year = r.year;
	ctx.pl_bp = r.pl_bp;
	ctx.increase_warn_bp = r.increase_warn_bp;
	for (g = 0, o = 0; g < n; g = j) {
		struct round_import_row *first = &rows[order[g].idx];

		for (j = g; j < n &&
		    order[j].offer_id == order[g].offer_id; j++)
			;
		start[o] = g;
		key.offer_id = order[g].offer_id;
		sub = nsubs ? bsearch(&key, subs, nsubs, sizeof(*subs),
		    sub_offer_cmp) : NULL;
		if (sub == NULL) {
			import_error_msg(rep, first->row, "not_in_round",
			    "offer_id", arena_printf(s->arena, "Tilbud nr. "
			    "%lld er ikke med i runden", (long long)
			    key.offer_id));
			continue;
		}
		if (!role_may_edit_offer(s->who, sub->operator_code)) {
			import_error_msg(rep, first->row, "forbidden",
			    "offer_id", arena_printf(s->arena, "Tilbud nr. "
			    "%lld har en anden driftsherre end din "
			    "organisation", (long long)key.offer_id));
			continue;
		}
		err_clear(&le);
		if (round_submission_may(&r, sub->status, approve ?
		    SUBMISSION_SUBMIT : SUBMISSION_EDIT, today, &le) != 0) {
			import_error(rep, first->row, &le);
			continue;
		}
		if (j - g > ROUND_LINES_MAX) {
			import_error_msg(rep, first->row, "too_many_lines",
			    "offer_id", arena_printf(s->arena, "Tilbud nr. "
			    "%lld har mere end %d ydelseslinjer", (long long)
			    key.offer_id, ROUND_LINES_MAX));
			continue;
		}
		ctx.cls = round_class_of(sub->offer_kind);
		round_days_of(occ, nocc, sub->offer_id, ylast, ctx.hist_days);
		if ((rc = startup_share_in_tx(s, sub->offer_id, r.year,
		    &ctx.startup_ore, NULL, NULL, e)) != 0)
			goto fail;
		for (k = g; k < j; k++) {
			struct round_import_row	*row = &rows[order[k].idx];
			struct service_line	*l = &row->line;

			l->pos = (int)(k - g + 1);
			ctx.prev_tariff_ore = l->paragraph != NULL ?
			    round_prev_of(prev, nprev, key.offer_id, l) : -1;
			err_clear(&le);
			if (round_line_compute(&p, &ctx, k - g, l, &le) != 0) {
				/* The file names the row, not "Linje n". */
				const char *colon = strstr(le.msg, ": ");
				if (colon != NULL)
					memmove(le.msg, colon + 2,
					    strlen(colon + 2) + 1);
				const char *dot = strchr(le.field, '.');
				if (dot != NULL)
					memmove(le.field, dot + 1,
					    strlen(dot + 1) + 1);
				import_error(rep, row->row, &le);
			}
		}
		if (rep->nerrors == 0) {
			/* The whole submission: duplicates, carry-over,
			 * reasons; on a copy, whose warnings go back. */
			for (k = g; k < j; k++)
				group[k - g] = rows[order[k].idx].line;
			err_clear(&le);
			if (round_lines_check(group, j - g,
			    round_carry_of(carry, ncarry, key.offer_id), &le)
			    != 0)
				import_error(rep, first->row, &le);
			err_clear(&le);
			if (rep->nerrors == 0 && approve &&
			    round_check_ready(group, j - g, &le) != 0)
				import_error(rep, first->row, &le);
			first->line = group[0];
		}
		o++;
	}
	start[o] = n;
	if (rep->nerrors > 0) {
		db_rollback(s->db);
		return err_set(e, ERR_INVALID, "import_failed", NULL,
		    "%d fejl i filen; intet er gemt", rep->nerrors);
	}
	if ((flags & ROUND_IMPORT_CHECK) != 0) {
		db_rollback(s->db);
		return 0;
	}

	/* Write: every submission in the file gets its new lines. */
	for (g = 0; g < o; g++) {
		size_t	 a = start[g], b = start[g + 1], m;
		int64_t	 v;

		key.offer_id = order[a].offer_id;
		sub = bsearch(&key, subs, nsubs, sizeof(*subs), sub_offer_cmp);
		v = sub->version;
		buf_reset(&bb);
		if (sub->nlines > 0) {
			struct service_line *ov = arena_calloc(s->arena,
			    (size_t)sub->nlines, sizeof(*ov));
			for (m = 0, k = old_first(old, nold, sub->id);
			    k < nold && m < (size_t)sub->nlines &&
			    old[k].submission_id == sub->id; k++)
				ov[m++] = old[k].line;
			round_submission_audit_buf(&bb, sub, false, ov, m);
		}
		if (sub->nlines > 0 &&
		    (rc = tariff_store_lines_delete(s->db, sub->id, e)) != 0)
			goto fail;
		for (k = a; k < b; k++) {
			group[k - a] = rows[order[k].idx].line;
			if (round_line_needs_reason(&group[k - a]))
				rep->reasons_missing++;
			if ((rc = tariff_store_line_insert(s->db, sub->id,
			    &group[k - a], e)) != 0)
				goto fail;
		}
		if (approve) {
			/* Submitted and approved at once (submitted_at set). */
			if ((rc = tariff_store_submission_set(s->db, sub->id,
			    v, SUBMISSION_APPROVED, NULL, s->now_iso,
			    s->who->username, e)) != 0)
				goto fail;
			sub->version = v + 1;
			sub->status = SUBMISSION_APPROVED;
			rep->approved++;
		} else {
			if ((rc = tariff_store_submission_touch(s->db, sub->id,
			    v, s->now_iso, e)) != 0)
				goto fail;
			sub->version = v + 1;
		}
		buf_reset(&ab);
		round_submission_audit_buf(&ab, sub, false, group, b - a);
		snprintf(idbuf, sizeof(idbuf), "%lld", (long long)sub->id);
		if ((rc = audit_add(s->db, s->who, s->now_iso, "submission",
		    idbuf, approve ? "import_approve" : "import", bb.len ?
		    buf_str(&bb) : NULL, buf_str(&ab), e)) != 0)
			goto fail;
		rep->submissions++;
		rep->lines += (int)(b - a);
	}
	buf_cleanup(&ab);
	buf_cleanup(&bb);
	if ((flags & ROUND_IMPORT_PUBLISH) != 0 &&
	    (rc = round_publish_in_tx(s, &r, &rep->published, e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	buf_cleanup(&ab);
	buf_cleanup(&bb);
	db_rollback(s->db);
	return rc;
}
