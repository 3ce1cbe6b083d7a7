-- 036: the search index's rows kept narrow, and a small tsvector to rank.
--
-- A search reads the newest hits through the GIN index and visits each
-- hit's row for its rowid and filter columns; the page then ranks the
-- hits it read. With the text and the whole tsvector (about 3 KB with the
-- attachments' words) inline, a row filled much of a page of the table,
-- and ranking unpacked 3 KB per hit (pglz, the default, takes about 75 µs
-- for one). Now:
--   - the wide columns go out of line (toast_tuple_target at its least,
--     128 bytes), the whole tsvector compressed with lz4 where the server
--     has it (about ten times faster to unpack than pglz);
--   - rank_tsv, the words of title, text and minutes with their weights
--     (about 1 KB), stays in the row (STORAGE MAIN): the page ranks and
--     picks its snippet from it when it holds every word of the query,
--     and from the whole tsvector only when it does not.
-- Rewriting the rows applies all of it to what is there.

ALTER TABLE meeting_fts ADD COLUMN rank_tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('danish', COALESCE(title, '')), 'A') ||
    setweight(to_tsvector('danish', COALESCE(body, '')), 'B') ||
    setweight(to_tsvector('danish', COALESCE(minutes, '')), 'C')) STORED;
ALTER TABLE meeting_fts ALTER COLUMN rank_tsv SET STORAGE MAIN;
DO $$
BEGIN
	ALTER TABLE meeting_fts ALTER COLUMN tsv SET COMPRESSION lz4;
	ALTER TABLE meeting_fts ALTER COLUMN rank_tsv SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
	RAISE NOTICE 'lz4 not available: the tsvectors stay compressed with pglz';
END $$;
ALTER TABLE meeting_fts SET (toast_tuple_target = 128);
UPDATE meeting_fts SET title = title;
