/*
 * Unit tests for src/core/org.c and src/core/role.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/org.h"
#include "core/role.h"
#include "util/err.h"

static void
test_codes(void **state)
{
	(void)state;
	assert_true(org_code_valid(ORG_KOMMUNE, "851"));
	assert_false(org_code_valid(ORG_KOMMUNE, "1081"));
	assert_true(org_code_valid(ORG_REGION, "1081"));
	assert_false(org_code_valid(ORG_REGION, "108a"));
	assert_true(org_code_valid(ORG_PRIVATE, "12345678"));
	assert_true(org_code_plausible("810"));
	assert_false(org_code_plausible("81"));
}

static void
test_validate(void **state)
{
	struct org_population	pop[] = { { 2011, 199188 }, { 2011, 1 } };
	struct org		o = { "851", "Aalborg", ORG_KOMMUNE, pop, 1 };
	struct err		e;

	(void)state;
	assert_int_equal(org_validate(&o, &e), 0);
	o.npop = 2;
	assert_int_equal(org_validate(&o, &e), ERR_INVALID);
	assert_string_equal(e.key, "duplicate_year");
	o.npop = 1;
	o.code = "8510";
	assert_int_equal(org_validate(&o, &e), ERR_INVALID);
	assert_string_equal(e.key, "invalid_code");
}

static void
test_roles(void **state)
{
	struct principal admin = { 1, "a", ROLE_ADMIN, NULL };
	struct principal op = { 2, "o", ROLE_OPERATOR, "851" };
	struct principal reader = { 3, "r", ROLE_READER, "851" };
	enum role r;

	(void)state;
	assert_true(role_may_edit_offer(&admin, "1081"));
	assert_true(role_may_edit_offer(&admin, NULL));
	assert_true(role_may_edit_offer(&op, "851"));
	assert_false(role_may_edit_offer(&op, "1081"));
	assert_false(role_may_edit_offer(&op, NULL));
	assert_false(role_may_edit_offer(&reader, "851"));
	assert_int_equal(role_parse("authority", &r), 0);
	assert_int_equal(r, ROLE_AUTHORITY);
	assert_int_equal(role_parse("root", &r), -1);
	assert_true(role_needs_org(ROLE_OPERATOR));
	assert_false(role_needs_org(ROLE_READER));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_validate),
		cmocka_unit_test(test_roles),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
