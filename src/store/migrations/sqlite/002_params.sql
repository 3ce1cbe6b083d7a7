-- 002: the economic parameters of each agreement year. A row overrides
-- the default of core/params.c for that year; years without rows use
-- the defaults.

CREATE TABLE agreement_param (
	year		INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
	key		TEXT NOT NULL,
	value		INTEGER NOT NULL,	-- in the unit of the parameter
	reason		TEXT,			-- why it differs from the default
	updated_at	TEXT NOT NULL,
	PRIMARY KEY (year, key)
) STRICT;
