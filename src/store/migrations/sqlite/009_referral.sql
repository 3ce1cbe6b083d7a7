-- 009: a new tariff structure for citizens referred from a cut-off date.
--
-- When an operator changes the tariff structure of an offer (one average
-- tariff becomes differentiated levels, say), the new structure applies to
-- citizens referred (visiteret) on or after a cut-off date, and the
-- citizens referred before it keep the tariffs of the old structure. A
-- service line and a published tariff therefore say which citizens they
-- are for: referred_from (on or after that date) or referred_before
-- (before it), at most one of them.
--
-- The two columns are part of the unique keys (the same paragraph, level
-- and unit may stand once for each structure). A UNIQUE constraint treats
-- NULLs as distinct, so an absent date is stored as '' (NOT NULL DEFAULT
-- ''), never NULL: two lines without referral dates still collide. The
-- store maps '' to and from an absent date. Otherwise a date column holds
-- a real ISO date, checked as the other date columns are (without IN
-- lists; see 008).
--
-- SQLite changes a UNIQUE constraint only by rebuilding the table:
-- service_line and published_tariff are copied aside, dropped and created
-- again with the columns, keys, indexes and triggers of 008 plus the two
-- new ones, and their rows copied back with no referral dates. Foreign
-- keys stay on; their checks are deferred to the end of the migration.

PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE m009_service_line AS SELECT * FROM service_line;
CREATE TEMP TABLE m009_published_tariff AS SELECT * FROM published_tariff;

DROP TABLE published_tariff;
DROP TABLE service_line;

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
	referred_from	TEXT NOT NULL DEFAULT ''	-- '': for every citizen
			    CHECK (referred_from = '' OR
			    date(referred_from) IS referred_from),
	referred_before	TEXT NOT NULL DEFAULT ''
			    CHECK (referred_before = '' OR
			    date(referred_before) IS referred_before),
	PRIMARY KEY (submission_id, pos),
	UNIQUE (submission_id, paragraph, level, unit, referred_from,
	    referred_before)
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
FROM m009_service_line ORDER BY submission_id, pos;

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
	referred_from	TEXT NOT NULL DEFAULT ''	-- '': for every citizen
			    CHECK (referred_from = '' OR
			    date(referred_from) IS referred_from),
	referred_before	TEXT NOT NULL DEFAULT ''
			    CHECK (referred_before = '' OR
			    date(referred_before) IS referred_before),
	UNIQUE (offer_id, year, paragraph, level, unit, referred_from,
	    referred_before, version)
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
FROM m009_published_tariff ORDER BY id;

-- The public tariff overview is cached by the register's change counter
-- (the rows above are the same rows, so the counter stays).
CREATE TRIGGER published_tariff_ins AFTER INSERT ON published_tariff
	BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER published_tariff_upd AFTER UPDATE ON published_tariff
	BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

DROP TABLE m009_service_line;
DROP TABLE m009_published_tariff;
