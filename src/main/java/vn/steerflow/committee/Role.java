package vn.steerflow.committee;

/** What a member may do (DESIGN.md §1). */
public enum Role {
  /** Acts on its own unit's work: reports. */
  OFFICER,
  /** Reviews reports of its committee's tasks; assigns tasks. */
  SUPERVISOR,
  /** Answers escalations of its committee; reads its dashboards. */
  LEADER,
  /** Manages members, units and models. */
  ADMIN
}
