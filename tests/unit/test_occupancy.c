/*
 * Unit tests for src/core/occupancy.c: the budgeted occupancy from the
 * last closed years and its band (TV-3 and its variants), DAS approval,
 * rounding, and the source years.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/money.h"
#include "core/occupancy.h"
#include "core/params.h"
#include "util/err.h"

static struct agreement_params
params(int year)
{
	struct agreement_params p;

	assert_int_equal(params_defaults(year, &p, NULL), 0);
	return p;
}

/* Two years given as percentages in basis points. */
static struct occupancy_input
pct_input(enum occupancy_class cls, int64_t a_bp, int64_t b_bp)
{
	struct occupancy_input in;

	memset(&in, 0, sizeof(in));
	in.cls = cls;
	in.years[0].occupied = a_bp;
	in.years[0].available = MONEY_BP_ONE;
	in.years[1].occupied = b_bp;
	in.years[1].available = MONEY_BP_ONE;
	in.nyears = 2;
	return in;
}

static struct occupancy_result
budget(const struct agreement_params *p, struct occupancy_input in)
{
	struct occupancy_result	r;
	struct err		e;

	err_clear(&e);
	assert_int_equal(occupancy_budget(p, &in, &r, &e), 0);
	assert_true(r.nmessages >= 1);
	return r;
}

/*
 * TV-3 (spec §3, rule §2.4 [V] S2): 10 places, 3,650 place-days; year A
 * 3,431 occupied (94.000 %), year B 3,541 (97.014 %) → average 95.507 %,
 * inside [95, 100], below 98 → accepted without warning.
 */
static void
test_tv3_budgeted_occupancy(void **state)
{
	struct agreement_params	p = params(2013);
	struct occupancy_input	in;
	struct occupancy_result	r;
	char			txt[32];
	struct ratio		pct;

	(void)state;
	memset(&in, 0, sizeof(in));
	in.cls = OCCUPANCY_ORDINARY;
	in.years[0].occupied = 3431;
	in.years[0].available = 3650;
	in.years[1].occupied = 3541;
	in.years[1].available = 3650;
	in.nyears = 2;
	r = budget(&p, in);
	pct.num = r.average.num * 100;
	pct.den = r.average.den;
	assert_int_equal(money_ratio_str(pct, 3, txt, sizeof(txt)), 0);
	assert_string_equal(txt, "95.507");
	assert_int_equal(r.budget_bp, 9551);
	assert_int_equal(r.status, OCCUPANCY_OK);
	assert_int_equal(r.flags, 0);
	assert_int_equal(r.min_bp, 9500);
	assert_int_equal(r.max_bp, 10000);
	assert_int_equal(r.warn_bp, 9800);
}

/* TV-3 with the two years as reported percentages, 94 % and 97.01 %. */
static void
test_tv3_from_percentages(void **state)
{
	struct agreement_params	p = params(2013);
	struct occupancy_result	r;

	(void)state;
	r = budget(&p, pct_input(OCCUPANCY_ORDINARY, 9400, 9701));
	assert_int_equal(r.budget_bp, 9551);	/* 95.505 half up */
	assert_int_equal(r.status, OCCUPANCY_OK);
	p.occupancy_round_mode = ROUND_HALF_EVEN;
	r = budget(&p, pct_input(OCCUPANCY_ORDINARY, 9400, 9701));
	assert_int_equal(r.budget_bp, 9550);
}

/*
 * TV-3 variant (spec §3): 91 % and 92 % → 91.5 % → rejected for an
 * ordinary offer without DAS approval, accepted for respite/acute
 * (floor 90 %).
 */
static void
test_tv3_variant_short_stay(void **state)
{
	struct agreement_params	p = params(2013);
	struct occupancy_result	r;

	(void)state;
	r = budget(&p, pct_input(OCCUPANCY_ORDINARY, 9100, 9200));
	assert_int_equal(r.budget_bp, 9150);
	assert_int_equal(r.status, OCCUPANCY_REJECTED);
	assert_true(r.flags & OCCUPANCY_BELOW_MIN);
	assert_int_equal(r.nmessages, 2);
	assert_non_null(strstr(r.messages[1], "DAS"));
	r = budget(&p, pct_input(OCCUPANCY_SHORT_STAY, 9100, 9200));
	assert_int_equal(r.status, OCCUPANCY_OK);
	assert_int_equal(r.min_bp, 9000);
	r = budget(&p, pct_input(OCCUPANCY_SHORT_STAY, 8900, 9000));
	assert_int_equal(r.status, OCCUPANCY_REJECTED);
}

/* TV-3 variant (spec §2.4 item 6): a DAS approval allows the deviation. */
static void
test_tv3_variant_das_approval(void **state)
{
	struct agreement_params	p = params(2013);
	struct occupancy_input	in = pct_input(OCCUPANCY_ORDINARY, 9100, 9200);
	struct occupancy_result	r;

	(void)state;
	in.das_approval = "DAS 13. august 2013, punkt 4";
	r = budget(&p, in);
	assert_int_equal(r.status, OCCUPANCY_WARNING);
	assert_true(r.flags & OCCUPANCY_DAS_APPROVED);
	assert_non_null(strstr(r.messages[1], "punkt 4"));
	in.das_approval = "";
	r = budget(&p, in);
	assert_int_equal(r.status, OCCUPANCY_REJECTED);
}

/*
 * TV-3 variant (spec §3): 99 % and 100 % → 99.5 % → accepted with the
 * "above recommended 98 %" warning.
 */
static void
test_tv3_variant_above_recommended(void **state)
{
	struct agreement_params	p = params(2013);
	struct occupancy_result	r;

	(void)state;
	r = budget(&p, pct_input(OCCUPANCY_ORDINARY, 9900, 10000));
	assert_int_equal(r.budget_bp, 9950);
	assert_int_equal(r.status, OCCUPANCY_WARNING);
	assert_int_equal(r.flags, OCCUPANCY_ABOVE_WARN);
	assert_non_null(strstr(r.messages[1], "98 %"));
}

/* The edges of the band belong to it; 98 % itself is no warning. */
static void
test_band_edges(void **state)
{
	struct agreement_params	p = params(2013);
	struct occupancy_input	in;
	struct occupancy_result	r;

	(void)state;
	r = budget(&p, pct_input(OCCUPANCY_ORDINARY, 9500, 9500));
	assert_int_equal(r.status, OCCUPANCY_OK);
	r = budget(&p, pct_input(OCCUPANCY_ORDINARY, 9499, 9500));
	assert_int_equal(r.budget_bp, 9500);	/* 94.995 half up */
	assert_int_equal(r.status, OCCUPANCY_OK);
	r = budget(&p, pct_input(OCCUPANCY_ORDINARY, 9498, 9500));
	assert_int_equal(r.status, OCCUPANCY_REJECTED);
	r = budget(&p, pct_input(OCCUPANCY_ORDINARY, 9800, 9800));
	assert_int_equal(r.status, OCCUPANCY_OK);
	r = budget(&p, pct_input(OCCUPANCY_ORDINARY, 10000, 10000));
	assert_int_equal(r.status, OCCUPANCY_WARNING);
	/* Over-occupancy measured in days exceeds the ceiling. */
	in = pct_input(OCCUPANCY_ORDINARY, 3700, 3650);
	in.years[0].available = 3650;
	in.years[1].available = 3650;
	r = budget(&p, in);
	assert_int_equal(r.budget_bp, 10068);
	assert_int_equal(r.status, OCCUPANCY_REJECTED);
	assert_true(r.flags & OCCUPANCY_ABOVE_MAX);
}

static void
test_invalid(void **state)
{
	struct agreement_params	p = params(2013);
	struct occupancy_input	in = pct_input(OCCUPANCY_ORDINARY, 9500, 9600);
	struct occupancy_result	r;
	struct err		e;

	(void)state;
	in.nyears = 1;
	err_clear(&e);
	assert_int_equal(occupancy_budget(&p, &in, &r, &e), ERR_INVALID);
	assert_string_equal(e.key, "wrong_year_count");
	in.nyears = 2;
	in.years[1].available = 0;
	assert_int_equal(occupancy_budget(&p, &in, &r, &e), ERR_INVALID);
	in.years[1].available = MONEY_BP_ONE;
	in.years[1].occupied = -1;
	assert_int_equal(occupancy_budget(&p, &in, &r, &e), ERR_INVALID);
	in.years[1].occupied = 9600;
	in.cls = OCCUPANCY_CLASS_COUNT;
	assert_int_equal(occupancy_budget(&p, &in, &r, &e), ERR_INVALID);
	assert_string_equal(e.field, "offer_kind");
	/* Three years when the agreement says three. */
	in.cls = OCCUPANCY_ORDINARY;
	p.occupancy_years = 3;
	in.years[2].occupied = 9700;
	in.years[2].available = MONEY_BP_ONE;
	in.nyears = 3;
	assert_int_equal(occupancy_budget(&p, &in, &r, NULL), 0);
	assert_int_equal(r.budget_bp, 9600);
}

/* Spec §2.4, §10.1: tariff year 2013 uses the accounts of 2010 and 2011. */
static void
test_source_years(void **state)
{
	struct agreement_params	p = params(2013);
	int			first, last;

	(void)state;
	occupancy_source_years(&p, 2013, &first, &last);
	assert_int_equal(first, 2010);
	assert_int_equal(last, 2011);
	p.occupancy_lag_years = 1;
	occupancy_source_years(&p, 2013, &first, &last);
	assert_int_equal(first, 2011);
	assert_int_equal(last, 2012);
}

static void
test_names(void **state)
{
	enum occupancy_class c;

	(void)state;
	assert_int_equal(occupancy_class_parse("short_stay", &c), 0);
	assert_int_equal(c, OCCUPANCY_SHORT_STAY);
	assert_int_equal(occupancy_class_parse("respite", &c), -1);
	assert_string_equal(occupancy_class_name(OCCUPANCY_ORDINARY),
	    "ordinary");
	assert_string_equal(occupancy_status_name(OCCUPANCY_REJECTED),
	    "rejected");
}

/*
 * Every threshold of the band (spec §2.4, TV-3) at the boundary, one
 * basis point inside and one outside: the floor 95 % (90 % for short
 * stays, acute and respite), the recommended maximum 98 % (a warning
 * above it, not at it) and the ceiling 100 %.
 */
static void
test_thresholds_boundary(void **state)
{
	static const struct {
		enum occupancy_class	cls;
		int64_t			bp;
		enum occupancy_status	status;
		unsigned		flags;
	} cases[] = {
		{ OCCUPANCY_ORDINARY, 9499, OCCUPANCY_REJECTED,
		    OCCUPANCY_BELOW_MIN },
		{ OCCUPANCY_ORDINARY, 9500, OCCUPANCY_OK, 0 },
		{ OCCUPANCY_ORDINARY, 9501, OCCUPANCY_OK, 0 },
		{ OCCUPANCY_ORDINARY, 9799, OCCUPANCY_OK, 0 },
		{ OCCUPANCY_ORDINARY, 9800, OCCUPANCY_OK, 0 },
		{ OCCUPANCY_ORDINARY, 9801, OCCUPANCY_WARNING,
		    OCCUPANCY_ABOVE_WARN },
		{ OCCUPANCY_ORDINARY, 9999, OCCUPANCY_WARNING,
		    OCCUPANCY_ABOVE_WARN },
		{ OCCUPANCY_ORDINARY, 10000, OCCUPANCY_WARNING,
		    OCCUPANCY_ABOVE_WARN },
		{ OCCUPANCY_ORDINARY, 10001, OCCUPANCY_REJECTED,
		    OCCUPANCY_ABOVE_MAX },
		{ OCCUPANCY_SHORT_STAY, 8999, OCCUPANCY_REJECTED,
		    OCCUPANCY_BELOW_MIN },
		{ OCCUPANCY_SHORT_STAY, 9000, OCCUPANCY_OK, 0 },
		{ OCCUPANCY_SHORT_STAY, 9001, OCCUPANCY_OK, 0 },
		{ OCCUPANCY_SHORT_STAY, 10000, OCCUPANCY_WARNING,
		    OCCUPANCY_ABOVE_WARN },
		{ OCCUPANCY_SHORT_STAY, 10001, OCCUPANCY_REJECTED,
		    OCCUPANCY_ABOVE_MAX },
	};
	struct agreement_params	p = params(2013);
	struct occupancy_result	r;
	size_t			i;

	(void)state;
	assert_int_equal(p.occupancy_min_bp, 9500);
	assert_int_equal(p.occupancy_short_min_bp, 9000);
	assert_int_equal(p.occupancy_warn_bp, 9800);
	assert_int_equal(p.occupancy_max_bp, 10000);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		r = budget(&p, pct_input(cases[i].cls, cases[i].bp,
		    cases[i].bp));
		if (r.budget_bp != cases[i].bp || r.status != cases[i].status ||
		    r.flags != cases[i].flags)
			fail_msg("%s %lld bp: got %lld bp, status %s, flags %u",
			    occupancy_class_name(cases[i].cls),
			    (long long)cases[i].bp, (long long)r.budget_bp,
			    occupancy_status_name(r.status), r.flags);
	}

	/* The thresholds follow the parameters, not constants. */
	p.occupancy_min_bp = 9400;
	p.occupancy_warn_bp = 9900;
	p.occupancy_max_bp = 9950;
	r = budget(&p, pct_input(OCCUPANCY_ORDINARY, 9400, 9400));
	assert_int_equal(r.status, OCCUPANCY_OK);
	r = budget(&p, pct_input(OCCUPANCY_ORDINARY, 9399, 9399));
	assert_int_equal(r.status, OCCUPANCY_REJECTED);
	r = budget(&p, pct_input(OCCUPANCY_ORDINARY, 9900, 9900));
	assert_int_equal(r.status, OCCUPANCY_OK);
	r = budget(&p, pct_input(OCCUPANCY_ORDINARY, 9901, 9901));
	assert_int_equal(r.status, OCCUPANCY_WARNING);
	r = budget(&p, pct_input(OCCUPANCY_ORDINARY, 9950, 9950));
	assert_int_equal(r.status, OCCUPANCY_WARNING);
	r = budget(&p, pct_input(OCCUPANCY_ORDINARY, 9951, 9951));
	assert_int_equal(r.status, OCCUPANCY_REJECTED);
}

/* A secure institution: the year's assumed occupancy whatever the
 * history (85 % in 2014, 90 % from 2015), status OK. */
static void
test_secure_institution(void **state)
{
	struct agreement_params	p14 = params(2014), p15 = params(2015);
	struct occupancy_result	r;

	(void)state;
	r = budget(&p14, pct_input(OCCUPANCY_SECURE, 7000, 7200));
	assert_int_equal(r.budget_bp, 8500);
	assert_int_equal(r.status, OCCUPANCY_OK);
	assert_int_equal(r.min_bp, 8500);
	assert_int_equal(r.max_bp, 8500);
	r = budget(&p15, pct_input(OCCUPANCY_SECURE, 7000, 7200));
	assert_int_equal(r.budget_bp, 9000);
	assert_int_equal(r.status, OCCUPANCY_OK);
	assert_non_null(strstr(r.messages[0], "90 %"));
	assert_string_equal(occupancy_class_name(OCCUPANCY_SECURE),
	    "secure_institution");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tv3_budgeted_occupancy),
		cmocka_unit_test(test_tv3_from_percentages),
		cmocka_unit_test(test_tv3_variant_short_stay),
		cmocka_unit_test(test_tv3_variant_das_approval),
		cmocka_unit_test(test_tv3_variant_above_recommended),
		cmocka_unit_test(test_band_edges),
		cmocka_unit_test(test_thresholds_boundary),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_source_years),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_secure_institution),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
