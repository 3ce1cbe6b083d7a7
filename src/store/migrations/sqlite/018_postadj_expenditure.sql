-- 018: the post-adjustment (efterregulering) of secure institutions: the
-- settlement of an institution's year against its assumed occupancy, one
-- row per version (a correction is a new version with a reason), and the
-- shares of the municipalities with the key values used. And the yearly
-- net expenditure on the specialised social area (udgiftsudvikling) of
-- the municipalities, the region and the whole country.

CREATE TABLE settlement (
	id		INTEGER PRIMARY KEY,
	offer_id	INTEGER NOT NULL REFERENCES offer(id),
	year		INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
	version		INTEGER NOT NULL CHECK (version >= 1),
	places_centi	INTEGER NOT NULL CHECK (places_centi > 0),
	day_basis	INTEGER NOT NULL CHECK (day_basis BETWEEN 1 AND 366),
	assumed_bp	INTEGER NOT NULL CHECK (assumed_bp BETWEEN 1 AND 10000),
	rounding_ore	INTEGER NOT NULL CHECK (rounding_ore >= 1),
	cost_ore	INTEGER NOT NULL CHECK (cost_ore >= 0),
	cost_source	TEXT NOT NULL CHECK (cost_source IN ('accounts', 'entered')),
	occupied_days	INTEGER NOT NULL CHECK (occupied_days >= 0),
	tariff_ore	INTEGER NOT NULL,
	billed_ore	INTEGER NOT NULL,
	difference_ore	INTEGER NOT NULL,
	key_id		INTEGER REFERENCES sharing_key(id), -- NULL: entered
	key_kind	TEXT NOT NULL,	-- the key's kind, or 'entered'
	key_label	TEXT NOT NULL,	-- "0-17-årige 2024 (opgjort 2024-01-01)"
	reason		TEXT,		-- why this version replaces the last
	created_by	TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	UNIQUE (offer_id, year, version),
	CHECK (version = 1 OR reason IS NOT NULL)
) STRICT;

CREATE TABLE settlement_share (
	settlement_id	INTEGER NOT NULL REFERENCES settlement(id),
	org_code	TEXT NOT NULL REFERENCES organisation(code),
	weight		INTEGER NOT NULL CHECK (weight >= 0),
	amount_ore	INTEGER NOT NULL,
	PRIMARY KEY (settlement_id, org_code)
) STRICT;

-- area_code: an organisation's code, or '000' for the whole country.
CREATE TABLE expenditure (
	area_code	TEXT NOT NULL,
	kind		TEXT NOT NULL CHECK (kind IN ('accounts', 'budget')),
	year		INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
	net_ore		INTEGER NOT NULL,
	source		TEXT,
	imported_at	TEXT NOT NULL,
	imported_by	TEXT NOT NULL,
	PRIMARY KEY (area_code, kind, year)
) STRICT;
