package vn.steerflow.plan;

import java.time.Instant;
import java.util.Map;

/**
 * A task's outcome (DESIGN.md §1). It is derived, never stored, so it cannot disagree with the
 * deadline in force: a done task is ON_TIME when its approved DONE report came at or before the
 * deadline, else LATE; an open task is OVERDUE once the deadline has passed, else IN_PROGRESS.
 *
 * <p>Listings filter by outcome in the database, so each outcome also has its {@link Condition} on
 * the stored columns, kept here beside {@link #of} so the two are read and changed together; {@code
 * OutcomeTest} checks that exactly one condition holds for every task and that it is {@code of}'s.
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

  /**
   * This outcome's condition as JPQL on the task alias, for aggregate queries outside this package
   * (the dashboard counts per outcome with it); bind {@link #jpqlParameters}.
   */
  public String jpqlCondition(String alias) {
    return condition().jpql(alias);
  }

  /** The parameters {@link #jpqlCondition} names, for the clock {@code now}. */
  public Map<String, Object> jpqlParameters(Instant now) {
    return condition().parameters(now);
  }

  /** The stored-column condition equivalent to {@link #of} giving this outcome. */
  Condition condition() {
    return switch (this) {
      case ON_TIME -> new Condition(this, TaskStatus.DONE, Comparison.COMPLETED_BY_DEADLINE);
      case LATE -> new Condition(this, TaskStatus.DONE, Comparison.COMPLETED_AFTER_DEADLINE);
      case OVERDUE -> new Condition(this, TaskStatus.OPEN, Comparison.DEADLINE_PASSED);
      case IN_PROGRESS -> new Condition(this, TaskStatus.OPEN, Comparison.DEADLINE_NOT_PASSED);
      case CANCELLED -> new Condition(this, TaskStatus.CANCELLED, Comparison.NONE);
    };
  }

  /** How the deadline compares with completion or the clock, in Java and in JPQL. */
  enum Comparison {
    NONE(null),
    COMPLETED_BY_DEADLINE("%1$s.completedAt <= %1$s.deadline"),
    COMPLETED_AFTER_DEADLINE("%1$s.completedAt > %1$s.deadline"),
    DEADLINE_PASSED("%1$s.deadline < :%2$s"),
    DEADLINE_NOT_PASSED("%1$s.deadline >= :%2$s");

    private final String jpql;

    Comparison(String jpql) {
      this.jpql = jpql;
    }

    boolean holds(Instant deadline, Instant completedAt, Instant now) {
      return switch (this) {
        case NONE -> true;
        case COMPLETED_BY_DEADLINE -> completedAt != null && !completedAt.isAfter(deadline);
        case COMPLETED_AFTER_DEADLINE -> completedAt != null && completedAt.isAfter(deadline);
        case DEADLINE_PASSED -> now.isAfter(deadline);
        case DEADLINE_NOT_PASSED -> !now.isAfter(deadline);
      };
    }
  }

  /** A status and a comparison: the outcome's condition on a task's stored columns. */
  record Condition(Outcome outcome, TaskStatus status, Comparison comparison) {

    static final String NOW = "outcomeNow";

    boolean holds(TaskStatus status, Instant deadline, Instant completedAt, Instant now) {
      return this.status == status && comparison.holds(deadline, completedAt, now);
    }

    /** The condition as JPQL on the task alias; its parameters come from {@link #parameters}. */
    String jpql(String alias) {
      String statusTest = alias + ".status = :" + statusParameter();
      return comparison.jpql == null
          ? "(" + statusTest + ")"
          : "(" + statusTest + " and " + String.format(comparison.jpql, alias, NOW) + ")";
    }

    Map<String, Object> parameters(Instant now) {
      return comparison == Comparison.DEADLINE_PASSED
              || comparison == Comparison.DEADLINE_NOT_PASSED
          ? Map.of(statusParameter(), status, NOW, now)
          : Map.of(statusParameter(), status);
    }

    private String statusParameter() {
      return "outcomeStatus" + outcome.ordinal();
    }
  }
}
