/*
 * Unit tests for src/core/postadj.c: the spec §4.3 worked example (8
 * places, 40,000,000 kr., 90 % assumed) at 80 % and 95 % actual
 * occupancy, to the øre and in whole kroner, the sharing of the
 * difference with its sign, and bad input at the boundaries.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/postadj.h"
#include "core/split.h"
#include "util/err.h"

static struct postadj_input
example(int64_t occupied_days, int64_t rounding_ore)
{
	struct postadj_input in;

	memset(&in, 0, sizeof(in));
	in.places_centi = 800;
	in.day_basis = 365;
	in.cost_ore = 4000000000;
	in.assumed_bp = 9000;
	in.occupied_days = occupied_days;
	in.rounding_ore = rounding_ore;
	return in;
}

/*
 * §4.3: 40,000,000 / (8 × 365 × 0.9) = 15,220.70015… At 80 % (2,336
 * days) the billed amount is 35,555,555.20 and the deficit 4,444,444.80
 * kr. when the tariff is kept to the øre.
 */
static void
test_worked_example_80(void **state)
{
	struct postadj_input	in = example(2336, 1);
	struct postadj_result	r;
	struct err		e;

	(void)state;
	assert_int_equal(postadj_compute(&in, &r, &e), 0);
	assert_string_equal(r.tariff_exact, "1522070.0152");
	assert_int_equal(r.tariff_ore, 1522070);
	assert_int_equal(r.billed_ore, 3555555520);
	assert_int_equal(r.difference_ore, 444444480);

	/* With the tariff in whole kroner (15,221): a smaller deficit. */
	in = example(2336, 100);
	assert_int_equal(postadj_compute(&in, &r, &e), 0);
	assert_int_equal(r.tariff_ore, 1522100);
	assert_int_equal(r.billed_ore, 3555625600);
	assert_int_equal(r.difference_ore, 444374400);
}

/*
 * At 95 % (0.95 × 2,920 = 2,774 days) the operator has billed more than
 * its cost. The spec's 2,222,222.40 is half the 80 % deficit; the rule
 * gives 2,774 × 15,220.70 = 42,222,221.80, a surplus of 2,222,221.80.
 */
static void
test_worked_example_95(void **state)
{
	struct postadj_input	in = example(2774, 1);
	struct postadj_result	r;
	struct err		e;

	(void)state;
	assert_int_equal(postadj_compute(&in, &r, &e), 0);
	assert_int_equal(r.billed_ore, 4222222180);
	assert_int_equal(r.difference_ore, -222222180);
	/* Exactly at the assumed occupancy (2,628 days): 0,40 kr. left. */
	in = example(2628, 1);
	assert_int_equal(postadj_compute(&in, &r, &e), 0);
	assert_int_equal(r.difference_ore, 40);
}

/* The difference shared to the øre keeps its sign and sums exactly. */
static void
test_shared_with_sign(void **state)
{
	struct postadj_input	in = example(2774, 1);
	struct postadj_result	r;
	struct split_row	rows[3] = {
		{ "851", 199188, 0 }, { "810", 35789, 0 }, { "860", 66473, 0 },
	};
	struct err		e;

	(void)state;
	assert_int_equal(postadj_compute(&in, &r, &e), 0);
	assert_int_equal(split_allocate(r.difference_ore, 1, rows, 3, &e), 0);
	assert_true(rows[0].amount_ore < 0 && rows[1].amount_ore < 0 &&
	    rows[2].amount_ore < 0);
	assert_int_equal(rows[0].amount_ore + rows[1].amount_ore +
	    rows[2].amount_ore, r.difference_ore);
}

static void
refused(struct postadj_input in, const char *field)
{
	struct postadj_result	r;
	struct err		e;

	err_clear(&e);
	assert_int_equal(postadj_compute(&in, &r, &e), ERR_INVALID);
	assert_string_equal(e.field, field);
	assert_true(strlen(e.msg) > 0);
}

static void
test_bad_input(void **state)
{
	struct postadj_input	in;
	struct postadj_result	r;
	struct err		e;

	(void)state;
	in = example(-1, 1);
	refused(in, "occupied_days");
	in = example(0, 1);			/* zero days: all a deficit */
	assert_int_equal(postadj_compute(&in, &r, &e), 0);
	assert_int_equal(r.difference_ore, 4000000000);
	in = example(5840, 1);			/* twice the place-days */
	assert_int_equal(postadj_compute(&in, &r, &e), 0);
	in = example(5841, 1);
	refused(in, "occupied_days");
	in = example(1, 1);
	in.places_centi = 0;
	refused(in, "places");
	in = example(1, 1);
	in.day_basis = 367;
	refused(in, "day_basis");
	in = example(1, 1);
	in.assumed_bp = 0;
	refused(in, "assumed_occupancy_pct");
	in = example(1, 1);
	in.assumed_bp = 10001;
	refused(in, "assumed_occupancy_pct");
	in = example(1, 1);
	in.cost_ore = -1;
	refused(in, "cost_ore");
	in = example(1, 0);
	refused(in, "rounding_ore");
}

/* 8 places, 365 days, 2.336 occupied days: 80,00 %; rounding. */
static void
test_actual_occupancy(void **state)
{
	(void)state;
	assert_int_equal(postadj_actual_bp(2336, 800, 365), 8000);
	/* 2.000 / 2.920 = 68,493… % */
	assert_int_equal(postadj_actual_bp(2000, 800, 365), 6849);
	/* 1 / 3 place-days: 33,333… %; 2 / 3: 66,666… % → 66,67 %. */
	assert_int_equal(postadj_actual_bp(1, 100, 3), 3333);
	assert_int_equal(postadj_actual_bp(2, 100, 3), 6667);
	assert_int_equal(postadj_actual_bp(0, 800, 365), 0);
	assert_int_equal(postadj_actual_bp(10, 0, 365), -1);
	assert_int_equal(postadj_actual_bp(-1, 800, 365), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_worked_example_80),
		cmocka_unit_test(test_worked_example_95),
		cmocka_unit_test(test_shared_with_sign),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_actual_occupancy),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
