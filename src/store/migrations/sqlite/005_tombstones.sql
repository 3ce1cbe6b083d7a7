-- 005: what the open meetings API needs beyond 004.
--
-- Deleted objects leave a tombstone (OParl "deleted": true) so that a
-- client synchronising with modified_since learns of the deletion. The
-- triggers write it, so no code path can delete without one. kind is the
-- OParl type in lower case: meeting, agendaitem, file, membership,
-- person, organization. Attachments get an updated_at of their own (a
-- changed closed flag or name is a modification of the File).

CREATE TABLE tombstone (
	kind		TEXT NOT NULL CHECK (kind IN ('meeting', 'agendaitem',
			    'file', 'membership', 'person', 'organization')),
	id		INTEGER NOT NULL,
	parent_id	INTEGER,	-- meeting of an item, item of a file
	created_at	TEXT,		-- the object's, when known
	deleted_at	TEXT NOT NULL,
	PRIMARY KEY (kind, id)
) STRICT;
CREATE INDEX tombstone_deleted ON tombstone (kind, deleted_at);

ALTER TABLE attachment ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
UPDATE attachment SET updated_at = created_at;

CREATE TRIGGER meeting_tombstone AFTER DELETE ON meeting BEGIN
	INSERT OR REPLACE INTO tombstone VALUES ('meeting', OLD.id, OLD.body_id,
	    OLD.created_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER agenda_item_tombstone AFTER DELETE ON agenda_item BEGIN
	INSERT OR REPLACE INTO tombstone VALUES ('agendaitem', OLD.id,
	    OLD.meeting_id, OLD.created_at,
	    strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER attachment_tombstone AFTER DELETE ON attachment BEGIN
	INSERT OR REPLACE INTO tombstone VALUES ('file', OLD.id, OLD.item_id,
	    OLD.created_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER membership_tombstone AFTER DELETE ON membership BEGIN
	INSERT OR REPLACE INTO tombstone VALUES ('membership', OLD.id,
	    OLD.body_id, OLD.created_at,
	    strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER person_tombstone AFTER DELETE ON person BEGIN
	INSERT OR REPLACE INTO tombstone VALUES ('person', OLD.id, NULL,
	    OLD.created_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER body_tombstone AFTER DELETE ON body BEGIN
	INSERT OR REPLACE INTO tombstone VALUES ('organization', OLD.id,
	    OLD.parent_id, OLD.created_at,
	    strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
