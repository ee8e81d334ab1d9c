package vn.steerflow.plan;

public enum TaskKind {
  /** Reported until done once. */
  ONE_OFF,
  /** Reported every period until the plan ends. */
  REGULAR
}
