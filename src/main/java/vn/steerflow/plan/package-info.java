/**
 * Tasks assigned by the five clears (work, person, time, result, responsibility), their coordinating
 * units, their outcome and their timeline. Assigning a task starts its cycle in the engine in the same
 * transaction. Depends on committee, security and workflow.
 */
package vn.steerflow.plan;
