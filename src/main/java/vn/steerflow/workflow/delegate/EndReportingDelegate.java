package vn.steerflow.workflow.delegate;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Bean {@code endReporting}: tells the sink that the task's last period has closed. */
public final class EndReportingDelegate implements JavaDelegate {

  private final ReportingPeriodEvents events;

  public EndReportingDelegate(ReportingPeriodEvents events) {
    this.events = Objects.requireNonNull(events, "events");
  }

  @Override
  public void execute(DelegateExecution execution) {
    events.reportingEnded(execution.getProcessBusinessKey());
  }
}
