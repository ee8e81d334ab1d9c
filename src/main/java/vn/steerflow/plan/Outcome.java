package vn.steerflow.plan;

import java.time.Instant;

/**
 * A task's outcome (DESIGN.md §1). It is derived, never stored, so it cannot disagree with the deadline
 * in force: a done task is ON_TIME when its approved DONE report came at or before the deadline, else
 * LATE; an open task is OVERDUE once the deadline has passed, else IN_PROGRESS.
 */
public enum Outcome {
  ON_TIME,
  LATE,
  OVERDUE,
  IN_PROGRESS,
  CANCELLED;

  static Outcome of(TaskStatus status, Instant deadline, Instant completedAt, Instant now) {
    return switch (status) {
      case CANCELLED -> CANCELLED;
      case DONE -> completedAt.isAfter(deadline) ? LATE : ON_TIME;
      case OPEN -> now.isAfter(deadline) ? OVERDUE : IN_PROGRESS;
    };
  }
}
