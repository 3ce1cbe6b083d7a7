-- 017: tariff analyses in fixed prices (takstanalyse, spec §7.2).
--
-- An analysis compares the published tariffs of two years in the prices
-- of the later year. The price-and-wage series it uses is recorded by
-- name and version, and its yearly changes are copied (analysis_pl), so
-- a later revision of the series never changes the analysis. While it is
-- a draft its panel is read from the published tariffs; when it is sent
-- to hearing the lines and the yearly figures are stored
-- (analysis_line, analysis_year), so later corrections of tariffs do not
-- change it either. Percentages are in ten-thousandths of a percent
-- (2 % = 20000), money in øre, places in hundredths.

CREATE TABLE analysis (
	id		INTEGER PRIMARY KEY,
	version		INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
	title		TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	from_year	INTEGER NOT NULL CHECK (from_year BETWEEN 2000 AND 2100),
	to_year		INTEGER NOT NULL CHECK (to_year BETWEEN 2000 AND 2100
			    AND to_year > from_year),
	series_name	TEXT NOT NULL,
	series_version	INTEGER NOT NULL CHECK (series_version >= 1),
	f_section	INTEGER NOT NULL DEFAULT 0,	-- SEL §, 0: all
	f_unit		TEXT NOT NULL DEFAULT ''
			    CHECK (f_unit IN ('', 'day', 'month', 'hour', 'year')),
	f_level		TEXT,				-- NULL: all levels
	f_operator	TEXT REFERENCES organisation(code),	-- NULL: all
	cap_minus_e4	INTEGER CHECK (cap_minus_e4 BETWEEN 0 AND 1000000),
	target_e4	INTEGER CHECK (target_e4 BETWEEN 0 AND 1000000),
	state		TEXT NOT NULL DEFAULT 'draft'
			    CHECK (state IN ('draft', 'hearing', 'final')),
	deadline	TEXT CHECK (deadline IS NULL OR date(deadline) IS deadline),
	created_at	TEXT NOT NULL,
	created_by	TEXT NOT NULL,
	sent_at		TEXT,
	finalised_at	TEXT,
	finalised_by	TEXT
) STRICT;

CREATE TABLE analysis_pl (
	analysis_id	INTEGER NOT NULL REFERENCES analysis(id),
	year		INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
	pct_e4		INTEGER NOT NULL,
	PRIMARY KEY (analysis_id, year)
) STRICT, WITHOUT ROWID;

-- One published tariff of the from-year (side 0) or the to-year (side 1),
-- as it was when the analysis was sent to hearing.
CREATE TABLE analysis_line (
	analysis_id	INTEGER NOT NULL REFERENCES analysis(id),
	side		INTEGER NOT NULL CHECK (side IN (0, 1)),
	pos		INTEGER NOT NULL,
	offer_id	INTEGER NOT NULL REFERENCES offer(id),
	offer_name	TEXT NOT NULL,
	operator_code	TEXT NOT NULL DEFAULT '',
	operator_name	TEXT NOT NULL DEFAULT '',
	target_group	TEXT NOT NULL DEFAULT '',
	paragraph	TEXT NOT NULL,
	section		INTEGER NOT NULL DEFAULT 0,
	level		TEXT NOT NULL DEFAULT '',
	unit		TEXT NOT NULL CHECK (unit IN ('day', 'month', 'hour', 'year')),
	places_centi	INTEGER NOT NULL,
	tariff_ore	INTEGER NOT NULL,
	base_ore	INTEGER NOT NULL,	-- -1: no cost base
	days		INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (analysis_id, side, pos)
) STRICT, WITHOUT ROWID;

-- Every year of the span: Σ places and Σ places × tariff (current
-- prices) of the published tariffs the filters select.
CREATE TABLE analysis_year (
	analysis_id	INTEGER NOT NULL REFERENCES analysis(id),
	year		INTEGER NOT NULL,
	nlines		INTEGER NOT NULL,
	places_centi	INTEGER NOT NULL,
	exp_centi_ore	INTEGER NOT NULL,	-- Σ places_centi × tariff_ore
	PRIMARY KEY (analysis_id, year)
) STRICT, WITHOUT ROWID;

-- The data hearing: comments of operators and municipalities.
CREATE TABLE analysis_comment (
	id		INTEGER PRIMARY KEY,
	analysis_id	INTEGER NOT NULL REFERENCES analysis(id),
	offer_id	INTEGER REFERENCES offer(id),	-- NULL: general
	author		TEXT NOT NULL,		-- username
	author_name	TEXT NOT NULL,
	org_code	TEXT REFERENCES organisation(code),
	body		TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
	created_at	TEXT NOT NULL
) STRICT;
CREATE INDEX analysis_comment_analysis ON analysis_comment (analysis_id, id);
