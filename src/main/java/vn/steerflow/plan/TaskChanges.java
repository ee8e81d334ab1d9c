package vn.steerflow.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.RequestValidation;
import vn.steerflow.committee.Unit;
import vn.steerflow.security.Caller;
import vn.steerflow.security.audit.AuditAction;
import vn.steerflow.security.audit.AuditObject;
import vn.steerflow.security.audit.AuditTrail;
import vn.steerflow.security.audit.AuditValues;
import vn.steerflow.workflow.TaskCycleContract;
import vn.steerflow.workflow.WorkGroups;
import vn.steerflow.workflow.Workflow;

/**
 * Cancelling a task and giving it to another lead unit, by a supervisor of its committee. Each is
 * one transaction: the task, its timeline entry and the engine instance change together or not at
 * all.
 *
 * <p>Order of checks: the task is visible (else 404), the caller supervises its committee (else
 * 403), the request holds (else 400), the task is still open (else 409).
 */
@ApplicationScoped
@Transactional
public class TaskChanges {

  @PersistenceContext private EntityManager em;

  @Inject private Tasks tasks;

  @Inject private Workflow workflow;

  @Inject private Event<TaskEnded> taskEnded;

  @Inject private AuditTrail audit;

  @Inject private RequestValidation validation;

  public Task cancel(String code, CancelRequest request, Caller caller) {
    Task task = tasks.visible(code, caller);
    requireSupervisor(task, caller, "cancel");
    request = validation.check(request, "cancellation");
    requireOpen(task);
    String reason = request.reason().strip();
    task.cancel();
    tasks.record(task, caller.username(), TimelineActions.CANCELLED, reason);
    taskEnded.fire(new TaskEnded(task, Instant.now()));
    em.flush();
    if (task.getProcessInstanceId() != null && workflow.isRunning(task.getProcessInstanceId())) {
      workflow.cancel(task.getProcessInstanceId(), reason);
    }
    audit.record(
        AuditAction.TASK_CANCELLED,
        AuditObject.TASK,
        code,
        AuditValues.of("status", TaskStatus.OPEN),
        AuditValues.of("status", task.getStatus(), "reason", reason));
    return task;
  }

  public Task reassign(String code, ReassignRequest request, Caller caller) {
    Task task = tasks.visible(code, caller);
    requireSupervisor(task, caller, "reassign");
    request = validation.check(request, "reassignment");
    String unitCode = request.leadUnit().strip();
    Unit unit =
        activeUnit(unitCode)
            .orElseThrow(
                () ->
                    ApiException.badRequest(
                        "leadUnit", "no active unit has code '" + unitCode + "'"));
    Unit old = task.getLeadUnit();
    if (unit.getId().equals(old.getId())) {
      throw ApiException.badRequest(
          "leadUnit", "task " + code + " is already led by " + old.getCode());
    }
    if (task.getCoordinatingUnits().stream().anyMatch(u -> u.getId().equals(unit.getId()))) {
      throw ApiException.badRequest(
          "leadUnit", "'" + unitCode + "' coordinates task " + code + ": it cannot also lead");
    }
    requireOpen(task);
    task.reassign(unit);
    tasks.record(
        task,
        caller.username(),
        TimelineActions.REASSIGNED,
        "from " + old.getCode() + " to " + unit.getCode() + ": " + request.reason().strip());
    em.flush();
    if (task.getProcessInstanceId() != null && workflow.isRunning(task.getProcessInstanceId())) {
      workflow.reassignLeadUnit(
          task.getProcessInstanceId(),
          WorkGroups.unit(old.getCode()),
          WorkGroups.unit(unit.getCode()));
      // a model with a unit-level review offers it to the lead unit's leaders: they move too
      workflow.reassignGroup(
          task.getProcessInstanceId(),
          TaskCycleContract.Vars.LEAD_UNIT_LEADER_GROUP,
          WorkGroups.unitLeaders(old.getCode()),
          WorkGroups.unitLeaders(unit.getCode()));
    }
    audit.record(
        AuditAction.TASK_REASSIGNED,
        AuditObject.TASK,
        code,
        AuditValues.of("leadUnit", old.getCode()),
        AuditValues.of("leadUnit", unit.getCode(), "reason", request.reason().strip()));
    return task;
  }

  private static void requireSupervisor(Task task, Caller caller, String what) {
    if (!caller.supervises(task.getCommittee().getId())) {
      throw ApiException.forbidden(
          "Only supervisors of committee "
              + task.getCommittee().getCode()
              + " "
              + what
              + " its tasks.");
    }
  }

  private static void requireOpen(Task task) {
    if (task.getStatus() != TaskStatus.OPEN) {
      throw ApiException.conflict(
          "Task " + task.getCode() + " is " + task.getStatus() + ": it can no longer change.");
    }
  }

  private Optional<Unit> activeUnit(String code) {
    return em
        .createQuery("select u from Unit u where u.code = :code and u.active = true", Unit.class)
        .setParameter("code", code)
        .getResultList()
        .stream()
        .findFirst();
  }
}
