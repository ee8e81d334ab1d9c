package vn.steerflow.plan;

import java.time.Instant;
import java.util.Objects;

/**
 * A CDI event, fired synchronously inside the transaction that ends a task (cancelled, or its DONE
 * report approved, or its reporting over), so that what hangs on the task and is still open (a
 * reporting period, an extension request) is closed in the same commit. Observers live in the
 * packages that own those things, which is why this is an event rather than a call: {@code plan}
 * does not depend on {@code report}.
 */
public record TaskEnded(Task task, Instant at) {

  public TaskEnded {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(at, "at");
    if (task.getStatus() == TaskStatus.OPEN) {
      throw new IllegalArgumentException("task " + task.getCode() + " is still open");
    }
  }
}
