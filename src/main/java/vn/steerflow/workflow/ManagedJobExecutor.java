package vn.steerflow.workflow;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

/**
 * Runs the engine's job acquisition and jobs on the container's managed threads, so that timers and
 * asynchronous steps run with the application's context (JNDI, CDI, JTA) like any request does, and
 * the container can account for and stop them.
 */
final class ManagedJobExecutor extends JobExecutor {

  private final ManagedExecutorService executor;
  private final ManagedThreadFactory threadFactory;

  ManagedJobExecutor(ManagedExecutorService executor, ManagedThreadFactory threadFactory) {
    this.executor = executor;
    this.threadFactory = threadFactory;
  }

  @Override
  protected void startExecutingJobs() {
    if (jobAcquisitionThread == null) {
      jobAcquisitionThread = threadFactory.newThread(acquireJobsRunnable);
      jobAcquisitionThread.setName(getName());
      jobAcquisitionThread.start();
    }
  }

  @Override
  protected void stopExecutingJobs() {
    stopJobAcquisitionThread();
  }

  @Override
  public void executeJobs(List<String> jobIds, ProcessEngineImpl processEngine) {
    try {
      executor.execute(getExecuteJobsRunnable(jobIds, processEngine));
    } catch (RejectedExecutionException e) {
      logRejectedExecution(processEngine, jobIds.size());
      rejectedJobsHandler.jobsRejected(jobIds, processEngine, this);
    }
  }
}
