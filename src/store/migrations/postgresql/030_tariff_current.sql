-- 030: the current published tariffs and their yearly sums, kept current
-- as the published tariffs are written.
--
-- A tariff analysis reads the current tariffs of two years (its panel)
-- and the sums of every year of its span (the yearly means). "Current"
-- is the newest version of an offer's line in a year (offer, year,
-- paragraph, level, unit, referred-from) among the rows a later round
-- did not supersede, leaving out the lines of citizens referred before a
-- cut-off. Found at read time that is a lookup of every newer version
-- and a read of every tariff of ten years; here it is kept as rows:
--
--   tariff_current   one row per line and year: the current version's
--                    id and figures, the cost base and days of the
--                    service line it was published from, the offer's
--                    operator and the harmonised group behind it;
--   tariff_year_sum  per year, operator, SEL section, unit and level:
--                    the number of current lines, Σ places and
--                    Σ places × tariff (what the analysis filters by).
--
-- Trigger functions (PL/pgSQL, one per trigger of the SQLite schema and
-- with the same statements) keep both exact under every write of published_tariff (a
-- round's publication superseding the rows before it, a change in the
-- year with a cause, an import, a correction made by hand in SQL), of
-- the service lines they were published from and of an offer's
-- operator: after any insert, update or delete of a
-- published tariff the current row of its line is found again, and the
-- rows of tariff_current add and subtract themselves in the sums. Both
-- tables are derived data, without foreign keys of their own; the
-- triggers are the only writers.

CREATE TABLE tariff_current (
	year		BIGINT NOT NULL,
	offer_id	BIGINT NOT NULL,
	paragraph	TEXT NOT NULL,
	level		TEXT NOT NULL,
	unit		TEXT NOT NULL,
	referred_from	TEXT NOT NULL,
	tariff_id	BIGINT NOT NULL,	-- the published_tariff row
	version		BIGINT NOT NULL,
	section		BIGINT NOT NULL,
	places_centi	BIGINT NOT NULL,	-- places, hundredths
	tariff_ore	BIGINT NOT NULL,	-- øre
	submission_id	BIGINT,			-- NULL for a change in the year
	base_ore	BIGINT,			-- the cost base of the service
						-- line published from, or NULL
	days		BIGINT,			-- its opening days, or NULL
	operator_code	TEXT NOT NULL,		-- the offer's, '' for none
	harmonised_id	BIGINT,			-- the group behind it (028)
	PRIMARY KEY (year, offer_id, paragraph, level, unit, referred_from)
);
CREATE INDEX tariff_current_submission ON tariff_current (submission_id)
	WHERE submission_id IS NOT NULL;
CREATE INDEX tariff_current_harmonised ON tariff_current (harmonised_id)
	WHERE harmonised_id IS NOT NULL;

CREATE TABLE tariff_year_sum (
	year		BIGINT NOT NULL,
	operator_code	TEXT NOT NULL,
	section		BIGINT NOT NULL,
	unit		TEXT NOT NULL,
	level		TEXT NOT NULL,
	nlines		BIGINT NOT NULL,	-- current lines
	places_centi	BIGINT NOT NULL,	-- Σ places, hundredths
	exp_centi_ore	BIGINT NOT NULL,	-- Σ places_centi × tariff_ore
	PRIMARY KEY (year, operator_code, section, unit, level)
);

-- The sums follow the rows of tariff_current.
CREATE FUNCTION tariff_current_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO tariff_year_sum AS s (year, operator_code, section, unit,
	    level, nlines, places_centi, exp_centi_ore)
	VALUES (NEW.year, NEW.operator_code, NEW.section, NEW.unit, NEW.level,
	    1, NEW.places_centi, NEW.places_centi * NEW.tariff_ore)
	ON CONFLICT (year, operator_code, section, unit, level) DO UPDATE SET
	    nlines = s.nlines + 1,
	    places_centi = s.places_centi + excluded.places_centi,
	    exp_centi_ore = s.exp_centi_ore + excluded.exp_centi_ore;
	RETURN NULL;
END $$;
CREATE TRIGGER tariff_current_ins AFTER INSERT ON tariff_current
	FOR EACH ROW EXECUTE FUNCTION tariff_current_ins();

CREATE FUNCTION tariff_current_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE tariff_year_sum SET nlines = nlines - 1,
	    places_centi = places_centi - OLD.places_centi,
	    exp_centi_ore = exp_centi_ore - OLD.places_centi * OLD.tariff_ore
	WHERE year = OLD.year AND operator_code = OLD.operator_code
	    AND section = OLD.section AND unit = OLD.unit AND level = OLD.level;
	DELETE FROM tariff_year_sum WHERE year = OLD.year
	    AND operator_code = OLD.operator_code AND section = OLD.section
	    AND unit = OLD.unit AND level = OLD.level AND nlines = 0;
	RETURN NULL;
END $$;
CREATE TRIGGER tariff_current_del AFTER DELETE ON tariff_current
	FOR EACH ROW EXECUTE FUNCTION tariff_current_del();

CREATE FUNCTION tariff_current_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE tariff_year_sum SET nlines = nlines - 1,
	    places_centi = places_centi - OLD.places_centi,
	    exp_centi_ore = exp_centi_ore - OLD.places_centi * OLD.tariff_ore
	WHERE year = OLD.year AND operator_code = OLD.operator_code
	    AND section = OLD.section AND unit = OLD.unit AND level = OLD.level;
	DELETE FROM tariff_year_sum WHERE year = OLD.year
	    AND operator_code = OLD.operator_code AND section = OLD.section
	    AND unit = OLD.unit AND level = OLD.level AND nlines = 0;
	INSERT INTO tariff_year_sum AS s (year, operator_code, section, unit,
	    level, nlines, places_centi, exp_centi_ore)
	VALUES (NEW.year, NEW.operator_code, NEW.section, NEW.unit, NEW.level,
	    1, NEW.places_centi, NEW.places_centi * NEW.tariff_ore)
	ON CONFLICT (year, operator_code, section, unit, level) DO UPDATE SET
	    nlines = s.nlines + 1,
	    places_centi = s.places_centi + excluded.places_centi,
	    exp_centi_ore = s.exp_centi_ore + excluded.exp_centi_ore;
	RETURN NULL;
END $$;
CREATE TRIGGER tariff_current_upd AFTER UPDATE OF year, operator_code,
    section, unit, level, places_centi, tariff_ore ON tariff_current
	FOR EACH ROW EXECUTE FUNCTION tariff_current_upd();

-- The current row of a published tariff's line, found again after every
-- write: the newest version not superseded and not for citizens referred
-- before a cut-off. A row that cannot be current (superseded or referred-
-- before when inserted) changes nothing.
CREATE FUNCTION published_tariff_cur_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM tariff_current WHERE year = NEW.year
	    AND offer_id = NEW.offer_id AND paragraph = NEW.paragraph
	    AND level = NEW.level AND unit = NEW.unit
	    AND referred_from = NEW.referred_from AND version < NEW.version;
	INSERT INTO tariff_current (year, offer_id, paragraph, level, unit,
	    referred_from, tariff_id, version, section, places_centi,
	    tariff_ore, submission_id, base_ore, days, operator_code,
	    harmonised_id)
	SELECT NEW.year, NEW.offer_id, NEW.paragraph, NEW.level, NEW.unit,
	    NEW.referred_from, NEW.id, NEW.version, NEW.section,
	    NEW.places_centi, NEW.tariff_ore, NEW.submission_id, sl.base_ore,
	    sl.days, COALESCE((SELECT o.operator_code FROM offer o
	    WHERE o.id = NEW.offer_id), ''), NEW.harmonised_id
	FROM (SELECT 1) one LEFT JOIN service_line sl
	    ON sl.submission_id = NEW.submission_id
	    AND sl.paragraph = NEW.paragraph AND sl.level = NEW.level
	    AND sl.unit = NEW.unit AND sl.referred_from = NEW.referred_from
	    AND sl.referred_before = ''
	WHERE NOT EXISTS (SELECT 1 FROM tariff_current c
	    WHERE c.year = NEW.year AND c.offer_id = NEW.offer_id
	    AND c.paragraph = NEW.paragraph AND c.level = NEW.level
	    AND c.unit = NEW.unit AND c.referred_from = NEW.referred_from);
	RETURN NULL;
END $$;
CREATE TRIGGER published_tariff_cur_ins AFTER INSERT ON published_tariff
	FOR EACH ROW WHEN (NEW.superseded_at IS NULL
	    AND NEW.referred_before = '')
	EXECUTE FUNCTION published_tariff_cur_ins();

CREATE FUNCTION published_tariff_cur_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM tariff_current WHERE year = OLD.year
	    AND offer_id = OLD.offer_id AND paragraph = OLD.paragraph
	    AND level = OLD.level AND unit = OLD.unit
	    AND referred_from = OLD.referred_from;
	DELETE FROM tariff_current WHERE year = NEW.year
	    AND offer_id = NEW.offer_id AND paragraph = NEW.paragraph
	    AND level = NEW.level AND unit = NEW.unit
	    AND referred_from = NEW.referred_from;
	INSERT INTO tariff_current (year, offer_id, paragraph, level, unit,
	    referred_from, tariff_id, version, section, places_centi,
	    tariff_ore, submission_id, base_ore, days, operator_code,
	    harmonised_id)
	SELECT p.year, p.offer_id, p.paragraph, p.level, p.unit,
	    p.referred_from, p.id, p.version, p.section, p.places_centi,
	    p.tariff_ore, p.submission_id, sl.base_ore, sl.days,
	    COALESCE(o.operator_code, ''), p.harmonised_id
	FROM published_tariff p JOIN offer o ON o.id = p.offer_id
	LEFT JOIN service_line sl ON sl.submission_id = p.submission_id
	    AND sl.paragraph = p.paragraph AND sl.level = p.level
	    AND sl.unit = p.unit AND sl.referred_from = p.referred_from
	    AND sl.referred_before = ''
	WHERE p.id = (SELECT q.id FROM published_tariff q
	    WHERE q.year = OLD.year AND q.offer_id = OLD.offer_id
	    AND q.paragraph = OLD.paragraph AND q.level = OLD.level
	    AND q.unit = OLD.unit AND q.referred_from = OLD.referred_from
	    AND q.referred_before = '' AND q.superseded_at IS NULL
	    ORDER BY q.version DESC LIMIT 1)
	AND NOT EXISTS (SELECT 1 FROM tariff_current c
	    WHERE c.year = p.year AND c.offer_id = p.offer_id
	    AND c.paragraph = p.paragraph AND c.level = p.level
	    AND c.unit = p.unit AND c.referred_from = p.referred_from);
	INSERT INTO tariff_current (year, offer_id, paragraph, level, unit,
	    referred_from, tariff_id, version, section, places_centi,
	    tariff_ore, submission_id, base_ore, days, operator_code,
	    harmonised_id)
	SELECT p.year, p.offer_id, p.paragraph, p.level, p.unit,
	    p.referred_from, p.id, p.version, p.section, p.places_centi,
	    p.tariff_ore, p.submission_id, sl.base_ore, sl.days,
	    COALESCE(o.operator_code, ''), p.harmonised_id
	FROM published_tariff p JOIN offer o ON o.id = p.offer_id
	LEFT JOIN service_line sl ON sl.submission_id = p.submission_id
	    AND sl.paragraph = p.paragraph AND sl.level = p.level
	    AND sl.unit = p.unit AND sl.referred_from = p.referred_from
	    AND sl.referred_before = ''
	WHERE p.id = (SELECT q.id FROM published_tariff q
	    WHERE q.year = NEW.year AND q.offer_id = NEW.offer_id
	    AND q.paragraph = NEW.paragraph AND q.level = NEW.level
	    AND q.unit = NEW.unit AND q.referred_from = NEW.referred_from
	    AND q.referred_before = '' AND q.superseded_at IS NULL
	    ORDER BY q.version DESC LIMIT 1)
	AND NOT EXISTS (SELECT 1 FROM tariff_current c
	    WHERE c.year = p.year AND c.offer_id = p.offer_id
	    AND c.paragraph = p.paragraph AND c.level = p.level
	    AND c.unit = p.unit AND c.referred_from = p.referred_from);
	RETURN NULL;
END $$;
CREATE TRIGGER published_tariff_cur_upd AFTER UPDATE ON published_tariff
	FOR EACH ROW EXECUTE FUNCTION published_tariff_cur_upd();

CREATE FUNCTION published_tariff_cur_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM tariff_current WHERE year = OLD.year
	    AND offer_id = OLD.offer_id AND paragraph = OLD.paragraph
	    AND level = OLD.level AND unit = OLD.unit
	    AND referred_from = OLD.referred_from;
	INSERT INTO tariff_current (year, offer_id, paragraph, level, unit,
	    referred_from, tariff_id, version, section, places_centi,
	    tariff_ore, submission_id, base_ore, days, operator_code,
	    harmonised_id)
	SELECT p.year, p.offer_id, p.paragraph, p.level, p.unit,
	    p.referred_from, p.id, p.version, p.section, p.places_centi,
	    p.tariff_ore, p.submission_id, sl.base_ore, sl.days,
	    COALESCE(o.operator_code, ''), p.harmonised_id
	FROM published_tariff p JOIN offer o ON o.id = p.offer_id
	LEFT JOIN service_line sl ON sl.submission_id = p.submission_id
	    AND sl.paragraph = p.paragraph AND sl.level = p.level
	    AND sl.unit = p.unit AND sl.referred_from = p.referred_from
	    AND sl.referred_before = ''
	WHERE p.id = (SELECT q.id FROM published_tariff q
	    WHERE q.year = OLD.year AND q.offer_id = OLD.offer_id
	    AND q.paragraph = OLD.paragraph AND q.level = OLD.level
	    AND q.unit = OLD.unit AND q.referred_from = OLD.referred_from
	    AND q.referred_before = '' AND q.superseded_at IS NULL
	    ORDER BY q.version DESC LIMIT 1)
	AND NOT EXISTS (SELECT 1 FROM tariff_current c
	    WHERE c.year = p.year AND c.offer_id = p.offer_id
	    AND c.paragraph = p.paragraph AND c.level = p.level
	    AND c.unit = p.unit AND c.referred_from = p.referred_from);
	RETURN NULL;
END $$;
CREATE TRIGGER published_tariff_cur_del AFTER DELETE ON published_tariff
	FOR EACH ROW EXECUTE FUNCTION published_tariff_cur_del();

-- The cost base and days follow the service line a tariff was published
-- from (a submission's lines are written as a whole: deleted and
-- inserted again).
CREATE FUNCTION service_line_cur_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE tariff_current SET base_ore = NEW.base_ore, days = NEW.days
	WHERE submission_id = NEW.submission_id
	    AND paragraph = NEW.paragraph AND level = NEW.level
	    AND unit = NEW.unit AND referred_from = NEW.referred_from;
	RETURN NULL;
END $$;
CREATE TRIGGER service_line_cur_ins AFTER INSERT ON service_line
	FOR EACH ROW WHEN (NEW.referred_before = '')
	EXECUTE FUNCTION service_line_cur_ins();

CREATE FUNCTION service_line_cur_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE tariff_current SET base_ore = NULL, days = NULL
	WHERE OLD.referred_before = '' AND submission_id = OLD.submission_id
	    AND paragraph = OLD.paragraph AND level = OLD.level
	    AND unit = OLD.unit AND referred_from = OLD.referred_from;
	UPDATE tariff_current SET base_ore = NEW.base_ore, days = NEW.days
	WHERE NEW.referred_before = '' AND submission_id = NEW.submission_id
	    AND paragraph = NEW.paragraph AND level = NEW.level
	    AND unit = NEW.unit AND referred_from = NEW.referred_from;
	RETURN NULL;
END $$;
CREATE TRIGGER service_line_cur_upd AFTER UPDATE ON service_line
	FOR EACH ROW EXECUTE FUNCTION service_line_cur_upd();

CREATE FUNCTION service_line_cur_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE tariff_current SET base_ore = NULL, days = NULL
	WHERE submission_id = OLD.submission_id
	    AND paragraph = OLD.paragraph AND level = OLD.level
	    AND unit = OLD.unit AND referred_from = OLD.referred_from;
	RETURN NULL;
END $$;
CREATE TRIGGER service_line_cur_del AFTER DELETE ON service_line
	FOR EACH ROW WHEN (OLD.referred_before = '')
	EXECUTE FUNCTION service_line_cur_del();

-- An offer handed to another operator moves its lines in the sums.
CREATE FUNCTION offer_operator_cur() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE tariff_current SET operator_code = COALESCE(NEW.operator_code,
	    '') WHERE offer_id = NEW.id;
	RETURN NULL;
END $$;
CREATE TRIGGER offer_operator_cur AFTER UPDATE OF operator_code ON offer
	FOR EACH ROW WHEN (OLD.operator_code IS DISTINCT FROM NEW.operator_code)
	EXECUTE FUNCTION offer_operator_cur();

-- The rows published before this migration.
INSERT INTO tariff_current (year, offer_id, paragraph, level, unit,
    referred_from, tariff_id, version, section, places_centi, tariff_ore,
    submission_id, base_ore, days, operator_code, harmonised_id)
SELECT p.year, p.offer_id, p.paragraph, p.level, p.unit, p.referred_from,
    p.id, p.version, p.section, p.places_centi, p.tariff_ore,
    p.submission_id, sl.base_ore, sl.days, COALESCE(o.operator_code, ''),
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
