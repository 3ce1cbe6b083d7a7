/*
 * twofactor — the second login factor (see twofactor.h).
 */
#include <sodium.h>
#include <string.h>
#include <time.h>

#include "core/params.h"
#include "core/role.h"
#include "core/totp.h"
#include "service/account.h"
#include "service/agreement.h"
#include "service/svc.h"
#include "service/twofactor.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/totp_store.h"
#include "store/user_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/seal.h"

/* Crockford's base32 in lower case: no i, l, o, u to misread. */
static const char code_alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";

static int
need_login(const struct svc *s, struct err *e)
{
	if (s->who->user_id <= 0)
		return err_set(e, ERR_UNAUTHORIZED, "login_required", NULL,
		    "Log ind først");
	return 0;
}

/*
 * The recovery code typed, normalised: lower case, without dashes and
 * spaces, i and l read as 1 and o as 0. 0, or -1 when it cannot be one.
 */
static int
code_normalise(const char *in, char out[TWOFACTOR_CODE_CHARS + 1])
{
	size_t	n = 0;
	char	c;

	for (; *in != '\0'; in++) {
		c = *in;
		if (c == '-' || c == ' ')
			continue;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c == 'i' || c == 'l')
			c = '1';
		else if (c == 'o')
			c = '0';
		if (strchr(code_alphabet, c) == NULL || c == '\0' ||
		    n == TWOFACTOR_CODE_CHARS)
			return -1;
		out[n++] = c;
	}
	out[n] = '\0';
	return n == TWOFACTOR_CODE_CHARS ? 0 : -1;
}

static void
code_hash(const char *norm, uint8_t out[TOTP_CODE_HASH])
{
	crypto_hash_sha256(out, (const unsigned char *)norm, strlen(norm));
}

/* New recovery codes into out (arena) and their hashes into h. */
static void
codes_make(struct svc *s, struct twofactor_codes *out,
    uint8_t h[TWOFACTOR_CODES][TOTP_CODE_HASH])
{
	char	norm[TWOFACTOR_CODE_CHARS + 1];
	int	i, k;

	for (i = 0; i < TWOFACTOR_CODES; i++) {
		for (k = 0; k < TWOFACTOR_CODE_CHARS; k++)
			norm[k] = code_alphabet[randombytes_uniform(32)];
		norm[k] = '\0';
		code_hash(norm, h[i]);
		out->code[i] = arena_printf(s->arena, "%.4s-%.4s-%.4s", norm,
		    norm + 4, norm + 8);
	}
	sodium_memzero(norm, sizeof(norm));
}

static const char *
user_id_text(struct svc *s, int64_t id)
{
	return arena_printf(s->arena, "%lld", (long long)id);
}

/* The error of a second factor used without a usable key file. */
static int
no_key(struct err *e)
{
	return err_set(e, ERR_BUSY, "totp_no_key", NULL,
	    "To-trins-bekræftelse kan ikke bruges lige nu: der er ingen "
	    "brugbar nøglefil til de gemte nøgler (giv den med "
	    "--key-file). Kontakt dem, der driver systemet.");
}

/*
 * The raw secret of row t of user_id into out (TOTP_SECRET_MAX bytes),
 * its length into *n: opened with s->key, or as stored by a version
 * before the seal. ERR_BUSY "totp_no_key" without a key, or
 * "totp_wrong_key" when the key does not open it.
 */
static int
secret_open(struct svc *s, int64_t user_id, const struct totp_row *t,
    uint8_t out[TOTP_SECRET_MAX], size_t *n, struct err *e)
{
	*n = 0;
	if (s->key == NULL)
		return no_key(e);
	if (!t->sealed) {
		if (t->secretlen > TOTP_SECRET_MAX)
			return err_set(e, ERR_DB, "bad_secret", NULL,
			    "Den gemte nøgle er ugyldig");
		memcpy(out, t->secret, t->secretlen);
		*n = t->secretlen;
		return 0;
	}
	if (seal_open(s->key, user_id, t->secret, t->secretlen, out,
	    TOTP_SECRET_MAX, n, NULL) != 0)
		return err_set(e, ERR_BUSY, "totp_wrong_key", NULL,
		    "To-trins-bekræftelse kan ikke bruges lige nu: serverens "
		    "nøglefil (--key-file) åbner ikke den gemte nøgle. "
		    "Kontakt dem, der driver systemet.");
	return 0;
}

static int	key_check_in_tx(struct svc *s, struct err *e);

/*
 * Seal the secret of len bytes for user_id and store it, not enabled.
 * Only with a key that opens the seals already stored: a server still
 * holding the key of before a rotation (twofactor_rekey) must refuse,
 * not seal a secret no other server can open.
 */
static int
secret_put(struct svc *s, int64_t user_id, const uint8_t *key, size_t len,
    struct err *e)
{
	uint8_t	sealed[TOTP_STORED_MAX];
	size_t	n;
	int	rc;

	if (s->key == NULL)
		return no_key(e);
	if ((rc = key_check_in_tx(s, e)) == ERR_INVALID)
		return err_set(e, ERR_BUSY, "totp_wrong_key", NULL,
		    "To-trins-bekræftelse kan ikke bruges lige nu: serverens "
		    "nøglefil (--key-file) åbner ikke de gemte nøgler. "
		    "Kontakt dem, der driver systemet.");
	if (rc != 0)
		return rc;
	if ((rc = seal_close(s->key, user_id, key, len, sealed,
	    sizeof(sealed), &n, e)) != 0)
		return rc;
	return totp_store_put(s->db, user_id, sealed, n, s->now_iso, e);
}

bool
twofactor_enabled_in_tx(struct svc *s, int64_t user_id)
{
	struct totp_row	t;

	return totp_store_get(s->db, s->arena, user_id, &t, NULL) == 0 &&
	    t.enabled;
}

/* The parameter totp_required_admin of the current year, in a txn. */
static bool
required_in_tx(struct svc *s)
{
	struct agreement_params	p;
	struct tm		tm;
	time_t			t = (time_t)s->now;

	gmtime_r(&t, &tm);
	if (agreement_params_get_in_tx(s, tm.tm_year + 1900, &p, NULL) != 0)
		return true;
	return p.totp_required_admin != 0;
}

int
twofactor_status(struct svc *s, struct twofactor_status *out, struct err *e)
{
	struct totp_row	t;
	int		rc;

	memset(out, 0, sizeof(*out));
	if ((rc = need_login(s, e)) != 0 ||
	    (rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	if (totp_store_get(s->db, s->arena, s->who->user_id, &t, NULL) == 0 &&
	    t.enabled) {
		out->enabled = true;
		out->enabled_at = t.enabled_at;
		rc = totp_store_codes_left(s->db, s->who->user_id,
		    &out->codes_left, e);
	}
	out->required = s->who->role == ROLE_ADMIN && required_in_tx(s);
	db_rollback(s->db);
	return rc;
}

int
twofactor_must_enrol(struct svc *s, const struct principal *who, bool *must,
    struct err *e)
{
	int	rc;

	*must = false;
	if (who->role != ROLE_ADMIN || who->user_id <= 0)
		return 0;
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	*must = required_in_tx(s) && !twofactor_enabled_in_tx(s, who->user_id);
	db_rollback(s->db);
	return 0;
}

/* Fill out from the secret key. */
static void
setup_of(struct svc *s, const uint8_t *key, size_t len,
    struct twofactor_setup *out)
{
	char	b32[TOTP_BASE32_MAX];

	(void)totp_base32_encode(key, len, b32, sizeof(b32));
	out->secret = arena_strdup(s->arena, b32);
	out->grouped = totp_group(s->arena, b32);
	out->uri = totp_uri(s->arena, TOTP_ISSUER, s->who->username, b32);
}

int
twofactor_begin(struct svc *s, struct twofactor_setup *out, struct err *e)
{
	struct totp_row	t;
	uint8_t		key[TOTP_SECRET_MAX];
	size_t		n;
	int		rc;

	memset(out, 0, sizeof(*out));
	if ((rc = need_login(s, e)) != 0 ||
	    (rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if (totp_store_get(s->db, s->arena, s->who->user_id, &t, NULL) == 0) {
		db_rollback(s->db);
		if (t.enabled)
			return err_set(e, ERR_CONFLICT, "totp_enabled", NULL,
			    "To-trins-bekræftelse er allerede slået til");
		rc = secret_open(s, s->who->user_id, &t, key, &n, e);
		if (rc == 0)
			setup_of(s, key, n, out);
		sodium_memzero(&t, sizeof(t));
		sodium_memzero(key, sizeof(key));
		return rc;
	}
	randombytes_buf(key, TOTP_SECRET_BYTES);
	if ((rc = secret_put(s, s->who->user_id, key, TOTP_SECRET_BYTES,
	    e)) != 0) {
		sodium_memzero(key, sizeof(key));
		db_rollback(s->db);
		return rc;
	}
	setup_of(s, key, TOTP_SECRET_BYTES, out);
	sodium_memzero(key, sizeof(key));
	return db_commit(s->db, e);
}

int
twofactor_confirm(struct svc *s, const char *code,
    struct twofactor_codes *out, struct err *e)
{
	uint8_t		h[TWOFACTOR_CODES][TOTP_CODE_HASH];
	uint8_t		key[TOTP_SECRET_MAX];
	struct totp_row	t;
	int64_t		step;
	size_t		n = 0;
	int		rc;

	memset(out, 0, sizeof(*out));
	if ((rc = need_login(s, e)) != 0 ||
	    (rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = totp_store_get(s->db, s->arena, s->who->user_id, &t,
	    NULL)) != 0) {
		rc = err_set(e, ERR_CONFLICT, "totp_not_begun", NULL,
		    "Start forfra: der er ingen nøgle at bekræfte");
		goto fail;
	}
	if (t.enabled) {
		rc = err_set(e, ERR_CONFLICT, "totp_enabled", NULL,
		    "To-trins-bekræftelse er allerede slået til");
		goto fail;
	}
	if ((rc = secret_open(s, s->who->user_id, &t, key, &n, e)) != 0)
		goto fail;
	if (!totp_verify(key, n, code, s->now, 0, &step)) {
		rc = err_set(e, ERR_INVALID, "wrong_code", "code",
		    "Koden passer ikke. Skriv de 6 cifre, som appen viser "
		    "nu, og tjek at telefonens ur går rigtigt.");
		goto fail;
	}
	codes_make(s, out, h);
	if ((rc = totp_store_enable(s->db, s->who->user_id, step, s->now_iso,
	    e)) != 0 ||
	    (rc = totp_store_codes_put(s->db, s->who->user_id,
	    (const uint8_t (*)[TOTP_CODE_HASH])h, TWOFACTOR_CODES,
	    s->now_iso, e)) != 0 ||
	    (rc = audit_add(s->db, s->who, s->now_iso, "user",
	    user_id_text(s, s->who->user_id), "totp_enrol", NULL,
	    "{\"totp\":true}", e)) != 0)
		goto fail;
	sodium_memzero(&t, sizeof(t));
	sodium_memzero(key, sizeof(key));
	return db_commit(s->db, e);
fail:
	sodium_memzero(&t, sizeof(t));
	sodium_memzero(key, sizeof(key));
	memset(out, 0, sizeof(*out));
	db_rollback(s->db);
	return rc;
}

int
twofactor_check_in_tx(struct svc *s, int64_t user_id, const char *code,
    bool *recovery, struct err *e)
{
	struct totp_row	t;
	struct err	ke;
	char		norm[TWOFACTOR_CODE_CHARS + 1];
	uint8_t		h[TOTP_CODE_HASH];
	uint8_t		key[TOTP_SECRET_MAX];
	int64_t		step = 0;
	size_t		n = 0;
	int		ok = 0, rc;

	*recovery = false;
	if (code == NULL || totp_store_get(s->db, s->arena, user_id, &t,
	    NULL) != 0 || !t.enabled)
		return 0;
	/*
	 * Without a key that opens the secret a recovery code still works
	 * (only its hash is stored); anything else gets the key's error.
	 */
	err_clear(&ke);
	if ((rc = secret_open(s, user_id, &t, key, &n, &ke)) == 0)
		ok = totp_verify(key, n, code, s->now, t.last_step, &step);
	sodium_memzero(&t, sizeof(t));
	sodium_memzero(key, sizeof(key));
	if (rc != 0 && code_normalise(code, norm) != 0)
		return err_set(e, rc, ke.key, NULL, "%s Indtil da kan du "
		    "bruge en af dine gendannelseskoder.", ke.msg);
	if (ok) {
		rc = totp_store_use_step(s->db, user_id, step, e);
		if (rc == ERR_CONFLICT)
			return 0;
		return rc < 0 ? rc : 1;
	}
	if (code_normalise(code, norm) != 0)
		return 0;
	code_hash(norm, h);
	rc = totp_store_code_use(s->db, user_id, h, s->now_iso, NULL);
	if (rc == ERR_NOT_FOUND)
		return 0;
	if (rc != 0)
		return err_set(e, ERR_DB, "db_error", NULL,
		    "Koden kunne ikke tjekkes");
	*recovery = true;
	return 1;
}

int
twofactor_disable(struct svc *s, struct account_gate *g,
    const char *password, const char *code, struct err *e)
{
	bool	recovery;
	int	rc;

	if ((rc = need_login(s, e)) != 0)
		return rc;
	if ((rc = account_password_verify(s, g, password, "password", e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if (s->who->role == ROLE_ADMIN && required_in_tx(s)) {
		rc = err_set(e, ERR_FORBIDDEN, "totp_required", NULL,
		    "Sekretariatets administratorer skal bruge "
		    "to-trins-bekræftelse; den kan ikke slås fra");
		goto fail;
	}
	if (!twofactor_enabled_in_tx(s, s->who->user_id)) {
		rc = err_set(e, ERR_CONFLICT, "totp_not_enabled", NULL,
		    "To-trins-bekræftelse er ikke slået til");
		goto fail;
	}
	if ((rc = twofactor_check_in_tx(s, s->who->user_id, code, &recovery,
	    e)) < 0)
		goto fail;
	if (rc == 0) {
		rc = err_set(e, ERR_INVALID, "wrong_code", "code",
		    "Koden passer ikke");
		goto fail;
	}
	if ((rc = totp_store_delete(s->db, s->who->user_id, e)) != 0 ||
	    (rc = audit_add(s->db, s->who, s->now_iso, "user",
	    user_id_text(s, s->who->user_id), "totp_disable",
	    "{\"totp\":true}", "{\"totp\":false}", e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
twofactor_set(struct svc *s, const char *username, const char *secret,
    struct twofactor_codes *out, struct err *e)
{
	uint8_t		h[TWOFACTOR_CODES][TOTP_CODE_HASH];
	uint8_t		key[TOTP_SECRET_MAX];
	struct user	u;
	size_t		n;
	int		rc;

	memset(out, 0, sizeof(*out));
	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan det");
	if (secret == NULL || totp_base32_decode(secret, key, sizeof(key),
	    &n) != 0 || n < 10)
		return err_set(e, ERR_INVALID, "invalid_secret", "secret",
		    "Nøglen skal være base32 (A-Z, 2-7) på mindst 16 tegn");
	codes_make(s, out, h);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = user_store_get_by_name(s->db, s->arena, username, &u,
	    e)) != 0 ||
	    (rc = secret_put(s, u.id, key, n, e)) != 0 ||
	    (rc = totp_store_enable(s->db, u.id, 0, s->now_iso, e)) != 0 ||
	    (rc = totp_store_codes_put(s->db, u.id,
	    (const uint8_t (*)[TOTP_CODE_HASH])h, TWOFACTOR_CODES,
	    s->now_iso, e)) != 0 ||
	    (rc = audit_add(s->db, s->who, s->now_iso, "user",
	    user_id_text(s, u.id), "totp_enrol", NULL, "{\"totp\":true}",
	    e)) != 0) {
		sodium_memzero(key, sizeof(key));
		db_rollback(s->db);
		return rc;
	}
	sodium_memzero(key, sizeof(key));
	return db_commit(s->db, e);
}

int
twofactor_reset(struct svc *s, const char *username, struct err *e)
{
	struct user	u;
	int		rc;

	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan nulstille to-trins-bekræftelse");
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = user_store_get_by_name(s->db, s->arena, username, &u,
	    e)) != 0)
		goto fail;
	if (!twofactor_enabled_in_tx(s, u.id)) {
		rc = err_set(e, ERR_CONFLICT, "totp_not_enabled", NULL,
		    "%s har ikke to-trins-bekræftelse", u.username);
		goto fail;
	}
	if ((rc = totp_store_delete(s->db, u.id, e)) != 0 ||
	    (rc = audit_add(s->db, s->who, s->now_iso, "user",
	    user_id_text(s, u.id), "totp_reset", "{\"totp\":true}",
	    "{\"totp\":false}", e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
twofactor_user_enabled(struct svc *s, int64_t user_id, bool *enabled,
    struct err *e)
{
	int	rc;

	*enabled = false;
	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan se andres to-trins-bekræftelse");
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	*enabled = twofactor_enabled_in_tx(s, user_id);
	db_rollback(s->db);
	return 0;
}

int
twofactor_any_sealed(struct svc *s, bool *any, struct err *e)
{
	struct totp_row	t;
	int64_t		id;
	int		rc;

	*any = false;
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = totp_store_sealed_any(s->db, s->arena, &id, &t, e);
	db_rollback(s->db);
	sodium_memzero(&t, sizeof(t));
	if (rc == ERR_NOT_FOUND)
		return 0;
	*any = rc == 0;
	return rc;
}

/* Within a transaction: whether s->key opens a stored seal (or none). */
static int
key_check_in_tx(struct svc *s, struct err *e)
{
	struct totp_row	t;
	uint8_t		key[TOTP_SECRET_MAX];
	int64_t		id;
	size_t		n;
	int		rc;

	rc = totp_store_sealed_any(s->db, s->arena, &id, &t, NULL);
	if (rc == ERR_NOT_FOUND)
		return 0;
	if (rc != 0)
		return err_set(e, ERR_DB, "db_error", NULL,
		    "De gemte nøgler kunne ikke læses");
	rc = seal_open(s->key, id, t.secret, t.secretlen, key, sizeof(key),
	    &n, NULL);
	sodium_memzero(&t, sizeof(t));
	sodium_memzero(key, sizeof(key));
	if (rc != 0)
		return err_set(e, ERR_INVALID, "totp_wrong_key", "key_file",
		    "Nøglefilen åbner ikke de gemte nøgler til "
		    "to-trins-bekræftelse: den hører til en anden database "
		    "eller er blevet skiftet ud. Giv den rigtige med "
		    "--key-file");
	return 0;
}

int
twofactor_seal_all(struct svc *s, int *sealed, struct err *e)
{
	struct totp_row	t;
	uint8_t		out[TOTP_STORED_MAX];
	int64_t		ids[64];
	size_t		i, n, len;
	int		rc;

	*sealed = 0;
	if (s->key == NULL)
		return no_key(e);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = key_check_in_tx(s, e)) != 0)
		goto fail;
	for (;;) {
		if ((rc = totp_store_plain_ids(s->db, ids, 64, &n, e)) != 0)
			goto fail;
		if (n == 0)
			break;
		for (i = 0; i < n; i++) {
			if ((rc = totp_store_get(s->db, s->arena, ids[i], &t,
			    e)) != 0)
				goto fail;
			rc = seal_close(s->key, ids[i], t.secret, t.secretlen,
			    out, sizeof(out), &len, e);
			sodium_memzero(&t, sizeof(t));
			if (rc != 0 ||
			    (rc = totp_store_seal(s->db, ids[i], out, len,
			    e)) != 0 ||
			    (rc = audit_add(s->db, s->who, s->now_iso, "user",
			    user_id_text(s, ids[i]), "totp_seal",
			    "{\"sealed\":false}", "{\"sealed\":true}", e)) != 0)
				goto fail;
			(*sealed)++;
		}
	}
	return db_commit(s->db, e);
fail:
	*sealed = 0;
	db_rollback(s->db);
	return rc;
}

/*
 * The secret of row t of user_id opened with the old key s->key (or
 * taken as stored, when plain) and sealed with nk into out (cap bytes),
 * its length into *outlen. ERR_INVALID "totp_rekey_wrong_key" when the
 * old key does not open it.
 */
static int
reseal_one(struct svc *s, const struct seal_key *nk, int64_t user_id,
    const struct totp_row *t, uint8_t *out, size_t cap, size_t *outlen,
    struct err *e)
{
	uint8_t	raw[TOTP_SECRET_MAX];
	size_t	n = 0;
	int	rc;

	if (!t->sealed) {
		if (t->secretlen > sizeof(raw))
			return err_set(e, ERR_DB, "bad_secret", NULL,
			    "Den gemte nøgle er ugyldig");
		memcpy(raw, t->secret, t->secretlen);
		n = t->secretlen;
	} else if (seal_open(s->key, user_id, t->secret, t->secretlen, raw,
	    sizeof(raw), &n, NULL) != 0) {
		sodium_memzero(raw, sizeof(raw));
		if (seal_open(nk, user_id, t->secret, t->secretlen, raw,
		    sizeof(raw), &n, NULL) == 0) {
			sodium_memzero(raw, sizeof(raw));
			return err_set(e, ERR_INVALID, "totp_rekey_wrong_key",
			    "key_file", "Den gamle nøglefil åbner ikke alle "
			    "gemte nøgler til to-trins-bekræftelse, men den "
			    "nye gør (bruger %lld): nøglen er allerede skiftet. "
			    "Intet er ændret.", (long long)user_id);
		}
		return err_set(e, ERR_INVALID, "totp_rekey_wrong_key",
		    "key_file", "Den gamle nøglefil (--key-file) åbner ikke "
		    "alle gemte nøgler til to-trins-bekræftelse (bruger %lld). "
		    "Intet er ændret; giv den nøglefil, serverne bruger nu.",
		    (long long)user_id);
	}
	rc = seal_close(nk, user_id, raw, n, out, cap, outlen, e);
	sodium_memzero(raw, sizeof(raw));
	return rc;
}

int
twofactor_rekey(struct svc *s, const struct seal_key *nk, int *resealed,
    struct err *e)
{
	struct totp_row	t;
	uint8_t		out[TOTP_STORED_MAX];
	char		fold[SEAL_FINGERPRINT], fnew[SEAL_FINGERPRINT];
	const char	*was;
	int64_t		ids[64], after = 0;
	size_t		i, n, len;
	int		rc;

	*resealed = 0;
	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan skifte nøglen");
	if (s->key == NULL)
		return no_key(e);
	if (sodium_memcmp(s->key->k, nk->k, SEAL_KEY_BYTES) == 0)
		return err_set(e, ERR_INVALID, "totp_rekey_same_key",
		    "new_key_file", "Den nye nøglefil indeholder den samme "
		    "nøgle som den gamle; lav en ny");
	seal_key_fingerprint(s->key, fold);
	seal_key_fingerprint(nk, fnew);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	for (;;) {
		if ((rc = totp_store_ids_after(s->db, after, ids, 64, &n,
		    e)) != 0)
			goto fail;
		if (n == 0)
			break;
		for (i = 0; i < n; i++) {
			if ((rc = totp_store_get(s->db, s->arena, ids[i], &t,
			    e)) != 0)
				goto fail;
			was = t.sealed ? arena_printf(s->arena,
			    "{\"sealed\":true,\"key\":\"%s\"}", fold) :
			    "{\"sealed\":false}";
			rc = reseal_one(s, nk, ids[i], &t, out, sizeof(out),
			    &len, e);
			sodium_memzero(&t, sizeof(t));
			if (rc != 0 ||
			    (rc = totp_store_reseal(s->db, ids[i], out, len,
			    e)) != 0 ||
			    (rc = audit_add(s->db, s->who, s->now_iso, "user",
			    user_id_text(s, ids[i]), "totp_reseal", was,
			    arena_printf(s->arena, "{\"sealed\":true,"
			    "\"key\":\"%s\"}", fnew), e)) != 0)
				goto fail;
			(*resealed)++;
		}
		after = ids[n - 1];
	}
	sodium_memzero(out, sizeof(out));
	return db_commit(s->db, e);
fail:
	sodium_memzero(out, sizeof(out));
	*resealed = 0;
	db_rollback(s->db);
	return rc;
}
