/*
 * Unit tests for src/core/params.c: the defaults of each agreement year
 * and the descriptor table a storage layer and the settings page use.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/money.h"
#include "core/params.h"
#include "util/err.h"

/*
 * Spec §2.5 [V] S3 and the minutes of Aug 2011: the share of a surplus
 * an operator may keep went from 2 % to 5 % for 2012.
 */
static void
test_setaside_ceiling_by_year(void **state)
{
	struct agreement_params p;

	(void)state;
	assert_int_equal(params_defaults(2011, &p, NULL), 0);
	assert_int_equal(p.year, 2011);
	assert_int_equal(p.setaside_ceiling_bp, 200);
	assert_int_equal(params_defaults(2012, &p, NULL), 0);
	assert_int_equal(p.setaside_ceiling_bp, 500);
	assert_int_equal(params_defaults(2024, &p, NULL), 0);
	assert_int_equal(p.setaside_ceiling_bp, 500);
	assert_int_equal(p.setaside_years, 5);
	assert_int_equal(p.carry_lag_years, 2);
	assert_int_equal(p.surplus_rule, SURPLUS_RULE_SETASIDE);
}

/* Minutes Aug/Oct 2011: a general tariff reduction of 2 % for 2012. */
static void
test_general_reduction_by_year(void **state)
{
	struct agreement_params p;

	(void)state;
	assert_int_equal(params_defaults(2011, &p, NULL), 0);
	assert_int_equal(p.general_reduction_bp, 0);
	assert_int_equal(params_defaults(2012, &p, NULL), 0);
	assert_int_equal(p.general_reduction_bp, 200);
	assert_int_equal(params_defaults(2013, &p, NULL), 0);
	assert_int_equal(p.general_reduction_bp, 0);
}

/* Spec §2.4, §2.3, §2.1 item 5, TV-9: the other defaults. */
static void
test_other_defaults(void **state)
{
	struct agreement_params p;

	(void)state;
	assert_int_equal(params_defaults(2017, &p, NULL), 0);
	assert_int_equal(p.treatment_citizens_per_place, 0);
	assert_int_equal(params_defaults(2018, &p, NULL), 0);
	assert_int_equal(p.treatment_citizens_per_place, 10);
	assert_int_equal(p.occupancy_min_bp, 9500);
	assert_int_equal(p.occupancy_max_bp, 10000);
	assert_int_equal(p.occupancy_short_min_bp, 9000);
	assert_int_equal(p.occupancy_warn_bp, 9800);
	assert_int_equal(p.occupancy_years, 2);
	assert_int_equal(p.occupancy_lag_years, 2);
	assert_int_equal(p.day_basis, DAY_BASIS_CALENDAR);
	assert_int_equal(p.month_rule, MONTH_RULE_YEAR_12);
	assert_int_equal(p.tariff_round_ore, 100);
	assert_int_equal(p.tariff_round_mode, ROUND_HALF_UP);
	assert_int_equal(p.vat_refund_bp, 460);
	assert_int_equal(p.carryover_ceiling_bp, 500);
	assert_int_equal(p.carryover_years, 1);
}

static void
test_year_range(void **state)
{
	struct agreement_params	p;
	struct err		e;

	(void)state;
	err_clear(&e);
	assert_int_equal(params_defaults(PARAMS_YEAR_MIN - 1, &p, &e),
	    ERR_INVALID);
	assert_string_equal(e.field, "year");
	assert_int_equal(params_defaults(PARAMS_YEAR_MAX + 1, &p, NULL),
	    ERR_INVALID);
	assert_int_equal(params_defaults(PARAMS_YEAR_MAX, &p, NULL), 0);
}

/* Every descriptor is well formed and every year's defaults are valid. */
static void
test_descriptor_table(void **state)
{
	const struct param_desc	*d, *d2;
	struct agreement_params	 p;
	size_t			 i, j, n = params_count();
	int			 year, k;
	int64_t			 v;

	(void)state;
	assert_true(n >= 20);
	assert_null(params_desc_at(n));
	for (i = 0; i < n; i++) {
		d = params_desc_at(i);
		assert_non_null(d);
		assert_true(d->key[0] != '\0' && d->label[0] != '\0');
		assert_true(d->source != NULL && d->source[0] != '\0');
		assert_true(d->min <= d->max);
		assert_true(d->nsteps >= 1 && d->nsteps <= PARAMS_STEPS_MAX);
		assert_true(d->offset % sizeof(int64_t) == 0);
		assert_true(d->offset < sizeof(struct agreement_params));
		assert_ptr_equal(params_find(d->key), d);
		assert_string_not_equal(params_unit_name(d->unit), "");
		for (k = 1; k < d->nsteps; k++)
			assert_true(d->steps[k].from_year >
			    d->steps[k - 1].from_year);
		if (d->unit == PARAM_UNIT_CHOICE) {
			assert_non_null(d->choices);
			assert_non_null(d->choice_labels);
			for (k = 0; d->choices[k] != NULL; k++)
				assert_non_null(d->choice_labels[k]);
			assert_null(d->choice_labels[k]);
			assert_int_equal(d->min, 0);
			assert_int_equal(d->max, k - 1);
		}
		for (j = 0; j < i; j++) {
			d2 = params_desc_at(j);
			assert_string_not_equal(d->key, d2->key);
			assert_true(d->offset != d2->offset);
		}
	}
	/* Every field of the struct has a descriptor. */
	assert_int_equal(n, (sizeof(struct agreement_params) -
	    offsetof(struct agreement_params, surplus_rule)) / sizeof(int64_t));
	for (year = PARAMS_YEAR_MIN; year <= PARAMS_YEAR_MAX; year++) {
		assert_int_equal(params_defaults(year, &p, NULL), 0);
		assert_int_equal(params_validate(&p, NULL), 0);
		for (i = 0; i < n; i++) {
			d = params_desc_at(i);
			assert_int_equal(params_get(&p, d->key, &v), 0);
			assert_int_equal(v, params_desc_default(d, year));
		}
	}
}

static void
test_get_set(void **state)
{
	struct agreement_params	p;
	struct err		e;
	int64_t			v;

	(void)state;
	assert_int_equal(params_defaults(2014, &p, NULL), 0);
	assert_int_equal(params_set(&p, "setaside_ceiling_bp", 300, NULL), 0);
	assert_int_equal(p.setaside_ceiling_bp, 300);
	assert_int_equal(params_get(&p, "setaside_ceiling_bp", &v), 0);
	assert_int_equal(v, 300);
	err_clear(&e);
	assert_int_equal(params_set(&p, "setaside_ceiling_bp", 10001, &e),
	    ERR_INVALID);
	assert_string_equal(e.field, "setaside_ceiling_bp");
	assert_string_equal(e.key, "param_out_of_range");
	assert_int_equal(p.setaside_ceiling_bp, 300);
	assert_int_equal(params_set(&p, "month_rule", 2, &e), ERR_INVALID);
	assert_int_equal(params_set(&p, "no_such_key", 1, &e), ERR_NOT_FOUND);
	assert_int_equal(params_get(&p, "no_such_key", &v), ERR_NOT_FOUND);
}

static void
test_validate_bands(void **state)
{
	struct agreement_params	p;
	struct err		e;

	(void)state;
	assert_int_equal(params_defaults(2014, &p, NULL), 0);
	p.occupancy_short_min_bp = 9600;
	err_clear(&e);
	assert_int_equal(params_validate(&p, &e), ERR_INVALID);
	assert_string_equal(e.field, "occupancy_short_min_bp");
	assert_int_equal(params_defaults(2014, &p, NULL), 0);
	p.occupancy_warn_bp = 9400;
	assert_int_equal(params_validate(&p, &e), ERR_INVALID);
	assert_string_equal(e.field, "occupancy_warn_bp");
	assert_int_equal(params_defaults(2014, &p, NULL), 0);
	p.occupancy_min_bp = 10000;
	p.occupancy_max_bp = 9900;
	assert_int_equal(params_validate(&p, &e), ERR_INVALID);
	assert_int_equal(params_defaults(2014, &p, NULL), 0);
	p.tariff_round_ore = 0;
	assert_int_equal(params_validate(&p, &e), ERR_INVALID);
	assert_string_equal(e.field, "tariff_round_ore");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_setaside_ceiling_by_year),
		cmocka_unit_test(test_general_reduction_by_year),
		cmocka_unit_test(test_other_defaults),
		cmocka_unit_test(test_year_range),
		cmocka_unit_test(test_descriptor_table),
		cmocka_unit_test(test_get_set),
		cmocka_unit_test(test_validate_bands),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
