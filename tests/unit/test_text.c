/*
 * Unit tests for src/util/text.c: strict parsing, UTF-8, Windows-1252,
 * Danish formats.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "util/buf.h"
#include "util/text.h"

static void
test_utf8(void **state)
{
	(void)state;
	assert_true(text_utf8_valid("Brønderslev", strlen("Brønderslev")));
	assert_false(text_utf8_valid("\xff", 1));
	assert_false(text_utf8_valid("\xc0\xaf", 2));		/* overlong */
	assert_false(text_utf8_valid("\xed\xa0\x80", 3));	/* surrogate */
	assert_false(text_utf8_valid("\xe2\x82", 2));		/* truncated */
	assert_int_equal(text_utf8_len("æøå", strlen("æøå")), 3);
}

static void
test_cp1252(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	assert_int_equal(text_cp1252_to_utf8(&b,
	    "Br\xf8nderslev \xc6\xd8\xc5 \x80", 17, NULL), 0);
	assert_string_equal(buf_str(&b), "Brønderslev ÆØÅ €");
	buf_cleanup(&b);
	/* The five undefined bytes are refused with their offset. */
	{
		static const char undef[] = { '\x81', '\x8d', '\x8f', '\x90',
		    '\x9d' };
		size_t i, bad;

		for (i = 0; i < sizeof(undef); i++) {
			char in[4] = { 'a', '\xe6', undef[i], 'b' };

			buf_init(&b);
			bad = 99;
			assert_int_equal(text_cp1252_to_utf8(&b, in, 4, &bad),
			    -1);
			assert_int_equal(bad, 2);
			buf_cleanup(&b);
		}
	}
}

static void
test_parse_i64(void **state)
{
	int64_t v;

	(void)state;
	assert_int_equal(text_parse_i64("851", &v), 0);
	assert_int_equal(v, 851);
	assert_int_equal(text_parse_i64("-5", &v), 0);
	assert_int_equal(v, -5);
	assert_int_equal(text_parse_i64("", &v), -1);
	assert_int_equal(text_parse_i64("12a", &v), -1);
	assert_int_equal(text_parse_i64(" 1", &v), -1);
	assert_int_equal(text_parse_i64("99999999999999999999", &v), -1);
}

/* text_parse_kr(s) is ore, or refuses s. */
static void
kr_is(const char *s, int64_t ore)
{
	int64_t v = -42;

	if (text_parse_kr(s, &v) != 0)
		fail_msg("text_parse_kr(\"%s\") refused", s);
	if (v != ore)
		fail_msg("text_parse_kr(\"%s\") = %lld, want %lld", s,
		    (long long)v, (long long)ore);
}

static void
kr_refused(const char *s)
{
	int64_t v = -42;

	if (text_parse_kr(s, &v) == 0)
		fail_msg("text_parse_kr(\"%s\") = %lld, want refusal",
		    s != NULL ? s : "(null)", (long long)v);
	assert_int_equal(v, -42);
}

static void
test_parse_kr(void **state)
{
	char		out[TEXT_KR_SIZE];
	int64_t		v, samples[] = { 0, 1, 99, 228350, -37000000,
			    123456789012, INT64_MAX / 100 * 100 };
	size_t		i;

	(void)state;
	/* Danish form. */
	kr_is("2.283,50", 228350);
	kr_is("2283,50", 228350);
	kr_is("2283,5", 228350);
	kr_is("1.234.567", 123456700);
	kr_is("2.283,50 kr.", 228350);
	kr_is("2.283,50kr", 228350);
	kr_is("  2.283,50  Kr. ", 228350);
	kr_is("2 283,50", 228350);
	kr_is("2\xc2\xa0" "283,50\xc2\xa0kr.", 228350);	/* no-break space */
	kr_is("1\xe2\x80\xaf" "234\xe2\x80\xaf" "567", 123456700);
	kr_is("2.283", 228300);		/* a thousands dot, never decimals */
	kr_is("2.283,-", 228300);
	kr_is("-370.000", -37000000);
	kr_is("- 370.000 kr.", -37000000);
	kr_is("+5", 500);
	kr_is("0,05", 5);
	/* Plain form: one dot followed by one or two digits. */
	kr_is("2283.50", 228350);	/* /beregn read this as 228.350 kr. */
	kr_is("2283.5", 228350);
	kr_is("2283", 228300);
	kr_is("0.5", 50);
	kr_is("8418000", 841800000);
	/* Refusals. */
	kr_refused(NULL);
	kr_refused("");
	kr_refused("   ");
	kr_refused("kr.");
	kr_refused("abc");
	kr_refused("12a");
	kr_refused("2.28.3");		/* malformed grouping */
	kr_refused("2283.500");		/* four digits before a group */
	kr_refused("1.234.56");		/* decimals after thousands dots */
	kr_refused("1.2345");
	kr_refused("22.83.500");
	kr_refused("1 234.567");	/* dots and spaces mixed */
	kr_refused("1 23");
	kr_refused("2283,505");		/* more than two decimals */
	kr_refused("2.283,500");
	kr_refused("1,234,56");		/* two commas */
	kr_refused("1,234.56");
	kr_refused("2283.");
	kr_refused("2283,");
	kr_refused(",50");
	kr_refused(".5");
	kr_refused("--5");
	kr_refused("5 kr. 3");
	kr_refused("5 dkk");
	kr_refused("92233720368547759");	/* øre overflow int64_t */
	kr_refused("99999999999999999999");
	kr_is("92233720368547758", INT64_MAX / 100 * 100);
	/* The formatter's output reads back. */
	for (i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		text_format_ore_da(out, samples[i]);
		assert_int_equal(text_parse_kr(out, &v), 0);
		assert_int_equal(v, samples[i]);
		text_format_ore_da(out, -samples[i]);
		assert_int_equal(text_parse_kr(out, &v), 0);
		assert_int_equal(v, -samples[i]);
	}
}

static void
test_parse_centi(void **state)
{
	int64_t v;

	(void)state;
	assert_int_equal(text_parse_centi("12", &v), 0);
	assert_int_equal(v, 1200);
	assert_int_equal(text_parse_centi("12,5", &v), 0);
	assert_int_equal(v, 1250);
	assert_int_equal(text_parse_centi("0.25", &v), 0);
	assert_int_equal(v, 25);
	assert_int_equal(text_parse_centi("-3,10", &v), 0);
	assert_int_equal(v, -310);
	assert_int_equal(text_parse_centi("1,250", &v), 0);	/* zero beyond øre */
	assert_int_equal(v, 125);
	assert_int_equal(text_parse_centi("1,255", &v), -1);	/* precision lost */
	assert_int_equal(text_parse_centi("1.000,5", &v), -1);	/* no thousands */
	assert_int_equal(text_parse_centi(",5", &v), -1);
	assert_int_equal(text_parse_centi("5,", &v), -1);
}

static void
test_formats(void **state)
{
	struct buf	b;
	char		kr[TEXT_KR_SIZE];

	(void)state;
	buf_init(&b);
	text_format_int_da(&b, 217075);
	assert_string_equal(buf_str(&b), "217.075");
	text_format_ore_da(kr, 123456);
	assert_string_equal(kr, "1.234,56 kr.");
	text_format_ore_da(kr, -5);
	assert_string_equal(kr, "-0,05 kr.");
	text_format_ore_da(kr, 123456700);
	assert_string_equal(kr, "1.234.567,00 kr.");
	text_format_ore_da(kr, 0);
	assert_string_equal(kr, "0,00 kr.");
	text_format_ore_da(kr, INT64_MIN);
	assert_string_equal(kr, "-92.233.720.368.547.758,08 kr.");
	buf_reset(&b);
	text_format_centi_da(&b, 1250);
	assert_string_equal(buf_str(&b), "12,5");
	buf_reset(&b);
	text_format_centi(&b, 1205);
	assert_string_equal(buf_str(&b), "12.05");
	buf_reset(&b);
	text_format_date_da(&b, "2014-03-06");
	assert_string_equal(buf_str(&b), "6. marts 2014");
	buf_cleanup(&b);
}

static void
test_dates(void **state)
{
	(void)state;
	assert_true(text_date_valid("2012-09-01"));
	assert_true(text_date_valid("2024-02-29"));
	assert_false(text_date_valid("2023-02-29"));
	assert_false(text_date_valid("2012-13-01"));
	assert_false(text_date_valid("2012-9-1"));
	assert_false(text_date_valid("1. september 2012"));
}

static void
test_fold(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	text_fold(&b, "  Den Sikrede   Institution ÆØÅ É ");
	assert_string_equal(buf_str(&b), "den sikrede institution æøå é");
	buf_cleanup(&b);
}

/* Calendar arithmetic: known days, leap years, and the round trip. */
static void
test_civil_days(void **unused)
{
	int64_t	z;
	int	y, m, d;

	(void)unused;
	assert_int_equal(text_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(text_days_from_civil(2000, 3, 1), 11017);
	assert_int_equal(text_days_from_civil(1969, 12, 31), -1);
	assert_int_equal(text_days_from_civil(2012, 3, 1) -
	    text_days_from_civil(2012, 2, 28), 2);	/* leap year */
	assert_int_equal(text_days_from_civil(2100, 3, 1) -
	    text_days_from_civil(2100, 2, 28), 1);	/* not a leap year */
	for (z = -800000; z <= 3000000; z += 997) {
		text_civil_from_days(z, &y, &m, &d);
		assert_true(m >= 1 && m <= 12 && d >= 1 && d <= 31);
		assert_int_equal(text_days_from_civil(y, m, d), z);
	}
}

/* Copenhagen local time of an ISO UTC timestamp, as text. */
static const char *
cph(struct buf *b, const char *iso)
{
	buf_reset(b);
	text_format_timestamp_da(b, iso);
	return buf_str(b);
}

static void
test_time_da(void **state)
{
	struct buf	b;
	int64_t		t;

	(void)state;
	buf_init(&b);
	assert_string_equal(cph(&b, "2026-12-05T09:24:00Z"),
	    "5. december 2026 kl. 10.24");
	/* 2026: summer time from 29 March 01:00 UTC to 25 October. */
	assert_string_equal(cph(&b, "2026-03-29T00:59:00Z"),
	    "29. marts 2026 kl. 01.59");
	assert_string_equal(cph(&b, "2026-03-29T01:00:00Z"),
	    "29. marts 2026 kl. 03.00");
	assert_string_equal(cph(&b, "2026-03-29T01:01:00Z"),
	    "29. marts 2026 kl. 03.01");
	assert_string_equal(cph(&b, "2026-10-25T00:59:00Z"),
	    "25. oktober 2026 kl. 02.59");
	assert_string_equal(cph(&b, "2026-10-25T01:00:00Z"),
	    "25. oktober 2026 kl. 02.00");
	assert_string_equal(cph(&b, "2026-10-25T01:01:00Z"),
	    "25. oktober 2026 kl. 02.01");
	/* 2025: 30 March and 26 October; midnight and new year. */
	assert_string_equal(cph(&b, "2025-03-30T00:59:00Z"),
	    "30. marts 2025 kl. 01.59");
	assert_string_equal(cph(&b, "2025-03-30T01:01:00Z"),
	    "30. marts 2025 kl. 03.01");
	assert_string_equal(cph(&b, "2025-10-26T00:59:00Z"),
	    "26. oktober 2025 kl. 02.59");
	assert_string_equal(cph(&b, "2025-10-26T01:01:00Z"),
	    "26. oktober 2025 kl. 02.01");
	assert_string_equal(cph(&b, "2025-12-31T23:30:00Z"),
	    "1. januar 2026 kl. 00.30");
	assert_string_equal(cph(&b, "2026-06-30T22:00:00Z"),
	    "1. juli 2026 kl. 00.00");
	/* Not a stored timestamp: copied as is. */
	assert_string_equal(cph(&b, "2026-12-05"), "2026-12-05");
	assert_string_equal(cph(&b, "2026-02-30T10:00:00Z"),
	    "2026-02-30T10:00:00Z");
	assert_string_equal(cph(&b, "2026-12-05T24:00:00Z"),
	    "2026-12-05T24:00:00Z");
	assert_int_equal(text_parse_timestamp("2026-12-05T09:24:00", &t), -1);
	assert_int_equal(text_parse_timestamp(NULL, &t), -1);
	assert_int_equal(text_parse_timestamp("1970-01-01T00:00:00Z", &t), 0);
	assert_int_equal(t, 0);
	buf_reset(&b);
	text_format_time_da(&b, 1796462640);	/* 2026-12-05T09:24:00Z */
	assert_string_equal(buf_str(&b), "5. december 2026 kl. 10.24");
	assert_int_equal(text_cph_offset(1796462640), 3600);
	buf_cleanup(&b);
}

static void
test_index(void **state)
{
	static const char *const names[] = { "afventer", "godkendt", "" };

	(void)state;
	assert_int_equal(text_index(names, 3, "afventer"), 0);
	assert_int_equal(text_index(names, 3, "godkendt"), 1);
	assert_int_equal(text_index(names, 3, ""), 2);
	assert_int_equal(text_index(names, 2, ""), -1);
	assert_int_equal(text_index(names, 3, "Godkendt"), -1);
	assert_int_equal(text_index(names, 3, NULL), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_civil_days),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_cp1252),
		cmocka_unit_test(test_parse_i64),
		cmocka_unit_test(test_parse_centi),
		cmocka_unit_test(test_parse_kr),
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_time_da),
		cmocka_unit_test(test_index),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
