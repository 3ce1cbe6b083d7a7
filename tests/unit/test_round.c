/*
 * Unit tests for src/core/round.c, src/service/round.c and
 * src/service/accounts.c over a real database: the states of rounds and
 * submissions, deadlines and reopening, roles, reasons for warnings,
 * pre-filling from last year's lines and from the accounts (TV-1, TV-2,
 * TV-3 through the services), publishing with versions, changes in the
 * year, the all-or-nothing bulk import and the set-aside ledger.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/offer.h"
#include "core/org.h"
#include "core/params.h"
#include "core/role.h"
#include "core/round.h"
#include "service/accounts.h"
#include "service/history.h"
#include "service/register.h"
#include "report/xlsx.h"
#include "service/round.h"
#include "service/round_io.h"
#include "service/svc.h"
#include "store/audit.h"
#include "util/arena.h"
#include "testdb.h"

/* 2023-11-14T22:13:20Z */
#define NOW	1700000000

struct fixture {
	struct testdb	t;
	struct arena	a;
	struct svc	s;		/* the secretariat */
	struct svc	op;		/* operator 851 */
	struct svc	other;		/* operator 1081 */
	struct svc	reader;
	int64_t		offer;		/* 851's residential offer */
	int64_t		respite;	/* 851's respite offer */
	int64_t		region;		/* 1081's offer */
};

static const struct principal op851 = { 2, "op851", ROLE_OPERATOR, "851" };
static const struct principal op1081 = { 3, "op1081", ROLE_OPERATOR, "1081" };
static const struct principal rd = { 4, "reader", ROLE_READER, NULL };

static int64_t
new_offer(struct fixture *f, const char *name, const char *op,
    enum offer_kind kind)
{
	static const char	*par[] = { "SEL § 107" };
	struct offer		 o;
	struct err		 e;
	int64_t			 id;

	memset(&o, 0, sizeof(o));
	o.name = name;
	o.operator_code = op;
	o.location_code = "851";
	o.kind = kind;
	o.paragraphs = par;
	o.nparagraphs = 1;
	if (register_offer_create(&f->s, &o, &id, &e) != 0) {
		fprintf(stderr, "offer: %s\n", e.msg);
		return 0;
	}
	return id;
}

static int
setup(void **state)
{
	struct org	orgs[] = {
		{ "851", "Aalborg", ORG_KOMMUNE, NULL, 0 },
		{ "810", "Brønderslev", ORG_KOMMUNE, NULL, 0 },
		{ "1081", "Region Nordjylland", ORG_REGION, NULL, 0 },
	};
	struct fixture	*f = calloc(1, sizeof(*f));
	struct err	 e;
	size_t		 i;

	if (testdb_open(&f->t) != 0)
		return -1;
	arena_init(&f->a);
	svc_init(&f->s, f->t.db, &f->a, NULL, NOW);
	svc_init(&f->op, f->t.db, &f->a, &op851, NOW);
	svc_init(&f->other, f->t.db, &f->a, &op1081, NOW);
	svc_init(&f->reader, f->t.db, &f->a, &rd, NOW);
	for (i = 0; i < 3; i++)
		if (register_org_save(&f->s, &orgs[i], &e) != 0)
			return -1;
	f->offer = new_offer(f, "Bostedet Æblehaven", "851", OFFER_RESIDENTIAL);
	f->respite = new_offer(f, "Aflastningen", "851", OFFER_RESPITE);
	f->region = new_offer(f, "Bostedet Aars", "1081", OFFER_RESIDENTIAL);
	if (!f->offer || !f->respite || !f->region)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	arena_cleanup(&f->a);
	testdb_close(&f->t);
	free(f);
	return 0;
}

static struct tariff_round
round_of(int year, int no, const char *opens, const char *deadline)
{
	struct tariff_round r;

	memset(&r, 0, sizeof(r));
	r.year = year;
	r.no = no;
	r.title = no == 1 ? "Foreløbige takster" : "Endelige takster";
	r.opens_on = opens;
	r.deadline = deadline;
	r.increase_warn_bp = 500;
	return r;
}

/* TV-2: 10 places, 96 %, wages 6.5m, property 675k, other 825k. */
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

/* The submission of offer in round. */
static int64_t
sub_of(struct fixture *f, int64_t round, int64_t offer)
{
	struct submission	*v;
	struct err		 e;
	size_t			 n, i;

	if (round_submissions(&f->s, round, &v, &n, &e) != 0)
		return 0;
	for (i = 0; i < n; i++)
		if (v[i].offer_id == offer)
			return v[i].id;
	return 0;
}

static int64_t
round_version(struct fixture *f, int64_t id)
{
	struct tariff_round	r;
	struct err		e;

	return round_get(&f->s, id, &r, NULL, &e) == 0 ? r.version : 0;
}

/* ---- core ------------------------------------------------------------ */

static void
test_state_machine(void **state)
{
	struct tariff_round	r = round_of(2025, 1, "2024-06-01",
	    "2024-08-31");
	struct err		e;

	(void)state;
	r.status = ROUND_OPEN;
	assert_int_equal(round_submission_may(&r, SUBMISSION_DRAFT,
	    SUBMISSION_EDIT, "2024-07-01", &e), 0);
	assert_int_equal(round_submission_may(&r, SUBMISSION_DRAFT,
	    SUBMISSION_SUBMIT, "2024-08-31", &e), 0);
	/* After the deadline: still editable, not submittable. */
	assert_int_equal(round_submission_may(&r, SUBMISSION_DRAFT,
	    SUBMISSION_EDIT, "2024-09-01", &e), 0);
	assert_int_equal(round_submission_may(&r, SUBMISSION_DRAFT,
	    SUBMISSION_SUBMIT, "2024-09-01", &e), ERR_CONFLICT);
	assert_string_equal(e.key, "deadline_passed");
	r.reopened_until = "2024-09-15";
	assert_int_equal(round_submission_may(&r, SUBMISSION_DRAFT,
	    SUBMISSION_SUBMIT, "2024-09-15", &e), 0);
	assert_int_equal(round_submission_may(&r, SUBMISSION_DRAFT,
	    SUBMISSION_SUBMIT, "2024-09-16", &e), ERR_CONFLICT);
	/* Before it opens. */
	assert_int_equal(round_submission_may(&r, SUBMISSION_DRAFT,
	    SUBMISSION_EDIT, "2024-05-31", &e), ERR_CONFLICT);
	assert_string_equal(e.key, "round_not_open");
	/* Approved and submitted are not editable. */
	assert_int_equal(round_submission_may(&r, SUBMISSION_APPROVED,
	    SUBMISSION_EDIT, "2024-07-01", &e), ERR_CONFLICT);
	assert_string_equal(e.key, "submission_approved");
	assert_int_equal(round_submission_may(&r, SUBMISSION_SUBMITTED,
	    SUBMISSION_EDIT, "2024-07-01", &e), ERR_CONFLICT);
	assert_int_equal(round_submission_may(&r, SUBMISSION_RETURNED,
	    SUBMISSION_EDIT, "2024-07-01", &e), 0);
	/* Review. */
	assert_int_equal(round_submission_may(&r, SUBMISSION_SUBMITTED,
	    SUBMISSION_APPROVE, "2024-10-01", &e), 0);
	assert_int_equal(round_submission_may(&r, SUBMISSION_DRAFT,
	    SUBMISSION_APPROVE, "2024-10-01", &e), ERR_CONFLICT);
	assert_int_equal(round_submission_may(&r, SUBMISSION_APPROVED,
	    SUBMISSION_RETURN, "2024-10-01", &e), 0);
	assert_int_equal(round_submission_may(&r, SUBMISSION_RETURNED,
	    SUBMISSION_RETURN, "2024-10-01", &e), ERR_CONFLICT);
	/* Closed and published rounds. */
	r.status = ROUND_CLOSED;
	assert_int_equal(round_submission_may(&r, SUBMISSION_DRAFT,
	    SUBMISSION_EDIT, "2024-07-01", &e), ERR_CONFLICT);
	assert_string_equal(e.key, "round_closed");
	assert_int_equal(round_submission_may(&r, SUBMISSION_SUBMITTED,
	    SUBMISSION_APPROVE, "2024-10-01", &e), 0);
	/* Returned: changed and submitted again, closed or late. */
	assert_int_equal(round_submission_may(&r, SUBMISSION_RETURNED,
	    SUBMISSION_EDIT, "2024-10-01", &e), 0);
	assert_int_equal(round_submission_may(&r, SUBMISSION_RETURNED,
	    SUBMISSION_SUBMIT, "2024-10-01", &e), 0);
	r.status = ROUND_OPEN;
	assert_int_equal(round_submission_may(&r, SUBMISSION_RETURNED,
	    SUBMISSION_SUBMIT, "2024-10-01", &e), 0);
	assert_int_equal(round_submission_may(&r, SUBMISSION_DRAFT,
	    SUBMISSION_SUBMIT, "2024-10-01", &e), ERR_CONFLICT);
	r.status = ROUND_PUBLISHED;
	assert_int_equal(round_submission_may(&r, SUBMISSION_RETURNED,
	    SUBMISSION_EDIT, "2024-10-01", &e), ERR_CONFLICT);
	assert_int_equal(round_submission_may(&r, SUBMISSION_SUBMITTED,
	    SUBMISSION_APPROVE, "2024-10-01", &e), ERR_CONFLICT);
	assert_string_equal(e.key, "round_published");

	/* Names and validation. */
	assert_string_equal(submission_status_label(SUBMISSION_RETURNED),
	    "Sendt retur");
	assert_string_equal(round_status_label(ROUND_PUBLISHED),
	    "Offentliggjort");
	r = round_of(2025, 1, "2024-06-01", "2024-05-31");
	assert_int_equal(round_validate(&r, &e), ERR_INVALID);
	assert_string_equal(e.field, "deadline");
	r = round_of(2025, 10, "2024-06-01", "2024-08-31");
	assert_int_equal(round_validate(&r, &e), ERR_INVALID);
	r = round_of(2025, 1, "2024-02-30", "2024-08-31");
	assert_int_equal(round_validate(&r, &e), ERR_INVALID);
}

/*
 * The dates of a round at their boundaries: submitting is allowed from
 * opens_on through the deadline (its last day), and through a reopening
 * day; a deadline may equal the opening day, not precede it.
 */
static void
test_deadline_boundary(void **state)
{
	struct tariff_round	r = round_of(2025, 1, "2024-06-01",
	    "2024-08-31");
	struct err		e;

	(void)state;
	assert_false(round_accepts_submissions(&r, "2024-05-31"));
	assert_true(round_accepts_submissions(&r, "2024-06-01"));
	assert_true(round_accepts_submissions(&r, "2024-06-02"));
	assert_true(round_accepts_submissions(&r, "2024-08-30"));
	assert_true(round_accepts_submissions(&r, "2024-08-31"));
	assert_false(round_accepts_submissions(&r, "2024-09-01"));
	assert_int_equal(round_submission_may(&r, SUBMISSION_DRAFT,
	    SUBMISSION_SUBMIT, "2024-08-31", &e), 0);
	assert_int_equal(round_submission_may(&r, SUBMISSION_DRAFT,
	    SUBMISSION_SUBMIT, "2024-09-01", &e), ERR_CONFLICT);
	assert_string_equal(e.key, "deadline_passed");
	r.reopened_until = "2024-09-15";
	assert_true(round_accepts_submissions(&r, "2024-09-14"));
	assert_true(round_accepts_submissions(&r, "2024-09-15"));
	assert_false(round_accepts_submissions(&r, "2024-09-16"));
	r.reopened_until = NULL;
	r.status = ROUND_CLOSED;
	assert_false(round_accepts_submissions(&r, "2024-08-31"));

	r = round_of(2025, 1, "2024-06-01", "2024-06-01");
	assert_int_equal(round_validate(&r, &e), 0);
	r.deadline = "2024-06-02";
	assert_int_equal(round_validate(&r, &e), 0);
	r.deadline = "2024-05-31";
	assert_int_equal(round_validate(&r, &e), ERR_INVALID);
	assert_string_equal(e.key, "deadline_before_open");
}

/*
 * The real-increase warning (a reason asked for above the round's
 * threshold) at its boundary: TV-2's 2,283 kr. against last year's
 * 2,000 kr. is a real increase of exactly 14.15 %; a threshold of
 * 14.15 % gives no warning, 14.14 % gives one, 14.16 % none; the same
 * with the price and wage change taken out. The threshold itself may
 * be 0 %–100 %.
 */
static void
test_increase_boundary(void **state)
{
	struct agreement_params	p;
	struct round_line_ctx	ctx;
	struct service_line	l;
	struct tariff_round	r = round_of(2025, 1, "2024-06-01",
	    "2024-08-31");
	struct err		e;

	(void)state;
	assert_int_equal(params_defaults(2023, &p, &e), 0);
	memset(&ctx, 0, sizeof(ctx));
	ctx.year = 2023;
	ctx.prev_tariff_ore = 200000;
	ctx.increase_warn_bp = 1415;
	l = tv2_line();
	assert_int_equal(round_line_compute(&p, &ctx, 0, &l, &e), 0);
	assert_int_equal(l.tariff_ore, 228300);
	assert_int_equal(l.nwarnings, 0);
	ctx.increase_warn_bp = 1414;
	l = tv2_line();
	assert_int_equal(round_line_compute(&p, &ctx, 0, &l, &e), 0);
	assert_int_equal(l.nwarnings, 1);
	assert_string_equal(round_warning_code(l.warnings[0].kind),
	    "real_increase");
	ctx.increase_warn_bp = 1416;
	l = tv2_line();
	assert_int_equal(round_line_compute(&p, &ctx, 0, &l, &e), 0);
	assert_int_equal(l.nwarnings, 0);

	/* With a 5 % threshold the price and wage change that makes 2,283
	   kr. no real increase lies between 8.71 % (2,000 × 1.0871 × 1.05
	   = 2,282.91: a warning) and 8.72 % (2,283.12: none). */
	ctx.increase_warn_bp = 500;
	ctx.prev_tariff_ore = 200000;
	ctx.pl_bp = 872;
	l = tv2_line();
	assert_int_equal(round_line_compute(&p, &ctx, 0, &l, &e), 0);
	assert_int_equal(l.nwarnings, 0);
	ctx.pl_bp = 871;
	l = tv2_line();
	assert_int_equal(round_line_compute(&p, &ctx, 0, &l, &e), 0);
	assert_int_equal(l.nwarnings, 1);

	r.increase_warn_bp = 0;
	assert_int_equal(round_validate(&r, &e), 0);
	r.increase_warn_bp = -1;
	assert_int_equal(round_validate(&r, &e), ERR_INVALID);
	r.increase_warn_bp = 10000;
	assert_int_equal(round_validate(&r, &e), 0);
	r.increase_warn_bp = 10001;
	assert_int_equal(round_validate(&r, &e), ERR_INVALID);
	r.increase_warn_bp = 500;
	r.pl_bp = ROUND_PL_MAX_BP;
	assert_int_equal(round_validate(&r, &e), 0);
	r.pl_bp = ROUND_PL_MAX_BP + 1;
	assert_int_equal(round_validate(&r, &e), ERR_INVALID);
	r.pl_bp = -ROUND_PL_MAX_BP;
	assert_int_equal(round_validate(&r, &e), 0);
	r.pl_bp = -ROUND_PL_MAX_BP - 1;
	assert_int_equal(round_validate(&r, &e), ERR_INVALID);
}

static void
test_line_compute(void **state)
{
	struct agreement_params	p;
	struct round_line_ctx	ctx;
	struct service_line	l = tv2_line(), two[2];
	struct err		e;
	int64_t			carry = -37000000;

	(void)state;
	assert_int_equal(params_defaults(2023, &p, &e), 0);
	memset(&ctx, 0, sizeof(ctx));
	ctx.year = 2023;
	ctx.prev_tariff_ore = -1;
	ctx.increase_warn_bp = 500;
	/* TV-2, year y: 8,000,000 / 3,504 = 2,283.105… → 2,283. */
	assert_int_equal(round_line_compute(&p, &ctx, 0, &l, &e), 0);
	assert_true(l.computed);
	assert_int_equal(l.base_ore, 800000000);
	assert_int_equal(l.tariff_ore, 228300);
	assert_string_equal(l.exact, "228310.5023");
	assert_int_equal(l.nwarnings, 0);

	/* TV-2, year y+2 with −370,000 from TV-1: 2,177.51… → 2,178. */
	l = tv2_line();
	l.carry_over_ore = -37000000;
	ctx.year = 2025;
	assert_int_equal(round_line_compute(&p, &ctx, 0, &l, &e), 0);
	assert_int_equal(l.tariff_ore, 217800);

	/* Real increase over last year (+0 % PL, 5 % threshold). */
	l = tv2_line();
	ctx.year = 2023;
	ctx.prev_tariff_ore = 200000;
	assert_int_equal(round_line_compute(&p, &ctx, 0, &l, &e), 0);
	assert_int_equal(l.nwarnings, 1);
	assert_string_equal(round_warning_code(l.warnings[0].kind),
	    "real_increase");
	assert_true(l.warnings[0].needs_reason);
	assert_true(round_line_needs_reason(&l));
	l.reason = "   ";
	assert_true(round_line_needs_reason(&l));
	l.reason = "Ny nattevagt";
	assert_false(round_line_needs_reason(&l));
	/* With 10 % PL the same increase is not real. */
	l = tv2_line();
	ctx.pl_bp = 1000;
	assert_int_equal(round_line_compute(&p, &ctx, 0, &l, &e), 0);
	assert_int_equal(l.nwarnings, 0);
	ctx.pl_bp = 0;
	ctx.prev_tariff_ore = -1;

	/* TV-3: history 94 % and 97.014 % averages to 95.51 %; a budget of
	 * 96 % differs from it and asks for a reason. */
	l = tv2_line();
	l.hist_bp[0] = 9400;
	l.hist_bp[1] = 9701;
	assert_int_equal(round_line_compute(&p, &ctx, 0, &l, &e), 0);
	assert_int_equal(l.nwarnings, 1);
	assert_string_equal(round_warning_code(l.warnings[0].kind),
	    "occupancy_not_history");
	l.occupancy_bp = 9551;
	assert_int_equal(round_line_compute(&p, &ctx, 0, &l, &e), 0);
	assert_int_equal(l.nwarnings, 0);
	/* 91.5 %: outside the band for an ordinary offer, not for respite. */
	l = tv2_line();
	l.occupancy_bp = 9150;
	assert_int_equal(round_line_compute(&p, &ctx, 0, &l, &e), 0);
	assert_int_equal(l.nwarnings, 1);
	assert_string_equal(round_warning_code(l.warnings[0].kind),
	    "occupancy_outside_band");
	{
		char msg[ROUND_WARN_MSG];

		round_warning_text(&l, 0, msg, sizeof(msg));
		assert_non_null(strstr(msg, "Budgetteret belægning 91,5 % "
		    "ligger uden for intervallet 95 %–100 %"));
	}
	ctx.cls = OCCUPANCY_SHORT_STAY;
	assert_int_equal(round_line_compute(&p, &ctx, 0, &l, &e), 0);
	assert_int_equal(l.nwarnings, 0);
	ctx.cls = OCCUPANCY_ORDINARY;
	/* 99.5 %: a warning without a reason. */
	l.occupancy_bp = 9950;
	assert_int_equal(round_line_compute(&p, &ctx, 0, &l, &e), 0);
	assert_int_equal(l.nwarnings, 1);
	assert_false(l.warnings[0].needs_reason);
	assert_false(round_line_needs_reason(&l));

	/* Errors name the line and field. */
	l = tv2_line();
	l.costs.wages_ore = -1;
	assert_int_equal(round_line_compute(&p, &ctx, 2, &l, &e), ERR_INVALID);
	assert_string_equal(e.field, "lines[2].costs_ore.wages");
	assert_non_null(strstr(e.msg, "Linje 3: "));
	l = tv2_line();
	l.places_centi = 0;
	assert_int_equal(round_line_compute(&p, &ctx, 0, &l, &e), ERR_INVALID);
	assert_string_equal(e.field, "lines[0].places");
	l = tv2_line();
	l.paragraph = "";
	assert_int_equal(round_line_compute(&p, &ctx, 0, &l, &e), ERR_INVALID);

	/* Duplicates and the carry-over check. */
	two[0] = tv2_line();
	two[1] = tv2_line();
	assert_int_equal(round_lines_check(two, 2, NULL, &e), ERR_INVALID);
	assert_string_equal(e.key, "duplicate_line");
	two[1].level = "høj";
	assert_int_equal(round_lines_check(two, 2, NULL, &e), 0);
	assert_int_equal(round_lines_check(two, 2, &carry, &e), 0);
	assert_int_equal(two[0].nwarnings, 1);
	assert_string_equal(round_warning_code(two[0].warnings[0].kind),
	    "carry_over_differs");
	two[0].nwarnings = 0;
	two[1].carry_over_ore = -37000000;
	assert_int_equal(round_lines_check(two, 2, &carry, &e), 0);
	assert_int_equal(two[0].nwarnings, 0);
}

/* A new tariff structure for citizens referred from a cut-off date. */
/*
 * Secure institutions (spec §4.3, minutes March 2014): no band, the
 * year's assumed occupancy — 85 % until 2014, 90 % from 2015 — accepted
 * without a reason; one basis point off asks for one. The §4.3 example:
 * 8 places, 40,000,000 kr., 365 days at 90 % → 15,220.70… → 15,221 kr.
 */
static void
test_secure_institution(void **state)
{
	struct agreement_params	p14, p15;
	struct round_line_ctx	ctx;
	struct service_line	l;
	struct err		e;

	(void)state;
	assert_int_equal(params_defaults(2014, &p14, &e), 0);
	assert_int_equal(params_defaults(2015, &p15, &e), 0);
	assert_int_equal(p14.secure_occupancy_bp, 8500);
	assert_int_equal(p15.secure_occupancy_bp, 9000);
	memset(&ctx, 0, sizeof(ctx));
	ctx.cls = OCCUPANCY_SECURE;
	ctx.prev_tariff_ore = -1;
	ctx.increase_warn_bp = 500;

	l = tv2_line();
	l.places_centi = 800;
	l.occupancy_bp = 9000;
	l.costs.wages_ore = 4000000000;
	l.costs.property_ore = 0;
	l.costs.other_ore = 0;
	l.hist_bp[0] = 7000;	/* history is not asked for */
	l.hist_bp[1] = 8000;
	ctx.year = 2015;
	assert_int_equal(round_line_compute(&p15, &ctx, 0, &l, &e), 0);
	assert_int_equal(l.nwarnings, 0);
	assert_string_equal(l.exact, "1522070.0152");
	assert_int_equal(l.tariff_ore, 1522100);
	assert_false(round_line_needs_reason(&l));

	/* One basis point either side of the assumed occupancy. */
	l.occupancy_bp = 9001;
	assert_int_equal(round_line_compute(&p15, &ctx, 0, &l, &e), 0);
	assert_int_equal(l.nwarnings, 1);
	assert_string_equal(round_warning_code(l.warnings[0].kind),
	    "occupancy_not_assumed");
	assert_true(round_line_needs_reason(&l));
	l.occupancy_bp = 8999;
	assert_int_equal(round_line_compute(&p15, &ctx, 0, &l, &e), 0);
	assert_true(round_line_needs_reason(&l));

	/* 2014: 85 % is accepted, 90 % is not; 85 % of an ordinary offer
	 * is outside its band. */
	ctx.year = 2014;
	l.occupancy_bp = 8500;
	assert_int_equal(round_line_compute(&p14, &ctx, 0, &l, &e), 0);
	assert_int_equal(l.nwarnings, 0);
	l.occupancy_bp = 9000;
	assert_int_equal(round_line_compute(&p14, &ctx, 0, &l, &e), 0);
	assert_true(round_line_needs_reason(&l));
	ctx.cls = OCCUPANCY_ORDINARY;
	l.occupancy_bp = 8500;
	l.hist_bp[0] = l.hist_bp[1] = -1;
	assert_int_equal(round_line_compute(&p14, &ctx, 0, &l, &e), 0);
	assert_string_equal(round_warning_code(l.warnings[0].kind),
	    "occupancy_outside_band");
}

static void
test_referral_cutoff(void **state)
{
	struct agreement_params	p;
	struct round_line_ctx	ctx;
	struct service_line	v[3];
	struct err		e;

	(void)state;
	assert_int_equal(params_defaults(2023, &p, &e), 0);
	memset(&ctx, 0, sizeof(ctx));
	ctx.year = 2023;
	ctx.prev_tariff_ore = -1;
	/* The average tariff for those referred before 1 July 2023, two
	   levels for those referred from then. */
	v[0] = tv2_line();
	v[0].referred_before = "2023-07-01";
	v[1] = tv2_line();
	v[1].level = "Niveau 1";
	v[1].referred_from = "2023-07-01";
	v[2] = tv2_line();
	v[2].level = "Niveau 2";
	v[2].referred_from = "2023-07-01";
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(round_line_compute(&p, &ctx, i, &v[i], &e), 0);
	assert_int_equal(round_lines_check(v, 3, NULL, &e), 0);
	/* The same paragraph, level and unit twice is fine across a
	   cut-off, not within one structure. */
	v[1].level = "";
	assert_int_equal(round_lines_check(v, 3, NULL, &e), 0);
	v[2].level = "";
	assert_int_equal(round_lines_check(v, 3, NULL, &e), ERR_INVALID);
	assert_string_equal(e.key, "duplicate_line");
	v[2].level = "Niveau 2";
	/* A new structure without the old one for those referred before. */
	assert_int_equal(round_lines_check(&v[1], 2, NULL, &e), ERR_INVALID);
	assert_string_equal(e.key, "referral_unpaired");
	assert_string_equal(e.field, "lines[0].referred_before");
	assert_non_null(strstr(e.msg, "visiteret før"));
	/* And the old one alone. */
	assert_int_equal(round_lines_check(v, 1, NULL, &e), ERR_INVALID);
	assert_string_equal(e.key, "referral_unpaired");
	/* Dates: valid, not after the tariff year, one at most. */
	v[0].referred_before = "2023-02-30";
	assert_int_equal(round_line_compute(&p, &ctx, 0, &v[0], &e),
	    ERR_INVALID);
	assert_string_equal(e.field, "lines[0].referred_before");
	v[0].referred_before = "2024-01-01";	/* after the tariff year */
	assert_int_equal(round_line_compute(&p, &ctx, 0, &v[0], &e),
	    ERR_INVALID);
	/* A cut-off years ago still holds for those referred before it. */
	v[0].referred_before = "2019-07-01";
	assert_int_equal(round_line_compute(&p, &ctx, 0, &v[0], &e), 0);
	v[0].referred_from = "2023-07-01";
	assert_int_equal(round_line_compute(&p, &ctx, 0, &v[0], &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "invalid_referral");
}

/* Saving and deleting one line: the splice and the referral pairing. */
static void
test_lines_put_delete(void **state)
{
	struct service_line	in[4], out[5], l, back[5];
	struct err		e;
	size_t			n, nb, at;

	(void)state;
	in[0] = tv2_line();
	in[1] = tv2_line();
	in[1].level = "Niveau 1";
	/* pos 0 appends; the positions are renumbered. */
	l = tv2_line();
	l.level = "Niveau 2";
	assert_int_equal(round_lines_put(in, 2, &l, out, &n, &at, &e), 0);
	assert_int_equal(n, 3);
	assert_int_equal(at, 2);
	assert_string_equal(out[2].level, "Niveau 2");
	assert_int_equal(out[2].pos, 3);
	assert_null(out[0].referred_before);	/* no dates: no pairing */
	/* pos n replaces the last line, in place. */
	l.pos = 2;
	assert_int_equal(round_lines_put(in, 2, &l, out, &n, &at, &e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(at, 1);
	assert_string_equal(out[1].level, "Niveau 2");
	assert_string_equal(out[0].level, "");
	/* A position that is not a line. */
	l.pos = 3;
	assert_int_equal(round_lines_put(in, 2, &l, out, &n, &at, &e),
	    ERR_NOT_FOUND);
	assert_string_equal(e.key, "not_found");
	/* The first line of a new structure makes the undated lines the
	   replaced structure. */
	l.pos = 0;
	l.level = "Ny";
	l.referred_from = "2023-07-01";
	assert_int_equal(round_lines_put(in, 2, &l, out, &n, &at, &e), 0);
	assert_int_equal(n, 3);
	assert_string_equal(out[0].referred_before, "2023-07-01");
	assert_string_equal(out[1].referred_before, "2023-07-01");
	assert_null(out[2].referred_before);
	assert_null(in[0].referred_before);	/* in is left alone */
	/* A second line of that structure changes nothing more; a line
	   already dated is not re-paired. */
	out[3] = out[2];
	out[3].level = "Ny 2";
	out[3].pos = 0;
	assert_int_equal(round_lines_put(out, 3, &out[3], back, &nb, &at, &e),
	    0);
	assert_int_equal(nb, 4);
	assert_string_equal(back[0].referred_before, "2023-07-01");
	assert_null(back[3].referred_before);
	/* Deleting one of two new lines keeps the pairing ... */
	assert_int_equal(round_lines_delete(back, 4, 4, out, &n, &e), 0);
	assert_int_equal(n, 3);
	assert_string_equal(out[0].referred_before, "2023-07-01");
	/* ... deleting the last one undoes it. */
	assert_int_equal(round_lines_delete(out, 3, 3, back, &nb, &e), 0);
	assert_int_equal(nb, 2);
	assert_null(back[0].referred_before);
	assert_null(back[1].referred_before);
	assert_int_equal(back[1].pos, 2);
	/* Deleting a line that is not there. */
	assert_int_equal(round_lines_delete(back, 2, 0, out, &n, &e),
	    ERR_NOT_FOUND);
	assert_int_equal(round_lines_delete(back, 2, 3, out, &n, &e),
	    ERR_NOT_FOUND);
}

/* ---- services -------------------------------------------------------- */

/* round_line_put and round_line_delete: one transaction each, paired. */
static void
test_line_put_delete_service(void **state)
{
	struct fixture		*f = *state;
	struct tariff_round	 r = round_of(2023, 1, "2023-01-01",
	    "2023-12-31");
	struct submission_view	 v;
	struct service_line	 l = tv2_line();
	struct audit_entry	*h;
	struct history_entry	*x;
	struct err		 e;
	int64_t			 rid, sub, n, ver;
	size_t			 nx;
	int			 pos, nh;

	assert_int_equal(round_create(&f->s, &r, &rid, &n, &e), 0);
	sub = sub_of(f, rid, f->offer);
	assert_int_equal(round_submission_get(&f->op, sub, &v, &e), 0);
	ver = v.sub.version;
	/* Stale versions and other operators are refused. */
	assert_int_equal(round_line_put(&f->op, sub, ver + 1, &l, &pos, &ver,
	    &e), ERR_PRECONDITION);
	assert_int_equal(round_line_put(&f->other, sub, ver, &l, &pos, &ver,
	    &e), ERR_FORBIDDEN);
	assert_int_equal(round_line_put(&f->op, sub, ver, &l, &pos, &ver, &e),
	    0);
	assert_int_equal(pos, (int)v.sub.nlines_loaded + 1);
	l.level = "Niveau 1";
	l.referred_from = "2023-07-01";
	assert_int_equal(round_line_put(&f->op, sub, ver, &l, &pos, &ver, &e),
	    0);
	assert_int_equal(round_submission_get(&f->op, sub, &v, &e), 0);
	assert_int_equal(v.sub.nlines_loaded, pos);
	assert_string_equal(v.sub.lines[0].referred_before, "2023-07-01");
	assert_true(v.sub.lines[pos - 1].computed);
	/* A line that is not there. */
	l.pos = pos + 1;
	assert_int_equal(round_line_put(&f->op, sub, ver, &l, NULL, &ver, &e),
	    ERR_NOT_FOUND);
	assert_int_equal(round_line_delete(&f->op, sub, ver, pos + 1, &ver,
	    &e), ERR_NOT_FOUND);
	/* A refused line changes nothing. */
	l.pos = pos;
	l.occupancy_bp = -1;
	assert_int_equal(round_line_put(&f->op, sub, ver, &l, NULL, &ver, &e),
	    ERR_INVALID);
	assert_int_equal(round_line_delete(&f->op, sub, ver, pos, &ver, &e),
	    0);
	assert_int_equal(round_submission_get(&f->op, sub, &v, &e), 0);
	assert_int_equal(v.sub.version, ver);
	assert_null(v.sub.lines[0].referred_before);
	assert_int_equal(round_submission_history(&f->s, sub, &h, &nh, &e), 0);
	assert_int_equal(nh, 3);		/* put, put, delete */
	/* The same rows as typed records, with Danish labels. */
	assert_int_equal(history_submission(&f->op, sub, &x, &nx, &e), 0);
	assert_int_equal(nx, 3);
	assert_string_equal(x[0].action, "update");
	assert_string_equal(x[0].action_label, "Gemt");
	assert_string_equal(x[0].at_iso, "2023-11-14T22:13:20Z");
	assert_int_equal((long long)x[0].at, NOW);
	assert_int_equal(x[0].nchanges, 1);	/* "version" left out */
	assert_string_equal(x[0].changes[0].field, "lines");
	assert_string_equal(x[0].changes[0].label, "Ydelseslinjer");
	assert_non_null(strstr(x[0].changes[0].before, "2023-07-01"));
	assert_null(strstr(x[0].changes[0].after, "2023-07-01"));
}

/* Audit rows as typed records: changed fields, labels, absent values. */
static void
test_history_from_audit(void **state)
{
	struct audit_entry	 v[2];
	struct history_entry	*x;
	struct arena		 a;
	size_t			 n;

	(void)state;
	arena_init(&a);
	memset(v, 0, sizeof(v));
	v[0].at = "2014-03-06T09:30:00Z";
	v[0].username = "sekretariat";
	v[0].action = "minutes";
	v[0].before_json = "{\"minutes\":\"Udkast\",\"version\":1,"
	    "\"title\":\"Evt.\",\"gone\":true}";
	v[0].after_json = "{\"minutes\":\"Godkendt\",\"version\":2,"
	    "\"title\":\"Evt.\",\"new\":[1,2]}";
	v[1].at = "not a time";
	v[1].username = "aalborg";
	v[1].action = "create";
	v[1].after_json = "not json";
	assert_int_equal(history_from_audit(&a, v, 2, &x, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal((long long)x[0].at, 1394098200LL);
	assert_string_equal(x[0].who, "sekretariat");
	assert_string_equal(x[0].action_label, "Referat ændret");
	assert_int_equal(x[0].nchanges, 3);
	assert_string_equal(x[0].changes[0].field, "minutes");
	assert_string_equal(x[0].changes[0].label, "Referat");
	assert_string_equal(x[0].changes[0].before, "Udkast");
	assert_string_equal(x[0].changes[0].after, "Godkendt");
	assert_string_equal(x[0].changes[1].field, "new");
	assert_string_equal(x[0].changes[1].label, "new");
	assert_null(x[0].changes[1].before);
	assert_string_equal(x[0].changes[1].after, "[1,2]");
	assert_string_equal(x[0].changes[2].field, "gone");
	assert_string_equal(x[0].changes[2].before, "true");
	assert_null(x[0].changes[2].after);
	assert_int_equal((long long)x[1].at, 0);
	assert_string_equal(x[1].action_label, "Oprettet");
	assert_int_equal(x[1].nchanges, 0);
	arena_cleanup(&a);
}


/* TV-1 accounts of 2023, TV-2 tariff in 2023, pre-fill of 2025. */
static void
test_tv1_tv2_through_services(void **state)
{
	struct fixture		*f = *state;
	struct tariff_round	 r = round_of(2023, 1, "2023-01-01",
	    "2023-12-31");
	struct accounts_input	 ai;
	struct accounts_row	 row;
	struct accounts_ledger	 led;
	struct submission_view	 v;
	struct service_line	 l = tv2_line();
	struct published_tariff	*pt;
	struct tariff_filter	 flt;
	struct err		 e;
	int64_t			 rid, rid25, sub, n, ver;
	size_t			 np;

	assert_int_equal(round_create(&f->s, &r, &rid, &n, &e), 0);
	assert_int_equal(n, 3);		/* every offer with an operator */
	sub = sub_of(f, rid, f->offer);
	assert_true(sub > 0);
	assert_int_equal(round_submission_save(&f->op, sub, 1, &l, 1, &ver,
	    &e), 0);
	assert_int_equal(ver, 2);
	assert_int_equal(round_submission_get(&f->op, sub, &v, &e), 0);
	assert_int_equal(v.sub.nlines_loaded, 1);
	assert_int_equal(v.sub.lines[0].tariff_ore, 228300);
	assert_true(v.may_submit);
	assert_false(v.may_review);
	assert_int_equal(round_submission_act(&f->op, sub, ver,
	    SUBMISSION_SUBMIT, NULL, &ver, &e), 0);
	assert_int_equal(round_submission_act(&f->s, sub, ver,
	    SUBMISSION_APPROVE, NULL, &ver, &e), 0);
	/* The other two offers were never submitted: publish anyway. */
	assert_int_equal(round_publish(&f->s, rid, round_version(f, rid), &n,
	    &e), 0);
	assert_int_equal(n, 1);

	/* TV-1: the accounts of 2023. */
	memset(&ai, 0, sizeof(ai));
	ai.offer_id = f->offer;
	ai.year = 2023;
	ai.tariff_base_ore = 800000000;
	ai.revenue_ore = 841800000;
	ai.costs_ore = 764800000;
	ai.occupied_days = -1;
	ai.available_days = -1;
	assert_int_equal(accounts_report(&f->op, &ai, &row, &e), 0);
	assert_int_equal(row.result_ore, 77000000);
	assert_int_equal(row.setaside_ore, 40000000);
	assert_int_equal(row.to_tariff_ore, -37000000);
	assert_int_equal(row.tariff_year, 2025);
	assert_int_equal(row.setaside_expires_year, 2028);
	assert_int_equal(accounts_ledger(&f->op, NULL, 2023, &led, &e), 0);
	assert_int_equal(led.sum.balance_ore, 40000000);
	assert_int_equal(led.nlots, 1);
	/* Another operator cannot report for it, nor read the ledger. */
	assert_int_equal(accounts_report(&f->other, &ai, &row, &e),
	    ERR_FORBIDDEN);
	assert_int_equal(accounts_ledger(&f->other, "851", 2023, &led, &e),
	    ERR_FORBIDDEN);

	/* The 2025 round: pre-filled from 2023's line and the carry-over. */
	r = round_of(2025, 1, "2023-01-01", "2023-12-31");
	assert_int_equal(round_create(&f->s, &r, &rid25, &n, &e), 0);
	sub = sub_of(f, rid25, f->offer);
	assert_int_equal(round_submission_get(&f->op, sub, &v, &e), 0);
	assert_int_equal(v.sub.prefilled_from > 0, 1);
	assert_int_equal(v.sub.nlines_loaded, 1);
	assert_int_equal(v.sub.lines[0].carry_over_ore, -37000000);
	assert_int_equal(v.sub.lines[0].tariff_ore, 217800);
	assert_int_equal(v.sub.lines[0].costs.wages_ore, 650000000);
	assert_int_equal(v.sub.lines[0].nwarnings, 0);
	assert_true(v.has_carry);
	assert_int_equal(v.expected_carry_ore, -37000000);
	assert_int_equal(v.hist_years[0], 2023);
	assert_int_equal(v.hist_years[1], 2022);

	/* Moving the carry-over away asks for a reason. */
	l = v.sub.lines[0];
	l.carry_over_ore = 0;
	assert_int_equal(round_submission_save(&f->op, sub, v.sub.version, &l,
	    1, &ver, &e), 0);
	assert_int_equal(round_submission_get(&f->op, sub, &v, &e), 0);
	assert_int_equal(v.sub.lines[0].nwarnings, 1);
	assert_string_equal(round_warning_code(v.sub.lines[0].warnings[0].kind),
	    "carry_over_differs");
	assert_int_equal(v.reasons_missing, 1);

	/* The 2023 tariff is public. */
	memset(&flt, 0, sizeof(flt));
	flt.year = 2023;
	assert_int_equal(round_tariffs(&f->reader, &flt, &pt, &np, NULL, &e),
	    0);
	assert_int_equal(np, 1);
	assert_int_equal(pt[0].tariff_ore, 228300);
	assert_string_equal(pt[0].valid_from, "2023-01-01");
	assert_string_equal(pt[0].valid_to, "2023-12-31");
	assert_int_equal(pt[0].occupancy_bp, 9600);
	assert_string_equal(pt[0].operator_code, "851");
}

/* TV-3 through the services: occupancy history from the accounts. */
static void
test_occupancy_prefill(void **state)
{
	struct fixture		*f = *state;
	struct tariff_round	 r = round_of(2024, 1, "2023-01-01",
	    "2023-12-31");
	struct accounts_input	 ai;
	struct accounts_row	 row;
	struct submission_view	 v;
	struct service_line	 l = tv2_line();
	struct err		 e;
	int64_t			 rid, sub, n, ver;

	/* A line in 2024 to pre-fill from. */
	assert_int_equal(round_create(&f->s, &r, &rid, &n, &e), 0);
	sub = sub_of(f, rid, f->offer);
	assert_int_equal(round_submission_save(&f->op, sub, 1, &l, 1, &ver,
	    &e), 0);
	/* Actual occupancy 2022 and 2023 (TV-3: 3,431 and 3,541 of 3,650). */
	memset(&ai, 0, sizeof(ai));
	ai.offer_id = f->offer;
	ai.tariff_base_ore = 800000000;
	ai.revenue_ore = 800000000;
	ai.costs_ore = 800000000;
	ai.year = 2023;
	ai.occupied_days = 3431;
	ai.available_days = 3650;
	assert_int_equal(accounts_report(&f->op, &ai, &row, &e), 0);
	assert_int_equal(row.result_ore, 0);
	ai.year = 2022;
	ai.occupied_days = 3541;
	assert_int_equal(accounts_report(&f->s, &ai, &row, &e), 0);
	/* Occupied without available is refused. */
	ai.available_days = -1;
	assert_int_equal(accounts_report(&f->s, &ai, &row, &e), ERR_INVALID);

	r = round_of(2025, 1, "2023-01-01", "2023-12-31");
	assert_int_equal(round_create(&f->s, &r, &rid, &n, &e), 0);
	sub = sub_of(f, rid, f->offer);
	assert_int_equal(round_submission_get(&f->op, sub, &v, &e), 0);
	assert_int_equal(v.sub.nlines_loaded, 1);
	assert_int_equal(v.sub.lines[0].hist_bp[0], 9400);
	assert_int_equal(v.sub.lines[0].hist_bp[1], 9701);
	assert_int_equal(v.sub.lines[0].occupancy_bp, 9551);
	assert_int_equal(v.sub.lines[0].nwarnings, 0);
}

/*
 * The pre-filled occupancy is the exact mean of the accounts' place-days,
 * rounded once: 3,541/3,660 (96,748… %) and 3,431/3,650 (94 %) give
 * 95,37 %, not the 95,38 % of the rounded 96,75 % and 94,00 %; saved
 * unchanged it asks for no reason, and the core gives the same figure.
 */
static void
test_occupancy_prefill_exact(void **state)
{
	struct fixture		*f = *state;
	struct tariff_round	 r = round_of(2024, 1, "2023-01-01",
	    "2023-12-31");
	struct accounts_input	 ai;
	struct accounts_row	 row;
	struct submission_view	 v;
	struct service_line	 l = tv2_line();
	struct agreement_params	 p;
	struct round_line_ctx	 ctx;
	struct err		 e;
	int64_t			 rid, sub, n, ver, bp;

	assert_int_equal(round_create(&f->s, &r, &rid, &n, &e), 0);
	sub = sub_of(f, rid, f->offer);
	assert_int_equal(round_submission_save(&f->op, sub, 1, &l, 1, &ver,
	    &e), 0);
	memset(&ai, 0, sizeof(ai));
	ai.offer_id = f->offer;
	ai.tariff_base_ore = ai.revenue_ore = ai.costs_ore = 800000000;
	ai.year = 2022;
	ai.occupied_days = 3541;
	ai.available_days = 3660;
	assert_int_equal(accounts_report(&f->s, &ai, &row, &e), 0);
	ai.year = 2023;
	ai.occupied_days = 3431;
	ai.available_days = 3650;
	assert_int_equal(accounts_report(&f->s, &ai, &row, &e), 0);

	r = round_of(2025, 1, "2023-01-01", "2023-12-31");
	assert_int_equal(round_create(&f->s, &r, &rid, &n, &e), 0);
	sub = sub_of(f, rid, f->offer);
	assert_int_equal(round_submission_get(&f->op, sub, &v, &e), 0);
	assert_int_equal(v.sub.lines[0].hist_bp[0], 9400);
	assert_int_equal(v.sub.lines[0].hist_bp[1], 9675);
	assert_int_equal(v.sub.lines[0].occupancy_bp, 9537);
	assert_int_equal(v.sub.lines[0].nwarnings, 0);
	/* Saved as it is: still no reason asked for. */
	l = v.sub.lines[0];
	assert_int_equal(round_submission_save(&f->op, sub, v.sub.version, &l,
	    1, &ver, &e), 0);
	assert_int_equal(round_submission_get(&f->op, sub, &v, &e), 0);
	assert_int_equal(v.sub.lines[0].nwarnings, 0);
	assert_int_equal(v.reasons_missing, 0);

	/* The core: days that round to the line's figures are used; a
	 * history typed over them falls back to the line's percentages. */
	assert_int_equal(params_defaults(2025, &p, &e), 0);
	memset(&ctx, 0, sizeof(ctx));
	ctx.year = 2025;
	ctx.hist_days[0] = (struct occupancy_year){ 3431, 3650 };
	ctx.hist_days[1] = (struct occupancy_year){ 3541, 3660 };
	l.hist_bp[0] = 9400;
	l.hist_bp[1] = 9675;
	assert_int_equal(round_line_history_bp(&p, &ctx, &l, &bp), 0);
	assert_int_equal(bp, 9537);
	l.hist_bp[1] = 9676;
	assert_int_equal(round_line_history_bp(&p, &ctx, &l, &bp), 0);
	assert_int_equal(bp, 9538);
	l.hist_bp[1] = -1;
	assert_int_equal(round_line_history_bp(&p, &ctx, &l, &bp), -1);
	assert_int_equal(round_days_bp(3541, 3660), 9675);
	assert_int_equal(round_days_bp(1, 0), -1);
}

/*
 * A secure institution through the services: saved at the year's
 * assumed occupancy it asks for no reason; the next round pre-fills the
 * assumed occupancy of its year, not the history of the accounts.
 */
static void
test_secure_prefill(void **state)
{
	struct fixture		*f = *state;
	struct tariff_round	 r = round_of(2015, 1, "2014-01-01",
	    "2014-12-31");
	struct accounts_input	 ai;
	struct accounts_row	 row;
	struct submission_view	 v;
	struct service_line	 l = tv2_line();
	struct err		 e;
	int64_t			 secure, rid, sub, n, ver;

	secure = new_offer(f, "Kompasset", "1081", OFFER_SECURE_INSTITUTION);
	assert_true(secure > 0);
	assert_int_equal(round_create(&f->s, &r, &rid, &n, &e), 0);
	sub = sub_of(f, rid, secure);
	l.occupancy_bp = 9000;
	assert_int_equal(round_submission_save(&f->other, sub, 1, &l, 1, &ver,
	    &e), 0);
	assert_int_equal(round_submission_get(&f->other, sub, &v, &e), 0);
	assert_int_equal(v.sub.lines[0].nwarnings, 0);
	/* 85 % in 2015 asks for a reason. */
	l.occupancy_bp = 8500;
	assert_int_equal(round_submission_save(&f->other, sub, ver, &l, 1,
	    &ver, &e), 0);
	assert_int_equal(round_submission_get(&f->other, sub, &v, &e), 0);
	assert_int_equal(v.sub.lines[0].nwarnings, 1);
	assert_string_equal(round_warning_code(v.sub.lines[0].warnings[0].kind),
	    "occupancy_not_assumed");

	/* Accounts of 70 % in 2013 and 2014 do not move the next year. */
	memset(&ai, 0, sizeof(ai));
	ai.offer_id = secure;
	ai.tariff_base_ore = ai.revenue_ore = ai.costs_ore = 800000000;
	ai.available_days = 3650;
	ai.occupied_days = 2555;
	ai.year = 2014;
	assert_int_equal(accounts_report(&f->other, &ai, &row, &e), 0);
	ai.year = 2013;
	assert_int_equal(accounts_report(&f->other, &ai, &row, &e), 0);
	r = round_of(2016, 1, "2014-01-01", "2014-12-31");
	assert_int_equal(round_create(&f->s, &r, &rid, &n, &e), 0);
	sub = sub_of(f, rid, secure);
	assert_int_equal(round_submission_get(&f->other, sub, &v, &e), 0);
	assert_int_equal(v.sub.nlines_loaded, 1);
	assert_int_equal(v.sub.lines[0].occupancy_bp, 9000);
	assert_int_equal(v.sub.lines[0].nwarnings, 0);
}

static void
test_deadline_reopen_roles(void **state)
{
	struct fixture		*f = *state;
	struct tariff_round	 r = round_of(2024, 2, "2023-06-01",
	    "2023-09-01");
	struct submission_view	 v;
	struct submission	*list;
	struct service_line	 l = tv2_line();
	struct tariff_round	 got;
	struct round_progress	 pr;
	struct err		 e;
	int64_t			 rid, sub, n, ver;
	size_t			 nl;

	assert_int_equal(round_create(&f->op, &r, &rid, &n, &e),
	    ERR_FORBIDDEN);
	assert_int_equal(round_create(&f->s, &r, &rid, &n, &e), 0);
	assert_int_equal(round_create(&f->s, &r, &rid, &n, &e), ERR_CONFLICT);
	sub = sub_of(f, rid, f->offer);

	/* Another operator sees neither the submission nor its list entry. */
	assert_int_equal(round_submission_get(&f->other, sub, &v, &e),
	    ERR_FORBIDDEN);
	assert_int_equal(round_submission_save(&f->other, sub, 1, &l, 1, &ver,
	    &e), ERR_FORBIDDEN);
	assert_int_equal(round_submissions(&f->other, rid, &list, &nl, &e), 0);
	assert_int_equal(nl, 1);
	assert_int_equal(list[0].offer_id, f->region);
	assert_int_equal(round_submission_get(&f->reader, sub, &v, &e),
	    ERR_FORBIDDEN);
	assert_int_equal(round_get(&f->op, rid, &got, &pr, &e), 0);
	assert_int_equal(pr.operators, 1);
	assert_int_equal(pr.submissions, 2);

	/* The deadline (1 September) has passed: save yes, submit no. */
	assert_int_equal(round_submission_save(&f->op, sub, 1, &l, 1, &ver,
	    &e), 0);
	assert_int_equal(round_submission_save(&f->op, sub, 1, &l, 1, &ver,
	    &e), ERR_PRECONDITION);
	assert_int_equal(round_submission_act(&f->op, sub, ver,
	    SUBMISSION_SUBMIT, NULL, &ver, &e), ERR_CONFLICT);
	assert_string_equal(e.key, "deadline_passed");
	/* Reopened until a date before today is refused; later works. */
	assert_int_equal(round_reopen(&f->s, rid, round_version(f, rid),
	    "2023-11-01", &e), ERR_INVALID);
	assert_int_equal(round_reopen(&f->op, rid, round_version(f, rid),
	    "2023-12-01", &e), ERR_FORBIDDEN);
	assert_int_equal(round_reopen(&f->s, rid, round_version(f, rid),
	    "2023-12-01", &e), 0);
	assert_int_equal(round_submission_act(&f->op, sub, ver,
	    SUBMISSION_SUBMIT, NULL, &ver, &e), 0);
	/* Submitted: no more edits, and an operator cannot approve. */
	assert_int_equal(round_submission_save(&f->op, sub, ver, &l, 1, &ver,
	    &e), ERR_CONFLICT);
	assert_string_equal(e.key, "submission_submitted");
	assert_int_equal(round_submission_act(&f->op, sub, ver,
	    SUBMISSION_APPROVE, NULL, &ver, &e), ERR_FORBIDDEN);
	assert_int_equal(round_get(&f->s, rid, &got, &pr, &e), 0);
	assert_int_equal(pr.operators, 2);
	assert_int_equal(pr.operators_done, 0);	/* the respite offer is not */
	assert_int_equal(pr.by_status[SUBMISSION_SUBMITTED], 1);
	/* Publishing waits for the review. */
	assert_int_equal(round_publish(&f->s, rid, round_version(f, rid), &n,
	    &e), ERR_CONFLICT);
	assert_string_equal(e.key, "pending_review");
	/* Return needs a comment; then the operator may edit and resend. */
	assert_int_equal(round_submission_act(&f->s, sub, ver,
	    SUBMISSION_RETURN, "", &ver, &e), ERR_INVALID);
	assert_int_equal(round_submission_act(&f->s, sub, ver,
	    SUBMISSION_RETURN, "Belægningen skal begrundes", &ver, &e), 0);
	assert_int_equal(round_submission_get(&f->op, sub, &v, &e), 0);
	assert_int_equal(v.sub.status, SUBMISSION_RETURNED);
	assert_string_equal(v.sub.comment, "Belægningen skal begrundes");
	assert_string_equal(v.sub.reviewed_by, "system");
	assert_true(v.may_edit);
	assert_int_equal(round_submission_save(&f->op, sub, ver, &l, 1, &ver,
	    &e), 0);
	assert_int_equal(round_submission_get(&f->op, sub, &v, &e), 0);
	assert_string_equal(v.sub.reviewed_by, "system");
	assert_int_equal(round_submission_act(&f->op, sub, ver,
	    SUBMISSION_SUBMIT, NULL, &ver, &e), 0);
	assert_int_equal(round_submission_act(&f->s, sub, ver,
	    SUBMISSION_APPROVE, NULL, &ver, &e), 0);
	/* Approved: nobody edits. */
	assert_int_equal(round_submission_save(&f->op, sub, ver, &l, 1, &ver,
	    &e), ERR_CONFLICT);
	assert_string_equal(e.key, "submission_approved");
	assert_int_equal(round_submission_save(&f->s, sub, ver, &l, 1, &ver,
	    &e), ERR_CONFLICT);
	/* Closing stops edits of the others. */
	assert_int_equal(round_close(&f->s, rid, round_version(f, rid), &e), 0);
	assert_int_equal(round_submission_save(&f->op, sub_of(f, rid,
	    f->respite), 1, &l, 1, &ver, &e), ERR_CONFLICT);
	assert_string_equal(e.key, "round_closed");
	/* Returned after closing: changed and submitted again. */
	assert_int_equal(round_submission_act(&f->s, sub, ver,
	    SUBMISSION_RETURN, "Lønnen mangler", &ver, &e), 0);
	assert_int_equal(round_submission_get(&f->op, sub, &v, &e), 0);
	assert_true(v.may_edit);
	assert_true(v.may_submit);
	assert_int_equal(round_submission_save(&f->op, sub, ver, &l, 1, &ver,
	    &e), 0);
	assert_int_equal(round_submission_act(&f->op, sub, ver,
	    SUBMISSION_SUBMIT, NULL, &ver, &e), 0);
	assert_int_equal(round_submission_act(&f->s, sub, ver,
	    SUBMISSION_APPROVE, NULL, &ver, &e), 0);
	/* Reopening: a closed round, not one that takes submissions. */
	assert_int_equal(round_reopen(&f->s, rid, round_version(f, rid),
	    "2023-12-05", &e), 0);
	assert_int_equal(round_reopen(&f->s, rid, round_version(f, rid),
	    "2023-12-09", &e), ERR_CONFLICT);
	assert_string_equal(e.key, "round_open");
}

static void
test_reasons(void **state)
{
	struct fixture		*f = *state;
	struct tariff_round	 r = round_of(2024, 1, "2023-01-01",
	    "2023-12-31");
	struct submission_view	 v;
	struct service_line	 l = tv2_line();
	struct audit_entry	*h;
	struct err		 e;
	int64_t			 rid, sub, n, ver;
	int			 nh;

	assert_int_equal(round_create(&f->s, &r, &rid, &n, &e), 0);
	sub = sub_of(f, rid, f->offer);
	/* No lines: nothing to submit. */
	assert_int_equal(round_submission_act(&f->op, sub, 1,
	    SUBMISSION_SUBMIT, NULL, &ver, &e), ERR_INVALID);
	assert_string_equal(e.key, "no_lines");
	l.occupancy_bp = 9000;		/* outside 95–100 % */
	assert_int_equal(round_submission_save(&f->op, sub, 1, &l, 1, &ver,
	    &e), 0);
	assert_int_equal(round_submission_act(&f->op, sub, ver,
	    SUBMISSION_SUBMIT, NULL, &ver, &e), ERR_INVALID);
	assert_string_equal(e.key, "missing_reason");
	assert_string_equal(e.field, "lines[0].reason");
	assert_non_null(strstr(e.msg, "DAS"));
	l.reason = "Godkendt i DAS 25. august 2023, punkt 4";
	assert_int_equal(round_submission_save(&f->op, sub, ver, &l, 1, &ver,
	    &e), 0);
	assert_int_equal(round_submission_get(&f->op, sub, &v, &e), 0);
	assert_int_equal(v.reasons_missing, 0);
	assert_string_equal(v.sub.lines[0].reason, l.reason);
	assert_int_equal(round_submission_act(&f->op, sub, ver,
	    SUBMISSION_SUBMIT, NULL, &ver, &e), 0);
	/* Audited: two updates and the submit, with before and after. */
	assert_int_equal(round_submission_history(&f->op, sub, &h, &nh, &e), 0);
	assert_int_equal(nh, 3);
	assert_string_equal(h[0].action, "submit");
	assert_string_equal(h[0].username, "op851");
	assert_non_null(strstr(h[0].before_json, "\"status\":\"draft\""));
	assert_non_null(strstr(h[0].after_json, "\"status\":\"submitted\""));
	assert_string_equal(h[1].action, "update");
	assert_non_null(strstr(h[1].after_json, "Godkendt i DAS"));
	assert_non_null(strstr(h[2].after_json, "occupancy_outside_band"));

	/* Submitted: even the secretariat cannot change the lines. */
	l = tv2_line();
	assert_int_equal(round_submission_save(&f->s, sub, ver, &l, 1, &ver,
	    &e), ERR_CONFLICT);
}

static void
test_publish_versions_and_change(void **state)
{
	struct fixture		*f = *state;
	struct tariff_round	 r = round_of(2023, 1, "2023-01-01",
	    "2023-12-31");
	struct submission_view	 v;
	struct service_line	 l[2];
	struct published_tariff	*pt, one, *vers;
	struct tariff_filter	 flt;
	struct audit_entry	*h;
	struct err		 e;
	int64_t			 rid, rid2, sub, n, ver, nid;
	size_t			 np, nv;
	int			 nh;

	assert_int_equal(round_create(&f->s, &r, &rid, &n, &e), 0);
	sub = sub_of(f, rid, f->offer);
	l[0] = tv2_line();
	l[1] = tv2_line();
	l[1].level = "høj";
	l[1].costs.wages_ore = 900000000;
	assert_int_equal(round_submission_save(&f->op, sub, 1, l, 2, &ver, &e),
	    0);
	assert_int_equal(round_submission_act(&f->op, sub, ver,
	    SUBMISSION_SUBMIT, NULL, &ver, &e), 0);
	assert_int_equal(round_submission_act(&f->s, sub, ver,
	    SUBMISSION_APPROVE, NULL, &ver, &e), 0);
	assert_int_equal(round_publish(&f->op, rid, round_version(f, rid), &n,
	    &e), ERR_FORBIDDEN);
	assert_int_equal(round_publish(&f->s, rid, round_version(f, rid), &n,
	    &e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(round_publish(&f->s, rid, round_version(f, rid), &n,
	    &e), ERR_CONFLICT);
	/* Published: frozen. */
	assert_int_equal(round_submission_act(&f->s, sub, ver,
	    SUBMISSION_RETURN, "x", &ver, &e), ERR_CONFLICT);
	assert_string_equal(e.key, "round_published");

	/* Round 2 of the same year: pre-filled from round 1, new costs. */
	r = round_of(2023, 2, "2023-01-01", "2023-12-31");
	assert_int_equal(round_create(&f->s, &r, &rid2, &n, &e), 0);
	sub = sub_of(f, rid2, f->offer);
	assert_int_equal(round_submission_get(&f->op, sub, &v, &e), 0);
	assert_int_equal(v.sub.nlines_loaded, 2);
	assert_string_equal(v.sub.lines[1].level, "høj");
	l[0] = v.sub.lines[0];
	l[0].costs.wages_ore = 660000000;
	assert_int_equal(round_submission_save(&f->op, sub, v.sub.version, l, 1,
	    &ver, &e), 0);
	assert_int_equal(round_submission_act(&f->op, sub, ver,
	    SUBMISSION_SUBMIT, NULL, &ver, &e), 0);
	assert_int_equal(round_submission_act(&f->s, sub, ver,
	    SUBMISSION_APPROVE, NULL, &ver, &e), 0);
	assert_int_equal(round_publish(&f->s, rid2, round_version(f, rid2), &n,
	    &e), 0);
	assert_int_equal(n, 1);

	/* The overview shows round 2's tariff; round 1's stay as versions. */
	memset(&flt, 0, sizeof(flt));
	flt.year = 2023;
	assert_int_equal(round_tariffs(&f->reader, &flt, &pt, &np, NULL, &e),
	    0);
	assert_int_equal(np, 1);
	assert_int_equal(pt[0].version, 2);
	assert_int_equal(pt[0].round_no, 2);
	flt.all_versions = true;
	assert_int_equal(round_tariffs(&f->reader, &flt, &pt, &np, NULL, &e),
	    0);
	assert_int_equal(np, 3);

	/* A change in the year: needs a reason, gets its own validity. */
	memset(&flt, 0, sizeof(flt));
	flt.year = 2023;
	assert_int_equal(round_tariffs(&f->reader, &flt, &pt, &np, NULL, &e),
	    0);
	assert_int_equal(round_tariff_change(&f->op, pt[0].id, 240000,
	    "2023-07-01", NULL, "Ny normering", &nid, &e), ERR_INVALID);
	assert_string_equal(e.key, "missing_cause");
	assert_int_equal(round_tariff_change(&f->op, pt[0].id, 240000,
	    "2023-07-01", "ombygget", "", &nid, &e), ERR_INVALID);
	assert_string_equal(e.key, "invalid_cause");
	assert_int_equal(round_tariff_change(&f->op, pt[0].id, 240000,
	    "2023-07-01", "andet", "", &nid, &e), ERR_INVALID);
	assert_string_equal(e.key, "missing_reason");
	assert_int_equal(round_tariff_change(&f->other, pt[0].id, 240000,
	    "2023-07-01", "normering", "Ny normering", &nid, &e),
	    ERR_FORBIDDEN);
	assert_int_equal(round_tariff_change(&f->reader, pt[0].id, 240000,
	    "2023-07-01", "normering", "Ny normering", &nid, &e),
	    ERR_FORBIDDEN);
	assert_int_equal(round_tariff_change(&f->op, pt[0].id, 240000,
	    "2024-01-01", "normering", "Ny normering", &nid, &e),
	    ERR_INVALID);
	assert_int_equal(round_tariff_change(&f->op, pt[0].id, 240000,
	    "2023-03-01", "pladser", "Varig ændring af pladstallet (7.2.4)",
	    &nid, &e), 0);
	/* The audit record holds the cause of the new version. */
	assert_int_equal(audit_list(f->t.db, &f->a, "published_tariff",
	    arena_printf(&f->a, "%lld", (long long)pt[0].id), 10, &h, &nh,
	    &e), 0);
	assert_int_equal(nh, 1);
	assert_string_equal(h[0].action, "change");
	assert_non_null(strstr(h[0].after_json, "\"cause\":\"pladser\""));
	/* The changed version cannot be changed again; the new one can. */
	assert_int_equal(round_tariff_change(&f->op, pt[0].id, 250000,
	    "2023-02-01", "fejl", "Igen", &nid, &e), ERR_CONFLICT);
	assert_string_equal(e.key, "not_latest_version");
	assert_int_equal(round_tariff_get(&f->reader, nid, &one, &vers, &nv,
	    &e), 0);
	assert_int_equal(one.version, 3);
	assert_int_equal(one.tariff_ore, 240000);
	assert_string_equal(one.valid_from, "2023-03-01");
	assert_string_equal(one.valid_to, "2023-12-31");
	assert_string_equal(one.reason, "Varig ændring af pladstallet (7.2.4)");
	assert_string_equal(one.cause, "pladser");
	assert_int_equal(nv, 3);
	assert_string_equal(vers[1].valid_to, "2023-02-28");
	assert_non_null(vers[0].superseded_at);
	/* The overview now shows both periods of the year. */
	assert_int_equal(round_tariffs(&f->reader, &flt, &pt, &np, NULL, &e),
	    0);
	assert_int_equal(np, 2);
	assert_string_equal(pt[0].valid_to, "2023-02-28");
	assert_string_equal(pt[1].valid_from, "2023-03-01");

	/* Real increase next year over the latest 2023 tariff. */
	r = round_of(2024, 1, "2023-01-01", "2023-12-31");
	assert_int_equal(round_create(&f->s, &r, &rid, &n, &e), 0);
	sub = sub_of(f, rid, f->offer);
	assert_int_equal(round_submission_get(&f->op, sub, &v, &e), 0);
	assert_int_equal(v.sub.nlines_loaded, 1);
	l[0] = v.sub.lines[0];
	l[0].costs.wages_ore = 1000000000;
	assert_int_equal(round_submission_save(&f->op, sub, v.sub.version, l, 1,
	    &ver, &e), 0);
	assert_int_equal(round_submission_get(&f->op, sub, &v, &e), 0);
	assert_int_equal(v.sub.lines[0].nwarnings, 1);
	assert_string_equal(round_warning_code(v.sub.lines[0].warnings[0].kind),
	    "real_increase");
}

static void
test_import_all_or_nothing(void **state)
{
	struct fixture			*f = *state;
	struct tariff_round		 r = round_of(2024, 1, "2023-01-01",
	    "2023-12-31");
	struct round_import_row		 rows[4];
	struct round_import_report	 rep;
	struct submission_view		 v;
	struct err			 e;
	int64_t				 rid, n;
	int				 i;

	assert_int_equal(round_create(&f->s, &r, &rid, &n, &e), 0);
	for (i = 0; i < 4; i++) {
		rows[i].offer_id = i < 2 ? f->offer : f->region;
		rows[i].row = i + 2;
		rows[i].line = tv2_line();
	}
	rows[1].line.level = "høj";
	rows[3].line.level = "høj";
	rows[3].line.costs.other_ore = -5;
	/* An operator may not import another operator's offer. */
	assert_int_equal(round_import_lines(&f->op, rid, rows, 4, 0, &rep, &e),
	    ERR_INVALID);
	assert_int_equal(rep.nerrors, 1);
	assert_string_equal(rep.errors[0].key, "forbidden");
	assert_int_equal(rep.errors[0].line, 4);
	/* The admin gets the negative cost, with row and field. */
	assert_int_equal(round_import_lines(&f->s, rid, rows, 4, 0, &rep, &e),
	    ERR_INVALID);
	assert_int_equal(rep.nerrors, 1);
	assert_int_equal(rep.errors[0].line, 5);
	assert_string_equal(rep.errors[0].field, "costs_ore.other");
	/* Nothing changed. */
	assert_int_equal(round_submission_get(&f->s, sub_of(f, rid, f->offer),
	    &v, &e), 0);
	assert_int_equal(v.sub.nlines_loaded, 0);
	assert_int_equal(v.sub.version, 1);
	/* Approving needs the admin. */
	rows[3].line.costs.other_ore = 5;
	assert_int_equal(round_import_lines(&f->op, rid, rows, 2,
	    ROUND_IMPORT_APPROVE, &rep, &e), ERR_FORBIDDEN);
	assert_int_equal(round_import_lines(&f->s, rid, rows, 4,
	    ROUND_IMPORT_APPROVE, &rep, &e), 0);
	assert_int_equal(rep.submissions, 2);
	assert_int_equal(rep.lines, 4);
	assert_int_equal(rep.approved, 2);
	assert_int_equal(round_submission_get(&f->s, sub_of(f, rid, f->region),
	    &v, &e), 0);
	assert_int_equal(v.sub.status, SUBMISSION_APPROVED);
	assert_int_equal(v.sub.nlines_loaded, 2);
	assert_int_equal(round_publish(&f->s, rid, round_version(f, rid), &n,
	    &e), 0);
	assert_int_equal(n, 4);
}

static void
test_ledger(void **state)
{
	struct fixture		*f = *state;
	struct accounts_input	 ai;
	struct accounts_row	 row, *rows;
	struct accounts_ledger	 led;
	struct err		 e;
	size_t			 n;

	memset(&ai, 0, sizeof(ai));
	ai.offer_id = f->offer;
	ai.occupied_days = -1;
	ai.available_days = -1;
	/* 2022: a surplus of 300,000 on a base of 4,000,000: 200,000 kept. */
	ai.year = 2022;
	ai.tariff_base_ore = 400000000;
	ai.revenue_ore = 430000000;
	ai.costs_ore = 400000000;
	assert_int_equal(accounts_report(&f->op, &ai, &row, &e), 0);
	assert_int_equal(row.setaside_ore, 20000000);
	assert_int_equal(row.to_tariff_ore, -10000000);
	/* 2023: a deficit of 500,000, 250,000 covered: more than there is. */
	ai.year = 2023;
	ai.revenue_ore = 350000000;
	ai.deficit_covered_ore = 25000000;
	assert_int_equal(accounts_report(&f->op, &ai, &row, &e), ERR_INVALID);
	assert_string_equal(e.field, "deficit_covered_ore");
	ai.deficit_covered_ore = 15000000;
	assert_int_equal(accounts_report(&f->op, &ai, &row, &e), 0);
	assert_int_equal(row.to_tariff_ore, 35000000);
	assert_int_equal(accounts_ledger(&f->s, "851", 2023, &led, &e), 0);
	assert_int_equal(led.sum.balance_ore, 5000000);
	assert_int_equal(led.sum.used_ore, 15000000);
	/* Reported again: replaced, version 2, the ledger follows. */
	ai.deficit_covered_ore = 0;
	assert_int_equal(accounts_report(&f->op, &ai, &row, &e), 0);
	assert_int_equal(row.version, 2);
	assert_int_equal(accounts_ledger(&f->op, NULL, 2023, &led, &e), 0);
	assert_int_equal(led.sum.balance_ore, 20000000);
	/* Expiry after five years. */
	assert_int_equal(accounts_ledger(&f->op, NULL, 2028, &led, &e), 0);
	assert_int_equal(led.sum.expired_ore, 20000000);
	assert_int_equal(led.sum.balance_ore, 0);
	assert_int_equal(accounts_list(&f->other, 0, 0, &rows, &n, &e), 0);
	assert_int_equal(n, 0);
	assert_int_equal(accounts_list(&f->op, 0, 0, &rows, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(accounts_list(&f->reader, 0, 0, &rows, &n, &e),
	    ERR_FORBIDDEN);
}

/* The bytes of the file at path (free() them). */
static char *
slurp(const char *path, size_t *len)
{
	FILE	*f = fopen(path, "rb");
	char	*data;
	long	 n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	data = malloc(n > 0 ? (size_t)n : 1);
	*len = fread(data, 1, (size_t)n, f);
	fclose(f);
	return data;
}

static void
test_xlsx_template(void **state)
{
	static const char *const titles[] = { "Tilbud nr.", "Tilbud",
	    "Paragraf", "Takstniveau", "Enhed", "Pladser", "Åbningsdage",
	    "Dage i måneden", "Timer", "Belægning", "Faktisk 1", "Faktisk 2",
	    "Løn (kr.)", "Ejendom", "Øvrige", "Overhead", "Kapital",
	    "Pension", "Indtægter", "Overførsel", "Begrundelse" };
	struct fixture			*f = *state;
	struct tariff_round		 r = round_of(2024, 1, "2023-01-01",
	    "2023-12-31");
	struct round_import_report	 rep;
	struct submission_view		 v;
	struct service_line		 l = tv2_line();
	struct xlsx_column		 cols[21];
	struct xlsx			*x;
	struct err			 e;
	char				 path[] = "/tmp/ramme-round-XXXXXX";
	char				*data;
	size_t				 len = 0, i;
	int64_t				 rid, sub, n, ver;
	int				 fd;

	assert_int_equal(round_create(&f->s, &r, &rid, &n, &e), 0);
	sub = sub_of(f, rid, f->offer);
	l.reason = "Årsag";
	assert_int_equal(round_submission_save(&f->op, sub, 1, &l, 1, &ver,
	    &e), 0);
	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);

	/* The operator's template goes back in unchanged. */
	assert_int_equal(round_io_template(&f->op, rid, NULL, path, &e), 0);
	assert_non_null(data = slurp(path, &len));
	assert_int_equal(round_io_upload(&f->op, rid, NULL, data, len, &rep, &e), 0);
	free(data);
	assert_int_equal(rep.submissions, 1);
	assert_int_equal(round_submission_get(&f->op, sub, &v, &e), 0);
	assert_int_equal(v.sub.nlines_loaded, 1);
	/* 2024 is a leap year: 8,000,000 / (10 × 366 × 0.96) → 2,277. */
	assert_int_equal(v.sub.lines[0].tariff_ore, 227700);
	assert_string_equal(v.sub.lines[0].reason, "Årsag");
	ver = v.sub.version;

	/* A broken file. */
	assert_int_equal(round_io_upload(&f->op, rid, NULL, "PK\003\004junk", 10,
	    &rep, &e), ERR_INVALID);

	/* Text where a number belongs: sheet and cell named. */
	memset(cols, 0, sizeof(cols));
	for (i = 0; i < 21; i++)
		cols[i].title = titles[i];
	assert_int_equal(xlsx_open(&x, path, "Budget", cols, 21, &e), 0);
	xlsx_int(x, f->offer);
	xlsx_text(x, "Bostedet");
	xlsx_text(x, "SEL § 107");
	xlsx_text(x, "");
	xlsx_text(x, "day");
	xlsx_text(x, "ti");
	for (i = 6; i < 9; i++)
		xlsx_blank(x);
	xlsx_int(x, 96);
	xlsx_blank(x);
	xlsx_blank(x);
	xlsx_int(x, 6500000);
	xlsx_end_row(x);
	assert_int_equal(xlsx_close(x, &e), 0);
	assert_non_null(data = slurp(path, &len));
	assert_int_equal(round_io_upload(&f->op, rid, NULL, data, len, &rep, &e),
	    ERR_INVALID);
	free(data);
	assert_int_equal(rep.nerrors, 1);
	assert_string_equal(rep.errors[0].field, "F2");
	assert_int_equal(rep.errors[0].line, 2);
	assert_non_null(strstr(rep.errors[0].msg,
	    "Celle F2 i arket »Budget«: Pladser skal være et tal"));
	unlink(path);
	/* Nothing changed. */
	assert_int_equal(round_submission_get(&f->op, sub, &v, &e), 0);
	assert_int_equal(v.sub.version, ver);
	assert_int_equal(v.sub.lines[0].places_centi, 1000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_state_machine),
		cmocka_unit_test(test_line_compute),
		cmocka_unit_test(test_secure_institution),
		cmocka_unit_test(test_deadline_boundary),
		cmocka_unit_test(test_increase_boundary),
		cmocka_unit_test(test_referral_cutoff),
		cmocka_unit_test_setup_teardown(test_tv1_tv2_through_services,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_occupancy_prefill, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_occupancy_prefill_exact,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_secure_prefill, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_deadline_reopen_roles,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_reasons, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_publish_versions_and_change, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import_all_or_nothing,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_ledger, setup, teardown),
		cmocka_unit_test(test_lines_put_delete),
		cmocka_unit_test(test_history_from_audit),
		cmocka_unit_test_setup_teardown(test_line_put_delete_service,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_xlsx_template, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
