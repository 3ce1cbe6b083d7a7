/*
 * Unit tests for src/core/reduction.c: the general tariff reduction of
 * 2012 (2 %, minutes Aug/Oct 2011) checked per operator.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/money.h"
#include "core/params.h"
#include "core/reduction.h"
#include "util/err.h"

#define KR(x)	((int64_t)(x) * 100)

static struct agreement_params
params(int year)
{
	struct agreement_params p;

	assert_int_equal(params_defaults(year, &p, NULL), 0);
	return p;
}

/*
 * Aalborg (851): 10 places 2,000 → 1,950 and 5 places 1,000 → 985:
 * weighted 25,000 → 24,425 = −2.30 %, met (the second offer alone is
 * only −1.5 %). Region (1081): 3,000 → 2,960 = −1.33 %, not met.
 * Hjørring (860): exactly −2.00 %, met.
 */
static void
test_reduction_2012(void **state)
{
	static const struct reduction_offer offers[] = {
		{ "851", 1000, KR(2000), KR(1950) },
		{ "1081", 800, KR(3000), KR(2960) },
		{ "851", 500, KR(1000), KR(985) },
		{ "860", 1200, KR(2500), KR(2450) },
	};
	struct agreement_params		p = params(2012);
	struct reduction_operator	out[4];
	size_t				n;

	(void)state;
	assert_int_equal(reduction_check(&p, offers, 4, NULL, out, 4, &n,
	    NULL), 0);
	assert_int_equal(n, 3);
	assert_string_equal(out[0].operator_code, "851");
	assert_int_equal(out[0].noffers, 2);
	assert_int_equal(out[0].noffers_met, 1);
	assert_int_equal(out[0].change_bp, -230);
	assert_true(out[0].met);
	assert_string_equal(out[1].operator_code, "1081");
	assert_int_equal(out[1].change_bp, -133);
	assert_false(out[1].met);
	assert_string_equal(out[2].operator_code, "860");
	assert_int_equal(out[2].change_bp, -200);
	assert_true(out[2].met);
	assert_int_equal(out[2].noffers_met, 1);
}

/* No reduction required in 2013: unchanged tariffs pass, rises do not. */
static void
test_no_reduction_required(void **state)
{
	static const struct reduction_offer offers[] = {
		{ "851", 1000, KR(2000), KR(2000) },
		{ "860", 1000, KR(2000), KR(2001) },
	};
	struct agreement_params		p = params(2013);
	struct reduction_operator	out[2];
	size_t				n;

	(void)state;
	assert_int_equal(reduction_check(&p, offers, 2, NULL, out, 2, &n,
	    NULL), 0);
	assert_true(out[0].met);
	assert_int_equal(out[0].change_bp, 0);
	assert_false(out[1].met);
	assert_int_equal(out[1].change_bp, 5);	/* +0.05 % */
}

/*
 * Measured in fixed prices (a parameter): 2,000 in 2011 is 2,000 ×
 * 10292/10130 = 2,031.99 in 2012 prices; 1,990 is then −2.07 %, met,
 * though only −0.5 % in current prices.
 */
static void
test_fixed_prices(void **state)
{
	static const struct reduction_offer offers[] = {
		{ "851", 1000, KR(2000), KR(1990) },
	};
	struct agreement_params		p = params(2012);
	struct reduction_operator	out[1];
	struct ratio			pl = { 10292, 10130 };
	struct err			e;
	size_t				n;

	(void)state;
	assert_int_equal(reduction_check(&p, offers, 1, NULL, out, 1, &n,
	    NULL), 0);
	assert_false(out[0].met);
	err_clear(&e);
	assert_int_equal(reduction_check(&p, offers, 1, &pl, out, 1, &n, &e),
	    ERR_INVALID);
	assert_string_equal(e.field, "pl");
	p.reduction_fixed_prices = 1;
	assert_int_equal(reduction_check(&p, offers, 1, NULL, out, 1, &n, &e),
	    ERR_INVALID);
	assert_int_equal(reduction_check(&p, offers, 1, &pl, out, 1, &n, NULL),
	    0);
	assert_true(out[0].met);
	assert_int_equal(out[0].change_bp, -207);
}

static void
test_invalid(void **state)
{
	static const struct reduction_offer no_op[] = {
		{ NULL, 1000, KR(2000), KR(1990) },
	};
	static const struct reduction_offer no_places[] = {
		{ "851", 0, KR(2000), KR(1990) },
	};
	static const struct reduction_offer no_prev[] = {
		{ "851", 100, 0, KR(1990) },
	};
	static const struct reduction_offer two[] = {
		{ "851", 100, KR(2000), KR(1990) },
		{ "860", 100, KR(2000), KR(1990) },
	};
	struct agreement_params		p = params(2012);
	struct reduction_operator	out[1];
	size_t				n;

	(void)state;
	assert_int_equal(reduction_check(&p, no_op, 1, NULL, out, 1, &n, NULL),
	    ERR_INVALID);
	assert_int_equal(reduction_check(&p, no_places, 1, NULL, out, 1, &n,
	    NULL), ERR_INVALID);
	assert_int_equal(reduction_check(&p, no_prev, 1, NULL, out, 1, &n,
	    NULL), ERR_INVALID);
	assert_int_equal(reduction_check(&p, two, 2, NULL, out, 1, &n, NULL),
	    ERR_INVALID);
	assert_int_equal(n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reduction_2012),
		cmocka_unit_test(test_no_reduction_required),
		cmocka_unit_test(test_fixed_prices),
		cmocka_unit_test(test_invalid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
