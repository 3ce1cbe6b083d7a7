/*
 * Unit tests for src/core/tariff.c: tariff base, place-days, day, month,
 * hour and year tariffs, rounding, and the tariff test vectors of the
 * domain specification (TV-2, TV-5, TV-9, TV-10, TV-11, TV-12, TV-16 and
 * the §10.2 operator vectors), each to the øre.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/money.h"
#include "core/params.h"
#include "core/tariff.h"
#include "util/err.h"

#define KR(x)	((int64_t)(x) * 100)

static struct agreement_params
params(int year)
{
	struct agreement_params p;

	assert_int_equal(params_defaults(year, &p, NULL), 0);
	return p;
}

/* A day tariff of `base` kroner on places/occupancy in a non-leap year. */
static struct tariff_input
day_input(int64_t base_kr, int64_t places_centi, int64_t occupancy_bp)
{
	struct tariff_input in;

	memset(&in, 0, sizeof(in));
	in.year = 2013;
	in.unit = TARIFF_UNIT_DAY;
	in.places_centi = places_centi;
	in.occupancy_bp = occupancy_bp;
	in.costs.wages_ore = KR(base_kr);
	return in;
}

static void
assert_ratio(struct ratio r, int decimals, const char *want)
{
	char got[64];

	assert_int_equal(money_ratio_str(r, decimals, got, sizeof(got)), 0);
	assert_string_equal(got, want);
}

/*
 * TV-2 (spec §3, formula §2.3): base 8,000,000; 10 places; 365 days;
 * 96 % → 8,000,000 / 3,504 = 2,283.105… → 2,283.
 */
static void
test_tv2_day_tariff(void **state)
{
	struct agreement_params	p = params(2013);
	struct tariff_input	in = day_input(8000000, 1000, 9600);
	struct tariff_result	r;
	struct err		e;

	(void)state;
	err_clear(&e);
	assert_int_equal(tariff_compute(&p, &in, &r, &e), 0);
	assert_int_equal(r.base_ore, KR(8000000));
	assert_int_equal(r.days, 365);
	assert_true(money_ratio_is_int(r.place_days));
	assert_int_equal((int64_t)(r.place_days.num / r.place_days.den), 3504);
	assert_ratio(r.exact_ore, 4, "228310.5023");
	assert_int_equal(r.tariff_ore, KR(2283));
}

/*
 * TV-2 (spec §3, §2.5): year y+2 with the same base and −370,000 from
 * TV-1 → 7,630,000 / 3,504 = 2,177.511… → 2,178.
 */
static void
test_tv2_with_surplus_pass_through(void **state)
{
	struct agreement_params	p = params(2015);
	struct tariff_input	in = day_input(8000000, 1000, 9600);
	struct tariff_result	r;

	(void)state;
	in.year = 2015;
	in.carry_over_ore = KR(-370000);
	assert_int_equal(tariff_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.base_ore, KR(7630000));
	assert_ratio(r.exact_ore, 4, "217751.1416");
	assert_int_equal(r.tariff_ore, KR(2178));
}

/*
 * TV-16 (spec §3, §2.1 item 5): 85 expected citizens → 8.5 places; base
 * 3,000,000 at 100 % → 3,000,000 / (8.5 × 365) = 966.96 → 967.
 */
static void
test_tv16_treatment_places(void **state)
{
	struct agreement_params	p = params(2018);
	struct tariff_input	in;
	struct tariff_result	r;
	int64_t			places;

	(void)state;
	assert_int_equal(tariff_treatment_places(&p, 85, &places, NULL), 0);
	assert_int_equal(places, 850);
	in = day_input(3000000, places, 10000);
	in.year = 2018;
	assert_int_equal(tariff_compute(&p, &in, &r, NULL), 0);
	assert_ratio(r.place_days, 2, "3102.5");
	assert_ratio(r.exact_ore, 2, "96696.21");
	assert_int_equal(r.tariff_ore, KR(967));
}

/* TV-16 (spec §2.1 item 5): the rule applies from tariff year 2018. */
static void
test_tv16_rule_not_before_2018(void **state)
{
	struct agreement_params	p = params(2017);
	struct err		e;
	int64_t			places;

	(void)state;
	err_clear(&e);
	assert_int_equal(tariff_treatment_places(&p, 85, &places, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "rule_not_in_force");
}

/*
 * TV-9 (spec §3, [V] S28): net of the indirect-VAT refund = tariff ×
 * 0.954: 2,461 → 2,347.79; 2,530 → 2,413.62.
 */
static void
test_tv9_net_of_vat(void **state)
{
	struct agreement_params	p = params(2020);
	int64_t			net;

	(void)state;
	assert_int_equal(tariff_net_of_vat(&p, KR(2461), &net, NULL), 0);
	assert_int_equal(net, 234779);
	assert_int_equal(tariff_net_of_vat(&p, KR(2530), &net, NULL), 0);
	assert_int_equal(net, 241362);
}

/*
 * TV-10 (spec §3, [V] S25): basistakst 3,187/day + ydelsestakst 402/hour,
 * 1 extra hour a day for 30 days → 107,670; with the children/youth
 * supplement of 223/day → 114,360.
 */
static void
test_tv10_two_part_tariff(void **state)
{
	struct tariff_two_part	t = { KR(3187), KR(402), 0 };
	int64_t			amount;

	(void)state;
	assert_int_equal(tariff_two_part_amount(&t, 30, 100, &amount, NULL), 0);
	assert_int_equal(amount, KR(107670));
	t.supplement_day_ore = KR(223);
	assert_int_equal(tariff_two_part_amount(&t, 30, 100, &amount, NULL), 0);
	assert_int_equal(amount, KR(114360));
	/* Half an hour a day: 30 × (3,187 + 201) = 101,640. */
	t.supplement_day_ore = 0;
	assert_int_equal(tariff_two_part_amount(&t, 30, 50, &amount, NULL), 0);
	assert_int_equal(amount, KR(101640));
}

/*
 * TV-11 (spec §3, [V] S26): Geelsgaardskolen 2021, teaching per day low
 * 1,222 / middle 1,335 / high 1,998; leisure 939 / 1,023 / 1,468.
 */
static void
test_tv11_differentiated_levels(void **state)
{
	static const struct tariff_level levels[] = {
		{ 7, 2021, "undervisning", "lav", KR(1222) },
		{ 7, 2021, "undervisning", "mellem", KR(1335) },
		{ 7, 2021, "undervisning", "høj", KR(1998) },
		{ 7, 2021, "fritid", "lav", KR(939) },
		{ 7, 2021, "fritid", "mellem", KR(1023) },
		{ 7, 2021, "fritid", "høj", KR(1468) },
	};
	struct tariff_level	dup[2] = { levels[0], levels[0] };
	int64_t			v;
	struct err		e;

	(void)state;
	assert_int_equal(tariff_levels_validate(levels, 6, NULL), 0);
	assert_int_equal(tariff_level_find(levels, 6, 7, 2021, "undervisning",
	    "lav", &v), 0);
	assert_int_equal(v, KR(1222));
	assert_int_equal(tariff_level_find(levels, 6, 7, 2021, "undervisning",
	    "mellem", &v), 0);
	assert_int_equal(v, KR(1335));
	assert_int_equal(tariff_level_find(levels, 6, 7, 2021, "undervisning",
	    "høj", &v), 0);
	assert_int_equal(v, KR(1998));
	assert_int_equal(tariff_level_find(levels, 6, 7, 2021, "fritid", "lav",
	    &v), 0);
	assert_int_equal(v, KR(939));
	assert_int_equal(tariff_level_find(levels, 6, 7, 2021, "fritid",
	    "mellem", &v), 0);
	assert_int_equal(v, KR(1023));
	assert_int_equal(tariff_level_find(levels, 6, 7, 2021, "fritid", "høj",
	    &v), 0);
	assert_int_equal(v, KR(1468));
	assert_int_equal(tariff_level_find(levels, 6, 7, 2022, "fritid", "høj",
	    &v), ERR_NOT_FOUND);
	assert_int_equal(tariff_level_find(levels, 6, 8, 2021, "fritid", "høj",
	    &v), ERR_NOT_FOUND);
	err_clear(&e);
	assert_int_equal(tariff_levels_validate(dup, 2, &e), ERR_INVALID);
	assert_string_equal(e.key, "duplicate_level");
}

/*
 * TV-12 (spec §3, [V] S9): crime-prevention tariff 1,510,239/yr (2020)
 * per day: ÷366 = 4,126.34 (2020 is a leap year) or ÷365 = 4,137.64,
 * chosen by the day_basis parameter (Q9).
 */
static void
test_tv12_year_to_day(void **state)
{
	struct agreement_params	p = params(2020);
	struct ratio		r;
	int64_t			v;

	(void)state;
	assert_int_equal(tariff_convert(&p, 2020, TARIFF_UNIT_YEAR,
	    TARIFF_UNIT_DAY, KR(1510239), 0, &r, NULL), 0);
	assert_int_equal(money_round_ratio(r, 1, ROUND_HALF_UP, &v), 0);
	assert_int_equal(v, 412634);
	p.day_basis = DAY_BASIS_365;
	assert_int_equal(tariff_convert(&p, 2020, TARIFF_UNIT_YEAR,
	    TARIFF_UNIT_DAY, KR(1510239), 0, &r, NULL), 0);
	assert_int_equal(money_round_ratio(r, 1, ROUND_HALF_UP, &v), 0);
	assert_int_equal(v, 413764);
}

/*
 * TV-5 (spec §3, [V] S26): 2 hours a week billed as days_in_month × day
 * tariff × 2/5 with a day tariff of 280: 30 days 3,360; 31 days 3,472;
 * 28 days 3,136.
 */
static void
test_tv5_share_of_day_tariff(void **state)
{
	int64_t v;

	(void)state;
	assert_int_equal(tariff_share_amount(KR(280), 30, 2, 5, &v, NULL), 0);
	assert_int_equal(v, KR(3360));
	assert_int_equal(tariff_share_amount(KR(280), 31, 2, 5, &v, NULL), 0);
	assert_int_equal(v, KR(3472));
	assert_int_equal(tariff_share_amount(KR(280), 28, 2, 5, &v, NULL), 0);
	assert_int_equal(v, KR(3136));
	assert_int_equal(tariff_share_amount(KR(280), 28, 2, 0, &v, NULL),
	    ERR_INVALID);
}

/*
 * Spec §10.2 (Hadruplund, [V] G4): 366-day basis, month = year / 12, so
 * day = round(month × 12 / 366); (Knudmosen 2019, G5) year = day × 365.
 */
static void
test_s10_2_operator_bases(void **state)
{
	static const int64_t month[] = { 73796, 101421, 186630, 70447, 98755 };
	static const int64_t day[] = { 2420, 3325, 6119, 2310, 3238 };
	struct agreement_params	p = params(2018);
	struct ratio		r;
	int64_t			v;
	size_t			i;

	(void)state;
	p.day_basis = DAY_BASIS_366;
	for (i = 0; i < 5; i++) {
		assert_int_equal(tariff_convert(&p, 2018, TARIFF_UNIT_MONTH,
		    TARIFF_UNIT_DAY, KR(month[i]), 0, &r, NULL), 0);
		assert_int_equal(tariff_publish(&p, r, &v), 0);
		assert_int_equal(v, KR(day[i]));
	}
	p = params(2019);
	assert_int_equal(tariff_convert(&p, 2019, TARIFF_UNIT_DAY,
	    TARIFF_UNIT_YEAR, KR(590), 0, &r, NULL), 0);
	assert_int_equal(tariff_publish(&p, r, &v), 0);
	assert_int_equal(v, KR(215350));
	assert_int_equal(tariff_convert(&p, 2019, TARIFF_UNIT_DAY,
	    TARIFF_UNIT_YEAR, KR(209), 0, &r, NULL), 0);
	assert_int_equal(tariff_publish(&p, r, &v), 0);
	assert_int_equal(v, KR(76285));
	assert_int_equal(tariff_convert(&p, 2019, TARIFF_UNIT_HOUR,
	    TARIFF_UNIT_YEAR, KR(209), 0, &r, NULL), ERR_INVALID);
}

/* Month, hour and year tariffs from the TV-2 base (spec §2.3). */
static void
test_other_units(void **state)
{
	struct agreement_params	p = params(2013);
	struct tariff_input	in = day_input(8000000, 1000, 9600);
	struct tariff_result	r;
	struct err		e;

	(void)state;
	/* Year: 8,000,000 / (10 × 0.96) = 833,333.33 → 833,333. */
	in.unit = TARIFF_UNIT_YEAR;
	assert_int_equal(tariff_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.tariff_ore, KR(833333));
	/* Month = year / 12: 69,444.44 → 69,444. */
	in.unit = TARIFF_UNIT_MONTH;
	assert_int_equal(tariff_compute(&p, &in, &r, NULL), 0);
	assert_ratio(r.exact_ore, 4, "6944444.4444");
	assert_int_equal(r.tariff_ore, KR(69444));
	/* Month = day × 30 days: 2,283.105… × 30 = 68,493.15 → 68,493. */
	p.month_rule = MONTH_RULE_DAYS;
	err_clear(&e);
	assert_int_equal(tariff_compute(&p, &in, &r, &e), ERR_INVALID);
	assert_string_equal(e.field, "month_days");
	in.month_days = 30;
	assert_int_equal(tariff_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.tariff_ore, KR(68493));
	/* Hour: 1,200 hours a place a year: 8,000,000 / (10 × .96 × 1,200). */
	p.month_rule = MONTH_RULE_YEAR_12;
	in.month_days = 0;
	in.unit = TARIFF_UNIT_HOUR;
	err_clear(&e);
	assert_int_equal(tariff_compute(&p, &in, &r, &e), ERR_INVALID);
	assert_string_equal(e.field, "hours");
	in.hours_centi = 120000;
	assert_int_equal(tariff_compute(&p, &in, &r, NULL), 0);
	assert_ratio(r.exact_ore, 4, "69444.4444");
	assert_int_equal(r.tariff_ore, KR(694));
}

/* Days: leap years and opening days of day offers (spec §2.3). */
static void
test_days(void **state)
{
	struct agreement_params	p = params(2012);
	struct tariff_input	in = day_input(3660000, 1000, 10000);
	struct tariff_result	r;

	(void)state;
	in.year = 2012;
	assert_int_equal(tariff_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.days, 366);
	assert_int_equal(r.tariff_ore, KR(1000));
	p.day_basis = DAY_BASIS_365;
	assert_int_equal(tariff_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.days, 365);
	assert_int_equal(r.tariff_ore, KR(1003));
	/* A day offer open 250 days: 3,660,000 / 2,500 = 1,464. */
	in.days = 250;
	assert_int_equal(tariff_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.tariff_ore, KR(1464));
}

/* Every cost line enters the base; income and carry-over adjust it. */
static void
test_tariff_base(void **state)
{
	struct agreement_params	p = params(2013);
	struct tariff_input	in = day_input(0, 1000, 10000);
	int64_t			overhead, base;
	struct err		e;

	(void)state;
	in.costs.wages_ore = KR(6500000);
	in.costs.property_ore = KR(675000);
	in.costs.other_ore = KR(825000);
	in.costs.overhead_ore = KR(300000);
	in.costs.capital_ore = KR(200000);
	in.costs.pension_ore = KR(50000);
	in.income_ore = KR(150000);
	in.carry_over_ore = KR(-370000);
	assert_int_equal(tariff_base(&p, &in, &overhead, &base, NULL), 0);
	assert_int_equal(overhead, KR(300000));
	assert_int_equal(base, KR(8030000));
	/* Overhead as 6 % of the direct costs (8,000,000) = 480,000. */
	in.costs.overhead_ore = 0;
	in.overhead_by_pct = true;
	in.overhead_bp = 600;
	assert_int_equal(tariff_base(&p, &in, &overhead, &base, NULL), 0);
	assert_int_equal(overhead, KR(480000));
	assert_int_equal(base, KR(8210000));
	/* ... of direct and capital costs (8,200,000) = 492,000. */
	p.overhead_base = OVERHEAD_BASE_DIRECT_CAPITAL;
	assert_int_equal(tariff_base(&p, &in, &overhead, &base, NULL), 0);
	assert_int_equal(overhead, KR(492000));
	/* ... of a stated 1,000,000.05 kr: 60,000.003 → 6,000,000 øre. */
	in.overhead_base_stated = true;
	in.overhead_base_ore = 100000005;
	assert_int_equal(tariff_base(&p, &in, &overhead, &base, NULL), 0);
	assert_int_equal(overhead, 6000000);
	/* Both an amount and a percentage is refused. */
	in.costs.overhead_ore = 1;
	err_clear(&e);
	assert_int_equal(tariff_base(&p, &in, &overhead, &base, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "overhead_twice");
}

/* Published tariffs: half up to whole kroner, or as the parameters say. */
static void
test_rounding(void **state)
{
	struct agreement_params	p = params(2013);
	struct tariff_input	in = day_input(0, 100, 10000);
	struct tariff_result	r;

	(void)state;
	/* 365 × 1,234.50 kr → exactly 1,234.50 a day. */
	in.costs.wages_ore = 365 * 123450;
	assert_int_equal(tariff_compute(&p, &in, &r, NULL), 0);
	assert_ratio(r.exact_ore, 4, "123450");
	assert_int_equal(r.tariff_ore, 123500);
	p.tariff_round_mode = ROUND_HALF_EVEN;
	assert_int_equal(tariff_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.tariff_ore, 123400);
	p.tariff_round_mode = ROUND_DOWN;
	assert_int_equal(tariff_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.tariff_ore, 123400);
	p.tariff_round_mode = ROUND_HALF_UP;
	p.tariff_round_ore = 1;
	assert_int_equal(tariff_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.tariff_ore, 123450);
}

static void
assert_refused(const struct agreement_params *p, struct tariff_input in,
    const char *field)
{
	struct tariff_result	r;
	struct err		e;

	err_clear(&e);
	assert_int_equal(tariff_compute(p, &in, &r, &e), ERR_INVALID);
	assert_string_equal(e.field, field);
	assert_true(e.msg[0] != '\0');
}

static void
test_invalid_input(void **state)
{
	struct agreement_params	p = params(2013);
	struct tariff_input	ok = day_input(8000000, 1000, 9600), in;

	(void)state;
	in = ok; in.places_centi = -100;
	assert_refused(&p, in, "places");
	in = ok; in.places_centi = 0;
	assert_refused(&p, in, "places");
	in = ok; in.places_centi = TARIFF_PLACES_MAX_CENTI + 1;
	assert_refused(&p, in, "places");
	in = ok; in.occupancy_bp = 0;
	assert_refused(&p, in, "occupancy_pct");
	in = ok; in.occupancy_bp = 10001;
	assert_refused(&p, in, "occupancy_pct");
	in = ok; in.days = 367;
	assert_refused(&p, in, "days");
	in = ok; in.unit = TARIFF_UNIT_COUNT;
	assert_refused(&p, in, "unit");
	in = ok; in.year = 1999;
	assert_refused(&p, in, "year");
	in = ok; in.costs.wages_ore = -1;
	assert_refused(&p, in, "costs_ore.wages");
	in = ok; in.costs.pension_ore = MONEY_INPUT_MAX_ORE + 1;
	assert_refused(&p, in, "costs_ore.pension");
	in = ok; in.income_ore = KR(9000000);
	assert_refused(&p, in, "costs_ore");
	in = ok; in.carry_over_ore = -MONEY_INPUT_MAX_ORE - 1;
	assert_refused(&p, in, "carry_over_ore");
	in = ok; in.hours_centi = 100;
	assert_refused(&p, in, "hours");
	in = ok; in.month_days = 30;
	assert_refused(&p, in, "month_days");
	in = ok; in.overhead_base_stated = true;
	assert_refused(&p, in, "overhead_base_ore");
}

/* The largest inputs do not overflow. */
static void
test_extremes(void **state)
{
	struct agreement_params	p = params(2013);
	struct tariff_input	in = day_input(0, 1, 1);
	struct tariff_result	r;

	(void)state;
	in.costs.wages_ore = MONEY_INPUT_MAX_ORE;
	in.costs.property_ore = MONEY_INPUT_MAX_ORE;
	in.costs.other_ore = MONEY_INPUT_MAX_ORE;
	in.costs.capital_ore = MONEY_INPUT_MAX_ORE;
	in.costs.pension_ore = MONEY_INPUT_MAX_ORE;
	in.overhead_by_pct = true;
	in.overhead_bp = MONEY_BP_ONE;
	in.carry_over_ore = MONEY_INPUT_MAX_ORE;
	in.unit = TARIFF_UNIT_YEAR;
	/* 9 × 10^13 øre over 1/100 place × 1/10000 occupancy overflows. */
	assert_int_equal(tariff_compute(&p, &in, &r, NULL), ERR_INVALID);
	in.places_centi = TARIFF_PLACES_MAX_CENTI;
	in.occupancy_bp = MONEY_BP_ONE;
	assert_int_equal(tariff_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.base_ore, 9 * MONEY_INPUT_MAX_ORE);
}

static void
test_names(void **state)
{
	enum tariff_unit u;

	(void)state;
	assert_int_equal(tariff_unit_parse("month", &u), 0);
	assert_int_equal(u, TARIFF_UNIT_MONTH);
	assert_string_equal(tariff_unit_name(TARIFF_UNIT_HOUR), "hour");
	assert_string_equal(tariff_unit_label(TARIFF_UNIT_DAY), "Døgntakst");
	assert_int_equal(tariff_unit_parse("week", &u), -1);
	assert_true(tariff_leap_year(2000));
	assert_false(tariff_leap_year(2100));
	assert_true(tariff_leap_year(2012));
	assert_false(tariff_leap_year(2013));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tv2_day_tariff),
		cmocka_unit_test(test_tv2_with_surplus_pass_through),
		cmocka_unit_test(test_tv16_treatment_places),
		cmocka_unit_test(test_tv16_rule_not_before_2018),
		cmocka_unit_test(test_tv9_net_of_vat),
		cmocka_unit_test(test_tv10_two_part_tariff),
		cmocka_unit_test(test_tv11_differentiated_levels),
		cmocka_unit_test(test_tv12_year_to_day),
		cmocka_unit_test(test_tv5_share_of_day_tariff),
		cmocka_unit_test(test_s10_2_operator_bases),
		cmocka_unit_test(test_other_units),
		cmocka_unit_test(test_days),
		cmocka_unit_test(test_tariff_base),
		cmocka_unit_test(test_rounding),
		cmocka_unit_test(test_invalid_input),
		cmocka_unit_test(test_extremes),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
