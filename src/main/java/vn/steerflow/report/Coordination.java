package vn.steerflow.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.RequestValidation;
import vn.steerflow.committee.Unit;
import vn.steerflow.plan.Task;
import vn.steerflow.plan.TaskKind;
import vn.steerflow.plan.TaskStatus;
import vn.steerflow.plan.Tasks;
import vn.steerflow.plan.TimelineActions;
import vn.steerflow.security.Caller;
import vn.steerflow.security.audit.AuditAction;
import vn.steerflow.security.audit.AuditObject;
import vn.steerflow.security.audit.AuditTrail;
import vn.steerflow.workflow.TaskCycleContract.FormKeys;
import vn.steerflow.workflow.WorkGroups;
import vn.steerflow.workflow.WorkStep;
import vn.steerflow.workflow.Workflow;

/**
 * Coordinating units contribute their part of a task; the lead unit reads every contribution, and
 * which ones are still missing, when it writes its report. A contribution saves its record and
 * completes the unit's coordinate step in one transaction.
 *
 * <p>A contribution is due when the lead unit's report is: a ONE_OFF task's deadline in force, a
 * REGULAR task's first period end. It is still taken later (the step stays open until the task
 * ends), and shown MISSING until it comes.
 */
@ApplicationScoped
@Transactional
public class Coordination {

  @PersistenceContext private EntityManager em;

  @Inject private Tasks tasks;

  @Inject private Workflow workflow;

  @Inject private ReportingPeriods periods;

  @Inject private AuditTrail audit;

  @Inject private RequestValidation validation;

  public Contribution contribute(String taskCode, ContributionRequest request, Caller caller) {
    Task task = tasks.visible(taskCode, caller);
    Unit unit =
        task.getCoordinatingUnits().stream()
            .filter(u -> caller.isOfficerOf(u.getId()))
            .findFirst()
            .orElseThrow(
                () ->
                    ApiException.forbidden(
                        "Only officers of the coordinating units of task "
                            + taskCode
                            + " ("
                            + task.getCoordinatingUnits().stream()
                                .map(Unit::getCode)
                                .sorted()
                                .collect(Collectors.joining(", "))
                            + ") contribute to it."));
    // checked after access: a caller who may not contribute is refused whatever they send
    request = validation.check(request, "contribution");
    if (task.getStatus() != TaskStatus.OPEN) {
      throw ApiException.conflict(
          "Task " + taskCode + " is " + task.getStatus() + ": it takes no more contributions.");
    }
    if (contribution(task, unit) != null) {
      throw ApiException.conflict(
          "Unit " + unit.getCode() + " has already contributed to task " + taskCode + ".");
    }
    WorkStep step =
        workflow
            .openStep(taskCode, FormKeys.COORDINATE, WorkGroups.unit(unit.getCode()))
            .orElseThrow(
                () ->
                    ApiException.conflict(
                        "Task "
                            + taskCode
                            + " awaits no contribution from unit "
                            + unit.getCode()
                            + " now."));
    Contribution contribution =
        new Contribution(
            task, unit, request.text(), request.progress(), caller.username(), Instant.now());
    em.persist(contribution);
    em.flush();
    workflow.complete(step, Map.of());
    tasks.record(
        task,
        caller.username(),
        TimelineActions.CONTRIBUTED,
        unit.getCode() + ": " + contribution.getProgress() + "%");
    audit.record(
        AuditAction.CONTRIBUTION_SUBMITTED,
        AuditObject.TASK,
        taskCode,
        null,
        AuditedFields.contribution(contribution));
    return contribution;
  }

  /** Every coordinating unit of the task, by code, with its contribution or why there is none. */
  public List<CoordinationView> coordination(String taskCode, Caller caller) {
    Task task = tasks.visible(taskCode, caller);
    Map<Long, Contribution> byUnit =
        em
            .createQuery("select c from Contribution c where c.task = :task", Contribution.class)
            .setParameter("task", task)
            .getResultList()
            .stream()
            .collect(Collectors.toMap(c -> c.getUnit().getId(), Function.identity()));
    Instant due = dueAt(task);
    Instant now = Instant.now();
    return task.getCoordinatingUnits().stream()
        .sorted(Comparator.comparing(Unit::getCode))
        .map(
            unit -> {
              Contribution contribution = byUnit.get(unit.getId());
              ContributionStatus status =
                  contribution != null
                      ? ContributionStatus.SUBMITTED
                      : now.isAfter(due) || task.getStatus() != TaskStatus.OPEN
                          ? ContributionStatus.MISSING
                          : ContributionStatus.PENDING;
              return new CoordinationView(
                  unit.getCode(),
                  unit.getName(),
                  status,
                  CoordinationView.utc(due),
                  contribution == null ? null : CoordinationView.ContributionView.of(contribution));
            })
        .toList();
  }

  public CoordinationView.ContributionView view(Contribution contribution) {
    return CoordinationView.ContributionView.of(contribution);
  }

  /** When the lead unit's (first) report is due, and with it the contributions. */
  private Instant dueAt(Task task) {
    if (task.getKind() == TaskKind.REGULAR) {
      return periods.all(task).stream()
          .findFirst()
          .map(ReportingPeriod::getEndsAt)
          .orElse(task.getDeadline());
    }
    return task.getDeadline();
  }

  private Contribution contribution(Task task, Unit unit) {
    return em
        .createQuery(
            "select c from Contribution c where c.task = :task and c.unit = :unit",
            Contribution.class)
        .setParameter("task", task)
        .setParameter("unit", unit)
        .getResultList()
        .stream()
        .findFirst()
        .orElse(null);
  }
}
