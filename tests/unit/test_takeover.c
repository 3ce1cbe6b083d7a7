/*
 * test_takeover — the election-period rule of regional takeovers: the
 * period of a year, the notice deadline (1 January of the period's third
 * year) at the boundary, the takeover day, and once per period.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/takeover.h"
#include "util/err.h"

static void
test_periods(void **state)
{
	struct takeover_period	p;
	struct err		e;

	(void)state;
	assert_int_equal(takeover_period_of(2014, &p, &e), 0);
	assert_int_equal(p.first_year, 2014);
	assert_int_equal(p.last_year, 2017);
	assert_string_equal(p.notice_by, "2016-01-01");
	assert_string_equal(p.takeover_on, "2017-01-01");
	assert_int_equal(takeover_period_of(2017, &p, &e), 0);
	assert_int_equal(p.first_year, 2014);
	assert_int_equal(takeover_period_of(2018, &p, &e), 0);
	assert_int_equal(p.first_year, 2018);
	assert_string_equal(p.notice_by, "2020-01-01");
	assert_string_equal(p.takeover_on, "2021-01-01");
	assert_int_equal(takeover_period_of(2025, &p, &e), 0);
	assert_int_equal(p.first_year, 2022);
	assert_string_equal(p.takeover_on, "2025-01-01");
	assert_int_equal(takeover_period_of(2026, &p, &e), 0);
	assert_string_equal(p.notice_by, "2028-01-01");
	assert_string_equal(p.takeover_on, "2029-01-01");
	assert_int_equal(takeover_period_of(2013, &p, &e), ERR_INVALID);
	assert_string_equal(e.key, "takeover_before_rule");
}

static void
test_deadline_boundary(void **state)
{
	struct takeover_period	p;
	struct err		e;

	(void)state;
	/* The deadline day itself is in time. */
	assert_int_equal(takeover_check("2016-01-01", &p, &e), 0);
	assert_string_equal(p.takeover_on, "2017-01-01");
	assert_int_equal(takeover_check("2015-12-31", &p, &e), 0);
	assert_string_equal(p.takeover_on, "2017-01-01");
	assert_int_equal(takeover_check("2014-01-01", &p, &e), 0);
	assert_string_equal(p.takeover_on, "2017-01-01");
	/* One day late: refused, naming the next period. */
	assert_int_equal(takeover_check("2016-01-02", &p, &e), ERR_INVALID);
	assert_string_equal(e.key, "takeover_notice_late");
	assert_string_equal(e.field, "notice_on");
	assert_non_null(strstr(e.msg, "1. januar 2016"));
	assert_non_null(strstr(e.msg, "2018–2021"));
	assert_non_null(strstr(e.msg, "1. januar 2020"));
	assert_int_equal(takeover_check("2017-12-31", &p, &e), ERR_INVALID);
	/* The next period. */
	assert_int_equal(takeover_check("2018-01-01", &p, &e), 0);
	assert_string_equal(p.takeover_on, "2021-01-01");
	assert_int_equal(takeover_check("2024-01-01", &p, &e), 0);
	assert_string_equal(p.takeover_on, "2025-01-01");
	assert_int_equal(takeover_check("2024-01-02", &p, &e), ERR_INVALID);
}

static void
test_bad_input(void **state)
{
	struct takeover_period	p;
	struct err		e;

	(void)state;
	assert_int_equal(takeover_check(NULL, &p, &e), ERR_INVALID);
	assert_string_equal(e.key, "invalid_date");
	assert_int_equal(takeover_check("2016-02-30", &p, &e), ERR_INVALID);
	assert_int_equal(takeover_check("1.1.2016", &p, &e), ERR_INVALID);
	assert_int_equal(takeover_check("2013-06-01", &p, &e), ERR_INVALID);
	assert_string_equal(e.key, "takeover_before_rule");
}

static void
test_once_per_period(void **state)
{
	struct takeover_period	p;

	(void)state;
	assert_int_equal(takeover_period_of(2015, &p, NULL), 0);
	assert_true(takeover_same_period(&p, "2017-01-01"));
	assert_true(takeover_same_period(&p, "2014-01-01"));
	assert_false(takeover_same_period(&p, "2013-12-31"));
	assert_false(takeover_same_period(&p, "2018-01-01"));
	assert_false(takeover_same_period(&p, NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_periods),
		cmocka_unit_test(test_deadline_boundary),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_once_per_period),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
