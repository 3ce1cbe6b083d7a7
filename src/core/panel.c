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

/* Whether v[0..n) is in row_cmp's order already (as the store reads it). */
static bool
sorted(const struct panel_row *v, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (row_cmp(&v[i - 1], &v[i]) > 0)
			return false;
	return true;
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

	if (!sorted(from, nfrom))
		qsort(from, nfrom, sizeof(*from), row_cmp);
	if (!sorted(to, nto))
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

/*
 * Exact integer arithmetic for the figures of a panel line. A PL factor
 * of ten years of one-decimal percentages is a fraction of about 90 bits
 * (N / D); a tariff times it, and a real change (to × D − from × N) /
 * (from × N) scaled by 10^15, stay within 128 bits when taken in steps.
 * Every figure is the same rational value the GMP code rounds (half-up
 * on the magnitude, pl_round), so the results are identical; a line
 * whose numbers do not fit falls back to GMP.
 */
typedef unsigned __int128 u128;

#define U128_LIMIT	(((u128)1) << 126)	/* operands kept below */

struct frac {
	u128	num;
	u128	den;		/* > 0 */
};

/* q as a fraction of two 126-bit numbers (q > 0); false if larger. */
static bool
frac_of(const mpq_t q, struct frac *f)
{
	size_t	words;
	uint64_t w[2];

	if (mpq_sgn(q) <= 0 || mpz_sizeinbase(mpq_numref(q), 2) > 126 ||
	    mpz_sizeinbase(mpq_denref(q), 2) > 126)
		return false;
	w[0] = w[1] = 0;
	mpz_export(w, &words, -1, sizeof(w[0]), 0, 0, mpq_numref(q));
	f->num = ((u128)w[1] << 64) | w[0];
	w[0] = w[1] = 0;
	mpz_export(w, &words, -1, sizeof(w[0]), 0, 0, mpq_denref(q));
	f->den = ((u128)w[1] << 64) | w[0];
	return true;
}

/* a × b into *out; false when it would reach U128_LIMIT. */
static bool
mul(u128 a, u128 b, u128 *out)
{
	if (a != 0 && b > (U128_LIMIT - 1) / a)
		return false;
	*out = a * b;
	return true;
}

/*
 * round(m × 10^digits / d), half-up, for m ≥ 0 and d > 0, negated when
 * neg; false when it does not fit an int64 or an intermediate would
 * overflow. The quotient is extended a few decimal digits at a time so
 * that the remainder times the step stays below U128_LIMIT.
 */
static bool
div_round(u128 m, u128 d, int digits, bool neg, int64_t *out)
{
	u128	q, r, step;
	int	k;

	if (d == 0 || d >= U128_LIMIT)
		return false;
	q = m / d;
	r = m % d;
	while (digits > 0) {
		step = 1;
		for (k = 0; k < digits && d < (U128_LIMIT - 1) / (step * 10) &&
		    k < 18; k++)
			step *= 10;
		if (k == 0 || !mul(q, step, &q))
			return false;
		q += r * step / d;
		r = r * step % d;
		digits -= k;
	}
	if (r >= d - r)
		q++;
	if (q > (u128)INT64_MAX)
		return false;
	*out = neg ? -(int64_t)q : (int64_t)q;
	return true;
}

/* The per-analysis constants of the integer path. */
struct fast {
	struct frac	f;		/* the PL factor */
	struct frac	fp;		/* factor × price (= f without price) */
	struct frac	p;		/* price (1/1 without) */
	bool		price;
	u128		keep;		/* 10^6 − cap_minus_e4, or 0 */
	u128		scale;		/* 10^6 */
};

/*
 * The figures of PANEL_IN line l in integers, as the GMP code below
 * computes them; false (l untouched) when a number does not fit or the
 * line is one the GMP code rejects with an error.
 */
static bool
line_fast(struct panel_line *l, const struct fast *c, int64_t cap_minus_e4)
{
	const struct panel_row	*a = l->from, *b = l->to;
	struct panel_line	 o = *l;
	u128			 t, x, y, fn, fd;
	int64_t			 cpd_from, dfrom, dto;
	bool			 neg;

	if (a->tariff_ore <= 0 || b->tariff_ore < 0 ||
	    a->places_centi < 0 || a->places_centi > ANALYSIS_PLACES_MAX)
		return false;
	if (!mul((u128)a->tariff_ore, c->fp.num, &t) ||
	    !div_round(t, c->fp.den, 0, false, &o.from_fixed_ore))
		return false;
	o.to_fixed_ore = b->tariff_ore;
	if (c->price && (!mul((u128)b->tariff_ore, c->p.num, &t) ||
	    !div_round(t, c->p.den, 0, false, &o.to_fixed_ore)))
		return false;
	/* to / (from × N / D) − 1 = (to × D − from × N) / (from × N) */
	if (!mul((u128)b->tariff_ore, c->f.den, &x) ||
	    !mul((u128)a->tariff_ore, c->f.num, &y))
		return false;
	neg = x < y;
	t = neg ? y - x : x - y;
	if (!div_round(t, y, 4, neg, &o.real_change_e2) ||
	    !div_round(t, y, 15, neg, &o.real_change_e15))
		return false;
	if (a->base_ore < 0 || a->places_centi <= 0 || b->base_ore < 0 ||
	    b->places_centi <= 0)
		goto done;
	/* base × 100 / (places_centi × days): øre per place-day. */
	dfrom = a->days > 0 ? a->days : 365;
	dto = b->days > 0 ? b->days : 365;
	if (!mul((u128)a->base_ore, 100, &x) ||
	    !mul((u128)a->places_centi, (u128)dfrom, &y) ||
	    !div_round(x, y, 0, false, &cpd_from))
		return false;
	if (!mul((u128)b->base_ore, 100, &t) ||
	    !mul((u128)b->places_centi, (u128)dto, &fd) ||
	    !div_round(t, fd, 0, false, &o.cpd_to_ore))
		return false;
	if (!mul(x, c->f.num, &fn) || !mul(y, c->f.den, &fd) ||
	    !div_round(fn, fd, 0, false, &o.cpd_from_fixed_ore))
		return false;
	if (cap_minus_e4 < 0)
		goto done;
	/* cap = cpd_from × N × keep / (D × 10^6) */
	if (!mul((u128)cpd_from, c->f.num, &t) || !mul(t, c->keep, &fn) ||
	    !mul(c->f.den, c->scale, &fd) ||
	    !div_round(fn, fd, 0, false, &o.cap_ore) ||
	    !mul((u128)o.cpd_to_ore, fd, &t))
		return false;
	o.cap_met = t <= fn ? 1 : 0;
done:
	*l = o;
	return true;
}

static bool
fast_init(struct fast *c, const mpq_t factor, const mpq_t price,
    int64_t cap_minus_e4)
{
	mpq_t fp;
	bool ok;

	if (cap_minus_e4 > 100 * PL_PCT_SCALE || !frac_of(factor, &c->f))
		return false;
	c->price = price != NULL;
	c->p.num = c->p.den = 1;
	c->fp = c->f;
	c->scale = 100 * PL_PCT_SCALE;
	c->keep = cap_minus_e4 >= 0 ? c->scale - (u128)cap_minus_e4 : 0;
	if (price == NULL)
		return true;
	mpq_init(fp);
	mpq_mul(fp, factor, price);
	ok = frac_of(price, &c->p) && frac_of(fp, &c->fp);
	mpq_clear(fp);
	return ok;
}

static int
compute(struct panel_line *v, size_t n, const mpq_t factor,
    const mpq_t price, int64_t cap_minus_e4, bool integers, struct err *e)
{
	struct analysis_line		 al;
	struct analysis_line_out	 o;
	struct analysis_summary		 s;
	struct fast			 c;
	mpq_t				 q, cap;
	int64_t				 cpd_from;
	size_t				 i, in = 0;
	int				 rc = 0;

	integers = integers && fast_init(&c, factor, price, cap_minus_e4);
	mpq_inits(q, cap, NULL);
	analysis_init(&o, 1, &s);
	for (i = 0; i < n && rc == 0; i++) {
		struct panel_line *l = &v[i];
		if (l->kind != PANEL_IN)
			continue;
		in++;
		if (integers && line_fast(l, &c, cap_minus_e4))
			continue;
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

int
panel_compute(struct panel_line *v, size_t n, const mpq_t factor,
    const mpq_t price, int64_t cap_minus_e4, struct err *e)
{
	return compute(v, n, factor, price, cap_minus_e4, true, e);
}

int
panel_compute_rational(struct panel_line *v, size_t n, const mpq_t factor,
    const mpq_t price, int64_t cap_minus_e4, struct err *e)
{
	return compute(v, n, factor, price, cap_minus_e4, false, e);
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

/* z = v. */
static void
mpz_set_u128(mpz_t z, u128 v)
{
	uint64_t w[2] = { (uint64_t)v, (uint64_t)(v >> 64) };

	mpz_import(z, 2, -1, sizeof(w[0]), 0, 0, w);
}

/*
 * The sums of group_fill in 128-bit integers: Σ real_change_e15 into
 * sum, Σ places × to-tariff into sto and Σ places × from-tariff into
 * sfrom (all zero on entry); false, leaving them zero, when a number is
 * negative or a sum could overflow.
 */
static bool
sums_fast(const struct gidx *w, size_t k, mpz_t sum, mpz_t sto,
    mpz_t sfrom)
{
	u128	pos = 0, negs = 0, to = 0, from = 0, t;
	size_t	i;

	for (i = 0; i < k; i++) {
		const struct panel_line *l = w[i].l;
		int64_t e = l->real_change_e15;

		if (l->from->places_centi < 0 || l->from->tariff_ore < 0 ||
		    l->to->tariff_ore < 0 || e == INT64_MIN)
			return false;
		if (e >= 0)
			pos += (u128)e;
		else
			negs += (u128)-e;
		t = (u128)l->from->places_centi * (u128)l->to->tariff_ore;
		if (t >= U128_LIMIT - to)
			return false;
		to += t;
		t = (u128)l->from->places_centi * (u128)l->from->tariff_ore;
		if (t >= U128_LIMIT - from)
			return false;
		from += t;
		if (pos >= U128_LIMIT || negs >= U128_LIMIT)
			return false;
	}
	if (pos >= negs)
		mpz_set_u128(sum, pos - negs);
	else {
		mpz_set_u128(sum, negs - pos);
		mpz_neg(sum, sum);
	}
	mpz_set_u128(sto, to);
	mpz_set_u128(sfrom, from);
	return true;
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
		if (l->cap_met >= 0) {
			g->cap_n++;
			g->cap_met_n += (size_t)l->cap_met;
		}
	}
	if (!sums_fast(w, k, sum, sto, sfrom))
		for (i = 0; i < k; i++) {
			const struct panel_line *l = w[i].l;
			mpz_set_si(t, (long)l->real_change_e15);
			mpz_add(sum, sum, t);
			mpz_set_si(t, (long)l->from->places_centi);
			mpz_addmul_ui(sfrom, t,
			    (unsigned long)l->from->tariff_ore);
			mpz_addmul_ui(sto, t, (unsigned long)l->to->tariff_ore);
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
