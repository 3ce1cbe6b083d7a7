-- 036: on PostgreSQL the search index's rows are kept narrow and the
-- words to rank by kept apart (see the PostgreSQL migration of the same
-- number). FTS5 keeps its doclists apart from the documents' text and
-- ranks from them, so SQLite has nothing to change; this file keeps the
-- two backends' schema versions in step.

SELECT 1;
