-- The second login factor: a TOTP secret per user (RFC 6238), and the
-- one-time recovery codes, stored only as SHA-256 hashes.
CREATE TABLE user_totp (
	user_id		INTEGER PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
	secret		BLOB NOT NULL,		-- raw key bytes, never shown again
	enabled		INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
	last_step	INTEGER NOT NULL DEFAULT 0,	-- last step used (no replay)
	created_at	TEXT NOT NULL,
	enabled_at	TEXT
) STRICT;

CREATE TABLE user_recovery_code (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
	code_hash	BLOB NOT NULL,		-- SHA-256 of the normalised code
	created_at	TEXT NOT NULL,
	used_at		TEXT,
	UNIQUE (user_id, code_hash)
) STRICT;
