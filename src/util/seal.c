/*
 * seal — a small secret sealed at rest (see seal.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/err.h"
#include "util/seal.h"

#if SEAL_NONCE != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES || \
    SEAL_TAG != crypto_aead_xchacha20poly1305_ietf_ABYTES || \
    SEAL_KEY_BYTES != crypto_aead_xchacha20poly1305_ietf_KEYBYTES
#error "seal.h sizes differ from libsodium's"
#endif

/* The associated data: the version byte and the owner, big-endian. */
static void
seal_ad(uint8_t version, int64_t owner, uint8_t ad[9])
{
	uint64_t	u = (uint64_t)owner;
	int		i;

	ad[0] = version;
	for (i = 8; i >= 1; i--) {
		ad[i] = (uint8_t)(u & 0xff);
		u >>= 8;
	}
}

int
seal_key_load(struct seal_key *key, const char *path, struct err *e)
{
	struct stat	st;
	ssize_t		n;
	uint8_t		extra;
	int		fd;

	memset(key, 0, sizeof(*key));
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)) == -1)
		return err_set(e, ERR_INVALID, "key_missing", "key_file",
		    "Nøglefilen %s kan ikke læses (%s); angiv den med "
		    "--key-file", path, strerror(errno));
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_size != SEAL_KEY_BYTES) {
		close(fd);
		return err_set(e, ERR_INVALID, "key_size", "key_file",
		    "Nøglefilen %s skal være en fil på præcis %d byte; lav "
		    "en med: head -c %d /dev/urandom > %s", path,
		    SEAL_KEY_BYTES, SEAL_KEY_BYTES, path);
	}
	if ((st.st_mode & 077) != 0) {
		close(fd);
		return err_set(e, ERR_INVALID, "key_mode", "key_file",
		    "Nøglefilen %s kan læses eller ændres af andre end ejeren "
		    "(rettigheder %03o); giv den rettighederne 600: chmod 600 "
		    "%s", path, (unsigned)(st.st_mode & 0777), path);
	}
	n = read(fd, key->k, sizeof(key->k));
	if (n != (ssize_t)sizeof(key->k) || read(fd, &extra, 1) != 0) {
		close(fd);
		seal_key_wipe(key);
		return err_set(e, ERR_INVALID, "key_size", "key_file",
		    "Nøglefilen %s skal være præcis %d byte", path,
		    SEAL_KEY_BYTES);
	}
	close(fd);
	return 0;
}

int
seal_key_create(struct seal_key *key, const char *path, struct err *e)
{
	char	tmp[4096];
	int	fd, saved;

	/* Written whole under a private name, then linked: never half. */
	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.%ld.tmp", path,
	    (long)getpid()) >= sizeof(tmp))
		return err_set(e, ERR_IO, "key_write", "key_file",
		    "Nøglefilens sti er for lang");
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY,
	    0600);
	if (fd == -1)
		return err_set(e, ERR_IO, "key_write", "key_file",
		    "Nøglefilen %s kan ikke oprettes: %s", path,
		    strerror(errno));
	randombytes_buf(key->k, sizeof(key->k));
	if (fchmod(fd, 0600) != 0 ||
	    write(fd, key->k, sizeof(key->k)) != (ssize_t)sizeof(key->k) ||
	    fsync(fd) != 0) {
		saved = errno;
		close(fd);
		unlink(tmp);
		seal_key_wipe(key);
		return err_set(e, ERR_IO, "key_write", "key_file",
		    "Nøglefilen %s kan ikke skrives: %s", path,
		    strerror(saved));
	}
	close(fd);
	if (link(tmp, path) != 0) {
		saved = errno;
		unlink(tmp);
		seal_key_wipe(key);
		if (saved == EEXIST)
			return err_set(e, ERR_CONFLICT, "key_exists",
			    "key_file", "Nøglefilen %s findes allerede", path);
		return err_set(e, ERR_IO, "key_write", "key_file",
		    "Nøglefilen %s kan ikke oprettes: %s", path,
		    strerror(saved));
	}
	unlink(tmp);
	return 0;
}

void
seal_key_wipe(struct seal_key *key)
{
	sodium_memzero(key, sizeof(*key));
}

int
seal_close(const struct seal_key *key, int64_t owner, const uint8_t *plain,
    size_t len, uint8_t *out, size_t cap, size_t *outlen, struct err *e)
{
	unsigned long long	clen;
	uint8_t			ad[9];

	*outlen = 0;
	if (cap < SEAL_OVERHEAD || len > cap - SEAL_OVERHEAD)
		return err_set(e, ERR_INVALID, "seal_room", NULL,
		    "Der er ikke plads til den forseglede nøgle");
	out[0] = SEAL_VERSION;
	randombytes_buf(out + 1, SEAL_NONCE);
	seal_ad(SEAL_VERSION, owner, ad);
	crypto_aead_xchacha20poly1305_ietf_encrypt(out + 1 + SEAL_NONCE,
	    &clen, plain, len, ad, sizeof(ad), NULL, out + 1, key->k);
	*outlen = 1 + SEAL_NONCE + (size_t)clen;
	return 0;
}

int
seal_open(const struct seal_key *key, int64_t owner, const uint8_t *in,
    size_t len, uint8_t *out, size_t cap, size_t *outlen, struct err *e)
{
	unsigned long long	mlen;
	uint8_t			ad[9];

	*outlen = 0;
	if (len < SEAL_OVERHEAD)
		return err_set(e, ERR_INVALID, "seal_short", NULL,
		    "Den forseglede nøgle er afkortet (%zu byte)", len);
	if (in[0] != SEAL_VERSION)
		return err_set(e, ERR_INVALID, "seal_version", NULL,
		    "Den forseglede nøgle har en ukendt version (%u)",
		    (unsigned)in[0]);
	if (cap < len - SEAL_OVERHEAD)
		return err_set(e, ERR_INVALID, "seal_room", NULL,
		    "Der er ikke plads til den åbnede nøgle");
	seal_ad(in[0], owner, ad);
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(out, &mlen, NULL,
	    in + 1 + SEAL_NONCE, len - 1 - SEAL_NONCE, ad, sizeof(ad),
	    in + 1, key->k) != 0) {
		sodium_memzero(out, len - SEAL_OVERHEAD);
		return err_set(e, ERR_INVALID, "seal_open", NULL,
		    "Den forseglede nøgle kan ikke åbnes: nøglefilen er ikke "
		    "den, den blev forseglet med, eller data er ændret");
	}
	*outlen = (size_t)mlen;
	return 0;
}

void
seal_key_fingerprint(const struct seal_key *key, char out[SEAL_FINGERPRINT])
{
	uint8_t	h[crypto_generichash_BYTES];

	crypto_generichash(h, sizeof(h), key->k, sizeof(key->k), NULL, 0);
	sodium_bin2hex(out, SEAL_FINGERPRINT, h, 4);
	sodium_memzero(h, sizeof(h));
}
