package vn.steerflow.plan;

/**
 * Where a task stands in its life; its {@link Outcome} is derived from this, the deadline and the
 * clock.
 */
public enum TaskStatus {
  OPEN,
  DONE,
  CANCELLED
}
