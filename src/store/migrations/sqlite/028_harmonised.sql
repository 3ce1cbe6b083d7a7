-- 028: harmonised tariffs: one tariff line shared by two or more offers
-- of the same operator (from the minutes of October 2011). An offer
-- belongs to at most one group; the rule (same operator, at least two
-- offers) is checked by core/harmonised before a group is stored.
CREATE TABLE harmonised_tariff (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	from_year	INTEGER NOT NULL CHECK (from_year BETWEEN 2000 AND 2100),
	operator_code	TEXT NOT NULL REFERENCES organisation(code),
	created_at	TEXT NOT NULL,
	created_by	TEXT NOT NULL
) STRICT;

-- The offers of a group.
CREATE TABLE harmonised_member (
	group_id	INTEGER NOT NULL REFERENCES harmonised_tariff(id),
	offer_id	INTEGER NOT NULL UNIQUE REFERENCES offer(id),
	PRIMARY KEY (group_id, offer_id)
) STRICT;

-- The group carries one tariff: its last year (NULL while it lasts; set
-- when the group is dissolved, its members then report on their own
-- again), the one submission a round holds for the group (on the first
-- member offer, naming the group), and the group behind each member's
-- published tariff (the same amounts on every member).
ALTER TABLE harmonised_tariff ADD COLUMN to_year INTEGER
	CHECK (to_year IS NULL OR to_year BETWEEN 2000 AND 2100);
ALTER TABLE submission ADD COLUMN harmonised_id INTEGER
	REFERENCES harmonised_tariff(id);
ALTER TABLE published_tariff ADD COLUMN harmonised_id INTEGER
	REFERENCES harmonised_tariff(id);
CREATE INDEX published_tariff_harmonised ON published_tariff (harmonised_id)
	WHERE harmonised_id IS NOT NULL;
