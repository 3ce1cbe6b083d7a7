-- 001: the register (organisations, populations, offers), users,
-- sessions, login attempts and the audit log.

CREATE TABLE organisation (
	code		TEXT PRIMARY KEY,
	name		TEXT NOT NULL,
	kind		TEXT NOT NULL CHECK (kind IN ('kommune', 'region', 'private')),
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL
) STRICT;

CREATE TABLE population (
	org_code	TEXT NOT NULL REFERENCES organisation(code),
	year		INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
	persons		INTEGER NOT NULL CHECK (persons >= 0),
	source		TEXT,
	PRIMARY KEY (org_code, year)
) STRICT;

CREATE TABLE offer (
	id		INTEGER PRIMARY KEY,
	version		INTEGER NOT NULL DEFAULT 1,
	name		TEXT NOT NULL,
	name_key	TEXT NOT NULL,	-- case-folded name, for duplicates and sorting
	operator_code	TEXT REFERENCES organisation(code),
	location_code	TEXT REFERENCES organisation(code),
	kind		TEXT CHECK (kind IN ('residential', 'day', 'outpatient',
			    'secure_institution', 'special_education', 'respite',
			    'supervision')),
	covered		INTEGER NOT NULL DEFAULT 0 CHECK (covered IN (0, 1)),
	category	TEXT,
	status		TEXT NOT NULL DEFAULT 'active'
			    CHECK (status IN ('active', 'closing', 'closed')),
	opened_on	TEXT CHECK (opened_on IS NULL OR date(opened_on) IS opened_on),
	status_from	TEXT CHECK (status_from IS NULL OR date(status_from) IS status_from),
	tilbudsportal_id TEXT,
	note		TEXT,
	source		TEXT,
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	deleted_at	TEXT,
	doc		TEXT	-- the offer's JSON as served, rewritten on every change
) STRICT;
CREATE UNIQUE INDEX offer_unique_name ON offer (name_key, COALESCE(operator_code, ''))
	WHERE deleted_at IS NULL;
CREATE INDEX offer_operator ON offer (operator_code);
CREATE INDEX offer_location ON offer (location_code);
CREATE INDEX offer_updated ON offer (updated_at);

CREATE TABLE offer_paragraph (
	offer_id	INTEGER NOT NULL REFERENCES offer(id),
	pos		INTEGER NOT NULL,
	text		TEXT NOT NULL,
	section		INTEGER NOT NULL,	-- the § number, 0 if none
	PRIMARY KEY (offer_id, pos)
) STRICT;
CREATE INDEX offer_paragraph_section ON offer_paragraph (section);

CREATE TABLE offer_target_group (
	offer_id	INTEGER NOT NULL REFERENCES offer(id),
	pos		INTEGER NOT NULL,
	text		TEXT NOT NULL,
	PRIMARY KEY (offer_id, pos)
) STRICT;

CREATE TABLE offer_places (
	offer_id	INTEGER NOT NULL REFERENCES offer(id),
	year		INTEGER NOT NULL,
	places_centi	INTEGER NOT NULL CHECK (places_centi >= 0),	-- hundredths of a place
	PRIMARY KEY (offer_id, year)
) STRICT;

CREATE TABLE app_user (
	id		INTEGER PRIMARY KEY,
	version		INTEGER NOT NULL DEFAULT 1,
	username	TEXT NOT NULL UNIQUE,
	display_name	TEXT NOT NULL,
	role		TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'authority', 'reader')),
	org_code	TEXT REFERENCES organisation(code),
	password_hash	TEXT NOT NULL,
	active		INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL
) STRICT;

CREATE TABLE session (
	id		INTEGER PRIMARY KEY,
	token_hash	BLOB NOT NULL UNIQUE,	-- BLAKE2b of the cookie token
	user_id		INTEGER NOT NULL REFERENCES app_user(id),
	csrf_token	TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	expires_at	TEXT NOT NULL
) STRICT;
CREATE INDEX session_user ON session (user_id);

CREATE TABLE login_attempt (
	id		INTEGER PRIMARY KEY,
	username	TEXT NOT NULL,
	ip		TEXT NOT NULL,
	at		INTEGER NOT NULL,	-- seconds since the epoch
	ok		INTEGER NOT NULL CHECK (ok IN (0, 1))
) STRICT;
CREATE INDEX login_attempt_user ON login_attempt (username, at);
CREATE INDEX login_attempt_ip ON login_attempt (ip, at);

CREATE TABLE audit (
	id		INTEGER PRIMARY KEY,
	at		TEXT NOT NULL,
	user_id		INTEGER,
	username	TEXT NOT NULL,
	entity		TEXT NOT NULL,	-- 'offer', 'organisation', 'user', ...
	entity_id	TEXT NOT NULL,
	action		TEXT NOT NULL,	-- 'create', 'update', 'delete', 'login', ...
	before_json	TEXT,
	after_json	TEXT
) STRICT;
CREATE INDEX audit_entity ON audit (entity, entity_id);

-- A counter bumped by every change to the public register, by any
-- process: a response cached at generation n is current while the
-- counter is still n.
CREATE TABLE change_counter (
	id		INTEGER PRIMARY KEY CHECK (id = 1),
	n		INTEGER NOT NULL
) STRICT;
INSERT INTO change_counter (id, n) VALUES (1, 0);
CREATE TRIGGER offer_ins AFTER INSERT ON offer
	BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER offer_upd AFTER UPDATE ON offer
	BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER offer_del AFTER DELETE ON offer
	BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER organisation_ins AFTER INSERT ON organisation
	BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER organisation_upd AFTER UPDATE ON organisation
	BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER population_ins AFTER INSERT ON population
	BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER population_upd AFTER UPDATE ON population
	BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;
