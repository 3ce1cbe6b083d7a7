-- 026: the price year of a tariff analysis.
--
-- The tariffs and expenditures of an analysis in fixed prices are shown
-- in the prices of a year the secretariat chooses among the years of the
-- recorded series (the real changes do not depend on it). NULL, as for
-- the analyses made before, is the to-year.

ALTER TABLE analysis ADD COLUMN price_year INTEGER
    CHECK (price_year IS NULL OR price_year BETWEEN 2000 AND 2100);
