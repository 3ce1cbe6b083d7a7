/*
 * Unit tests for src/core/indmelding.c: the flags of the status report at
 * their boundaries, the checks of a municipality's and an operator's
 * line, the target groups' fit, and which step a submission may take.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/indmelding.h"
#include "util/err.h"

static struct ind_figures
figures(void)
{
	return (struct ind_figures){ .capacity_centi = 1000,
	    .occupancy_bp = 9500, .occupancy_prev_bp = 9500, .waiting = 0,
	    .demand_centi = 1000, .prev_demand_centi = 1000,
	    .band_min_bp = 9500 };
}

static void
test_flag_demand(void **state)
{
	struct ind_figures f = figures();

	(void)state;
	assert_int_equal(ind_flags(&f), 0);
	/* Below capacity but not falling: no flag. */
	f.demand_centi = 999;
	f.prev_demand_centi = 999;
	assert_int_equal(ind_flags(&f) & IND_FLAG_DEMAND, 0);
	/* One hundredth lower than last year: flagged. */
	f.prev_demand_centi = 1000;
	assert_int_equal(ind_flags(&f) & IND_FLAG_DEMAND, IND_FLAG_DEMAND);
	/* Falling, but at capacity: no flag. */
	f.demand_centi = 1000;
	f.prev_demand_centi = 1200;
	assert_int_equal(ind_flags(&f) & IND_FLAG_DEMAND, 0);
	/* No earlier year: below capacity is enough. */
	f.demand_centi = 999;
	f.prev_demand_centi = -1;
	assert_int_equal(ind_flags(&f) & IND_FLAG_DEMAND, IND_FLAG_DEMAND);
	/* Unknown demand or capacity: never. */
	f.demand_centi = -1;
	assert_int_equal(ind_flags(&f) & IND_FLAG_DEMAND, 0);
	f.demand_centi = 0;
	f.capacity_centi = -1;
	assert_int_equal(ind_flags(&f) & IND_FLAG_DEMAND, 0);
}

static void
test_flag_occupancy(void **state)
{
	struct ind_figures f = figures();

	(void)state;
	/* At the floor both years: inside the band. */
	assert_int_equal(ind_flags(&f) & IND_FLAG_OCC, 0);
	/* One year under: not two running. */
	f.occupancy_bp = 9499;
	assert_int_equal(ind_flags(&f) & IND_FLAG_OCC, 0);
	f.occupancy_prev_bp = 9499;
	assert_int_equal(ind_flags(&f) & IND_FLAG_OCC, IND_FLAG_OCC);
	/* A year unknown: no flag. */
	f.occupancy_prev_bp = -1;
	assert_int_equal(ind_flags(&f) & IND_FLAG_OCC, 0);
}

static void
test_flag_waiting(void **state)
{
	struct ind_figures f = figures();

	(void)state;
	f.waiting = -1;
	assert_int_equal(ind_flags(&f) & IND_FLAG_WAIT, 0);
	f.waiting = 0;
	assert_int_equal(ind_flags(&f) & IND_FLAG_WAIT, 0);
	f.waiting = 1;
	assert_int_equal(ind_flags(&f) & IND_FLAG_WAIT, IND_FLAG_WAIT);
	assert_string_equal(ind_flag_label(IND_FLAG_WAIT), "Venteliste");
	assert_string_equal(ind_flag_label(0), "");
}

static void
test_municipality_line(void **state)
{
	struct ind_line	l;
	struct err	e;

	(void)state;
	ind_line_init(&l, 7);
	assert_int_equal(ind_line_check(IND_MUNICIPALITY, &l, &e), 0);
	assert_false(ind_line_answered(IND_MUNICIPALITY, &l));
	/* No use expected: a reason is required. */
	l.use_places_centi = 0;
	assert_int_equal(ind_line_check(IND_MUNICIPALITY, &l, &e),
	    ERR_INVALID);
	assert_string_equal(e.field, "no_use_reason");
	l.no_use_reason = "   ";
	assert_int_equal(ind_line_check(IND_MUNICIPALITY, &l, &e),
	    ERR_INVALID);
	l.no_use_reason = "Egne tilbud";
	assert_int_equal(ind_line_check(IND_MUNICIPALITY, &l, &e), 0);
	assert_true(ind_line_answered(IND_MUNICIPALITY, &l));
	/* Days instead of places also count as use. */
	l.no_use_reason = NULL;
	l.use_days = 30;
	assert_int_equal(ind_line_check(IND_MUNICIPALITY, &l, &e), 0);
	/* Ranges: 10.000 places is the most, one more is not. */
	l.use_places_centi = IND_PLACES_MAX;
	assert_int_equal(ind_line_check(IND_MUNICIPALITY, &l, &e), 0);
	l.use_places_centi = IND_PLACES_MAX + 1;
	assert_int_equal(ind_line_check(IND_MUNICIPALITY, &l, &e),
	    ERR_INVALID);
	assert_string_equal(e.field, "use_places");
	l.use_places_centi = 100;
	l.change = IND_CHANGE_COUNT;
	assert_int_equal(ind_line_check(IND_MUNICIPALITY, &l, &e),
	    ERR_INVALID);
	assert_string_equal(e.field, "change");
	l.change = IND_CHANGE_LESS;
	l.change_note = "a\001b";
	assert_int_equal(ind_line_check(IND_MUNICIPALITY, &l, &e),
	    ERR_INVALID);
	assert_string_equal(e.field, "change_note");
}

static void
test_operator_line(void **state)
{
	struct ind_line	l;
	struct err	e;

	(void)state;
	ind_line_init(&l, 7);
	l.capacity_centi = 1200;
	l.occupancy_bp = IND_OCC_MAX_BP;
	assert_int_equal(ind_line_check(IND_OPERATOR, &l, &e), 0);
	assert_true(ind_line_answered(IND_OPERATOR, &l));
	l.occupancy_bp = IND_OCC_MAX_BP + 1;
	assert_int_equal(ind_line_check(IND_OPERATOR, &l, &e), ERR_INVALID);
	assert_string_equal(e.field, "occupancy");
	l.occupancy_bp = 9000;
	l.waiting = -2;
	assert_int_equal(ind_line_check(IND_OPERATOR, &l, &e), ERR_INVALID);
	assert_string_equal(e.field, "waiting");
	l.waiting = 4;
	l.declaration_url = "tilbudsportalen.dk/x";
	assert_int_equal(ind_line_check(IND_OPERATOR, &l, &e), ERR_INVALID);
	assert_string_equal(e.field, "declaration_url");
	l.declaration_url = "https://tilbudsportalen.dk/x y";
	assert_int_equal(ind_line_check(IND_OPERATOR, &l, &e), ERR_INVALID);
	l.declaration_url = "https://tilbudsportalen.dk/x";
	assert_int_equal(ind_line_check(IND_OPERATOR, &l, &e), 0);
}

static void
test_fit(void **state)
{
	struct ind_fit	f = { "psykiatri", 3, NULL };
	struct err	e;

	(void)state;
	assert_int_equal(ind_fit_check(&f, &e), 0);
	f.fit = 2;
	assert_int_equal(ind_fit_check(&f, &e), ERR_INVALID);
	assert_string_equal(e.field, "note_psykiatri");
	f.note = "Mangler pladser til unge";
	assert_int_equal(ind_fit_check(&f, &e), 0);
	f.fit = 6;
	assert_int_equal(ind_fit_check(&f, &e), ERR_INVALID);
	assert_string_equal(e.field, "fit_psykiatri");
	f.fit = 0;	/* ved ikke */
	f.note = NULL;
	assert_int_equal(ind_fit_check(&f, &e), 0);
	f.grp = "ukendt";
	assert_int_equal(ind_fit_check(&f, &e), ERR_INVALID);
	assert_non_null(ind_group_find("misbrug"));
	assert_null(ind_group_find("x"));
}

static void
test_change_parse(void **state)
{
	enum ind_change c;

	(void)state;
	assert_int_equal(ind_change_parse("Uændret", &c), 0);
	assert_int_equal(c, IND_CHANGE_SAME);
	assert_int_equal(ind_change_parse("MERE", &c), 0);
	assert_int_equal(c, IND_CHANGE_MORE);
	assert_int_equal(ind_change_parse("less", &c), 0);
	assert_int_equal(c, IND_CHANGE_LESS);
	assert_int_equal(ind_change_parse("", &c), 0);
	assert_int_equal(c, IND_CHANGE_NONE);
	assert_int_equal(ind_change_parse("måske", &c), -1);
}

static void
test_may(void **state)
{
	const char	*dl = "2026-11-30";
	struct err	 e;

	(void)state;
	/* The deadline day itself, and the day after. */
	assert_int_equal(ind_sub_may(IND_OPEN, dl, SUBMISSION_DRAFT,
	    SUBMISSION_SUBMIT, "2026-11-30", false, &e), 0);
	assert_int_equal(ind_sub_may(IND_OPEN, dl, SUBMISSION_DRAFT,
	    SUBMISSION_SUBMIT, "2026-12-01", false, &e), ERR_CONFLICT);
	assert_string_equal(e.key, "deadline_passed");
	/* The secretariat may still fill in after the deadline. */
	assert_int_equal(ind_sub_may(IND_OPEN, dl, SUBMISSION_RETURNED,
	    SUBMISSION_EDIT, "2026-12-01", true, &e), 0);
	assert_int_equal(ind_sub_may(IND_OPEN, dl, SUBMISSION_SUBMITTED,
	    SUBMISSION_EDIT, "2026-11-01", false, &e), ERR_CONFLICT);
	assert_int_equal(ind_sub_may(IND_HEARING, dl, SUBMISSION_DRAFT,
	    SUBMISSION_EDIT, "2026-11-01", true, &e), ERR_CONFLICT);
	assert_string_equal(e.key, "year_closed");
	assert_int_equal(ind_sub_may(IND_OPEN, dl, SUBMISSION_SUBMITTED,
	    SUBMISSION_APPROVE, "2026-12-24", true, &e), 0);
	assert_int_equal(ind_sub_may(IND_OPEN, dl, SUBMISSION_DRAFT,
	    SUBMISSION_APPROVE, "2026-11-01", true, &e), ERR_CONFLICT);
	assert_int_equal(ind_sub_may(IND_HEARING, dl, SUBMISSION_APPROVED,
	    SUBMISSION_RETURN, "2026-12-24", true, &e), 0);
	assert_int_equal(ind_sub_may(IND_DONE, dl, SUBMISSION_SUBMITTED,
	    SUBMISSION_APPROVE, "2026-12-24", true, &e), ERR_CONFLICT);
}

static void
test_comment(void **state)
{
	char		big[IND_COMMENT_MAX + 2];
	struct err	e;

	(void)state;
	assert_int_equal(ind_comment_check("Fint", &e), 0);
	assert_int_equal(ind_comment_check(" ", &e), ERR_INVALID);
	assert_int_equal(ind_comment_check(NULL, &e), ERR_INVALID);
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(ind_comment_check(big, &e), ERR_INVALID);
	big[IND_COMMENT_MAX] = '\0';
	assert_int_equal(ind_comment_check(big, &e), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flag_demand),
		cmocka_unit_test(test_flag_occupancy),
		cmocka_unit_test(test_flag_waiting),
		cmocka_unit_test(test_municipality_line),
		cmocka_unit_test(test_operator_line),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_change_parse),
		cmocka_unit_test(test_may),
		cmocka_unit_test(test_comment),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
