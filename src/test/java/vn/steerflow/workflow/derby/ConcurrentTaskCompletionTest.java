package vn.steerflow.workflow.derby;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.steerflow.workflow.derby.ConcurrentTestSupport.race;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.steerflow.workflow.derby.ConcurrentTestSupport.FlushGate;
import vn.steerflow.workflow.derby.ConcurrentTestSupport.Outcome;
import vn.steerflow.workflow.derby.ConcurrentTestSupport.SharedEngine;
import vn.steerflow.workflow.derby.ConcurrentTestSupport.SharedEngineExtension;

/**
 * Two users acting on the same process instance at the same moment, on Derby. Each race is made
 * certain by the flush gate: both commands have read the same state before either writes.
 * Afterwards the database must hold the outcome of exactly one completion (or one join), whatever
 * Derby did in between.
 */
@Timeout(60)
@ExtendWith(SharedEngineExtension.class)
class ConcurrentTaskCompletionTest {

  private static final String SEQUENCE = "concurrentSequence";
  private static final String JOIN = "concurrentJoin";

  private static ProcessEngine engine;
  private static FlushGate gate;

  @BeforeAll
  static void deploy(SharedEngine shared) {
    engine = shared.engine;
    gate = shared.gate;
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            SEQUENCE + ".bpmn",
            Bpmn.createExecutableProcess(SEQUENCE)
                .camundaHistoryTimeToLive(1)
                .startEvent("start")
                .userTask("review")
                .userTask("next")
                .endEvent("end")
                .done())
        .addModelInstance(
            JOIN + ".bpmn",
            Bpmn.createExecutableProcess(JOIN)
                .camundaHistoryTimeToLive(1)
                .startEvent("start")
                .parallelGateway("fork")
                .userTask("branchA")
                .parallelGateway("join")
                .userTask("after")
                .endEvent("end")
                .moveToNode("fork")
                .userTask("branchB")
                .connectTo("join")
                .done())
        .deploy();
  }

  @RepeatedTest(3)
  void twoUsersCompletingTheSameTaskAtOnceCompleteItOnceAndTheLoserGetsAConflict()
      throws Exception {
    String instance = engine.getRuntimeService().startProcessInstanceByKey(SEQUENCE).getId();
    String review = task(instance, "review").getId();

    List<Outcome<Void>> outcomes = raceCompletions(review, review);

    assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
    assertThat(outcomes)
        .filteredOn(o -> !o.succeeded())
        .singleElement()
        .extracting(Outcome::failure)
        .isInstanceOf(OptimisticLockingException.class);

    // Exactly one completion in the database.
    assertThat(
            engine
                .getHistoryService()
                .createHistoricTaskInstanceQuery()
                .processInstanceId(instance)
                .taskDefinitionKey("review")
                .list())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.getEndTime()).isNotNull();
              assertThat(t.getDeleteReason()).isEqualTo("completed");
            });
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).list())
        .extracting(Task::getTaskDefinitionKey)
        .containsExactly("next");
    assertThat(activityCounts(instance)).isEqualTo(Map.of("start", 1L, "review", 1L, "next", 1L));
    assertThat(
            engine.getRuntimeService().createExecutionQuery().processInstanceId(instance).count())
        .isEqualTo(1);
  }

  @RepeatedTest(3)
  void bothBranchesCompletedAtOnceFireTheParallelJoinExactlyOnce() throws Exception {
    // The same process run one step after the other is the reference for what the history must
    // hold.
    String reference = engine.getRuntimeService().startProcessInstanceByKey(JOIN).getId();
    engine.getTaskService().complete(task(reference, "branchA").getId());
    engine.getTaskService().complete(task(reference, "branchB").getId());

    String instance = engine.getRuntimeService().startProcessInstanceByKey(JOIN).getId();
    String branchA = task(instance, "branchA").getId();
    String branchB = task(instance, "branchB").getId();

    // Each branch arrives at the join seeing the other still busy, so neither alone fires it; the
    // engine
    // makes both update the common parent execution so that one of them must lose.
    List<Outcome<Void>> outcomes = raceCompletions(branchA, branchB);

    assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
    Outcome<Void> lost = outcomes.stream().filter(o -> !o.succeeded()).findFirst().orElseThrow();
    assertThat(lost.failure()).isInstanceOf(OptimisticLockingException.class);
    // A client retries its own request on a conflict: now it sees the other branch waiting at the
    // join.
    String loserTask = outcomes.get(0).succeeded() ? branchB : branchA;
    engine.getTaskService().complete(loserTask);

    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).list())
        .extracting(Task::getTaskDefinitionKey)
        .containsExactly("after");
    assertThat(activityCounts(instance))
        .isEqualTo(activityCounts(reference))
        .containsEntry("after", 1L);
    assertThat(
            engine.getRuntimeService().createExecutionQuery().processInstanceId(instance).count())
        .isEqualTo(
            engine.getRuntimeService().createExecutionQuery().processInstanceId(reference).count())
        .isEqualTo(1);

    // And the instance ends normally, like the reference.
    engine.getTaskService().complete(task(instance, "after").getId());
    engine.getTaskService().complete(task(reference, "after").getId());
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceIds(Set.of(instance, reference))
                .completed()
                .count())
        .isEqualTo(2);
    assertThat(activityCounts(instance))
        .isEqualTo(activityCounts(reference))
        .containsEntry("end", 1L);
    assertThat(
            engine.getRuntimeService().createExecutionQuery().processInstanceId(instance).count())
        .isZero();
  }

  private static List<Outcome<Void>> raceCompletions(String firstTask, String secondTask)
      throws InterruptedException {
    gate.armRace(CompleteTaskCmd.class);
    try {
      return race(List.of(complete(firstTask), complete(secondTask)));
    } finally {
      gate.disarm();
    }
  }

  private static Callable<Void> complete(String taskId) {
    return () -> {
      engine.getTaskService().complete(taskId);
      return null;
    };
  }

  /** How many historic activity instances the process instance has, per activity. */
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

  private static Task task(String instance, String key) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(instance)
        .taskDefinitionKey(key)
        .singleResult();
  }
}
