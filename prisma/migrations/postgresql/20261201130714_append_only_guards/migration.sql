-- Written by hand: the audit log and statement revisions are append-only. The database
-- itself refuses to change or remove them, whatever code or person connects to it.
CREATE OR REPLACE FUNCTION casefile_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_no_update_delete" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION casefile_refuse_change();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION casefile_refuse_change();

CREATE TRIGGER "StatementRevision_no_update_delete" BEFORE UPDATE OR DELETE ON "StatementRevision"
  FOR EACH ROW EXECUTE FUNCTION casefile_refuse_change();
CREATE TRIGGER "StatementRevision_no_truncate" BEFORE TRUNCATE ON "StatementRevision"
  FOR EACH STATEMENT EXECUTE FUNCTION casefile_refuse_change();

CREATE TRIGGER "CustodyEntry_no_update_delete" BEFORE UPDATE OR DELETE ON "CustodyEntry"
  FOR EACH ROW EXECUTE FUNCTION casefile_refuse_change();
CREATE TRIGGER "CustodyEntry_no_truncate" BEFORE TRUNCATE ON "CustodyEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION casefile_refuse_change();
