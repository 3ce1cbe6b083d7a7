-- 004: governance — bodies (organer, working groups, networks), persons
-- and their memberships, nominations asked of the municipalities,
-- meetings with participants, agenda items, attachments (stored once by
-- content hash), follow-ups, members' sign-off of circulated minutes,
-- and the public search index.
--
-- Times of meetings are local ISO text ("2011-10-06T13:00", or a date
-- alone); stamps (created_at ...) are ISO UTC. Closed content (lukkede
-- punkter, closed attachments) is stored here like the rest and is kept
-- out of every public output by the service; the search index
-- meeting_fts only ever receives the public projection.

CREATE TABLE body (
	id		INTEGER PRIMARY KEY,
	key		TEXT UNIQUE CHECK (key IS NULL OR
			    (length(key) BETWEEN 1 AND 20 AND key NOT GLOB '*[^a-z0-9_]*')),
	name		TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
	short_name	TEXT CHECK (short_name IS NULL OR length(short_name) <= 30),
	kind		TEXT NOT NULL DEFAULT 'organ'
			    CHECK (kind IN ('organ', 'arbejdsgruppe', 'netvaerk')),
	parent_id	INTEGER REFERENCES body(id),
	mandate		TEXT CHECK (mandate IS NULL OR length(mandate) <= 10000),
	ends_on		TEXT CHECK (ends_on IS NULL OR date(ends_on) IS ends_on),
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;
CREATE INDEX body_parent ON body (parent_id);

-- The standing bodies of the agreement, known to the minutes parser by
-- these keys (core/minutes.h, minutes_body_key).
INSERT INTO body (key, name, short_name, kind, created_at, updated_at) VALUES
	('kkr', 'KKR Nordjylland', 'KKR', 'organ',
	    '2011-01-01T00:00:00Z', '2011-01-01T00:00:00Z'),
	('kdk', 'Kommunaldirektørkredsen', 'KDK', 'organ',
	    '2011-01-01T00:00:00Z', '2011-01-01T00:00:00Z'),
	('das', 'Den Administrative Styregruppe', 'DAS', 'organ',
	    '2011-01-01T00:00:00Z', '2011-01-01T00:00:00Z'),
	('socdir', 'Socialdirektørkredsen', 'SOCDIR', 'organ',
	    '2011-01-01T00:00:00Z', '2011-01-01T00:00:00Z'),
	('fu', 'Forretningsudvalget', 'FU', 'organ',
	    '2011-01-01T00:00:00Z', '2011-01-01T00:00:00Z');

CREATE TABLE person (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	name_key	TEXT NOT NULL,	-- case-folded name, for finding a person again
	org_code	TEXT REFERENCES organisation(code),	-- employer, if one of ours
	organisation	TEXT CHECK (organisation IS NULL OR length(organisation) <= 200),
	email		TEXT CHECK (email IS NULL OR length(email) <= 200),
	user_id		INTEGER UNIQUE REFERENCES app_user(id),	-- login of a member
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL
) STRICT;
CREATE INDEX person_name ON person (name_key);
CREATE INDEX person_org ON person (org_code);

CREATE TABLE membership (
	id		INTEGER PRIMARY KEY,
	body_id		INTEGER NOT NULL REFERENCES body(id),
	person_id	INTEGER NOT NULL REFERENCES person(id),
	role		TEXT NOT NULL DEFAULT 'medlem'
			    CHECK (role IN ('formand', 'naestformand', 'medlem',
			    'stedfortraeder', 'observatoer', 'sekretaer')),
	voting		INTEGER NOT NULL DEFAULT 1 CHECK (voting IN (0, 1)),
	on_behalf_of	TEXT REFERENCES organisation(code),	-- municipality or region
	substitute_for	INTEGER REFERENCES membership(id),	-- stedfortræder for
	starts_on	TEXT CHECK (starts_on IS NULL OR date(starts_on) IS starts_on),
	ends_on		TEXT CHECK (ends_on IS NULL OR date(ends_on) IS ends_on),
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	CHECK (starts_on IS NULL OR ends_on IS NULL OR ends_on >= starts_on),
	CHECK (substitute_for IS NULL OR substitute_for <> id)
) STRICT;
CREATE INDEX membership_body ON membership (body_id);
CREATE INDEX membership_person ON membership (person_id);
CREATE INDEX membership_behalf ON membership (on_behalf_of);
CREATE INDEX membership_substitute ON membership (substitute_for);

-- A body asks every municipality to nominate members by a deadline.
CREATE TABLE nomination (
	id		INTEGER PRIMARY KEY,
	body_id		INTEGER NOT NULL REFERENCES body(id),
	title		TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	deadline	TEXT NOT NULL CHECK (date(deadline) IS deadline),
	seats		INTEGER NOT NULL DEFAULT 1 CHECK (seats BETWEEN 1 AND 20),
	created_at	TEXT NOT NULL
) STRICT;
CREATE INDEX nomination_body ON nomination (body_id);

-- One nominee of one organisation.
CREATE TABLE nominee (
	id		INTEGER PRIMARY KEY,
	nomination_id	INTEGER NOT NULL REFERENCES nomination(id),
	org_code	TEXT NOT NULL REFERENCES organisation(code),
	person_id	INTEGER NOT NULL REFERENCES person(id),
	created_at	TEXT NOT NULL,
	UNIQUE (nomination_id, person_id)
) STRICT;
CREATE INDEX nominee_org ON nominee (nomination_id, org_code);
CREATE INDEX nominee_person ON nominee (person_id);
CREATE INDEX nominee_org_code ON nominee (org_code);

CREATE TABLE meeting (
	id		INTEGER PRIMARY KEY,
	version		INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
	body_id		INTEGER NOT NULL REFERENCES body(id),
	title		TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
	starts_at	TEXT CHECK (starts_at IS NULL OR
			    substr(starts_at, 1, 10) = date(substr(starts_at, 1, 10))),
	ends_at		TEXT CHECK (ends_at IS NULL OR
			    substr(ends_at, 1, 10) = date(substr(ends_at, 1, 10))),
	place		TEXT CHECK (place IS NULL OR length(place) <= 300),
	room		TEXT CHECK (room IS NULL OR length(room) <= 200),
	participants_note TEXT,		-- "Kredsen af socialdirektører"
	referent	TEXT CHECK (referent IS NULL OR length(referent) <= 200),
	case_no		TEXT CHECK (case_no IS NULL OR length(case_no) <= 50),
	doc_no		TEXT CHECK (doc_no IS NULL OR length(doc_no) <= 50),
	state		TEXT NOT NULL DEFAULT 'planlagt'
			    CHECK (state IN ('planlagt', 'indkaldt', 'afholdt',
			    'referat_udkast', 'referat_godkendt', 'aflyst')),
	agenda_published_at TEXT,
	minutes_circulated_at TEXT,
	minutes_approved_at TEXT,
	approved_by_item INTEGER REFERENCES agenda_item(id),	-- the approving item
	approved_early	INTEGER NOT NULL DEFAULT 0 CHECK (approved_early IN (0, 1)),
	approval_note	TEXT,
	source_name	TEXT,		-- imported: the file name
	source_fingerprint TEXT UNIQUE,	-- imported: minutes_fingerprint, hex
	unplaced	TEXT,		-- imported: text not placed, JSON [{line, text}]
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at >= starts_at),
	CHECK (state <> 'referat_godkendt' OR minutes_approved_at IS NOT NULL)
) STRICT;
CREATE INDEX meeting_body ON meeting (body_id, starts_at);
CREATE INDEX meeting_starts ON meeting (starts_at);
CREATE INDEX meeting_approved_by ON meeting (approved_by_item);

CREATE TABLE meeting_participant (
	id		INTEGER PRIMARY KEY,
	meeting_id	INTEGER NOT NULL REFERENCES meeting(id),
	pos		INTEGER NOT NULL CHECK (pos >= 1),
	person_id	INTEGER REFERENCES person(id),
	name		TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	organisation	TEXT CHECK (organisation IS NULL OR length(organisation) <= 200),
	note		TEXT CHECK (note IS NULL OR length(note) <= 500),
	status		TEXT NOT NULL DEFAULT 'deltager'
			    CHECK (status IN ('deltager', 'afbud', 'fravaerende')),
	substitute	TEXT CHECK (substitute IS NULL OR length(substitute) <= 200),
	UNIQUE (meeting_id, pos)
) STRICT;
CREATE INDEX meeting_participant_person ON meeting_participant (person_id);

CREATE TABLE agenda_item (
	id		INTEGER PRIMARY KEY,
	meeting_id	INTEGER NOT NULL REFERENCES meeting(id),
	number		INTEGER NOT NULL CHECK (number >= 0),	-- 0: unnumbered
	pos		INTEGER NOT NULL CHECK (pos >= 0),	-- order in its section
	kind		TEXT NOT NULL DEFAULT 'sag'
			    CHECK (kind IN ('sag', 'dagsorden', 'referat', 'evt',
			    'naeste_moede')),
	section		TEXT NOT NULL DEFAULT 'behandling'
			    CHECK (section IN ('indledning', 'behandling',
			    'efterretning', 'orientering', 'lukket', 'afslutning')),
	section_text	TEXT,		-- the heading as written, when imported
	title		TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
	presenter	TEXT CHECK (presenter IS NULL OR length(presenter) <= 100),
	background	TEXT,
	recommendation	TEXT,
	earlier_item	INTEGER REFERENCES agenda_item(id),	-- earlier body's item
	earlier_text	TEXT,		-- its recommendation, when not linked
	earlier_body	INTEGER REFERENCES body(id),
	prev_meeting	INTEGER REFERENCES meeting(id),	-- kind 'referat': whose minutes
	minutes		TEXT,
	minutes_draft	TEXT,		-- the minutes as circulated
	result		TEXT CHECK (result IS NULL OR result IN ('godkendt',
			    'anbefalet', 'taget_til_efterretning', 'droeftet',
			    'udsat', 'afvist')),
	closed		INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	CHECK (section <> 'lukket' OR closed = 1),
	CHECK (earlier_item IS NULL OR earlier_item <> id)
) STRICT;
CREATE INDEX agenda_item_meeting ON agenda_item (meeting_id, number);
CREATE INDEX agenda_item_earlier ON agenda_item (earlier_item);
CREATE INDEX agenda_item_earlier_body ON agenda_item (earlier_body);
CREATE INDEX agenda_item_prev ON agenda_item (prev_meeting);

-- File content, stored once by its BLAKE2b-256 hash (hex).
CREATE TABLE file_blob (
	hash		TEXT PRIMARY KEY CHECK (length(hash) = 64),
	size		INTEGER NOT NULL CHECK (size BETWEEN 1 AND 1048576),
	media_type	TEXT NOT NULL CHECK (media_type IN ('application/pdf',
			    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')),
	data		BLOB NOT NULL,
	text		TEXT,		-- extracted for search; NULL if none
	created_at	TEXT NOT NULL
) STRICT;

CREATE TABLE attachment (
	id		INTEGER PRIMARY KEY,
	item_id		INTEGER NOT NULL REFERENCES agenda_item(id),
	pos		INTEGER NOT NULL CHECK (pos >= 1),
	name		TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
	filename	TEXT CHECK (filename IS NULL OR length(filename) <= 255),
	blob_hash	TEXT REFERENCES file_blob(hash),	-- NULL: known by name only
	doc_no		TEXT CHECK (doc_no IS NULL OR length(doc_no) <= 50),
	closed		INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
	created_at	TEXT NOT NULL,
	UNIQUE (item_id, pos)
) STRICT;
CREATE INDEX attachment_blob ON attachment (blob_hash);

-- Follow-ups (opfølgning) decided in the minutes of an item.
CREATE TABLE follow_up (
	id		INTEGER PRIMARY KEY,
	item_id		INTEGER NOT NULL REFERENCES agenda_item(id),
	text		TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
	owner		TEXT CHECK (owner IS NULL OR length(owner) <= 200),
	due_on		TEXT CHECK (due_on IS NULL OR date(due_on) IS due_on),
	status		TEXT NOT NULL DEFAULT 'aaben'
			    CHECK (status IN ('aaben', 'i_gang', 'lukket')),
	closed_at	TEXT,
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL
) STRICT;
CREATE INDEX follow_up_item ON follow_up (item_id);
CREATE INDEX follow_up_status ON follow_up (status);

-- A member's sign-off of circulated minutes (early approval).
CREATE TABLE minutes_signoff (
	meeting_id	INTEGER NOT NULL REFERENCES meeting(id),
	person_id	INTEGER NOT NULL REFERENCES person(id),
	at		TEXT NOT NULL,
	PRIMARY KEY (meeting_id, person_id)
) STRICT;
CREATE INDEX minutes_signoff_person ON minutes_signoff (person_id);

-- Full-text index of the public projection: one row per open item of a
-- published meeting (rowid = agenda_item.id), minutes only once approved,
-- text of open attachments only. Written by the service, never from
-- closed content.
CREATE VIRTUAL TABLE meeting_fts USING fts5(
	title, body, minutes, files,
	meeting_id UNINDEXED, body_id UNINDEXED, year UNINDEXED,
	section UNINDEXED, result UNINDEXED,
	tokenize = 'unicode61'
);
