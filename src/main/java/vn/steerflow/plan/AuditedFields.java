package vn.steerflow.plan;

import java.util.Map;
import vn.steerflow.committee.Unit;
import vn.steerflow.security.audit.AuditValues;

/** What the audit trail keeps of a task when it is assigned, and of a plan when it is issued. */
final class AuditedFields {

  private AuditedFields() {}

  /** The five clears, as assigned. */
  static Map<String, Object> task(Task task) {
    boolean regular = task.getKind() == TaskKind.REGULAR;
    return AuditValues.of(
        "title", task.getTitle(),
        "kind", task.getKind(),
        "leadUnit", task.getLeadUnit().getCode(),
        "coordinatingUnits",
            task.getCoordinatingUnits().isEmpty()
                ? null
                : task.getCoordinatingUnits().stream().map(Unit::getCode).sorted().toList(),
        "responsibleLeader", task.getResponsibleLeader(),
        "deadline", regular ? null : task.getDeadline(),
        "reportingPeriod", regular ? task.getReportingPeriod() : null,
        "reportingUntil", regular ? task.getReportingUntil() : null,
        "expectedResult", task.getExpectedResult(),
        "committee", task.getCommittee().getCode(),
        "plan", task.getPlan() == null ? null : task.getPlan().getCode());
  }

  static Map<String, Object> plan(Plan plan) {
    return AuditValues.of(
        "name", plan.getName(),
        "committee", plan.getCommittee().getCode(),
        "directiveNumber", plan.getDirective().number(),
        "directiveDate", plan.getDirective().date(),
        "directiveTitle", plan.getDirective().title(),
        "periodStart", plan.getPeriodStart(),
        "periodEnd", plan.getPeriodEnd());
  }
}
