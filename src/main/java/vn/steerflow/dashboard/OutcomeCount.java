package vn.steerflow.dashboard;

import java.util.Objects;
import vn.steerflow.plan.Outcome;
import vn.steerflow.plan.TaskKind;

/** One aggregate row: how many tasks a lead unit has of a kind with an outcome. */
public record OutcomeCount(
    String unitCode, String unitName, TaskKind kind, Outcome outcome, long count) {

  public OutcomeCount {
    Objects.requireNonNull(unitCode, "unitCode");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(outcome, "outcome");
    if (count < 0) {
      throw new IllegalArgumentException("negative count " + count);
    }
  }
}
