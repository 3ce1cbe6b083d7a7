/*
 * Unit tests for src/core/money.c: rounding modes, percentages, exact
 * fractions as decimal text, and Danish amounts.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/money.h"
#include "util/err.h"

static int64_t
rounded(__int128 num, __int128 den, int64_t unit, enum round_mode m)
{
	int64_t v = 0;

	assert_int_equal(money_round(num, den, unit, m, &v), 0);
	return v;
}

static void
test_round_modes(void **state)
{
	(void)state;
	/* 2.5, −2.5, 3.5, 2.4, 2.6 (in units of 1). */
	assert_int_equal(rounded(5, 2, 1, ROUND_HALF_UP), 3);
	assert_int_equal(rounded(-5, 2, 1, ROUND_HALF_UP), -3);
	assert_int_equal(rounded(5, -2, 1, ROUND_HALF_UP), -3);
	assert_int_equal(rounded(5, 2, 1, ROUND_HALF_EVEN), 2);
	assert_int_equal(rounded(7, 2, 1, ROUND_HALF_EVEN), 4);
	assert_int_equal(rounded(-5, 2, 1, ROUND_HALF_EVEN), -2);
	assert_int_equal(rounded(12, 5, 1, ROUND_HALF_UP), 2);
	assert_int_equal(rounded(13, 5, 1, ROUND_HALF_UP), 3);
	assert_int_equal(rounded(29, 10, 1, ROUND_DOWN), 2);
	assert_int_equal(rounded(-29, 10, 1, ROUND_DOWN), -2);
	assert_int_equal(rounded(21, 10, 1, ROUND_UP), 3);
	assert_int_equal(rounded(20, 10, 1, ROUND_UP), 2);
	/* To whole kroner: 228,310.50 øre → 228,300; 228,350 → 228,400. */
	assert_int_equal(rounded(800000000, 3504, 100, ROUND_HALF_UP), 228300);
	assert_int_equal(rounded(228350, 1, 100, ROUND_HALF_UP), 228400);
	assert_int_equal(rounded(228350, 1, 100, ROUND_HALF_EVEN), 228400);
	assert_int_equal(rounded(228250, 1, 100, ROUND_HALF_EVEN), 228200);
	assert_int_equal(rounded(0, 7, 100, ROUND_UP), 0);
}

static void
test_round_errors(void **state)
{
	int64_t v;

	(void)state;
	assert_int_equal(money_round(1, 0, 1, ROUND_HALF_UP, &v), ERR_INVALID);
	assert_int_equal(money_round(1, 1, 0, ROUND_HALF_UP, &v), ERR_INVALID);
	assert_int_equal(money_round(1, 1, 1, ROUND_MODE_COUNT, &v),
	    ERR_INVALID);
	assert_int_equal(money_round((__int128)INT64_MAX * 2, 1, 1,
	    ROUND_HALF_UP, &v), ERR_INVALID);
	assert_int_equal(money_round((__int128)INT64_MAX, 1, 1, ROUND_DOWN,
	    &v), 0);
	assert_int_equal(v, INT64_MAX);
	assert_int_equal(money_round(INT64_MAX, 1, 100, ROUND_UP, &v),
	    ERR_INVALID);
}

static void
test_pct_and_add(void **state)
{
	int64_t v, acc = INT64_MAX - 1;

	(void)state;
	assert_int_equal(money_pct(800000000, 500, ROUND_DOWN, &v), 0);
	assert_int_equal(v, 40000000);
	assert_int_equal(money_pct(999, 500, ROUND_DOWN, &v), 0);
	assert_int_equal(v, 49);
	assert_int_equal(money_pct(999, 500, ROUND_HALF_UP, &v), 0);
	assert_int_equal(v, 50);
	assert_int_equal(money_pct(-999, 500, ROUND_HALF_UP, &v), 0);
	assert_int_equal(v, -50);
	assert_int_equal(money_add(&acc, 1), 0);
	assert_int_equal(acc, INT64_MAX);
	assert_int_equal(money_add(&acc, 1), ERR_INVALID);
	assert_int_equal(acc, INT64_MAX);
}

static void
assert_str(__int128 num, __int128 den, int decimals, const char *want)
{
	struct ratio	r = { num, den };
	char		got[64];

	assert_int_equal(money_ratio_str(r, decimals, got, sizeof(got)), 0);
	assert_string_equal(got, want);
}

static void
test_ratio_str(void **state)
{
	struct ratio	r = { 1, 3 }, z = { 1, 0 };
	char		small[4];

	(void)state;
	assert_str(800000000, 3504, 4, "228310.5023");
	assert_str(3504, 1, 4, "3504");
	assert_str(31025, 10, 6, "3102.5");
	assert_str(-1, 2, 2, "-0.5");
	assert_str(-1, 3, 0, "0");
	assert_str(2, 3, 3, "0.667");
	assert_str(1, -4, 2, "-0.25");
	assert_str(199999, 100000, 2, "2");
	assert_int_equal(money_ratio_str(r, 6, small, sizeof(small)), -1);
	assert_int_equal(money_ratio_str(z, 2, small, sizeof(small)), -1);
	assert_true(money_ratio_is_int((struct ratio){ 6, 3 }));
	assert_false(money_ratio_is_int(r));
	r = money_ratio_reduce((struct ratio){ 6, -4 });
	assert_true(r.num == -3 && r.den == 2);
}

static void
test_mode_names(void **state)
{
	enum round_mode m;

	(void)state;
	assert_int_equal(money_round_mode_parse("half_even", &m), 0);
	assert_int_equal(m, ROUND_HALF_EVEN);
	assert_int_equal(money_round_mode_parse("nearest", &m), -1);
	assert_string_equal(money_round_mode_name(ROUND_DOWN), "down");
	assert_string_equal(money_round_mode_name(ROUND_MODE_COUNT), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_modes),
		cmocka_unit_test(test_round_errors),
		cmocka_unit_test(test_pct_and_add),
		cmocka_unit_test(test_ratio_str),
		cmocka_unit_test(test_mode_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
