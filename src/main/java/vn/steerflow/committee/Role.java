package vn.steerflow.committee;

/** What a member may do (DESIGN.md §1). */
public enum Role {
  /** Acts on its own unit's work: reports. */
  OFFICER,
  /** Reviews reports of its committee's tasks; assigns tasks. */
  SUPERVISOR,
  /** Answers escalations of its committee; reads its dashboards. */
  LEADER,
  /**
   * Leads its own unit (a department's director): approves the unit's reports before they go to the
   * standing agency, where the task's model asks for it (the two-level review). Needs no committee.
   */
  UNIT_LEADER,
  /** Manages members, units and models. */
  ADMIN
}
