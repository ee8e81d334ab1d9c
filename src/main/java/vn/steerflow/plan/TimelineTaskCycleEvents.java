package vn.steerflow.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.steerflow.workflow.delegate.TaskCycleEvents;

/**
 * Writes the steps the engine takes on its own (urging, marking overdue) into the task's timeline,
 * in the engine's transaction.
 */
@ApplicationScoped
public class TimelineTaskCycleEvents implements TaskCycleEvents {

  @Inject private Tasks tasks;

  @Override
  @Transactional
  public void unitUrged(String taskCode, int urgeCount) {
    tasks
        .byCode(taskCode)
        .ifPresent(
            task ->
                tasks.record(
                    task,
                    TimelineActions.SYSTEM_ACTOR,
                    TimelineActions.URGED,
                    "Reminder " + urgeCount + " sent to " + task.getLeadUnit().getCode()));
  }

  @Override
  @Transactional
  public void taskOverdue(String taskCode) {
    tasks
        .byCode(taskCode)
        .ifPresent(
            task ->
                tasks.record(
                    task,
                    TimelineActions.SYSTEM_ACTOR,
                    TimelineActions.OVERDUE,
                    "Deadline " + task.getDeadline() + " passed"));
  }
}
