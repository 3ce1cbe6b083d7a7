/*
 * test_approval — the agreement's documents as rules: the approval
 * deadline (1 June until 2014, 1 May from 2015), names and labels, and
 * the check of a recorded decision.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/approval.h"
#include "core/params.h"
#include "util/err.h"

static void
test_deadline(void **state)
{
	char d[11];

	(void)state;
	/* The strategy for 2015 was approved in 2014: 1 June. */
	approval_deadline_default(2015, d);
	assert_string_equal(d, "2014-06-01");
	approval_deadline_default(2014, d);
	assert_string_equal(d, "2013-06-01");
	/* From 2015 (documents for 2016 on): 1 May. */
	approval_deadline_default(2016, d);
	assert_string_equal(d, "2015-05-01");
	approval_deadline_default(2027, d);
	assert_string_equal(d, "2026-05-01");
	/* From the parameter's month; a month out of range: the default. */
	approval_deadline_of(2016, 4, d);
	assert_string_equal(d, "2015-04-01");
	approval_deadline_of(2015, 13, d);
	assert_string_equal(d, "2014-06-01");
}

static void
test_deadline_parameter(void **state)
{
	struct agreement_params	p;
	char			d[11];

	(void)state;
	/* The parameter's defaults follow the minutes: June until 2014. */
	assert_int_equal(params_defaults(2014, &p, NULL), 0);
	assert_int_equal(p.approval_deadline_month, 6);
	approval_deadline_of(2015, (int)p.approval_deadline_month, d);
	assert_string_equal(d, "2014-06-01");
	assert_int_equal(params_defaults(2015, &p, NULL), 0);
	assert_int_equal(p.approval_deadline_month, 5);
	approval_deadline_of(2016, (int)p.approval_deadline_month, d);
	assert_string_equal(d, "2015-05-01");
}

static void
test_names(void **state)
{
	enum approval_kind	k;
	enum approval_stage	s;
	enum approval_status	st;

	(void)state;
	assert_int_equal(approval_kind_parse("styringsaftale", &k), 0);
	assert_int_equal(k, DOC_STEERING);
	assert_int_equal(approval_kind_parse("Styringsaftale", &k), -1);
	assert_int_equal(approval_stage_parse("kontaktudvalget", &s), 0);
	assert_int_equal(s, STAGE_KU);
	assert_int_equal(approval_status_parse("forbehold", &st), 0);
	assert_int_equal(st, APPROVAL_RESERVED);
	assert_string_equal(approval_status_label(st),
	    "Godkendt med forbehold");
	assert_true(approval_is_approved(APPROVAL_RESERVED));
	assert_false(approval_is_approved(APPROVAL_REJECTED));
	assert_false(approval_is_approved(APPROVAL_PENDING));
}

static void
test_decision_check(void **state)
{
	struct err e;

	(void)state;
	assert_int_equal(approval_decision_check(APPROVAL_PENDING, NULL,
	    NULL, &e), 0);
	assert_int_equal(approval_decision_check(APPROVAL_PENDING,
	    "2014-05-01", NULL, &e), ERR_INVALID);
	assert_int_equal(approval_decision_check(APPROVAL_APPROVED,
	    "2014-05-20", NULL, &e), 0);
	assert_int_equal(approval_decision_check(APPROVAL_APPROVED, NULL,
	    NULL, &e), ERR_INVALID);
	assert_string_equal(e.field, "decided_on");
	assert_int_equal(approval_decision_check(APPROVAL_APPROVED,
	    "2014-02-30", NULL, &e), ERR_INVALID);
	assert_int_equal(approval_decision_check(APPROVAL_RESERVED,
	    "2014-05-20", NULL, &e), ERR_INVALID);
	assert_string_equal(e.field, "reservation");
	assert_int_equal(approval_decision_check(APPROVAL_RESERVED,
	    "2014-05-20", "Med forbehold for økonomien", &e), 0);
	assert_int_equal(approval_decision_check(APPROVAL_REJECTED,
	    "2014-05-20", "tekst", &e), ERR_INVALID);
	assert_int_equal(approval_decision_check(APPROVAL_STATUS_COUNT,
	    "2014-05-20", NULL, &e), ERR_INVALID);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_deadline),
		cmocka_unit_test(test_deadline_parameter),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_decision_check),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
