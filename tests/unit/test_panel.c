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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tv14),
		cmocka_unit_test(test_price_year),
		cmocka_unit_test(test_apart),
		cmocka_unit_test(test_cap),
		cmocka_unit_test(test_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
