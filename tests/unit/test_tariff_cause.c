/*
 * Unit tests for src/core/tariff_cause.c: the closed list of causes of a
 * tariff change during the year and the rule for choosing one.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/tariff_cause.h"
#include "util/err.h"

static void
test_list(void **state)
{
	size_t i, j, n = tariff_cause_count();

	(void)state;
	assert_true(n >= 2);
	for (i = 0; i < n; i++) {
		const struct tariff_cause *c = tariff_cause_at(i);

		assert_non_null(c->key);
		assert_true(strlen(c->label) > 0);
		assert_ptr_equal(tariff_cause_find(c->key), c);
		for (j = i + 1; j < n; j++)
			assert_string_not_equal(c->key,
			    tariff_cause_at(j)->key);
	}
	/* The cause the minutes name, and "andet" as the last resort. */
	assert_string_equal(tariff_cause_label("renovering"),
	    "Ombygning eller renovering");
	assert_string_equal(tariff_cause_at(n - 1)->key, "andet");
	assert_true(tariff_cause_at(n - 1)->needs_text);
	assert_null(tariff_cause_find("Renovering"));
	assert_null(tariff_cause_find(NULL));
	assert_null(tariff_cause_label("ukendt"));
}

static void
test_rule(void **state)
{
	struct err e;

	(void)state;
	assert_int_equal(tariff_cause_check(NULL, "x", &e), ERR_INVALID);
	assert_string_equal(e.key, "missing_cause");
	assert_string_equal(e.field, "cause");
	assert_int_equal(tariff_cause_check("", NULL, &e), ERR_INVALID);
	assert_string_equal(e.key, "missing_cause");
	assert_int_equal(tariff_cause_check("ombygning!", "x", &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "invalid_cause");
	assert_string_equal(e.field, "cause");
	/* Free text is optional, except for "andet". */
	assert_int_equal(tariff_cause_check("renovering", NULL, &e), 0);
	assert_int_equal(tariff_cause_check("fejl", "", &e), 0);
	assert_int_equal(tariff_cause_check("fejl", "Forkert løn", &e), 0);
	assert_int_equal(tariff_cause_check("andet", "", &e), ERR_INVALID);
	assert_string_equal(e.key, "missing_reason");
	assert_string_equal(e.field, "reason");
	assert_non_null(strstr(e.msg, "Andet"));
	assert_int_equal(tariff_cause_check("andet", NULL, &e), ERR_INVALID);
	assert_int_equal(tariff_cause_check("andet", "Ny husleje", &e), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_rule),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
