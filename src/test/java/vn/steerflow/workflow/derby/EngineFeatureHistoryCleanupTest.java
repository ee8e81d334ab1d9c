package vn.steerflow.workflow.derby;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.steerflow.workflow.derby.EngineFeatureSupport.at;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Removal-time-based history cleanup on Derby: removal times written when an instance ends (the
 * chunked {@code update...ByRootProcessInstanceId} statements the dialect takes from PostgreSQL),
 * the cleanup job's deletes by removal time and minute of the hour (DB2's sub-select deletes,
 * Derby's MINUTE()), and a batch that sets removal times in chunks ({@code UPDATE ... WHERE ID_ IN
 * (SELECT ... FETCH FIRST n ROWS ONLY)}).
 */
class EngineFeatureHistoryCleanupTest {

  private static final Path FOLDER = DerbyTestEngines.newDatabaseFolder("history-cleanup");
  // Not final: the extension injects its engine (this same one) into every field of type
  // ProcessEngine.
  private static ProcessEngine ENGINE = buildEngine();

  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  /** History kept five days after the end. */
  private static final String SHORT_LIVED = "shortLived";

  /** History kept thirty days after the end. */
  private static final String LONG_LIVED = "longLived";

  private final RuntimeService runtimeService = ENGINE.getRuntimeService();
  private final TaskService taskService = ENGINE.getTaskService();
  private final HistoryService historyService = ENGINE.getHistoryService();
  private final ManagementService managementService = ENGINE.getManagementService();

  private static ProcessEngine buildEngine() {
    StandaloneProcessEngineConfiguration configuration =
        DerbyTestEngines.configuration("engine-feature-history-cleanup", FOLDER);
    configuration.setHistoryRemovalTimeStrategy(
        ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_END);
    configuration.setHistoryCleanupStrategy(
        ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
    return configuration.buildProcessEngine();
  }

  @BeforeAll
  static void deployProcesses() {
    for (String key : List.of(SHORT_LIVED, LONG_LIVED)) {
      int ttlDays = SHORT_LIVED.equals(key) ? 5 : 30;
      ENGINE
          .getRepositoryService()
          .createDeployment()
          .addModelInstance(
              key + ".bpmn",
              Bpmn.createExecutableProcess(key)
                  .camundaHistoryTimeToLive(ttlDays)
                  .startEvent()
                  .userTask("work")
                  .endEvent()
                  .done())
          .deploy();
    }
  }

  @AfterAll
  static void closeEngine() {
    ENGINE.close();
  }

  @Test
  void cleanupRemovesHistoryPastItsRemovalTimeAndKeepsUnexpiredAndRunningInstances() {
    ClockUtil.setCurrentTime(at(2025, 7, 1, 10, 0));
    ProcessInstance short1 = start(SHORT_LIVED);
    ProcessInstance short2 = start(SHORT_LIVED);
    ProcessInstance shortRunning = start(SHORT_LIVED);
    ProcessInstance long1 = start(LONG_LIVED);
    ClockUtil.setCurrentTime(at(2025, 7, 1, 11, 0));
    for (ProcessInstance instance : List.of(short1, short2, long1)) {
      complete(instance);
    }

    // Strategy "end": the removal time is end time plus time to live, on every historic row of the
    // instance.
    assertThat(removalTimesOf(short1.getId())).containsOnly(at(2025, 7, 6, 11, 0));
    assertThat(removalTimesOf(long1.getId())).containsOnly(at(2025, 7, 31, 11, 0));
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(shortRunning.getId())
                .singleResult()
                .getRemovalTime())
        .isNull();
    Set<String> shortEnded = Set.of(short1.getId(), short2.getId());
    long bytesBefore = byteArrayRows();

    // Past the short instances' removal time, before the long one's.
    ClockUtil.setCurrentTime(at(2025, 7, 10, 12, 0));
    runHistoryCleanup();

    for (String id : shortEnded) {
      assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(id).count())
          .isZero();
      assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(id).count())
          .isZero();
      assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(id).count())
          .isZero();
      assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(id).count())
          .isZero();
      assertThat(historyService.createHistoricDetailQuery().processInstanceId(id).count()).isZero();
    }
    // Each ended short instance had a byte variable: its historic copy and its update detail are
    // gone.
    assertThat(byteArrayRows()).isEqualTo(bytesBefore - 2L * 2);

    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(long1.getId())
                .count())
        .isEqualTo(1);
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(long1.getId())
                .count())
        .isEqualTo(3);
    assertThat(
            historyService
                .createHistoricTaskInstanceQuery()
                .processInstanceId(long1.getId())
                .count())
        .isEqualTo(1);
    HistoricVariableInstance keptBytes =
        historyService
            .createHistoricVariableInstanceQuery()
            .processInstanceId(long1.getId())
            .variableName("scan")
            .singleResult();
    assertThat((byte[]) keptBytes.getValue()).containsExactly(1, 2, 3, 4);
    // A running instance has no removal time yet, so nothing of it may go.
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(shortRunning.getId())
                .unfinished()
                .count())
        .isEqualTo(1);
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(shortRunning.getId())
                .count())
        .isEqualTo(3);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(shortRunning.getId())
                .count())
        .isEqualTo(1);
  }

  @Test
  void removalTimeSetInChunksByABatchIsWrittenChunkByChunkAndHonouredByTheCleanup() {
    ClockUtil.setCurrentTime(at(2025, 8, 1, 10, 0));
    ProcessInstance early = start(LONG_LIVED);
    ProcessInstance kept = start(LONG_LIVED);
    ClockUtil.setCurrentTime(at(2025, 8, 1, 11, 0));
    complete(early);
    complete(kept);
    assertThat(removalTimesOf(early.getId())).containsOnly(at(2025, 8, 31, 11, 0));

    Date earlier = at(2025, 8, 5, 0, 0);
    Batch batch =
        historyService
            .setRemovalTimeToHistoricProcessInstances()
            .absoluteRemovalTime(earlier)
            .byQuery(
                historyService
                    .createHistoricProcessInstanceQuery()
                    .processInstanceId(early.getId()))
            .updateInChunks()
            .chunkSize(2)
            .executeAsync();
    executeJobsOf(batch.getSeedJobDefinitionId());

    // One run of the batch job updates at most two rows per table: two of the three activity
    // instances.
    executeJobsOf(batch.getBatchJobDefinitionId());
    assertThat(activityRemovalTimes(early.getId())).filteredOn(earlier::equals).hasSize(2);

    // It repeats until a chunk comes back short; then the monitor job ends the batch.
    for (int run = 0;
        run < 10
            && managementService
                    .createJobQuery()
                    .jobDefinitionId(batch.getBatchJobDefinitionId())
                    .count()
                > 0;
        run++) {
      executeJobsOf(batch.getBatchJobDefinitionId());
    }
    executeJobsOf(batch.getMonitorJobDefinitionId());
    assertThat(managementService.createBatchQuery().batchId(batch.getId()).count()).isZero();
    assertThat(removalTimesOf(early.getId())).containsOnly(earlier);
    assertThat(removalTimesOf(kept.getId())).containsOnly(at(2025, 8, 31, 11, 0));

    ClockUtil.setCurrentTime(at(2025, 8, 6, 0, 0));
    runHistoryCleanup();
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(early.getId())
                .count())
        .isZero();
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(early.getId())
                .count())
        .isZero();
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(kept.getId())
                .count())
        .isEqualTo(1);
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(kept.getId())
                .count())
        .isEqualTo(3);
  }

  private ProcessInstance start(String key) {
    return runtimeService.startProcessInstanceByKey(
        key,
        Variables.createVariables()
            .putValue("customer", "Acme")
            .putValue("amount", 42)
            .putValue("scan", new byte[] {1, 2, 3, 4}));
  }

  private void complete(ProcessInstance instance) {
    taskService.complete(
        taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());
  }

  /** The removal times on the instance's historic process, activity, task and variable rows. */
  private List<Date> removalTimesOf(String processInstanceId) {
    List<Date> times = new ArrayList<>();
    times.add(
        historyService
            .createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .singleResult()
            .getRemovalTime());
    times.addAll(activityRemovalTimes(processInstanceId));
    historyService
        .createHistoricTaskInstanceQuery()
        .processInstanceId(processInstanceId)
        .list()
        .forEach(t -> times.add(t.getRemovalTime()));
    historyService
        .createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId)
        .list()
        .forEach(v -> times.add(v.getRemovalTime()));
    return times;
  }

  private List<Date> activityRemovalTimes(String processInstanceId) {
    return historyService
        .createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId)
        .list()
        .stream()
        .map(HistoricActivityInstance::getRemovalTime)
        .toList();
  }

  /** Makes the history cleanup job due now and executes it, as the job executor would. */
  private void runHistoryCleanup() {
    historyService.cleanUpHistoryAsync(true);
    List<Job> cleanupJobs = historyService.findHistoryCleanupJobs();
    assertThat(cleanupJobs).isNotEmpty();
    for (Job job : cleanupJobs) {
      managementService.executeJob(job.getId());
    }
  }

  private void executeJobsOf(String jobDefinitionId) {
    List<Job> jobs = managementService.createJobQuery().jobDefinitionId(jobDefinitionId).list();
    assertThat(jobs).as("jobs of definition %s", jobDefinitionId).isNotEmpty();
    jobs.stream()
        .sorted(Comparator.comparing(Job::getId))
        .forEach(job -> managementService.executeJob(job.getId()));
  }

  private long byteArrayRows() {
    return managementService.getTableCount().get("ACT_GE_BYTEARRAY");
  }
}
