/*
 * Unit tests for src/core/pl.c: parsing percentages, the exact factor
 * over a span of years (TV-13 with the state series of spec §7.3), the
 * inverse, a missing year, rounding half-up and the index series.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/pl.h"
#include "util/err.h"

/* The state's general PL 2010–2025 (spec §7.3). */
static const struct pl_year state[] = {
	{ 2010, 22000 }, { 2011, 13000 }, { 2012, 16000 }, { 2013, 5000 },
	{ 2014, 4000 }, { 2015, 5000 }, { 2016, 5000 }, { 2017, 12000 },
	{ 2018, 19000 }, { 2019, 13000 }, { 2020, 11000 }, { 2021, 12000 },
	{ 2022, 43000 }, { 2023, 25000 }, { 2024, 40000 }, { 2025, 28000 },
};
#define NSTATE	(sizeof(state) / sizeof(state[0]))

static void
assert_str(const mpq_t q, int decimals, const char *want)
{
	char buf[64];

	assert_int_equal(pl_mpq_str(q, decimals, buf, sizeof(buf)), 0);
	assert_string_equal(buf, want);
}

static void
test_pct_parse(void **state_)
{
	int64_t v;
	char	buf[24];

	(void)state_;
	assert_int_equal(pl_pct_parse("1.53", &v), 0);
	assert_int_equal(v, 15300);
	assert_int_equal(pl_pct_parse(" -0,5 ", &v), 0);
	assert_int_equal(v, -5000);
	assert_int_equal(pl_pct_parse("4", &v), 0);
	assert_int_equal(v, 40000);
	assert_int_equal(pl_pct_parse("+1.2345", &v), 0);
	assert_int_equal(v, 12345);
	assert_int_equal(pl_pct_parse("1.23450", &v), 0);
	assert_int_equal(v, 12345);
	assert_int_not_equal(pl_pct_parse("1.23456", &v), 0);
	assert_int_not_equal(pl_pct_parse("", &v), 0);
	assert_int_not_equal(pl_pct_parse("1.", &v), 0);
	assert_int_not_equal(pl_pct_parse("abc", &v), 0);
	assert_int_not_equal(pl_pct_parse("1 %", &v), 0);
	assert_int_equal(pl_pct_str(15300, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "1.53");
	assert_int_equal(pl_pct_str(-5000, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "-0.5");
	assert_int_equal(pl_pct_str(40000, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "4");
}

/* TV-13: 2,000 kr. in 2020 prices is 2,250.36 kr. in 2024 prices. */
static void
test_tv13(void **state_)
{
	mpq_t	f;
	int64_t	out;

	(void)state_;
	mpq_init(f);
	assert_int_equal(pl_restate(state, NSTATE, 2020, 2024, 200000, f,
	    &out, NULL), 0);
	assert_int_equal(out, 225036);
	assert_str(f, 9, "1.125180056");
	/* exactly 1.012 × 1.043 × 1.025 × 1.04, nothing rounded */
	assert_str(f, 12, "1.125180056000");
	/* back again: the inverse */
	assert_int_equal(pl_factor(state, NSTATE, 2024, 2020, f, NULL), 0);
	mpq_inv(f, f);
	assert_str(f, 9, "1.125180056");
	assert_int_equal(pl_restate(state, NSTATE, 2024, 2020, 225036, NULL,
	    &out, NULL), 0);
	assert_int_equal(out, 200000);
	/* same year: 1 */
	assert_int_equal(pl_factor(state, NSTATE, 2022, 2022, f, NULL), 0);
	assert_int_equal(mpq_cmp_ui(f, 1, 1), 0);
	mpq_clear(f);
}

/* TV-15's factor 2014 → 2018: 1.005 × 1.005 × 1.012 × 1.019. */
static void
test_factor_2014_2018(void **state_)
{
	mpq_t f;

	(void)state_;
	mpq_init(f);
	assert_int_equal(pl_factor(state, NSTATE, 2014, 2018, f, NULL), 0);
	assert_str(f, 5, "1.04157");
	mpq_clear(f);
}

static void
test_missing_year(void **state_)
{
	struct pl_year	gap[] = { { 2020, 11000 }, { 2022, 43000 } };
	struct err	e;
	mpq_t		f;
	int64_t		out;

	(void)state_;
	mpq_init(f);
	err_clear(&e);
	assert_int_equal(pl_factor(gap, 2, 2020, 2022, f, &e), ERR_INVALID);
	assert_string_equal(e.key, "pl_year_missing");
	assert_string_equal(e.msg, "PL-serien mangler 2021");
	assert_int_equal(pl_factor(state, NSTATE, 2024, 2026, f, &e),
	    ERR_INVALID);
	assert_string_equal(e.msg, "PL-serien mangler 2026");
	assert_int_equal(pl_restate(state, NSTATE, 2008, 2010, 100, NULL,
	    &out, &e), ERR_INVALID);
	assert_string_equal(e.msg, "PL-serien mangler 2009");
	/* the first year of the series needs no earlier change */
	assert_int_equal(pl_factor(gap, 2, 2019, 2020, f, NULL), 0);
	mpq_clear(f);
}

static void
test_check(void **state_)
{
	struct pl_year	ys[] = { { 2020, 11000 }, { 2021, -500000 } };
	struct err	e;

	(void)state_;
	assert_int_equal(pl_check(ys, 2, NULL), 0);
	ys[1].pct_e4 = -500001;
	assert_int_equal(pl_check(ys, 2, &e), ERR_INVALID);
	assert_string_equal(e.key, "pl_pct_range");
	ys[1].pct_e4 = 1000000;
	assert_int_equal(pl_check(ys, 2, NULL), 0);
	ys[1].pct_e4 = 1000001;
	assert_int_equal(pl_check(ys, 2, NULL), ERR_INVALID);
	ys[1].pct_e4 = 0;
	ys[1].year = 2020;
	assert_int_equal(pl_check(ys, 2, &e), ERR_INVALID);
	assert_string_equal(e.key, "pl_year_twice");
	ys[1].year = 1800;
	assert_int_equal(pl_check(ys, 2, NULL), ERR_INVALID);
}

static void
test_round(void **state_)
{
	mpq_t	q;
	int64_t	v;
	char	buf[16];

	(void)state_;
	mpq_init(q);
	mpq_set_si(q, 5, 2);		/* 2.5 → 3 */
	assert_int_equal(pl_round(q, 1, &v), 0);
	assert_int_equal(v, 3);
	mpq_set_si(q, -5, 2);		/* −2.5 → −3 */
	assert_int_equal(pl_round(q, 1, &v), 0);
	assert_int_equal(v, -3);
	mpq_set_si(q, 249, 100);	/* 2.49 → 2 */
	assert_int_equal(pl_round(q, 1, &v), 0);
	assert_int_equal(v, 2);
	mpq_set_si(q, 12345, 1);	/* to whole kroner */
	assert_int_equal(pl_round(q, 100, &v), 0);
	assert_int_equal(v, 12300);
	mpq_set_si(q, 12350, 1);
	assert_int_equal(pl_round(q, 100, &v), 0);
	assert_int_equal(v, 12400);
	assert_int_equal(pl_round(q, 0, &v), ERR_INVALID);
	mpq_set_str(q, "100000000000000000000", 10);
	assert_int_equal(pl_round(q, 1, &v), ERR_INVALID);
	mpq_set_si(q, -1, 1000);	/* no "-0" */
	assert_str(q, 2, "0.00");
	mpq_set_si(q, -5, 1000);
	assert_str(q, 2, "-0.01");
	mpq_set_si(q, 5, 100);
	assert_str(q, 0, "0");
	mpq_set_si(q, 1, 2);
	assert_str(q, 0, "1");
	mpq_set_si(q, 7, 1000);
	assert_str(q, 3, "0.007");
	mpq_set_si(q, 123456, 1);
	assert_int_equal(pl_mpq_str(q, 2, buf, 9), -1);
	assert_int_equal(pl_mpq_str(q, 2, buf, 10), 0);
	assert_string_equal(buf, "123456.00");
	mpq_clear(q);
}

/* Index 2010 = 100 and 2024 = 100 as spec §7.3 prints them. */
static void
test_index(void **state_)
{
	struct pl_index_point	pts[32];
	struct pl_year		gap[] = { { 2022, 0 }, { 2020, 10000 },
				    { 2019, 0 } };
	size_t			n;
	struct err		e;

	(void)state_;
	assert_int_equal(pl_index(state, NSTATE, 2010, pts, 32, &n, NULL), 0);
	assert_int_equal(n, NSTATE);
	assert_int_equal(pts[0].year, 2010);
	assert_int_equal(pts[0].index_e4, 1000000);
	assert_int_equal(pts[1].index_e4, 1013000);
	assert_int_equal((pts[8].index_e4 + 50) / 100, 10817);	/* 2018 */
	assert_int_equal((pts[14].index_e4 + 50) / 100, 12464);	/* 2024 */
	assert_int_equal(pl_index(state, NSTATE, 2024, pts, 32, &n, NULL), 0);
	assert_int_equal((pts[0].index_e4 + 50) / 100, 8023);		/* 2010 */
	assert_int_equal((pts[10].index_e4 + 50) / 100, 8887);	/* 2020 */
	assert_int_equal(pts[14].index_e4, 1000000);
	assert_int_equal((pts[15].index_e4 + 50) / 100, 10280);	/* 2025 */
	/* a gap cuts 2022 off from base 2020; sorted by year */
	assert_int_equal(pl_index(gap, 3, 2020, pts, 32, &n, NULL), 0);
	assert_int_equal(n, 2);
	assert_int_equal(pts[0].year, 2019);
	assert_int_equal(pts[0].index_e4, 990099);
	assert_int_equal(pts[1].year, 2020);
	assert_int_equal(pl_index(state, NSTATE, 2009, pts, 32, &n, &e),
	    ERR_INVALID);
	assert_int_equal(pl_index(state, NSTATE, 2010, pts, 3, &n, &e),
	    ERR_INVALID);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pct_parse),
		cmocka_unit_test(test_tv13),
		cmocka_unit_test(test_factor_2014_2018),
		cmocka_unit_test(test_missing_year),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_round),
		cmocka_unit_test(test_index),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
