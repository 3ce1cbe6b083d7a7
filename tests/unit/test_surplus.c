/*
 * Unit tests for src/core/surplus.c: the split of a surplus or deficit
 * into what is kept and what enters the tariff (TV-1 North Jutland,
 * TV-4 Syddanmark, and TV-1 carried into TV-2), the refusals, and the
 * set-aside ledger.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/params.h"
#include "core/surplus.h"
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

/* TV-1 inputs: budget (tariff base) 8,000,000; accounts 8,418,000 and
 * 7,648,000. */
static struct surplus_input
tv1_input(int year)
{
	struct surplus_input in;

	memset(&in, 0, sizeof(in));
	in.year = year;
	in.base_ore = KR(6500000 + 675000 + 825000);
	in.revenue_ore = KR(8418000);
	in.costs_ore = KR(6236000 + 611000 + 801000);
	return in;
}

/*
 * TV-1 (spec §3, rule §2.5 [V] S3): surplus 770,000; ceiling 5 % ×
 * 8,000,000 = 400,000; 370,000 reduces the tariff base of y+2; the
 * set-aside expires after y+5.
 */
static void
test_tv1_north_jutland_surplus(void **state)
{
	struct agreement_params	p = params(2013);
	struct surplus_input	in = tv1_input(2013);
	struct surplus_result	r;

	(void)state;
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.rule, SURPLUS_RULE_SETASIDE);
	assert_int_equal(r.result_ore, KR(770000));
	assert_int_equal(r.ceiling_ore, KR(400000));
	assert_int_equal(r.setaside_ore, KR(400000));
	assert_int_equal(r.to_tariff_ore, KR(-370000));
	assert_int_equal(r.tariff_year, 2015);
	assert_int_equal(r.setaside_expires_year, 2018);
}

/* TV-1 (spec §2.5): the operator "may decide" — setting aside nothing
 * passes the whole surplus on. */
static void
test_tv1_setaside_chosen(void **state)
{
	struct agreement_params	p = params(2013);
	struct surplus_input	in = tv1_input(2013);
	struct surplus_result	r;

	(void)state;
	in.setaside_given = true;
	in.setaside_ore = 0;
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.setaside_ore, 0);
	assert_int_equal(r.to_tariff_ore, KR(-770000));
	assert_int_equal(r.setaside_expires_year, 0);
	in.setaside_ore = KR(250000);
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.to_tariff_ore, KR(-520000));
}

/*
 * TV-1 → TV-2 (spec §3): the 370,000 that must enter the tariff of y+2
 * gives 7,630,000 / 3,504 = 2,177.51 → 2,178.
 */
static void
test_tv1_into_tv2(void **state)
{
	struct agreement_params	p = params(2013), q;
	struct surplus_input	in = tv1_input(2013);
	struct surplus_result	r;
	struct tariff_input	ti;
	struct tariff_result	tr;

	(void)state;
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	q = params(r.tariff_year);
	memset(&ti, 0, sizeof(ti));
	ti.year = r.tariff_year;
	ti.unit = TARIFF_UNIT_DAY;
	ti.places_centi = 1000;
	ti.occupancy_bp = 9600;
	ti.days = 365;
	ti.costs.wages_ore = KR(8000000);
	ti.carry_over_ore = r.to_tariff_ore;
	assert_int_equal(tariff_compute(&q, &ti, &tr, NULL), 0);
	assert_int_equal(tr.tariff_ore, KR(2178));
}

/* Minutes Aug 2011: the ceiling was 2 % before 2012 (a parameter). */
static void
test_ceiling_before_2012(void **state)
{
	struct agreement_params	p = params(2011);
	struct surplus_input	in = tv1_input(2011);
	struct surplus_result	r;

	(void)state;
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.ceiling_ore, KR(160000));
	assert_int_equal(r.setaside_ore, KR(160000));
	assert_int_equal(r.to_tariff_ore, KR(-610000));
	assert_int_equal(r.tariff_year, 2013);
	assert_int_equal(r.setaside_expires_year, 2016);
}

static void
assert_refused(const struct agreement_params *p, struct surplus_input in,
    const char *key, const char *field)
{
	struct surplus_result	r;
	struct err		e;

	err_clear(&e);
	assert_int_equal(surplus_compute(p, &in, &r, &e), ERR_INVALID);
	assert_string_equal(e.key, key);
	assert_string_equal(e.field, field);
	assert_true(e.msg[0] != '\0');
}

/* Spec §2.5: a set-aside above the ceiling or the surplus is refused. */
static void
test_setaside_refused(void **state)
{
	struct agreement_params	p = params(2013);
	struct surplus_input	in = tv1_input(2013);

	(void)state;
	in.setaside_given = true;
	in.setaside_ore = KR(400001);
	assert_refused(&p, in, "setaside_above_ceiling", "setaside_ore");
	in.setaside_ore = -1;
	assert_refused(&p, in, "setaside_negative", "setaside_ore");
	in.revenue_ore = in.costs_ore + KR(100000);
	in.setaside_ore = KR(150000);
	assert_refused(&p, in, "setaside_above_surplus", "setaside_ore");
	in.revenue_ore = in.costs_ore - KR(100000);
	in.setaside_ore = KR(1);
	assert_refused(&p, in, "setaside_without_surplus", "setaside_ore");
	in = tv1_input(2013);
	in.base_ore = 0;
	assert_refused(&p, in, "nonpositive_base", "tariff_base_ore");
	in = tv1_input(2013);
	in.costs_ore = -1;
	assert_refused(&p, in, "negative_amount", "costs_ore");
	in = tv1_input(1999);
	assert_refused(&p, in, "invalid_year", "year");
}

/*
 * North Jutland deficit (spec §2.5 [K], §8 Q3, §10.3): the deficit enters
 * the tariff of y+2 in full, or partly covered from earlier set-asides.
 */
static void
test_north_jutland_deficit(void **state)
{
	struct agreement_params	p = params(2013);
	struct surplus_input	in = tv1_input(2013);
	struct surplus_result	r;

	(void)state;
	in.revenue_ore = KR(7148000);
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.result_ore, KR(-500000));
	assert_int_equal(r.setaside_ore, 0);
	assert_int_equal(r.to_tariff_ore, KR(500000));
	assert_int_equal(r.setaside_expires_year, 0);
	in.deficit_covered_ore = KR(200000);
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.deficit_covered_ore, KR(200000));
	assert_int_equal(r.to_tariff_ore, KR(300000));
	in.deficit_covered_ore = KR(500001);
	assert_refused(&p, in, "cover_above_deficit", "deficit_covered_ore");
	in.deficit_covered_ore = KR(1);
	p.setaside_covers_deficit = 0;
	assert_refused(&p, in, "cover_not_allowed", "deficit_covered_ore");
	p = params(2013);
	in = tv1_input(2013);
	in.deficit_covered_ore = KR(1);
	assert_refused(&p, in, "no_deficit", "deficit_covered_ore");
}

/* TV-4 inputs: cost-based budget 10,000,000 under the carryover rule. */
static struct surplus_input
tv4_input(int64_t revenue_kr, int64_t costs_kr)
{
	struct surplus_input in;

	memset(&in, 0, sizeof(in));
	in.year = 2013;
	in.base_ore = KR(10000000);
	in.revenue_ore = KR(revenue_kr);
	in.costs_ore = KR(costs_kr);
	return in;
}

/*
 * TV-4 (spec §3, rule §2.5 [V] S4), Syddanmark: ±5 % of the cost budget
 * (500,000) carried into next year's frame, the rest into the tariff
 * two years later. a: surplus 400,000 all carried, 0 to the tariff (or
 * passed on by choice); b: surplus 700,000 → 500,000 carried, 200,000
 * lowers the tariff; c: deficit 650,000 → 500,000 carried, 150,000
 * raises the tariff.
 */
static void
test_tv4_syddanmark_carryover(void **state)
{
	struct agreement_params	p = params(2013);
	struct surplus_input	in;
	struct surplus_result	r;

	(void)state;
	p.surplus_rule = SURPLUS_RULE_CARRYOVER;
	in = tv4_input(10300000, 9900000);
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.rule, SURPLUS_RULE_CARRYOVER);
	assert_int_equal(r.result_ore, KR(400000));
	assert_int_equal(r.ceiling_ore, KR(500000));
	assert_int_equal(r.setaside_ore, KR(400000));
	assert_int_equal(r.to_tariff_ore, 0);
	assert_int_equal(r.tariff_year, 2015);
	assert_int_equal(r.setaside_expires_year, 2014);
	in.setaside_given = true;
	in.setaside_ore = 0;
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.to_tariff_ore, KR(-400000));

	in = tv4_input(10600000, 9900000);
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.result_ore, KR(700000));
	assert_int_equal(r.setaside_ore, KR(500000));
	assert_int_equal(r.to_tariff_ore, KR(-200000));

	in = tv4_input(9350000, 10000000);
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.result_ore, KR(-650000));
	assert_int_equal(r.setaside_ore, KR(-500000));
	assert_int_equal(r.to_tariff_ore, KR(150000));
	assert_int_equal(r.tariff_year, 2015);
}

static void
test_tv4_refused(void **state)
{
	struct agreement_params	p = params(2013);
	struct surplus_input	in = tv4_input(9350000, 10000000);

	(void)state;
	p.surplus_rule = SURPLUS_RULE_CARRYOVER;
	in.setaside_given = true;
	in.setaside_ore = KR(100000);
	assert_refused(&p, in, "carryover_wrong_sign", "setaside_ore");
	in.setaside_ore = KR(-500001);
	assert_refused(&p, in, "setaside_above_ceiling", "setaside_ore");
	in = tv4_input(10100000, 10000000);
	in.setaside_given = true;
	in.setaside_ore = KR(100001);
	assert_refused(&p, in, "setaside_above_surplus", "setaside_ore");
	in.setaside_given = false;
	in.deficit_covered_ore = 1;
	assert_refused(&p, in, "unused_field", "deficit_covered_ore");
}

/* The set-aside ledger: balance, use oldest first, expiry. */
static void
test_ledger(void **state)
{
	static const struct setaside_entry entries[] = {
		{ SETASIDE_DEPOSIT, 2012, KR(400000), 2017, 0 },
		{ SETASIDE_DEPOSIT, 2013, KR(100000), 2018, 0 },
		{ SETASIDE_USE, 2014, KR(350000), 0, 0 },
		{ SETASIDE_USE, 2015, KR(20000), 0, 2013 },
	};
	struct setaside_lot	lots[4];
	struct setaside_summary	s;
	size_t			n;

	(void)state;
	assert_int_equal(surplus_ledger(entries, 4, 2016, lots, 4, &n, &s,
	    NULL), 0);
	assert_int_equal(n, 2);
	assert_int_equal(lots[0].used_ore, KR(350000));
	assert_int_equal(lots[0].balance_ore, KR(50000));
	assert_int_equal(lots[1].used_ore, KR(20000));
	assert_int_equal(lots[1].balance_ore, KR(80000));
	assert_int_equal(s.deposited_ore, KR(500000));
	assert_int_equal(s.used_ore, KR(370000));
	assert_int_equal(s.balance_ore, KR(130000));
	assert_int_equal(s.expired_ore, 0);
	assert_int_equal(s.next_expiry_year, 2017);
	assert_int_equal(s.next_expiry_ore, KR(50000));

	/* 2017 is the last year of the 2012 set-aside; in 2018 it is gone. */
	assert_int_equal(surplus_ledger(entries, 4, 2018, lots, 4, &n, &s,
	    NULL), 0);
	assert_int_equal(lots[0].expired_ore, KR(50000));
	assert_int_equal(lots[0].balance_ore, 0);
	assert_int_equal(s.balance_ore, KR(80000));
	assert_int_equal(s.expired_ore, KR(50000));
	assert_int_equal(s.next_expiry_year, 2018);
	assert_int_equal(surplus_ledger(entries, 4, 2019, lots, 4, &n, &s,
	    NULL), 0);
	assert_int_equal(s.balance_ore, 0);
	assert_int_equal(s.expired_ore, KR(130000));
	assert_int_equal(s.next_expiry_year, 0);
}

static void
assert_ledger_refused(const struct setaside_entry *entries, size_t n,
    int as_of, const char *key)
{
	struct setaside_lot	lots[4];
	struct setaside_summary	s;
	struct err		e;
	size_t			nlots;

	err_clear(&e);
	assert_int_equal(surplus_ledger(entries, n, as_of, lots, 4, &nlots,
	    &s, &e), ERR_INVALID);
	assert_string_equal(e.key, key);
}

static void
test_ledger_refused(void **state)
{
	static const struct setaside_entry too_much[] = {
		{ SETASIDE_DEPOSIT, 2012, KR(400000), 2017, 0 },
		{ SETASIDE_USE, 2014, KR(400001), 0, 0 },
	};
	static const struct setaside_entry same_year[] = {
		{ SETASIDE_DEPOSIT, 2012, KR(400000), 2017, 0 },
		{ SETASIDE_USE, 2012, KR(1), 0, 0 },
	};
	static const struct setaside_entry expired[] = {
		{ SETASIDE_DEPOSIT, 2012, KR(400000), 2017, 0 },
		{ SETASIDE_USE, 2018, KR(1), 0, 0 },
	};
	static const struct setaside_entry wrong_origin[] = {
		{ SETASIDE_DEPOSIT, 2012, KR(400000), 2017, 0 },
		{ SETASIDE_USE, 2014, KR(1), 0, 2011 },
	};
	static const struct setaside_entry order[] = {
		{ SETASIDE_DEPOSIT, 2013, KR(400000), 2018, 0 },
		{ SETASIDE_DEPOSIT, 2012, KR(400000), 2017, 0 },
	};
	static const struct setaside_entry twice[] = {
		{ SETASIDE_DEPOSIT, 2012, KR(400000), 2017, 0 },
		{ SETASIDE_DEPOSIT, 2012, KR(1), 2017, 0 },
	};
	static const struct setaside_entry zero[] = {
		{ SETASIDE_DEPOSIT, 2012, 0, 2017, 0 },
	};

	(void)state;
	assert_ledger_refused(too_much, 2, 2015, "setaside_insufficient");
	assert_ledger_refused(same_year, 2, 2015, "setaside_insufficient");
	assert_ledger_refused(expired, 2, 2018, "setaside_insufficient");
	assert_ledger_refused(wrong_origin, 2, 2015, "setaside_insufficient");
	assert_ledger_refused(order, 2, 2015, "entries_out_of_order");
	assert_ledger_refused(twice, 2, 2015, "duplicate_deposit");
	assert_ledger_refused(zero, 1, 2015, "invalid_amount");
	assert_ledger_refused(too_much, 2, 2013, "entry_after_date");
}

/*
 * Boundaries of the set-aside rule (spec §2.5, TV-1): with a base of
 * 8,000,000 kr. the 5 % ceiling is 400,000 kr.; exactly that is
 * accepted, one øre less too, one øre more refused. The surplus is the
 * other limit: all of it may be set aside, not one øre more.
 */
static void
test_setaside_ceiling_boundary(void **state)
{
	struct agreement_params	p = params(2013);
	struct surplus_input	in = tv1_input(2013);
	struct surplus_result	r;

	(void)state;
	assert_int_equal(p.setaside_ceiling_bp, 500);
	assert_int_equal(in.base_ore, KR(8000000));
	in.setaside_given = true;
	in.setaside_ore = KR(400000);
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.ceiling_ore, KR(400000));
	assert_int_equal(r.setaside_ore, KR(400000));
	assert_int_equal(r.to_tariff_ore, KR(-370000));
	in.setaside_ore = KR(400000) - 1;
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.setaside_ore, KR(400000) - 1);
	assert_int_equal(r.to_tariff_ore, KR(-370000) - 1);
	in.setaside_ore = KR(400000) + 1;
	assert_refused(&p, in, "setaside_above_ceiling", "setaside_ore");

	/* A surplus of 300,000 kr.: the surplus is the limit. */
	in.revenue_ore = in.costs_ore + KR(300000);
	in.setaside_ore = KR(300000);
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.setaside_ore, KR(300000));
	assert_int_equal(r.to_tariff_ore, 0);
	in.setaside_ore = KR(300000) - 1;
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.to_tariff_ore, -1);
	in.setaside_ore = KR(300000) + 1;
	assert_refused(&p, in, "setaside_above_surplus", "setaside_ore");

	/* The default keeps min(surplus, ceiling): a surplus exactly at,
	   just under and just over the ceiling. */
	in.setaside_given = false;
	in.revenue_ore = in.costs_ore + KR(400000);
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.setaside_ore, KR(400000));
	assert_int_equal(r.to_tariff_ore, 0);
	in.revenue_ore = in.costs_ore + KR(400000) - 1;
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.setaside_ore, KR(400000) - 1);
	assert_int_equal(r.to_tariff_ore, 0);
	in.revenue_ore = in.costs_ore + KR(400000) + 1;
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.setaside_ore, KR(400000));
	assert_int_equal(r.to_tariff_ore, -1);

	/* The ceiling follows the parameter, not a constant. */
	p.setaside_ceiling_bp = 200;
	in.setaside_given = true;
	in.setaside_ore = KR(160000);
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	in.setaside_ore = KR(160000) + 1;
	assert_refused(&p, in, "setaside_above_ceiling", "setaside_ore");
}

/*
 * Boundaries of the carry-over rule (spec §2.5, TV-4): ± 5 % of a cost
 * budget of 10,000,000 kr. is 500,000 kr. either way.
 */
static void
test_carryover_ceiling_boundary(void **state)
{
	struct agreement_params	p = params(2013);
	struct surplus_input	in;
	struct surplus_result	r;

	(void)state;
	p.surplus_rule = SURPLUS_RULE_CARRYOVER;
	assert_int_equal(p.carryover_ceiling_bp, 500);
	in = tv4_input(10700000, 10000000);
	in.setaside_given = true;
	in.setaside_ore = KR(500000);
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.ceiling_ore, KR(500000));
	assert_int_equal(r.to_tariff_ore, KR(-200000));
	in.setaside_ore = KR(500000) - 1;
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	in.setaside_ore = KR(500000) + 1;
	assert_refused(&p, in, "setaside_above_ceiling", "setaside_ore");

	in = tv4_input(9300000, 10000000);
	in.setaside_given = true;
	in.setaside_ore = -KR(500000);
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.to_tariff_ore, KR(200000));
	in.setaside_ore = -KR(500000) + 1;
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	in.setaside_ore = -KR(500000) - 1;
	assert_refused(&p, in, "setaside_above_ceiling", "setaside_ore");

	/* The default clamps at exactly ± the ceiling. */
	in = tv4_input(10500000, 10000000);
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.setaside_ore, KR(500000));
	assert_int_equal(r.to_tariff_ore, 0);
	in.revenue_ore += 1;
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.setaside_ore, KR(500000));
	assert_int_equal(r.to_tariff_ore, -1);
	in = tv4_input(9500000, 10000000);
	in.revenue_ore -= 1;
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.setaside_ore, -KR(500000));
	assert_int_equal(r.to_tariff_ore, 1);
}

/*
 * The set-aside deadline (spec §2.5: used within 5 years): a 2012
 * set-aside expires after 2017. It may be drawn on in 2017, not in 2018;
 * its balance counts as of 2017 and has expired as of 2018. A set-aside
 * is usable from the year after its own, not in it.
 */
static void
test_setaside_deadline_boundary(void **state)
{
	struct agreement_params	p = params(2012);
	struct surplus_input	in = tv1_input(2012);
	struct surplus_result	r;
	struct setaside_entry	en[2] = {
		{ SETASIDE_DEPOSIT, 2012, KR(400000), 2017, 0 },
		{ SETASIDE_USE, 2017, KR(1), 0, 0 },
	};
	struct setaside_lot	lots[2];
	struct setaside_summary	s;
	size_t			n;

	(void)state;
	assert_int_equal(surplus_compute(&p, &in, &r, NULL), 0);
	assert_int_equal(r.setaside_expires_year, 2012 + 5);
	assert_int_equal(r.tariff_year, 2012 + 2);
	en[1].year = 2016;
	assert_int_equal(surplus_ledger(en, 2, 2017, lots, 2, &n, &s, NULL), 0);
	en[1].year = 2017;
	assert_int_equal(surplus_ledger(en, 2, 2017, lots, 2, &n, &s, NULL), 0);
	assert_int_equal(s.balance_ore, KR(399999));
	assert_int_equal(s.expired_ore, 0);
	en[1].year = 2018;
	assert_ledger_refused(en, 2, 2018, "setaside_insufficient");
	assert_int_equal(surplus_ledger(en, 1, 2017, lots, 2, &n, &s, NULL), 0);
	assert_int_equal(s.balance_ore, KR(400000));
	assert_int_equal(surplus_ledger(en, 1, 2018, lots, 2, &n, &s, NULL), 0);
	assert_int_equal(s.balance_ore, 0);
	assert_int_equal(s.expired_ore, KR(400000));
	en[1].year = 2012;
	assert_ledger_refused(en, 2, 2012, "setaside_insufficient");
	en[1].year = 2013;
	assert_int_equal(surplus_ledger(en, 2, 2013, lots, 2, &n, &s, NULL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tv1_north_jutland_surplus),
		cmocka_unit_test(test_tv1_setaside_chosen),
		cmocka_unit_test(test_tv1_into_tv2),
		cmocka_unit_test(test_ceiling_before_2012),
		cmocka_unit_test(test_setaside_refused),
		cmocka_unit_test(test_north_jutland_deficit),
		cmocka_unit_test(test_tv4_syddanmark_carryover),
		cmocka_unit_test(test_tv4_refused),
		cmocka_unit_test(test_ledger),
		cmocka_unit_test(test_ledger_refused),
		cmocka_unit_test(test_setaside_ceiling_boundary),
		cmocka_unit_test(test_carryover_ceiling_boundary),
		cmocka_unit_test(test_setaside_deadline_boundary),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
