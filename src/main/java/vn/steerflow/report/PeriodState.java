package vn.steerflow.report;

/**
 * Where a REGULAR task's reporting period stands. A period is judged on its own: ON_TIME when the
 * report the supervisor approved for it was submitted by the period's end, LATE when it was
 * submitted after (the first report came in time but was returned and sent again late), MISSED when
 * no report came by the end, CANCELLED when the task was cancelled while the period was open.
 */
public enum PeriodState {
  OPEN,
  ON_TIME,
  LATE,
  MISSED,
  CANCELLED
}
