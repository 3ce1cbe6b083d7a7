/*
 * Unit tests for src/report/meeting_fmt.c: timestamps, the Danish time
 * zone rules around the summer-time changes, Danish time texts, UTF-8
 * cleaning, URL joining and the publication rule.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "report/meeting_fmt.h"
#include "report/meeting_view.h"
#include "util/buf.h"
#include "util/text.h"

static int
offset_at_local(const char *iso)
{
	struct meeting_fmt_tm	tm;

	assert_int_equal(meeting_fmt_local(iso, &tm), 0);
	return meeting_fmt_cph_offset(&tm);
}

static int
offset_at_utc(const char *iso)
{
	int64_t	t;

	assert_int_equal(meeting_fmt_utc(iso, &t), 0);
	return meeting_fmt_cph_offset_at(t);
}

static void
test_parse(void **state)
{
	struct meeting_fmt_tm	tm;
	int64_t			t;

	(void)state;
	assert_int_equal(meeting_fmt_local("2011-10-06T13:00", &tm), 0);
	assert_int_equal(tm.year, 2011);
	assert_int_equal(tm.mon, 10);
	assert_int_equal(tm.day, 6);
	assert_int_equal(tm.hour, 13);
	assert_int_equal(tm.sec, 0);
	assert_int_equal(meeting_fmt_local("2011-10-06 13:00:59", &tm), 0);
	assert_int_equal(tm.sec, 59);
	assert_int_equal(meeting_fmt_local("2011-10-06", &tm), 0);
	assert_int_equal(tm.hour, 0);
	assert_int_equal(meeting_fmt_local("2011-02-29T10:00", &tm), -1);
	assert_int_equal(meeting_fmt_local("2011-10-06T24:00", &tm), -1);
	assert_int_equal(meeting_fmt_local("2011-10-06T13:00Z", &tm), -1);
	assert_int_equal(meeting_fmt_local("", &tm), -1);
	assert_int_equal(meeting_fmt_local(NULL, &tm), -1);

	assert_int_equal(meeting_fmt_utc("1970-01-01T00:00:00Z", &t), 0);
	assert_int_equal(t, 0);
	assert_int_equal(meeting_fmt_utc("2011-10-06T13:00:00+02:00", &t), 0);
	assert_int_equal(meeting_fmt_utc("2011-10-06 11:00:00.123", &t) == 0 &&
	    t == 1317898800, 1);
	assert_int_equal(meeting_fmt_utc("2011-10-06T11:00:00Z", &t), 0);
	assert_int_equal(t, 1317898800);
	assert_int_equal(meeting_fmt_utc("2011-10-06T11:00:00 Z", &t), -1);
	assert_int_equal(meeting_fmt_utc("2011-10-06T11:00:00+2", &t), -1);

	meeting_fmt_from_epoch(951782400, &tm);	/* 2000-02-29 */
	assert_int_equal(tm.year, 2000);
	assert_int_equal(tm.mon, 2);
	assert_int_equal(tm.day, 29);
	assert_int_equal(meeting_fmt_weekday(2011, 10, 6), 4);	/* Thursday */
	assert_int_equal(meeting_fmt_weekday(1970, 3, 29), 0);
	assert_int_equal(meeting_fmt_weekday(1970, 10, 25), 0);
}

static void
test_dst(void **state)
{
	(void)state;
	/* 2011: summer time from 27 March to 30 October. */
	assert_int_equal(offset_at_local("2011-01-15T10:00"), 3600);
	assert_int_equal(offset_at_local("2011-03-27T01:59"), 3600);
	assert_int_equal(offset_at_local("2011-03-27T02:30"), 3600);	/* gap */
	assert_int_equal(offset_at_local("2011-03-27T03:00"), 7200);
	assert_int_equal(offset_at_local("2011-10-06T13:00"), 7200);
	assert_int_equal(offset_at_local("2011-10-30T02:30"), 7200);	/* twice */
	assert_int_equal(offset_at_local("2011-10-30T03:00"), 3600);
	assert_int_equal(offset_at_local("2024-03-31T12:00"), 7200);
	assert_int_equal(offset_at_local("2024-03-30T12:00"), 3600);

	assert_int_equal(offset_at_utc("2011-03-27T00:59:59Z"), 3600);
	assert_int_equal(offset_at_utc("2011-03-27T01:00:00Z"), 7200);
	assert_int_equal(offset_at_utc("2011-10-30T00:59:59Z"), 7200);
	assert_int_equal(offset_at_utc("2011-10-30T01:00:00Z"), 3600);
}

static void
test_when_da(void **state)
{
	struct meeting_view	v;
	struct buf		b;

	(void)state;
	memset(&v, 0, sizeof(v));
	buf_init(&b);
	v.start = "2011-10-06T13:00";
	v.end = "2011-10-06T16:00";
	meeting_fmt_when_da(&b, &v);
	assert_string_equal(buf_str(&b),
	    "6. oktober 2011, kl. 13.00\xe2\x80\x93" "16.00");
	buf_reset(&b);
	v.end = "2011-10-07T12:30";
	meeting_fmt_when_da(&b, &v);
	assert_string_equal(buf_str(&b), "6. oktober 2011, kl. 13.00 "
	    "\xe2\x80\x93 7. oktober 2011, kl. 12.30");
	buf_reset(&b);
	v.end = NULL;
	v.start = "2012-03-01T09:05";
	meeting_fmt_when_da(&b, &v);
	assert_string_equal(buf_str(&b), "1. marts 2012, kl. 09.05");
	buf_reset(&b);
	v.start = "i morgen";
	meeting_fmt_when_da(&b, &v);
	assert_string_equal(buf_str(&b), "i morgen");
	buf_cleanup(&b);
}

static void
test_utf8(void **state)
{
	struct buf	b;

	(void)state;
	buf_init(&b);
	meeting_fmt_utf8(&b, "Ærø\r\nlinje\rto\x01\x7f\tfane");
	assert_string_equal(buf_str(&b), "Ærø\nlinje\nto\tfane");
	buf_reset(&b);
	meeting_fmt_utf8(&b, "a\xff" "b\xc3" "c\xed\xa0\x80" "d\xc0\xaf");
	assert_true(text_utf8_valid(b.data, b.len));
	assert_string_equal(buf_str(&b), "a\xef\xbf\xbd" "b\xef\xbf\xbd"
	    "c\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
	    "d\xef\xbf\xbd\xef\xbf\xbd");
	buf_reset(&b);
	meeting_fmt_utf8(&b, NULL);
	assert_int_equal(b.len, 0);
	assert_true(meeting_fmt_blank(" \t\n"));
	assert_true(meeting_fmt_blank(NULL));
	assert_false(meeting_fmt_blank(" x"));
	buf_cleanup(&b);
}

static void
test_url(void **state)
{
	struct buf	b;

	(void)state;
	buf_init(&b);
	assert_true(meeting_fmt_url_join(&b, "https://r.dk/", "/moeder/7"));
	assert_string_equal(buf_str(&b), "https://r.dk/moeder/7");
	buf_reset(&b);
	assert_true(meeting_fmt_url_join(&b, NULL, "http://x.dk/a"));
	assert_string_equal(buf_str(&b), "http://x.dk/a");
	buf_reset(&b);
	assert_false(meeting_fmt_url_join(&b, "https://r.dk", "//evil.dk/"));
	assert_false(meeting_fmt_url_join(&b, "https://r.dk", "javascript:1"));
	assert_false(meeting_fmt_url_join(&b, NULL, "/moeder/7"));
	assert_false(meeting_fmt_url_join(&b, "https://r.dk", "/a b"));
	assert_false(meeting_fmt_url_join(&b, "https://r.dk", NULL));
	assert_int_equal(b.len, 0);
	buf_cleanup(&b);
}

static void
test_rule(void **state)
{
	struct meeting_view_item	it;
	struct meeting_view_file	f;
	struct meeting_view		v;

	(void)state;
	memset(&it, 0, sizeof(it));
	memset(&f, 0, sizeof(f));
	memset(&v, 0, sizeof(v));
	assert_true(meeting_fmt_item_shown(&it, false));
	assert_true(meeting_fmt_file_shown(&it, &f, false));
	f.closed = true;
	assert_false(meeting_fmt_file_shown(&it, &f, false));
	assert_true(meeting_fmt_file_shown(&it, &f, true));
	f.closed = false;
	it.closed = true;
	assert_false(meeting_fmt_item_shown(&it, false));
	assert_false(meeting_fmt_file_shown(&it, &f, false));
	assert_true(meeting_fmt_item_shown(&it, true));

	v.state = "referat_udkast";
	assert_false(meeting_fmt_minutes_approved(&v));
	v.state = "referat_godkendt";
	assert_true(meeting_fmt_minutes_approved(&v));
	v.state = "afholdt";
	v.minutes_approved_at = "2011-12-14T15:00:00Z";
	assert_true(meeting_fmt_minutes_approved(&v));
	v.cancelled = true;
	assert_false(meeting_fmt_minutes_approved(&v));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_dst),
		cmocka_unit_test(test_when_da),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_url),
		cmocka_unit_test(test_rule),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
