-- 006: tombstones remember whether the deleted object was public.
--
-- The open (OParl) API lists tombstones so that synchronising clients
-- learn of deletions, but a tombstone must not reveal that a closed
-- item, a closed attachment or an unpublished (planlagt) meeting ever
-- existed. The triggers now record whether the object was public when
-- it was deleted: a meeting not planlagt; an open item of such a
-- meeting; an open attachment of such an item. Memberships, persons and
-- bodies are public. Tombstones written before this migration stay
-- hidden unless their kind is always public.

ALTER TABLE tombstone ADD COLUMN public INTEGER NOT NULL DEFAULT 0
    CHECK (public IN (0, 1));
UPDATE tombstone SET public = 1
    WHERE kind IN ('membership', 'person', 'organization');

DROP TRIGGER meeting_tombstone;
DROP TRIGGER agenda_item_tombstone;
DROP TRIGGER attachment_tombstone;
DROP TRIGGER membership_tombstone;
DROP TRIGGER person_tombstone;
DROP TRIGGER body_tombstone;

CREATE TRIGGER meeting_tombstone AFTER DELETE ON meeting BEGIN
	INSERT OR REPLACE INTO tombstone VALUES ('meeting', OLD.id, OLD.body_id,
	    OLD.created_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
	    OLD.state <> 'planlagt');
END;
CREATE TRIGGER agenda_item_tombstone AFTER DELETE ON agenda_item BEGIN
	INSERT OR REPLACE INTO tombstone VALUES ('agendaitem', OLD.id,
	    OLD.meeting_id, OLD.created_at,
	    strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
	    OLD.closed = 0 AND COALESCE((SELECT state <> 'planlagt'
	    FROM meeting WHERE id = OLD.meeting_id), 0));
END;
CREATE TRIGGER attachment_tombstone AFTER DELETE ON attachment BEGIN
	INSERT OR REPLACE INTO tombstone VALUES ('file', OLD.id, OLD.item_id,
	    OLD.created_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
	    OLD.closed = 0 AND COALESCE((SELECT i.closed = 0 AND
	    m.state <> 'planlagt' FROM agenda_item i JOIN meeting m ON
	    m.id = i.meeting_id WHERE i.id = OLD.item_id), 0));
END;
CREATE TRIGGER membership_tombstone AFTER DELETE ON membership BEGIN
	INSERT OR REPLACE INTO tombstone VALUES ('membership', OLD.id,
	    OLD.body_id, OLD.created_at,
	    strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 1);
END;
CREATE TRIGGER person_tombstone AFTER DELETE ON person BEGIN
	INSERT OR REPLACE INTO tombstone VALUES ('person', OLD.id, NULL,
	    OLD.created_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 1);
END;
CREATE TRIGGER body_tombstone AFTER DELETE ON body BEGIN
	INSERT OR REPLACE INTO tombstone VALUES ('organization', OLD.id,
	    OLD.parent_id, OLD.created_at,
	    strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 1);
END;
