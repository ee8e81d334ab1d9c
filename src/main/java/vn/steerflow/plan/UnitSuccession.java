package vn.steerflow.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import vn.steerflow.committee.Unit;
import vn.steerflow.committee.UnitMerged;
import vn.steerflow.security.audit.AuditAction;
import vn.steerflow.security.audit.AuditObject;
import vn.steerflow.security.audit.AuditTrail;
import vn.steerflow.security.audit.AuditValues;
import vn.steerflow.workflow.TaskCycleContract;
import vn.steerflow.workflow.WorkGroups;
import vn.steerflow.workflow.Workflow;

/**
 * When a unit is merged, its open work passes to its successor: the tasks it leads, and its part in
 * the tasks it coordinates while its contribution is still open. Finished work stays with the
 * merged unit, so its record reads as before. Runs inside the merge's transaction: the unit, the
 * tasks, their timelines and the engine steps change together or not at all.
 */
@ApplicationScoped
@Transactional
public class UnitSuccession {

  @PersistenceContext private EntityManager em;

  @Inject private Tasks tasks;

  @Inject private Workflow workflow;

  @Inject private AuditTrail audit;

  void takeOverOpenWork(@Observes UnitMerged event) {
    Unit merged = event.merged();
    Unit successor = event.successor();
    String because = merged.getCode() + " merged into " + successor.getCode();
    for (Task task : openTasksLedBy(merged)) {
      if (task.getCoordinatingUnits().contains(successor)) {
        // The successor cannot lead what it coordinates; a supervisor decides who carries it.
        tasks.record(
            task,
            event.actor(),
            TimelineActions.NOT_TRANSFERRED,
            because + ", which coordinates this task: a supervisor reassigns it");
        continue;
      }
      task.reassign(successor);
      tasks.record(
          task,
          event.actor(),
          TimelineActions.REASSIGNED,
          "from " + merged.getCode() + " to " + successor.getCode() + ": " + because);
      audit.record(
          AuditAction.TASK_REASSIGNED,
          AuditObject.TASK,
          task.getCode(),
          AuditValues.of("leadUnit", merged.getCode()),
          AuditValues.of("leadUnit", successor.getCode(), "reason", because));
      if (isRunning(task)) {
        workflow.reassignLeadUnit(
            task.getProcessInstanceId(),
            WorkGroups.unit(merged.getCode()),
            WorkGroups.unit(successor.getCode()));
        // a model with a unit-level review offers it to the lead unit's leaders: they move too
        workflow.reassignGroup(
            task.getProcessInstanceId(),
            TaskCycleContract.Vars.LEAD_UNIT_LEADER_GROUP,
            WorkGroups.unitLeaders(merged.getCode()),
            WorkGroups.unitLeaders(successor.getCode()));
      }
    }
    for (Task task : openTasksCoordinatedBy(merged)) {
      if (task.getLeadUnit().equals(successor)
          || task.getCoordinatingUnits().contains(successor)
          || !isRunning(task)) {
        continue; // the successor already has its own part; the merged unit's stays on record
      }
      int moved =
          workflow.moveOpenSteps(
              task.getProcessInstanceId(),
              WorkGroups.unit(merged.getCode()),
              WorkGroups.unit(successor.getCode()));
      if (moved > 0) {
        task.replaceCoordinatingUnit(merged, successor);
        audit.record(
            AuditAction.TASK_REASSIGNED,
            AuditObject.TASK,
            task.getCode(),
            AuditValues.of("coordinatingUnit", merged.getCode()),
            AuditValues.of("coordinatingUnit", successor.getCode(), "reason", because));
        tasks.record(
            task,
            event.actor(),
            TimelineActions.REASSIGNED,
            "coordination from "
                + merged.getCode()
                + " to "
                + successor.getCode()
                + ": "
                + because);
      }
    }
  }

  private boolean isRunning(Task task) {
    return task.getProcessInstanceId() != null && workflow.isRunning(task.getProcessInstanceId());
  }

  private List<Task> openTasksLedBy(Unit unit) {
    return em.createQuery(
            "select t from Task t where t.leadUnit = :unit and t.status = :open order by t.id",
            Task.class)
        .setParameter("unit", unit)
        .setParameter("open", TaskStatus.OPEN)
        .getResultList();
  }

  private List<Task> openTasksCoordinatedBy(Unit unit) {
    return em.createQuery(
            "select t from Task t join t.coordinatingUnits c"
                + " where c = :unit and t.status = :open order by t.id",
            Task.class)
        .setParameter("unit", unit)
        .setParameter("open", TaskStatus.OPEN)
        .getResultList();
  }
}
