-- 033: an agreement parameter set "from year Y on".
--
-- A row with onward = 1 applies to its year and to every later year
-- until the next row of the same key: a later year's own row (that year
-- only, onward = 0) or a later onward row. A row with onward = 0
-- overrides its own year only, as before.

ALTER TABLE agreement_param ADD COLUMN onward BIGINT NOT NULL DEFAULT 0
    CHECK (onward IN (0, 1));
