package vn.steerflow.workflow.delegate;

/**
 * What the task cycle's service steps report to the application, which writes them to the task's
 * timeline and notifies people. The task code is the process instance's business key. Called inside
 * the engine's transaction: an exception rolls the step back and the job is retried.
 */
public interface TaskCycleEvents {

  /** The lead unit of the task was urged; {@code urgeCount} counts this urge. */
  void unitUrged(String taskCode, int urgeCount);

  /** The task's deadline passed before the task was done. */
  void taskOverdue(String taskCode);
}
