-- steerflow domain schema, version 10: the audit trail. One row per state change: who (and for whom,
-- when acting for someone), when, what, to which object, the values before and after (small JSON
-- objects of the changed fields), from which client address. Rows are only ever inserted: the vendor
-- migrations V10_1 add triggers that refuse UPDATE and DELETE.
-- Written in SQL that Derby and PostgreSQL both run.

CREATE TABLE SF_AUDIT_ENTRY (
  ID BIGINT NOT NULL PRIMARY KEY,
  RECORDED_AT TIMESTAMP NOT NULL,
  ACTOR VARCHAR(100) NOT NULL,
  ACTING_FOR VARCHAR(100),
  ACTION_NAME VARCHAR(60) NOT NULL,
  OBJECT_TYPE VARCHAR(40) NOT NULL,
  OBJECT_ID VARCHAR(200) NOT NULL,
  BEFORE_VALUES VARCHAR(8000),
  AFTER_VALUES VARCHAR(8000),
  CLIENT_ADDRESS VARCHAR(64)
);

-- the three ways admins look: by time range (newest first), by object, by member
CREATE INDEX SF_AUDIT_ENTRY_AT_IX ON SF_AUDIT_ENTRY (RECORDED_AT, ID);
CREATE INDEX SF_AUDIT_ENTRY_OBJECT_IX ON SF_AUDIT_ENTRY (OBJECT_TYPE, OBJECT_ID, RECORDED_AT);
CREATE INDEX SF_AUDIT_ENTRY_ACTOR_IX ON SF_AUDIT_ENTRY (ACTOR, RECORDED_AT);
CREATE INDEX SF_AUDIT_ENTRY_ACTING_FOR_IX ON SF_AUDIT_ENTRY (ACTING_FOR, RECORDED_AT);
