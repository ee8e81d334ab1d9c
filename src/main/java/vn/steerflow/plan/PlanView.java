package vn.steerflow.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A plan as the API shows it, with the number of its tasks the caller can see and the model its new
 * tasks run on when an admin pinned one ({@code model} null: the default process).
 */
public record PlanView(
    long id,
    String code,
    String name,
    String committee,
    Plan.Directive directive,
    LocalDate periodStart,
    LocalDate periodEnd,
    long tasks,
    OffsetDateTime createdAt,
    String createdBy,
    ModelPin model,
    long version) {

  static PlanView of(Plan plan, long visibleTasks) {
    return new PlanView(
        plan.getId(),
        plan.getCode(),
        plan.getName(),
        plan.getCommittee().getCode(),
        plan.getDirective(),
        plan.getPeriodStart(),
        plan.getPeriodEnd(),
        visibleTasks,
        plan.getCreatedAt().atOffset(ZoneOffset.UTC),
        plan.getCreatedBy(),
        ModelPin.of(plan),
        plan.getVersion());
  }
}
