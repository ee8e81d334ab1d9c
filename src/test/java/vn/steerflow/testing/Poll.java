package vn.steerflow.testing;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting on a condition in tests: look, and look again after a short interval, until the condition
 * holds or the time-out passes. The condition is what a test waits for; the interval only spaces
 * the looks (timers, job executors and servers run on their own threads and clocks). The one place
 * tests pause.
 */
public final class Poll {

  private Poll() {}

  /** Probes until {@code done} accepts the value; returns it, or fails naming what was awaited. */
  public static <T> T until(
      String what, Duration timeout, Duration interval, Supplier<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T value = probe.get();
    while (!done.test(value)) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "Not reached within " + timeout + ": " + what + "; last value: " + value);
      }
      between(interval);
      value = probe.get();
    }
    return value;
  }

  /** The interval between two looks of a poll that checks more than one thing per look. */
  public static void between(Duration interval) {
    try {
      Thread.sleep(interval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while polling", e);
    }
  }
}
