/*
 * Unit tests for src/core/overhead.c: the premises part of the
 * secretariat's overhead (the 2011 accounts and 2012 budget: 30 m² at
 * 850 + 250 + 200 kr. per m² = 39.000 kr.), a fractional area, refusals.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/overhead.h"
#include "util/err.h"

#define KR(x)	((int64_t)(x) * 100)

static void
test_minutes_2012(void **state)
{
	struct overhead_premises p = { 3000, KR(850), KR(250), KR(200) };
	int64_t	v = 0;

	(void)state;
	assert_int_equal(overhead_premises_cost(&p, &v, NULL), 0);
	assert_int_equal(v, KR(39000));
}

static void
test_fraction_rounds_half_up(void **state)
{
	/* 0.5 m² × 0.01 kr. = 0.5 øre → 1 øre; 12.25 m² × 100 kr. */
	struct overhead_premises half = { 50, 1, 0, 0 };
	struct overhead_premises p = { 1225, KR(100), 0, 0 };
	int64_t	v = 0;

	(void)state;
	assert_int_equal(overhead_premises_cost(&half, &v, NULL), 0);
	assert_int_equal(v, 1);
	assert_int_equal(overhead_premises_cost(&p, &v, NULL), 0);
	assert_int_equal(v, KR(1225));
}

static void
test_refusals(void **state)
{
	struct overhead_premises zero = { 0, KR(850), 0, 0 };
	struct overhead_premises neg = { 3000, KR(850), -1, 0 };
	struct err	e;
	int64_t		v = 7;

	(void)state;
	assert_int_equal(overhead_premises_cost(&zero, &v, &e), ERR_INVALID);
	assert_string_equal(e.field, "area");
	assert_int_equal(overhead_premises_cost(&neg, &v, &e), ERR_INVALID);
	assert_string_equal(e.field, "utilities");
	assert_non_null(strstr(e.msg, "Forbrugsafgifter"));
	assert_int_equal(v, 7);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_minutes_2012),
		cmocka_unit_test(test_fraction_rounds_half_up),
		cmocka_unit_test(test_refusals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
