package vn.steerflow.workflow.delegate;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import vn.steerflow.workflow.TaskCycleContract.Vars;

/**
 * Bean {@code markPeriodMissed}: tells the sink that the period in {@link Vars#PERIOD_NUMBER} was
 * missed.
 */
public final class MarkPeriodMissedDelegate implements JavaDelegate {

  private final ReportingPeriodEvents events;

  public MarkPeriodMissedDelegate(ReportingPeriodEvents events) {
    this.events = Objects.requireNonNull(events, "events");
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object number = execution.getVariable(Vars.PERIOD_NUMBER);
    if (!(number instanceof Number n)) {
      throw new IllegalStateException("no period is open: " + Vars.PERIOD_NUMBER + " is " + number);
    }
    events.periodMissed(execution.getProcessBusinessKey(), n.intValue());
  }
}
