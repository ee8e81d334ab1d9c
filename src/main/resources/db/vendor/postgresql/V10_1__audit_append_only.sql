-- The audit trail is append-only, also for SQL that goes around the application: one trigger
-- function that always raises, called BEFORE every UPDATE, DELETE and TRUNCATE of SF_AUDIT_ENTRY
-- (per statement, so a statement that names no row is refused too).
-- In production the application's database user should moreover not own the table, and hold only
-- SELECT and INSERT on it (see README, "Audit trail").
CREATE FUNCTION sf_audit_entry_refuse() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  RAISE EXCEPTION 'SF_AUDIT_ENTRY is append-only: % is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Audit entries are never changed or removed.';
  RETURN NULL;
END;
$$;

CREATE TRIGGER sf_audit_entry_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON SF_AUDIT_ENTRY
  FOR EACH STATEMENT
  EXECUTE FUNCTION sf_audit_entry_refuse();
