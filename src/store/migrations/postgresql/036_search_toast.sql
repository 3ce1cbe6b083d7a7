-- 036: the search index's rows kept narrow, and a small tsvector to rank.
--
-- A search reads the newest hits through the GIN index and visits each
-- hit's row for its rowid and filter columns; the page then ranks the
-- hits it read. With the text and the whole tsvector (about 3 KB with the
-- attachments' words) inline, a row filled much of a page of the table,
-- and ranking unpacked 3 KB per hit (pglz, the default, takes about 75 µs
-- for one). Now:
--   - meeting_fts keeps only its narrow columns in the row: the text and
--     the whole tsvector go out of line (toast_tuple_target at its least,
--     128 bytes), the tsvector compressed with lz4 where the server has it
--     (about ten times faster to unpack than pglz);
--   - search_rank holds the words of title, text and minutes with their
--     weights (about 1 KB, kept in its row), written by a trigger with
--     every row of meeting_fts: the page ranks by them and takes its
--     snippet from that text when they hold every word of the query; a
--     hit they do not answer (its words are in the attachments) ranks
--     after those, its snippet from the attachments' text.
-- Rewriting the rows applies all of it to what is there.

CREATE TABLE search_rank (
	id	BIGINT PRIMARY KEY REFERENCES meeting_fts (rowid)
		    ON DELETE CASCADE,
	tsv	tsvector NOT NULL
);
ALTER TABLE search_rank ALTER COLUMN tsv SET STORAGE MAIN;

CREATE FUNCTION search_rank_put() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO search_rank (id, tsv) VALUES (NEW.rowid,
	    setweight(to_tsvector('danish', COALESCE(NEW.title, '')), 'A') ||
	    setweight(to_tsvector('danish', COALESCE(NEW.body, '')), 'B') ||
	    setweight(to_tsvector('danish', COALESCE(NEW.minutes, '')), 'C'))
	    ON CONFLICT (id) DO UPDATE SET tsv = EXCLUDED.tsv;
	RETURN NULL;
END $$;
CREATE TRIGGER meeting_fts_rank AFTER INSERT OR UPDATE ON meeting_fts
	FOR EACH ROW EXECUTE FUNCTION search_rank_put();

DO $$
BEGIN
	ALTER TABLE meeting_fts ALTER COLUMN tsv SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
	RAISE NOTICE 'lz4 not available: the tsvector stays compressed with pglz';
END $$;
ALTER TABLE meeting_fts SET (toast_tuple_target = 128);
UPDATE meeting_fts SET title = title;
