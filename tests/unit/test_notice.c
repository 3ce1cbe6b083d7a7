/*
 * Unit tests for src/core/notice.c: the kinds table, address checks,
 * backoff, the RFC 5322 date, RFC 2047 subjects, quoted-printable bodies
 * and the whole message.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/notice.h"
#include "util/buf.h"
#include "util/err.h"

static void
test_kinds(void **state)
{
	enum notice_kind	k;
	struct err		e;
	int			i;

	(void)state;
	for (i = 0; i < NOTICE_KIND_COUNT; i++) {
		assert_int_equal(notice_kinds[i].kind, i);
		assert_int_equal(notice_kind_parse(notice_kinds[i].key, &k,
		    &e), 0);
		assert_int_equal(k, i);
		assert_string_equal(notice_kind_label(notice_kinds[i].key),
		    notice_kinds[i].label);
	}
	assert_string_equal(notice_kind_key(NOTICE_HEARING), "hearing");
	assert_string_equal(notice_kind_key(NOTICE_KIND_COUNT), "");
	assert_int_equal(notice_kind_parse("nope", &k, &e), ERR_INVALID);
	assert_string_equal(e.key, "invalid_kind");
}

static void
test_email(void **state)
{
	static const char *const good[] = { "a@b.dk", "jens.hansen@aalborg.dk",
	    "x+tag@sub.kommune.dk", "o'brien@example.com", "A_B-c@x-y.org" };
	static const char *const bad[] = { "", "a", "a@", "@b.dk", "a@b",
	    "a@b.d", "a@@b.dk", "a b@c.dk", "a@b .dk", ".a@b.dk", "a.@b.dk",
	    "a..b@c.dk", "a@-b.dk", "a@b-.dk", "a@b..dk", "a@b.d1",
	    "æ@b.dk", "a@bø.dk", "a@b.dk\r\nBcc: x@y.dk", "a\"b@c.dk",
	    "a@b.dk\n" };
	struct err	e;
	char		big[300];
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		assert_int_equal(notice_email_check(good[i], &e), 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err_clear(&e);
		if (notice_email_check(bad[i], &e) != ERR_INVALID)
			fail_msg("accepted '%s'", bad[i]);
		assert_string_equal(e.field, "email");
		assert_non_null(strstr(e.msg, "-mailadresse"));
	}
	/* 64 characters before @ pass, 65 do not. */
	memset(big, 'a', 64);
	strcpy(big + 64, "@b.dk");
	assert_int_equal(notice_email_check(big, &e), 0);
	memset(big, 'a', 65);
	strcpy(big + 65, "@b.dk");
	assert_int_equal(notice_email_check(big, &e), ERR_INVALID);
	/* 254 bytes in all pass, 255 do not. */
	strcpy(big, "x@");
	for (i = 2; i + 10 <= 252; i += 10)
		memcpy(big + i, "aaaaaaaaa.", 10);
	memcpy(big + i, "dk", 3);
	assert_int_equal(strlen(big), 254);
	assert_int_equal(notice_email_check(big, &e), 0);
	memmove(big + 1, big, 255);
	assert_int_equal(strlen(big), 255);
	assert_int_equal(notice_email_check(big, &e), ERR_INVALID);
}

static void
test_backoff(void **state)
{
	(void)state;
	assert_int_equal(notice_backoff(1, 0), NOTICE_BACKOFF_BASE);
	assert_int_equal(notice_backoff(0, 60), 60);
	assert_int_equal(notice_backoff(2, 60), 120);
	assert_int_equal(notice_backoff(3, 60), 240);
	assert_int_equal(notice_backoff(7, 60), 3840);
	/* Capped at six hours, also for huge attempt counts. */
	assert_int_equal(notice_backoff(9, 60), 15360);
	assert_int_equal(notice_backoff(10, 60), NOTICE_BACKOFF_MAX);
	assert_int_equal(notice_backoff(1000, 60), NOTICE_BACKOFF_MAX);
	assert_int_equal(notice_backoff(2, 2), 4);
}

static void
test_date(void **state)
{
	char d[32];

	(void)state;
	notice_date(0, d);
	assert_string_equal(d, "Thu, 01 Jan 1970 00:00:00 +0000");
	notice_date(1796478353, d);	/* 2026-12-05T13:45:53Z */
	assert_string_equal(d, "Sat, 05 Dec 2026 13:45:53 +0000");
}

static void
test_header_encode(void **state)
{
	struct buf	b;
	const char	*p, *w;
	size_t		len;

	(void)state;
	buf_init(&b);
	notice_header_encode(&b, "Godkendt: Bo 2026");
	assert_string_equal(buf_str(&b), "Godkendt: Bo 2026");
	buf_reset(&b);
	notice_header_encode(&b, "Påmindelse");
	assert_string_equal(buf_str(&b), "=?UTF-8?B?UMOlbWluZGVsc2U=?=");
	buf_reset(&b);
	/* A long subject: words of at most 75 characters, folded, and no
	   character split (every word decodes on its own). */
	notice_header_encode(&b, "Sendt retur: Æblehaven, Østervang og Åbo — "
	    "takstindberetning for 2027 med en lang titel på dansk");
	p = buf_str(&b);
	assert_non_null(strstr(p, "\r\n =?UTF-8?B?"));
	for (w = p; w != NULL; w = strstr(w, "\r\n ")) {
		if (w != p)
			w += 3;
		len = strcspn(w, "\r");
		assert_true(len <= 75);
		assert_memory_equal(w, "=?UTF-8?B?", 10);
		if (w[len] == '\0')
			break;
	}
	buf_reset(&b);
	/* A control character is encoded, never passed into the header. */
	notice_header_encode(&b, "a\tb");
	assert_string_equal(buf_str(&b), "=?UTF-8?B?YQli?=");
	buf_cleanup(&b);
}

static void
test_qp(void **state)
{
	struct buf	b;
	char		line[200];
	const char	*p, *q;

	(void)state;
	buf_init(&b);
	notice_qp_encode(&b, "Fristen er den 1. maj.\nÆ=ø \nslut");
	assert_string_equal(buf_str(&b), "Fristen er den 1. maj.\r\n"
	    "=C3=86=3D=C3=B8=20\r\nslut\r\n");
	buf_reset(&b);
	notice_qp_encode(&b, ".\n");
	assert_string_equal(buf_str(&b), "=2E\r\n");
	buf_reset(&b);
	memset(line, 'x', 150);
	line[150] = '\0';
	memcpy(line + 74, "ø", 2);
	notice_qp_encode(&b, line);
	/* Every line fits 76 characters; an escape is never split. */
	for (p = buf_str(&b); *p != '\0'; p = q + 2) {
		q = strstr(p, "\r\n");
		assert_non_null(q);
		assert_true(q - p <= 76);
		if (q - p >= 2)
			assert_true(q[-2] != '=');
	}
	assert_non_null(strstr(buf_str(&b), "=C3=B8"));
	buf_cleanup(&b);
}

static void
test_message(void **state)
{
	struct notice_mail	m;
	struct buf		b;
	struct err		e;
	const char		*s;

	(void)state;
	memset(&m, 0, sizeof(m));
	m.from_addr = "rammeaftaler@example.dk";
	m.from_name = "Rammeaftaler Nordjylland";
	m.to_addr = "jens@aalborg.dk";
	m.subject = "Sendt retur: Bøgehøj";
	m.body = "Ret og indsend igen.\n";
	m.message_id = "<abc@ramme>";
	m.date = 1796478353;
	buf_init(&b);
	assert_int_equal(notice_mail_format(&m, &b, &e), 0);
	s = buf_str(&b);
	assert_non_null(strstr(s, "Date: Sat, 05 Dec 2026 13:45:53 +0000\r\n"));
	assert_non_null(strstr(s, "From: \"Rammeaftaler Nordjylland\" "
	    "<rammeaftaler@example.dk>\r\n"));
	assert_non_null(strstr(s, "To: jens@aalborg.dk\r\n"));
	assert_non_null(strstr(s, "Subject: =?UTF-8?B?"));
	assert_non_null(strstr(s, "Message-ID: <abc@ramme>\r\n"));
	assert_non_null(strstr(s, "Content-Type: text/plain; charset=utf-8"
	    "\r\n"));
	assert_non_null(strstr(s, "Content-Transfer-Encoding: "
	    "quoted-printable\r\n"));
	assert_non_null(strstr(s, "\r\n\r\nRet og indsend igen.\r\n"));
	/* Headers are ASCII only. */
	for (; *s != '\0'; s++)
		assert_true((unsigned char)*s < 0x80);
	/* A line break in a header value is refused. */
	buf_reset(&b);
	m.subject = "a\r\nBcc: x@y.dk";
	assert_int_equal(notice_mail_format(&m, &b, &e), ERR_INVALID);
	m.subject = "ok";
	m.to_addr = NULL;
	assert_int_equal(notice_mail_format(&m, &b, &e), ERR_INVALID);
	buf_cleanup(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_email),
		cmocka_unit_test(test_backoff),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_header_encode),
		cmocka_unit_test(test_qp),
		cmocka_unit_test(test_message),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
