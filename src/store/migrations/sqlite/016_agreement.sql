-- The agreement's documents and their approvals, the reinforced
-- cooperation (forstærket samarbejde) and regional takeovers.

-- A document of the agreement: the development strategy, the steering
-- agreement or (from 2018) the joint Socialaftale, for one year. The
-- deadline is the day every council must have approved it by.
CREATE TABLE agreement_doc (
	id		INTEGER PRIMARY KEY,
	kind		TEXT NOT NULL CHECK (kind IN ('udviklingsstrategi',
			    'styringsaftale', 'socialaftale')),
	year		INTEGER NOT NULL CHECK (year BETWEEN 2007 AND 2100),
	title		TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	deadline	TEXT NOT NULL,		-- ISO date
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	UNIQUE (kind, year)
) STRICT;

-- The versions of a document as it passes the bodies: udkast → DAS →
-- KKR → Kontaktudvalget → byråd (the councils).
CREATE TABLE agreement_doc_version (
	id		INTEGER PRIMARY KEY,
	doc_id		INTEGER NOT NULL REFERENCES agreement_doc(id),
	no		INTEGER NOT NULL CHECK (no >= 1),
	stage		TEXT NOT NULL CHECK (stage IN ('udkast', 'das', 'kkr',
			    'kontaktudvalget', 'byraad')),
	dated		TEXT NOT NULL,		-- ISO date of the version
	note		TEXT NOT NULL DEFAULT '',
	created_at	TEXT NOT NULL,
	created_by	TEXT NOT NULL,
	UNIQUE (doc_id, no)
) STRICT;

-- Files of a document (the text sent to the councils, annexes), stored
-- once by content in file_blob as the meetings' attachments are; each
-- belongs to the version that was newest when it was added (0: none).
CREATE TABLE agreement_doc_file (
	id		INTEGER PRIMARY KEY,
	doc_id		INTEGER NOT NULL REFERENCES agreement_doc(id),
	version_no	INTEGER NOT NULL DEFAULT 0,
	name		TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	filename	TEXT,
	blob_hash	TEXT NOT NULL REFERENCES file_blob(hash),
	created_at	TEXT NOT NULL,
	created_by	TEXT NOT NULL
) STRICT;
CREATE INDEX agreement_doc_file_doc ON agreement_doc_file (doc_id);

-- Each approving party's decision on a document: a council (the
-- organisation's code: 11 municipalities and the region), KKR or
-- Kontaktudvalget ('KKR', 'KU'). Rows exist for every party from the
-- document's creation, status 'afventer' until a decision is recorded.
CREATE TABLE agreement_approval (
	doc_id		INTEGER NOT NULL REFERENCES agreement_doc(id),
	party		TEXT NOT NULL CHECK (length(party) BETWEEN 2 AND 8),
	status		TEXT NOT NULL CHECK (status IN ('afventer', 'godkendt',
			    'forbehold', 'afvist')),
	decided_on	TEXT NOT NULL DEFAULT '',	-- ISO date or ''
	reservation	TEXT NOT NULL DEFAULT '',
	updated_at	TEXT NOT NULL,
	updated_by	TEXT NOT NULL,
	PRIMARY KEY (doc_id, party)
) STRICT;

-- Reinforced cooperation. year is the year a coverage comes into force
-- (1 July): nominations in November and the expert panel in December of
-- the year before, DAS's decision in January, the councils March–May.
CREATE TABLE reinforced_nomination (
	id		INTEGER PRIMARY KEY,
	year		INTEGER NOT NULL CHECK (year BETWEEN 2007 AND 2100),
	offer_id	INTEGER NOT NULL REFERENCES offer(id),
	nominated_by	TEXT NOT NULL REFERENCES organisation(code),
	reason		TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
	created_at	TEXT NOT NULL,
	created_by	TEXT NOT NULL,
	UNIQUE (year, offer_id, nominated_by)
) STRICT;

-- The expert panel's assessment of an offer for a year: new or
-- re-assessed, the agreed criteria met (bit set, core/reinforced.h) and
-- its recommendation to DAS.
CREATE TABLE reinforced_assessment (
	id		INTEGER PRIMARY KEY,
	year		INTEGER NOT NULL CHECK (year BETWEEN 2007 AND 2100),
	offer_id	INTEGER NOT NULL REFERENCES offer(id),
	kind		TEXT NOT NULL CHECK (kind IN ('ny', 'genvurdering')),
	criteria	INTEGER NOT NULL CHECK (criteria BETWEEN 0 AND 255),
	recommend	INTEGER NOT NULL CHECK (recommend IN (0, 1)),
	note		TEXT NOT NULL DEFAULT '',
	created_at	TEXT NOT NULL,
	created_by	TEXT NOT NULL,
	UNIQUE (year, offer_id)
) STRICT;

-- The year's decision: the DAS item it was put on, the day DAS decided
-- and the day the councils' approval was complete ('' until then).
CREATE TABLE reinforced_year (
	year		INTEGER PRIMARY KEY CHECK (year BETWEEN 2007 AND 2100),
	item_id		INTEGER REFERENCES agenda_item(id),
	decided_on	TEXT NOT NULL DEFAULT '',
	approved_on	TEXT NOT NULL DEFAULT '',
	updated_at	TEXT NOT NULL
) STRICT;

-- An offer covered from valid_from (1 July of year) until valid_to
-- ('' while covered): besluttet by DAS, godkendt by the councils, or
-- ophoert.
CREATE TABLE reinforced_coverage (
	id		INTEGER PRIMARY KEY,
	offer_id	INTEGER NOT NULL REFERENCES offer(id),
	year		INTEGER NOT NULL CHECK (year BETWEEN 2007 AND 2100),
	valid_from	TEXT NOT NULL,
	valid_to	TEXT NOT NULL DEFAULT '',
	status		TEXT NOT NULL CHECK (status IN ('besluttet', 'godkendt',
			    'ophoert')),
	updated_at	TEXT NOT NULL,
	UNIQUE (offer_id, year)
) STRICT;
CREATE INDEX reinforced_coverage_offer ON reinforced_coverage (offer_id);

-- The rescue track (nødspor) of an offer whose sustainability is
-- threatened: the warning sign, the task force and its deadline, the
-- special terms decided, follow-up notes until closed.
CREATE TABLE rescue_case (
	id		INTEGER PRIMARY KEY,
	offer_id	INTEGER NOT NULL REFERENCES offer(id),
	warning		TEXT NOT NULL CHECK (length(warning) BETWEEN 1 AND 2000),
	opened_on	TEXT NOT NULL,
	members		TEXT NOT NULL DEFAULT '',
	deadline	TEXT NOT NULL DEFAULT '',
	terms		TEXT NOT NULL DEFAULT '',
	terms_on	TEXT NOT NULL DEFAULT '',
	status		TEXT NOT NULL CHECK (status IN ('aaben', 'vilkaar',
			    'lukket')),
	closed_on	TEXT NOT NULL DEFAULT '',
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL
) STRICT;

CREATE TABLE rescue_note (
	id		INTEGER PRIMARY KEY,
	case_id		INTEGER NOT NULL REFERENCES rescue_case(id),
	noted_on	TEXT NOT NULL,
	text		TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
	created_at	TEXT NOT NULL,
	created_by	TEXT NOT NULL
) STRICT;

-- A municipality's notice of taking over a regional offer, the day the
-- takeover takes effect by the election-period rule, and when the
-- register's operator was changed ('' until then).
CREATE TABLE takeover (
	id		INTEGER PRIMARY KEY,
	offer_id	INTEGER NOT NULL REFERENCES offer(id),
	to_code		TEXT NOT NULL REFERENCES organisation(code),
	from_code	TEXT NOT NULL REFERENCES organisation(code),
	notice_on	TEXT NOT NULL,
	takeover_on	TEXT NOT NULL,
	applied_at	TEXT NOT NULL DEFAULT '',
	created_at	TEXT NOT NULL,
	created_by	TEXT NOT NULL,
	UNIQUE (offer_id, takeover_on)
) STRICT;
