/*
 * account — users, passwords and sessions (see account.h).
 */
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/org.h"
#include "core/role.h"
#include "service/account.h"
#include "service/password.h"
#include "service/svc.h"
#include "service/twofactor.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/org_store.h"
#include "store/session_store.h"
#include "store/user_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

void
account_gate_init(struct account_gate *g, int concurrent)
{
	pthread_mutex_init(&g->mu, NULL);
	pthread_cond_init(&g->cv, NULL);
	g->free = concurrent > 0 ? concurrent : 1;
	/* A real hash to verify against when a user does not exist, so
	 * that a wrong name and a wrong password take the same time. */
	if (crypto_pwhash_str(g->dummy_hash, "no such user", 12,
	    ACCOUNT_PWHASH_OPSLIMIT,
	    ACCOUNT_PWHASH_MEMLIMIT) != 0)
		g->dummy_hash[0] = '\0';
}

void
account_gate_cleanup(struct account_gate *g)
{
	pthread_mutex_destroy(&g->mu);
	pthread_cond_destroy(&g->cv);
}

static void
gate_enter(struct account_gate *g)
{
	if (g == NULL)
		return;
	pthread_mutex_lock(&g->mu);
	while (g->free == 0)
		pthread_cond_wait(&g->cv, &g->mu);
	g->free--;
	pthread_mutex_unlock(&g->mu);
}

static void
gate_leave(struct account_gate *g)
{
	if (g == NULL)
		return;
	pthread_mutex_lock(&g->mu);
	g->free++;
	pthread_cond_signal(&g->cv);
	pthread_mutex_unlock(&g->mu);
}

static int
hash_password(struct account_gate *g, const char *pw,
    char out[crypto_pwhash_STRBYTES], struct err *e)
{
	int rc;

	gate_enter(g);
	rc = crypto_pwhash_str(out, pw, strlen(pw),
	    ACCOUNT_PWHASH_OPSLIMIT,
	    ACCOUNT_PWHASH_MEMLIMIT);
	gate_leave(g);
	if (rc != 0)
		return err_set(e, ERR_INTERNAL, "hash_failed", NULL,
		    "Adgangskoden kunne ikke behandles (hukommelse)");
	return 0;
}

static bool
verify_password(struct account_gate *g, const char *hash, const char *pw)
{
	int rc;

	gate_enter(g);
	rc = crypto_pwhash_str_verify(hash, pw, strlen(pw));
	gate_leave(g);
	return rc == 0;
}

static int
check_username(const char *u, struct err *e)
{
	size_t n = u ? strlen(u) : 0, i;

	if (n < USER_NAME_MIN || n > USER_NAME_MAX)
		return err_set(e, ERR_INVALID, "invalid_username", "username",
		    "Brugernavnet skal være %d-%d tegn", USER_NAME_MIN,
		    USER_NAME_MAX);
	for (i = 0; i < n; i++)
		if (!((u[i] >= 'a' && u[i] <= 'z') || (u[i] >= '0' &&
		    u[i] <= '9') || u[i] == '.' || u[i] == '_' || u[i] == '-'))
			return err_set(e, ERR_INVALID, "invalid_username",
			    "username", "Brugernavnet må kun indeholde små "
			    "bogstaver a-z, tal, punktum, bindestreg og "
			    "understregning");
	return 0;
}

/* Organisation rules for a role; caller holds a transaction. */
static int
check_org(struct svc *s, enum role r, const char *org, struct err *e)
{
	if (role_needs_org(r) && org == NULL)
		return err_set(e, ERR_INVALID, "missing_org", "org_code",
		    "En %s skal høre til en organisation",
		    r == ROLE_OPERATOR ? "driftsherre" : "myndighed");
	if (org != NULL && !org_store_exists(s->db, org, NULL))
		return err_set(e, ERR_INVALID, "unknown_organisation",
		    "org_code", "Ukendt organisation: %.20s", org);
	return 0;
}

static char *
user_audit_json(struct svc *s, const struct user *u)
{
	json_t	*j;
	char	*txt, *copy;

	j = json_pack("{s:s, s:s, s:s, s:b}", "username", u->username,
	    "display_name", u->display_name ? u->display_name : "",
	    "role", role_name(u->role), "active", u->active);
	json_object_set_new(j, "org_code", u->org_code ?
	    json_string(u->org_code) : json_null());
	txt = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS | DECIMAL_JSON_FLAGS);
	json_decref(j);
	copy = arena_strdup(s->arena, txt);
	free(txt);
	return copy;
}

int
account_user_add(struct svc *s, struct account_gate *g,
    const struct account_new *n, int64_t *id, struct err *e)
{
	char		hash[crypto_pwhash_STRBYTES];
	struct user	u;
	int		rc;

	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan oprette brugere");
	if ((rc = check_username(n->username, e)) != 0 ||
	    (rc = password_check(n->password, n->username, n->display_name,
	    g != NULL ? &g->mu : NULL, e)) != 0)
		return rc;
	if (n->display_name != NULL && (strlen(n->display_name) >
	    USER_DISPLAY_NAME_MAX ||
	    !text_utf8_valid(n->display_name, strlen(n->display_name)) ||
	    text_has_controls(n->display_name)))
		return err_set(e, ERR_INVALID, "invalid_display_name",
		    "display_name", "Ugyldigt navn");
	/* Hash outside the write transaction: it takes tens of ms. */
	if ((rc = hash_password(g, n->password, hash, e)) != 0)
		return rc;
	memset(&u, 0, sizeof(u));
	u.username = n->username;
	u.display_name = n->display_name && *n->display_name ?
	    n->display_name : n->username;
	u.role = n->role;
	u.org_code = n->org_code;
	u.password_hash = hash;
	u.active = true;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = check_org(s, n->role, n->org_code, e)) != 0 ||
	    (rc = user_store_insert(s->db, &u, s->now_iso, id, e)) != 0 ||
	    (rc = audit_add(s->db, s->who, s->now_iso, "user",
	    arena_printf(s->arena, "%lld", (long long)*id), "create", NULL,
	    user_audit_json(s, &u), e)) != 0) {
		db_rollback(s->db);
		return rc;
	}
	return db_commit(s->db, e);
}

int
account_user_update(struct svc *s, struct account_gate *g,
    const struct user *u, const char *password, int64_t expected_version,
    struct err *e)
{
	char		hash[crypto_pwhash_STRBYTES];
	struct user	old, nu = *u;
	int		rc;

	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan ændre brugere");
	nu.password_hash = NULL;
	if (password != NULL) {
		if ((rc = password_check(password, u->username,
		    u->display_name, g != NULL ? &g->mu : NULL, e)) != 0)
			return rc;
		if ((rc = hash_password(g, password, hash, e)) != 0)
			return rc;
		nu.password_hash = hash;
	}
	if (nu.display_name == NULL || *nu.display_name == '\0' ||
	    strlen(nu.display_name) > USER_DISPLAY_NAME_MAX ||
	    !text_utf8_valid(nu.display_name, strlen(nu.display_name)) ||
	    text_has_controls(nu.display_name))
		return err_set(e, ERR_INVALID, "invalid_display_name",
		    "display_name", "Navnet skal udfyldes (højst %d tegn)",
		    USER_DISPLAY_NAME_MAX);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = user_store_get(s->db, s->arena, u->id, &old, e)) != 0)
		goto fail;
	nu.username = old.username;
	if (old.role == ROLE_ADMIN && old.active &&
	    (nu.role != ROLE_ADMIN || !nu.active) &&
	    user_store_count_admins(s->db) <= 1) {
		rc = err_set(e, ERR_CONFLICT, "last_admin", "role",
		    "Den sidste aktive administrator kan ikke fjernes");
		goto fail;
	}
	if ((rc = check_org(s, nu.role, nu.org_code, e)) != 0 ||
	    (rc = user_store_update(s->db, &nu, expected_version, s->now_iso,
	    e)) != 0)
		goto fail;
	if ((!nu.active || password != NULL) &&
	    (rc = session_store_delete_user(s->db, u->id, e)) != 0)
		goto fail;
	if ((rc = audit_add(s->db, s->who, s->now_iso, "user",
	    arena_printf(s->arena, "%lld", (long long)u->id),
	    password ? "update_password" : "update", user_audit_json(s, &old),
	    user_audit_json(s, &nu), e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
account_user_list(struct svc *s, struct user **out, int *n, struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = user_store_list(s->db, s->arena, out, n, e);
	db_rollback(s->db);
	return rc;
}

int
account_user_get(struct svc *s, int64_t id, struct user *out, struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = user_store_get(s->db, s->arena, id, out, e);
	db_rollback(s->db);
	return rc;
}

static char *
random_token(struct arena *a)
{
	unsigned char	raw[32];
	char		b64[sodium_base64_ENCODED_LEN(32,
			    sodium_base64_VARIANT_URLSAFE_NO_PADDING)];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(b64, sizeof(b64), raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return arena_strdup(a, b64);
}

static void
token_hash(const char *token, unsigned char out[32])
{
	crypto_generichash(out, 32, (const unsigned char *)token,
	    strlen(token), NULL, 0);
}

/*
 * The MAC of a device token: BLAKE2b over the user name and the nonce,
 * keyed by a hash of the user's password hash, so a new password forgets
 * every known device and the server alone can make one.
 */
static void
device_mac(const struct user *u, const unsigned char *nonce,
    unsigned char mac[ACCOUNT_DEVICE_MAC])
{
	unsigned char			key[crypto_generichash_KEYBYTES];
	crypto_generichash_state	st;

	crypto_generichash(key, sizeof(key),
	    (const unsigned char *)u->password_hash,
	    strlen(u->password_hash), NULL, 0);
	crypto_generichash_init(&st, key, sizeof(key), ACCOUNT_DEVICE_MAC);
	crypto_generichash_update(&st, (const unsigned char *)"ramme-device",
	    12);
	crypto_generichash_update(&st, (const unsigned char *)u->username,
	    strlen(u->username) + 1);
	crypto_generichash_update(&st, nonce, ACCOUNT_DEVICE_NONCE);
	crypto_generichash_final(&st, mac, ACCOUNT_DEVICE_MAC);
	sodium_memzero(key, sizeof(key));
}

/* A new device token for u (base64url of nonce and MAC), in a. */
static char *
device_token(struct arena *a, const struct user *u)
{
	unsigned char	raw[ACCOUNT_DEVICE_NONCE + ACCOUNT_DEVICE_MAC];
	char		b64[sodium_base64_ENCODED_LEN(sizeof(raw),
			    sodium_base64_VARIANT_URLSAFE_NO_PADDING)];

	randombytes_buf(raw, ACCOUNT_DEVICE_NONCE);
	device_mac(u, raw, raw + ACCOUNT_DEVICE_NONCE);
	sodium_bin2base64(b64, sizeof(b64), raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return arena_strdup(a, b64);
}

/* True if token is a device token the server gave u. */
static bool
device_known(const struct user *u, const char *token)
{
	unsigned char	raw[ACCOUNT_DEVICE_NONCE + ACCOUNT_DEVICE_MAC];
	unsigned char	mac[ACCOUNT_DEVICE_MAC];
	size_t		n;

	if (token == NULL || strlen(token) > 64 ||
	    sodium_base642bin(raw, sizeof(raw), token, strlen(token), NULL, &n,
	    NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    n != sizeof(raw))
		return false;
	device_mac(u, raw, mac);
	return crypto_verify_16(mac, raw + ACCOUNT_DEVICE_NONCE) == 0;
}

/*
 * Seconds the user name stays locked after n failed attempts in the last
 * ACCOUNT_LOCK_MEMORY, the latest at last: none below
 * ACCOUNT_FAIL_PER_USER, then ACCOUNT_LOCK_BASE doubling with every
 * further failure up to ACCOUNT_LOCK_MAX. 0 when not locked now.
 */
static int64_t
lock_left(int64_t n, int64_t last, int64_t now)
{
	int64_t	len = ACCOUNT_LOCK_BASE;
	int64_t	i;

	if (n < ACCOUNT_FAIL_PER_USER)
		return 0;
	for (i = ACCOUNT_FAIL_PER_USER; i < n && len < ACCOUNT_LOCK_MAX; i++)
		len *= 2;
	if (len > ACCOUNT_LOCK_MAX)
		len = ACCOUNT_LOCK_MAX;
	return last + len > now ? last + len - now : 0;
}

/* Count a failed password of username (outside a login). */
static int
record_failure(struct svc *s, const char *username, struct err *e)
{
	int	rc;

	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = session_store_attempt(s->db, username, "", s->now, 0, NULL,
	    e)) != 0) {
		db_rollback(s->db);
		return rc;
	}
	return db_commit(s->db, e);
}

/*
 * The check and the count in one write transaction: the limits are read
 * and this attempt is recorded as failed before any password is checked,
 * so attempts running at the same time see each other and no more than
 * the limit are ever verified. *u and *found the user; *attempt the row.
 */
static int
login_admit(struct svc *s, const char *username, const char *ip,
    const char *device, struct user *u, bool *found, int64_t *attempt,
    struct err *e)
{
	int64_t	by_user, by_ip, n, last, left;
	int	rc;

	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	*found = user_store_get_by_name(s->db, s->arena, username, u, NULL)
	    == 0;
	if ((rc = session_store_failures(s->db, username, ip,
	    s->now - ACCOUNT_FAIL_WINDOW, &by_user, &by_ip, e)) != 0 ||
	    (rc = session_store_user_failures(s->db, username,
	    s->now - ACCOUNT_LOCK_MEMORY, &n, &last, e)) != 0)
		goto fail;
	if (by_ip >= ACCOUNT_FAIL_PER_IP) {
		rc = err_set(e, ERR_RATE_LIMITED, "too_many_attempts", NULL,
		    "For mange mislykkede forsøg fra din adresse; vent %d "
		    "minutter og prøv igen", ACCOUNT_FAIL_WINDOW / 60);
		goto fail;
	}
	/* A device this user has logged in from is not locked out. */
	left = lock_left(n, last, s->now);
	if (left > 0 && !(*found && device_known(u, device))) {
		rc = err_set(e, ERR_RATE_LIMITED, "too_many_attempts", NULL,
		    "For mange mislykkede forsøg; vent %lld minut%s og prøv "
		    "igen", (long long)((left + 59) / 60),
		    (left + 59) / 60 == 1 ? "" : "ter");
		goto fail;
	}
	if ((rc = session_store_attempt(s->db, username, ip, s->now, 0,
	    attempt, e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

/*
 * Open a session for u after a login whose attempt row is attempt: mark
 * it ok, store the session, audit the login. recovery: a recovery code
 * was the second factor.
 */
static int
session_open(struct svc *s, const struct user *u, int64_t attempt,
    const char *ip, const char *device, bool recovery,
    struct account_session *out, struct err *e)
{
	unsigned char	 h[32];
	char		 expires[21];
	int		 rc;

	out->token = random_token(s->arena);
	out->csrf = random_token(s->arena);
	out->device = device_known(u, device) ? NULL :
	    device_token(s->arena, u);
	out->pending = NULL;
	out->who.user_id = u->id;
	out->who.username = u->username;
	out->who.role = u->role;
	out->who.org_code = u->org_code;
	token_hash(out->token, h);
	text_timestamp(expires, s->now + ACCOUNT_SESSION_SECONDS);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = session_store_attempt_ok(s->db, attempt, e)) != 0 ||
	    (rc = session_store_insert(s->db, h, sizeof(h), u->id, out->csrf,
	    s->now_iso, expires, e)) != 0 ||
	    (rc = session_store_purge(s->db, s->now_iso,
	    s->now - ACCOUNT_LOCK_MEMORY, e)) != 0 ||
	    (rc = audit_add(s->db, &out->who, s->now_iso, "user",
	    arena_printf(s->arena, "%lld", (long long)u->id), "login", NULL,
	    arena_printf(s->arena, "{\"ip\":\"%s\"%s}", ip,
	    recovery ? ",\"recovery\":true" : ""), e)) != 0) {
		db_rollback(s->db);
		return rc;
	}
	return db_commit(s->db, e);
}

/*
 * The MAC of a half-logged-in token: BLAKE2b over the user id and the
 * expiry time, keyed by a hash of the user's password hash (as the
 * device MAC), so only the server makes one and a new password voids it.
 */
#define PENDING_RAW	(8 + 8 + 16)	/* user id, expiry, MAC */

static void
pending_mac(const struct user *u, const unsigned char *head,
    unsigned char mac[16])
{
	unsigned char			key[crypto_generichash_KEYBYTES];
	crypto_generichash_state	st;

	crypto_generichash(key, sizeof(key),
	    (const unsigned char *)u->password_hash,
	    strlen(u->password_hash), NULL, 0);
	crypto_generichash_init(&st, key, sizeof(key), 16);
	crypto_generichash_update(&st, (const unsigned char *)"ramme-2fa", 9);
	crypto_generichash_update(&st, head, 16);
	crypto_generichash_final(&st, mac, 16);
	sodium_memzero(key, sizeof(key));
}

static void
put_u64(unsigned char *p, uint64_t v)
{
	int i;

	for (i = 7; i >= 0; i--, v >>= 8)
		p[i] = (unsigned char)(v & 0xff);
}

static uint64_t
get_u64(const unsigned char *p)
{
	uint64_t	v = 0;
	int		i;

	for (i = 0; i < 8; i++)
		v = (v << 8) | p[i];
	return v;
}

static char *
pending_token(struct svc *s, const struct user *u)
{
	unsigned char	raw[PENDING_RAW];
	char		b64[sodium_base64_ENCODED_LEN(PENDING_RAW,
			    sodium_base64_VARIANT_URLSAFE_NO_PADDING)];

	put_u64(raw, (uint64_t)u->id);
	put_u64(raw + 8, (uint64_t)(s->now + ACCOUNT_PENDING_SECONDS));
	pending_mac(u, raw, raw + 16);
	sodium_bin2base64(b64, sizeof(b64), raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return arena_strdup(s->arena, b64);
}

/* The user of a valid, unexpired pending token into *u; else -1. */
static int
pending_user(struct svc *s, const char *token, struct user *u)
{
	unsigned char	raw[PENDING_RAW], mac[16];
	size_t		n;
	int		rc;

	if (token == NULL || strlen(token) > 64 ||
	    sodium_base642bin(raw, sizeof(raw), token, strlen(token), NULL, &n,
	    NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    n != sizeof(raw) || (int64_t)get_u64(raw + 8) < s->now ||
	    (int64_t)get_u64(raw + 8) > s->now + ACCOUNT_PENDING_SECONDS)
		return -1;
	if (db_begin(s->db, DB_READ, NULL) != 0)
		return -1;
	rc = user_store_get(s->db, s->arena, (int64_t)get_u64(raw), u, NULL);
	db_rollback(s->db);
	if (rc != 0 || !u->active)
		return -1;
	pending_mac(u, raw, mac);
	return crypto_verify_16(mac, raw + 16) == 0 ? 0 : -1;
}

int
account_login(struct svc *s, struct account_gate *g, const char *username,
    const char *password, const char *ip, const char *device,
    struct account_session *out, struct err *e)
{
	struct user	 u;
	int64_t		 attempt = 0;
	bool		 found, ok, second;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if (username == NULL || password == NULL || *username == '\0' ||
	    strlen(username) > USER_NAME_MAX ||
	    strlen(password) > ACCOUNT_PASSWORD_MAX)
		return err_set(e, ERR_UNAUTHORIZED, "invalid_credentials", NULL,
		    "Forkert brugernavn eller adgangskode");
	if ((rc = login_admit(s, username, ip, device, &u, &found, &attempt,
	    e)) != 0)
		return rc;
	if (found)
		ok = verify_password(g, u.password_hash, password) && u.active;
	else {
		if (g != NULL && g->dummy_hash[0] != '\0')
			(void)verify_password(g, g->dummy_hash, password);
		ok = false;
	}
	if (!ok)
		return err_set(e, ERR_UNAUTHORIZED, "invalid_credentials", NULL,
		    "Forkert brugernavn eller adgangskode");

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	second = twofactor_enabled_in_tx(s, u.id);
	db_rollback(s->db);
	if (second) {
		/* The password was right: the code is the next attempt. */
		if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
			return rc;
		if ((rc = session_store_attempt_ok(s->db, attempt, e)) != 0) {
			db_rollback(s->db);
			return rc;
		}
		if ((rc = db_commit(s->db, e)) != 0)
			return rc;
		out->pending = pending_token(s, &u);
		out->who.user_id = u.id;
		out->who.username = u.username;
		out->who.role = u.role;
		out->who.org_code = u.org_code;
		return 0;
	}
	return session_open(s, &u, attempt, ip, device, false, out, e);
}

int
account_login_code(struct svc *s, struct account_gate *g,
    const char *pending, const char *code, const char *ip,
    const char *device, struct account_session *out, struct err *e)
{
	struct user	 u, again;
	int64_t		 attempt = 0;
	bool		 found, recovery = false;
	int		 rc;

	(void)g;
	memset(out, 0, sizeof(*out));
	if (pending_user(s, pending, &u) != 0)
		return err_set(e, ERR_UNAUTHORIZED, "login_expired", NULL,
		    "Log ind igen: der gik for lang tid, før koden kom");
	if ((rc = login_admit(s, u.username, ip, device, &again, &found,
	    &attempt, e)) != 0)
		return rc;
	if (code == NULL || strlen(code) > 64)
		rc = 0;
	else {
		if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
			return rc;
		rc = twofactor_check_in_tx(s, u.id, code, &recovery, e);
		if (rc == 1 && (rc = db_commit(s->db, e)) == 0)
			rc = 1;
		else if (rc <= 0)
			db_rollback(s->db);
	}
	if (rc < 0)
		return rc;
	if (rc == 0)
		return err_set(e, ERR_UNAUTHORIZED, "wrong_code", "code",
		    "Koden er forkert eller allerede brugt");
	return session_open(s, &u, attempt, ip, device, recovery, out, e);
}

int
account_password_verify(struct svc *s, struct account_gate *g,
    const char *password, const char *field, struct err *e)
{
	struct user	u;
	int64_t		n, last;
	int		rc;

	if (s->who->user_id <= 0)
		return err_set(e, ERR_UNAUTHORIZED, "login_required", NULL,
		    "Log ind først");
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = user_store_get(s->db, s->arena, s->who->user_id, &u, e);
	if (rc == 0)
		rc = session_store_user_failures(s->db, u.username,
		    s->now - ACCOUNT_LOCK_MEMORY, &n, &last, e);
	db_rollback(s->db);
	if (rc != 0)
		return rc;
	if (lock_left(n, last, s->now) > 0)
		return err_set(e, ERR_RATE_LIMITED, "too_many_attempts", field,
		    "For mange forkerte forsøg; vent lidt og prøv igen");
	if (password == NULL || strlen(password) > ACCOUNT_PASSWORD_MAX ||
	    !verify_password(g, u.password_hash, password)) {
		if ((rc = record_failure(s, u.username, e)) != 0)
			return rc;
		return err_set(e, ERR_INVALID, "wrong_password", field,
		    "Adgangskoden er forkert");
	}
	return 0;
}

int
account_names(struct svc *s, const struct principal *who, const char **name,
    const char **org_name, struct err *e)
{
	struct user	u;
	struct org	o;
	int		rc;

	*name = who->username;
	*org_name = NULL;
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = user_store_get(s->db, s->arena, who->user_id, &u, e);
	if (rc == 0) {
		if (u.display_name != NULL && *u.display_name != '\0')
			*name = u.display_name;
		if (u.org_code != NULL && org_store_get(s->db, s->arena,
		    u.org_code, &o, NULL) == 0)
			*org_name = o.name;
	}
	db_rollback(s->db);
	return rc;
}

int
account_session_resolve(struct svc *s, const char *token,
    struct principal *who, const char **csrf, struct err *e)
{
	struct session_row	 row;
	struct user		 u;
	unsigned char		 h[32];
	int			 rc;

	if (token == NULL || strlen(token) != 43)
		return err_set(e, ERR_UNAUTHORIZED, "no_session", NULL,
		    "Du er ikke logget ind");
	token_hash(token, h);
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = session_store_find(s->db, s->arena, h, sizeof(h), s->now_iso,
	    &row, NULL);
	if (rc == 0)
		rc = user_store_get(s->db, s->arena, row.user_id, &u, NULL);
	db_rollback(s->db);
	if (rc != 0 || !u.active)
		return err_set(e, ERR_UNAUTHORIZED, "no_session", NULL,
		    "Du er ikke logget ind, eller sessionen er udløbet");
	who->user_id = u.id;
	who->username = u.username;
	who->role = u.role;
	who->org_code = u.org_code;
	*csrf = row.csrf_token;
	return 0;
}

int
account_logout(struct svc *s, const char *token, struct err *e)
{
	unsigned char	h[32];
	int		rc;

	if (token == NULL)
		return 0;
	token_hash(token, h);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = session_store_delete(s->db, h, sizeof(h), e)) != 0) {
		db_rollback(s->db);
		return rc;
	}
	return db_commit(s->db, e);
}

int
account_password_change(struct svc *s, struct account_gate *g,
    const char *token, const char *current, const char *password,
    struct err *e)
{
	char		 hash[crypto_pwhash_STRBYTES];
	unsigned char	 h[32];
	struct user	 u, nu;
	int64_t		 n, last;
	bool		 ok;
	int		 rc;

	if (s->who->user_id <= 0 || token == NULL)
		return err_set(e, ERR_UNAUTHORIZED, "login_required", NULL,
		    "Log ind for at skifte adgangskode");
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = user_store_get(s->db, s->arena, s->who->user_id, &u, e);
	if (rc == 0)
		rc = session_store_user_failures(s->db, u.username,
		    s->now - ACCOUNT_LOCK_MEMORY, &n, &last, e);
	db_rollback(s->db);
	if (rc != 0)
		return rc;
	/* Guessing the current password counts as guessing a login. */
	if (lock_left(n, last, s->now) > 0)
		return err_set(e, ERR_RATE_LIMITED, "too_many_attempts",
		    "current_password", "For mange forkerte adgangskoder; "
		    "vent lidt og prøv igen");
	ok = current != NULL && strlen(current) <= ACCOUNT_PASSWORD_MAX &&
	    verify_password(g, u.password_hash, current);
	if (!ok) {
		if ((rc = record_failure(s, u.username, e)) != 0)
			return rc;
		return err_set(e, ERR_INVALID, "wrong_password",
		    "current_password", "Den nuværende adgangskode er forkert");
	}
	if (password != NULL && strcmp(password, current) == 0)
		return err_set(e, ERR_INVALID, "same_password", "password",
		    "Den nye adgangskode skal være en anden end den nuværende");
	if ((rc = password_check(password, u.username, u.display_name,
	    g != NULL ? &g->mu : NULL, e)) != 0 ||
	    (rc = hash_password(g, password, hash, e)) != 0)
		return rc;
	nu = u;
	nu.password_hash = hash;
	token_hash(token, h);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = user_store_update(s->db, &nu, u.version, s->now_iso,
	    e)) != 0 ||
	    (rc = session_store_delete_others(s->db, u.id, h, sizeof(h),
	    e)) != 0 ||
	    (rc = audit_add(s->db, s->who, s->now_iso, "user",
	    arena_printf(s->arena, "%lld", (long long)u.id),
	    "change_own_password", NULL, NULL, e)) != 0) {
		db_rollback(s->db);
		return rc;
	}
	return db_commit(s->db, e);
}

int
account_sessions(struct svc *s, const char *token,
    struct session_info **out, size_t *n, struct err *e)
{
	unsigned char	h[32];
	int		rc;

	*out = NULL;
	*n = 0;
	if (s->who->user_id <= 0 || token == NULL)
		return err_set(e, ERR_UNAUTHORIZED, "login_required", NULL,
		    "Log ind");
	token_hash(token, h);
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = session_store_list_user(s->db, s->arena, s->who->user_id, h,
	    sizeof(h), s->now_iso, ACCOUNT_SESSIONS_SHOWN, out, n, e);
	db_rollback(s->db);
	return rc;
}

int
account_logout_everywhere(struct svc *s, struct err *e)
{
	int	rc;

	if (s->who->user_id <= 0)
		return err_set(e, ERR_UNAUTHORIZED, "login_required", NULL,
		    "Log ind");
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = session_store_delete_user(s->db, s->who->user_id, e)) != 0 ||
	    (rc = audit_add(s->db, s->who, s->now_iso, "user",
	    arena_printf(s->arena, "%lld", (long long)s->who->user_id),
	    "logout_everywhere", NULL, NULL, e)) != 0) {
		db_rollback(s->db);
		return rc;
	}
	return db_commit(s->db, e);
}

bool
account_token_equal(const char *a, const char *b)
{
	size_t n;

	if (a == NULL || b == NULL || (n = strlen(a)) != strlen(b) || n == 0)
		return false;
	return sodium_memcmp(a, b, n) == 0;
}
