-- 031: index-backed offer lists.
--
-- Offer lists. Every sort order of the list (offer_store.c) walks an
-- index in its own order, so no request sorts the register, and a page
-- after a cursor (the last row's sort key and id) starts with a seek.
-- Each index holds, after the sort key and the id, the columns the list
-- filters on (operator, location, kind, status, covered, the folded
-- name) and deleted_at: the count and the rows a page skips are read
-- from the index alone, and the table is read only for the rows of the
-- page. Partial on live offers. The operator and location orders put
-- offers without one first (NULLS FIRST, as the statements ask; an
-- index in PostgreSQL's default order would have to be sorted again).
-- offer_updated is replaced by offer_list_updated; offer_operator and
-- offer_location stay for the foreign keys (they cover deleted offers
-- too).
--
-- The paragraph filter reads offer_paragraph once per list, by section or
-- by text, instead of probing each offer's paragraphs.
--
-- The SQLite migration also rebuilds the FTS5 search table with a
-- 5-character prefix index; search here is the tsvector of the baseline,
-- whose GIN index serves prefixes of every length.

DROP INDEX offer_updated;
CREATE INDEX offer_list_name ON offer (name_key, id, operator_code,
    location_code, kind, status, covered, deleted_at)
    WHERE deleted_at IS NULL;
CREATE INDEX offer_list_id ON offer (id, operator_code, location_code,
    kind, status, covered, name_key, deleted_at)
    WHERE deleted_at IS NULL;
CREATE INDEX offer_list_operator ON offer (operator_code NULLS FIRST,
    name_key, id, location_code, kind, status, covered, deleted_at)
    WHERE deleted_at IS NULL;
CREATE INDEX offer_list_location ON offer (location_code NULLS FIRST,
    name_key, id, operator_code, kind, status, covered, deleted_at)
    WHERE deleted_at IS NULL;
CREATE INDEX offer_list_updated ON offer (updated_at, id, operator_code,
    location_code, kind, status, covered, name_key, deleted_at)
    WHERE deleted_at IS NULL;
DROP INDEX offer_paragraph_section;
CREATE INDEX offer_paragraph_section ON offer_paragraph (section, offer_id);
CREATE INDEX offer_paragraph_text ON offer_paragraph (text, offer_id);
