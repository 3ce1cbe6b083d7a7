/*
 * Unit tests for src/core/panel.c: the balanced panel built from the
 * published tariffs of two years (lines in both years with the same
 * places in the panel; new and closed offers and lines, changed places,
 * unit or level apart), TV-14 through the panel, the means by operator,
 * paragraph and target group, cost per place per day and the cap
 * "PL − x %" (TV-15), and an empty panel.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/panel.h"
#include "core/pl.h"
#include "util/err.h"

#define ROW(id, name, op, tg, para, sec, lvl, unit, places, tariff, base) \
	{ id, name, op, op, tg, para, sec, lvl, unit, places, tariff, base, 365 }

static void
factor(mpq_t f, long num, long den)
{
	mpq_set_si(f, num, (unsigned long)den);
	mpq_canonicalize(f);
}

static const struct panel_line *
find(const struct panel_line *v, size_t n, int64_t offer, const char *para)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct panel_row *r = v[i].to ? v[i].to : v[i].from;
		if (r->offer_id == offer && strcmp(r->paragraph, para) == 0)
			return &v[i];
	}
	fail_msg("no line %lld %s", (long long)offer, para);
	return NULL;
}

/* TV-14: A, B, C with PL 2023 → 2024 = 1.040. */
static void
test_tv14(void **state)
{
	struct panel_row from[] = {
		ROW(3, "C", "851", "", "SEL § 107", 107, "", TARIFF_UNIT_DAY,
		    600, 340000, -1),
		ROW(1, "A", "851", "", "SEL § 107", 107, "", TARIFF_UNIT_DAY,
		    1000, 215000, -1),
		ROW(2, "B", "1081", "", "SEL § 108", 108, "", TARIFF_UNIT_DAY,
		    2400, 180000, -1),
	};
	struct panel_row to[] = {
		ROW(1, "A", "851", "", "SEL § 107", 107, "", TARIFF_UNIT_DAY,
		    1000, 230000, -1),
		ROW(2, "B", "1081", "", "SEL § 108", 108, "", TARIFF_UNIT_DAY,
		    2400, 185000, -1),
		ROW(3, "C", "851", "", "SEL § 107", 107, "", TARIFF_UNIT_DAY,
		    600, 370000, -1),
	};
	struct panel_line	v[6];
	struct panel_group	g[7];
	struct err		e;
	size_t			n, ng;
	mpq_t			f;

	(void)state;
	mpq_init(f);
	factor(f, 104, 100);
	panel_match(from, 3, to, 3, v, &n);
	assert_int_equal(n, 3);
	assert_int_equal(panel_compute(v, n, f, NULL, -1, &e), 0);
	assert_int_equal(find(v, n, 1, "SEL § 107")->real_change_e2, 286);
	assert_int_equal(find(v, n, 1, "SEL § 107")->from_fixed_ore, 223600);
	assert_int_equal(find(v, n, 2, "SEL § 108")->real_change_e2, -118);
	assert_int_equal(find(v, n, 3, "SEL § 107")->real_change_e2, 464);
	assert_int_equal(panel_groups(v, n, f, NULL, PANEL_BY_TOTAL, -1, g, &ng,
	    &e), 0);
	assert_int_equal(ng, 1);
	assert_int_equal(g[0].n, 3);
	assert_int_equal(g[0].unweighted_e2, 211);
	assert_int_equal(g[0].weighted_e2, 124);
	assert_int_equal(g[0].target_met, -1);
	/* By operator: 851 has A and C, 1081 has B. */
	assert_int_equal(panel_groups(v, n, f, NULL, PANEL_BY_OPERATOR, 0, g, &ng,
	    &e), 0);
	assert_int_equal(ng, 2);
	assert_string_equal(g[0].key, "1081");
	assert_int_equal(g[0].n, 1);
	assert_int_equal(g[0].unweighted_e2, -118);
	assert_int_equal(g[0].target_met, 1);	/* a fall: ≤ −0 % */
	assert_string_equal(g[1].key, "851");
	assert_int_equal(g[1].n, 2);
	assert_int_equal(g[1].unweighted_e2, 375);	/* (2.86 + 4.64) / 2 */
	assert_int_equal(g[1].target_met, 0);
	assert_int_equal(panel_groups(v, n, f, NULL, PANEL_BY_SECTION, -1, g, &ng,
	    &e), 0);
	assert_int_equal(ng, 2);
	assert_string_equal(g[0].label, "SEL § 107");
	assert_string_equal(g[1].label, "SEL § 108");
	mpq_clear(f);
}

/* TV-14 in the prices of 2023: the same changes, other amounts. */
static void
test_price_year(void **state)
{
	struct panel_row from[] = {
		ROW(1, "A", "851", "", "SEL § 107", 107, "", TARIFF_UNIT_DAY,
		    1000, 215000, -1),
		ROW(2, "B", "1081", "", "SEL § 108", 108, "", TARIFF_UNIT_DAY,
		    2400, 180000, -1),
		ROW(3, "C", "851", "", "SEL § 107", 107, "", TARIFF_UNIT_DAY,
		    600, 340000, -1),
	};
	struct panel_row to[] = {
		ROW(1, "A", "851", "", "SEL § 107", 107, "", TARIFF_UNIT_DAY,
		    1000, 230000, -1),
		ROW(2, "B", "1081", "", "SEL § 108", 108, "", TARIFF_UNIT_DAY,
		    2400, 185000, -1),
		ROW(3, "C", "851", "", "SEL § 107", 107, "", TARIFF_UNIT_DAY,
		    600, 370000, -1),
	};
	struct panel_line	v[6];
	struct panel_group	g[7];
	struct err		e;
	size_t			n, ng;
	mpq_t			f, p;

	(void)state;
	mpq_inits(f, p, NULL);
	factor(f, 104, 100);
	factor(p, 100, 104);	/* 2024 → 2023 */
	panel_match(from, 3, to, 3, v, &n);
	assert_int_equal(panel_compute(v, n, f, p, -1, &e), 0);
	assert_int_equal(find(v, n, 1, "SEL § 107")->real_change_e2, 286);
	assert_int_equal(find(v, n, 1, "SEL § 107")->from_fixed_ore, 215000);
	/* 2.300 / 1,04 = 2.211,538… */
	assert_int_equal(find(v, n, 1, "SEL § 107")->to_fixed_ore, 221154);
	assert_int_equal(panel_groups(v, n, f, p, PANEL_BY_TOTAL, -1, g, &ng,
	    &e), 0);
	assert_int_equal(g[0].unweighted_e2, 211);
	assert_int_equal(g[0].weighted_e2, 124);
	assert_int_equal(g[0].exp_from_fixed_ore, 8510000);
	assert_int_equal(g[0].exp_to_ore, 8960000);
	/* 89.600 / 1,04 = 86.153,846… */
	assert_int_equal(g[0].exp_to_fixed_ore, 8615385);
	/* Without a price factor the to-year is the price year. */
	assert_int_equal(panel_compute(v, n, f, NULL, -1, &e), 0);
	assert_int_equal(find(v, n, 1, "SEL § 107")->to_fixed_ore, 230000);
	assert_int_equal(panel_groups(v, n, f, NULL, PANEL_BY_TOTAL, -1, g, &ng,
	    &e), 0);
	assert_int_equal(g[0].exp_from_fixed_ore, 8850400);
	assert_int_equal(g[0].exp_to_fixed_ore, 8960000);
	mpq_clears(f, p, NULL);
}

/* Lines outside the panel, each for its reason. */
static void
test_apart(void **state)
{
	struct panel_row from[] = {
		/* 1: in both years, same places: the panel. */
		ROW(1, "Et", "851", "Børn", "SEL § 66", 66, "", TARIFF_UNIT_DAY,
		    1000, 200000, -1),
		/* 1: a § 85 line that ends (the offer goes on). */
		ROW(1, "Et", "851", "Børn", "SEL § 85", 85, "", TARIFF_UNIT_HOUR,
		    100, 60000, -1),
		/* 2: places 10 → 12. */
		ROW(2, "To", "851", "Voksne", "SEL § 107", 107, "",
		    TARIFF_UNIT_DAY, 1000, 150000, -1),
		/* 3: level 1 → 2 of the same paragraph. */
		ROW(3, "Tre", "1081", "Voksne", "SEL § 108", 108, "1",
		    TARIFF_UNIT_DAY, 800, 170000, -1),
		/* 4: closed. */
		ROW(4, "Fire", "1081", "Voksne", "SEL § 108", 108, "",
		    TARIFF_UNIT_DAY, 800, 170000, -1),
		/* 6: month → day. */
		ROW(6, "Seks", "1081", "", "SEL § 104", 104, "",
		    TARIFF_UNIT_MONTH, 500, 3000000, -1),
	};
	struct panel_row to[] = {
		ROW(1, "Et", "851", "Børn", "SEL § 66", 66, "", TARIFF_UNIT_DAY,
		    1000, 210000, -1),
		/* 1: a new § 52 line. */
		ROW(1, "Et", "851", "Børn", "SEL § 52", 52, "", TARIFF_UNIT_DAY,
		    200, 90000, -1),
		ROW(2, "To", "851", "Voksne", "SEL § 107", 107, "",
		    TARIFF_UNIT_DAY, 1200, 150000, -1),
		ROW(3, "Tre", "1081", "Voksne", "SEL § 108", 108, "2",
		    TARIFF_UNIT_DAY, 800, 175000, -1),
		/* 5: new. */
		ROW(5, "Fem", "1081", "", "SEL § 107", 107, "",
		    TARIFF_UNIT_DAY, 800, 175000, -1),
		ROW(6, "Seks", "1081", "", "SEL § 104", 104, "",
		    TARIFF_UNIT_DAY, 500, 100000, -1),
	};
	struct panel_line	v[12];
	struct panel_group	g[13];
	struct err		e;
	size_t			n, ng, i, in = 0;
	mpq_t			f;

	(void)state;
	mpq_init(f);
	factor(f, 1, 1);
	panel_match(from, 6, to, 6, v, &n);
	assert_int_equal(n, 10);
	assert_int_equal(find(v, n, 1, "SEL § 66")->kind, PANEL_IN);
	assert_int_equal(find(v, n, 1, "SEL § 85")->kind, PANEL_CLOSED_LINE);
	assert_int_equal(find(v, n, 1, "SEL § 52")->kind, PANEL_NEW_LINE);
	assert_int_equal(find(v, n, 2, "SEL § 107")->kind, PANEL_PLACES);
	assert_int_equal(find(v, n, 3, "SEL § 108")->kind, PANEL_CHANGED);
	assert_int_equal(find(v, n, 4, "SEL § 108")->kind, PANEL_CLOSED_OFFER);
	assert_int_equal(find(v, n, 5, "SEL § 107")->kind, PANEL_NEW_OFFER);
	assert_int_equal(find(v, n, 6, "SEL § 104")->kind, PANEL_CHANGED);
	for (i = 0; i < n; i++)
		in += v[i].kind == PANEL_IN;
	assert_int_equal(in, 1);
	/* Only the panel enters the figures. */
	assert_int_equal(panel_compute(v, n, f, NULL, -1, &e), 0);
	assert_int_equal(find(v, n, 2, "SEL § 107")->real_change_e2,
	    PANEL_NO_VALUE);
	assert_int_equal(panel_groups(v, n, f, NULL, PANEL_BY_TARGET, -1, g, &ng,
	    &e), 0);
	assert_int_equal(ng, 1);
	assert_string_equal(g[0].label, "Børn");
	assert_int_equal(g[0].weighted_e2, 500);
	assert_string_equal(panel_kind_label(PANEL_NEW_OFFER), "Nyt tilbud");
	mpq_clear(f);
}

/* TV-15: cost per place per day 2,000 kr., state PL 2014 → 2018, minus
 * 2 %: the cap is 2,041.4695… kr. */
static void
test_cap(void **state)
{
	/* 10 places × 365 days × 2,000 kr. = 7,300,000 kr. */
	struct panel_row from[] = {
		ROW(1, "Et", "851", "", "SEL § 107", 107, "", TARIFF_UNIT_DAY,
		    1000, 200000, 730000000),
		ROW(2, "To", "851", "", "SEL § 107", 107, "", TARIFF_UNIT_DAY,
		    1000, 200000, 730000000),
	};
	/* One line just within the cap, one at its rounded value. */
	struct panel_row to[] = {
		ROW(1, "Et", "851", "", "SEL § 107", 107, "", TARIFF_UNIT_DAY,
		    1000, 204146, 745132900),
		ROW(2, "To", "851", "", "SEL § 107", 107, "", TARIFF_UNIT_DAY,
		    1000, 204147, 745136550),
	};
	static const struct pl_year state_pl[] = {
		{ 2015, 5000 }, { 2016, 5000 }, { 2017, 12000 }, { 2018, 19000 },
	};
	struct panel_line	v[4];
	struct panel_group	g[5];
	struct err		e;
	size_t			n, ng;
	mpq_t			f;

	(void)state;
	mpq_init(f);
	assert_int_equal(pl_factor(state_pl, 4, 2014, 2018, f, NULL), 0);
	panel_match(from, 2, to, 2, v, &n);
	assert_int_equal(panel_compute(v, n, f, NULL, 20000, &e), 0);
	assert_int_equal(v[0].cap_ore, 204147);
	assert_int_equal(v[0].cpd_to_ore, 204146);
	assert_int_equal(v[0].cpd_from_fixed_ore, 208313);
	assert_int_equal(v[0].cap_met, 1);
	assert_int_equal(v[1].cpd_to_ore, 204147);
	assert_int_equal(v[1].cap_met, 0);	/* compared exactly */
	assert_int_equal(panel_groups(v, n, f, NULL, PANEL_BY_TOTAL, -1, g, &ng,
	    &e), 0);
	assert_int_equal(g[0].cap_n, 2);
	assert_int_equal(g[0].cap_met_n, 1);
	/* Without a cost base there is no verdict. */
	from[0].base_ore = -1;
	panel_match(from, 2, to, 2, v, &n);
	assert_int_equal(panel_compute(v, n, f, NULL, 20000, &e), 0);
	assert_int_equal(v[0].cap_met, -1);
	assert_int_equal(v[0].cpd_to_ore, PANEL_NO_VALUE);
	mpq_clear(f);
}

static void
test_empty(void **state)
{
	struct panel_row from[] = {
		ROW(1, "Et", "851", "", "SEL § 107", 107, "", TARIFF_UNIT_DAY,
		    1000, 200000, -1),
	};
	struct panel_row to[] = {
		ROW(2, "To", "851", "", "SEL § 107", 107, "", TARIFF_UNIT_DAY,
		    1000, 200000, -1),
	};
	struct panel_line	v[2];
	struct panel_group	g[3];
	struct err		e;
	size_t			n, ng;
	mpq_t			f;
	char			b[PANEL_PCT_SIZE];

	(void)state;
	mpq_init(f);
	factor(f, 1, 1);
	panel_match(from, 1, to, 1, v, &n);
	assert_int_equal(n, 2);
	assert_int_equal(panel_compute(v, n, f, NULL, -1, &e), ERR_INVALID);
	assert_string_equal(e.key, "analysis_empty");
	assert_int_equal(panel_groups(v, n, f, NULL, PANEL_BY_TOTAL, -1, g, &ng,
	    &e), ERR_INVALID);
	panel_match(NULL, 0, NULL, 0, v, &n);
	assert_int_equal(n, 0);
	panel_pct_da(-118, b);
	assert_string_equal(b, "-1,18 %");
	panel_pct_da(286, b);
	assert_string_equal(b, "+2,86 %");
	panel_pct_da(5, b);
	assert_string_equal(b, "+0,05 %");
	mpq_clear(f);
}

/* A fixed pseudo-random sequence (xorshift64). */
static uint64_t
rnd(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

/*
 * The integer arithmetic of panel_compute against the GMP rationals of
 * panel_compute_rational on random lines: every figure identical, for
 * factors of one to fifteen years of percentages with up to four
 * decimals, with and without a price year and a cap, including tariffs
 * and cost bases on the half-øre edges the rounding decides.
 */
static void
test_integers(void **state)
{
	enum { N = 400 };
	static struct panel_row	from[N], to[N];
	static struct panel_line	a[2 * N], b[2 * N];
	struct panel_group	ga[N + 1], gb[N + 1];
	struct pl_year		ys[16];
	struct err		e;
	uint64_t		x = 88172645463325252ULL;
	size_t			na, nb, nga, ngb, i, j;
	int			round, years, by;
	int64_t			cap;
	mpq_t			f, p, *pp;

	(void)state;
	mpq_inits(f, p, NULL);
	for (round = 0; round < 60; round++) {
		years = 1 + round % 15;
		for (i = 0; i < (size_t)years; i++) {
			ys[i].year = 2011 + (int)i;
			ys[i].pct_e4 = (int64_t)(rnd(&x) % 60000) - 10000;
			if (round % 3 == 0)	/* one decimal, as the state's */
				ys[i].pct_e4 -= ys[i].pct_e4 % 1000;
		}
		assert_int_equal(pl_factor(ys, (size_t)years, 2010,
		    2010 + years, f, NULL), 0);
		pp = NULL;
		if (round % 4 == 1) {
			assert_int_equal(pl_factor(ys, (size_t)years,
			    2010 + years, 2010 + years / 2, p, NULL), 0);
			pp = &p;
		}
		cap = round % 5 == 0 ? -1 : (int64_t)(rnd(&x) % 100000);
		for (i = 0; i < N; i++) {
			int64_t places = 100 + (int64_t)(rnd(&x) % 5000);
			struct panel_row r = { (int64_t)i + 1, "Tilbud",
			    i % 3 ? "851" : "1081", "Tilbud", i % 2 ? "Voksne" :
			    "Børn", "SEL § 107", 107, "", TARIFF_UNIT_DAY,
			    places, 0, -1, 365 };

			from[i] = to[i] = r;
			from[i].tariff_ore = 1 + (int64_t)(rnd(&x) %
			    (i % 7 ? 2000000 : 200)) + (i % 7 ? 0 : 1000);
			to[i].tariff_ore = (int64_t)(rnd(&x) % 2500000);
			if (i % 11 == 0)
				to[i].tariff_ore = from[i].tariff_ore;
			if (i % 4 != 3) {
				from[i].base_ore = (int64_t)(rnd(&x) %
				    20000000000ULL);
				to[i].base_ore = (int64_t)(rnd(&x) %
				    20000000000ULL);
				to[i].days = 200 + (int64_t)(rnd(&x) % 166);
			}
			if (i % 13 == 0)	/* a cost per day of x,5 øre */
				from[i].base_ore = places * 365 / 2 *
				    (1 + 2 * (int64_t)(rnd(&x) % 1000)) / 100;
		}
		panel_match(from, N, to, N, a, &na);
		panel_match(from, N, to, N, b, &nb);
		assert_int_equal(na, nb);
		assert_int_equal(panel_compute(a, na, f,
		    pp ? *pp : NULL, cap, &e), 0);
		assert_int_equal(panel_compute_rational(b, nb, f,
		    pp ? *pp : NULL, cap, &e), 0);
		for (i = 0; i < na; i++) {
			assert_int_equal(a[i].kind, b[i].kind);
			assert_int_equal(a[i].from_fixed_ore, b[i].from_fixed_ore);
			assert_int_equal(a[i].to_fixed_ore, b[i].to_fixed_ore);
			assert_int_equal(a[i].real_change_e2, b[i].real_change_e2);
			assert_int_equal(a[i].real_change_e15,
			    b[i].real_change_e15);
			assert_int_equal(a[i].cpd_from_fixed_ore,
			    b[i].cpd_from_fixed_ore);
			assert_int_equal(a[i].cpd_to_ore, b[i].cpd_to_ore);
			assert_int_equal(a[i].cap_ore, b[i].cap_ore);
			assert_int_equal(a[i].cap_met, b[i].cap_met);
		}
		for (by = PANEL_BY_OPERATOR; by <= PANEL_BY_TOTAL; by++) {
			assert_int_equal(panel_groups(a, na, f, pp ? *pp : NULL,
			    (enum panel_by)by, 20000, ga, &nga, &e), 0);
			assert_int_equal(panel_groups(b, nb, f, pp ? *pp : NULL,
			    (enum panel_by)by, 20000, gb, &ngb, &e), 0);
			assert_int_equal(nga, ngb);
			for (j = 0; j < nga; j++) {
				assert_int_equal(ga[j].n, gb[j].n);
				assert_int_equal(ga[j].unweighted_e2,
				    gb[j].unweighted_e2);
				assert_int_equal(ga[j].weighted_e2,
				    gb[j].weighted_e2);
				assert_int_equal(ga[j].exp_from_fixed_ore,
				    gb[j].exp_from_fixed_ore);
				assert_int_equal(ga[j].cap_met_n,
				    gb[j].cap_met_n);
			}
		}
	}
	mpq_clears(f, p, NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tv14),
		cmocka_unit_test(test_price_year),
		cmocka_unit_test(test_apart),
		cmocka_unit_test(test_cap),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_integers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
