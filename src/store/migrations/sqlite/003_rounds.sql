-- 003: yearly tariff-reporting rounds (takstindberetning): rounds,
-- the operators' submissions per offer with their service lines, the
-- published tariffs with their versions, the accounts (årsresultat) per
-- offer and year, and the operators' set-aside ledger (hensættelser).
-- Money is integer øre, percentages basis points, places and hours
-- hundredths, dates ISO text.

CREATE TABLE tariff_round (
	id		INTEGER PRIMARY KEY,
	version		INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
	year		INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
	no		INTEGER NOT NULL CHECK (no BETWEEN 1 AND 9),
	title		TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	opens_on	TEXT NOT NULL CHECK (date(opens_on) IS opens_on),
	deadline	TEXT NOT NULL CHECK (date(deadline) IS deadline
			    AND deadline >= opens_on),
	status		TEXT NOT NULL DEFAULT 'open'
			    CHECK (status IN ('open', 'closed', 'published')),
	reopened	INTEGER NOT NULL DEFAULT 0 CHECK (reopened IN (0, 1)),
	reopened_until	TEXT CHECK (reopened_until IS NULL OR
			    date(reopened_until) IS reopened_until),
	pl_bp		INTEGER NOT NULL DEFAULT 0
			    CHECK (pl_bp BETWEEN -5000 AND 5000),	-- PL change, bp
	increase_warn_bp INTEGER NOT NULL DEFAULT 500
			    CHECK (increase_warn_bp BETWEEN 0 AND 10000),	-- bp
	covered_only	INTEGER NOT NULL DEFAULT 0 CHECK (covered_only IN (0, 1)),
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	closed_at	TEXT,
	published_at	TEXT,
	UNIQUE (year, no)
) STRICT;

CREATE TABLE submission (
	id		INTEGER PRIMARY KEY,
	round_id	INTEGER NOT NULL REFERENCES tariff_round(id),
	offer_id	INTEGER NOT NULL REFERENCES offer(id),
	operator_code	TEXT NOT NULL REFERENCES organisation(code),
	status		TEXT NOT NULL DEFAULT 'draft'
			    CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
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

CREATE TABLE service_line (
	submission_id	INTEGER NOT NULL REFERENCES submission(id),
	pos		INTEGER NOT NULL CHECK (pos BETWEEN 1 AND 20),
	paragraph	TEXT NOT NULL CHECK (length(paragraph) BETWEEN 1 AND 200),
	section		INTEGER NOT NULL DEFAULT 0,	-- the § number, 0 if none
	level		TEXT NOT NULL DEFAULT '' CHECK (length(level) <= 50),
	unit		TEXT NOT NULL CHECK (unit IN ('day', 'month', 'hour', 'year')),
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
	unit		TEXT NOT NULL CHECK (unit IN ('day', 'month', 'hour', 'year')),
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
CREATE INDEX published_tariff_round ON published_tariff (round_id);
CREATE INDEX published_tariff_submission ON published_tariff (submission_id);
CREATE INDEX published_tariff_previous ON published_tariff (previous_id)
	WHERE previous_id IS NOT NULL;

-- The accounts of an offer for a year and what follows from them.
CREATE TABLE accounts (
	offer_id	INTEGER NOT NULL REFERENCES offer(id),
	year		INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
	operator_code	TEXT NOT NULL REFERENCES organisation(code),
	version		INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
	rule		TEXT NOT NULL CHECK (rule IN ('setaside', 'carryover')),
	tariff_base_ore	INTEGER NOT NULL CHECK (tariff_base_ore > 0),
	revenue_ore	INTEGER NOT NULL CHECK (revenue_ore >= 0),
	costs_ore	INTEGER NOT NULL CHECK (costs_ore >= 0),
	result_ore	INTEGER NOT NULL,	-- > 0 surplus, < 0 deficit
	setaside_ore	INTEGER NOT NULL,	-- kept (set aside or carried)
	deficit_covered_ore INTEGER NOT NULL DEFAULT 0
			    CHECK (deficit_covered_ore >= 0),
	to_tariff_ore	INTEGER NOT NULL,	-- into the tariff of tariff_year
	tariff_year	INTEGER NOT NULL,
	setaside_expires_year INTEGER,
	occupied_days	INTEGER CHECK (occupied_days >= 0),	-- place-days
	available_days	INTEGER CHECK (available_days > 0),
	reported_at	TEXT NOT NULL,
	reported_by	TEXT NOT NULL,
	PRIMARY KEY (offer_id, year),
	CHECK ((occupied_days IS NULL) = (available_days IS NULL))
) STRICT;
CREATE INDEX accounts_tariff_year ON accounts (tariff_year, offer_id);
CREATE INDEX accounts_operator ON accounts (operator_code, year);

CREATE TABLE setaside_entry (
	id		INTEGER PRIMARY KEY,
	operator_code	TEXT NOT NULL REFERENCES organisation(code),
	offer_id	INTEGER NOT NULL REFERENCES offer(id),
	year		INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
	kind		TEXT NOT NULL CHECK (kind IN ('create', 'use', 'expire')),
	amount_ore	INTEGER NOT NULL CHECK (amount_ore > 0),
	expires_year	INTEGER,	-- create: last year it may be used
	origin_year	INTEGER,	-- use, expire: the deposit drawn on
	accounts_year	INTEGER NOT NULL,	-- the accounts report behind it
	created_at	TEXT NOT NULL,
	CHECK (kind <> 'create' OR expires_year IS NOT NULL)
) STRICT;
CREATE INDEX setaside_operator ON setaside_entry (operator_code, year);
CREATE INDEX setaside_offer ON setaside_entry (offer_id, accounts_year);

-- The public tariff overview is cached by the register's change counter.
CREATE TRIGGER published_tariff_ins AFTER INSERT ON published_tariff
	BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER published_tariff_upd AFTER UPDATE ON published_tariff
	BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;
