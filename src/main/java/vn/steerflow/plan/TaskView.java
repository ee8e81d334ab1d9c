package vn.steerflow.plan;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import vn.steerflow.committee.Unit;
import vn.steerflow.workflow.WorkStep;

/**
 * A task as the API shows it: its five clears, its outcome, the steps open now and its timeline.
 * The deadline is the one in force; a REGULAR task also shows its reporting period and end of
 * reporting. The indicators are those of the clear result (their values: {@code
 * /tasks/{code}/indicators}).
 */
public record TaskView(
    String code,
    String title,
    String content,
    UnitRef leadUnit,
    String responsibleLeader,
    OffsetDateTime deadline,
    String reportingPeriod,
    OffsetDateTime reportingUntil,
    String expectedResult,
    List<IndicatorView> indicators,
    String committee,
    String plan,
    List<UnitRef> coordinatingUnits,
    TaskKind kind,
    Outcome outcome,
    OffsetDateTime completedAt,
    List<StepView> currentSteps,
    List<TimelineView> timeline,
    long version) {

  public record UnitRef(String code, String name) {
    static UnitRef of(Unit unit) {
      return new UnitRef(unit.getCode(), unit.getName());
    }
  }

  public record StepView(String id, String formKey, String name, OffsetDateTime since) {
    static StepView of(WorkStep step) {
      return new StepView(step.id(), step.formKey(), step.name(), utc(step.since()));
    }
  }

  /** {@code actingFor}: the leader the actor acted for as substitute; null in their own right. */
  public record TimelineView(
      OffsetDateTime at, String actor, String actingFor, String action, String detail) {
    static TimelineView of(TimelineEntry entry) {
      return new TimelineView(
          utc(entry.getAt()),
          entry.getActor(),
          entry.getActingFor(),
          entry.getAction(),
          entry.getDetail());
    }
  }

  static OffsetDateTime utc(java.time.Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static TaskView of(
      Task task, List<WorkStep> steps, List<TimelineEntry> timeline, java.time.Instant now) {
    return new TaskView(
        task.getCode(),
        task.getTitle(),
        task.getContent(),
        UnitRef.of(task.getLeadUnit()),
        task.getResponsibleLeader(),
        utc(task.getDeadline()),
        task.getReportingPeriod(),
        utc(task.getReportingUntil()),
        task.getExpectedResult(),
        task.getIndicators().stream().map(IndicatorView::of).toList(),
        task.getCommittee().getCode(),
        task.getPlan() == null ? null : task.getPlan().getCode(),
        task.getCoordinatingUnits().stream()
            .map(UnitRef::of)
            .sorted(java.util.Comparator.comparing(UnitRef::code))
            .toList(),
        task.getKind(),
        task.outcome(now),
        utc(task.getCompletedAt()),
        steps.stream().map(StepView::of).toList(),
        timeline.stream().map(TimelineView::of).toList(),
        task.getVersion());
  }
}
