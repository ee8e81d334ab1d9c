package vn.steerflow.workflow.derby;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.steerflow.workflow.derby.ConcurrentTestSupport.WAIT;
import static vn.steerflow.workflow.derby.ConcurrentTestSupport.awaitCondition;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.steerflow.workflow.derby.ConcurrentTestSupport.SharedEngine;
import vn.steerflow.workflow.derby.ConcurrentTestSupport.SharedEngineExtension;

/**
 * The job executor running two jobs of one process instance at once on Derby: two asynchronous,
 * non-exclusive service tasks on parallel branches that meet in a join. Both jobs are made to be
 * inside their transactions together, so both reach the join and one must lose. The loser must be
 * retried as a lost race (an optimistic-locking failure), not counted as a failure: no retries used
 * up, no incident.
 */
@Timeout(60)
@ExtendWith(SharedEngineExtension.class)
class ConcurrentJobExecutionTest {

  private static final String PROCESS = "concurrentJobs";
  private static final String READER = "variableReadingJob";
  private static final int DEFAULT_RETRIES = 3;

  private static ProcessEngine engine;
  private static Path folder;

  @BeforeAll
  static void deploy(SharedEngine shared) {
    engine = shared.engine;
    folder = shared.folder;
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            READER + ".bpmn",
            Bpmn.createExecutableProcess(READER)
                .camundaHistoryTimeToLive(1)
                .startEvent("start")
                .serviceTask("read")
                .camundaAsyncBefore()
                .camundaExpression("${execution.getVariable('decision')}")
                .endEvent("end")
                .done())
        .addModelInstance(
            PROCESS + ".bpmn",
            Bpmn.createExecutableProcess(PROCESS)
                .camundaHistoryTimeToLive(1)
                .startEvent("start")
                .parallelGateway("fork")
                .serviceTask("jobA")
                .camundaAsyncBefore()
                .camundaExclusive(false)
                .camundaClass(Rendezvous.class.getName())
                .parallelGateway("join")
                .endEvent("end")
                .moveToNode("fork")
                .serviceTask("jobB")
                .camundaAsyncBefore()
                .camundaExclusive(false)
                .camundaClass(Rendezvous.class.getName())
                .connectTo("join")
                .done())
        .deploy();
  }

  @Test
  void twoJobsJoiningAtOnceCompleteTheProcessWithoutUsingUpRetriesOrRaisingIncidents()
      throws Exception {
    // Reference: the same process with its jobs run one after the other.
    String reference = engine.getRuntimeService().startProcessInstanceByKey(PROCESS).getId();
    for (Job job :
        engine.getManagementService().createJobQuery().processInstanceId(reference).list()) {
      engine.getManagementService().executeJob(job.getId());
    }
    assertThat(finished(reference)).isTrue();

    JobExecutor jobExecutor =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    Rendezvous.arm(2);
    String instance;
    try {
      jobExecutor.start();
      instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS).getId();
      awaitCondition("the process instance to end", () -> finished(instance));
    } finally {
      jobExecutor.shutdown();
      Rendezvous.disarm();
    }

    assertThat(Rendezvous.met).as("both jobs were in their transactions at the same time").isTrue();
    HistoryService history = engine.getHistoryService();
    List<HistoricJobLog> log =
        history.createHistoricJobLogQuery().processInstanceId(instance).list();
    List<HistoricJobLog> failures = log.stream().filter(HistoricJobLog::isFailureLog).toList();
    // The race was real: one job lost it at least once ...
    assertThat(failures).isNotEmpty();
    // ... and every failure was a lost race, which the job executor retries without counting it.
    for (HistoricJobLog failure : failures) {
      assertThat(history.getHistoricJobLogExceptionStacktrace(failure.getId()))
          .contains("OptimisticLockingException");
    }
    assertThat(log).extracting(HistoricJobLog::getJobRetries).containsOnly(DEFAULT_RETRIES);
    assertThat(
            log.stream()
                .filter(HistoricJobLog::isSuccessLog)
                .map(HistoricJobLog::getActivityId)
                .sorted()
                .toList())
        .containsExactly("jobA", "jobB");
    assertThat(history.createHistoricIncidentQuery().processInstanceId(instance).count()).isZero();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance).count())
        .isZero();

    // Nothing lost, nothing doubled: the same history as the reference run.
    assertThat(activityCounts(instance))
        .isEqualTo(activityCounts(reference))
        .containsEntry("end", 1L);
  }

  @Test
  void aJobThatLosesARaceOnADerbyLockIsRetriedWithoutUsingUpARetry() throws Exception {
    String instance =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(READER, Map.of("decision", "approve"))
            .getId();
    JobExecutor jobExecutor =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();

    ConcurrentTestSupport.setLockWaitTimeout(folder, 1);
    try (Connection holder = ConcurrentTestSupport.connect(folder)) {
      // Another transaction holds the variable the job reads: the job's read times out (Derby
      // 40XL1).
      holder.setAutoCommit(false);
      try (PreparedStatement lock =
          holder.prepareStatement(
              "UPDATE ACT_RU_VARIABLE SET REV_ = REV_ WHERE PROC_INST_ID_ = ? AND NAME_ = 'decision'")) {
        lock.setString(1, instance);
        assertThat(lock.executeUpdate()).isEqualTo(1);
      }
      jobExecutor.start();
      awaitCondition(
          "the job's first failure",
          () ->
              engine
                      .getHistoryService()
                      .createHistoricJobLogQuery()
                      .processInstanceId(instance)
                      .failureLog()
                      .count()
                  > 0);
      holder.rollback();
      awaitCondition("the process instance to end", () -> finished(instance));
    } finally {
      jobExecutor.shutdown();
      ConcurrentTestSupport.setLockWaitTimeout(folder, SharedEngine.LOCK_WAIT_SECONDS);
    }

    HistoryService history = engine.getHistoryService();
    List<HistoricJobLog> log =
        history.createHistoricJobLogQuery().processInstanceId(instance).list();
    HistoricJobLog failure =
        log.stream().filter(HistoricJobLog::isFailureLog).findFirst().orElseThrow();
    assertThat(history.getHistoricJobLogExceptionStacktrace(failure.getId()))
        .contains(DerbyDatabase.SQLSTATE_LOCK_TIMEOUT);
    assertThat(log).extracting(HistoricJobLog::getJobRetries).containsOnly(DEFAULT_RETRIES);
    assertThat(log).filteredOn(HistoricJobLog::isSuccessLog).hasSize(1);
    assertThat(history.createHistoricIncidentQuery().processInstanceId(instance).count()).isZero();
  }

  private static boolean finished(String instance) {
    return engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(instance)
            .finished()
            .count()
        == 1;
  }

  private static Map<String, Long> activityCounts(String instance) {
    return engine
        .getHistoryService()
        .createHistoricActivityInstanceQuery()
        .processInstanceId(instance)
        .list()
        .stream()
        .collect(
            Collectors.groupingBy(
                HistoricActivityInstance::getActivityId, TreeMap::new, Collectors.counting()));
  }

  /**
   * The service tasks' delegate: when armed, each job's first run waits until the other job's run
   * has come this far too (bounded), so that both are inside their transactions together. Retries
   * pass straight through, as the latch is then open.
   */
  public static class Rendezvous implements JavaDelegate {

    private static volatile CountDownLatch arrivals = new CountDownLatch(0);
    static volatile boolean met;
    private static final AtomicBoolean armed = new AtomicBoolean();

    static void arm(int jobs) {
      met = false;
      arrivals = new CountDownLatch(jobs);
      armed.set(true);
    }

    static void disarm() {
      armed.set(false);
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
      if (!armed.get()) {
        return;
      }
      CountDownLatch latch = arrivals;
      latch.countDown();
      if (latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
        met = true;
      }
    }
  }
}
