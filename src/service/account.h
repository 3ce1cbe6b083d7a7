/*
 * account — users, passwords, sessions and the login rules.
 *
 * Passwords are hashed with argon2id (libsodium) at m = 19 MiB, t = 2,
 * p = 1, the minimum OWASP recommends for argon2id: about 20 ms and
 * 19 MiB per hash here, so a server stays small (see docs/security.md). A struct account_gate bounds how many
 * hashes run at once, so a burst of logins cannot exhaust memory. Failed
 * logins are counted per user name and per address; past the limits the
 * login is refused with ERR_RATE_LIMITED before any hashing.
 */
#ifndef RAMME_ACCOUNT_H
#define RAMME_ACCOUNT_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/role.h"

struct err;
struct svc;
struct user;

/* Counting semaphore for password hashing. */
struct account_gate {
	pthread_mutex_t	mu;
	pthread_cond_t	cv;
	int		free;	/* hashes that may start now */
	char		dummy_hash[128]; /* verified for unknown users */
};

#define ACCOUNT_PWHASH_OPSLIMIT		2			/* passes */
#define ACCOUNT_PWHASH_MEMLIMIT		(19u * 1024 * 1024)	/* bytes */
#define ACCOUNT_SESSION_SECONDS		(8 * 3600)
#define ACCOUNT_FAIL_WINDOW		(15 * 60)	/* seconds */
#define ACCOUNT_FAIL_PER_USER		5
#define ACCOUNT_FAIL_PER_IP		30
#define ACCOUNT_LOCK_BASE		60	/* seconds locked after the
						   ACCOUNT_FAIL_PER_USER-th
						   failure; doubles with each
						   further one */
#define ACCOUNT_LOCK_MAX		3600	/* seconds, at most */
#define ACCOUNT_LOCK_MEMORY		(24 * 3600) /* failures counted
						   for the growing lock */
#define ACCOUNT_DEVICE_NONCE		16	/* bytes of a device token */
#define ACCOUNT_DEVICE_MAC		16
#define ACCOUNT_SESSIONS_SHOWN		50	/* on the account page */
#define ACCOUNT_PASSWORD_MIN		10	/* bytes */
#define ACCOUNT_PASSWORD_MAX		1024

void	account_gate_init(struct account_gate *g, int concurrent);
void	account_gate_cleanup(struct account_gate *g);

/* What a user gives to create an account. */
struct account_new {
	const char	*username;	/* [a-z0-9._-], 2..64 */
	const char	*display_name;	/* NULL: the user name */
	enum role	 role;
	const char	*org_code;	/* required for operator/authority */
	const char	*password;
};

/* Create a user (admin only; the CLI acts as the system admin). */
int	account_user_add(struct svc *s, struct account_gate *g,
	    const struct account_new *n, int64_t *id, struct err *e);
/*
 * Change a user (admin only): display name, role, organisation, active
 * flag, and the password if password is not NULL. Deactivating a user or
 * changing the password ends the user's sessions. The last active admin
 * cannot be demoted or deactivated.
 */
int	account_user_update(struct svc *s, struct account_gate *g,
	    const struct user *u, const char *password,
	    int64_t expected_version, struct err *e);
int	account_user_list(struct svc *s, struct user **out, int *n,
	    struct err *e);
int	account_user_get(struct svc *s, int64_t id, struct user *out,
	    struct err *e);

/* A new session: the cookie token and the CSRF token (arena strings). */
struct account_session {
	const char	*token;		/* goes only into the cookie */
	const char	*csrf;		/* goes into forms / X-CSRF-Token */
	const char	*device;	/* a new known-device token for the
					   device cookie, or NULL when the
					   one presented is valid */
	const char	*pending;	/* instead of a session, when the
					   user has a second factor and no
					   code was given: the token of the
					   half-logged-in cookie (token,
					   csrf and device are NULL) */
	struct principal who;
};

#define ACCOUNT_PENDING_SECONDS	300	/* a half-logged-in state lasts */

/*
 * Check username/password from ip and open a session. Wrong name and
 * wrong password give the same ERR_UNAUTHORIZED. ERR_RATE_LIMITED when
 * ip has ACCOUNT_FAIL_PER_IP failures in ACCOUNT_FAIL_WINDOW, or while
 * the user name is locked after failures (ACCOUNT_LOCK_BASE, doubling
 * per failure up to ACCOUNT_LOCK_MAX) — except from a device the user
 * has logged in from before (device: the token of its device cookie, or
 * NULL), so an attacker guessing a name cannot lock its owner out.
 * The limits are checked and the attempt counted in one transaction
 * before the password is verified. Every attempt is recorded; success
 * is audited.
 */
int	account_login(struct svc *s, struct account_gate *g,
	    const char *username, const char *password, const char *ip,
	    const char *device, struct account_session *out, struct err *e);
/*
 * The second step of a login for a user with a second factor: pending
 * the token account_login() gave (its cookie: bound to the browser, a
 * MAC keyed by the user's password hash, valid ACCOUNT_PENDING_SECONDS),
 * code a TOTP code or an unused recovery code. The rate limits of
 * account_login() apply and a wrong code counts as a failed login of
 * the name. ERR_UNAUTHORIZED "login_expired" for a bad or old pending
 * token, "wrong_code" for a wrong, reused or used-up code. On success
 * a session as from account_login(); audited (with "recovery": true
 * when a recovery code was used).
 */
int	account_login_code(struct svc *s, struct account_gate *g,
	    const char *pending, const char *code, const char *ip,
	    const char *device, struct account_session *out, struct err *e);
/*
 * Check the password of the logged-in user for a sensitive change:
 * ERR_RATE_LIMITED while its name is locked, ERR_INVALID
 * "wrong_password" on field field when wrong (counted as a failed
 * login of the name).
 */
int	account_password_verify(struct svc *s, struct account_gate *g,
	    const char *password, const char *field, struct err *e);
/*
 * The names the page header shows for who: *name the user's display name
 * (else the user name), *org_name the organisation's name (NULL when the
 * user has none). Strings in s->arena.
 */
int	account_names(struct svc *s, const struct principal *who,
	    const char **name, const char **org_name, struct err *e);
/*
 * The principal and CSRF token of the session with this cookie token;
 * ERR_UNAUTHORIZED if unknown, expired or the user is inactive.
 */
int	account_session_resolve(struct svc *s, const char *token,
	    struct principal *who, const char **csrf, struct err *e);
/* End the session with this cookie token (no error if unknown). */
int	account_logout(struct svc *s, const char *token, struct err *e);
/*
 * The logged-in user changes its own password: current must be right
 * (a wrong one counts as a failed login of the name, and the name's lock
 * applies), password must pass password_check() and differ from it.
 * Every other session of the user ends; the one of token (the cookie
 * token of the session asking) stays. Audited.
 */
int	account_password_change(struct svc *s, struct account_gate *g,
	    const char *token, const char *current, const char *password,
	    struct err *e);
/*
 * The logged-in user's unexpired sessions, newest first, at most
 * ACCOUNT_SESSIONS_SHOWN, the one of token marked current.
 */
struct session_info;
int	account_sessions(struct svc *s, const char *token,
	    struct session_info **out, size_t *n, struct err *e);
/* End every session of the logged-in user, this one too. Audited. */
int	account_logout_everywhere(struct svc *s, struct err *e);
/* Constant-time comparison of two NUL-terminated tokens. */
bool	account_token_equal(const char *a, const char *b);

#endif
