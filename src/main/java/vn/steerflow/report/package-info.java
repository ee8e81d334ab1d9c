/**
 * Reports on tasks and the decisions on them: a unit's progress report, a supervisor's review
 * (approve, return with a reason, escalate with a question) and a leader's direction; coordinating
 * units' contributions; the values reports give for their task's indicators and each indicator's
 * series per period; the periods of REGULAR tasks (opened, missed and ended by the cycle, closed by
 * an approved report); extension requests and their decisions, which are a task's deadline history;
 * bottlenecks, the difficulties a report raises, tracked until their resolver answers them. Each
 * use case saves its record and completes the matching engine step (or delivers the matching
 * message) in one transaction, with its audit entry; a report's bottlenecks are raised in the
 * report's transaction. Depends on plan, committee, security (audit included) and workflow.
 */
package vn.steerflow.report;
