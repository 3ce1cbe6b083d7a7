-- 011: price-and-wage series (pris- og lønudvikling, spec §7.3).
--
-- A series is named (state_general_pl, kl_service_pl, ...) and holds a
-- yearly % change per year. Each revision is a new version; earlier
-- versions stay, so an analysis that recorded its version keeps its
-- figures. The current version is the highest number. Percentages are
-- stored in ten-thousandths of a percent (1.53 % = 15300), exactly as
-- core/pl reads them.

CREATE TABLE pl_series (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE
			CHECK (length(name) BETWEEN 1 AND 64
			AND name NOT GLOB '*[^a-z0-9_]*'),
	title		TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	source		TEXT NOT NULL DEFAULT '',	-- the latest version's
	note		TEXT NOT NULL DEFAULT '',
	created_at	TEXT NOT NULL
) STRICT;

CREATE TABLE pl_series_version (
	id		INTEGER PRIMARY KEY,
	series_id	INTEGER NOT NULL REFERENCES pl_series(id),
	version		INTEGER NOT NULL CHECK (version >= 1),
	revised_on	TEXT NOT NULL CHECK (date(revised_on) IS revised_on),
	source		TEXT NOT NULL DEFAULT '',
	note		TEXT NOT NULL DEFAULT '',
	created_by	TEXT NOT NULL,			-- username
	created_at	TEXT NOT NULL,
	UNIQUE (series_id, version)
) STRICT;

CREATE TABLE pl_series_value (
	version_id	INTEGER NOT NULL REFERENCES pl_series_version(id),
	year		INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
	pct_e4		INTEGER NOT NULL
			CHECK (pct_e4 BETWEEN -500000 AND 1000000),
	note		TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (version_id, year)
) STRICT;
