package vn.steerflow.workflow.derby;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.steerflow.workflow.derby.EngineFeatureSupport.awaitCondition;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Timers fired by the running job executor on Derby: the executor's acquisition query (due date,
 * lock owner and expiry, OFFSET/FETCH), the lock update, the execution and the job log all run on
 * Derby, in threads of their own next to the test's queries. The engine clock is left alone: these
 * timers fire in real time.
 */
class EngineFeatureJobExecutorTest {

  private static final Path FOLDER = DerbyTestEngines.newDatabaseFolder("job-executor");
  // Not final: the extension injects its engine (this same one) into every field of type
  // ProcessEngine.
  private static ProcessEngine ENGINE = buildEngine();

  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  /** Generous on a busy machine; a fired timer normally shows within about two seconds. */
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private final RuntimeService runtimeService = ENGINE.getRuntimeService();
  private final HistoryService historyService = ENGINE.getHistoryService();

  private static ProcessEngine buildEngine() {
    StandaloneProcessEngineConfiguration configuration =
        DerbyTestEngines.configuration("engine-feature-job-executor", FOLDER);
    EngineFeatureSupport.activateQuickJobExecutor(configuration);
    return configuration.buildProcessEngine();
  }

  @BeforeAll
  static void deployProcesses() {
    ENGINE
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            "reminder.bpmn",
            Bpmn.createExecutableProcess("reminder")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("answer")
                .boundaryEvent("reminderTimer")
                .timerWithDuration("PT1S")
                .userTask("escalate")
                .endEvent("escalated")
                .moveToActivity("answer")
                .endEvent("answered")
                .done())
        .addModelInstance(
            "pause.bpmn",
            Bpmn.createExecutableProcess("pause")
                .camundaHistoryTimeToLive(1)
                .startEvent("begin")
                .intermediateCatchEvent("wait")
                .timerWithDuration("PT1S")
                .endEvent("done")
                .done())
        .deploy();
  }

  @BeforeEach
  void useThisEngineForAssertions() {
    BpmnAwareTests.init(ENGINE);
  }

  @AfterEach
  void forgetEngineForAssertions() {
    BpmnAwareTests.reset();
  }

  @AfterAll
  static void closeEngine() {
    // Also stops the job executor's threads.
    ENGINE.close();
  }

  @Test
  void boundaryTimerDueInOneSecondIsFiredByTheJobExecutorAndInterruptsTheTask() {
    assertThat(extension.getProcessEngineConfiguration().getJobExecutor().isActive()).isTrue();

    ProcessInstance instance = runtimeService.startProcessInstanceByKey("reminder");

    awaitCondition(
        "the reminder timer has moved the instance to 'escalate'",
        DEADLINE,
        () ->
            historyService
                    .createHistoricActivityInstanceQuery()
                    .processInstanceId(instance.getId())
                    .activityId("escalate")
                    .count()
                == 1);

    BpmnAwareTests.assertThat(instance)
        .isWaitingAtExactly("escalate")
        .hasPassed("reminderTimer")
        .hasNotPassed("answered");
    assertThat(
            historyService
                .createHistoricTaskInstanceQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey("answer")
                .finished()
                .count())
        .as("the interrupted task is ended")
        .isEqualTo(1);
    assertTimerRanOnceAfterItsDueDate(instance);
  }

  @Test
  void intermediateTimersOfSeveralInstancesAllFireAndTheInstancesEnd() {
    List<ProcessInstance> instances = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      instances.add(runtimeService.startProcessInstanceByKey("pause", "P-" + i));
    }
    List<String> ids = instances.stream().map(ProcessInstance::getId).toList();

    awaitCondition(
        "all four 'pause' instances have ended",
        DEADLINE,
        () ->
            historyService
                    .createHistoricProcessInstanceQuery()
                    .processInstanceIds(new HashSet<>(ids))
                    .finished()
                    .count()
                == 4);

    for (ProcessInstance instance : instances) {
      BpmnAwareTests.assertThat(instance).isEnded().hasPassedInOrder("begin", "wait", "done");
      assertTimerRanOnceAfterItsDueDate(instance);
    }
    assertThat(ENGINE.getManagementService().createJobQuery().processDefinitionKey("pause").count())
        .isZero();
  }

  /**
   * The job log tells when the timer was due (one second after it was created) and that it ran
   * successfully once, not before it was due.
   */
  private void assertTimerRanOnceAfterItsDueDate(ProcessInstance instance) {
    HistoricJobLog created =
        historyService
            .createHistoricJobLogQuery()
            .processInstanceId(instance.getId())
            .creationLog()
            .singleResult();
    long delay = created.getJobDueDate().getTime() - created.getTimestamp().getTime();
    assertThat(delay).as("due date relative to the timer's creation").isBetween(900L, 1100L);

    List<HistoricJobLog> succeeded =
        historyService
            .createHistoricJobLogQuery()
            .processInstanceId(instance.getId())
            .successLog()
            .list();
    assertThat(succeeded).hasSize(1);
    assertThat(succeeded.get(0).getJobId()).isEqualTo(created.getJobId());
    assertThat(succeeded.get(0).getTimestamp()).isAfterOrEqualTo(created.getJobDueDate());
  }
}
