/*
 * twofactor — the second login factor: a TOTP app (RFC 6238) and ten
 * one-time recovery codes. A user enrols from "Min konto" (a new secret,
 * confirmed with a code from the app, then the recovery codes shown
 * once), logs in with password and code (service/account), and turns it
 * off with password and code. The secretariat resets it when a phone is
 * lost. The agreement parameter totp_required_admin of the current year
 * makes it required for admins. Every change is audited.
 *
 * The secrets are sealed at rest (util/seal) with the key in s->key,
 * the user id bound in, so a copy of the database or of a backup mints
 * no codes. Without a key (s->key NULL) or with one that does not open
 * them, enrolment and TOTP codes are refused with ERR_BUSY
 * ("totp_no_key", "totp_wrong_key", naming --key-file); recovery codes,
 * stored as hashes only, still work, and users without a factor are not
 * touched.
 */
#ifndef RAMME_TWOFACTOR_H
#define RAMME_TWOFACTOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct account_gate;
struct err;
struct principal;
struct seal_key;
struct svc;

#define TWOFACTOR_CODES		10	/* recovery codes per enrolment */
#define TWOFACTOR_CODE_CHARS	12	/* characters of a recovery code
					   (60 bits), shown as 4-4-4 */

/* Where the logged-in user stands. */
struct twofactor_status {
	bool	 enabled;	/* logins ask for a code */
	bool	 required;	/* an admin while totp_required_admin is on */
	int64_t	 codes_left;	/* unused recovery codes */
	const char *enabled_at;	/* ISO timestamp, or NULL */
};

/* A secret to enter into the app, not yet confirmed. */
struct twofactor_setup {
	const char	*secret;	/* base32 */
	const char	*grouped;	/* base32 in groups of four */
	const char	*uri;		/* otpauth://totp/... */
};

/* The recovery codes of a new enrolment: shown once, never stored. */
struct twofactor_codes {
	const char	*code[TWOFACTOR_CODES];	/* "abcd-efgh-jkmn" */
};

int	twofactor_status(struct svc *s, struct twofactor_status *out,
	    struct err *e);
/*
 * True in *must when who must enrol before doing anything else: an
 * admin without an enabled factor while the parameter
 * totp_required_admin of the current year is 1.
 */
int	twofactor_must_enrol(struct svc *s, const struct principal *who,
	    bool *must, struct err *e);
/*
 * The secret for the logged-in user to enrol with: the one begun
 * before and not confirmed, or a new one. ERR_CONFLICT when already
 * enabled.
 */
int	twofactor_begin(struct svc *s, struct twofactor_setup *out,
	    struct err *e);
/*
 * Confirm the begun secret with a code from the app: enable it and make
 * TWOFACTOR_CODES new recovery codes (only their hashes are stored).
 * ERR_INVALID "wrong_code" on field "code". Audited ("totp_enrol").
 */
int	twofactor_confirm(struct svc *s, const char *code,
	    struct twofactor_codes *out, struct err *e);
/*
 * Turn the logged-in user's factor off, with its password and a code
 * (or a recovery code). Not for an admin while it is required
 * (ERR_FORBIDDEN). Audited ("totp_disable").
 */
int	twofactor_disable(struct svc *s, struct account_gate *g,
	    const char *password, const char *code, struct err *e);
/*
 * Enrol username with the base32 secret given, enabled at once, for
 * scripts and tests (admin only: the CLI). New recovery codes in *out.
 * Audited ("totp_enrol").
 */
int	twofactor_set(struct svc *s, const char *username, const char *secret,
	    struct twofactor_codes *out, struct err *e);
/*
 * Remove the factor of username (a lost phone; admin only): its next
 * login is with the password alone, and an admin is sent to enrol
 * again. Audited ("totp_reset").
 */
int	twofactor_reset(struct svc *s, const char *username, struct err *e);
/*
 * Whether user_id logs in with a second factor, in *enabled (admin only:
 * the user's page in the user administration).
 */
int	twofactor_user_enabled(struct svc *s, int64_t user_id, bool *enabled,
	    struct err *e);
/*
 * Within the caller's write transaction: check code for user_id, a TOTP
 * code of an enabled factor (its step recorded, so a code works once)
 * or an unused recovery code (marked used; *recovery set). 1 when
 * right, 0 when wrong, or a negative error.
 */
int	twofactor_check_in_tx(struct svc *s, int64_t user_id,
	    const char *code, bool *recovery, struct err *e);
/* True when user_id has an enabled factor (within a transaction). */
bool	twofactor_enabled_in_tx(struct svc *s, int64_t user_id);
/*
 * True in *any when some stored secret is sealed: a missing key file
 * must then not be replaced by a new one.
 */
int	twofactor_any_sealed(struct svc *s, bool *any, struct err *e);
/*
 * With the key in s->key: check that it opens the stored seals
 * (ERR_INVALID "totp_wrong_key" on field "key_file" when it does not;
 * nothing is changed), then seal every secret still stored plain by an
 * earlier version, in one transaction, each audited ("totp_seal").
 * Their number into *sealed (0 when there were none: idempotent).
 */
int	twofactor_seal_all(struct svc *s, int *sealed, struct err *e);
/*
 * Rotate the key: in one transaction, open every stored secret with the
 * current key s->key and seal it again with nk for the same user (a
 * plain one of an earlier version is sealed with nk on the way), each
 * audited ("totp_reseal", old and new naming the keys by their
 * fingerprints only). Admin only. Refused with nothing changed when
 * nk is the current key (ERR_INVALID "totp_rekey_same_key") or when
 * s->key does not open every seal ("totp_rekey_wrong_key", saying
 * whether nk does: a rotation already made). The number of secrets
 * sealed with nk into *resealed (0 for none: no secret stored).
 */
int	twofactor_rekey(struct svc *s, const struct seal_key *nk,
	    int *resealed, struct err *e);

#endif
