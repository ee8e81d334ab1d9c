package vn.steerflow.workflow.delegate;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import vn.steerflow.workflow.TaskCycleContract.Vars;

/**
 * Bean {@code urgeUnit}: counts one more urge in {@link Vars#URGE_COUNT} (Integer, absent means
 * none yet) and tells the sink.
 */
public final class UrgeUnitDelegate implements JavaDelegate {

  private final TaskCycleEvents events;

  public UrgeUnitDelegate(TaskCycleEvents events) {
    this.events = Objects.requireNonNull(events, "events");
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object previous = execution.getVariable(Vars.URGE_COUNT);
    int urgeCount = (previous instanceof Number number ? number.intValue() : 0) + 1;
    execution.setVariable(Vars.URGE_COUNT, Integer.valueOf(urgeCount));
    events.unitUrged(execution.getProcessBusinessKey(), urgeCount);
  }
}
