-- 035: the TOTP secret sealed at rest (util/seal: XChaCha20-Poly1305
-- under the server's key file, the user id as associated data).
--
-- sealed = 1: secret holds a seal (version byte, nonce, ciphertext and
-- tag); sealed = 0: the raw key bytes an older version stored. The
-- service seals every plain row the first time it runs with a key, so a
-- database that has been served since holds no sealed = 0 row.

ALTER TABLE user_totp ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0
    CHECK (sealed IN (0, 1));
