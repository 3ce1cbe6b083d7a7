-- 021: personal data — when a person was erased (pseudonymised), and the
-- indexes the retention job and the export of one person's data use.

ALTER TABLE person ADD COLUMN erased_at TEXT;	-- ISO UTC; NULL: not erased

CREATE INDEX audit_at ON audit (at);
CREATE INDEX audit_user ON audit (user_id);
CREATE INDEX login_attempt_at ON login_attempt (at);
CREATE INDEX session_expires ON session (expires_at);
