package vn.steerflow.report;

/**
 * Where a coordinating unit's contribution stands: SUBMITTED; MISSING once the lead unit's report
 * is due (or the task has ended) without it; PENDING before.
 */
public enum ContributionStatus {
  SUBMITTED,
  PENDING,
  MISSING
}
