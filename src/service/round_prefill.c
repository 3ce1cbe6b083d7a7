/*
 * round_prefill — the pre-fill of a new round's lines: each submission from its
 * offer's latest earlier lines, with the accounts' carry-over and
 * place-days, last year's tariff and the year's start-up share, then
 * computed; a harmonised group's first round merges its members' lines
 * into one line set. The look-ups by offer it uses are shared with the
 * submissions and the bulk import.
 */
#include <string.h>

#include "core/harmonised.h"
#include "core/money.h"
#include "core/occupancy.h"
#include "core/params.h"
#include "core/round.h"
#include "service/round_impl.h"
#include "service/startup.h"
#include "service/svc.h"
#include "store/accounts_store.h"
#include "store/harmonised_store.h"
#include "store/tariff_store.h"
#include "util/arena.h"
#include "util/err.h"

enum occupancy_class
round_class_of(const char *offer_kind)
{
	if (offer_kind != NULL && strcmp(offer_kind, "respite") == 0)
		return OCCUPANCY_SHORT_STAY;
	if (offer_kind != NULL && strcmp(offer_kind, "secure_institution") == 0)
		return OCCUPANCY_SECURE;
	return OCCUPANCY_ORDINARY;
}

/* Two optional texts are equal (NULL equals NULL only). */
static bool
same_opt(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

/*
 * Last year's tariff of offer_id for line l among v[0..n) (sorted by
 * offer), or -1: the one of the same paragraph, level, unit and referral
 * dates; failing that, for a line of a structure being replaced (for the
 * citizens referred before a cut-off date), the one without referral
 * dates it continues. A line of a new structure has no predecessor
 * unless last year had the same structure.
 */
int64_t
round_prev_of(const struct prev_tariff *v, size_t n, int64_t offer_id,
    const struct service_line *l)
{
	size_t	lo = 0, hi = n, mid;
	int64_t	plain = -1;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v[mid].offer_id < offer_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < n && v[lo].offer_id == offer_id; lo++) {
		if (v[lo].unit != l->unit ||
		    strcmp(v[lo].paragraph, l->paragraph) != 0 ||
		    strcmp(v[lo].level, l->level ? l->level : "") != 0)
			continue;
		if (same_opt(v[lo].referred_from, l->referred_from) &&
		    same_opt(v[lo].referred_before, l->referred_before))
			return v[lo].tariff_ore;
		if (v[lo].referred_from == NULL &&
		    v[lo].referred_before == NULL)
			plain = v[lo].tariff_ore;
	}
	return l->referred_before != NULL ? plain : -1;
}

/* The carry-over the accounts direct to offer_id, from v sorted by offer. */
const int64_t *
round_carry_of(const struct accounts_carry *v, size_t n, int64_t offer_id)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v[mid].offer_id < offer_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo].offer_id == offer_id ?
	    &v[lo].to_tariff_ore : NULL;
}

/*
 * The accounts' place-days of offer_id in years last and last − 1 into
 * days[0] and days[1] (available 0 where none were reported).
 */
void
round_days_of(const struct accounts_occupancy *v, size_t n, int64_t offer_id,
    int last, struct occupancy_year days[2])
{
	size_t	lo = 0, hi = n, mid;

	memset(days, 0, 2 * sizeof(days[0]));
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v[mid].offer_id < offer_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < n && v[lo].offer_id == offer_id; lo++)
		if (v[lo].available_days > 0 && (v[lo].year == last ||
		    v[lo].year == last - 1)) {
			days[last - v[lo].year].occupied = v[lo].occupied_days;
			days[last - v[lo].year].available =
			    v[lo].available_days;
		}
}

/* Compute line l; a failure becomes a line without a tariff whose
 * warning says why (pre-filled lines only). */
static void
compute_or_mark(struct svc *s, const struct agreement_params *p,
    const struct round_line_ctx *ctx, struct service_line *l)
{
	struct err e;

	err_clear(&e);
	if (round_line_compute(p, ctx, (size_t)(l->pos - 1), l, &e) == 0)
		return;
	l->computed = false;
	l->nwarnings = 1;
	memset(&l->warnings[0], 0, sizeof(l->warnings[0]));
	l->warnings[0].kind = WARN_NOT_COMPUTED;
	l->problem = arena_strdup(s->arena, e.msg);
}

/* What the pre-fill of a round reads once. */
struct prefill_data {
	struct accounts_carry		*carry;
	struct accounts_occupancy	*occ;
	struct prev_tariff		*prev;
	size_t				 ncarry, nocc, nprev;
	int				 first, last;	/* source years */
};

/*
 * Pre-fill line l, copied from a round shift years before: the history
 * from ctx->hist_days (else the source's, shifted), the budgeted
 * occupancy from that history (a secure institution's at the year's
 * assumed occupancy), no reason; then compute it. The caller sets
 * ctx (class, place-days, last year's tariff) and the carry-over.
 */
static void
prefill_line(struct svc *s, const struct agreement_params *p,
    const struct round_line_ctx *ctx, int shift, struct service_line *l)
{
	struct service_line	src = *l;
	int64_t			acc;
	int			k;

	for (k = 0; k < 2; k++) {
		acc = round_days_bp(ctx->hist_days[k].occupied,
		    ctx->hist_days[k].available);
		if (acc >= 0)
			l->hist_bp[k] = acc;
		else if (k - shift >= 0 && k - shift < 2)
			l->hist_bp[k] = src.hist_bp[k - shift];
		else
			l->hist_bp[k] = -1;
	}
	/* The history's mean, exact from the place-days. */
	if (round_line_history_bp(p, ctx, l, &acc) == 0 &&
	    acc >= 1 && acc <= MONEY_BP_ONE)
		l->occupancy_bp = acc;
	/* A secure institution is budgeted at the year's assumed occupancy,
	 * not at its history. */
	if (ctx->cls == OCCUPANCY_SECURE)
		l->occupancy_bp = p->secure_occupancy_bp;
	l->reason = NULL;
	compute_or_mark(s, p, ctx, l);
}

/* Check the carry-over of lines v[0..n-1] and store them in sub_id. */
static int
prefill_store(struct svc *s, int64_t sub_id, struct service_line *v,
    size_t n, const int64_t *carry, int64_t *nlines, struct err *e)
{
	size_t	i;
	int	rc;

	(void)round_lines_check(v, n, carry, NULL);
	for (i = 0; i < n; i++) {
		if ((rc = tariff_store_line_insert(s->db, sub_id, &v[i], e))
		    != 0)
			return rc;
		(*nlines)++;
	}
	return 0;
}

/*
 * The first round of a harmonised group: its submission (on the first
 * member) was pre-filled from that offer's own lines; add the other
 * members' latest lines, each pre-filled as its own offer's, and merge
 * them into the group's one line set (core/harmonised): places, costs
 * and carry-over summed, occupancy weighted by places, the history from
 * the members' place-days summed.
 */
static int
prefill_group(struct svc *s, const struct tariff_round *r,
    const struct agreement_params *p, const struct prefill_data *d,
    const struct submission *sub, int64_t *nlines, struct err *e)
{
	struct round_line_row	*rows;
	struct service_line	*own, *all, *merged;
	struct round_line_ctx	 ctx;
	struct occupancy_year	 days[2], sum[2];
	const int64_t		*c;
	int64_t			 carry = 0, lead_carry, acc;
	size_t			 nrows, nown, n, k, i, q;
	int			*years, rc;
	bool			 has_carry, known[2];

	if ((rc = harmonised_store_member_lines(s->db, s->arena, sub->id,
	    &rows, &years, &nrows, e)) != 0)
		return rc;
	if (nrows == 0)
		return 0;
	if ((rc = tariff_store_lines(s->db, s->arena, sub->id, &own, &nown,
	    e)) != 0)
		return rc;
	all = arena_calloc(s->arena, nown + nrows, sizeof(*all));
	for (i = 0; i < nown; i++)
		all[i] = own[i];
	c = round_carry_of(d->carry, d->ncarry, sub->offer_id);
	has_carry = c != NULL;
	lead_carry = c != NULL ? *c : 0;
	carry = lead_carry;
	round_days_of(d->occ, d->nocc, sub->offer_id, d->last, sum);
	for (q = 0; q < 2; q++)
		known[q] = sum[q].available > 0;
	memset(&ctx, 0, sizeof(ctx));
	ctx.year = r->year;
	ctx.pl_bp = r->pl_bp;
	ctx.increase_warn_bp = r->increase_warn_bp;
	for (i = 0; i < nrows; i++) {
		struct service_line *l = &all[nown + i];
		bool first = i == 0 || rows[i - 1].offer_id != rows[i].offer_id;

		*l = rows[i].line;
		ctx.cls = round_class_of(rows[i].offer_kind);
		round_days_of(d->occ, d->nocc, rows[i].offer_id, d->last, days);
		memcpy(ctx.hist_days, days, sizeof(days));
		c = round_carry_of(d->carry, d->ncarry, rows[i].offer_id);
		l->carry_over_ore = first && c != NULL ? *c : 0;
		if (first && c != NULL) {
			carry += *c;
			has_carry = true;
		}
		if (first)
			for (q = 0; q < 2; q++) {
				known[q] = known[q] && days[q].available > 0;
				sum[q].occupied += days[q].occupied;
				sum[q].available += days[q].available;
			}
		ctx.prev_tariff_ore = round_prev_of(d->prev, d->nprev,
		    rows[i].offer_id, l);
		prefill_line(s, p, &ctx, r->year - years[i], l);
	}
	merged = arena_calloc(s->arena, nown + nrows, sizeof(*merged));
	harmonised_merge_lines(all, nown + nrows, merged, &n);
	/* The group's place-days, where every member reported them. */
	for (q = 0; q < 2; q++)
		if (!known[q])
			memset(&sum[q], 0, sizeof(sum[q]));
	ctx.cls = round_class_of(sub->offer_kind);
	memcpy(ctx.hist_days, sum, sizeof(sum));
	for (k = 0; k < n; k++) {
		ctx.prev_tariff_ore = round_prev_of(d->prev, d->nprev,
		    sub->offer_id, &merged[k]);
		for (q = 0; q < 2; q++)
			if ((acc = round_days_bp(sum[q].occupied,
			    sum[q].available)) >= 0)
				merged[k].hist_bp[q] = acc;
		prefill_line(s, p, &ctx, 0, &merged[k]);
	}
	if ((rc = tariff_store_lines_delete(s->db, sub->id, e)) != 0)
		return rc;
	*nlines -= (int64_t)nown;
	return prefill_store(s, sub->id, merged, n, has_carry ? &carry : NULL,
	    nlines, e);
}

/* Pre-fill the lines of the new round r (inside the transaction). */
int
round_prefill(struct svc *s, const struct tariff_round *r,
    const struct agreement_params *p, int64_t *nlines, struct err *e)
{
	struct round_line_row		*rows;
	struct submission		*subs;
	struct prefill_data		 d;
	struct round_line_ctx		 ctx;
	size_t				 nrows, nsubs, i, j, g;
	int				*years, rc;

	*nlines = 0;
	memset(&d, 0, sizeof(d));
	occupancy_source_years(p, r->year, &d.first, &d.last);
	if ((rc = tariff_store_prefill_rows(s->db, s->arena, r->id, &rows,
	    &years, &nrows, e)) != 0 ||
	    (rc = accounts_store_carry(s->db, s->arena, r->year, 0, &d.carry,
	    &d.ncarry, e)) != 0 ||
	    (rc = accounts_store_occupancy(s->db, s->arena, d.last - 1, d.last,
	    0, &d.occ, &d.nocc, e)) != 0 ||
	    (rc = tariff_store_prev_tariffs(s->db, s->arena, r->year - 1, 0,
	    &d.prev, &d.nprev, e)) != 0)
		return rc;
	memset(&ctx, 0, sizeof(ctx));
	ctx.year = r->year;
	ctx.pl_bp = r->pl_bp;
	ctx.increase_warn_bp = r->increase_warn_bp;
	for (g = 0; g < nrows; g = j) {
		const int64_t		*c;
		struct service_line	*v;

		c = round_carry_of(d.carry, d.ncarry, rows[g].offer_id);
		if ((rc = startup_share_in_tx(s, rows[g].offer_id, r->year,
		    &ctx.startup_ore, NULL, NULL, e)) != 0)
			return rc;
		for (j = g; j < nrows &&
		    rows[j].submission_id == rows[g].submission_id; j++) {
			struct service_line *l = &rows[j].line;

			l->pos = (int)(j - g + 1);
			ctx.cls = round_class_of(rows[j].offer_kind);
			round_days_of(d.occ, d.nocc, rows[j].offer_id, d.last,
			    ctx.hist_days);
			l->carry_over_ore = j == g && c != NULL ? *c : 0;
			ctx.prev_tariff_ore = round_prev_of(d.prev, d.nprev,
			    rows[j].offer_id, l);
			prefill_line(s, p, &ctx, r->year - years[j], l);
		}
		/* The carry-over check of the whole submission. */
		v = arena_calloc(s->arena, j - g, sizeof(*v));
		for (i = 0; i < j - g; i++)
			v[i] = rows[g + i].line;
		if ((rc = prefill_store(s, rows[g].submission_id, v, j - g, c,
		    nlines, e)) != 0)
			return rc;
	}
	/* A harmonised group reports once: its first round merges. */
	if ((rc = tariff_store_submission_list(s->db, s->arena, r->id, NULL,
	    &subs, &nsubs, e)) != 0)
		return rc;
	for (i = 0; i < nsubs; i++)
		if (subs[i].harmonised_id != 0 && (rc = prefill_group(s, r, p,
		    &d, &subs[i], nlines, e)) != 0)
			return rc;
	return 0;
}
