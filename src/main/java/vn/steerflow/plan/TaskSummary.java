package vn.steerflow.plan;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import vn.steerflow.plan.TaskView.UnitRef;

/**
 * A task in a listing: who, what, by when, and how it stands; no steps or timeline (see TaskView).
 */
public record TaskSummary(
    String code,
    String title,
    UnitRef leadUnit,
    List<UnitRef> coordinatingUnits,
    OffsetDateTime deadline,
    String committee,
    String plan,
    TaskKind kind,
    Outcome outcome,
    OffsetDateTime completedAt,
    OffsetDateTime createdAt,
    long version) {

  static TaskSummary of(Task task, Instant now) {
    return new TaskSummary(
        task.getCode(),
        task.getTitle(),
        UnitRef.of(task.getLeadUnit()),
        task.getCoordinatingUnits().stream()
            .map(UnitRef::of)
            .sorted(Comparator.comparing(UnitRef::code))
            .toList(),
        TaskView.utc(task.getDeadline()),
        task.getCommittee().getCode(),
        task.getPlan() == null ? null : task.getPlan().getCode(),
        task.getKind(),
        task.outcome(now),
        TaskView.utc(task.getCompletedAt()),
        TaskView.utc(task.getCreatedAt()),
        task.getVersion());
  }
}
