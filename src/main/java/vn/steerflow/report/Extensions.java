package vn.steerflow.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.RequestValidation;
import vn.steerflow.plan.Task;
import vn.steerflow.plan.TaskEnded;
import vn.steerflow.plan.TaskKind;
import vn.steerflow.plan.TaskStatus;
import vn.steerflow.plan.Tasks;
import vn.steerflow.plan.TimelineActions;
import vn.steerflow.security.Caller;
import vn.steerflow.security.audit.AuditAction;
import vn.steerflow.security.audit.AuditObject;
import vn.steerflow.security.audit.AuditTrail;
import vn.steerflow.workflow.ReportingCalendar;
import vn.steerflow.workflow.TaskCycleContract.ExtensionDecision;
import vn.steerflow.workflow.TaskCycleContract.FormKeys;
import vn.steerflow.workflow.TaskCycleContract.Messages;
import vn.steerflow.workflow.TaskCycleContract.Vars;
import vn.steerflow.workflow.WorkStep;
import vn.steerflow.workflow.Workflow;

/**
 * Extension requests: the lead unit asks for a new deadline with a reason, a supervisor grants or
 * refuses. Each use case is one transaction with its engine step: a request saves its record and
 * delivers the message that opens the supervisors' step; a grant moves the task's deadline and
 * completes that step with the new deadline, on which the model creates its urge and deadline
 * timers anew.
 *
 * <p>Only ONE_OFF tasks have a deadline to extend; a REGULAR task's periods end on their schedule.
 * One request at a time per task.
 *
 * <p>Order of checks: visible (else 404), the caller's role and unit may act (else 403), the
 * request holds (else 400), the task's state allows it (else 409).
 */
@ApplicationScoped
@Transactional
public class Extensions {

  @PersistenceContext private EntityManager em;

  @Inject private Tasks tasks;

  @Inject private Workflow workflow;

  @Inject private AuditTrail audit;

  @Inject private RequestValidation validation;

  public Extension request(String taskCode, ExtensionRequest request, Caller caller) {
    Task task = tasks.visible(taskCode, caller);
    if (!caller.isOfficerOf(task.getLeadUnit().getId())) {
      throw ApiException.forbidden(
          "Only officers of the lead unit "
              + task.getLeadUnit().getCode()
              + " ask for an extension of task "
              + taskCode
              + ".");
    }
    request = validation.check(request, "extension request");
    if (task.getKind() != TaskKind.ONE_OFF) {
      throw ApiException.conflict(
          "Task "
              + taskCode
              + " is "
              + task.getKind()
              + ": each period's report is due at the period's end, there is no deadline to extend.");
    }
    Instant now = Instant.now();
    Instant requested = request.deadline().toInstant();
    if (!requested.isAfter(task.getDeadline())) {
      throw ApiException.badRequest(
          "deadline",
          "an extension asks for a deadline later than the one in force, " + task.getDeadline());
    }
    if (!requested.isAfter(now)) {
      throw ApiException.badRequest("deadline", "the new deadline must be in the future");
    }
    if (task.getStatus() != TaskStatus.OPEN) {
      throw ApiException.conflict(
          "Task " + taskCode + " is " + task.getStatus() + ": it has no deadline to extend.");
    }
    if (pending(task) > 0) {
      throw ApiException.conflict(
          "Task " + taskCode + " already has an extension request awaiting a supervisor.");
    }
    Extension extension = new Extension(task, requested, request.reason(), caller.username(), now);
    em.persist(extension);
    em.flush();
    if (!workflow.deliver(
        taskCode, Messages.EXTENSION_REQUESTED, Map.of(Vars.EXTENSION_ID, extension.getId()))) {
      // rolls the record back with it: the cycle (a model without extensions, say) takes no request
      // now
      throw ApiException.conflict(
          "The cycle of task " + taskCode + " takes no extension request now.");
    }
    tasks.record(
        task,
        caller.username(),
        TimelineActions.EXTENSION_REQUESTED,
        "Extension "
            + extension.getId()
            + ": "
            + task.getDeadline()
            + " → "
            + requested
            + ": "
            + extension.getReason());
    audit.record(
        AuditAction.EXTENSION_REQUESTED,
        AuditObject.TASK,
        taskCode,
        null,
        AuditedFields.requested(extension));
    return extension;
  }

  public Extension decide(Long extensionId, ExtensionDecisionRequest request, Caller caller) {
    Extension extension = visible(extensionId, caller);
    Task task = extension.getTask();
    if (!caller.supervises(task.getCommittee().getId())) {
      throw ApiException.forbidden(
          "Only supervisors of committee "
              + task.getCommittee().getCode()
              + " decide on extensions of its tasks.");
    }
    request = validation.check(request, "decision");
    boolean grant = request.grant();
    if (!grant && (request.comment() == null || request.comment().isBlank())) {
      throw ApiException.badRequest("comment", "a refusal needs the reason, for the unit");
    }
    if (extension.getState() != ExtensionState.PENDING) {
      throw ApiException.conflict(
          "Extension " + extensionId + " was already decided: " + extension.getState() + ".");
    }
    if (task.getStatus() != TaskStatus.OPEN) {
      throw ApiException.conflict(
          "Task "
              + task.getCode()
              + " is "
              + task.getStatus()
              + ": its deadline no longer matters.");
    }
    Instant now = Instant.now();
    if (grant && !extension.getRequestedDeadline().isAfter(now)) {
      throw ApiException.conflict(
          "The deadline asked for, "
              + extension.getRequestedDeadline()
              + ", has passed: refuse this request; the unit may ask again.");
    }
    WorkStep step =
        workflow
            .openStep(task.getCode(), FormKeys.EXTENSION)
            .filter(
                s ->
                    Objects.equals(
                        workflow.variable(s.processInstanceId(), Vars.EXTENSION_ID).orElse(null),
                        extensionId))
            .orElseThrow(
                () ->
                    ApiException.conflict(
                        "Extension " + extensionId + " is not awaiting a decision."));
    Map<String, Object> variables = new HashMap<>();
    if (grant) {
      Instant previous = task.getDeadline();
      extension.grant(caller.username(), now, request.comment());
      task.extendDeadline(extension.getRequestedDeadline());
      variables.put(Vars.EXTENSION_DECISION, ExtensionDecision.GRANT);
      variables.put(Vars.DEADLINE, Date.from(task.getDeadline()));
      variables.put(Vars.URGE_AT, Date.from(ReportingCalendar.urgeAt(now, task.getDeadline())));
      // overdue is judged against the deadline in force, which is now in the future
      variables.put(Vars.OVERDUE, Boolean.FALSE);
      tasks.record(
          task,
          caller.username(),
          TimelineActions.EXTENSION_GRANTED,
          "Extension " + extensionId + ": deadline " + previous + " → " + task.getDeadline());
    } else {
      extension.refuse(caller.username(), now, request.comment());
      variables.put(Vars.EXTENSION_DECISION, ExtensionDecision.REFUSE);
      tasks.record(
          task,
          caller.username(),
          TimelineActions.EXTENSION_REFUSED,
          "Extension " + extensionId + ": " + extension.getComment());
    }
    em.flush();
    workflow.complete(step, variables);
    audit.record(
        AuditAction.EXTENSION_DECIDED,
        AuditObject.TASK,
        task.getCode(),
        AuditedFields.undecided(extension),
        AuditedFields.decided(extension, task));
    return extension;
  }

  public ExtensionView view(Long extensionId, Caller caller) {
    return ExtensionView.of(visible(extensionId, caller));
  }

  /** The task's deadline history, as the caller may see it. */
  public ExtensionView.History history(String taskCode, Caller caller) {
    Task task = tasks.visible(taskCode, caller);
    List<Extension> extensions =
        em.createQuery(
                "select e from Extension e where e.task = :task order by e.requestedAt, e.id",
                Extension.class)
            .setParameter("task", task)
            .getResultList();
    Instant original =
        extensions.isEmpty() ? task.getDeadline() : extensions.get(0).getPreviousDeadline();
    return new ExtensionView.History(
        task.getCode(),
        CoordinationView.utc(original),
        CoordinationView.utc(task.getDeadline()),
        extensions.stream().map(ExtensionView::of).toList());
  }

  private Extension visible(Long extensionId, Caller caller) {
    Extension extension = em.find(Extension.class, extensionId);
    if (extension == null || !Tasks.canSee(extension.getTask(), caller)) {
      throw ApiException.notFound("No extension " + extensionId + " that you can see.");
    }
    return extension;
  }

  /**
   * A request still waiting when its task ends lapses as WITHDRAWN: the engine step went with the
   * instance, and a PENDING row would promise a decision that can no longer come.
   */
  void withdrawPending(@Observes TaskEnded ended) {
    List<Extension> waiting =
        em.createQuery(
                "select e from Extension e where e.task = :task and e.state = :state",
                Extension.class)
            .setParameter("task", ended.task())
            .setParameter("state", ExtensionState.PENDING)
            .getResultList();
    for (Extension extension : waiting) {
      extension.withdrawn(
          ended.at(), "Task ended (" + ended.task().getStatus() + ") before a decision");
      tasks.record(
          ended.task(),
          TimelineActions.SYSTEM_ACTOR,
          TimelineActions.EXTENSION_WITHDRAWN,
          "Extension request " + extension.getId() + " lapsed: the task ended");
    }
  }

  private long pending(Task task) {
    return em.createQuery(
            "select count(e) from Extension e where e.task = :task and e.state = :state",
            Long.class)
        .setParameter("task", task)
        .setParameter("state", ExtensionState.PENDING)
        .getSingleResult();
  }
}
