/*
 * Unit tests for the key rotation of src/service/twofactor.c
 * (twofactor_rekey): every secret, sealed or still plain, sealed again
 * with the new key and still giving the same codes; audited by the
 * keys' fingerprints only; a wrong old key, the same key or a caller
 * other than an admin change nothing; a key that no longer opens the
 * stored seals enrols no one.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <sodium.h>

#include "core/role.h"
#include "core/totp.h"
#include "service/svc.h"
#include "service/twofactor.h"
#include "store/db.h"
#include "store/totp_store.h"
#include "store/user_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/seal.h"
#include "testdb.h"

#define NOW	1767225600	/* 2026-01-01 */
#define B32	"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

static int64_t
user_new(struct svc *s, const char *name)
{
	struct user	u;
	struct err	e;
	int64_t		id;

	memset(&u, 0, sizeof(u));
	u.username = name;
	u.display_name = name;
	u.role = ROLE_READER;
	u.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$x$y";
	u.active = true;
	assert_int_equal(db_begin(s->db, DB_WRITE, &e), 0);
	assert_int_equal(user_store_insert(s->db, &u, s->now_iso, &id, &e),
	    0);
	assert_int_equal(db_commit(s->db, &e), 0);
	return id;
}

/* The stored row of id into t. */
static void
row(struct svc *s, int64_t id, struct totp_row *t)
{
	assert_int_equal(db_begin(s->db, DB_READ, NULL), 0);
	assert_int_equal(totp_store_get(s->db, s->arena, id, t, NULL), 0);
	db_rollback(s->db);
}

/* The TOTP code of the secret of id, opened with k, at NOW. */
static void
code_of(struct svc *s, int64_t id, const struct seal_key *k,
    char code[TOTP_DIGITS + 1], bool *opens)
{
	struct totp_row	t;
	uint8_t		raw[TOTP_SECRET_MAX];
	size_t		n;

	row(s, id, &t);
	assert_true(t.sealed);
	*opens = seal_open(k, id, t.secret, t.secretlen, raw, sizeof(raw),
	    &n, NULL) == 0;
	if (*opens)
		assert_int_equal(totp_code(raw, n, NOW, TOTP_DIGITS, code),
		    0);
}

static int64_t
count(struct svc *s, const char *sql)
{
	struct db_stmt	*st;
	int64_t		 n;

	assert_int_equal(db_begin(s->db, DB_READ, NULL), 0);
	st = db_prep(s->db, sql, NULL);
	assert_non_null(st);
	assert_int_equal(db_step(st, NULL), DB_ROW);
	n = db_col_i64(st, 0);
	db_reset(st);
	db_rollback(s->db);
	return n;
}

static void
test_rekey(void **state)
{
	struct twofactor_codes	c;
	struct seal_key		k1, k2, k3;
	struct totp_row		t1, t2, a1, a2;
	struct principal	reader = { 9, "laeser", ROLE_READER, NULL };
	const struct principal	*admin;
	struct testdb		tdb;
	struct arena		a;
	struct svc		s;
	struct err		e;
	char			want[TOTP_DIGITS + 1], got[TOTP_DIGITS + 1];
	char			fp1[SEAL_FINGERPRINT], fp2[SEAL_FINGERPRINT];
	char			hex[2 * SEAL_KEY_BYTES + 1];
	char			sql[256], sql2[256];
	int64_t			u1, u2, u3, u4;
	bool			opens;
	int			n;

	(void)state;
	assert_int_equal(testdb_open(&tdb), 0);
	arena_init(&a);
	svc_init(&s, tdb.db, &a, NULL, NOW);
	admin = s.who;
	memset(k1.k, 1, sizeof(k1.k));
	memset(k2.k, 2, sizeof(k2.k));
	memset(k3.k, 3, sizeof(k3.k));
	u1 = user_new(&s, "en");
	u2 = user_new(&s, "to");
	u3 = user_new(&s, "tre");
	u4 = user_new(&s, "fire");
	s.key = &k1;
	assert_int_equal(twofactor_set(&s, "en", B32, &c, &e), 0);
	assert_int_equal(twofactor_set(&s, "to",
	    "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", &c, &e), 0);
	code_of(&s, u1, &k1, want, &opens);
	assert_true(opens);
	/* A plain row as a version before the seal wrote it. */
	snprintf(sql, sizeof(sql), "INSERT INTO user_totp (user_id, secret, "
	    "enabled, last_step, created_at, sealed) VALUES (%lld, "
	    "X'48656C6C6F21DEADBEEF48656C6C6F21DEADBEEF', 1, 0, "
	    "'2025-01-01T00:00:00Z', 0)", (long long)u3);
	assert_int_equal(db_exec(s.db, sql, &e), 0);

	/* The same key, a wrong old key, a reader: nothing changes. */
	row(&s, u1, &t1);
	row(&s, u2, &t2);
	assert_int_equal(twofactor_rekey(&s, &k1, &n, &e), ERR_INVALID);
	assert_string_equal(e.key, "totp_rekey_same_key");
	s.key = &k3;
	assert_int_equal(twofactor_rekey(&s, &k2, &n, &e), ERR_INVALID);
	assert_string_equal(e.key, "totp_rekey_wrong_key");
	assert_string_equal(e.field, "key_file");
	assert_non_null(strstr(e.msg, "Intet er ændret"));
	assert_int_equal(n, 0);
	s.key = &k1;
	s.who = &reader;
	assert_int_equal(twofactor_rekey(&s, &k2, &n, &e), ERR_FORBIDDEN);
	s.who = admin;
	row(&s, u1, &a1);
	row(&s, u2, &a2);
	assert_int_equal(a1.secretlen, t1.secretlen);
	assert_memory_equal(a1.secret, t1.secret, t1.secretlen);
	assert_memory_equal(a2.secret, t2.secret, t2.secretlen);
	assert_int_equal(count(&s, "SELECT count(*) FROM audit WHERE "
	    "action = 'totp_reseal'"), 0);

	/* The rotation: every row, the plain one sealed on the way. */
	assert_int_equal(twofactor_rekey(&s, &k2, &n, &e), 0);
	assert_int_equal(n, 3);
	code_of(&s, u1, &k1, got, &opens);
	assert_false(opens);
	code_of(&s, u1, &k2, got, &opens);
	assert_true(opens);
	assert_string_equal(got, want);
	code_of(&s, u2, &k2, got, &opens);
	assert_true(opens);
	code_of(&s, u3, &k2, got, &opens);
	assert_true(opens);
	assert_int_equal(count(&s, "SELECT count(*) FROM user_totp WHERE "
	    "sealed = 0"), 0);
	/* Audited per user, by fingerprint, never with the key. */
	seal_key_fingerprint(&k1, fp1);
	seal_key_fingerprint(&k2, fp2);
	assert_int_equal(strlen(fp1), 8);
	assert_string_not_equal(fp1, fp2);
	assert_int_equal(count(&s, "SELECT count(*) FROM audit WHERE "
	    "action = 'totp_reseal'"), 3);
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM audit WHERE action "
	    "= 'totp_reseal' AND before_json LIKE '%%%s%%' AND after_json "
	    "LIKE '%%%s%%'", fp1, fp2);
	assert_int_equal(count(&s, sql), 2);
	sodium_bin2hex(hex, sizeof(hex), k2.k, sizeof(k2.k));
	/* db_prep caches by the text's address: another buffer. */
	snprintf(sql2, sizeof(sql2), "SELECT count(*) FROM audit WHERE "
	    "lower(after_json || before_json) LIKE '%%%.16s%%'", hex);
	assert_int_equal(count(&s, sql2), 0);

	/* Run again with the old key: refused, saying it is done. */
	assert_int_equal(twofactor_rekey(&s, &k2, &n, &e), ERR_INVALID);
	assert_non_null(strstr(e.msg, "allerede skiftet"));
	/* A server still on the old key enrols no one. */
	assert_int_equal(twofactor_set(&s, "fire", B32, &c, &e), ERR_BUSY);
	assert_string_equal(e.key, "totp_wrong_key");
	assert_int_equal(count(&s, "SELECT count(*) FROM user_totp"), 3);
	s.key = &k2;
	assert_int_equal(twofactor_set(&s, "fire", B32, &c, &e), 0);
	code_of(&s, u4, &k2, got, &opens);
	assert_true(opens);
	assert_string_equal(got, want);

	arena_cleanup(&a);
	testdb_close(&tdb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rekey),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
