package vn.steerflow.workflow.delegate;

import java.time.Instant;
import java.time.temporal.TemporalAmount;
import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import vn.steerflow.workflow.ReportingCalendar;
import vn.steerflow.workflow.TaskCycleContract.Vars;

/**
 * Bean {@code openPeriod}: opens the next period of a REGULAR task. Reads {@link
 * Vars#REPORTING_FROM}, {@link Vars#REPORTING_PERIOD}, {@link Vars#REPORTING_UNTIL} and the last
 * {@link Vars#PERIOD_NUMBER} (absent before the first period); sets the new period's number, start,
 * end, whether it is the last, and {@link Vars#URGE_AT} for its urge timer; tells the sink.
 */
public final class OpenPeriodDelegate implements JavaDelegate {

  private final ReportingPeriodEvents events;

  public OpenPeriodDelegate(ReportingPeriodEvents events) {
    this.events = Objects.requireNonNull(events, "events");
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant from = instant(execution, Vars.REPORTING_FROM);
    Instant until = instant(execution, Vars.REPORTING_UNTIL);
    String periodText = (String) execution.getVariable(Vars.REPORTING_PERIOD);
    TemporalAmount period =
        ReportingCalendar.period(periodText)
            .orElseThrow(
                () -> new IllegalStateException("no reporting period in '" + periodText + "'"));
    Object previous = execution.getVariable(Vars.PERIOD_NUMBER);
    int number = (previous instanceof Number n ? n.intValue() : 0) + 1;

    Instant start = ReportingCalendar.periodStart(from, period, number);
    Instant end = ReportingCalendar.periodEnd(from, period, until, number);
    if (!end.isAfter(start)) {
      // the model asked for a period after the last one: a model error, not a period of no length
      throw new IllegalStateException(
          "period " + number + " would start at or after the end of reporting " + until);
    }
    execution.setVariable(Vars.PERIOD_NUMBER, Integer.valueOf(number));
    execution.setVariable(Vars.PERIOD_START, Date.from(start));
    execution.setVariable(Vars.PERIOD_END, Date.from(end));
    execution.setVariable(Vars.LAST_PERIOD, Boolean.valueOf(!end.isBefore(until)));
    execution.setVariable(Vars.URGE_AT, Date.from(ReportingCalendar.urgeAt(start, end)));
    events.periodOpened(execution.getProcessBusinessKey(), number, start, end);
  }

  private static Instant instant(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (!(value instanceof Date date)) {
      throw new IllegalStateException("variable " + name + " must be a date, is " + value);
    }
    return date.toInstant();
  }
}
