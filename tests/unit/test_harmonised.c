/*
 * test_harmonised — the rule of a harmonised tariff: at least two
 * distinct offers, all with the same operator; a name and a from year.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/harmonised.h"
#include "util/err.h"

static const struct harmonised_offer danahus = { 1, "Danahus", "851" };
static const struct harmonised_offer fantasten = { 2, "Fantasten", "851" };
static const struct harmonised_offer other = { 3, "Andet sted", "1081" };
static const struct harmonised_offer none = { 4, "Uden driftsherre", NULL };

static void
test_same_operator(void **state)
{
	struct harmonised_offer	v[3] = { danahus, fantasten,
				    { 5, "Tredje", "851" } };
	struct err		e;

	(void)state;
	err_clear(&e);
	assert_int_equal(harmonised_check("Danahus og Fantasten", 2012, v, 2,
	    &e), 0);
	assert_int_equal(harmonised_check("Tre tilbud", 2012, v, 3, &e), 0);
}

static void
test_at_least_two(void **state)
{
	struct harmonised_offer	v[2] = { danahus, danahus };
	struct err		e;

	(void)state;
	assert_int_equal(harmonised_check("X", 2012, v, 1, &e), ERR_INVALID);
	assert_string_equal(e.key, "harmonised_too_few");
	assert_string_equal(e.field, "offers");
	assert_int_equal(harmonised_check("X", 2012, NULL, 0, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "harmonised_too_few");
	/* the same offer twice is one offer */
	assert_int_equal(harmonised_check("X", 2012, v, 2, &e), ERR_INVALID);
	assert_string_equal(e.key, "harmonised_duplicate");
}

static void
test_other_operator(void **state)
{
	struct harmonised_offer	v[3] = { danahus, fantasten, other };
	struct harmonised_offer	w[2] = { danahus, none };
	struct err		e;

	(void)state;
	assert_int_equal(harmonised_check("X", 2012, v, 3, &e), ERR_INVALID);
	assert_string_equal(e.key, "harmonised_other_operator");
	assert_non_null(strstr(e.msg, "Andet sted"));
	assert_non_null(strstr(e.msg, "samme driftsherre"));
	assert_int_equal(harmonised_check("X", 2012, w, 2, &e), ERR_INVALID);
	assert_string_equal(e.key, "harmonised_no_operator");
}

static void
test_name_and_year(void **state)
{
	struct harmonised_offer	v[2] = { danahus, fantasten };
	char			long_name[HARMONISED_NAME_MAX + 2];
	struct err		e;

	(void)state;
	assert_int_equal(harmonised_check("", 2012, v, 2, &e), ERR_INVALID);
	assert_string_equal(e.key, "harmonised_name");
	assert_int_equal(harmonised_check(NULL, 2012, v, 2, &e), ERR_INVALID);
	memset(long_name, 'a', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	assert_int_equal(harmonised_check(long_name, 2012, v, 2, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "harmonised_name");
	long_name[HARMONISED_NAME_MAX] = '\0';
	assert_int_equal(harmonised_check(long_name, 2012, v, 2, &e), 0);
	assert_int_equal(harmonised_check("X", 0, v, 2, &e), ERR_INVALID);
	assert_string_equal(e.key, "harmonised_year");
	assert_string_equal(e.field, "from_year");
	assert_int_equal(harmonised_check("X", 1999, v, 2, &e), ERR_INVALID);
	assert_int_equal(harmonised_check("X", 2000, v, 2, &e), 0);
	assert_int_equal(harmonised_check("X", 2100, v, 2, &e), 0);
	assert_int_equal(harmonised_check("X", 2101, v, 2, &e), ERR_INVALID);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_operator),
		cmocka_unit_test(test_at_least_two),
		cmocka_unit_test(test_other_operator),
		cmocka_unit_test(test_name_and_year),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
