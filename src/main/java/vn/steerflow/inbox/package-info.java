/**
 * The work a member can act on now: the engine's open steps whose candidate groups are the
 * member's, joined with the tasks they belong to. Depends on plan, security and workflow.
 */
package vn.steerflow.inbox;
