/*
 * Unit tests for src/core/analysis.c: TV-14 (three offers 2023 → 2024,
 * real changes, unweighted and expenditure-weighted means), TV-15 (the
 * cap "PL − 2 %"), an empty panel, a zero tariff and unweighted panels.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/analysis.h"
#include "core/pl.h"
#include "util/err.h"

static const struct pl_year state[] = {
	{ 2014, 4000 }, { 2015, 5000 }, { 2016, 5000 }, { 2017, 12000 },
	{ 2018, 19000 }, { 2023, 25000 }, { 2024, 40000 },
};
#define NSTATE	(sizeof(state) / sizeof(state[0]))

static const struct analysis_line tv14[] = {
	{ "A", 1000, 215000, 230000 },
	{ "B", 2400, 180000, 185000 },
	{ "C", 600, 340000, 370000 },
};

static void
assert_pct(const mpq_t q, const char *want)
{
	char buf[64];

	assert_int_equal(analysis_pct_str(q, 2, buf, sizeof(buf)), 0);
	assert_string_equal(buf, want);
}

static void
test_tv14(void **state_)
{
	struct analysis_line_out	out[3];
	struct analysis_summary		s;
	mpq_t				f;
	int64_t				v;

	(void)state_;
	mpq_init(f);
	assert_int_equal(pl_factor(state, NSTATE, 2023, 2024, f, NULL), 0);
	analysis_init(out, 3, &s);
	assert_int_equal(analysis_compute(tv14, 3, f, out, &s, NULL), 0);
	assert_int_equal(pl_round(out[0].from_fixed_ore, 1, &v), 0);
	assert_int_equal(v, 223600);
	assert_int_equal(pl_round(out[1].from_fixed_ore, 1, &v), 0);
	assert_int_equal(v, 187200);
	assert_int_equal(pl_round(out[2].from_fixed_ore, 1, &v), 0);
	assert_int_equal(v, 353600);
	assert_pct(out[0].real_change, "2.86");
	assert_pct(out[1].real_change, "-1.18");
	assert_pct(out[2].real_change, "4.64");
	assert_int_equal(s.n, 3);
	assert_pct(s.unweighted_mean, "2.11");
	assert_true(s.weighted);
	assert_pct(s.weighted_mean, "1.24");
	/* (23,000 + 44,400 + 22,200) kr. × 100 and the fixed-price sum */
	assert_int_equal(pl_round(s.expenditure_to_ore, 1, &v), 0);
	assert_int_equal(v, 8960000);
	assert_int_equal(pl_round(s.expenditure_from_ore, 1, &v), 0);
	assert_int_equal(v, 8850400);
	analysis_clear(out, 3, &s);
	mpq_clear(f);
}

/* TV-15: 2,000 × PL 2014 → 2018 × 0.98 = 2,041.47. */
static void
test_tv15_cap(void **state_)
{
	mpq_t		f, cap;
	int64_t		v;
	struct err	e;

	(void)state_;
	mpq_inits(f, cap, NULL);
	assert_int_equal(pl_factor(state, NSTATE, 2014, 2018, f, NULL), 0);
	assert_int_equal(analysis_cap(200000, f, 20000, cap, NULL), 0);
	assert_int_equal(pl_round(cap, 1, &v), 0);
	assert_int_equal(v, 204147);
	/* the cap is 204,146.95… øre: compared exactly, not rounded */
	assert_true(analysis_cap_met(204146, cap));
	assert_false(analysis_cap_met(204147, cap));
	assert_true(analysis_cap_met(200000, cap));
	assert_int_equal(analysis_cap(200000, f, 1000001, cap, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "analysis_cap");
	assert_int_equal(analysis_cap(-1, f, 20000, cap, NULL), ERR_INVALID);
	mpq_clears(f, cap, NULL);
}

static void
test_empty_and_zero(void **state_)
{
	struct analysis_line		lines[2] = {
		{ "A", 1000, 215000, 230000 }, { "Z", 500, 0, 100000 },
	};
	struct analysis_line_out	out[2];
	struct analysis_summary		s;
	struct err			e;
	mpq_t				f;

	(void)state_;
	mpq_init(f);
	mpq_set_ui(f, 1, 1);
	analysis_init(out, 2, &s);
	err_clear(&e);
	assert_int_equal(analysis_compute(lines, 0, f, out, &s, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "analysis_empty");
	assert_string_equal(e.msg, "Analysen har ingen linjer i begge år");
	assert_int_equal(analysis_compute(lines, 2, f, out, &s, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "analysis_zero_tariff");
	assert_string_equal(e.field, "lines[1].tariff_from_ore");
	assert_non_null(strstr(e.msg, "Linje Z"));
	/* a zero tariff in the to-year is a real change of −100 % */
	lines[1].tariff_from_ore = 100000;
	lines[1].tariff_to_ore = 0;
	assert_int_equal(analysis_compute(lines, 2, f, out, &s, NULL), 0);
	assert_pct(out[1].real_change, "-100.00");
	lines[1].tariff_to_ore = -1;
	assert_int_equal(analysis_compute(lines, 2, f, out, &s, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "analysis_tariff");
	lines[1].tariff_to_ore = 100000;
	lines[1].places_e2 = -1;
	assert_int_equal(analysis_compute(lines, 2, f, out, &s, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "analysis_places");
	/* no places at all: only the unweighted mean */
	lines[0].places_e2 = lines[1].places_e2 = 0;
	assert_int_equal(analysis_compute(lines, 2, f, out, &s, NULL), 0);
	assert_false(s.weighted);
	assert_pct(s.unweighted_mean, "3.49");	/* (6.98 % + 0) / 2 */
	mpq_set_ui(f, 0, 1);
	assert_int_equal(analysis_compute(lines, 2, f, out, &s, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "analysis_factor");
	analysis_clear(out, 2, &s);
	mpq_clear(f);
}

/* Places in hundredths weigh exactly. */
static void
test_fractional_places(void **state_)
{
	struct analysis_line		lines[2] = {
		{ "A", 150, 100000, 110000 }, { "B", 50, 100000, 90000 },
	};
	struct analysis_line_out	out[2];
	struct analysis_summary		s;
	mpq_t				f;

	(void)state_;
	mpq_init(f);
	mpq_set_ui(f, 1, 1);
	analysis_init(out, 2, &s);
	assert_int_equal(analysis_compute(lines, 2, f, out, &s, NULL), 0);
	/* (1.5 × 1100 + 0.5 × 900) / (2 × 1000) − 1 = 5 % */
	assert_pct(s.weighted_mean, "5.00");
	assert_pct(s.unweighted_mean, "0.00");
	analysis_clear(out, 2, &s);
	mpq_clear(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tv14),
		cmocka_unit_test(test_tv15_cap),
		cmocka_unit_test(test_empty_and_zero),
		cmocka_unit_test(test_fractional_places),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
