/*
 * Unit tests for src/core/cycle.c: the default rules of the årshjul and
 * the dates they give, a rule changing from a given year on and retired,
 * the election-period rule of regional takeovers, the re-assessment 1½
 * years after an offer was covered, and rules that are refused.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/cycle.h"
#include "util/err.h"

#define MAXSTEPS	64

/* The date of kind in year under v[0..n), or "" when it has no step. */
static const char *
date_of(const struct cycle_rule *v, size_t n, const char *kind, int year)
{
	static struct cycle_step	st[MAXSTEPS];
	struct err			e;
	size_t				ns, i;

	assert_int_equal(cycle_steps(v, n, year, st, MAXSTEPS, &ns, &e), 0);
	for (i = 0; i < ns; i++)
		if (strcmp(st[i].rule->kind, kind) == 0)
			return st[i].date;
	return "";
}

static const char *
def(const char *kind, int year)
{
	return date_of(cycle_default_rules, cycle_default_nrules, kind, year);
}

static void
test_defaults_valid(void **state)
{
	struct err	e;
	size_t		i;

	(void)state;
	for (i = 0; i < cycle_default_nrules; i++)
		assert_int_equal(cycle_rule_validate(&cycle_default_rules[i],
		    &e), 0);
	assert_int_equal(cycle_rules_check(cycle_default_rules,
	    cycle_default_nrules, &e), 0);
}

/* The årshjul of DAS 6 March 2014, in the months the minutes give. */
static void
test_minutes_dates(void **state)
{
	(void)state;
	assert_string_equal(def("das_status", 2015), "2015-01-20");
	assert_string_equal(def("reinforced_decision", 2015), "2015-01-20");
	assert_string_equal(def("councils_treatment", 2015), "2015-03-01");
	assert_string_equal(def("annual_result_deadline", 2015), "2015-06-30");
	assert_string_equal(def("reinforced_in_force", 2015), "2015-07-01");
	assert_string_equal(def("das_sustainability", 2013), "2013-08-15");
	assert_string_equal(def("steering_agreement_approval_deadline", 2014),
	    "2014-10-15");
	assert_string_equal(def("reinforced_nominations", 2014), "2014-11-01");
	assert_string_equal(def("submissions_deadline", 2014), "2014-11-15");
	assert_string_equal(def("operator_reporting_deadline", 2014),
	    "2014-11-15");
	assert_string_equal(def("expert_panel", 2014), "2014-12-10");
	/* The hearing: 30 days after the submissions. */
	assert_string_equal(def("hearing_deadline", 2014), "2014-12-15");
	/* October's last working day: a Friday, and Friday before a
	   Saturday the 31st. */
	assert_string_equal(def("tariff_round_deadline", 2014), "2014-10-31");
	assert_string_equal(def("tariff_round_deadline", 2026), "2026-10-30");
	assert_string_equal(def("tariff_round_deadline", 2027), "2027-10-29");
}

/* 1 June until 2014, 1 May from 2015. */
static void
test_rule_changes_from_year(void **state)
{
	struct cycle_rule	v[3];
	struct err		e;

	(void)state;
	assert_string_equal(def("strategy_approval_deadline", 2011),
	    "2011-06-01");
	assert_string_equal(def("strategy_approval_deadline", 2014),
	    "2014-06-01");
	assert_string_equal(def("strategy_approval_deadline", 2015),
	    "2015-05-01");
	assert_string_equal(def("strategy_approval_deadline", 2030),
	    "2030-05-01");
	assert_string_equal(def("strategy_approval_deadline", 2010), "");

	/* Retired from 2020 on: no step, and the older rule is not used. */
	memset(v, 0, sizeof(v));
	v[0] = (struct cycle_rule){ .kind = "expert_panel", .from_year = 2011,
	    .title = "Ekspertpanel", .how = CYCLE_FIXED, .month = 12,
	    .day = 10, .party = PARTY_EXPERT_PANEL };
	v[1] = v[0];
	v[1].from_year = 2016;
	v[1].day = 3;
	v[2] = v[0];
	v[2].from_year = 2020;
	v[2].retired = true;
	assert_int_equal(cycle_rules_check(v, 3, &e), 0);
	assert_string_equal(date_of(v, 3, "expert_panel", 2015), "2015-12-10");
	assert_string_equal(date_of(v, 3, "expert_panel", 2016), "2016-12-03");
	assert_string_equal(date_of(v, 3, "expert_panel", 2019), "2019-12-03");
	assert_string_equal(date_of(v, 3, "expert_panel", 2020), "");
	assert_null(cycle_rule_for(v, 3, "expert_panel", 2021));
	assert_ptr_equal(cycle_rule_for(v, 3, "expert_panel", 2017), &v[1]);
}

/* The takeover steps fall in the 3rd and 4th year of each period. */
static void
test_election_steps(void **state)
{
	(void)state;
	assert_string_equal(def("takeover_notice_deadline", 2016),
	    "2016-01-01");
	assert_string_equal(def("takeover_notice_deadline", 2020),
	    "2020-01-01");
	assert_string_equal(def("takeover_notice_deadline", 2024),
	    "2024-01-01");
	assert_string_equal(def("takeover_notice_deadline", 2028),
	    "2028-01-01");
	assert_string_equal(def("takeover_notice_deadline", 2015), "");
	assert_string_equal(def("takeover_notice_deadline", 2017), "");
	assert_string_equal(def("takeover_notice_deadline", 2026), "");
	assert_string_equal(def("regional_takeover", 2017), "2017-01-01");
	assert_string_equal(def("regional_takeover", 2021), "2021-01-01");
	assert_string_equal(def("regional_takeover", 2025), "2025-01-01");
	assert_string_equal(def("regional_takeover", 2016), "");
	/* Before the rule (from 2014): the period 2010–2013 has none. */
	assert_string_equal(def("regional_takeover", 2013), "");
}

static void
test_election_period(void **state)
{
	struct err	e;
	int		first;

	(void)state;
	assert_int_equal(cycle_election_period("2015-06-30", &first, &e), 0);
	assert_int_equal(first, 2014);
	assert_int_equal(cycle_election_period("2014-01-01", &first, &e), 0);
	assert_int_equal(first, 2014);
	assert_int_equal(cycle_election_period("2013-12-31", &first, &e), 0);
	assert_int_equal(first, 2010);
	assert_int_equal(cycle_election_period("2026-12-05", &first, &e), 0);
	assert_int_equal(first, 2026);
	assert_int_equal(cycle_election_period("2026-02-30", &first, &e),
	    ERR_INVALID);
}

/* Notice by 1 January of the 3rd year, takeover 1 January of the 4th. */
static void
test_takeover(void **state)
{
	struct err	e;
	char		d[11];

	(void)state;
	assert_int_equal(cycle_takeover_date("2014-01-01", d, &e), 0);
	assert_string_equal(d, "2017-01-01");
	assert_int_equal(cycle_takeover_date("2015-12-31", d, &e), 0);
	assert_string_equal(d, "2017-01-01");
	/* The deadline itself, and one day after it. */
	assert_int_equal(cycle_takeover_date("2016-01-01", d, &e), 0);
	assert_string_equal(d, "2017-01-01");
	assert_int_equal(cycle_takeover_date("2016-01-02", d, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "notice_too_late");
	assert_non_null(strstr(e.msg, "1. januar 2016"));
	assert_non_null(strstr(e.msg, "1. januar 2020"));
	assert_non_null(strstr(e.msg, "1. januar 2021"));
	assert_int_equal(cycle_takeover_date("2017-06-01", d, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "notice_too_late");
	/* The next period. */
	assert_int_equal(cycle_takeover_date("2018-03-01", d, &e), 0);
	assert_string_equal(d, "2021-01-01");
	assert_int_equal(cycle_takeover_date("2024-01-01", d, &e), 0);
	assert_string_equal(d, "2025-01-01");
	assert_int_equal(cycle_takeover_date("2026-12-05", d, &e), 0);
	assert_string_equal(d, "2029-01-01");
	/* Before the rule, and not a date. */
	assert_int_equal(cycle_takeover_date("2013-06-01", d, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "notice_too_early");
	assert_int_equal(cycle_takeover_date("2015-13-01", d, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "invalid_date");
	assert_int_equal(cycle_takeover_date(NULL, d, &e), ERR_INVALID);
}

/* Covered from 1 July Y: assessed again at the expert panel of Dec Y+1. */
static void
test_reassessment(void **state)
{
	struct err	e;
	char		d[11];

	(void)state;
	assert_int_equal(cycle_reassessment_date(cycle_default_rules,
	    cycle_default_nrules, "2014-07-01", d, &e), 0);
	assert_string_equal(d, "2015-12-10");
	assert_int_equal(cycle_reassessment_date(cycle_default_rules,
	    cycle_default_nrules, "2025-07-01", d, &e), 0);
	assert_string_equal(d, "2026-12-10");
	assert_int_equal(cycle_reassessment_date(cycle_default_rules,
	    cycle_default_nrules, "2025-7-1", d, &e), ERR_INVALID);
	assert_int_equal(cycle_reassessment_date(cycle_default_rules, 0,
	    "2025-07-01", d, &e), ERR_NOT_FOUND);
}

static void
test_invalid_rules(void **state)
{
	struct cycle_rule	r, v[2];
	struct err		e;

	(void)state;
	r = (struct cycle_rule){ .kind = "x", .from_year = 2020, .title = "X",
	    .how = CYCLE_FIXED, .month = 4, .day = 31,
	    .party = PARTY_SECRETARIAT };
	assert_int_equal(cycle_rule_validate(&r, &e), ERR_INVALID);
	assert_string_equal(e.field, "day");
	assert_non_null(strstr(e.msg, "31. april findes ikke"));
	r.month = 2;
	r.day = 29;
	assert_int_equal(cycle_rule_validate(&r, &e), ERR_INVALID);
	r.day = 28;
	assert_int_equal(cycle_rule_validate(&r, &e), 0);
	r.month = 13;
	assert_int_equal(cycle_rule_validate(&r, &e), ERR_INVALID);
	assert_string_equal(e.field, "month");
	r.month = 1;
	r.kind = "Ny Frist";
	assert_int_equal(cycle_rule_validate(&r, &e), ERR_INVALID);
	assert_string_equal(e.field, "kind");
	r.kind = "x";
	r.from_year = 1999;
	assert_int_equal(cycle_rule_validate(&r, &e), ERR_INVALID);
	r.from_year = 2020;
	r.title = "";
	assert_int_equal(cycle_rule_validate(&r, &e), ERR_INVALID);
	r.title = "X";
	r.how = CYCLE_ELECTION;
	r.period_year = 5;
	assert_int_equal(cycle_rule_validate(&r, &e), ERR_INVALID);
	r.how = CYCLE_RELATIVE;
	r.base_kind = "x";
	assert_int_equal(cycle_rule_validate(&r, &e), ERR_INVALID);
	r.base_kind = "y";
	r.offset_days = 400;
	assert_int_equal(cycle_rule_validate(&r, &e), ERR_INVALID);
	r.offset_days = -10;
	assert_int_equal(cycle_rule_validate(&r, &e), 0);

	/* x after y and y after x: a loop. */
	v[0] = r;
	v[1] = r;
	v[1].kind = "y";
	v[1].base_kind = "x";
	assert_int_equal(cycle_rules_check(v, 2, &e), ERR_INVALID);
	assert_string_equal(e.key, "cycle_loop");
	/* Two versions of one kind from the same year. */
	v[1] = v[0];
	v[1].how = CYCLE_FIXED;
	assert_int_equal(cycle_rules_check(v, 2, &e), ERR_INVALID);
	assert_string_equal(e.key, "duplicate_rule");
}

/* Last given weekday; a relative step outside the year is left out. */
static void
test_weekday_and_relative(void **state)
{
	struct cycle_rule	v[2];

	(void)state;
	memset(v, 0, sizeof(v));
	v[0] = (struct cycle_rule){ .kind = "a", .from_year = 2011,
	    .title = "A", .how = CYCLE_LAST_WEEKDAY, .month = 1,
	    .weekday = 4, .party = PARTY_DAS };
	v[1] = (struct cycle_rule){ .kind = "b", .from_year = 2011,
	    .title = "B", .how = CYCLE_RELATIVE, .base_kind = "a",
	    .offset_days = -40, .party = PARTY_DAS };
	assert_string_equal(date_of(v, 2, "a", 2014), "2014-01-30");
	assert_string_equal(date_of(v, 2, "b", 2014), "");
	v[1].offset_days = 2;
	assert_string_equal(date_of(v, 2, "b", 2014), "2014-02-01");
}

/* Steps come sorted by date; every default kind appears in its years. */
static void
test_year_steps(void **state)
{
	struct cycle_step	st[MAXSTEPS];
	struct err		e;
	size_t			ns, i;

	(void)state;
	assert_int_equal(cycle_steps(cycle_default_rules, cycle_default_nrules,
	    2016, st, MAXSTEPS, &ns, &e), 0);
	assert_int_equal(ns, 15);
	assert_string_equal(st[0].date, "2016-01-01");
	assert_string_equal(st[0].rule->kind, "takeover_notice_deadline");
	for (i = 1; i < ns; i++)
		assert_true(strcmp(st[i - 1].date, st[i].date) <= 0);
	assert_int_equal(cycle_steps(cycle_default_rules, cycle_default_nrules,
	    2015, st, MAXSTEPS, &ns, &e), 0);
	assert_int_equal(ns, 14);
	assert_int_equal(cycle_steps(cycle_default_rules, cycle_default_nrules,
	    1999, st, MAXSTEPS, &ns, &e), ERR_INVALID);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults_valid),
		cmocka_unit_test(test_minutes_dates),
		cmocka_unit_test(test_rule_changes_from_year),
		cmocka_unit_test(test_election_steps),
		cmocka_unit_test(test_election_period),
		cmocka_unit_test(test_takeover),
		cmocka_unit_test(test_reassessment),
		cmocka_unit_test(test_invalid_rules),
		cmocka_unit_test(test_weekday_and_relative),
		cmocka_unit_test(test_year_steps),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
