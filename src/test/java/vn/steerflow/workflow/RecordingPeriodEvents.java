package vn.steerflow.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.steerflow.workflow.delegate.ReportingPeriodEvents;

/** The process tests' period records: what the period beans told the sink, in order. */
final class RecordingPeriodEvents implements ReportingPeriodEvents {

  private final List<String> events = new ArrayList<>();

  static String opened(String taskCode, int number, Instant start, Instant end) {
    return "opened " + taskCode + " #" + number + " " + start + ".." + end;
  }

  static String missed(String taskCode, int number) {
    return "missed " + taskCode + " #" + number;
  }

  static String ended(String taskCode) {
    return "ended " + taskCode;
  }

  @Override
  public synchronized void periodOpened(String taskCode, int number, Instant start, Instant end) {
    events.add(opened(taskCode, number, start, end));
  }

  @Override
  public synchronized void periodMissed(String taskCode, int number) {
    events.add(missed(taskCode, number));
  }

  @Override
  public synchronized void reportingEnded(String taskCode) {
    events.add(ended(taskCode));
  }

  synchronized List<String> all() {
    return List.copyOf(events);
  }

  synchronized void clear() {
    events.clear();
  }
}
