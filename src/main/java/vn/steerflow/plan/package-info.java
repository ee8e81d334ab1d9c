/**
 * Plans and tasks. A plan is what a committee issues from a directive document; a task is one
 * assignment by the five clears (work, person, time, result, responsibility), optionally in one of
 * its committee's plans, with its coordinating units, its indicators (the measurable part of the
 * clear result, with the attainment and risk-colour rules), its outcome and its timeline. Assigning
 * a task starts its cycle in the engine in the same transaction. Task listings decide visibility,
 * filters, outcome, order and page in the database. Assignments, cancellations, reassignments and
 * new plans are recorded in the audit trail. Depends on api, committee, security (audit included)
 * and workflow.
 */
package vn.steerflow.plan;
