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
-- trigger finds its rows there:
--
--   tariff_current_line    inserting (year, offer, paragraph, level,
--                          unit, referred-from) into this view finds the
--                          current row of that line again (the triggers
--                          on an update and a delete of published_tariff;
--                          an inserted tariff is found by its id);
--   tariff_current_offer   inserting an offer's id into this view finds
--                          the operator of each of its kept rows again
--                          (the triggers on the offer's operator and on
--                          every insert, update and delete of its events,
--                          whose dates decide the operator of a year).
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
CREATE VIEW tariff_current_line AS
SELECT year, offer_id, paragraph, level, unit, referred_from
FROM tariff_current WHERE 0;

CREATE TRIGGER tariff_current_line_find INSTEAD OF INSERT
ON tariff_current_line BEGIN
	DELETE FROM tariff_current WHERE year = NEW.year
	    AND offer_id = NEW.offer_id AND paragraph = NEW.paragraph
	    AND level = NEW.level AND unit = NEW.unit
	    AND referred_from = NEW.referred_from;
	INSERT INTO tariff_current SELECT * FROM tariff_current_rows r
	WHERE r.year = NEW.year AND r.offer_id = NEW.offer_id
	    AND r.paragraph = NEW.paragraph AND r.level = NEW.level
	    AND r.unit = NEW.unit AND r.referred_from = NEW.referred_from;
END;

-- The operator of one offer's kept rows, found again (the rows whose
-- operator changes move in the sums).
CREATE VIEW tariff_current_offer AS
SELECT offer_id FROM tariff_current WHERE 0;

CREATE TRIGGER tariff_current_offer_find INSTEAD OF INSERT
ON tariff_current_offer BEGIN
	UPDATE tariff_current SET operator_code = r.operator_code
	FROM tariff_current_rows r
	WHERE r.offer_id = NEW.offer_id AND tariff_current.year = r.year
	    AND tariff_current.offer_id = r.offer_id
	    AND tariff_current.paragraph = r.paragraph
	    AND tariff_current.level = r.level
	    AND tariff_current.unit = r.unit
	    AND tariff_current.referred_from = r.referred_from
	    AND tariff_current.operator_code <> r.operator_code;
END;

-- A write of a published tariff finds the current row of its line
-- again (of both lines when an update moved it to another). A row that
-- cannot be current (superseded or referred-before when inserted)
-- changes nothing; one that can replaces the older versions kept and
-- is found by its id (the write of a round's publication: one search of
-- its line fewer than through tariff_current_line).
DROP TRIGGER published_tariff_cur_ins;
DROP TRIGGER published_tariff_cur_upd;
DROP TRIGGER published_tariff_cur_del;
DROP TRIGGER offer_operator_cur;

CREATE TRIGGER published_tariff_cur_ins AFTER INSERT ON published_tariff
WHEN NEW.superseded_at IS NULL AND NEW.referred_before = '' BEGIN
	DELETE FROM tariff_current WHERE year = NEW.year
	    AND offer_id = NEW.offer_id AND paragraph = NEW.paragraph
	    AND level = NEW.level AND unit = NEW.unit
	    AND referred_from = NEW.referred_from AND version < NEW.version;
	INSERT INTO tariff_current SELECT * FROM tariff_current_rows r
	WHERE r.tariff_id = NEW.id;
END;

CREATE TRIGGER published_tariff_cur_upd AFTER UPDATE ON published_tariff
BEGIN
	INSERT INTO tariff_current_line VALUES (OLD.year, OLD.offer_id,
	    OLD.paragraph, OLD.level, OLD.unit, OLD.referred_from);
	INSERT INTO tariff_current_line SELECT NEW.year, NEW.offer_id,
	    NEW.paragraph, NEW.level, NEW.unit, NEW.referred_from
	WHERE (NEW.year, NEW.offer_id, NEW.paragraph, NEW.level, NEW.unit,
	    NEW.referred_from) IS NOT (OLD.year, OLD.offer_id, OLD.paragraph,
	    OLD.level, OLD.unit, OLD.referred_from);
END;

CREATE TRIGGER published_tariff_cur_del AFTER DELETE ON published_tariff
BEGIN
	INSERT INTO tariff_current_line VALUES (OLD.year, OLD.offer_id,
	    OLD.paragraph, OLD.level, OLD.unit, OLD.referred_from);
END;

-- An offer handed to another operator, and every write of its events.
CREATE TRIGGER offer_operator_cur AFTER UPDATE OF operator_code ON offer
WHEN OLD.operator_code IS NOT NEW.operator_code BEGIN
	INSERT INTO tariff_current_offer VALUES (NEW.id);
END;

CREATE TRIGGER offer_event_cur_ins AFTER INSERT ON offer_event BEGIN
	INSERT INTO tariff_current_offer VALUES (NEW.offer_id);
END;

CREATE TRIGGER offer_event_cur_upd AFTER UPDATE OF offer_id, on_date,
    from_operator, to_operator ON offer_event BEGIN
	INSERT INTO tariff_current_offer VALUES (OLD.offer_id);
	INSERT INTO tariff_current_offer SELECT NEW.offer_id
	WHERE NEW.offer_id <> OLD.offer_id;
END;

CREATE TRIGGER offer_event_cur_del AFTER DELETE ON offer_event BEGIN
	INSERT INTO tariff_current_offer VALUES (OLD.offer_id);
END;

-- The kept rows found again once, line by line: every line with a
-- current published tariff, and every kept line (none should be left
-- without one).
INSERT INTO tariff_current_line
SELECT year, offer_id, paragraph, level, unit, referred_from
FROM published_tariff WHERE superseded_at IS NULL AND referred_before = ''
UNION
SELECT year, offer_id, paragraph, level, unit, referred_from
FROM tariff_current;
