/*
 * Unit tests for src/core/totp.c: the HOTP vectors of RFC 4226
 * appendix D, the TOTP SHA-1 vectors of RFC 6238 appendix B, the
 * window and the replay rule, base32 (RFC 4648 section 10) and the
 * otpauth URI.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "core/totp.h"
#include "util/arena.h"

static const uint8_t	rfc_key[] = "12345678901234567890";
#define RFC_KEYLEN	20

static void
test_hotp_rfc4226(void **state)
{
	static const char *const want[] = { "755224", "287082", "359152",
	    "969429", "338314", "254676", "287922", "162583", "399871",
	    "520489" };
	char	out[9];
	int	i;

	(void)state;
	for (i = 0; i < 10; i++) {
		assert_int_equal(totp_hotp(rfc_key, RFC_KEYLEN, (uint64_t)i, 6,
		    out), 0);
		assert_string_equal(out, want[i]);
	}
	assert_int_equal(totp_hotp(rfc_key, RFC_KEYLEN, 0, 5, out), -1);
	assert_int_equal(totp_hotp(rfc_key, 0, 0, 6, out), -1);
}

static void
test_totp_rfc6238(void **state)
{
	static const struct { int64_t t; const char *code; } v[] = {
		{ 59, "94287082" }, { 1111111109, "07081804" },
		{ 1111111111, "14050471" }, { 1234567890, "89005924" },
		{ 2000000000, "69279037" }, { 20000000000, "65353130" },
	};
	char	out[9];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		assert_int_equal(totp_code(rfc_key, RFC_KEYLEN, v[i].t, 8,
		    out), 0);
		assert_string_equal(out, v[i].code);
	}
	assert_int_equal(totp_step_of(59), 1);
	assert_int_equal(totp_step_of(-5), 0);
}

static void
test_verify_window_replay(void **state)
{
	char	code[9], prev[9], next[9], old[9];
	int64_t	now = 1111111111, step = -1, cur = now / TOTP_STEP;

	(void)state;
	totp_code(rfc_key, RFC_KEYLEN, now, 6, code);
	totp_code(rfc_key, RFC_KEYLEN, now - TOTP_STEP, 6, prev);
	totp_code(rfc_key, RFC_KEYLEN, now + TOTP_STEP, 6, next);
	totp_code(rfc_key, RFC_KEYLEN, now - 2 * TOTP_STEP, 6, old);
	assert_int_equal(totp_verify(rfc_key, RFC_KEYLEN, code, now, 0,
	    &step), 1);
	assert_int_equal(step, cur);
	assert_int_equal(totp_verify(rfc_key, RFC_KEYLEN, prev, now, 0,
	    &step), 1);
	assert_int_equal(step, cur - 1);
	assert_int_equal(totp_verify(rfc_key, RFC_KEYLEN, next, now, 0,
	    &step), 1);
	assert_int_equal(step, cur + 1);
	/* Two steps away: too old. */
	assert_int_equal(totp_verify(rfc_key, RFC_KEYLEN, old, now, 0,
	    &step), 0);
	/* Used once: the same step, or an earlier one, is refused. */
	assert_int_equal(totp_verify(rfc_key, RFC_KEYLEN, code, now, cur,
	    &step), 0);
	assert_int_equal(totp_verify(rfc_key, RFC_KEYLEN, prev, now, cur,
	    &step), 0);
	assert_int_equal(totp_verify(rfc_key, RFC_KEYLEN, next, now, cur,
	    &step), 1);
	/* Spaces are ignored; other characters and lengths are refused. */
	{
		char spaced[12];

		snprintf(spaced, sizeof(spaced), "%.3s %s", code, code + 3);
		assert_int_equal(totp_verify(rfc_key, RFC_KEYLEN, spaced, now,
		    0, &step), 1);
	}
	assert_int_equal(totp_verify(rfc_key, RFC_KEYLEN, "12345", now, 0,
	    &step), 0);
	assert_int_equal(totp_verify(rfc_key, RFC_KEYLEN, "1234567", now, 0,
	    &step), 0);
	assert_int_equal(totp_verify(rfc_key, RFC_KEYLEN, "12a456", now, 0,
	    &step), 0);
	assert_int_equal(totp_verify(rfc_key, RFC_KEYLEN, NULL, now, 0,
	    &step), 0);
}

static void
test_base32(void **state)
{
	/* RFC 4648 section 10, without the padding. */
	static const struct { const char *in, *out; } v[] = {
		{ "f", "MY" }, { "fo", "MZXQ" }, { "foo", "MZXW6" },
		{ "foob", "MZXW6YQ" }, { "fooba", "MZXW6YTB" },
		{ "foobar", "MZXW6YTBOI" },
	};
	char	out[TOTP_BASE32_MAX];
	uint8_t	raw[TOTP_SECRET_MAX];
	size_t	i, n;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		assert_int_equal(totp_base32_encode((const uint8_t *)v[i].in,
		    strlen(v[i].in), out, sizeof(out)), 0);
		assert_string_equal(out, v[i].out);
		assert_int_equal(totp_base32_decode(v[i].out, raw, sizeof(raw),
		    &n), 0);
		assert_int_equal(n, strlen(v[i].in));
		assert_memory_equal(raw, v[i].in, n);
	}
	assert_int_equal(totp_base32_encode(rfc_key, RFC_KEYLEN, out,
	    sizeof(out)), 0);
	assert_string_equal(out, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	/* Lower case, spaces and padding are accepted. */
	assert_int_equal(totp_base32_decode("mzxw 6ytb oi======", raw,
	    sizeof(raw), &n), 0);
	assert_int_equal(n, 6);
	assert_memory_equal(raw, "foobar", 6);
	assert_int_equal(totp_base32_decode("MZX1", raw, sizeof(raw), &n), -1);
	assert_int_equal(totp_base32_decode("", raw, sizeof(raw), &n), -1);
	assert_int_equal(totp_base32_decode("MZXW6YTBOI", raw, 3, &n), -1);
	assert_int_equal(totp_base32_encode(rfc_key, RFC_KEYLEN, out, 10), -1);
}

static void
test_group_uri(void **state)
{
	struct arena	a;

	(void)state;
	arena_init(&a);
	assert_string_equal(totp_group(&a, "GEZDGNBVGY"), "GEZD GNBV GY");
	assert_string_equal(totp_group(&a, "ABCD"), "ABCD");
	assert_string_equal(totp_uri(&a, "Rammeaftaler", "sekretariat",
	    "GEZDGNBV"), "otpauth://totp/Rammeaftaler:sekretariat?"
	    "secret=GEZDGNBV&issuer=Rammeaftaler&algorithm=SHA1&digits=6"
	    "&period=30");
	assert_string_equal(totp_uri(&a, "Ramme Nord", "a b@c", "AB"),
	    "otpauth://totp/Ramme%20Nord:a%20b%40c?secret=AB&"
	    "issuer=Ramme%20Nord&algorithm=SHA1&digits=6&period=30");
	arena_cleanup(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hotp_rfc4226),
		cmocka_unit_test(test_totp_rfc6238),
		cmocka_unit_test(test_verify_window_replay),
		cmocka_unit_test(test_base32),
		cmocka_unit_test(test_group_uri),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
