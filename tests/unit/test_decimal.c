/*
 * Unit tests for src/core/decimal.c: fixed-scale figures written to JSON
 * print exactly, and decimals are read exactly as written.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/decimal.h"

/* v/10^scale dumped as the API dumps it. */
static char *
dumped(int64_t v, int scale)
{
	json_t	*j = json_pack("{s:o}", "x", decimal_json(v, scale));
	char	*t = json_dumps(j, JSON_COMPACT | DECIMAL_JSON_FLAGS);

	json_decref(j);
	return t;
}

static void
check_dump(int64_t v, int scale, const char *want)
{
	char *t = dumped(v, scale);

	assert_string_equal(t, want);
	free(t);
}

/* 96.74 was 96.739999999999995 with the default precision. */
static void
test_write_exact(void **state)
{
	json_t	*j;
	char	*t;

	(void)state;
	check_dump(9674, 2, "{\"x\":96.74}");
	check_dump(9675, 2, "{\"x\":96.75}");
	check_dump(9500, 2, "{\"x\":95}");
	check_dump(-27, 2, "{\"x\":-0.27}");
	check_dump(5, 2, "{\"x\":0.05}");
	check_dump(97014, 3, "{\"x\":97.014}");
	check_dump(11251800, 7, "{\"x\":1.12518}");
	check_dump(INT64_C(99999999999999), 2, "{\"x\":999999999999.99}");
	/* Every hundredth from 0 to 1,000 prints as itself. */
	for (int64_t c = 0; c <= 100000; c++) {
		char want[48];

		t = dumped(c, 2);
		if (c % 100 == 0)
			snprintf(want, sizeof(want), "{\"x\":%lld}",
			    (long long)(c / 100));
		else if (c % 10 == 0)
			snprintf(want, sizeof(want), "{\"x\":%lld.%lld}",
			    (long long)(c / 100), (long long)(c % 100 / 10));
		else
			snprintf(want, sizeof(want), "{\"x\":%lld.%02lld}",
			    (long long)(c / 100), (long long)(c % 100));
		assert_string_equal(t, want);
		free(t);
	}
	/* Without the flags jansson prints 17 digits: the reason for them. */
	j = json_real(96.74);
	t = json_dumps(j, JSON_ENCODE_ANY);
	assert_string_equal(t, "96.739999999999995");
	free(t);
	json_decref(j);
}

static int
read_text(const char *txt, struct decimal *d)
{
	json_t	*j = json_loads(txt, JSON_DECODE_ANY, NULL);
	int	 rc;

	assert_non_null(j);
	rc = decimal_read(j, d);
	json_decref(j);
	return rc;
}

static int64_t
centi_of(const char *txt, int *rc)
{
	json_t	*j = json_loads(txt, JSON_DECODE_ANY, NULL);
	int64_t	 v = -1;

	assert_non_null(j);
	*rc = decimal_from_json(j, 2, 100000000, &v);
	json_decref(j);
	return v;
}

static void
test_read_exact(void **state)
{
	struct decimal	d;
	int		rc;

	(void)state;
	assert_int_equal(read_text("97.014", &d), 0);
	assert_int_equal(d.num, 97014);
	assert_int_equal(d.scale, 3);
	assert_int_equal(read_text("94", &d), 0);
	assert_int_equal(d.num, 94);
	assert_int_equal(d.scale, 0);
	assert_int_equal(read_text("95.50", &d), 0);
	assert_int_equal(d.num, 955);
	assert_int_equal(d.scale, 1);
	assert_int_equal(read_text("1e-05", &d), 0);
	assert_int_equal(d.num, 1);
	assert_int_equal(d.scale, 5);
	assert_int_equal(read_text("-0.27", &d), 0);
	assert_int_equal(d.num, -27);
	/* A double 15 digits do not reproduce is refused, not rounded. */
	assert_int_equal(read_text("1.0000000000000002", &d),
	    DECIMAL_TOO_PRECISE);
	assert_int_equal(read_text("\"96\"", &d), DECIMAL_NOT_NUMBER);

	assert_int_equal(centi_of("96.74", &rc), 9674);
	assert_int_equal(rc, 0);
	assert_int_equal(centi_of("0.29", &rc), 29);	/* 28.999… as double */
	assert_int_equal(centi_of("1.005", &rc), -1);
	assert_int_equal(rc, DECIMAL_TOO_PRECISE);
	assert_int_equal(centi_of("1e9", &rc), -1);
	assert_int_equal(rc, DECIMAL_TOO_LARGE);
	assert_int_equal(centi_of("12.3e1", &rc), 12300);
}

static void
test_parse(void **state)
{
	struct decimal d;

	(void)state;
	assert_int_equal(decimal_parse("3541", &d), 0);
	assert_int_equal(decimal_parse("1.", &d), DECIMAL_NOT_NUMBER);
	assert_int_equal(decimal_parse(".5", &d), DECIMAL_NOT_NUMBER);
	assert_int_equal(decimal_parse("1,5", &d), DECIMAL_NOT_NUMBER);
	assert_int_equal(decimal_parse("0.0000000001", &d),
	    DECIMAL_TOO_PRECISE);
	assert_int_equal(decimal_parse("99999999999999999999", &d),
	    DECIMAL_TOO_PRECISE);
	assert_int_equal(decimal_parse("2.5e2", &d), 0);
	assert_int_equal(d.num, 250);
	assert_int_equal(d.scale, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_exact),
		cmocka_unit_test(test_read_exact),
		cmocka_unit_test(test_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
