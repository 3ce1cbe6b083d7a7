/*
 * Unit tests for src/util/seal.c: a round trip, and a wrong key, a
 * changed byte, another owner, a short input, an unknown version all
 * refused with their error; the key file: made with mode 0600, loaded
 * back, refused when not 32 bytes or readable by others; a key's
 * fingerprint (BLAKE2b, 8 hex digits).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include <sodium.h>

#include "util/err.h"
#include "util/seal.h"

static const uint8_t	secret[20] = "12345678901234567890";

/* True when the n bytes at needle occur in the len bytes at hay. */
static int
contains(const uint8_t *hay, size_t len, const uint8_t *needle, size_t n)
{
	size_t	i;

	for (i = 0; i + n <= len; i++)
		if (memcmp(hay + i, needle, n) == 0)
			return 1;
	return 0;
}

static void
key_fill(struct seal_key *k, uint8_t v)
{
	memset(k->k, v, sizeof(k->k));
}

static void
test_round_trip(void **state)
{
	struct seal_key	k;
	uint8_t		box[sizeof(secret) + SEAL_OVERHEAD], box2[sizeof(box)];
	uint8_t		out[64];
	size_t		n, m;
	struct err	e;

	(void)state;
	key_fill(&k, 7);
	assert_int_equal(seal_close(&k, 42, secret, sizeof(secret), box,
	    sizeof(box), &n, &e), 0);
	assert_int_equal(n, sizeof(secret) + SEAL_OVERHEAD);
	assert_int_equal(box[0], SEAL_VERSION);
	assert_false(contains(box, n, secret, sizeof(secret)));
	assert_int_equal(seal_open(&k, 42, box, n, out, sizeof(out), &m, &e),
	    0);
	assert_int_equal(m, sizeof(secret));
	assert_memory_equal(out, secret, sizeof(secret));
	/* A fresh nonce each time: the same secret seals differently. */
	assert_int_equal(seal_close(&k, 42, secret, sizeof(secret), box2,
	    sizeof(box2), &n, &e), 0);
	assert_memory_not_equal(box, box2, n);
	/* No room. */
	assert_int_equal(seal_close(&k, 42, secret, sizeof(secret), box2,
	    sizeof(box2) - 1, &n, &e), ERR_INVALID);
	assert_string_equal(e.key, "seal_room");
}

static void
test_refused(void **state)
{
	struct seal_key	k, other;
	uint8_t		box[sizeof(secret) + SEAL_OVERHEAD], out[64];
	size_t		n, m, i;
	struct err	e;

	(void)state;
	key_fill(&k, 7);
	key_fill(&other, 8);
	assert_int_equal(seal_close(&k, 42, secret, sizeof(secret), box,
	    sizeof(box), &n, &e), 0);
	/* A wrong key. */
	assert_int_equal(seal_open(&other, 42, box, n, out, sizeof(out), &m,
	    &e), ERR_INVALID);
	assert_string_equal(e.key, "seal_open");
	assert_int_equal(m, 0);
	/* Another owner: a seal does not move to another user. */
	assert_int_equal(seal_open(&k, 43, box, n, out, sizeof(out), &m, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "seal_open");
	/* Any byte changed after the version byte. */
	for (i = 1; i < n; i++) {
		box[i] ^= 0x01;
		assert_int_equal(seal_open(&k, 42, box, n, out, sizeof(out),
		    &m, &e), ERR_INVALID);
		assert_string_equal(e.key, "seal_open");
		box[i] ^= 0x01;
	}
	/* The version byte: unknown. */
	box[0] = SEAL_VERSION + 1;
	assert_int_equal(seal_open(&k, 42, box, n, out, sizeof(out), &m, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "seal_version");
	box[0] = SEAL_VERSION;
	/* Cut short: a byte less still fails; below the overhead is short. */
	assert_int_equal(seal_open(&k, 42, box, n - 1, out, sizeof(out), &m,
	    &e), ERR_INVALID);
	assert_string_equal(e.key, "seal_open");
	assert_int_equal(seal_open(&k, 42, box, SEAL_OVERHEAD - 1, out,
	    sizeof(out), &m, &e), ERR_INVALID);
	assert_string_equal(e.key, "seal_short");
	assert_int_equal(seal_open(&k, 42, box, 0, out, sizeof(out), &m, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "seal_short");
	/* Still opens when left alone. */
	assert_int_equal(seal_open(&k, 42, box, n, out, sizeof(out), &m, &e),
	    0);
}

static void
test_key_file(void **state)
{
	char		dir[] = "/tmp/ramme-seal.XXXXXX", path[256], bad[256];
	struct seal_key	k, k2;
	struct stat	st;
	struct err	e;
	FILE		*f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/db.key", dir);
	assert_int_equal(seal_key_load(&k, path, &e), ERR_INVALID);
	assert_string_equal(e.key, "key_missing");
	assert_non_null(strstr(e.msg, "--key-file"));
	assert_int_equal(seal_key_create(&k, path, &e), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(st.st_size, SEAL_KEY_BYTES);
	assert_int_equal(seal_key_load(&k2, path, &e), 0);
	assert_memory_equal(k.k, k2.k, SEAL_KEY_BYTES);
	/* Never replaced. */
	assert_int_equal(seal_key_create(&k2, path, &e), ERR_CONFLICT);
	assert_int_equal(seal_key_load(&k2, path, &e), 0);
	assert_memory_equal(k.k, k2.k, SEAL_KEY_BYTES);
	/* Readable by others: refused. */
	assert_int_equal(chmod(path, 0644), 0);
	assert_int_equal(seal_key_load(&k2, path, &e), ERR_INVALID);
	assert_string_equal(e.key, "key_mode");
	assert_non_null(strstr(e.msg, "chmod 600"));
	unlink(path);
	/* 33 bytes, and 31. */
	snprintf(bad, sizeof(bad), "%s/bad.key", dir);
	f = fopen(bad, "w");
	assert_non_null(f);
	fwrite("0123456789abcdef0123456789abcdef\n", 1, 33, f);
	fclose(f);
	chmod(bad, 0600);
	assert_int_equal(seal_key_load(&k2, bad, &e), ERR_INVALID);
	assert_string_equal(e.key, "key_size");
	assert_int_equal(truncate(bad, 31), 0);
	assert_int_equal(seal_key_load(&k2, bad, &e), ERR_INVALID);
	assert_string_equal(e.key, "key_size");
	unlink(bad);
	/* A directory is no key file. */
	assert_int_equal(seal_key_load(&k2, dir, &e), ERR_INVALID);
	assert_string_equal(e.key, "key_size");
	rmdir(dir);
	seal_key_wipe(&k);
	seal_key_wipe(&k2);
}

static void
test_fingerprint(void **state)
{
	struct seal_key	k, other;
	char		fp[SEAL_FINGERPRINT], fp2[SEAL_FINGERPRINT];

	(void)state;
	key_fill(&k, 7);
	key_fill(&other, 8);
	seal_key_fingerprint(&k, fp);
	/* hashlib.blake2b(bytes([7] * 32), digest_size=32).hexdigest()[:8] */
	assert_string_equal(fp, "17cdc7bc");
	seal_key_fingerprint(&other, fp2);
	assert_string_not_equal(fp, fp2);
	/* The key is unchanged. */
	assert_int_equal(k.k[0], 7);
	assert_int_equal(k.k[SEAL_KEY_BYTES - 1], 7);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_key_file),
		cmocka_unit_test(test_fingerprint),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
