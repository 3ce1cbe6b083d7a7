/*
 * reduction — the general tariff reduction report (see reduction.h).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/money.h"
#include "core/params.h"
#include "core/reduction.h"
#include "core/round.h"
#include "service/agreement.h"
#include "service/reduction.h"
#include "service/svc.h"
#include "store/db.h"
#include "store/round_store.h"
#include "store/tariff_store.h"
#include "util/arena.h"
#include "util/err.h"

/* Order by offer, paragraph, level, unit and referral dates (none
 * first). */
static int
line_cmp(const struct published_tariff *a, const struct published_tariff *b)
{
	int c;

	if (a->offer_id != b->offer_id)
		return a->offer_id < b->offer_id ? -1 : 1;
	if ((c = strcmp(a->paragraph, b->paragraph)) != 0 ||
	    (c = strcmp(a->level, b->level)) != 0)
		return c;
	if (a->unit != b->unit)
		return (int)a->unit - (int)b->unit;
	if ((c = strcmp(a->referred_from ? a->referred_from : "",
	    b->referred_from ? b->referred_from : "")) != 0)
		return c;
	return strcmp(a->referred_before ? a->referred_before : "",
	    b->referred_before ? b->referred_before : "");
}

static bool
same_line(const struct published_tariff *a, const struct published_tariff *b)
{
	return line_cmp(a, b) == 0;
}

static int
line_qsort(const void *a, const void *b)
{
	return line_cmp(a, b);
}

/*
 * The current version of each line of v[0..n) (the list is ordered by
 * offer, paragraph, level, unit, validity and version, so the last row of
 * a run is current), compacted in place; the new count.
 */
static size_t
current_only(struct published_tariff *v, size_t n)
{
	size_t	i, k = 0;

	for (i = 0; i < n; i++) {
		if (k > 0 && same_line(&v[k - 1], &v[i]))
			v[k - 1] = v[i];
		else
			v[k++] = v[i];
	}
	return k;
}

/*
 * A harmonised group's one tariff once, on its first member offer: the
 * other members carry the same amount and the group's places, and would
 * weigh the group as many times as it has members.
 */
static size_t
group_once(struct published_tariff *v, size_t n)
{
	struct published_tariff	x;
	size_t			i, j, k = 0;
	bool			dup;

	for (i = 0; i < n; i++) {
		dup = false;
		for (j = 0; j < n && v[i].harmonised_id != 0 && !dup; j++) {
			if (v[j].harmonised_id != v[i].harmonised_id ||
			    v[j].offer_id >= v[i].offer_id)
				continue;
			x = v[j];
			x.offer_id = v[i].offer_id;	/* the line, not the
							   offer */
			dup = same_line(&x, &v[i]);
		}
		if (!dup)
			v[k++] = v[i];
	}
	return k;
}

static int
list_year(struct svc *s, int year, struct published_tariff **v, size_t *n,
    struct err *e)
{
	struct tariff_filter	f;
	int			rc;

	memset(&f, 0, sizeof(f));
	f.year = year;
	f.limit = 100000;
	if ((rc = tariff_store_published_list(s->db, s->arena, &f, v, n, e))
	    != 0)
		return rc;
	*n = current_only(*v, *n);
	*n = group_once(*v, *n);
	/* For the merge with the other year. */
	if (*n > 1)
		qsort(*v, *n, sizeof(**v), line_qsort);
	return 0;
}

/* The PL change of year's latest published round into *bp; 0 or -1. */
static int
year_pl(struct svc *s, int year, int64_t *bp, struct err *e)
{
	struct tariff_round	*r;
	size_t			 n, i;

	if (round_store_list(s->db, s->arena, &r, &n, e) != 0)
		return -1;
	/* Newest year and number first. */
	for (i = 0; i < n; i++)
		if (r[i].year == year && r[i].published_at != NULL) {
			*bp = r[i].pl_bp;
			return 0;
		}
	return -1;
}

/* Lines by operator, then offer name and line. */
static int
line_order(const void *a, const void *b)
{
	const struct reduction_line *x = a, *y = b;
	int c;

	if ((c = strcmp(x->operator_code, y->operator_code)) != 0 ||
	    (c = strcmp(x->offer_name, y->offer_name)) != 0 ||
	    (c = strcmp(x->paragraph, y->paragraph)) != 0 ||
	    (c = strcmp(x->level, y->level)) != 0)
		return c;
	return (int)x->unit - (int)y->unit;
}

static int
by_operator(const void *a, const void *b)
{
	const struct reduction_row *x = a, *y = b;
	const char *p = x->operator_name ? x->operator_name :
	    x->op.operator_code;
	const char *q = y->operator_name ? y->operator_name :
	    y->op.operator_code;

	return strcmp(p, q);
}

/*
 * The tariff of t in hundredths of øre: from its exact (unrounded)
 * value when it has one, else the published whole øre.
 */
static int64_t
centi_ore(const struct published_tariff *t)
{
	struct decimal	d;
	int64_t		p = 1;
	__int128	x;

	if (t->tariff_exact == NULL || decimal_parse(t->tariff_exact, &d) != 0
	    || d.num <= 0)
		return t->tariff_ore * 100;
	while (d.scale > 2) {
		/* Half up to hundredths. */
		x = ((__int128)d.num + 5) / 10;
		d.num = (int64_t)x;
		d.scale--;
	}
	for (; d.scale < 2; d.scale++)
		p *= 10;
	return d.num * p;
}

/*
 * The days a tariff of t is spread over in a year, for comparing it
 * with another year's: a day tariff's opening days, else its year's day
 * basis (365 or 366); 1 for the other units, whose basis does not move.
 */
static int64_t
day_basis(const struct agreement_params *p, const struct published_tariff *t)
{
	if (t->unit != TARIFF_UNIT_DAY)
		return 1;
	return t->days > 0 ? t->days : tariff_days_in_year(p, t->year);
}

int
reduction_report(struct svc *s, int year, struct reduction_report *out,
    struct err *e)
{
	struct agreement_params		 p, pp;
	struct published_tariff		*cur, *prev;
	int64_t				 cb, pb, cx, px;
	struct reduction_offer		*offers;
	struct reduction_operator	*ops;
	struct ratio			 pl, *plp = NULL;
	size_t				 ncur, nprev, i, j, k, nops;
	int				 rc;

	memset(out, 0, sizeof(*out));
	out->year = year;
	if ((rc = agreement_params_get(s, year, &p, e)) != 0)
		return rc;
	pp = p;
	if (year > PARAMS_YEAR_MIN &&
	    (rc = agreement_params_get(s, year - 1, &pp, e)) != 0)
		return rc;
	out->required_bp = p.general_reduction_bp;
	out->fixed_prices = p.reduction_fixed_prices != 0;
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	if ((rc = list_year(s, year, &cur, &ncur, e)) != 0 ||
	    (rc = list_year(s, year - 1, &prev, &nprev, e)) != 0)
		goto done;
	if (out->fixed_prices) {
		if (year_pl(s, year, &out->pl_bp, e) != 0) {
			rc = err_set(e, ERR_CONFLICT, "no_pl", "year",
			    "Året har ingen offentliggjort takstindberetning; "
			    "PL-fremskrivningen kendes ikke");
			goto done;
		}
		pl.num = MONEY_BP_ONE + out->pl_bp;
		pl.den = MONEY_BP_ONE;
		plp = &pl;
	}
	offers = arena_calloc(s->arena, ncur ? ncur : 1, sizeof(*offers));
	out->lines = arena_calloc(s->arena, ncur ? ncur : 1,
	    sizeof(*out->lines));
	for (i = 0, j = 0, k = 0; i < ncur; i++) {
		struct reduction_line	*l = &out->lines[out->nlines];
		const struct published_tariff *q = NULL;

		/* Both years are sorted by line_cmp: a merge. */
		while (k < nprev && line_cmp(&prev[k], &cur[i]) < 0)
			k++;
		if (k < nprev && same_line(&prev[k], &cur[i]))
			q = &prev[k];
		else if (cur[i].referred_before != NULL && nprev > 0) {
			/* The tariffs of a structure being replaced (for the
			   citizens referred before a cut-off date) continue
			   the year before's tariff without referral dates. */
			struct published_tariff key = cur[i];

			key.referred_before = NULL;
			q = bsearch(&key, prev, nprev, sizeof(*prev),
			    line_qsort);
		}
		if (q == NULL || q->tariff_ore <= 0) {
			out->nnew++;
			continue;
		}
		l->offer_id = cur[i].offer_id;
		l->offer_name = cur[i].offer_name;
		l->operator_code = cur[i].operator_code;
		l->paragraph = cur[i].paragraph;
		l->level = cur[i].level;
		l->unit = cur[i].unit;
		l->referred_from = cur[i].referred_from;
		l->referred_before = cur[i].referred_before;
		l->places_centi = cur[i].places_centi;
		l->prev_ore = q->tariff_ore;
		l->cur_ore = cur[i].tariff_ore;
		/* What the agreement reduces is the cost base: day tariffs
		   are compared on the same day basis (a day tariff times
		   the days it is spread over), so a leap year alone is no
		   reduction. */
		cb = day_basis(&p, &cur[i]);
		pb = day_basis(&pp, q);
		l->cur_days = cb > 1 ? cb : 0;
		l->prev_days = pb > 1 ? pb : 0;
		/* The exact tariffs (hundredths of øre) times their days:
		   change (cur × b − prev × a) / (prev × a), a/b the PL
		   factor; met when cur × b ≤ prev × a × (1 − required). */
		cx = centi_ore(&cur[i]) * cb;
		px = centi_ore(q) * pb;
		{
			__int128 a = plp ? pl.num : 1, b = plp ? pl.den : 1;

			if ((rc = money_round(((__int128)cx * b -
			    (__int128)px * a) * MONEY_BP_ONE,
			    (__int128)px * a, 1, ROUND_HALF_UP,
			    &l->change_bp)) != 0) {
				rc = err_set(e, ERR_INVALID, "invalid_amount",
				    NULL, "En takst kunne ikke sammenlignes");
				goto done;
			}
			l->met = (__int128)cx * b * MONEY_BP_ONE <=
			    (__int128)px * a *
			    (MONEY_BP_ONE - out->required_bp);
		}
		offers[j].operator_code = l->operator_code;
		offers[j].places_centi = l->places_centi;
		offers[j].prev_ore = px;
		offers[j].cur_ore = cx;
		j++;
		out->nlines++;
	}
	ops = arena_calloc(s->arena, j ? j : 1, sizeof(*ops));
	if ((rc = reduction_check(&p, offers, j, plp, ops, j ? j : 1, &nops,
	    e)) != 0)
		goto done;
	out->rows = arena_calloc(s->arena, nops ? nops : 1,
	    sizeof(*out->rows));
	for (k = 0; k < nops; k++) {
		out->rows[k].op = ops[k];
		for (i = 0; i < ncur; i++)
			if (strcmp(cur[i].operator_code, ops[k].operator_code)
			    == 0) {
				out->rows[k].operator_name =
				    cur[i].operator_name;
				break;
			}
		if (ops[k].met)
			out->nmet++;
	}
	out->nrows = nops;
	qsort(out->rows, out->nrows, sizeof(*out->rows), by_operator);
	qsort(out->lines, out->nlines, sizeof(*out->lines), line_order);
done:
	db_rollback(s->db);
	return rc;
}
