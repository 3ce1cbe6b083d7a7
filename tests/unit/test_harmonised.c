/*
 * test_harmonised — the rule of a harmonised tariff: at least two
 * distinct offers, all with the same operator; a name and a from year;
 * the group's one line set: places and amounts summed, occupancy
 * weighted by places, one tariff from the summed cost base.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/harmonised.h"
#include "core/params.h"
#include "core/round.h"
#include "core/tariff.h"
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

/* A line: places, occupancy (bp), wages (øre), history (bp). */
static struct service_line
line_of(const char *para, int64_t places, int64_t occ, int64_t wages,
    int64_t h0, int64_t h1)
{
	struct service_line l;

	memset(&l, 0, sizeof(l));
	l.paragraph = para;
	l.level = "";
	l.unit = TARIFF_UNIT_DAY;
	l.places_centi = places;
	l.occupancy_bp = occ;
	l.costs.wages_ore = wages;
	l.costs.property_ore = wages / 10;
	l.income_ore = 100000;
	l.carry_over_ore = -50000;
	l.hist_bp[0] = h0;
	l.hist_bp[1] = h1;
	return l;
}

static void
test_merge_lines(void **state)
{
	/* Danahus: 10 places at 95 %, 8 mio. kr.; Fantasten: 6 places at
	 * 90 %, 4,5 mio. kr., and a § 104 line of its own. */
	struct service_line	v[3], out[3];
	size_t			n = 0;

	(void)state;
	v[0] = line_of("SEL § 107", 1000, 9500, 800000000, 9600, 9400);
	v[1] = line_of("SEL § 107", 600, 9000, 450000000, 9000, -1);
	v[2] = line_of("SEL § 104", 200, 8000, 100000000, 8000, 8000);
	v[1].reason = "egen begrundelse";
	harmonised_merge_lines(v, 3, out, &n);
	assert_int_equal(n, 2);
	assert_int_equal(out[0].pos, 1);
	assert_string_equal(out[0].paragraph, "SEL § 107");
	assert_int_equal(out[0].places_centi, 1600);
	assert_int_equal(out[0].costs.wages_ore, 1250000000);
	assert_int_equal(out[0].costs.property_ore, 125000000);
	assert_int_equal(out[0].income_ore, 200000);
	assert_int_equal(out[0].carry_over_ore, -100000);
	/* (9500 × 1000 + 9000 × 600) / 1600 = 9312,5 → 9313 */
	assert_int_equal(out[0].occupancy_bp, 9313);
	/* (9600 × 1000 + 9000 × 600) / 1600 = 9375 */
	assert_int_equal(out[0].hist_bp[0], 9375);
	/* unknown for Fantasten: unknown for the group */
	assert_int_equal(out[0].hist_bp[1], -1);
	assert_null(out[0].reason);
	assert_int_equal(out[1].pos, 2);
	assert_string_equal(out[1].paragraph, "SEL § 104");
	assert_int_equal(out[1].places_centi, 200);
	assert_int_equal(out[1].occupancy_bp, 8000);
}

static void
test_group_tariff(void **state)
{
	/* The group's tariff is the summed cost base over the summed
	 * place-days: not the mean of the members' own tariffs. */
	struct agreement_params	p;
	struct tariff_input	in;
	struct tariff_result	r;
	struct service_line	v[2], out[2];
	size_t			n = 0;

	(void)state;
	assert_int_equal(params_defaults(2027, &p, NULL), 0);
	v[0] = line_of("SEL § 107", 1000, 10000, 365000000, -1, -1);
	v[1] = line_of("SEL § 107", 1000, 10000, 730000000, -1, -1);
	v[0].costs.property_ore = v[1].costs.property_ore = 0;
	v[0].income_ore = v[1].income_ore = 0;
	v[0].carry_over_ore = v[1].carry_over_ore = 0;
	harmonised_merge_lines(v, 2, out, &n);
	assert_int_equal(n, 1);
	memset(&in, 0, sizeof(in));
	in.year = 2027;
	in.unit = out[0].unit;
	in.places_centi = out[0].places_centi;
	in.occupancy_bp = out[0].occupancy_bp;
	in.costs = out[0].costs;
	assert_int_equal(tariff_compute(&p, &in, &r, NULL), 0);
	/* 10.950.000 kr. over 20 places × 365 days at 100 %: 1.500 kr. */
	assert_int_equal(r.base_ore, 1095000000);
	assert_int_equal(r.tariff_ore, 150000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_operator),
		cmocka_unit_test(test_at_least_two),
		cmocka_unit_test(test_other_operator),
		cmocka_unit_test(test_name_and_year),
		cmocka_unit_test(test_merge_lines),
		cmocka_unit_test(test_group_tariff),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
