package vn.steerflow.report;

/**
 * Where a bottleneck stands. It moves forward only: OPEN → IN_HAND → RESOLVED, or OPEN → RESOLVED
 * at once, because a leader often answers a difficulty at the meeting that first hears it, and
 * making them "take it in hand" first would be a click for nothing. RESOLVED is final: a difficulty
 * that comes back is raised again in a report.
 */
public enum BottleneckState {
  OPEN,
  IN_HAND,
  RESOLVED;

  /** Whether a bottleneck in this state may move to {@code next}. */
  public boolean canMoveTo(BottleneckState next) {
    return switch (this) {
      case OPEN -> next == IN_HAND || next == RESOLVED;
      case IN_HAND -> next == RESOLVED;
      case RESOLVED -> false;
    };
  }
}
