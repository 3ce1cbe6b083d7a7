-- 012: cost sharing (fordeling af fællesudgifter) and the secretariat's
-- own budget and accounts.
--
-- A key (fordelingsnøgle) is a number per municipality with a snapshot
-- date. An allocation is a pool split by a key among chosen
-- municipalities; every version stores the key it used (title, kind,
-- snapshot date and the weights of the shares), so a later key update
-- never changes an earlier allocation. A correction is a new version
-- with a reason; earlier versions stay.

CREATE TABLE sharing_key (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 60),
	title		TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	kind		TEXT NOT NULL CHECK (kind IN ('population', 'children',
			    'other')),
	snapshot_date	TEXT NOT NULL CHECK (length(snapshot_date) = 10),
	source		TEXT,
	created_at	TEXT NOT NULL,
	created_by	TEXT NOT NULL,
	updated_at	TEXT NOT NULL
) STRICT;

CREATE TABLE sharing_key_value (
	key_id		INTEGER NOT NULL REFERENCES sharing_key(id),
	org_code	TEXT NOT NULL REFERENCES organisation(code),
	value		INTEGER NOT NULL CHECK (value >= 0),
	PRIMARY KEY (key_id, org_code)
) STRICT, WITHOUT ROWID;

CREATE TABLE allocation (
	id		INTEGER PRIMARY KEY,
	current_version	INTEGER NOT NULL DEFAULT 1 CHECK (current_version >= 1),
	created_at	TEXT NOT NULL,
	created_by	TEXT NOT NULL
) STRICT;

CREATE TABLE allocation_version (
	allocation_id	INTEGER NOT NULL REFERENCES allocation(id),
	version		INTEGER NOT NULL CHECK (version >= 1),
	title		TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	purpose		TEXT NOT NULL CHECK (purpose IN ('secretariat',
			    'objective_financing', 'closure_deficit', 'event',
			    'other')),
	year		INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
	pool_ore	INTEGER NOT NULL CHECK (pool_ore > 0),
	unit_ore	INTEGER NOT NULL CHECK (unit_ore >= 1),
	price_ore	INTEGER CHECK (price_ore > 0),	-- per participant
	key_id		INTEGER REFERENCES sharing_key(id),	-- NULL: own weights
	key_title	TEXT NOT NULL,		-- copied: the key as used
	key_kind	TEXT NOT NULL CHECK (key_kind IN ('population',
			    'children', 'other', 'participants')),
	key_snapshot_date TEXT NOT NULL,
	reason		TEXT,			-- required from version 2
	created_at	TEXT NOT NULL,
	created_by	TEXT NOT NULL,
	PRIMARY KEY (allocation_id, version),
	CHECK (version = 1 OR reason IS NOT NULL)
) STRICT;

CREATE TABLE allocation_share (
	allocation_id	INTEGER NOT NULL,
	version		INTEGER NOT NULL,
	org_code	TEXT NOT NULL REFERENCES organisation(code),
	weight		INTEGER NOT NULL CHECK (weight >= 0),
	amount_ore	INTEGER NOT NULL,
	PRIMARY KEY (allocation_id, version, org_code),
	FOREIGN KEY (allocation_id, version)
	    REFERENCES allocation_version(allocation_id, version)
) STRICT, WITHOUT ROWID;

CREATE INDEX allocation_share_org ON allocation_share(org_code);

-- The secretariat's budget and accounts by year: expense, overhead and
-- income lines (actual NULL until the accounts are made).
CREATE TABLE secretariat_line (
	id		INTEGER PRIMARY KEY,
	year		INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
	section		TEXT NOT NULL CHECK (section IN ('expense', 'overhead',
			    'income')),
	label		TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
	budget_ore	INTEGER NOT NULL,
	actual_ore	INTEGER,
	position	INTEGER NOT NULL DEFAULT 0,
	updated_at	TEXT NOT NULL,
	UNIQUE (year, section, label)
) STRICT;

-- The premises part of the overhead (KL's budget guide 6-3): floor area
-- times rent, utilities and other costs per m².
CREATE TABLE secretariat_premises (
	year		INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
	area_centi	INTEGER NOT NULL CHECK (area_centi > 0),  -- m² × 100
	rent_ore	INTEGER NOT NULL CHECK (rent_ore >= 0),	  -- per m² a year
	utilities_ore	INTEGER NOT NULL CHECK (utilities_ore >= 0),
	other_ore	INTEGER NOT NULL CHECK (other_ore >= 0),
	updated_at	TEXT NOT NULL
) STRICT;
