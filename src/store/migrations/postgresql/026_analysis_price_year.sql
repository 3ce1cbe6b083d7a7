-- 026: the price year of a tariff analysis.
--
-- The tariffs and expenditures of an analysis in fixed prices are shown
-- in the prices of a year the secretariat chooses among the years of the
-- recorded series (the real changes do not depend on it). NULL, as for
-- the analyses made before, is the to-year.

ALTER TABLE analysis ADD COLUMN price_year BIGINT
    CHECK (price_year IS NULL OR price_year BETWEEN 2000 AND 2100);

-- The current published tariffs of a year as a covering index: the
-- analysis reads every year of its span (the yearly means) and both
-- years' lines, and the "newest version" condition looks up the same
-- key; with this index both are read from the index alone instead of a
-- table row per tariff.
CREATE INDEX published_tariff_current ON published_tariff (year, offer_id,
    paragraph, level, unit, referred_from, version, places_centi,
    tariff_ore, section)
    WHERE superseded_at IS NULL AND referred_before = '';
