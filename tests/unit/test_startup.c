/*
 * Unit tests for src/core/startup.c: the start-up costs of a new offer
 * spread over its first years' tariffs — equal shares rounded half up to
 * whole kroner, the remainder in the last year, the sum exact — and the
 * share entering the cost base of a submission's first line only.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/params.h"
#include "core/round.h"
#include "core/startup.h"
#include "core/tariff.h"
#include "util/err.h"

/* The sum of the shares of c over every year it could touch. */
static int64_t
sum_of(const struct startup_cost *c)
{
	int64_t	sum = 0;
	int	y;

	for (y = c->first_year - 2; y < c->first_year + c->years + 2; y++)
		sum += startup_share(c, y);
	return sum;
}

/* 1,000,000 kr. over 2027–2029: 333,333 + 333,333 + 333,334 kr. */
static void
test_spread_thirds(void **state)
{
	struct startup_cost c = { 100000000, 2027, 3 };

	(void)state;
	assert_int_equal(startup_share(&c, 2026), 0);
	assert_int_equal(startup_share(&c, 2027), 33333300);
	assert_int_equal(startup_share(&c, 2028), 33333300);
	assert_int_equal(startup_share(&c, 2029), 33333400);
	assert_int_equal(startup_share(&c, 2030), 0);
	assert_int_equal(sum_of(&c), c.amount_ore);
	assert_int_equal(startup_index(&c, 2026), 0);
	assert_int_equal(startup_index(&c, 2027), 1);
	assert_int_equal(startup_index(&c, 2029), 3);
	assert_int_equal(startup_index(&c, 2030), 0);
}

/*
 * Half up to whole kroner: 1,000,001.50 kr. / 2 = 500,000.75 → 500,001
 * kr., the last year 500,000.50 kr.; 1,000,000 kr. / 3 rounds down,
 * 2,000,000 kr. / 3 = 666,666.67 rounds up and the last year is less.
 */
static void
test_spread_rounding(void **state)
{
	struct startup_cost a = { 100000150, 2030, 2 };
	struct startup_cost b = { 200000000, 2030, 3 };
	struct startup_cost one = { 12345, 2030, 1 };

	(void)state;
	assert_int_equal(startup_share(&a, 2030), 50000100);
	assert_int_equal(startup_share(&a, 2031), 50000050);
	assert_int_equal(startup_share(&b, 2030), 66666700);
	assert_int_equal(startup_share(&b, 2032), 66666600);
	assert_int_equal(sum_of(&b), b.amount_ore);
	assert_int_equal(startup_share(&one, 2030), 12345);
	assert_int_equal(sum_of(&one), 12345);
}

/*
 * The sum is exact for every amount and number of years, and no share
 * is negative — also where rounding up would overshoot (1.50 kr. over
 * 3 years: shares rounded down, 0 + 0 + 1.50 kr.).
 */
static void
test_spread_sum_exact(void **state)
{
	struct startup_cost	c = { 150, 2040, 3 };
	int64_t			amounts[] = { 1, 49, 50, 99, 100, 150, 250,
	    999, 12345, 1000000, 99999999, 123456789, 100000000000 };
	size_t			i;
	int			n, y;

	(void)state;
	assert_int_equal(startup_share(&c, 2040), 0);
	assert_int_equal(startup_share(&c, 2042), 150);
	for (i = 0; i < sizeof(amounts) / sizeof(amounts[0]); i++)
		for (n = 1; n <= STARTUP_YEARS_MAX; n++) {
			c.amount_ore = amounts[i];
			c.years = n;
			assert_int_equal(sum_of(&c), amounts[i]);
			for (y = 2040; y < 2040 + n; y++) {
				assert_true(startup_share(&c, y) >= 0);
				if (y < 2040 + n - 1)
					assert_int_equal(startup_share(&c, y) %
					    100, 0);
			}
		}
}

static void
test_check(void **state)
{
	struct startup_cost	c = { 100000000, 2027, 3 };
	struct err		e;

	(void)state;
	err_clear(&e);
	assert_int_equal(startup_check(&c, "Indretning og personale", &e), 0);
	c.amount_ore = 0;
	assert_int_equal(startup_check(&c, "x", &e), ERR_INVALID);
	assert_string_equal(e.field, "amount");
	c.amount_ore = 100;
	c.years = 0;
	assert_int_equal(startup_check(&c, "x", &e), ERR_INVALID);
	assert_string_equal(e.field, "years");
	c.years = STARTUP_YEARS_MAX + 1;
	assert_int_equal(startup_check(&c, "x", &e), ERR_INVALID);
	c.years = STARTUP_YEARS_MAX;
	assert_int_equal(startup_check(&c, "x", &e), 0);
	c.first_year = PARAMS_YEAR_MAX;
	assert_int_equal(startup_check(&c, "x", &e), ERR_INVALID);
	c.first_year = 1999;
	assert_int_equal(startup_check(&c, "x", &e), ERR_INVALID);
	assert_string_equal(e.field, "first_year");
	c.first_year = 2027;
	assert_int_equal(startup_check(&c, "", &e), ERR_INVALID);
	assert_string_equal(e.field, "text");
	assert_int_equal(startup_check(&c, NULL, &e), ERR_INVALID);
}

/* TV-2's line (8,000,000 kr., 10 places, 96 %, 2023: 2,283 kr.). */
static struct service_line
tv2_line(void)
{
	struct service_line l;

	memset(&l, 0, sizeof(l));
	l.paragraph = "SEL § 107";
	l.level = "";
	l.unit = TARIFF_UNIT_DAY;
	l.places_centi = 1000;
	l.occupancy_bp = 9600;
	l.hist_bp[0] = -1;
	l.hist_bp[1] = -1;
	l.costs.wages_ore = 650000000;
	l.costs.property_ore = 67500000;
	l.costs.other_ore = 82500000;
	return l;
}

/*
 * The year's share is a line of the cost base of the first line:
 * 8,000,000 + 333,333 kr. over 3,504 place-days is 2,378.23 → 2,378 kr.;
 * a second line does not get it again.
 */
static void
test_share_in_first_line(void **state)
{
	struct agreement_params	p;
	struct round_line_ctx	ctx;
	struct service_line	l;
	struct err		e;

	(void)state;
	err_clear(&e);
	assert_int_equal(params_defaults(2023, &p, &e), 0);
	memset(&ctx, 0, sizeof(ctx));
	ctx.year = 2023;
	ctx.prev_tariff_ore = -1;
	ctx.startup_ore = 33333300;
	l = tv2_line();
	assert_int_equal(round_line_compute(&p, &ctx, 0, &l, &e), 0);
	assert_int_equal(l.startup_ore, 33333300);
	assert_int_equal(l.base_ore, 833333300);
	assert_int_equal(l.tariff_ore, 237800);
	l = tv2_line();
	l.startup_ore = 5;
	assert_int_equal(round_line_compute(&p, &ctx, 1, &l, &e), 0);
	assert_int_equal(l.startup_ore, 0);
	assert_int_equal(l.tariff_ore, 228300);
	ctx.startup_ore = 0;
	l = tv2_line();
	assert_int_equal(round_line_compute(&p, &ctx, 0, &l, &e), 0);
	assert_int_equal(l.tariff_ore, 228300);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spread_thirds),
		cmocka_unit_test(test_spread_rounding),
		cmocka_unit_test(test_spread_sum_exact),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_share_in_first_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
