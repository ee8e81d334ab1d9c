package vn.steerflow.report;

/** Where a report stands with its reviewer. */
public enum ReviewState {
  PENDING,
  APPROVED,
  RETURNED,
  ESCALATED
}
