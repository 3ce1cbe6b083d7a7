/*
 * totp — one-time codes for the second login factor: HOTP (RFC 4226)
 * and TOTP (RFC 6238) with HMAC-SHA-1, computed by liboath; secrets in
 * base32 (RFC 4648, without padding) and the otpauth:// URI that
 * authenticator apps read.
 *
 * Pure: no I/O, no clock, no randomness; the caller passes the time and
 * the secret.
 */
#ifndef RAMME_TOTP_H
#define RAMME_TOTP_H

#include <stddef.h>
#include <stdint.h>

struct arena;

#define TOTP_SECRET_BYTES	20	/* bytes of a new secret (160 bits,
					   as RFC 4226 recommends) */
#define TOTP_SECRET_MAX		64	/* bytes of a secret, at most */
#define TOTP_BASE32_MAX		(TOTP_SECRET_MAX * 8 / 5 + 8) /* chars */
#define TOTP_DIGITS		6	/* digits of a code */
#define TOTP_STEP		30	/* seconds a code lasts */
#define TOTP_WINDOW		1	/* steps of clock drift accepted
					   either side */
#define TOTP_ISSUER		"Rammeaftaler"	/* shown in the app */

/*
 * The HOTP value of key at counter, digits (6..8) decimal digits with
 * leading zeros, into out (digits + 1 bytes). 0, or -1 on a bad argument.
 */
int	totp_hotp(const uint8_t *key, size_t keylen, uint64_t counter,
	    int digits, char *out);
/* The time step of epoch second now (now / TOTP_STEP; 0 before 1970). */
int64_t	totp_step_of(int64_t now);
/*
 * The TOTP value of key at epoch second now with digits digits and
 * TOTP_STEP seconds per step, into out. 0 or -1.
 */
int	totp_code(const uint8_t *key, size_t keylen, int64_t now, int digits,
	    char *out);
/*
 * Check the code a user typed (spaces ignored) against key at now,
 * accepting the steps now-TOTP_WINDOW .. now+TOTP_WINDOW that are later
 * than last_step (a code used once is not taken again). 1 and the step
 * matched in *step; 0 when the code is wrong, reused or malformed.
 * Compares in constant time.
 */
int	totp_verify(const uint8_t *key, size_t keylen, const char *code,
	    int64_t now, int64_t last_step, int64_t *step);
/*
 * base32 of n bytes, upper case, without padding, into out (size
 * outsz ≥ TOTP_BASE32_MAX). 0, or -1 when it does not fit.
 */
int	totp_base32_encode(const uint8_t *in, size_t n, char *out,
	    size_t outsz);
/*
 * Decode base32 in (upper or lower case, spaces and '=' padding
 * ignored) into out (outsz bytes); *n the bytes written. 0, or -1 when
 * in is not base32, empty, or longer than outsz bytes.
 */
int	totp_base32_decode(const char *in, uint8_t *out, size_t outsz,
	    size_t *n);
/*
 * The secret b32 in groups of four characters ("ABCD EFGH ...") for
 * typing into an app by hand, in a.
 */
char	*totp_group(struct arena *a, const char *b32);
/*
 * otpauth://totp/ISSUER:ACCOUNT?secret=B32&issuer=ISSUER&algorithm=SHA1
 * &digits=6&period=30, with issuer and account percent-encoded, in a.
 */
char	*totp_uri(struct arena *a, const char *issuer, const char *account,
	    const char *b32);

#endif
