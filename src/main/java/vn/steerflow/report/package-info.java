/**
 * Reports on tasks and the decisions on them: a unit's progress report, a supervisor's review (approve,
 * return with a reason, escalate with a question) and a leader's direction. Each use case saves its
 * record and completes the matching engine step in one transaction. Depends on plan, committee,
 * security and workflow.
 */
package vn.steerflow.report;
