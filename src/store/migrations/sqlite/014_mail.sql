-- 014: e-mail notifications — a user's address and choices, and the
-- outbox the change that causes a mail writes it into (same transaction).
--
-- Stamps are ISO UTC text; the sender's times (next_attempt_at,
-- claimed_until) are epoch seconds, compared as integers.

-- A user's e-mail address (one per user; none: no mail).
CREATE TABLE user_mail (
	user_id		INTEGER PRIMARY KEY REFERENCES app_user(id),
	email		TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254
			    AND email LIKE '%_@_%'),
	updated_at	TEXT NOT NULL
) STRICT;

-- The kinds of notice a user has turned off (every kind is on by
-- default; core/notice.h lists the kinds).
CREATE TABLE notice_optout (
	user_id		INTEGER NOT NULL REFERENCES app_user(id),
	kind		TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 30),
	PRIMARY KEY (user_id, kind)
) STRICT;

-- One mail to one recipient. queued → sending → sent; a failed attempt
-- goes back to queued with a later next_attempt_at, and after the last
-- attempt to failed; cancelled by the secretariat. A claim (sending)
-- holds until claimed_until; after that another sender may take the mail
-- again (see service/mailer.c for the window this leaves).
CREATE TABLE outbox (
	id		INTEGER PRIMARY KEY,
	kind		TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 30),
	about		TEXT NOT NULL CHECK (length(about) BETWEEN 1 AND 40),
	about_id	INTEGER NOT NULL,
	user_id		INTEGER REFERENCES app_user(id),
	to_addr		TEXT NOT NULL CHECK (length(to_addr) BETWEEN 3 AND 254),
	subject		TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
	body		TEXT NOT NULL CHECK (length(body) <= 20000),
	path		TEXT NOT NULL CHECK (substr(path, 1, 1) = '/'),
	message_id	TEXT NOT NULL UNIQUE,
	dedupe_key	TEXT UNIQUE,	-- reminders: once per deadline and user
	state		TEXT NOT NULL DEFAULT 'queued'
			    CHECK (state IN ('queued', 'sending', 'sent',
			    'failed', 'cancelled')),
	attempts	INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
	next_attempt_at	INTEGER NOT NULL,	-- epoch seconds
	claimed_until	INTEGER,		-- epoch seconds, while sending
	claim_token	TEXT,			-- who holds the claim
	last_error	TEXT CHECK (last_error IS NULL OR length(last_error) <= 1000),
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	sent_at		TEXT,
	CHECK (state <> 'sending' OR claimed_until IS NOT NULL),
	CHECK (state <> 'sent' OR sent_at IS NOT NULL)
) STRICT;
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_user ON outbox (user_id);
CREATE INDEX outbox_about ON outbox (about, about_id);
