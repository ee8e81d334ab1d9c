-- steerflow domain schema, version 7: indexes for the statistics and the task search on 10,000 tasks and
-- 100,000 reports (docs/benchmark-derby.md). Each holds every column its query reads, so the query is
-- answered from the index alone, without reading table rows. Portable SQL: Derby and PostgreSQL both run it.

-- Statistics over a plan: one count per outcome, grouped by lead unit and kind; the outcome is a status
-- and a comparison of the deadline with completion or the clock.
CREATE INDEX SF_TASK_PLAN_OUTCOME_IX ON SF_TASK (PLAN_ID, STATUS, LEAD_UNIT_ID, KIND, DEADLINE, COMPLETED_AT, ID);

-- Statistics over a period: the committee's tasks by status and deadline.
CREATE INDEX SF_TASK_COMMITTEE_OUTCOME_IX ON SF_TASK (COMMITTEE_ID, STATUS, DEADLINE, LEAD_UNIT_ID, KIND, COMPLETED_AT, ID);

-- The committee's tasks in deadline order: a supervisor's task list, and the period's tasks for the
-- returned reports.
CREATE INDEX SF_TASK_COMMITTEE_DEADLINE_IX ON SF_TASK (COMMITTEE_ID, DEADLINE, ID);

-- Returned reports per unit over the tasks in scope: a task's RETURNED reports are found by one probe,
-- and only the RETURNED part of the index (a fifth of it) is read at all, so it stays in the page cache.
CREATE INDEX SF_REPORT_STATE_TASK_IX ON SF_REPORT (REVIEW_STATE, TASK_ID, UNIT_ID, ID);

-- The committee's tasks by title and by creation time: a supervisor's list in those orders reads the ids
-- from the index and sorts nothing (ascending) or only narrow rows (descending).
CREATE INDEX SF_TASK_COMMITTEE_TITLE_IX ON SF_TASK (COMMITTEE_ID, TITLE, ID);
CREATE INDEX SF_TASK_COMMITTEE_CREATED_IX ON SF_TASK (COMMITTEE_ID, CREATED_AT, ID);
