/*
 * Unit tests for src/core/expenditure.c: the index against a base year
 * and the change in percent, with the March 2014 figures (accounts
 * 2009→2012: North Jutland −4.6 %, the whole country −6.8 %), rounding
 * at the half, missing years and bad bases; the kind names.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/expenditure.h"
#include "util/err.h"

static void
test_index_march_2014(void **state)
{
	/* 1.000 kr.: the sample's North Jutland and whole-country sums. */
	const int64_t	north[] = { 5267250, 5188241, 5109232, 5024956 };
	const int64_t	country[] = { 40000000, 39100000, 38000000,
	    37280000 };
	int64_t		out[4], bp;
	struct err	e;

	(void)state;
	assert_int_equal(expenditure_index(north, 4, 0, out, &e), 0);
	assert_int_equal(out[0], 10000);
	assert_int_equal(out[1], 9850);
	assert_int_equal(out[3], 9540);
	assert_int_equal(expenditure_index(country, 4, 0, out, &e), 0);
	assert_int_equal(out[3], 9320);
	assert_int_equal(expenditure_change_bp(north[0], north[3], &bp), 0);
	assert_int_equal(bp, -460);
	assert_int_equal(expenditure_change_bp(country[0], country[3], &bp),
	    0);
	assert_int_equal(bp, -680);
	/* Another base year: 2010 = 100. */
	assert_int_equal(expenditure_index(country, 4, 1, out, &e), 0);
	assert_int_equal(out[1], 10000);
	assert_int_equal(out[0], 10230);	/* 102.30179… */
}

static void
test_rounding_and_missing(void **state)
{
	const int64_t	v[] = { 200, 201, EXPENDITURE_MISSING, -1, 199 };
	int64_t		out[5], bp;
	struct err	e;

	(void)state;
	assert_int_equal(expenditure_index(v, 5, 0, out, &e), 0);
	assert_int_equal(out[1], 10050);	/* exactly 100.5 */
	assert_int_equal(out[2], EXPENDITURE_MISSING);
	assert_int_equal(out[3], -50);		/* −0.5 rounds away */
	assert_int_equal(out[4], 9950);
	/* Half a hundredth rounds away from zero: 1/20000 → 1. */
	{
		const int64_t w[] = { 20000, 20001, 19999 };

		assert_int_equal(expenditure_index(w, 3, 0, out, &e), 0);
		assert_int_equal(out[1], 10001);	/* 10000.5 */
		assert_int_equal(out[2], 10000);	/* 9999.5 */
	}
	assert_int_equal(expenditure_change_bp(EXPENDITURE_MISSING, 1, &bp),
	    -1);
	assert_int_equal(expenditure_change_bp(0, 1, &bp), -1);
}

static void
test_bad_base(void **state)
{
	const int64_t	v[] = { EXPENDITURE_MISSING, 0, -5, 10 };
	int64_t		out[4];
	struct err	e;

	(void)state;
	assert_int_equal(expenditure_index(v, 4, 0, out, &e), ERR_INVALID);
	assert_string_equal(e.field, "base_year");
	assert_int_equal(expenditure_index(v, 4, 1, out, &e), ERR_INVALID);
	assert_int_equal(expenditure_index(v, 4, 2, out, &e), ERR_INVALID);
	assert_int_equal(expenditure_index(v, 4, 4, out, &e), ERR_INVALID);
	assert_int_equal(expenditure_index(v, 4, 3, out, &e), 0);
	assert_int_equal(out[3], 10000);
}

static void
test_kinds(void **state)
{
	enum expenditure_kind k;

	(void)state;
	assert_int_equal(expenditure_kind_parse("Regnskab", &k), 0);
	assert_int_equal(k, EXPENDITURE_ACCOUNTS);
	assert_int_equal(expenditure_kind_parse("BUDGET", &k), 0);
	assert_int_equal(k, EXPENDITURE_BUDGET);
	assert_int_equal(expenditure_kind_parse("accounts", &k), 0);
	assert_int_equal(expenditure_kind_parse("regnskaber", &k), -1);
	assert_int_equal(expenditure_kind_parse(NULL, &k), -1);
	assert_string_equal(expenditure_kind_label(EXPENDITURE_BUDGET),
	    "Budget");
	assert_string_equal(expenditure_kind_name(EXPENDITURE_KIND_COUNT), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_index_march_2014),
		cmocka_unit_test(test_rounding_and_missing),
		cmocka_unit_test(test_bad_base),
		cmocka_unit_test(test_kinds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
