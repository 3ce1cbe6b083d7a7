/*
 * Unit tests for src/core/offer_event.c and src/service/offer_event.c:
 * the opt-out steps and who may take them, coverage per municipality,
 * an offer's operator and status as of a date, and events recorded,
 * applied when their day comes and audited.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/offer.h"
#include "core/offer_event.h"
#include "core/org.h"
#include "core/role.h"
#include "service/offer_event.h"
#include "service/register.h"
#include "service/svc.h"
#include "util/arena.h"
#include "util/err.h"
#include "testdb.h"

#define NOV_2023	1700000000	/* 2023-11-14 */
#define MAR_2024	1710000000	/* 2024-03-09 */

static void
test_steps(void **state)
{
	struct err e;

	(void)state;
	/* Only category 2 offers covered by the agreement. */
	assert_int_equal(optout_step_check(OPTOUT_FRAVALGT, -1, "2", true,
	    false, &e), 0);
	assert_int_equal(optout_step_check(OPTOUT_FRAVALGT, -1, "1", true,
	    false, &e), ERR_INVALID);
	assert_string_equal(e.key, "optout_not_category2");
	assert_int_equal(optout_step_check(OPTOUT_FRAVALGT, -1, "2", false,
	    false, &e), ERR_INVALID);
	assert_int_equal(optout_step_check(OPTOUT_FRAVALGT, -1, NULL, true,
	    false, &e), ERR_INVALID);
	/* The secretariat never opts out; a municipality never asks. */
	assert_int_equal(optout_step_check(OPTOUT_FRAVALGT, -1, "2", true,
	    true, &e), ERR_FORBIDDEN);
	assert_int_equal(optout_step_check(OPTOUT_GENOVERVEJ, OPTOUT_FRAVALGT,
	    "2", true, false, &e), ERR_FORBIDDEN);
	/* The order of the steps. */
	assert_int_equal(optout_step_check(OPTOUT_FRAVALGT, OPTOUT_FRAVALGT,
	    "2", true, false, &e), ERR_CONFLICT);
	assert_int_equal(optout_step_check(OPTOUT_GENOVERVEJ, -1, "2", true,
	    true, &e), ERR_CONFLICT);
	assert_int_equal(optout_step_check(OPTOUT_GENOVERVEJ, OPTOUT_FRAVALGT,
	    "2", true, true, &e), 0);
	assert_int_equal(optout_step_check(OPTOUT_FASTHOLDT, OPTOUT_FRAVALGT,
	    "2", true, false, &e), ERR_CONFLICT);
	assert_int_equal(optout_step_check(OPTOUT_FASTHOLDT,
	    OPTOUT_GENOVERVEJ, "2", true, false, &e), 0);
	assert_int_equal(optout_step_check(OPTOUT_TILVALGT, OPTOUT_FASTHOLDT,
	    "2", true, false, &e), 0);
	assert_int_equal(optout_step_check(OPTOUT_TILVALGT, -1, "2", true,
	    false, &e), ERR_CONFLICT);
	assert_int_equal(optout_step_check(OPTOUT_FRAVALGT, OPTOUT_TILVALGT,
	    "2", true, false, &e), 0);
}

static void
test_covers(void **state)
{
	(void)state;
	assert_false(optout_covers(false, "1", -1));
	assert_true(optout_covers(true, "1", OPTOUT_FRAVALGT));
	assert_true(optout_covers(true, NULL, -1));
	assert_true(optout_covers(true, "2", -1));
	assert_false(optout_covers(true, "2", OPTOUT_FRAVALGT));
	assert_false(optout_covers(true, "2", OPTOUT_GENOVERVEJ));
	assert_false(optout_covers(true, "2", OPTOUT_FASTHOLDT));
	assert_true(optout_covers(true, "2", OPTOUT_TILVALGT));
}

static void
test_state_at(void **state)
{
	static const struct offer_event_state v[] = {
		{ "2012-01-01", "1081", "851", "active", "active" },
		{ "2014-07-01", "851", "851", "active", "closed" },
	};
	const char *op = "x", *st = "y";

	(void)state;
	offer_event_state_at(v, 0, "2013-01-01", &op, &st);
	assert_string_equal(op, "x");		/* no events: the record */
	offer_event_state_at(v, 2, "2011-12-31", &op, &st);
	assert_string_equal(op, "1081");
	assert_string_equal(st, "active");
	offer_event_state_at(v, 2, "2012-01-01", &op, &st);
	assert_string_equal(op, "851");		/* from that day */
	offer_event_state_at(v, 2, "2014-06-30", &op, &st);
	assert_string_equal(st, "active");
	offer_event_state_at(v, 2, "2014-07-01", &op, &st);
	assert_string_equal(st, "closed");
}

static void
test_service(void **state)
{
	static const struct principal muni = { 7, "bronderslev",
	    ROLE_AUTHORITY, "810" };
	struct org	orgs[] = {
		{ "851", "Aalborg", ORG_KOMMUNE, NULL, 0 },
		{ "810", "Brønderslev", ORG_KOMMUNE, NULL, 0 },
		{ "1081", "Region Nordjylland", ORG_REGION, NULL, 0 },
	};
	struct offer_event_row	*ev = NULL;
	struct optout_row	*st = NULL;
	struct testdb		 t;
	struct arena		 a;
	struct svc		 s, later, m;
	struct offer		 o, got, list[1];
	struct err		 e;
	size_t			 n = 0, i;
	int64_t			 id = 0;

	(void)state;
	assert_int_equal(testdb_open(&t), 0);
	arena_init(&a);
	svc_init(&s, t.db, &a, NULL, NOV_2023);
	svc_init(&later, t.db, &a, NULL, MAR_2024);
	svc_init(&m, t.db, &a, &muni, NOV_2023);
	for (i = 0; i < 3; i++)
		assert_int_equal(register_org_save(&s, &orgs[i], &e), 0);
	memset(&o, 0, sizeof(o));
	o.name = "Vestervang";
	o.operator_code = "1081";
	o.location_code = "810";
	o.covered = true;
	o.category = "2";
	assert_int_equal(register_offer_create(&s, &o, &id, &e), 0);

	/* Opt-outs: the municipality itself, the secretariat asks. */
	assert_int_equal(optout_record(&s, id, "810", "fravalgt", "Nej", &e),
	    ERR_FORBIDDEN);
	assert_int_equal(optout_record(&m, id, "851", "fravalgt", "Nej", &e),
	    ERR_FORBIDDEN);
	assert_int_equal(optout_record(&m, id, "810", "fravalgt", "", &e),
	    ERR_INVALID);
	assert_int_equal(optout_record(&m, id, "810", "fravalgt",
	    "Eget tilbud", &e), 0);
	assert_int_equal(optout_record(&s, id, "810", "genovervej",
	    "Overvej igen", &e), 0);
	assert_int_equal(optout_list(&s, id, NULL, &st, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_string_equal(st[1].kind, "genovervej");
	assert_string_equal(st[1].created_by, "system");

	/* Events: the secretariat only; a past date applies at once. */
	assert_int_equal(offer_event_record(&m, id, "hjemtaget", "2012-01-01",
	    "810", NULL, NULL, &e), ERR_FORBIDDEN);
	assert_int_equal(offer_event_record(&s, id, "hjemtaget", "2012-01-01",
	    "1081", NULL, NULL, &e), ERR_INVALID);	/* not a kommune */
	assert_int_equal(offer_event_record(&s, id, "hjemtaget", "2012-01-01",
	    "810", "Hjemtaget af Brønderslev", NULL, &e), 0);
	assert_int_equal(register_offer_get(&s, id, &got, &e), 0);
	assert_string_equal(got.operator_code, "810");
	/* A closing in the future waits for its day. */
	assert_int_equal(offer_event_record(&s, id, "lukket", "2024-01-01",
	    NULL, NULL, NULL, &e), 0);
	assert_int_equal(register_offer_get(&s, id, &got, &e), 0);
	assert_int_equal(got.status, OFFER_ACTIVE);
	assert_int_equal(offer_event_record(&s, id, "overtaget", "2023-12-01",
	    "851", NULL, NULL, &e), ERR_CONFLICT);	/* before the last */
	assert_int_equal(offer_event_apply_due(&s, &n, &e), 0);
	assert_int_equal(n, 0);
	assert_int_equal(offer_event_apply_due(&later, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(register_offer_get(&s, id, &got, &e), 0);
	assert_int_equal(got.status, OFFER_CLOSED);
	assert_string_equal(got.status_from, "2024-01-01");
	assert_int_equal(offer_event_list(&s, id, &ev, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_string_equal(ev[0].from_operator, "1081");
	assert_string_not_equal(ev[1].applied_at, "");
	/* A closed offer has no later events. */
	assert_int_equal(offer_event_record(&later, id, "overtaget",
	    "2024-02-01", "851", NULL, NULL, &e), ERR_CONFLICT);

	/* The register as of a date. */
	list[0] = got;
	assert_int_equal(offer_event_as_of(&s, list, 1, "2011-06-01", &e), 0);
	assert_string_equal(list[0].operator_code, "1081");
	assert_int_equal(list[0].status, OFFER_ACTIVE);
	list[0] = got;
	assert_int_equal(offer_event_as_of(&s, list, 1, "2023-06-01", &e), 0);
	assert_string_equal(list[0].operator_code, "810");
	assert_int_equal(list[0].status, OFFER_ACTIVE);

	arena_cleanup(&a);
	testdb_close(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_steps),
		cmocka_unit_test(test_covers),
		cmocka_unit_test(test_state_at),
		cmocka_unit_test(test_service),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
