-- The audit trail is append-only, also for SQL that goes around the application (a JDBC session, a
-- tool): a BEFORE trigger per statement calls a procedure that always throws (SQLState 38SF1), so an
-- UPDATE or DELETE of SF_AUDIT_ENTRY fails whatever rows it names, and Derby refuses TRUNCATE TABLE on
-- a table with a DELETE trigger. Derby has no SIGNAL; the procedure is vn.steerflow.security.audit.
-- AppendOnlyGuard.refuse, found on the application's class path.
CREATE PROCEDURE SF_AUDIT_REFUSE(STATEMENT_NAME VARCHAR(20))
  LANGUAGE JAVA
  PARAMETER STYLE JAVA
  NO SQL
  EXTERNAL NAME 'vn.steerflow.security.audit.AppendOnlyGuard.refuse';

CREATE TRIGGER SF_AUDIT_ENTRY_NO_UPDATE
  NO CASCADE BEFORE UPDATE ON SF_AUDIT_ENTRY
  FOR EACH STATEMENT
  CALL SF_AUDIT_REFUSE('UPDATE');

CREATE TRIGGER SF_AUDIT_ENTRY_NO_DELETE
  NO CASCADE BEFORE DELETE ON SF_AUDIT_ENTRY
  FOR EACH STATEMENT
  CALL SF_AUDIT_REFUSE('DELETE');
