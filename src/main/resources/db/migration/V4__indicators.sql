-- steerflow domain schema, version 4: indicators. A task's indicators (the measurable part of its clear
-- result) and the values reports give for them. Attainment and colour are computed when read, never
-- stored. Written in SQL that Derby and PostgreSQL both run.

CREATE TABLE SF_INDICATOR (
  ID BIGINT NOT NULL PRIMARY KEY,
  TASK_ID BIGINT NOT NULL REFERENCES SF_TASK (ID),
  ITEM_NUMBER INTEGER NOT NULL,
  NAME VARCHAR(200) NOT NULL,
  -- the name as matched (Unicode NFC, spaces collapsed, lower case): unique within the task
  NAME_KEY VARCHAR(200) NOT NULL,
  UNIT_OF_MEASURE VARCHAR(40) NOT NULL,
  TARGET_VALUE DECIMAL(19, 4) NOT NULL,
  -- null: none given, attainment counts from 0
  BASELINE_VALUE DECIMAL(19, 4),
  DIRECTION VARCHAR(20) NOT NULL,
  CONSTRAINT SF_INDICATOR_NAME_UQ UNIQUE (TASK_ID, NAME_KEY),
  CONSTRAINT SF_INDICATOR_NUMBER_UQ UNIQUE (TASK_ID, ITEM_NUMBER),
  CONSTRAINT SF_INDICATOR_TARGET_CK CHECK (BASELINE_VALUE IS NULL OR BASELINE_VALUE <> TARGET_VALUE)
);

CREATE TABLE SF_INDICATOR_VALUE (
  ID BIGINT NOT NULL PRIMARY KEY,
  REPORT_ID BIGINT NOT NULL REFERENCES SF_REPORT (ID),
  INDICATOR_ID BIGINT NOT NULL REFERENCES SF_INDICATOR (ID),
  -- a REGULAR task's period the report was for; null for a ONE_OFF task
  PERIOD_NUMBER INTEGER,
  MEASURED_VALUE DECIMAL(19, 4) NOT NULL,
  -- one value per indicator in a report
  CONSTRAINT SF_INDICATOR_VALUE_UQ UNIQUE (REPORT_ID, INDICATOR_ID)
);
-- Series are read per indicator. PostgreSQL needs it; Derby already indexes every foreign key and
-- skips it with warning 01504.
CREATE INDEX SF_INDICATOR_VALUE_INDICATOR_IX ON SF_INDICATOR_VALUE (INDICATOR_ID);
