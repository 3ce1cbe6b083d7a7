/*
 * panel — the balanced panel of a tariff analysis (see panel.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/analysis.h"
#include "core/panel.h"
#include "core/pl.h"
#include "util/err.h"

static const struct {
	const char	*name;
	const char	*label;
} kinds[PANEL_KIND_COUNT] = {
	[PANEL_IN] = { "in", "I panelet" },
	[PANEL_PLACES] = { "places_changed", "Ændret antal pladser" },
	[PANEL_CHANGED] = { "changed", "Ændret enhed eller niveau" },
	[PANEL_NEW_LINE] = { "new_line", "Ny ydelse" },
	[PANEL_CLOSED_LINE] = { "closed_line", "Ophørt ydelse" },
	[PANEL_NEW_OFFER] = { "new_offer", "Nyt tilbud" },
	[PANEL_CLOSED_OFFER] = { "closed_offer", "Lukket tilbud" },
};

const char *
panel_kind_label(enum panel_kind k)
{
	return (unsigned)k < PANEL_KIND_COUNT ? kinds[k].label : "";
}

const char *
panel_kind_name(enum panel_kind k)
{
	return (unsigned)k < PANEL_KIND_COUNT ? kinds[k].name : "";
}

int
panel_kind_parse(const char *s, enum panel_kind *out)
{
	int i;

	for (i = 0; i < PANEL_KIND_COUNT; i++)
		if (strcmp(s, kinds[i].name) == 0) {
			*out = (enum panel_kind)i;
			return 0;
		}
	return -1;
}

/* Order of offer, paragraph, level, unit. */
static int
row_cmp(const void *pa, const void *pb)
{
	const struct panel_row	*a = pa, *b = pb;
	int			 c;

	if (a->offer_id != b->offer_id)
		return a->offer_id < b->offer_id ? -1 : 1;
	if ((c = strcmp(a->paragraph, b->paragraph)) != 0 ||
	    (c = strcmp(a->level, b->level)) != 0)
		return c;
	return (int)a->unit - (int)b->unit;
}

/* Whether rows v[0..n) (sorted) hold offer id, and with paragraph p. */
static void
offer_has(const struct panel_row *v, size_t n, int64_t id, const char *p,
    bool *offer, bool *para)
{
	size_t lo = 0, hi = n, m;

	*offer = *para = false;
	while (lo < hi) {
		m = lo + (hi - lo) / 2;
		if (v[m].offer_id < id)
			lo = m + 1;
		else
			hi = m;
	}
	for (; lo < n && v[lo].offer_id == id; lo++) {
		*offer = true;
		if (strcmp(v[lo].paragraph, p) == 0)
			*para = true;
	}
}

static void
line_init(struct panel_line *l, enum panel_kind k, const struct panel_row *f,
    const struct panel_row *t)
{
	l->kind = k;
	l->from = f;
	l->to = t;
	l->from_fixed_ore = l->real_change_e2 = PANEL_NO_VALUE;
	l->to_fixed_ore = PANEL_NO_VALUE;
	l->real_change_e15 = PANEL_NO_VALUE;
	l->cpd_from_fixed_ore = l->cpd_to_ore = l->cap_ore = PANEL_NO_VALUE;
	l->cap_met = -1;
}

void
panel_match(struct panel_row *from, size_t nfrom, struct panel_row *to,
    size_t nto, struct panel_line *out, size_t *n)
{
	size_t	i = 0, j = 0, k = 0;
	bool	offer, para;
	int	c;

	if (nfrom > 1)
		qsort(from, nfrom, sizeof(*from), row_cmp);
	if (nto > 1)
		qsort(to, nto, sizeof(*to), row_cmp);
	while (i < nfrom || j < nto) {
		if (i == nfrom)
			c = 1;
		else if (j == nto)
			c = -1;
		else
			c = row_cmp(&from[i], &to[j]);
		if (c == 0) {
			enum panel_kind kind = PANEL_IN;
			if (from[i].places_centi != to[j].places_centi)
				kind = PANEL_PLACES;
			else if (from[i].tariff_ore <= 0)
				kind = PANEL_CHANGED;
			line_init(&out[k++], kind, &from[i++], &to[j++]);
		} else if (c < 0) {
			offer_has(to, nto, from[i].offer_id, from[i].paragraph,
			    &offer, &para);
			line_init(&out[k++], !offer ? PANEL_CLOSED_OFFER :
			    para ? PANEL_CHANGED : PANEL_CLOSED_LINE, &from[i++],
			    NULL);
		} else {
			offer_has(from, nfrom, to[j].offer_id, to[j].paragraph,
			    &offer, &para);
			line_init(&out[k++], !offer ? PANEL_NEW_OFFER :
			    para ? PANEL_CHANGED : PANEL_NEW_LINE, NULL, &to[j++]);
		}
	}
	*n = k;
}

void
panel_pct_da(int64_t e2, char out[PANEL_PCT_SIZE])
{
	uint64_t a;

	if (e2 == PANEL_NO_VALUE) {
		snprintf(out, PANEL_PCT_SIZE, "–");
		return;
	}
	a = e2 < 0 ? (uint64_t)0 - (uint64_t)e2 : (uint64_t)e2;
	snprintf(out, PANEL_PCT_SIZE, "%s%llu,%02llu %%", e2 < 0 ? "-" :
	    e2 > 0 ? "+" : "", (unsigned long long)(a / 100),
	    (unsigned long long)(a % 100));
}

int64_t
panel_pct_e2(const mpq_t fraction)
{
	mpq_t	q;
	int64_t	v = 0;

	mpq_init(q);
	mpq_set_ui(q, 10000, 1);
	mpq_mul(q, q, fraction);
	if (pl_round(q, 1, &v) != 0)
		v = PANEL_NO_VALUE;
	mpq_clear(q);
	return v;
}

/* Cost per place per day of r in øre (exact, into q); false without a
 * cost base. */
static bool
cpd(const struct panel_row *r, mpq_t q)
{
	int64_t days = r->days > 0 ? r->days : 365;

	if (r->base_ore < 0 || r->places_centi <= 0)
		return false;
	/* base × 100 / (places_centi × days): øre per place-day. */
	mpz_set_si(mpq_numref(q), (long)r->base_ore * 100);
	mpz_set_si(mpq_denref(q), (long)(r->places_centi * days));
	mpq_canonicalize(q);
	return true;
}

int
panel_compute(struct panel_line *v, size_t n, const mpq_t factor,
    const mpq_t price, int64_t cap_minus_e4, struct err *e)
{
	struct analysis_line		 al;
	struct analysis_line_out	 o;
	struct analysis_summary		 s;
	mpq_t				 q, cap;
	int64_t				 cpd_from;
	size_t				 i, in = 0;
	int				 rc = 0;

	mpq_inits(q, cap, NULL);
	analysis_init(&o, 1, &s);
	for (i = 0; i < n && rc == 0; i++) {
		struct panel_line *l = &v[i];
		if (l->kind != PANEL_IN)
			continue;
		in++;
		al.id = l->from->offer_name;
		al.places_e2 = l->from->places_centi;
		al.tariff_from_ore = l->from->tariff_ore;
		al.tariff_to_ore = l->to->tariff_ore;
		if ((rc = analysis_compute(&al, 1, factor, &o, &s, e)) != 0)
			break;
		if (price != NULL)
			mpq_mul(o.from_fixed_ore, o.from_fixed_ore, price);
		if (pl_round(o.from_fixed_ore, 1, &l->from_fixed_ore) != 0)
			l->from_fixed_ore = PANEL_NO_VALUE;
		l->to_fixed_ore = l->to->tariff_ore;
		if (price != NULL) {
			mpq_set_si(q, (long)l->to->tariff_ore, 1);
			mpq_mul(q, q, price);
			if (pl_round(q, 1, &l->to_fixed_ore) != 0)
				l->to_fixed_ore = PANEL_NO_VALUE;
		}
		l->real_change_e2 = panel_pct_e2(o.real_change);
		mpq_set_ui(q, 1000000000000000UL, 1);
		mpq_mul(q, q, o.real_change);
		if (pl_round(q, 1, &l->real_change_e15) != 0) {
			rc = err_set(e, ERR_INVALID, "analysis_change",
			    "lines", "Den reale ændring af %s er for stor",
			    l->from->offer_name);
			break;
		}
		if (!cpd(l->from, q) || !cpd(l->to, cap))
			continue;
		if (pl_round(cap, 1, &l->cpd_to_ore) != 0 ||
		    pl_round(q, 1, &cpd_from) != 0)
			continue;
		mpq_mul(q, q, factor);
		if (pl_round(q, 1, &l->cpd_from_fixed_ore) != 0)
			continue;
		if (cap_minus_e4 < 0)
			continue;
		if (analysis_cap(cpd_from, factor, cap_minus_e4, cap, e) != 0 ||
		    pl_round(cap, 1, &l->cap_ore) != 0) {
			rc = ERR_INVALID;
			break;
		}
		l->cap_met = analysis_cap_met(l->cpd_to_ore, cap) ? 1 : 0;
	}
	analysis_clear(&o, 1, &s);
	mpq_clears(q, cap, NULL);
	if (rc == 0 && in == 0)
		rc = err_set(e, ERR_INVALID, "analysis_empty", "to_year",
		    "Analysen har ingen ydelser, der findes i begge år, så "
		    "der er intet panel at beregne");
	return rc;
}

static const char *
group_key(const struct panel_line *l, enum panel_by by)
{
	switch (by) {
	case PANEL_BY_OPERATOR:
		return l->to->operator_code;
	case PANEL_BY_SECTION:
		return l->to->paragraph;
	case PANEL_BY_TARGET:
		return l->to->target_group;
	default:
		return "";
	}
}

static const char *
group_label(const struct panel_line *l, enum panel_by by)
{
	switch (by) {
	case PANEL_BY_OPERATOR:
		return l->to->operator_name;
	case PANEL_BY_SECTION:
		return l->to->paragraph;
	case PANEL_BY_TARGET:
		return *l->to->target_group ? l->to->target_group :
		    "Ingen målgruppe";
	default:
		return "I alt";
	}
}

struct gidx {
	const struct panel_line	*l;
	const char		*label;
};

static int
gidx_cmp(const void *pa, const void *pb)
{
	const struct gidx *a = pa, *b = pb;

	return strcmp(a->label, b->label);
}

/* Fill g from the panel lines w[0..k) (k ≥ 1). */
static void
group_fill(struct panel_group *g, const struct gidx *w, size_t k,
    const mpq_t factor, const mpq_t price, enum panel_by by,
    int64_t target_e4)
{
	mpz_t	sum, sto, sfrom, t;
	mpq_t	q, r;
	size_t	i;

	memset(g, 0, sizeof(*g));
	g->key = group_key(w[0].l, by);
	g->label = w[0].label;
	g->n = k;
	mpz_inits(sum, sto, sfrom, t, NULL);
	mpq_inits(q, r, NULL);
	for (i = 0; i < k; i++) {
		const struct panel_line *l = w[i].l;
		mpz_set_si(t, (long)l->real_change_e15);
		mpz_add(sum, sum, t);
		mpz_set_si(t, (long)l->from->places_centi);
		mpz_addmul_ui(sfrom, t, (unsigned long)l->from->tariff_ore);
		mpz_addmul_ui(sto, t, (unsigned long)l->to->tariff_ore);
		if (l->cap_met >= 0) {
			g->cap_n++;
			g->cap_met_n += (size_t)l->cap_met;
		}
	}
	/* Unweighted: Σ e15 / k, in hundredths of a percent. */
	mpz_set(mpq_numref(q), sum);
	mpz_set_ui(mpq_denref(q), (unsigned long)k * 100000000000UL);
	mpq_canonicalize(q);
	if (pl_round(q, 1, &g->unweighted_e2) != 0)
		g->unweighted_e2 = PANEL_NO_VALUE;
	/* Expenditures: Σ places × tariff, places as whole places. */
	mpq_set_z(q, sto);
	mpz_set_ui(t, 100);
	mpq_set_den(q, t);
	mpq_canonicalize(q);
	if (pl_round(q, 1, &g->exp_to_ore) != 0)
		g->exp_to_ore = PANEL_NO_VALUE;
	mpq_set_z(r, sfrom);
	mpq_set_den(r, t);
	mpq_canonicalize(r);
	mpq_mul(r, r, factor);
	g->exp_to_fixed_ore = g->exp_to_ore;
	g->exp_from_fixed_ore = PANEL_NO_VALUE;
	if (price != NULL) {
		mpq_t pq;

		mpq_init(pq);
		mpq_mul(pq, q, price);
		if (pl_round(pq, 1, &g->exp_to_fixed_ore) != 0)
			g->exp_to_fixed_ore = PANEL_NO_VALUE;
		mpq_mul(pq, r, price);
		if (pl_round(pq, 1, &g->exp_from_fixed_ore) != 0)
			g->exp_from_fixed_ore = PANEL_NO_VALUE;
		mpq_clear(pq);
	} else if (pl_round(r, 1, &g->exp_from_fixed_ore) != 0)
		g->exp_from_fixed_ore = PANEL_NO_VALUE;
	/* Weighted: Σ w × to / (Σ w × from × F) − 1. */
	g->weighted_e2 = PANEL_NO_VALUE;
	g->target_met = -1;
	if (mpq_sgn(r) > 0) {
		mpq_div(q, q, r);
		mpq_set_si(r, 1, 1);
		mpq_sub(q, q, r);
		g->weighted_e2 = panel_pct_e2(q);
		if (target_e4 >= 0) {
			mpq_set_si(r, -(long)target_e4, 1000000);
			mpq_canonicalize(r);
			g->target_met = mpq_cmp(q, r) <= 0;
		}
	}
	mpz_clears(sum, sto, sfrom, t, NULL);
	mpq_clears(q, r, NULL);
}

int
panel_groups(const struct panel_line *v, size_t n, const mpq_t factor,
    const mpq_t price, enum panel_by by, int64_t target_e4, struct panel_group *out,
    size_t *ngroups, struct err *e)
{
	struct gidx	*w;
	size_t		 i, k = 0, start, ng = 0;
	int		 rc = 0;

	*ngroups = 0;
	if ((w = calloc(n + 1, sizeof(*w))) == NULL)
		return err_set(e, ERR_INTERNAL, "nomem", NULL,
		    "Der var ikke hukommelse nok til analysen");
	for (i = 0; i < n; i++)
		if (v[i].kind == PANEL_IN) {
			w[k].l = &v[i];
			w[k].label = group_label(&v[i], by);
			k++;
		}
	if (k == 0) {
		free(w);
		return err_set(e, ERR_INVALID, "analysis_empty", "to_year",
		    "Analysen har ingen ydelser, der findes i begge år, så "
		    "der er intet panel at beregne");
	}
	if (by != PANEL_BY_TOTAL)
		qsort(w, k, sizeof(*w), gidx_cmp);
	for (start = 0; start < k && rc == 0; start = i) {
		for (i = start + 1; i < k && (by == PANEL_BY_TOTAL ||
		    strcmp(w[i].label, w[start].label) == 0); i++)
			;
		group_fill(&out[ng++], w + start, i - start, factor, price,
		    by, target_e4);
	}
	free(w);
	if (rc == 0)
		*ngroups = ng;
	return rc;
}
