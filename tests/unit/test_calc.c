/*
 * Unit tests for src/service/calc.c: the JSON calculators behind
 * `ramme calc` and POST /api/v1/calc/…: the spec's vectors through JSON,
 * and the refusal of bad input with a Danish message and the field.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/params.h"
#include "core/pl.h"
#include "service/calc.h"
#include "util/err.h"

/* Run calculator name on the JSON text; expect rc; return the output. */
static json_t *
run(const char *name, const char *text, int want, struct err *e)
{
	json_error_t	 je;
	json_t		*in, *out = NULL;

	in = json_loads(text, JSON_REJECT_DUPLICATES, &je);
	if (in == NULL)
		fail_msg("bad test JSON: %s: %s", je.text, text);
	err_clear(e);
	assert_int_equal(calc_json(name, NULL, in, &out, e), want);
	json_decref(in);
	if (want != 0)
		assert_null(out);
	else
		assert_non_null(out);
	return out;
}

static json_int_t
int_of(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	assert_non_null(v);
	assert_true(json_is_integer(v));
	return json_integer_value(v);
}

static double
num_of(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	assert_non_null(v);
	assert_true(json_is_number(v));
	return json_number_value(v);
}

static const char *
str_of(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	assert_non_null(v);
	assert_true(json_is_string(v));
	return json_string_value(v);
}

/* Bad input: ERR_INVALID naming field, with a message. */
static void
refused(const char *name, const char *text, const char *field)
{
	struct err e;

	run(name, text, ERR_INVALID, &e);
	assert_string_equal(e.field, field);
	assert_true(strlen(e.msg) > 10);
}

/* TV-2 (spec §3): 8,000,000 / (10 × 365 × 0.96) = 2,283.105… → 2,283. */
static void
test_tariff_tv2(void **state)
{
	struct err	 e;
	json_t		*o;
	char		*txt;

	(void)state;
	o = run("tariff", "{\"year\": 2013, \"unit\": \"day\", \"places\": 10,"
	    " \"occupancy_pct\": 96, \"costs_ore\": {\"wages\": 650000000,"
	    " \"property\": 67500000, \"other\": 82500000},"
	    " \"income_ore\": 0, \"carry_over_ore\": 0}", 0, &e);
	assert_int_equal(int_of(o, "tariff_base_ore"), 800000000);
	assert_int_equal(int_of(o, "place_days"), 3504);
	assert_int_equal(int_of(o, "days"), 365);
	assert_int_equal(int_of(o, "tariff_ore"), 228300);
	assert_true(num_of(o, "tariff_exact_ore") > 228310.5022 &&
	    num_of(o, "tariff_exact_ore") < 228310.5024);
	txt = json_dumps(o, JSON_COMPACT | CALC_DUMP_FLAGS);
	assert_non_null(strstr(txt, "\"tariff_exact_ore\":228310.5023,"));
	free(txt);
	json_decref(o);
	/* Year y+2 with −370,000 from TV-1 → 2,178. */
	o = run("tariff", "{\"year\": 2015, \"unit\": \"day\", \"places\": 10,"
	    " \"occupancy_pct\": 96, \"costs_ore\": {\"wages\": 800000000},"
	    " \"carry_over_ore\": -37000000}", 0, &e);
	assert_int_equal(int_of(o, "tariff_base_ore"), 763000000);
	assert_int_equal(int_of(o, "tariff_ore"), 217800);
	json_decref(o);
}

/* TV-16 (spec §3): 8.5 places → 966.96 → 967; place-days 3,102.5. */
static void
test_tariff_tv16_fractional_places(void **state)
{
	struct err	 e;
	json_t		*o;

	(void)state;
	o = run("tariff", "{\"year\": 2018, \"unit\": \"day\", \"places\": 8.5,"
	    " \"occupancy_pct\": 100, \"costs_ore\": {\"wages\": 300000000}}",
	    0, &e);
	assert_true(num_of(o, "place_days") == 3102.5);
	assert_int_equal(int_of(o, "tariff_ore"), 96700);
	json_decref(o);
}

/* Month, hour and year units; overhead as a percentage. */
static void
test_tariff_units(void **state)
{
	struct err	 e;
	json_t		*o;

	(void)state;
	o = run("tariff", "{\"year\": 2013, \"unit\": \"month\","
	    " \"places\": 10, \"occupancy_pct\": 96,"
	    " \"costs_ore\": {\"wages\": 800000000}}",
	    0, &e);
	assert_int_equal(int_of(o, "tariff_ore"), 6944400);
	assert_string_equal(str_of(o, "unit"), "month");
	json_decref(o);
	o = run("tariff", "{\"year\": 2013, \"unit\": \"hour\", \"places\": 10,"
	    " \"occupancy_pct\": 96, \"hours\": 1200,"
	    " \"costs_ore\": {\"wages\": 800000000}}", 0, &e);
	assert_int_equal(int_of(o, "tariff_ore"), 69400);
	json_decref(o);
	o = run("tariff", "{\"year\": 2013, \"unit\": \"year\", \"places\": 10,"
	    " \"occupancy_pct\": 96.5, \"overhead_pct\": 6,"
	    " \"costs_ore\": {\"wages\": 800000000}}", 0, &e);
	assert_int_equal(int_of(o, "overhead_ore"), 48000000);
	assert_int_equal(int_of(o, "tariff_base_ore"), 848000000);
	/* 8,480,000 / 9.65 = 878,756.48 → 878,756 */
	assert_int_equal(int_of(o, "tariff_ore"), 87875600);
	json_decref(o);
	/* Day offer with 250 opening days. */
	o = run("tariff", "{\"year\": 2013, \"unit\": \"day\", \"places\": 10,"
	    " \"occupancy_pct\": 100, \"days\": 250,"
	    " \"costs_ore\": {\"wages\": 366000000}}", 0, &e);
	assert_int_equal(int_of(o, "tariff_ore"), 146400);
	json_decref(o);
}

static void
test_tariff_refused(void **state)
{
	(void)state;
	refused("tariff", "{\"unit\": \"day\", \"places\": 10, "
	    "\"occupancy_pct\": 96, \"costs_ore\": {}}", "year");
	refused("tariff", "{\"year\": 2013, \"unit\": \"day\", "
	    "\"occupancy_pct\": 96, \"costs_ore\": {}}", "places");
	refused("tariff", "{\"year\": 2013, \"unit\": \"day\", \"places\": -1,"
	    " \"occupancy_pct\": 96, \"costs_ore\": {\"wages\": 1}}", "places");
	refused("tariff", "{\"year\": 2013, \"unit\": \"day\", \"places\": 0,"
	    " \"occupancy_pct\": 96, \"costs_ore\": {\"wages\": 1}}", "places");
	refused("tariff", "{\"year\": 2013, \"unit\": \"day\","
	    " \"places\": 8.555, \"occupancy_pct\": 96,"
	    " \"costs_ore\": {\"wages\": 1}}", "places");
	refused("tariff", "{\"year\": 2013, \"unit\": \"day\","
	    " \"places\": \"10\", \"occupancy_pct\": 96,"
	    " \"costs_ore\": {\"wages\": 1}}", "places");
	refused("tariff", "{\"year\": 2013, \"unit\": \"day\", \"places\": 10,"
	    " \"occupancy_pct\": 0, \"costs_ore\": {\"wages\": 1}}",
	    "occupancy_pct");
	refused("tariff", "{\"year\": 2013, \"unit\": \"day\", \"places\": 10,"
	    " \"occupancy_pct\": 100.5, \"costs_ore\": {\"wages\": 1}}",
	    "occupancy_pct");
	refused("tariff", "{\"year\": 2013, \"unit\": \"day\", \"places\": 10,"
	    " \"occupancy_pct\": -5, \"costs_ore\": {\"wages\": 1}}",
	    "occupancy_pct");
	refused("tariff", "{\"year\": 2013, \"unit\": \"week\", \"places\": 10,"
	    " \"occupancy_pct\": 96, \"costs_ore\": {\"wages\": 1}}", "unit");
	refused("tariff", "{\"year\": 2013, \"unit\": 1, \"places\": 10,"
	    " \"occupancy_pct\": 96, \"costs_ore\": {\"wages\": 1}}", "unit");
	refused("tariff", "{\"year\": 2013, \"unit\": \"day\", \"places\": 10,"
	    " \"occupancy_pct\": 96, \"costs_ore\": {\"wages\": 100.5}}",
	    "costs_ore.wages");
	refused("tariff", "{\"year\": 2013, \"unit\": \"day\", \"places\": 10,"
	    " \"occupancy_pct\": 96, \"costs_ore\": {\"wages\": 100.0}}",
	    "costs_ore.wages");
	refused("tariff", "{\"year\": 2013, \"unit\": \"day\", \"places\": 10,"
	    " \"occupancy_pct\": 96, \"costs_ore\": {\"wages\": 1e9}}",
	    "costs_ore.wages");
	refused("tariff", "{\"year\": 2013, \"unit\": \"day\", \"places\": 10,"
	    " \"occupancy_pct\": 96, \"costs_ore\": {\"wage\": 100}}",
	    "costs_ore.wage");
	refused("tariff", "{\"year\": 2013, \"unit\": \"day\", \"places\": 10,"
	    " \"occupancy_pct\": 96, \"costs_ore\": {\"wages\": 100},"
	    " \"colour\": \"red\"}", "colour");
	refused("tariff", "{\"year\": 2013, \"unit\": \"day\", \"places\": 10,"
	    " \"occupancy_pct\": 96, \"costs_ore\": [100]}", "costs_ore");
	refused("tariff", "{\"year\": 2013, \"unit\": \"day\", \"places\": 10,"
	    " \"occupancy_pct\": 96}", "costs_ore");
	refused("tariff", "{\"year\": 2013, \"unit\": \"day\", \"places\": 10,"
	    " \"occupancy_pct\": 96, \"costs_ore\": {\"wages\": 100},"
	    " \"income_ore\": 200}", "costs_ore");
	refused("tariff", "{\"year\": 2013, \"unit\": \"day\", \"places\": 10,"
	    " \"occupancy_pct\": 96, \"costs_ore\": {\"wages\": 100},"
	    " \"days\": 0}", "days");
	refused("tariff", "{\"year\": 2013, \"unit\": \"day\", \"places\": 10,"
	    " \"occupancy_pct\": 96, \"costs_ore\": {\"wages\": 100},"
	    " \"days\": 365.5}", "days");
	refused("tariff", "{\"year\": 1999, \"unit\": \"day\", \"places\": 10,"
	    " \"occupancy_pct\": 96, \"costs_ore\": {\"wages\": 100}}", "year");
	refused("tariff", "{\"year\": 2013, \"unit\": \"hour\","
	    " \"places\": 10, \"occupancy_pct\": 96,"
	    " \"costs_ore\": {\"wages\": 100}}", "hours");
	refused("tariff", "{\"year\": 2013, \"unit\": \"day\","
	    " \"places\": 1e300, \"occupancy_pct\": 96,"
	    " \"costs_ore\": {\"wages\": 100}}", "places");
}

/* A missing field is named in Danish. */
static void
test_messages_are_danish(void **state)
{
	struct err e;

	(void)state;
	run("tariff", "{\"year\": 2013, \"unit\": \"day\", "
	    "\"occupancy_pct\": 96, \"costs_ore\": {}}", ERR_INVALID, &e);
	assert_string_equal(e.key, "missing_field");
	assert_string_equal(e.msg, "Feltet places mangler");
	run("tariff", "{\"year\": 2013, \"unit\": \"day\", \"places\": 10,"
	    " \"occupancy_pct\": 96, \"costs_ore\": {\"wages\": 1.5}}",
	    ERR_INVALID, &e);
	assert_non_null(strstr(e.msg, "helt antal øre"));
	run("tariff", "[1, 2]", ERR_INVALID, &e);
	assert_string_equal(e.msg, "Inddata skal være et JSON-objekt");
	run("budget", "{}", ERR_NOT_FOUND, &e);
}

/*
 * TV-1 (spec §3): surplus 770,000; 400,000 set aside until 2018;
 * 370,000 lowers the tariff base of 2015.
 */
static void
test_surplus_tv1(void **state)
{
	struct err	 e;
	json_t		*o;

	(void)state;
	o = run("surplus", "{\"year\": 2013, \"tariff_base_ore\": 800000000,"
	    " \"revenue_ore\": 841800000, \"costs_ore\": 764800000}", 0, &e);
	assert_int_equal(int_of(o, "result_ore"), 77000000);
	assert_int_equal(int_of(o, "setaside_ore"), 40000000);
	assert_int_equal(int_of(o, "to_tariff_ore"), -37000000);
	assert_int_equal(int_of(o, "tariff_year"), 2015);
	assert_int_equal(int_of(o, "setaside_expires_year"), 2018);
	assert_string_equal(str_of(o, "rule"), "setaside");
	json_decref(o);
	o = run("surplus", "{\"year\": 2013, \"tariff_base_ore\": 800000000,"
	    " \"revenue_ore\": 841800000, \"costs_ore\": 764800000,"
	    " \"setaside_ore\": 0}", 0, &e);
	assert_int_equal(int_of(o, "to_tariff_ore"), -77000000);
	assert_true(json_is_null(json_object_get(o, "setaside_expires_year")));
	json_decref(o);
	/* 2 % before 2012. */
	o = run("surplus", "{\"year\": 2011, \"tariff_base_ore\": 800000000,"
	    " \"revenue_ore\": 841800000, \"costs_ore\": 764800000}", 0, &e);
	assert_int_equal(int_of(o, "setaside_ore"), 16000000);
	json_decref(o);
}

/* TV-4 (spec §3): the Syddanmark rule chosen in the input. */
static void
test_surplus_tv4(void **state)
{
	struct err	 e;
	json_t		*o;

	(void)state;
	o = run("surplus", "{\"year\": 2013, \"rule\": \"carryover\","
	    " \"tariff_base_ore\": 1000000000, \"revenue_ore\": 935000000,"
	    " \"costs_ore\": 1000000000}", 0, &e);
	assert_int_equal(int_of(o, "result_ore"), -65000000);
	assert_int_equal(int_of(o, "setaside_ore"), -50000000);
	assert_int_equal(int_of(o, "to_tariff_ore"), 15000000);
	assert_int_equal(int_of(o, "setaside_expires_year"), 2014);
	json_decref(o);
}

static void
test_surplus_refused(void **state)
{
	(void)state;
	refused("surplus", "{\"year\": 2013, \"tariff_base_ore\": 800000000,"
	    " \"revenue_ore\": 841800000, \"costs_ore\": 764800000,"
	    " \"setaside_ore\": 40000001}", "setaside_ore");
	refused("surplus", "{\"year\": 2013, \"tariff_base_ore\": 800000000,"
	    " \"revenue_ore\": 770000000, \"costs_ore\": 764800000,"
	    " \"setaside_ore\": 6000000}", "setaside_ore");
	refused("surplus", "{\"year\": 2013, \"tariff_base_ore\": 800000000,"
	    " \"revenue_ore\": 841800000.5, \"costs_ore\": 764800000}",
	    "revenue_ore");
	refused("surplus", "{\"year\": 2013, \"tariff_base_ore\": 800000000,"
	    " \"costs_ore\": 764800000}", "revenue_ore");
	refused("surplus", "{\"year\": 2013, \"tariff_base_ore\": 800000000,"
	    " \"revenue_ore\": 841800000, \"costs_ore\": {\"wages\": 1}}",
	    "costs_ore");
	refused("surplus", "{\"year\": 2013, \"tariff_base_ore\": 800000000,"
	    " \"revenue_ore\": 841800000, \"costs_ore\": 764800000,"
	    " \"rule\": \"jylland\"}", "rule");
	refused("surplus", "{\"year\": 2013, \"tariff_base_ore\": 800000000,"
	    " \"revenue_ore\": 841800000, \"costs_ore\": 764800000,"
	    " \"setaside\": 1}", "setaside");
}

/* TV-3 (spec §3) and its variants through JSON. */
static void
test_occupancy_tv3(void **state)
{
	struct err	 e;
	json_t		*o, *m;

	(void)state;
	o = run("occupancy", "{\"offer_kind\": \"ordinary\","
	    " \"occupancy_pct\": [94, 97.01]}", 0, &e);
	assert_true(num_of(o, "budget_occupancy_pct") == 95.51);
	assert_true(num_of(o, "budget_occupancy_exact_pct") == 95.505);
	assert_string_equal(str_of(o, "status"), "ok");
	m = json_object_get(o, "messages");
	assert_true(json_is_array(m) && json_array_size(m) >= 1);
	assert_null(json_object_get(o, "source_years"));
	json_decref(o);
	/* TV-3 as written (97.014 %) and as place-days, exact. */
	o = run("occupancy", "{\"offer_kind\": \"ordinary\","
	    " \"occupancy_pct\": [94, 97.014]}", 0, &e);
	assert_true(num_of(o, "budget_occupancy_pct") == 95.51);
	assert_true(num_of(o, "budget_occupancy_exact_pct") == 95.507);
	json_decref(o);
	o = run("occupancy", "{\"offer_kind\": \"ordinary\","
	    " \"occupied_days\": [3541, 3431],"
	    " \"available_days\": [3660, 3650]}", 0, &e);
	assert_true(num_of(o, "budget_occupancy_pct") == 95.37);
	json_decref(o);
	o = run("occupancy", "{\"offer_kind\": \"ordinary\", \"year\": 2013,"
	    " \"occupancy_pct\": [91, 92]}", 0, &e);
	assert_string_equal(str_of(o, "status"), "rejected");
	assert_true(num_of(o, "budget_occupancy_pct") == 91.5);
	m = json_object_get(o, "source_years");
	assert_int_equal(json_integer_value(json_array_get(m, 0)), 2010);
	assert_int_equal(json_integer_value(json_array_get(m, 1)), 2011);
	json_decref(o);
	o = run("occupancy", "{\"offer_kind\": \"short_stay\","
	    " \"occupancy_pct\": [91, 92]}", 0, &e);
	assert_string_equal(str_of(o, "status"), "ok");
	json_decref(o);
	o = run("occupancy", "{\"offer_kind\": \"ordinary\","
	    " \"occupancy_pct\": [91, 92],"
	    " \"das_approval\": \"DAS 2013-08-13\"}",
	    0, &e);
	assert_string_equal(str_of(o, "status"), "warning");
	json_decref(o);
	o = run("occupancy", "{\"offer_kind\": \"ordinary\","
	    " \"occupancy_pct\": [99, 100]}", 0, &e);
	assert_string_equal(str_of(o, "status"), "warning");
	assert_true(num_of(o, "budget_occupancy_pct") == 99.5);
	m = json_object_get(o, "messages");
	assert_non_null(strstr(json_string_value(json_array_get(m, 1)),
	    "98 %"));
	json_decref(o);
}

static void
test_occupancy_refused(void **state)
{
	(void)state;
	refused("occupancy", "{\"offer_kind\": \"ordinary\","
	    " \"occupancy_pct\": [94, 101]}", "occupancy_pct[1]");
	refused("occupancy", "{\"offer_kind\": \"ordinary\","
	    " \"occupancy_pct\": [0, 95]}", "occupancy_pct[0]");
	refused("occupancy", "{\"offer_kind\": \"ordinary\","
	    " \"occupancy_pct\": [94.0000005, 95]}", "occupancy_pct[0]");
	refused("occupancy", "{\"offer_kind\": \"ordinary\","
	    " \"occupied_days\": [3541, 3431], \"available_days\": [3660]}",
	    "available_days");
	refused("occupancy", "{\"offer_kind\": \"ordinary\","
	    " \"occupied_days\": [3541.5], \"available_days\": [3660]}",
	    "occupied_days[0]");
	refused("occupancy", "{\"offer_kind\": \"ordinary\","
	    " \"occupied_days\": [3541], \"available_days\": [0]}",
	    "available_days[0]");
	refused("occupancy", "{\"offer_kind\": \"ordinary\","
	    " \"occupancy_pct\": [\"94\", 95]}", "occupancy_pct[0]");
	refused("occupancy", "{\"offer_kind\": \"ordinary\","
	    " \"occupancy_pct\": [94]}", "occupancy_pct");
	refused("occupancy", "{\"offer_kind\": \"ordinary\","
	    " \"occupancy_pct\": 94}", "occupancy_pct");
	refused("occupancy", "{\"offer_kind\": \"respite\","
	    " \"occupancy_pct\": [94, 95]}", "offer_kind");
	refused("occupancy", "{\"occupancy_pct\": [94, 95]}", "offer_kind");
	refused("occupancy", "{\"offer_kind\": \"ordinary\","
	    " \"occupancy_pct\": [94, 95], \"places\": 3}", "places");
}

/* Parameters from a lookup (as storage will supply them). */
static int
lookup_3pct(void *arg, int year, struct agreement_params *out,
    struct err *e)
{
	int rc;

	(*(int *)arg)++;
	if ((rc = params_defaults(year, out, e)) != 0)
		return rc;
	out->setaside_ceiling_bp = 300;
	return 0;
}

static int
lookup_broken(void *arg, int year, struct agreement_params *out,
    struct err *e)
{
	(void)arg;
	params_defaults(year, out, e);
	out->occupancy_warn_bp = 0;
	return 0;
}

static void
test_params_lookup(void **state)
{
	struct calc_params	 src = { .lookup = lookup_3pct, .arg = NULL };
	struct err		 e;
	json_error_t		 je;
	json_t			*in, *out;
	int			 calls = 0;

	(void)state;
	src.arg = &calls;
	in = json_loads("{\"year\": 2013, \"tariff_base_ore\": 800000000,"
	    " \"revenue_ore\": 841800000, \"costs_ore\": 764800000}", 0, &je);
	assert_int_equal(calc_json("surplus", &src, in, &out, &e), 0);
	assert_int_equal(calls, 1);
	assert_int_equal(int_of(out, "setaside_ore"), 24000000);
	json_decref(out);
	src.lookup = lookup_broken;
	err_clear(&e);
	assert_int_equal(calc_json("surplus", &src, in, &out, &e),
	    ERR_INTERNAL);
	assert_null(out);
	json_decref(in);
	assert_int_equal(calc_surplus_json(NULL, &out, &e), ERR_INVALID);
}

/* TV-13 and TV-14 through the calculators, and their refusals. */
static void
test_fixed_prices_and_analysis(void **state)
{
	struct err	 e;
	json_t		*out, *lines;

	(void)state;
	out = run("fixed-prices", "{\"pl_pct\": {\"2021\": 1.2, \"2022\": 4.3,"
	    " \"2023\": 2.5, \"2024\": 4.0}, \"from_year\": 2020, \"to_year\":"
	    " 2024, \"amount_ore\": 200000}", 0, &e);
	assert_int_equal(int_of(out, "amount_ore"), 225036);
	assert_true(num_of(out, "factor") == 1.125180056);
	json_decref(out);
	out = run("analysis", "{\"pl_pct\": {\"2024\": 4}, \"from_year\": 2023,"
	    " \"to_year\": 2024, \"lines\": ["
	    "{\"id\": \"A\", \"places\": 10, \"tariff_from_ore\": 215000,"
	    " \"tariff_to_ore\": 230000},"
	    "{\"id\": \"B\", \"places\": 24, \"tariff_from_ore\": 180000,"
	    " \"tariff_to_ore\": 185000},"
	    "{\"id\": \"C\", \"places\": 6, \"tariff_from_ore\": 340000,"
	    " \"tariff_to_ore\": 370000}]}", 0, &e);
	lines = json_object_get(out, "lines");
	assert_int_equal(json_array_size(lines), 3);
	assert_string_equal(str_of(json_array_get(lines, 1), "id"), "B");
	assert_true(num_of(json_array_get(lines, 0), "real_change_pct") == 2.86);
	assert_true(num_of(json_array_get(lines, 1), "real_change_pct") ==
	    -1.18);
	assert_true(num_of(json_array_get(lines, 2), "real_change_pct") == 4.64);
	assert_true(num_of(out, "unweighted_mean_pct") == 2.11);
	assert_true(num_of(out, "weighted_mean_pct") == 1.24);
	json_decref(out);

	run("fixed-prices", "{\"pl_pct\": {\"2021\": 1.2}, \"from_year\": 2020,"
	    " \"to_year\": 2022}", ERR_INVALID, &e);
	assert_string_equal(e.msg, "PL-serien mangler 2022");
	refused("analysis", "{\"pl_pct\": {\"2024\": 4}, \"from_year\": 2023,"
	    " \"to_year\": 2024, \"lines\": []}", "lines");
	refused("analysis", "{\"pl_pct\": {\"2024\": 4}, \"from_year\": 2023,"
	    " \"to_year\": 2024, \"lines\": [{\"id\": \"A\", \"places\": 1,"
	    " \"tariff_from_ore\": 0, \"tariff_to_ore\": 1}]}",
	    "lines[0].tariff_from_ore");
	refused("analysis", "{\"pl_pct\": {\"2024\": 4}, \"from_year\": 2023,"
	    " \"to_year\": 2024, \"lines\": [{\"places\": 1,"
	    " \"tariff_from_ore\": 1, \"tariff_to_ore\": 1}]}", "lines[0].id");
	refused("fixed-prices", "{\"pl_pct\": {\"2024\": 4.12345}, "
	    "\"from_year\": 2023, \"to_year\": 2024}", "pl_pct.2024");
	refused("fixed-prices", "{\"from_year\": 2023, \"to_year\": 2024}",
	    "pl_pct");
	refused("fixed-prices", "{\"series\": \"state_general_pl\", "
	    "\"from_year\": 2023, \"to_year\": 2024}", "series");
	refused("fixed-prices", "{\"pl_pct\": {}, \"from_year\": 2023, "
	    "\"to_year\": 2024, \"amount_ore\": 1.5}", "amount_ore");
}

/* A named series comes from the caller's lookup. */
static int
lookup_series(void *arg, const char *name, struct pl_year *out, size_t max,
    size_t *n, struct err *e)
{
	(*(int *)arg)++;
	if (strcmp(name, "test_pl") != 0)
		return err_set(e, ERR_NOT_FOUND, "not_found", "series",
		    "PL-serien findes ikke");
	assert_true(max >= 1);
	out[0].year = 2024;
	out[0].pct_e4 = 40000;
	*n = 1;
	return 0;
}

static void
test_series_lookup(void **state)
{
	struct calc_params	 src = { .pl_series = lookup_series };
	struct err		 e;
	json_t			*in, *out;
	int			 calls = 0;

	(void)state;
	src.pl_arg = &calls;
	in = json_loads("{\"series\": \"test_pl\", \"from_year\": 2023, "
	    "\"to_year\": 2024, \"amount_ore\": 100000}", 0, NULL);
	assert_int_equal(calc_json("fixed-prices", &src, in, &out, &e), 0);
	assert_int_equal(calls, 1);
	assert_int_equal(int_of(out, "amount_ore"), 104000);
	json_decref(out);
	json_decref(in);
	in = json_loads("{\"series\": \"other\", \"from_year\": 2023, "
	    "\"to_year\": 2024}", 0, NULL);
	err_clear(&e);
	assert_int_equal(calc_json("fixed-prices", &src, in, &out, &e),
	    ERR_NOT_FOUND);
	assert_null(out);
	json_decref(in);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tariff_tv2),
		cmocka_unit_test(test_tariff_tv16_fractional_places),
		cmocka_unit_test(test_tariff_units),
		cmocka_unit_test(test_tariff_refused),
		cmocka_unit_test(test_messages_are_danish),
		cmocka_unit_test(test_surplus_tv1),
		cmocka_unit_test(test_surplus_tv4),
		cmocka_unit_test(test_surplus_refused),
		cmocka_unit_test(test_occupancy_tv3),
		cmocka_unit_test(test_occupancy_refused),
		cmocka_unit_test(test_params_lookup),
		cmocka_unit_test(test_fixed_prices_and_analysis),
		cmocka_unit_test(test_series_lookup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
