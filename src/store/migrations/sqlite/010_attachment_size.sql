-- foreign_keys=off
-- Attachments of up to 512 MiB (serve --max-upload), not 1 MiB. SQLite
-- cannot change a CHECK, so file_blob is rebuilt; the runner turns
-- foreign keys off around this migration (attachment refers to
-- file_blob, which is briefly absent) and checks them before commit.
-- data becomes the last column: a zeroblob() that ends the record is
-- written without being made in memory, and the blob is then filled a
-- chunk at a time; the columns before it are read without touching it.
CREATE TABLE file_blob_new (
	hash		TEXT PRIMARY KEY CHECK (length(hash) = 64),
	size		INTEGER NOT NULL CHECK (size BETWEEN 1 AND 536870912),
	media_type	TEXT NOT NULL CHECK (media_type IN ('application/pdf',
			    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')),
	text		TEXT,		-- extracted for search; NULL if none
	created_at	TEXT NOT NULL,
	data		BLOB NOT NULL
) STRICT;
INSERT INTO file_blob_new (hash, size, media_type, text, created_at, data)
    SELECT hash, size, media_type, text, created_at, data FROM file_blob;
DROP TABLE file_blob;
ALTER TABLE file_blob_new RENAME TO file_blob;
