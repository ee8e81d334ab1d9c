-- steerflow domain schema, version 9: admins deploy models at run time (issue 6).
-- Written in SQL that Derby and PostgreSQL both run.

-- A plan may pin the process its new tasks run on: a key, and a version or none (its latest active
-- version at each start). Both null: the default process, task-cycle.
ALTER TABLE SF_PLAN ADD COLUMN MODEL_KEY VARCHAR(255);
ALTER TABLE SF_PLAN ADD COLUMN MODEL_VERSION INTEGER;

-- A model may review a report at more than one step (the lead unit's leaders approve before the
-- standing agency reviews): one decision per report and step instead of one per report. Reviews
-- written before this version have no step id.
ALTER TABLE SF_REVIEW DROP CONSTRAINT SF_REVIEW_REPORT_UQ;
ALTER TABLE SF_REVIEW ADD COLUMN STEP_ID VARCHAR(64);
ALTER TABLE SF_REVIEW ADD CONSTRAINT SF_REVIEW_STEP_UQ UNIQUE (REPORT_ID, STEP_ID);
