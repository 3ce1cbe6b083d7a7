-- 029: start-up costs of a new offer spread over its first years' tariffs.
--
-- The minutes (Halfway House, Aug 2011) put the start-up costs of a new
-- offer into its tariff, not a one-off charge: a cost line with a period.
-- An offer's start-up costs amount_ore are spread over years years from
-- first_year (core/startup: equal shares rounded half up to whole kroner,
-- the remainder in the last year, so the shares sum to the amount). A
-- round adds the year's share to the cost base of the offer's first
-- service line; service_line.startup_ore keeps what was added.
CREATE TABLE startup_cost (
	id		INTEGER PRIMARY KEY,
	offer_id	INTEGER NOT NULL REFERENCES offer(id),
	amount_ore	INTEGER NOT NULL CHECK (amount_ore > 0),
	first_year	INTEGER NOT NULL CHECK (first_year BETWEEN 2000 AND 2100),
	years		INTEGER NOT NULL CHECK (years BETWEEN 1 AND 10),
	text		TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
	created_at	TEXT NOT NULL,
	created_by	TEXT NOT NULL
) STRICT;
CREATE INDEX startup_cost_offer ON startup_cost (offer_id, first_year);

ALTER TABLE service_line ADD COLUMN startup_ore INTEGER NOT NULL DEFAULT 0
    CHECK (startup_ore >= 0);

-- The published tariffs name the operator of their year, which follows
-- the offer's events (also events whose date has not come): an event
-- changes the cached tariff list as a change of the offer does.
CREATE TRIGGER offer_event_ins_counter AFTER INSERT ON offer_event
	BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER offer_event_upd_counter AFTER UPDATE ON offer_event
	BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;
