/*
 * Unit tests for src/service/register.c and account.c over a real
 * database: role checks, validation, duplicates, optimistic concurrency,
 * the audit trail, and login rules.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/offer.h"
#include "core/org.h"
#include "core/role.h"
#include "service/account.h"
#include "service/register.h"
#include "service/svc.h"
#include "store/audit.h"
#include "store/offer_store.h"
#include "util/arena.h"
#include "testdb.h"

struct fixture {
	struct testdb	t;
	struct arena	a;
	struct svc	s;	/* acting as the system admin */
};

static int
setup(void **state)
{
	static struct org_population pop[] = { { 2020, 217075 } };
	struct org	orgs[] = {
		{ "851", "Aalborg", ORG_KOMMUNE, pop, 1 },
		{ "810", "Brønderslev", ORG_KOMMUNE, NULL, 0 },
		{ "1081", "Region Nordjylland", ORG_REGION, NULL, 0 },
	};
	struct fixture	*f = calloc(1, sizeof(*f));
	struct err	 e;
	size_t		 i;

	if (testdb_open(&f->t) != 0)
		return -1;
	arena_init(&f->a);
	svc_init(&f->s, f->t.db, &f->a, NULL, 1700000000);
	for (i = 0; i < 3; i++)
		if (register_org_save(&f->s, &orgs[i], &e) != 0)
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

static struct offer
kompasset(void)
{
	static struct offer_places places[] = { { 2012, 800 } };
	struct offer o;

	memset(&o, 0, sizeof(o));
	o.name = "Kompasset";
	o.operator_code = "1081";
	o.location_code = "810";
	o.kind = OFFER_SECURE_INSTITUTION;
	o.places = places;
	o.nplaces = 1;
	return o;
}

static int64_t
count_audit(struct fixture *f, const char *action)
{
	struct db_stmt	*st;
	struct err	 e;
	int64_t		 n;

	st = db_prep(f->t.db, "SELECT count(*) FROM audit WHERE action = $1",
	    &e);
	db_bind_text(st, 1, action);
	db_step(st, &e);
	n = db_col_i64(st, 0);
	db_reset(st);
	return n;
}

static void
test_create_update_delete(void **state)
{
	struct fixture		*f = *state;
	struct offer		 o = kompasset(), got;
	struct audit_entry	*h;
	struct err		 e;
	int64_t			 id;
	int			 n;

	assert_int_equal(register_offer_create(&f->s, &o, &id, &e), 0);
	assert_int_equal(register_offer_get(&f->s, id, &got, &e), 0);
	assert_int_equal(got.version, 1);
	assert_int_equal(got.places[0].centi, 800);
	assert_int_equal(count_audit(f, "create"), 4);	/* 3 orgs + offer */

	/* Same name (other case) and operator: a duplicate. */
	o.name = "KOMPASSET";
	assert_int_equal(register_offer_create(&f->s, &o, &id, &e),
	    ERR_CONFLICT);
	assert_string_equal(e.key, "duplicate_offer");

	got.name = "Den Sikrede Institution Kompasset";
	assert_int_equal(register_offer_update(&f->s, &got, 1, &e), 0);
	/* The old version is stale now: no lost update. */
	assert_int_equal(register_offer_update(&f->s, &got, 1, &e),
	    ERR_PRECONDITION);
	assert_int_equal(register_offer_history(&f->s, got.id, &h, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_string_equal(h[0].action, "update");
	assert_non_null(strstr(h[0].before_json, "\"Kompasset\""));
	assert_non_null(strstr(h[0].after_json, "Den Sikrede"));

	assert_int_equal(register_offer_delete(&f->s, got.id, 1, &e),
	    ERR_PRECONDITION);
	assert_int_equal(register_offer_delete(&f->s, got.id, 2, &e), 0);
	assert_int_equal(register_offer_get(&f->s, got.id, &got, &e),
	    ERR_NOT_FOUND);
	assert_int_equal(count_audit(f, "delete"), 1);
}

static void
test_references(void **state)
{
	struct fixture	*f = *state;
	struct offer	 o = kompasset();
	struct err	 e;
	int64_t		 id;

	o.location_code = "999";
	assert_int_equal(register_offer_create(&f->s, &o, &id, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "unknown_municipality");
	o.location_code = "810";
	o.operator_code = "777";
	assert_int_equal(register_offer_create(&f->s, &o, &id, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "unknown_operator");
}

static void
test_roles(void **state)
{
	struct fixture		*f = *state;
	struct principal	 op = { 5, "aalborg", ROLE_OPERATOR, "851" };
	struct principal	 rd = { 6, "reader", ROLE_READER, NULL };
	struct offer		 o = kompasset(), got;
	struct svc		 s;
	struct err		 e;
	int64_t			 id, own;

	svc_init(&s, f->t.db, &f->a, &op, 1700000000);
	/* An operator cannot create an offer for the region... */
	assert_int_equal(register_offer_create(&s, &o, &id, &e), ERR_FORBIDDEN);
	/* ...but can for its own municipality. */
	o.name = "Nøddehuset";
	o.operator_code = "851";
	o.location_code = "851";
	assert_int_equal(register_offer_create(&s, &o, &own, &e), 0);
	/* And cannot edit the region's offer. */
	o = kompasset();
	assert_int_equal(register_offer_create(&f->s, &o, &id, &e), 0);
	assert_int_equal(register_offer_get(&s, id, &got, &e), 0);
	got.name = "Taken over";
	assert_int_equal(register_offer_update(&s, &got, 1, &e), ERR_FORBIDDEN);
	/* Nor move its own offer to another operator. */
	assert_int_equal(register_offer_get(&s, own, &got, &e), 0);
	got.operator_code = "1081";
	assert_int_equal(register_offer_update(&s, &got, 1, &e), ERR_FORBIDDEN);
	svc_init(&s, f->t.db, &f->a, &rd, 1700000000);
	assert_int_equal(register_offer_delete(&s, own, 1, &e), ERR_FORBIDDEN);
}

static void
test_list_filters(void **state)
{
	struct fixture		*f = *state;
	static const char	*par[] = { "SEL § 107", "SEL § 85" };
	struct offer_filter	 flt;
	struct offer		 o = kompasset(), *v;
	struct err		 e;
	size_t			 n;
	int64_t			 id, total;
	char			 name[32];
	int			 i;

	for (i = 0; i < 30; i++) {
		snprintf(name, sizeof(name), "Bosted %02d", i);
		o.name = name;
		o.operator_code = i % 2 ? "851" : "1081";
		o.location_code = "851";
		o.paragraphs = i % 3 == 0 ? par : NULL;
		o.nparagraphs = i % 3 == 0 ? 2 : 0;
		assert_int_equal(register_offer_create(&f->s, &o, &id, &e), 0);
	}
	memset(&flt, 0, sizeof(flt));
	flt.covered = -1;
	flt.limit = 7;
	flt.offset = 3;
	flt.sort = "-name";
	assert_int_equal(register_offer_list(&f->s, &flt, &v, &n, &total, &e),
	    0);
	assert_int_equal(total, 30);
	assert_int_equal(n, 7);
	assert_string_equal(v[0].name, "Bosted 26");
	flt.operator_code = "851";
	flt.paragraph = "107";
	flt.offset = 0;
	flt.limit = 100;
	assert_int_equal(register_offer_list(&f->s, &flt, &v, &n, &total, &e),
	    0);
	assert_int_equal(total, 5);	/* odd and divisible by 3 */
	assert_int_equal(v[0].nparagraphs, 2);
	flt.paragraph = "SEL § 85";
	assert_int_equal(register_offer_list(&f->s, &flt, &v, &n, &total, &e),
	    0);
	assert_int_equal(total, 5);
	flt.paragraph = NULL;
	flt.operator_code = NULL;
	flt.q = "sted 1";
	assert_int_equal(register_offer_list(&f->s, &flt, &v, &n, &total, &e),
	    0);
	assert_int_equal(total, 10);
	flt.q = "%";	/* a wildcard is a literal character */
	assert_int_equal(register_offer_list(&f->s, &flt, &v, &n, &total, &e),
	    0);
	assert_int_equal(total, 0);
	flt.q = NULL;
	flt.limit = 0;
	assert_int_equal(register_offer_list(&f->s, &flt, &v, &n, &total, &e),
	    ERR_INVALID);
	flt.limit = 10;
	flt.sort = "password";
	assert_int_equal(register_offer_list(&f->s, &flt, &v, &n, &total, &e),
	    ERR_INVALID);
}

static void
test_accounts(void **state)
{
	struct fixture		*f = *state;
	struct account_new	 n = { "aalborg.fin", "Aalborg økonomi",
				    ROLE_OPERATOR, "851", "korrekt hest batteri" };
	struct account_session	 s;
	struct principal	 who;
	const char		*csrf, *device;
	struct err		 e;
	int64_t			 id;
	int			 i;

	n.org_code = NULL;
	assert_int_equal(account_user_add(&f->s, NULL, &n, &id, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "missing_org");
	n.org_code = "851";
	n.password = "kort";
	assert_int_equal(account_user_add(&f->s, NULL, &n, &id, &e),
	    ERR_INVALID);
	n.password = "korrekt hest batteri";
	n.username = "Aalborg Fin";
	assert_int_equal(account_user_add(&f->s, NULL, &n, &id, &e),
	    ERR_INVALID);
	n.username = "aalborg.fin";
	assert_int_equal(account_user_add(&f->s, NULL, &n, &id, &e), 0);
	assert_int_equal(account_user_add(&f->s, NULL, &n, &id, &e),
	    ERR_CONFLICT);

	assert_int_equal(account_login(&f->s, NULL, "aalborg.fin",
	    "korrekt hest batteri", "127.0.0.1", NULL, &s, &e), 0);
	assert_non_null(s.device);	/* a new device */
	device = s.device;
	assert_int_equal(account_session_resolve(&f->s, s.token, &who, &csrf,
	    &e), 0);
	assert_int_equal(who.role, ROLE_OPERATOR);
	assert_string_equal(who.org_code, "851");
	assert_true(account_token_equal(csrf, s.csrf));
	assert_int_equal(account_logout(&f->s, s.token, &e), 0);
	assert_int_equal(account_session_resolve(&f->s, s.token, &who, &csrf,
	    &e), ERR_UNAUTHORIZED);
	/* From the known device: no new token. */
	assert_int_equal(account_login(&f->s, NULL, "aalborg.fin",
	    "korrekt hest batteri", "127.0.0.1", device, &s, &e), 0);
	assert_null(s.device);

	/* Wrong passwords: refused, then locked before hashing. */
	for (i = 0; i < ACCOUNT_FAIL_PER_USER; i++)
		assert_int_equal(account_login(&f->s, NULL, "aalborg.fin",
		    "forkert forkert", "127.0.0.2", NULL, &s, &e),
		    ERR_UNAUTHORIZED);
	assert_int_equal(account_login(&f->s, NULL, "aalborg.fin",
	    "korrekt hest batteri", "127.0.0.2", NULL, &s, &e),
	    ERR_RATE_LIMITED);
	/* A forged device token does not help; the known device does. */
	assert_int_equal(account_login(&f->s, NULL, "aalborg.fin",
	    "korrekt hest batteri", "127.0.0.2",
	    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", &s, &e),
	    ERR_RATE_LIMITED);
	assert_int_equal(account_login(&f->s, NULL, "aalborg.fin",
	    "korrekt hest batteri", "127.0.0.1", device, &s, &e), 0);
	/* The lock lasts ACCOUNT_LOCK_BASE after the fifth failure ... */
	f->s.now += ACCOUNT_LOCK_BASE - 1;
	assert_int_equal(account_login(&f->s, NULL, "aalborg.fin",
	    "korrekt hest batteri", "127.0.0.2", NULL, &s, &e),
	    ERR_RATE_LIMITED);
	f->s.now += 1;
	/* ... and doubles with each further failure. */
	assert_int_equal(account_login(&f->s, NULL, "aalborg.fin",
	    "forkert forkert", "127.0.0.2", NULL, &s, &e), ERR_UNAUTHORIZED);
	f->s.now += 2 * ACCOUNT_LOCK_BASE - 1;
	assert_int_equal(account_login(&f->s, NULL, "aalborg.fin",
	    "korrekt hest batteri", "127.0.0.2", NULL, &s, &e),
	    ERR_RATE_LIMITED);
	f->s.now += 1;
	assert_int_equal(account_login(&f->s, NULL, "aalborg.fin",
	    "korrekt hest batteri", "127.0.0.2", NULL, &s, &e), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_create_update_delete,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_references, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_roles, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_filters, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_accounts, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
