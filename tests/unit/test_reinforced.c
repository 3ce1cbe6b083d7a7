/*
 * test_reinforced — the reinforced cooperation's dates and criteria: in
 * force on 1 July, the panel in December of the year before, and the
 * re-assessment of offers covered 1½ years at the boundaries.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/reinforced.h"

static void
test_dates(void **state)
{
	char d[11];

	(void)state;
	reinforced_in_force(2015, d);
	assert_string_equal(d, "2015-07-01");
	reinforced_panel_month(2015, d);
	assert_string_equal(d, "2014-12-01");
}

static void
test_reassess(void **state)
{
	(void)state;
	/* Covered 1 July 2013: panel December 2014 (17 months) decides
	   for 2015. */
	assert_true(reinforced_reassess_due("2013-07-01", 2015));
	/* Not the year before (5 months) nor after (29 months). */
	assert_false(reinforced_reassess_due("2013-07-01", 2014));
	assert_false(reinforced_reassess_due("2013-07-01", 2016));
	/* Boundaries: 18 months (June 2013) in, 19 (May 2013) out,
	   16 (August 2013) out. */
	assert_true(reinforced_reassess_due("2013-06-01", 2015));
	assert_false(reinforced_reassess_due("2013-05-31", 2015));
	assert_false(reinforced_reassess_due("2013-08-01", 2015));
	assert_false(reinforced_reassess_due("", 2015));
	assert_false(reinforced_reassess_due(NULL, 2015));
	assert_false(reinforced_reassess_due("2013-13-01", 2015));
}

static void
test_criteria_and_states(void **state)
{
	enum coverage_status	c;
	enum rescue_status	r;

	(void)state;
	assert_int_equal(reinforced_criterion_bit(0), CRIT_SPECIALISED);
	assert_int_equal(reinforced_criterion_bit(3), CRIT_THREATENED);
	assert_int_equal(reinforced_criterion_bit(4), 0);
	assert_int_equal(reinforced_criteria_count(CRIT_ALL), CRIT_COUNT);
	assert_int_equal(reinforced_criteria_count(CRIT_SPECIALISED |
	    CRIT_KNOWLEDGE), 2);
	assert_string_equal(reinforced_criterion_label(9), "");
	assert_int_equal(coverage_status_parse("godkendt", &c), 0);
	assert_int_equal(c, COVER_APPROVED);
	assert_int_equal(coverage_status_parse("x", &c), -1);
	assert_string_equal(coverage_status_label(COVER_DECIDED),
	    "Besluttet af DAS");
	assert_int_equal(rescue_status_parse("lukket", &r), 0);
	assert_int_equal(r, RESCUE_CLOSED);
	assert_string_equal(rescue_status_name(RESCUE_TERMS), "vilkaar");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_reassess),
		cmocka_unit_test(test_criteria_and_states),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
