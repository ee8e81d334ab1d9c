package vn.steerflow.workflow.delegate;

import java.time.Instant;

/**
 * What the periodic (REGULAR) way of the cycle reports to the application, which keeps each
 * period's record. The task code is the process instance's business key. Called inside the engine's
 * transaction: an exception rolls the step back (and a timer's job is retried).
 */
public interface ReportingPeriodEvents {

  /** Period {@code number} (from 1) of the task opened; its report is due by {@code end}. */
  void periodOpened(String taskCode, int number, Instant start, Instant end);

  /** Period {@code number} ended with no report from the lead unit. */
  void periodMissed(String taskCode, int number);

  /** The task's last period has closed: its reporting ran to its end. */
  void reportingEnded(String taskCode);
}
