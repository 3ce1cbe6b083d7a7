/*
 * totp_store — the second factor of each user: its TOTP secret, sealed
 * (util/seal; the service seals and opens, this layer only keeps the
 * bytes), whether it is in use, the last time step used, and the hashes
 * of its recovery codes. Functions run inside the caller's transaction.
 */
#ifndef RAMME_TOTP_STORE_H
#define RAMME_TOTP_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/totp.h"
#include "util/seal.h"

struct arena;
struct db;
struct err;

#define TOTP_CODE_HASH	32	/* bytes of a recovery code's SHA-256 */
#define TOTP_STORED_MAX	(TOTP_SECRET_MAX + SEAL_OVERHEAD) /* bytes of a
					   stored secret, at most */

struct totp_row {
	uint8_t		 secret[TOTP_STORED_MAX]; /* the seal, or the raw key
					   of a row not yet sealed */
	size_t		 secretlen;	/* bytes */
	bool		 sealed;	/* secret is a seal (util/seal) */
	bool		 enabled;	/* confirmed with a code */
	int64_t		 last_step;	/* latest TOTP step used, 0 if none */
	const char	*created_at;	/* ISO timestamp */
	const char	*enabled_at;	/* ISO timestamp, NULL until enabled */
};

/* The factor of user_id; ERR_NOT_FOUND when it has none. */
int	totp_store_get(struct db *db, struct arena *a, int64_t user_id,
	    struct totp_row *out, struct err *e);
/*
 * Store a new sealed secret (seal of len bytes) not yet enabled,
 * replacing any earlier one.
 */
int	totp_store_put(struct db *db, int64_t user_id, const uint8_t *seal,
	    size_t len, const char *at, struct err *e);
/*
 * Replace the plain secret of user_id by its seal (len bytes), keeping
 * the rest of the row; only while the row is still plain: ERR_CONFLICT
 * "already_sealed" when it is not.
 */
int	totp_store_seal(struct db *db, int64_t user_id, const uint8_t *seal,
	    size_t len, struct err *e);
/*
 * Up to max user ids whose secret is stored plain, lowest first, into
 * ids; their number into *n.
 */
int	totp_store_plain_ids(struct db *db, int64_t *ids, size_t max,
	    size_t *n, struct err *e);
/*
 * Up to max user ids with a stored secret (sealed or not) above after,
 * lowest first, into ids; their number into *n. Called again with the
 * last id as after it walks every row while the rows are rewritten.
 */
int	totp_store_ids_after(struct db *db, int64_t after, int64_t *ids,
	    size_t max, size_t *n, struct err *e);
/*
 * Replace the secret of user_id by seal (len bytes, made with another
 * key), marking it sealed and keeping the rest of the row.
 */
int	totp_store_reseal(struct db *db, int64_t user_id, const uint8_t *seal,
	    size_t len, struct err *e);
/*
 * One sealed row (the lowest user id) into *user_id and out, to check
 * that a key opens the stored seals; ERR_NOT_FOUND when there is none.
 */
int	totp_store_sealed_any(struct db *db, struct arena *a,
	    int64_t *user_id, struct totp_row *out, struct err *e);
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
