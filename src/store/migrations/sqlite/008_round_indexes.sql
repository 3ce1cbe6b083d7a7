-- 008: cheaper bulk imports of service lines: checks, indexes, offer kinds.
--
-- 1. A CHECK with an IN list of more than two values ("unit IN ('day',
--    'month', 'hour', 'year')") makes SQLite build a temporary b-tree of
--    the list for every row it checks: a row inserted, or a row whose
--    checked column is updated. For a bulk import that is one b-tree per
--    service line, per approved submission and per published tariff, and
--    it cost more than the rows themselves. The same rules are written as
--    comparisons joined by OR, which SQLite checks in place.
-- 2. published_tariff_round and published_tariff_submission are dropped:
--    no query reads published tariffs by round or by submission (the
--    round's number is joined from tariff_round by its key), and a round
--    or a submission is never deleted nor its id changed, so no foreign
--    key check looks for the tariffs of one either. Every published
--    tariff paid for both on insert.
-- 3. offer_kind: a bulk import of service lines needs the kind of every
--    offer in the round (it sets the occupancy band of a line). An offer
--    row holds its JSON document, so reading the kinds from the table
--    reads every document; the index holds the kinds alone.
--
-- SQLite changes a CHECK only by rebuilding the table. The three tables
-- are copied aside, dropped and created again with the same columns,
-- keys, indexes and triggers, and their rows copied back. Foreign keys
-- stay on: the checks are deferred to the end of the migration, where
-- every reference has its row again (and the foreign key check after the
-- migration confirms it).

PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE m008_submission AS SELECT * FROM submission;
CREATE TEMP TABLE m008_service_line AS SELECT * FROM service_line;
CREATE TEMP TABLE m008_published_tariff AS SELECT * FROM published_tariff;

DROP TABLE published_tariff;
DROP TABLE service_line;
DROP TABLE submission;

CREATE TABLE submission (
	id		INTEGER PRIMARY KEY,
	round_id	INTEGER NOT NULL REFERENCES tariff_round(id),
	offer_id	INTEGER NOT NULL REFERENCES offer(id),
	operator_code	TEXT NOT NULL REFERENCES organisation(code),
	status		TEXT NOT NULL DEFAULT 'draft'
			    CHECK (status = 'draft' OR status = 'submitted' OR
			    status = 'returned' OR status = 'approved'),
	version		INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
	comment		TEXT,		-- the secretariat's comment on return
	prefilled_from	INTEGER REFERENCES submission(id),	-- lines copied from
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	submitted_at	TEXT,
	reviewed_at	TEXT,
	reviewed_by	TEXT,
	UNIQUE (round_id, offer_id)
) STRICT;
CREATE INDEX submission_offer ON submission (offer_id);
CREATE INDEX submission_operator ON submission (operator_code, round_id);
CREATE INDEX submission_prefilled ON submission (prefilled_from);

INSERT INTO submission (id, round_id, offer_id, operator_code, status,
    version, comment, prefilled_from, created_at, updated_at, submitted_at,
    reviewed_at, reviewed_by)
SELECT id, round_id, offer_id, operator_code, status, version, comment,
    prefilled_from, created_at, updated_at, submitted_at, reviewed_at,
    reviewed_by
FROM m008_submission ORDER BY id;

CREATE TABLE service_line (
	submission_id	INTEGER NOT NULL REFERENCES submission(id),
	pos		INTEGER NOT NULL CHECK (pos BETWEEN 1 AND 20),
	paragraph	TEXT NOT NULL CHECK (length(paragraph) BETWEEN 1 AND 200),
	section		INTEGER NOT NULL DEFAULT 0,	-- the § number, 0 if none
	level		TEXT NOT NULL DEFAULT '' CHECK (length(level) <= 50),
	unit		TEXT NOT NULL CHECK (unit = 'day' OR unit = 'month' OR
			    unit = 'hour' OR unit = 'year'),
	places_centi	INTEGER NOT NULL
			    CHECK (places_centi > 0 AND places_centi <= 1000000),
	days		INTEGER NOT NULL DEFAULT 0 CHECK (days BETWEEN 0 AND 366),
	month_days	INTEGER NOT NULL DEFAULT 0
			    CHECK (month_days = 0 OR month_days BETWEEN 28 AND 31),
	hours_centi	INTEGER NOT NULL DEFAULT 0 CHECK (hours_centi >= 0),
	occupancy_bp	INTEGER NOT NULL CHECK (occupancy_bp BETWEEN 1 AND 10000),
	hist1_bp	INTEGER CHECK (hist1_bp BETWEEN 0 AND 20000),	-- y−lag
	hist2_bp	INTEGER CHECK (hist2_bp BETWEEN 0 AND 20000),	-- the year before
	wages_ore	INTEGER NOT NULL DEFAULT 0 CHECK (wages_ore >= 0),
	property_ore	INTEGER NOT NULL DEFAULT 0 CHECK (property_ore >= 0),
	other_ore	INTEGER NOT NULL DEFAULT 0 CHECK (other_ore >= 0),
	overhead_ore	INTEGER NOT NULL DEFAULT 0 CHECK (overhead_ore >= 0),
	capital_ore	INTEGER NOT NULL DEFAULT 0 CHECK (capital_ore >= 0),
	pension_ore	INTEGER NOT NULL DEFAULT 0 CHECK (pension_ore >= 0),
	income_ore	INTEGER NOT NULL DEFAULT 0 CHECK (income_ore >= 0),
	carry_over_ore	INTEGER NOT NULL DEFAULT 0,	-- < 0 surplus returned
	base_ore	INTEGER,		-- computed; NULL: not computable
	tariff_exact	TEXT,			-- exact tariff in øre, decimal text
	tariff_ore	INTEGER CHECK (tariff_ore >= 0),
	warnings	TEXT NOT NULL DEFAULT '[]',	-- JSON [{code, message, needs_reason}]
	nwarnings	INTEGER NOT NULL DEFAULT 0,
	reasons_asked	INTEGER NOT NULL DEFAULT 0,	-- warnings needing a reason
	reason		TEXT,
	PRIMARY KEY (submission_id, pos),
	UNIQUE (submission_id, paragraph, level, unit)
) STRICT, WITHOUT ROWID;

INSERT INTO service_line (submission_id, pos, paragraph, section, level,
    unit, places_centi, days, month_days, hours_centi, occupancy_bp,
    hist1_bp, hist2_bp, wages_ore, property_ore, other_ore, overhead_ore,
    capital_ore, pension_ore, income_ore, carry_over_ore, base_ore,
    tariff_exact, tariff_ore, warnings, nwarnings, reasons_asked, reason)
SELECT submission_id, pos, paragraph, section, level, unit, places_centi,
    days, month_days, hours_centi, occupancy_bp, hist1_bp, hist2_bp,
    wages_ore, property_ore, other_ore, overhead_ore, capital_ore,
    pension_ore, income_ore, carry_over_ore, base_ore, tariff_exact,
    tariff_ore, warnings, nwarnings, reasons_asked, reason
FROM m008_service_line ORDER BY submission_id, pos;

-- Every published tariff is a row; a change gets a new version and the
-- rows before it stay. superseded_at marks a row replaced by a later
-- round of the same year (a preliminary tariff by the final one).
CREATE TABLE published_tariff (
	id		INTEGER PRIMARY KEY,
	offer_id	INTEGER NOT NULL REFERENCES offer(id),
	year		INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
	paragraph	TEXT NOT NULL,
	section		INTEGER NOT NULL DEFAULT 0,
	level		TEXT NOT NULL DEFAULT '',
	unit		TEXT NOT NULL CHECK (unit = 'day' OR unit = 'month' OR
			    unit = 'hour' OR unit = 'year'),
	version		INTEGER NOT NULL CHECK (version >= 1),
	tariff_ore	INTEGER NOT NULL CHECK (tariff_ore >= 0),
	tariff_exact	TEXT,			-- NULL for an amount set by a change
	occupancy_bp	INTEGER NOT NULL CHECK (occupancy_bp BETWEEN 1 AND 10000),
	places_centi	INTEGER NOT NULL CHECK (places_centi > 0),
	valid_from	TEXT NOT NULL CHECK (date(valid_from) IS valid_from),
	valid_to	TEXT NOT NULL CHECK (date(valid_to) IS valid_to
			    AND valid_to >= valid_from),
	reason		TEXT,			-- required for a change in the year
	round_id	INTEGER REFERENCES tariff_round(id),	-- NULL for a change
	submission_id	INTEGER REFERENCES submission(id),
	previous_id	INTEGER REFERENCES published_tariff(id),	-- changed from
	published_at	TEXT NOT NULL,
	published_by	TEXT NOT NULL,
	superseded_at	TEXT,
	UNIQUE (offer_id, year, paragraph, level, unit, version)
) STRICT;
CREATE INDEX published_tariff_year ON published_tariff (year, superseded_at);
CREATE INDEX published_tariff_previous ON published_tariff (previous_id)
	WHERE previous_id IS NOT NULL;

INSERT INTO published_tariff (id, offer_id, year, paragraph, section, level,
    unit, version, tariff_ore, tariff_exact, occupancy_bp, places_centi,
    valid_from, valid_to, reason, round_id, submission_id, previous_id,
    published_at, published_by, superseded_at)
SELECT id, offer_id, year, paragraph, section, level, unit, version,
    tariff_ore, tariff_exact, occupancy_bp, places_centi, valid_from,
    valid_to, reason, round_id, submission_id, previous_id, published_at,
    published_by, superseded_at
FROM m008_published_tariff ORDER BY id;

-- The public tariff overview is cached by the register's change counter
-- (the rows above are the same rows, so the counter stays).
CREATE TRIGGER published_tariff_ins AFTER INSERT ON published_tariff
	BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER published_tariff_upd AFTER UPDATE ON published_tariff
	BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE INDEX offer_kind ON offer (kind);

DROP TABLE m008_submission;
DROP TABLE m008_service_line;
DROP TABLE m008_published_tariff;
