/*
 * seal — a small secret sealed at rest under a 32-byte key with
 * XChaCha20-Poly1305 (libsodium's crypto_aead_xchacha20poly1305_ietf).
 *
 * A seal is: one version byte (SEAL_VERSION; a later format takes the
 * next number), a random 24-byte nonce, and
 * the ciphertext with its 16-byte tag. The associated data is the
 * version byte and the owner (a user id, 8 bytes big-endian): a seal
 * opens only for the owner it was made for, so it cannot be moved to
 * another row. Nothing of a seal is secret but the key.
 *
 * The key lives in a file of exactly SEAL_KEY_BYTES raw bytes, readable
 * by its owner only (mode 0600 or stricter); seal_key_create() makes one.
 * A new key replaces an old one by opening every seal with the old and
 * sealing it again with the new (service/twofactor: twofactor_rekey).
 * Call sodium_init() first.
 */
#ifndef RAMME_SEAL_H
#define RAMME_SEAL_H

#include <stddef.h>
#include <stdint.h>

struct err;

#define SEAL_VERSION	1	/* the first byte of a seal made now */
#define SEAL_KEY_BYTES	32	/* bytes of a key and of its file */
#define SEAL_NONCE	24	/* bytes of the nonce */
#define SEAL_TAG	16	/* bytes of the authentication tag */
#define SEAL_OVERHEAD	(1 + SEAL_NONCE + SEAL_TAG) /* bytes a seal adds */

struct seal_key {
	uint8_t		k[SEAL_KEY_BYTES];	/* the raw key */
};

/*
 * Read the key file at path into key. ERR_INVALID with a message naming
 * the file when it is missing or unreadable ("key_missing"), not a
 * regular file or not exactly SEAL_KEY_BYTES bytes ("key_size"), or
 * readable or writable by group or others ("key_mode": refused, not
 * warned, as ssh does with its keys).
 */
int	seal_key_load(struct seal_key *key, const char *path, struct err *e);
/*
 * Make a new random key file at path with mode 0600 (never replacing
 * one: ERR_CONFLICT "key_exists" when path exists) and put the key in
 * key. ERR_IO when it cannot be written.
 */
int	seal_key_create(struct seal_key *key, const char *path,
	    struct err *e);
/* Bytes of a key's fingerprint as text: 8 hex digits and the NUL. */
#define SEAL_FINGERPRINT	9
/*
 * The fingerprint of key into out: the first 8 hex digits of the
 * BLAKE2b hash (32 bytes) of the key. It names a key in logs, audit
 * records and the CLI's output without giving anything of it away.
 */
void	seal_key_fingerprint(const struct seal_key *key,
	    char out[SEAL_FINGERPRINT]);
/* Wipe key from memory. */
void	seal_key_wipe(struct seal_key *key);
/*
 * Seal the len bytes at plain for owner into out (room for
 * len + SEAL_OVERHEAD bytes, cap of them), its length into *outlen.
 * ERR_INVALID "seal_room" when cap is too small.
 */
int	seal_close(const struct seal_key *key, int64_t owner,
	    const uint8_t *plain, size_t len, uint8_t *out, size_t cap,
	    size_t *outlen, struct err *e);
/*
 * Open the seal of len bytes at in, made for owner, into out (cap bytes,
 * at least len - SEAL_OVERHEAD), its length into *outlen. ERR_INVALID
 * with key "seal_short" (shorter than a seal), "seal_version" (an
 * unknown version byte), "seal_room" (cap too small) or "seal_open" (a
 * wrong key, another owner, or a changed byte: the three cannot be told
 * apart). On an error out holds nothing of the secret.
 */
int	seal_open(const struct seal_key *key, int64_t owner, const uint8_t *in,
	    size_t len, uint8_t *out, size_t cap, size_t *outlen,
	    struct err *e);

#endif
