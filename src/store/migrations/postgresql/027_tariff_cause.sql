-- 027: the cause of a tariff change during the year.
--
-- A change in the year names one cause of a closed list (the keys of
-- core/tariff_cause.c); the free text (reason) adds detail. NULL for the
-- versions a round published and for changes made before the list.

ALTER TABLE published_tariff ADD COLUMN cause TEXT
    CHECK (cause IS NULL OR cause IN ('renovering', 'ny_ydelse', 'pladser',
    'normering', 'fejl', 'lovaendring', 'andet'));
