/*
 * totp_store — the second factor of each user: its TOTP secret, whether
 * it is in use, the last time step used, and the hashes of its recovery
 * codes. Functions run inside the caller's transaction.
 */
#ifndef RAMME_TOTP_STORE_H
#define RAMME_TOTP_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/totp.h"

struct arena;
struct db;
struct err;

#define TOTP_CODE_HASH	32	/* bytes of a recovery code's SHA-256 */

struct totp_row {
	uint8_t		 secret[TOTP_SECRET_MAX];
	size_t		 secretlen;	/* bytes */
	bool		 enabled;	/* confirmed with a code */
	int64_t		 last_step;	/* latest TOTP step used, 0 if none */
	const char	*created_at;	/* ISO timestamp */
	const char	*enabled_at;	/* ISO timestamp, NULL until enabled */
};

/* The factor of user_id; ERR_NOT_FOUND when it has none. */
int	totp_store_get(struct db *db, struct arena *a, int64_t user_id,
	    struct totp_row *out, struct err *e);
/* Store a new secret not yet enabled, replacing any earlier one. */
int	totp_store_put(struct db *db, int64_t user_id, const uint8_t *secret,
	    size_t len, const char *at, struct err *e);
/* Enable the factor of user_id with step as the last step used. */
int	totp_store_enable(struct db *db, int64_t user_id, int64_t step,
	    const char *at, struct err *e);
/*
 * Record step as used, only when it is later than the stored one:
 * ERR_CONFLICT when it is not (a code used twice at the same time).
 */
int	totp_store_use_step(struct db *db, int64_t user_id, int64_t step,
	    struct err *e);
/* Remove the factor and the recovery codes of user_id (none: no error). */
int	totp_store_delete(struct db *db, int64_t user_id, struct err *e);
/* Replace the recovery codes of user_id by the n hashes given. */
int	totp_store_codes_put(struct db *db, int64_t user_id,
	    const uint8_t (*hashes)[TOTP_CODE_HASH], size_t n, const char *at,
	    struct err *e);
/* Mark the unused code with this hash used; ERR_NOT_FOUND if none. */
int	totp_store_code_use(struct db *db, int64_t user_id,
	    const uint8_t hash[TOTP_CODE_HASH], const char *at, struct err *e);
/* Unused recovery codes of user_id into *n. */
int	totp_store_codes_left(struct db *db, int64_t user_id, int64_t *n,
	    struct err *e);

#endif
