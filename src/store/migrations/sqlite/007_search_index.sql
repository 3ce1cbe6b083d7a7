-- 007: the search index, made faster to search.
--
-- Prefix indexes: the last word of a search is a prefix ("bud" finds
-- budget, budgetopfølgning, ...). Without a prefix index FTS5 merges the
-- doclists of every term that starts with it, hundreds for a short
-- prefix; with one it reads a single doclist for prefixes of 2, 3 and 4
-- characters (longer prefixes match few terms). An FTS5 table's options
-- cannot be altered, so the table is made anew and its rows (the public
-- projection, rowid = agenda_item.id) copied.
--
-- search_row: the filter columns of meeting_fts (body, year, section,
-- result) in a plain table with the same rowid. A filter on an
-- UNINDEXED column of meeting_fts reads the whole row of its content
-- table, the text of the item and its attachments, for every hit it
-- tests (about 4.5 µs a hit); here it is one small row. Written with
-- meeting_fts (meeting_store_fts_sync); a deleted item's row goes with
-- it by the trigger.

CREATE VIRTUAL TABLE meeting_fts_new USING fts5(
	title, body, minutes, files,
	meeting_id UNINDEXED, body_id UNINDEXED, year UNINDEXED,
	section UNINDEXED, result UNINDEXED,
	tokenize = 'unicode61', prefix = '2 3 4'
);
INSERT INTO meeting_fts_new (rowid, title, body, minutes, files,
    meeting_id, body_id, year, section, result)
    SELECT rowid, title, body, minutes, files, meeting_id, body_id, year,
    section, result FROM meeting_fts ORDER BY rowid;
DROP TABLE meeting_fts;
ALTER TABLE meeting_fts_new RENAME TO meeting_fts;

CREATE TABLE search_row (
	id		INTEGER PRIMARY KEY,	-- meeting_fts.rowid = agenda_item.id
	body_id		INTEGER,
	year		INTEGER,
	section		TEXT,
	result		TEXT
) STRICT;
INSERT INTO search_row (id, body_id, year, section, result)
    SELECT rowid, body_id, year, section, result FROM meeting_fts;
CREATE TRIGGER search_row_item_delete AFTER DELETE ON agenda_item BEGIN
	DELETE FROM search_row WHERE id = OLD.id;
END;
