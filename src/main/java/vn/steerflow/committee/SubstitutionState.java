package vn.steerflow.committee;

/** Where a substitution stands at an instant. */
public enum SubstitutionState {
  /** Named for a period that has not started. */
  UPCOMING,
  /** In its period: the substitute acts for the leader. */
  CURRENT,
  /** Its period is over. */
  ENDED,
  /** Ended early, or called off before it started. */
  CANCELLED
}
