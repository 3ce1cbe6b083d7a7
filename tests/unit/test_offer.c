/*
 * Unit tests for src/core/offer.c and offer_json.c: the register's rules
 * for offers, paragraph splitting, and the JSON form.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/offer.h"
#include "core/offer_json.h"
#include "util/arena.h"
#include "util/err.h"

static struct offer
valid_offer(void)
{
	static struct offer_places places[] = { { 2012, 800 }, { 2014, 1000 } };
	static const char *paragraphs[] = { "SEL § 66 stk. 1 nr. 7" };
	struct offer o;

	memset(&o, 0, sizeof(o));
	o.name = "Den Sikrede Institution Kompasset";
	o.operator_code = "1081";
	o.location_code = "810";
	o.kind = OFFER_SECURE_INSTITUTION;
	o.paragraphs = paragraphs;
	o.nparagraphs = 1;
	o.places = places;
	o.nplaces = 2;
	o.opened_on = "2012-09-01";
	return o;
}

static void
test_valid(void **state)
{
	struct offer	o = valid_offer();
	struct err	e;

	(void)state;
	err_clear(&e);
	assert_int_equal(offer_validate(&o, &e), 0);
	assert_int_equal(offer_places_in(&o, 2012), 800);
	assert_int_equal(offer_places_in(&o, 2013), -1);
}

static void
test_invalid(void **state)
{
	struct offer_places	neg[] = { { 2012, -100 } }, big[] = { { 2012,
				    OFFER_PLACES_MAX + 1 } }, dup[] = { { 2012, 1 },
				    { 2012, 2 } }, year[] = { { 1800, 1 } };
	struct offer		o;
	struct err		e;
	char			long_name[OFFER_NAME_MAX + 2];

	(void)state;
	o = valid_offer();
	o.name = "";
	assert_int_equal(offer_validate(&o, &e), ERR_INVALID);
	assert_string_equal(e.key, "missing_name");

	o = valid_offer();
	memset(long_name, 'a', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	o.name = long_name;
	assert_int_equal(offer_validate(&o, &e), ERR_INVALID);
	assert_string_equal(e.key, "too_long");

	o = valid_offer();
	o.name = "Bad \xff name";
	assert_int_equal(offer_validate(&o, &e), ERR_INVALID);
	assert_string_equal(e.key, "invalid_utf8");

	o = valid_offer();
	o.places = neg;
	o.nplaces = 1;
	assert_int_equal(offer_validate(&o, &e), ERR_INVALID);
	assert_string_equal(e.key, "invalid_places");
	assert_string_equal(e.msg, "Antal pladser kan ikke være negativt");

	o.places = big;
	assert_int_equal(offer_validate(&o, &e), ERR_INVALID);
	assert_string_equal(e.key, "invalid_places");

	o.places = dup;
	o.nplaces = 2;
	assert_int_equal(offer_validate(&o, &e), ERR_INVALID);
	assert_string_equal(e.key, "duplicate_year");

	o.places = year;
	o.nplaces = 1;
	assert_int_equal(offer_validate(&o, &e), ERR_INVALID);
	assert_string_equal(e.key, "invalid_year");

	o = valid_offer();
	o.location_code = "1081";	/* a region is no municipality */
	assert_int_equal(offer_validate(&o, &e), ERR_INVALID);
	assert_string_equal(e.field, "location_code");

	o = valid_offer();
	o.opened_on = "2012-02-30";
	assert_int_equal(offer_validate(&o, &e), ERR_INVALID);
	assert_string_equal(e.field, "opened_on");

	o = valid_offer();
	o.tilbudsportal_id = "12x";
	assert_int_equal(offer_validate(&o, &e), ERR_INVALID);
}

static void
test_paragraph_split(void **state)
{
	struct arena	 a;
	const char	*out[16];
	int		 n;

	(void)state;
	arena_init(&a);
	n = offer_paragraphs_split(&a, "SEL §§ 67 and 107", out, 16);
	assert_int_equal(n, 2);
	assert_string_equal(out[0], "SEL § 67");
	assert_string_equal(out[1], "SEL § 107");

	n = offer_paragraphs_split(&a, "Barnets lov §§ 32, 46, 47; SEL §§ 84, "
	    "107", out, 16);
	assert_int_equal(n, 5);
	assert_string_equal(out[0], "Barnets lov § 32");
	assert_string_equal(out[2], "Barnets lov § 47");
	assert_string_equal(out[4], "SEL § 107");

	n = offer_paragraphs_split(&a, "SEL § 101 / SUL § 141", out, 16);
	assert_int_equal(n, 2);
	assert_string_equal(out[1], "SUL § 141");

	n = offer_paragraphs_split(&a, "Folkeskoleloven; SEL", out, 16);
	assert_int_equal(n, 2);
	assert_string_equal(out[0], "Folkeskoleloven");

	n = offer_paragraphs_split(&a, "SEL § 66 stk. 1 nr. 7", out, 16);
	assert_int_equal(n, 1);
	assert_string_equal(out[0], "SEL § 66 stk. 1 nr. 7");

	assert_int_equal(offer_paragraphs_split(&a, "a;b;c", out, 2), -1);
	assert_int_equal(offer_paragraphs_split(&a, " ; ", out, 2), 0);
	arena_cleanup(&a);

	assert_int_equal(offer_paragraph_section("SEL § 66 stk. 1 nr. 7"), 66);
	assert_int_equal(offer_paragraph_section("Barnets lov § 20"), 20);
	assert_int_equal(offer_paragraph_section("Folkeskoleloven"), 0);
}

static void
test_json_round_trip(void **state)
{
	struct offer	 o = valid_offer(), back;
	struct arena	 a;
	struct err	 e;
	json_t		*j;

	(void)state;
	arena_init(&a);
	o.id = 7;
	o.version = 3;
	j = offer_to_json(&o);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(j,
	    "places"), "2014")), 10);
	assert_string_equal(json_string_value(json_object_get(j, "kind")),
	    "secure_institution");
	memset(&back, 0, sizeof(back));
	assert_int_equal(offer_from_json(&a, j, &back, &e), 0);
	assert_string_equal(back.name, o.name);
	assert_int_equal(back.nplaces, 2);
	assert_int_equal(back.places[1].centi, 1000);
	assert_int_equal(back.kind, OFFER_SECURE_INSTITUTION);
	assert_int_equal(back.id, 0);	/* read-only fields are ignored */
	json_decref(j);
	arena_cleanup(&a);
}

static void
test_json_bad(void **state)
{
	static const struct {
		const char *json;
		const char *key;
	} cases[] = {
		{ "{\"name\": 5}", "invalid_type" },
		{ "{\"colour\": \"red\"}", "unknown_field" },
		{ "{\"places\": {\"2012\": -1}}", "invalid_places" },
		{ "{\"places\": {\"2012\": 1e9}}", "invalid_places" },
		{ "{\"places\": {\"2012\": 1.234}}", "invalid_places" },
		{ "{\"places\": {\"twenty\": 1}}", "invalid_year" },
		{ "{\"places\": [1]}", "invalid_type" },
		{ "{\"kind\": \"castle\"}", "invalid_kind" },
		{ "{\"status\": \"open\"}", "invalid_status" },
		{ "{\"covered\": \"yes\"}", "invalid_type" },
		{ "{\"paragraphs\": \"SEL § 107\"}", "invalid_type" },
		{ "{\"paragraphs\": [1]}", "invalid_type" },
	};
	struct offer	 o;
	struct arena	 a;
	struct err	 e;
	json_t		*j;
	size_t		 i;

	(void)state;
	arena_init(&a);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		j = json_loads(cases[i].json, 0, NULL);
		assert_non_null(j);
		memset(&o, 0, sizeof(o));
		err_clear(&e);
		assert_int_equal(offer_from_json(&a, j, &o, &e), ERR_INVALID);
		assert_string_equal(e.key, cases[i].key);
		json_decref(j);
	}
	/* Fractional places within two decimals are exact. */
	j = json_loads("{\"places\": {\"2024\": 2.5}}", 0, NULL);
	memset(&o, 0, sizeof(o));
	assert_int_equal(offer_from_json(&a, j, &o, &e), 0);
	assert_int_equal(o.places[0].centi, 250);
	json_decref(j);
	arena_cleanup(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_paragraph_split),
		cmocka_unit_test(test_json_round_trip),
		cmocka_unit_test(test_json_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
