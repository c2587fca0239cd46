-- Written by hand: the audit log and statement revisions are append-only. The database
-- itself refuses to change or remove them, whatever code or person connects to it.
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
BEGIN SELECT RAISE(ABORT, 'AuditEvent is append-only'); END;

CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
BEGIN SELECT RAISE(ABORT, 'AuditEvent is append-only'); END;

CREATE TRIGGER "StatementRevision_no_update" BEFORE UPDATE ON "StatementRevision"
BEGIN SELECT RAISE(ABORT, 'StatementRevision is immutable'); END;

CREATE TRIGGER "StatementRevision_no_delete" BEFORE DELETE ON "StatementRevision"
BEGIN SELECT RAISE(ABORT, 'StatementRevision is immutable'); END;

CREATE TRIGGER "CustodyEntry_no_update" BEFORE UPDATE ON "CustodyEntry"
BEGIN SELECT RAISE(ABORT, 'CustodyEntry is append-only'); END;

CREATE TRIGGER "CustodyEntry_no_delete" BEFORE DELETE ON "CustodyEntry"
BEGIN SELECT RAISE(ABORT, 'CustodyEntry is append-only'); END;
