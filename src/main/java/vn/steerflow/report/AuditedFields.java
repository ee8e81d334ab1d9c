package vn.steerflow.report;

import java.util.Map;
import vn.steerflow.plan.Task;
import vn.steerflow.plan.TaskStatus;
import vn.steerflow.security.audit.AuditValues;

/**
 * What the audit trail keeps of the cycle's steps. Each is recorded on its task, with the report or
 * extension it concerns among the values, so that a task's audit is its whole history.
 */
final class AuditedFields {

  private AuditedFields() {}

  static Map<String, Object> report(Report report) {
    return AuditValues.of(
        "report", report.getId(),
        "status", report.getStatus(),
        "progress", report.getProgress());
  }

  static Map<String, Object> underReview(Long reportId) {
    return AuditValues.of("report", reportId, "reviewState", ReviewState.PENDING);
  }

  /** The decision; an approval that completed the task also says so, with its outcome. */
  static Map<String, Object> reviewed(Report report, Review review, Task task) {
    boolean completed = task.getStatus() == TaskStatus.DONE;
    return AuditValues.of(
        "report", report.getId(),
        "reviewState", report.getReviewState(),
        "comment", review.getComment(),
        "taskStatus", completed ? task.getStatus() : null,
        "outcome", completed ? task.outcome(review.getReviewedAt()) : null);
  }

  static Map<String, Object> direction(Long reportId, String direction) {
    return AuditValues.of("report", reportId, "direction", direction);
  }

  static Map<String, Object> requested(Extension extension) {
    return AuditValues.of(
        "extension", extension.getId(),
        "state", extension.getState(),
        "requestedDeadline", extension.getRequestedDeadline(),
        "reason", extension.getReason());
  }

  /** A pending request, with the deadline in force if it was granted (a grant moves it). */
  static Map<String, Object> undecided(Extension extension) {
    return AuditValues.of(
        "extension",
        extension.getId(),
        "state",
        ExtensionState.PENDING,
        "deadline",
        extension.getState() == ExtensionState.GRANTED ? extension.getPreviousDeadline() : null);
  }

  static Map<String, Object> decided(Extension extension, Task task) {
    return AuditValues.of(
        "extension", extension.getId(),
        "state", extension.getState(),
        "deadline", extension.getState() == ExtensionState.GRANTED ? task.getDeadline() : null,
        "comment", extension.getComment());
  }

  static Map<String, Object> bottleneck(Bottleneck bottleneck) {
    return AuditValues.of(
        "bottleneck", bottleneck.getId(),
        "report", bottleneck.getReport().getId(),
        "resolver", bottleneck.resolver(),
        "summary", bottleneck.getSummary());
  }

  static Map<String, Object> contribution(Contribution contribution) {
    return AuditValues.of(
        "unit", contribution.getUnit().getCode(),
        "progress", contribution.getProgress());
  }
}
