-- 034: the kept current tariffs name the operator of their year.
--
-- The published tariffs name the operator of their year: an offer taken
-- over from a date belongs to the new operator from that date's year on
-- and to the old one before (offer_event; the rule of
-- OFFER_EVENT_OPERATOR_SQL in store/offer_event_store.h). Migration 030
-- filled tariff_current.operator_code with the offer's operator of
-- today, so after a takeover the analysis of an earlier year showed the
-- new operator and counted its lines in the new operator's sums.
--
-- Here the rows tariff_current is to hold are defined once, as the view
-- tariff_current_rows (with the operator by that rule), and every
-- trigger finds its rows there through two functions (the SQLite
-- schema has a view with an INSTEAD OF trigger for each):
--
--   tariff_current_line(year, offer, paragraph, level, unit,
--                       referred-from)
--                          finds the current row of that line again (the
--                          triggers on an update and a delete of
--                          published_tariff; an inserted tariff is found
--                          by its id);
--   tariff_current_offer(offer)
--                          finds the operator of each of the offer's kept
--                          rows again (the triggers on the offer's
--                          operator and on every insert, update and
--                          delete of its events, whose dates decide the
--                          operator of a year).
--
-- The kept rows are found again once at the end, so those of offers
-- that changed hands before this migration name their year's operator.

-- The rows of tariff_current (in its column order): per line and year
-- the newest version not superseded and not for citizens referred
-- before a cut-off, the cost base and days of the service line it was
-- published from, and the operator of its year: the new operator of the
-- offer's latest event on or before 31 December of the year, else the
-- old operator of its first event after it, else the offer's operator
-- ('' for none).
CREATE VIEW tariff_current_rows AS
SELECT p.year, p.offer_id, p.paragraph, p.level, p.unit, p.referred_from,
    p.id AS tariff_id, p.version, p.section, p.places_centi, p.tariff_ore,
    p.submission_id, sl.base_ore, sl.days,
    COALESCE((SELECT NULLIF(ev.to_operator, '') FROM offer_event ev
	WHERE ev.offer_id = p.offer_id AND ev.on_date <= p.year || '-12-31'
	ORDER BY ev.on_date DESC, ev.id DESC LIMIT 1),
	(SELECT NULLIF(ev.from_operator, '') FROM offer_event ev
	WHERE ev.offer_id = p.offer_id AND ev.on_date > p.year || '-12-31'
	ORDER BY ev.on_date, ev.id LIMIT 1),
	o.operator_code, '') AS operator_code,
    p.harmonised_id
FROM published_tariff p JOIN offer o ON o.id = p.offer_id
LEFT JOIN service_line sl ON sl.submission_id = p.submission_id
    AND sl.paragraph = p.paragraph AND sl.level = p.level
    AND sl.unit = p.unit AND sl.referred_from = p.referred_from
    AND sl.referred_before = ''
WHERE p.superseded_at IS NULL AND p.referred_before = ''
AND NOT EXISTS (SELECT 1 FROM published_tariff q
    WHERE q.offer_id = p.offer_id AND q.year = p.year
    AND q.paragraph = p.paragraph AND q.level = p.level
    AND q.unit = p.unit AND q.referred_from = p.referred_from
    AND q.referred_before = '' AND q.superseded_at IS NULL
    AND q.version > p.version);

-- One line's current row, found again.
CREATE FUNCTION tariff_current_line(l_year BIGINT, l_offer BIGINT,
    l_paragraph TEXT, l_level TEXT, l_unit TEXT, l_referred_from TEXT)
RETURNS void LANGUAGE sql AS $$
	DELETE FROM tariff_current WHERE year = l_year
	    AND offer_id = l_offer AND paragraph = l_paragraph
	    AND level = l_level AND unit = l_unit
	    AND referred_from = l_referred_from;
	INSERT INTO tariff_current SELECT * FROM tariff_current_rows r
	WHERE r.year = l_year AND r.offer_id = l_offer
	    AND r.paragraph = l_paragraph AND r.level = l_level
	    AND r.unit = l_unit AND r.referred_from = l_referred_from;
$$;

-- The operator of one offer's kept rows, found again (the rows whose
-- operator changes move in the sums).
CREATE FUNCTION tariff_current_offer(l_offer BIGINT)
RETURNS void LANGUAGE sql AS $$
	UPDATE tariff_current c SET operator_code = r.operator_code
	FROM tariff_current_rows r
	WHERE r.offer_id = l_offer AND c.year = r.year
	    AND c.offer_id = r.offer_id AND c.paragraph = r.paragraph
	    AND c.level = r.level AND c.unit = r.unit
	    AND c.referred_from = r.referred_from
	    AND c.operator_code <> r.operator_code;
$$;

-- A write of a published tariff finds the current row of its line
-- again (of both lines when an update moved it to another). A row that
-- cannot be current (superseded or referred-before when inserted)
-- changes nothing (the WHEN of the insert trigger, kept from 030); one
-- that can replaces the older versions kept and is found by its id (the
-- write of a round's publication: one search of its line fewer than
-- through tariff_current_line).
CREATE OR REPLACE FUNCTION published_tariff_cur_ins() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM tariff_current WHERE year = NEW.year
	    AND offer_id = NEW.offer_id AND paragraph = NEW.paragraph
	    AND level = NEW.level AND unit = NEW.unit
	    AND referred_from = NEW.referred_from AND version < NEW.version;
	INSERT INTO tariff_current SELECT * FROM tariff_current_rows r
	WHERE r.tariff_id = NEW.id;
	RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION published_tariff_cur_upd() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM tariff_current_line(OLD.year, OLD.offer_id, OLD.paragraph,
	    OLD.level, OLD.unit, OLD.referred_from);
	IF (NEW.year, NEW.offer_id, NEW.paragraph, NEW.level, NEW.unit,
	    NEW.referred_from) IS DISTINCT FROM (OLD.year, OLD.offer_id,
	    OLD.paragraph, OLD.level, OLD.unit, OLD.referred_from) THEN
		PERFORM tariff_current_line(NEW.year, NEW.offer_id,
		    NEW.paragraph, NEW.level, NEW.unit, NEW.referred_from);
	END IF;
	RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION published_tariff_cur_del() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM tariff_current_line(OLD.year, OLD.offer_id, OLD.paragraph,
	    OLD.level, OLD.unit, OLD.referred_from);
	RETURN NULL;
END $$;

-- An offer handed to another operator (the trigger of 030 with its
-- WHEN), and every write of its events.
CREATE OR REPLACE FUNCTION offer_operator_cur() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM tariff_current_offer(NEW.id);
	RETURN NULL;
END $$;

CREATE FUNCTION offer_event_cur() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		PERFORM tariff_current_offer(OLD.offer_id);
	END IF;
	IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE'
	    AND NEW.offer_id <> OLD.offer_id) THEN
		PERFORM tariff_current_offer(NEW.offer_id);
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER offer_event_cur AFTER INSERT OR DELETE ON offer_event
	FOR EACH ROW EXECUTE FUNCTION offer_event_cur();
CREATE TRIGGER offer_event_cur_upd AFTER UPDATE OF offer_id, on_date,
    from_operator, to_operator ON offer_event
	FOR EACH ROW EXECUTE FUNCTION offer_event_cur();

-- The kept rows found again once, line by line: every line with a
-- current published tariff, and every kept line (none should be left
-- without one).
SELECT tariff_current_line(year, offer_id, paragraph, level, unit,
    referred_from)
FROM (SELECT year, offer_id, paragraph, level, unit, referred_from
    FROM published_tariff
    WHERE superseded_at IS NULL AND referred_before = ''
    UNION
    SELECT year, offer_id, paragraph, level, unit, referred_from
    FROM tariff_current) l;
