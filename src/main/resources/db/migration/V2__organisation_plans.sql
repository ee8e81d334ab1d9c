-- steerflow domain schema, version 2: the organisation managed over the API (merged units, committees
-- that end their work) and plans that hold tasks. Portable SQL: Derby and PostgreSQL both run it.

-- A merged unit is deactivated and names the unit that took over; its tasks and reports keep naming it.
ALTER TABLE SF_UNIT ADD COLUMN SUCCESSOR_ID BIGINT;
ALTER TABLE SF_UNIT ADD CONSTRAINT SF_UNIT_SUCCESSOR_FK FOREIGN KEY (SUCCESSOR_ID) REFERENCES SF_UNIT (ID);
CREATE INDEX SF_UNIT_PARENT_IX ON SF_UNIT (PARENT_ID);

-- Committees are deactivated, never deleted; the existing ones are active.
ALTER TABLE SF_COMMITTEE ADD COLUMN ACTIVE BOOLEAN DEFAULT TRUE NOT NULL;

CREATE TABLE SF_PLAN (
  ID BIGINT NOT NULL PRIMARY KEY,
  CODE VARCHAR(40) NOT NULL,
  NAME VARCHAR(500) NOT NULL,
  COMMITTEE_ID BIGINT NOT NULL REFERENCES SF_COMMITTEE (ID),
  DIRECTIVE_NUMBER VARCHAR(100) NOT NULL,
  DIRECTIVE_DATE DATE NOT NULL,
  DIRECTIVE_TITLE VARCHAR(1000) NOT NULL,
  PERIOD_START DATE,
  PERIOD_END DATE,
  CREATED_AT TIMESTAMP NOT NULL,
  CREATED_BY VARCHAR(100) NOT NULL,
  VERSION BIGINT NOT NULL,
  CONSTRAINT SF_PLAN_CODE_UQ UNIQUE (CODE)
);
CREATE INDEX SF_PLAN_COMMITTEE_IX ON SF_PLAN (COMMITTEE_ID);

-- A task belongs to at most one plan; tasks assigned before plans existed belong to none.
ALTER TABLE SF_TASK ADD COLUMN PLAN_ID BIGINT;
ALTER TABLE SF_TASK ADD CONSTRAINT SF_TASK_PLAN_FK FOREIGN KEY (PLAN_ID) REFERENCES SF_PLAN (ID);
CREATE INDEX SF_TASK_PLAN_IX ON SF_TASK (PLAN_ID);
-- Task listings filter on these: the committee (who may see) and the coordinating unit (unit filter).
-- PostgreSQL needs them; Derby already indexes every foreign key and skips them with warning 01504.
CREATE INDEX SF_TASK_COMMITTEE_IX ON SF_TASK (COMMITTEE_ID);
CREATE INDEX SF_TASK_COORDINATOR_UNIT_IX ON SF_TASK_COORDINATOR (UNIT_ID);
