package vn.steerflow.workflow.delegate;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import vn.steerflow.workflow.TaskCycleContract.Vars;

/** Bean {@code markOverdue}: sets {@link Vars#OVERDUE} to {@code true} and tells the sink. */
public final class MarkOverdueDelegate implements JavaDelegate {

  private final TaskCycleEvents events;

  public MarkOverdueDelegate(TaskCycleEvents events) {
    this.events = Objects.requireNonNull(events, "events");
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(Vars.OVERDUE, Boolean.TRUE);
    events.taskOverdue(execution.getProcessBusinessKey());
  }
}
