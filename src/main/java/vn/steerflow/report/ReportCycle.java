package vn.steerflow.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.RequestValidation;
import vn.steerflow.plan.Task;
import vn.steerflow.plan.TaskEnded;
import vn.steerflow.plan.TaskStatus;
import vn.steerflow.plan.Tasks;
import vn.steerflow.plan.TimelineActions;
import vn.steerflow.security.Caller;
import vn.steerflow.security.audit.AuditAction;
import vn.steerflow.security.audit.AuditObject;
import vn.steerflow.security.audit.AuditTrail;
import vn.steerflow.workflow.TaskCycleContract.FormKeys;
import vn.steerflow.workflow.TaskCycleContract.Vars;
import vn.steerflow.workflow.WorkStep;
import vn.steerflow.workflow.Workflow;

/**
 * The report → review → direction use cases. Each method is one transaction: it saves its record,
 * then completes the engine step waiting for it; if either fails, neither happened.
 *
 * <p>Order of checks: the record is visible to the caller (else 404), the caller's role and unit
 * may act (else 403), the request holds (else 400), the cycle waits for this step now (else 409),
 * and the step is offered to the caller (else 403). The request is checked here, after access, so
 * that a caller who may not act is refused whatever they send.
 */
@ApplicationScoped
@Transactional
public class ReportCycle {

  @PersistenceContext private EntityManager em;

  @Inject private Tasks tasks;

  @Inject private Workflow workflow;

  @Inject private ReportingPeriods periods;

  @Inject private Bottlenecks bottlenecks;

  @Inject private Event<TaskEnded> taskEnded;

  @Inject private RequestValidation validation;

  @Inject private Indicators indicators;

  @Inject private AuditTrail audit;

  public Report submit(String taskCode, ReportRequest request, Caller caller) {
    Task task = tasks.visible(taskCode, caller);
    if (!caller.isOfficerOf(task.getLeadUnit().getId())) {
      throw ApiException.forbidden(
          "Only officers of the lead unit "
              + task.getLeadUnit().getCode()
              + " report on task "
              + taskCode
              + ".");
    }
    request = validation.check(request, "report");
    if (request.status() == ReportStatus.DONE && request.progress() != 100) {
      throw ApiException.badRequest("progress", "a DONE report has progress 100");
    }
    List<Indicators.Reading> readings = indicators.match(task, request.indicatorValuesOrEmpty());
    List<Bottlenecks.Raising> raising = bottlenecks.toRaise(request);
    if (task.getStatus() != TaskStatus.OPEN) {
      throw ApiException.conflict(
          "Task " + taskCode + " is " + task.getStatus() + ": it takes no more reports.");
    }
    WorkStep step =
        workflow
            .openStep(taskCode, FormKeys.REPORT)
            .orElseThrow(
                () ->
                    ApiException.conflict(
                        "Task "
                            + taskCode
                            + " awaits no report now: the last report is still under review."));
    Report report = new Report(task, task.getLeadUnit(), request, caller.username(), Instant.now());
    em.persist(report);
    indicators.record(report, readings);
    em.flush();
    workflow.complete(
        step,
        Map.of(
            Vars.REPORT_ID,
            report.getId(),
            Vars.REPORT_STATUS,
            report.getStatus().contractValue()));
    tasks.record(
        task,
        caller.username(),
        TimelineActions.REPORTED,
        "Report " + report.getId() + ": " + report.getStatus() + ", " + report.getProgress() + "%");
    // in this transaction: a report that fails raises nothing
    bottlenecks.raise(report, raising, caller.username());
    audit.record(
        AuditAction.REPORT_SUBMITTED,
        AuditObject.TASK,
        taskCode,
        null,
        AuditedFields.report(report));
    return report;
  }

  public Report visibleReport(Long reportId, Caller caller) {
    Report report = em.find(Report.class, reportId);
    if (report == null || !Tasks.canSee(report.getTask(), caller)) {
      throw ApiException.notFound("No report " + reportId + " that you can see.");
    }
    return report;
  }

  public ReportView view(Long reportId, Caller caller) {
    Report report = visibleReport(reportId, caller);
    return ReportView.of(report, indicators.values(report));
  }

  /**
   * A decision at the review step the report awaits. Which step that is, and who may take it, the
   * task's model says: the default model has the standing agency's supervisors review; the
   * two-level model has the lead unit's own leaders approve first. An approval the cycle passes on
   * to a further review step leaves the report under review; any other decision settles it.
   */
  public Review review(Long reportId, ReviewRequest request, Caller caller) {
    Report report = visibleReport(reportId, caller);
    Task task = report.getTask();
    if (!caller.supervises(task.getCommittee().getId())
        && !caller.leadsUnit(report.getUnit().getId())) {
      throw ApiException.forbidden(
          "Only supervisors of committee "
              + task.getCommittee().getCode()
              + " review its reports (and the leaders of unit "
              + report.getUnit().getCode()
              + ", where the task's model asks them first).");
    }
    request = validation.check(request, "decision");
    if (request.decision().needsComment()
        && (request.comment() == null || request.comment().isBlank())) {
      throw ApiException.badRequest(
          "comment",
          request.decision() == Decision.RETURN
              ? "RETURN needs the reason, for the unit to fix"
              : "ESCALATE needs the question for the leader");
    }
    if (report.getReviewState() != ReviewState.PENDING) {
      throw ApiException.conflict(
          "Report " + reportId + " was already reviewed: " + report.getReviewState() + ".");
    }
    WorkStep awaiting =
        reviewStep(task, reportId)
            .orElseThrow(
                () -> ApiException.conflict("Report " + reportId + " is not awaiting review."));
    Set<String> reviewers = workflow.candidateGroups(awaiting.id());
    if (reviewers.stream().noneMatch(caller.workGroups()::contains)) {
      throw ApiException.forbidden(
          "Report "
              + reportId
              + " awaits review by "
              + String.join(", ", reviewers)
              + " now; you are not among them.");
    }
    Instant now = Instant.now();
    // read before completing: completing the last review may open the next period
    Optional<Integer> period = periods.periodInHand(task);
    Map<String, Object> variables = new HashMap<>();
    variables.put(Vars.DECISION, request.decision().contractValue());
    variables.put(
        Vars.DECISION_COMMENT,
        request.comment() == null || request.comment().isBlank()
            ? null
            : request.comment().strip());
    workflow.complete(awaiting, variables);
    boolean passedOn =
        request.decision() == Decision.APPROVE && reviewStep(task, reportId).isPresent();
    Review review =
        new Review(
            report,
            awaiting.id(),
            request.decision(),
            request.comment(),
            caller.username(),
            now,
            !passedOn);
    em.persist(review);
    if (request.decision() == Decision.APPROVE && !passedOn && period.isPresent()) {
      periods.reportApproved(task, report, period.get(), now);
    }
    em.flush();
    tasks.record(
        task,
        caller.username(),
        timelineAction(request.decision()),
        "Report "
            + reportId
            + (passedOn ? " (passed on for further review)" : "")
            + (review.getComment() == null ? "" : ": " + review.getComment()));
    if (request.decision() == Decision.APPROVE
        && !passedOn
        && report.getStatus() == ReportStatus.DONE) {
      task.complete(now);
      tasks.record(
          task, caller.username(), TimelineActions.COMPLETED, "Outcome " + task.outcome(now));
      taskEnded.fire(new TaskEnded(task, now));
    }
    audit.record(
        AuditAction.REPORT_REVIEWED,
        AuditObject.TASK,
        task.getCode(),
        AuditedFields.underReview(reportId),
        AuditedFields.reviewed(report, review, task));
    return review;
  }

  /** The open review step of the task's cycle whose report is {@code reportId}, if any. */
  private Optional<WorkStep> reviewStep(Task task, Long reportId) {
    return workflow.openSteps(task.getCode()).stream()
        .filter(s -> FormKeys.REVIEW.equals(s.formKey()))
        .filter(
            s ->
                Objects.equals(
                    workflow.variable(s.processInstanceId(), Vars.REPORT_ID).orElse(null),
                    reportId))
        .findFirst();
  }

  public Direction direct(String taskCode, DirectionRequest request, Caller caller) {
    Task task = tasks.visible(taskCode, caller);
    if (!caller.leadsOrActsFor(task.getCommittee().getId())) {
      throw ApiException.forbidden(
          "Only leaders of committee "
              + task.getCommittee().getCode()
              + " (or their substitutes, while acting) give directions on its tasks.");
    }
    request = validation.check(request, "direction");
    String actingFor = caller.actingFor(task.getCommittee().getId()).orElse(null);
    WorkStep step =
        workflow
            .openStep(taskCode, FormKeys.DIRECTION)
            .orElseThrow(
                () -> ApiException.conflict("Task " + taskCode + " awaits no direction now."));
    Long reportId =
        (Long) workflow.variable(step.processInstanceId(), Vars.REPORT_ID).orElseThrow();
    String question =
        (String) workflow.variable(step.processInstanceId(), Vars.DECISION_COMMENT).orElse("");
    Direction direction =
        new Direction(
            em.find(Report.class, reportId),
            question,
            request.direction(),
            caller.username(),
            actingFor,
            Instant.now());
    em.persist(direction);
    em.flush();
    workflow.complete(step, Map.of(Vars.DIRECTION, request.direction().strip()));
    tasks.record(
        task, caller.username(), actingFor, TimelineActions.DIRECTED, request.direction().strip());
    audit.recordActingFor(
        actingFor,
        AuditAction.DIRECTION_GIVEN,
        AuditObject.TASK,
        taskCode,
        null,
        AuditedFields.direction(reportId, request.direction().strip()));
    return direction;
  }

  private static String timelineAction(Decision decision) {
    return switch (decision) {
      case APPROVE -> TimelineActions.APPROVED;
      case RETURN -> TimelineActions.RETURNED;
      case ESCALATE -> TimelineActions.ESCALATED;
    };
  }
}
