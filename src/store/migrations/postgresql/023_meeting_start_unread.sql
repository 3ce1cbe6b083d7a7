-- A meeting imported from minutes whose start could not be read is kept
-- (nothing is dropped) and flagged, so the secretariat finds it on the
-- page "Ufuldstændige møder" until a start is set.
ALTER TABLE meeting ADD COLUMN start_unread BIGINT NOT NULL DEFAULT 0
	CHECK (start_unread IN (0, 1));
UPDATE meeting SET start_unread = 1
	WHERE starts_at IS NULL AND source_fingerprint IS NOT NULL;
CREATE INDEX meeting_start_unread ON meeting (start_unread)
	WHERE start_unread = 1;
