-- 015: the yearly submissions (indmeldinger) and their joint hearing.
--
-- The secretariat opens the submission of a year with a deadline; every
-- municipality gets one submission (expected use of each covered offer,
-- the fit of supply and demand per target group) and every operator of a
-- covered offer one (capacity, occupancy, waiting list, catchment,
-- development per offer). The compiled status report goes to a joint
-- written hearing with its own deadline, the parties comment per offer or
-- in general, and the report with the comments becomes an item of the
-- next DAS meeting. Places are hundredths, percentages basis points,
-- dates ISO text.

CREATE TABLE indmelding_year (
	id		INTEGER PRIMARY KEY,
	version		INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
	year		INTEGER NOT NULL UNIQUE CHECK (year BETWEEN 2000 AND 2100),
	deadline	TEXT NOT NULL CHECK (date(deadline) IS deadline),
	status		TEXT NOT NULL DEFAULT 'open'
			    CHECK (status = 'open' OR status = 'hearing' OR
			    status = 'done'),
	hearing_deadline TEXT CHECK (hearing_deadline IS NULL OR
			    date(hearing_deadline) IS hearing_deadline),
	hearing_at	TEXT,			-- sent to hearing
	agenda_meeting_id INTEGER REFERENCES meeting(id),
	agenda_item_id	INTEGER,		-- the item made; no key: an item
						-- may be deleted later
	agenda_at	TEXT,
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	CHECK ((status = 'open') = (hearing_deadline IS NULL))
) STRICT;

CREATE TABLE indmelding (
	id		INTEGER PRIMARY KEY,
	year_id		INTEGER NOT NULL REFERENCES indmelding_year(id),
	org_code	TEXT NOT NULL REFERENCES organisation(code),
	kind		TEXT NOT NULL
			    CHECK (kind = 'municipality' OR kind = 'operator'),
	status		TEXT NOT NULL DEFAULT 'draft'
			    CHECK (status = 'draft' OR status = 'submitted' OR
			    status = 'returned' OR status = 'approved'),
	version		INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
	general		TEXT NOT NULL DEFAULT ''	-- wishes for new offers
			    CHECK (length(general) <= 4000),	-- or development
	comment		TEXT,			-- the secretariat's on return
	prefilled_from	INTEGER REFERENCES indmelding(id),
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	submitted_at	TEXT,
	reviewed_at	TEXT,
	reviewed_by	TEXT,
	UNIQUE (year_id, org_code, kind)
) STRICT;
CREATE INDEX indmelding_org ON indmelding (org_code, year_id);
CREATE INDEX indmelding_prefilled ON indmelding (prefilled_from);

-- One offer of a submission. A municipality fills the use_* to
-- alternative columns, an operator capacity_centi to declaration_url;
-- the other kind's columns stay NULL.
CREATE TABLE indmelding_line (
	indmelding_id	INTEGER NOT NULL REFERENCES indmelding(id),
	offer_id	INTEGER NOT NULL REFERENCES offer(id),
	use_places_centi INTEGER CHECK (use_places_centi BETWEEN 0 AND 1000000),
	use_days	INTEGER CHECK (use_days BETWEEN 0 AND 10000000),
	change		TEXT NOT NULL DEFAULT ''
			    CHECK (change = '' OR change = 'more' OR
			    change = 'less' OR change = 'same'),
	change_note	TEXT CHECK (length(change_note) <= 2000),
	no_use_reason	TEXT CHECK (length(no_use_reason) <= 2000),
	alternative	TEXT CHECK (length(alternative) <= 2000),
	capacity_centi	INTEGER CHECK (capacity_centi BETWEEN 0 AND 1000000),
	occupancy_bp	INTEGER CHECK (occupancy_bp BETWEEN 0 AND 20000),
	occupancy_prev_bp INTEGER CHECK (occupancy_prev_bp BETWEEN 0 AND 20000),
	waiting		INTEGER CHECK (waiting BETWEEN 0 AND 100000),
	catchment	TEXT CHECK (length(catchment) <= 2000),
	development	TEXT CHECK (length(development) <= 2000),
	plans		TEXT CHECK (length(plans) <= 2000),
	declaration_url	TEXT CHECK (length(declaration_url) <= 500),
	PRIMARY KEY (indmelding_id, offer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX indmelding_line_offer ON indmelding_line (offer_id);

-- A municipality's fit of supply and demand per target group: 1–5, or 0
-- for "ved ikke"; a fit of 1 or 2 is explained.
CREATE TABLE indmelding_fit (
	indmelding_id	INTEGER NOT NULL REFERENCES indmelding(id),
	grp		TEXT NOT NULL CHECK (length(grp) BETWEEN 1 AND 40),
	fit		INTEGER NOT NULL CHECK (fit BETWEEN 0 AND 5),
	note		TEXT CHECK (length(note) <= 2000),
	PRIMARY KEY (indmelding_id, grp)
) STRICT, WITHOUT ROWID;

-- Comments of the joint hearing, per offer or general (offer_id NULL).
CREATE TABLE indmelding_comment (
	id		INTEGER PRIMARY KEY,
	year_id		INTEGER NOT NULL REFERENCES indmelding_year(id),
	org_code	TEXT REFERENCES organisation(code),	-- NULL: secretariat
	offer_id	INTEGER REFERENCES offer(id),
	text		TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
	author		TEXT NOT NULL,
	created_at	TEXT NOT NULL
) STRICT;
CREATE INDEX indmelding_comment_year ON indmelding_comment (year_id, id);
