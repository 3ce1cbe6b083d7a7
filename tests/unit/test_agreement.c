/*
 * Unit tests for src/service/agreement.c and src/store/param_store.c:
 * a parameter set for one year or "from year Y on", how a year resolves
 * its value (its own row, else the latest earlier onward row, else the
 * default), and the bands checked in every year an onward value
 * reaches.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/params.h"
#include "service/agreement.h"
#include "core/role.h"
#include "service/svc.h"
#include "store/db.h"
#include "store/param_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "testdb.h"

#define NOW	1767225600	/* 2026-01-01 */

static int64_t
value_in(struct svc *s, int year, const char *key)
{
	struct agreement_params	p;
	int64_t			v = -1;

	assert_int_equal(agreement_params_get(s, year, &p, NULL), 0);
	assert_int_equal(params_get(&p, key, &v), 0);
	return v;
}

static void
test_onward(void **state)
{
	struct testdb		 t;
	struct arena		 a;
	struct svc		 s;
	struct err		 e;
	struct param_row	*rows;
	int			 n;

	(void)state;
	assert_int_equal(testdb_open(&t), 0);
	arena_init(&a);
	svc_init(&s, t.db, &a, NULL, NOW);

	/* One row from 2026 on reaches every later year. */
	assert_int_equal(agreement_param_set(&s, 2026, "totp_required_admin",
	    0, true, "Demo", &e), 0);
	assert_int_equal(value_in(&s, 2025, "totp_required_admin"), 1);
	assert_int_equal(value_in(&s, 2026, "totp_required_admin"), 0);
	assert_int_equal(value_in(&s, 2040, "totp_required_admin"), 0);
	assert_int_equal(value_in(&s, PARAMS_YEAR_MAX,
	    "totp_required_admin"), 0);
	assert_int_equal(agreement_params_overrides(&s, 2040, &rows, &n, &e),
	    0);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].year, 2026);
	assert_true(rows[0].onward);
	assert_string_equal(rows[0].reason, "Demo");

	/* A year's own row wins that year only. */
	assert_int_equal(agreement_param_set(&s, 2030, "totp_required_admin",
	    1, false, "Prøve", &e), 0);
	assert_int_equal(value_in(&s, 2029, "totp_required_admin"), 0);
	assert_int_equal(value_in(&s, 2030, "totp_required_admin"), 1);
	assert_int_equal(value_in(&s, 2031, "totp_required_admin"), 0);
	assert_int_equal(agreement_params_overrides(&s, 2030, &rows, &n, &e),
	    0);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].year, 2030);
	assert_false(rows[0].onward);

	/* Setting the inherited value removes the year's own row. */
	assert_int_equal(agreement_param_set(&s, 2030, "totp_required_admin",
	    0, false, "Som før", &e), 0);
	assert_int_equal(value_in(&s, 2030, "totp_required_admin"), 0);
	assert_int_equal(agreement_params_overrides(&s, 2030, &rows, &n, &e),
	    0);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].year, 2026);

	/* A later onward row takes over from its year. */
	assert_int_equal(agreement_param_set(&s, 2035, "totp_required_admin",
	    1, true, "I drift", &e), 0);
	assert_int_equal(value_in(&s, 2034, "totp_required_admin"), 0);
	assert_int_equal(value_in(&s, 2035, "totp_required_admin"), 1);
	assert_int_equal(value_in(&s, 2060, "totp_required_admin"), 1);
	assert_int_equal(value_in(&s, 2025, "totp_required_admin"), 1);

	/* Other keys keep their defaults. */
	assert_int_equal(value_in(&s, 2040, "occupancy_min_bp"), 9500);

	arena_cleanup(&a);
	testdb_close(&t);
}

static void
test_onward_bands(void **state)
{
	struct testdb	t;
	struct arena	a;
	struct svc	s;
	struct err	e;

	(void)state;
	assert_int_equal(testdb_open(&t), 0);
	arena_init(&a);
	svc_init(&s, t.db, &a, NULL, NOW);
	/* 2031 alone recommends at most 97 %. */
	assert_int_equal(agreement_param_set(&s, 2031, "occupancy_warn_bp",
	    9700, false, "Prøve", &e), 0);
	/* 97,5 % from 2028 on fits 2028-2030 but not 2031: refused. */
	assert_int_equal(agreement_param_set(&s, 2028, "occupancy_min_bp",
	    9750, true, "Prøve", &e), ERR_INVALID);
	assert_string_equal(e.key, "param_band_order");
	assert_non_null(strstr(e.msg, "I 2031"));
	assert_int_equal(value_in(&s, 2028, "occupancy_min_bp"), 9500);
	/* For 2028 only it is fine. */
	assert_int_equal(agreement_param_set(&s, 2028, "occupancy_min_bp",
	    9750, false, "Prøve", &e), 0);
	assert_int_equal(value_in(&s, 2028, "occupancy_min_bp"), 9750);
	assert_int_equal(value_in(&s, 2029, "occupancy_min_bp"), 9500);
	/* Only the secretariat's admins set parameters. */
	{
		static const struct principal reader = { 5, "laeser",
		    ROLE_READER, NULL };
		struct svc r;

		svc_init(&r, t.db, &a, &reader, NOW);
		assert_int_equal(agreement_param_set(&r, 2028,
		    "totp_required_admin", 0, true, "Nej", &e),
		    ERR_FORBIDDEN);
	}
	arena_cleanup(&a);
	testdb_close(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_onward),
		cmocka_unit_test(test_onward_bands),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
