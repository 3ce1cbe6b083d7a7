-- 031: index-backed offer lists and 5-letter search prefixes.
--
-- Offer lists. Every sort order of the list (offer_store.c) walks an
-- index in its own order, so no request sorts the register, and a page
-- after a cursor (the last row's sort key and id) starts with a seek.
-- Each index holds, after the sort key and the id, the columns the list
-- filters on (operator, location, kind, status, covered, the folded
-- name) and deleted_at: the count and the rows a page skips are read
-- from the index alone, and the table is read only for the rows of the
-- page. Partial on live offers. offer_updated is replaced by
-- offer_list_updated; offer_operator and offer_location stay for the
-- foreign keys (they cover deleted offers too).
--
-- The paragraph filter reads offer_paragraph once per list, by section or
-- by text, instead of probing each offer's paragraphs.
--
-- Search: meeting_fts gets a prefix index for 5 characters as well
-- ('2 3 4 5'): a 5-letter prefix merged the doclists of every term it
-- starts for each of the count, the two rowid bounds and the page. The
-- table is made anew with the same columns and rows (the public
-- projection of open items, rowid = agenda_item.id), as in 007;
-- search_row (the filter columns) is keyed by the same rowids and stays.

DROP INDEX offer_updated;
CREATE INDEX offer_list_name ON offer (name_key, id, operator_code,
    location_code, kind, status, covered, deleted_at)
    WHERE deleted_at IS NULL;
CREATE INDEX offer_list_id ON offer (id, operator_code, location_code,
    kind, status, covered, name_key, deleted_at)
    WHERE deleted_at IS NULL;
CREATE INDEX offer_list_operator ON offer (operator_code, name_key, id,
    location_code, kind, status, covered, deleted_at)
    WHERE deleted_at IS NULL;
CREATE INDEX offer_list_location ON offer (location_code, name_key, id,
    operator_code, kind, status, covered, deleted_at)
    WHERE deleted_at IS NULL;
CREATE INDEX offer_list_updated ON offer (updated_at, id, operator_code,
    location_code, kind, status, covered, name_key, deleted_at)
    WHERE deleted_at IS NULL;
DROP INDEX offer_paragraph_section;
CREATE INDEX offer_paragraph_section ON offer_paragraph (section, offer_id);
CREATE INDEX offer_paragraph_text ON offer_paragraph (text, offer_id);

CREATE VIRTUAL TABLE meeting_fts_new USING fts5(
	title, body, minutes, files,
	meeting_id UNINDEXED, body_id UNINDEXED, year UNINDEXED,
	section UNINDEXED, result UNINDEXED,
	tokenize = 'unicode61', prefix = '2 3 4 5'
);
INSERT INTO meeting_fts_new (rowid, title, body, minutes, files,
    meeting_id, body_id, year, section, result)
    SELECT rowid, title, body, minutes, files, meeting_id, body_id, year,
    section, result FROM meeting_fts ORDER BY rowid;
DROP TABLE meeting_fts;
ALTER TABLE meeting_fts_new RENAME TO meeting_fts;
