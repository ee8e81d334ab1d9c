package vn.steerflow.workflow.derby;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.steerflow.workflow.derby.EngineFeatureSupport.awaitCondition;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An engine restarted on the same Derby folder finds everything the first one left: the second
 * engine is built on a database that was shut down and is booted again from its files, as after a
 * JVM restart. It must also recognise the existing schema rather than try to create it again.
 *
 * <p>This test builds its two engines itself (one per life), so it does without the
 * ProcessEngineExtension, which serves one engine for a whole class.
 */
class EngineFeatureRestartTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @AfterEach
  void resetClockAndAssertions() {
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void
      engineRestartedOnTheSameFolderKeepsInstancesTasksVariablesAndTimerJobsAndTheTimerStillFires() {
    Path folder = DerbyTestEngines.newDatabaseFolder("restart");
    List<String> contractIds = new ArrayList<>();
    Map<String, List<String>> before;

    ProcessEngine first = DerbyTestEngines.build("engine-feature-restart-first", folder);
    try {
      createWork(first, contractIds);
      before = snapshot(first);
    } finally {
      first.close();
    }
    // Close Derby too, so that the second engine reads the database back from disk.
    EngineFeatureSupport.shutDownDerby(folder);

    StandaloneProcessEngineConfiguration configuration =
        DerbyTestEngines.configuration("engine-feature-restart-second", folder);
    EngineFeatureSupport.activateQuickJobExecutor(configuration);
    ProcessEngine second = configuration.buildProcessEngine();
    try {
      BpmnAwareTests.init(second);
      // The timers are due in an hour, so the running job executor leaves them alone while we
      // compare.
      Map<String, List<String>> after = snapshot(second);
      assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
      before.forEach(
          (section, lines) ->
              assertThat(after.get(section)).as(section).containsExactlyElementsOf(lines));
      assertThat(before.get("jobs")).hasSize(3);
      assertThat(before.get("tasks")).hasSize(5);

      // The stored instances go on: a task created by the first engine is completed by the second
      // ...
      TaskService taskService = second.getTaskService();
      Task check = taskService.createTaskQuery().taskDefinitionKey("check").singleResult();
      taskService.complete(check.getId());
      BpmnAwareTests.assertThat(
              second
                  .getRuntimeService()
                  .createProcessInstanceQuery()
                  .processInstanceId(check.getProcessInstanceId())
                  .singleResult())
          .isWaitingAt("approve");
      // ... new ids do not collide with the stored ones (the id block is read back from the
      // database) ...
      String fresh = second.getRuntimeService().startProcessInstanceByKey("intake").getId();
      assertThat(before.get("executions")).noneMatch(line -> line.startsWith(fresh + " "));

      // ... and the first engine's timers fire once due: moving the engine clock past the due date
      // makes
      // them due for the running job executor, which acquires them from the database.
      ClockUtil.setCurrentTime(
          new Date(System.currentTimeMillis() + Duration.ofHours(2).toMillis()));
      HistoryService history = second.getHistoryService();
      awaitCondition(
          "the three stored reminder timers have moved their contracts to 'remind'",
          DEADLINE,
          () -> history.createHistoricActivityInstanceQuery().activityId("remind").count() == 3);
      for (String contractId : contractIds) {
        BpmnAwareTests.assertThat(
                second
                    .getRuntimeService()
                    .createProcessInstanceQuery()
                    .processInstanceId(contractId)
                    .singleResult())
            .isWaitingAtExactly("remind")
            .hasPassed("reminder");
      }
      assertThat(second.getManagementService().createJobQuery().count()).isZero();
      assertThat(history.createHistoricJobLogQuery().successLog().count()).isEqualTo(3);
    } finally {
      second.close();
    }
  }

  /**
   * Three contracts waiting at a task with a one-hour timer, two intakes with variables of every
   * kind.
   */
  private static void createWork(ProcessEngine engine, List<String> contractIds) {
    engine.getIdentityService().saveUser(engine.getIdentityService().newUser("alice"));
    engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup("clerks"));
    engine.getIdentityService().createMembership("alice", "clerks");
    engine
        .getRepositoryService()
        .createDeployment()
        .name("restart")
        .addModelInstance(
            "contract.bpmn",
            Bpmn.createExecutableProcess("contract")
                .camundaHistoryTimeToLive(30)
                .startEvent()
                .userTask("sign")
                .camundaCandidateGroups("clerks")
                .boundaryEvent("reminder")
                .timerWithDuration("PT1H")
                .userTask("remind")
                .endEvent()
                .moveToActivity("sign")
                .endEvent()
                .done())
        .addModelInstance(
            "intake.bpmn",
            Bpmn.createExecutableProcess("intake")
                .camundaHistoryTimeToLive(30)
                .startEvent()
                .userTask("check")
                .userTask("approve")
                .endEvent()
                .done())
        .deploy();

    RuntimeService runtime = engine.getRuntimeService();
    for (int i = 1; i <= 3; i++) {
      contractIds.add(
          runtime
              .startProcessInstanceByKey(
                  "contract", "K-" + i, Variables.createVariables().putValue("number", i))
              .getId());
    }
    VariableMap variables =
        Variables.createVariables()
            .putValue("applicant", "Nguyễn Văn An")
            .putValue("age", 41)
            .putValue("reference", 9_000_000_000L)
            .putValue("score", 0.75d)
            .putValue("rush", true)
            .putValue("code", (short) 7)
            .putValue("received", new Date(1_700_000_000_000L))
            .putValue("scan", new byte[] {0, 1, 2, -1, 127})
            .putValue("note", "x".repeat(3000))
            .putValue("nothing", null);
    String first = runtime.startProcessInstanceByKey("intake", "I-1", variables).getId();
    runtime.startProcessInstanceByKey("intake", "I-2", variables);
    TaskService tasks = engine.getTaskService();
    Task check = tasks.createTaskQuery().processInstanceId(first).singleResult();
    tasks.setAssignee(check.getId(), "alice");
    tasks.setVariableLocal(check.getId(), "comment", "looks fine");
    tasks.complete(check.getId(), Variables.createVariables().putValue("age", 42));
    tasks.setPriority(tasks.createTaskQuery().processInstanceId(first).singleResult().getId(), 80);
  }

  /** Everything the test expects to survive, as readable lines per section, in a stable order. */
  private static Map<String, List<String>> snapshot(ProcessEngine engine) {
    Map<String, List<String>> snapshot = new LinkedHashMap<>();
    snapshot.put(
        "deployments",
        engine
            .getRepositoryService()
            .createDeploymentQuery()
            .orderByDeploymentId()
            .asc()
            .list()
            .stream()
            .map(d -> d.getId() + " " + d.getName())
            .toList());
    snapshot.put(
        "definitions",
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .orderByProcessDefinitionId()
            .asc()
            .list()
            .stream()
            .map(
                d ->
                    d.getId()
                        + " "
                        + d.getKey()
                        + " v"
                        + d.getVersion()
                        + " "
                        + d.getDeploymentId())
            .toList());
    List<ProcessInstance> instances =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .orderByProcessInstanceId()
            .asc()
            .list();
    snapshot.put(
        "process instances",
        instances.stream()
            .map(p -> p.getId() + " " + p.getBusinessKey() + " " + p.getProcessDefinitionId())
            .toList());
    snapshot.put(
        "executions",
        engine
            .getRuntimeService()
            .createExecutionQuery()
            .orderByProcessInstanceId()
            .asc()
            .list()
            .stream()
            .map(e -> e.getId() + " of " + e.getProcessInstanceId())
            .sorted()
            .toList());
    List<String> variableLines = new ArrayList<>();
    for (ProcessInstance instance : instances) {
      VariableMap typed = engine.getRuntimeService().getVariablesTyped(instance.getId());
      typed
          .keySet()
          .forEach(
              name ->
                  variableLines.add(
                      instance.getId() + " " + name + " " + describe(typed.getValueTyped(name))));
    }
    snapshot.put("variables", variableLines.stream().sorted().toList());
    List<Task> taskList = engine.getTaskService().createTaskQuery().orderByTaskId().asc().list();
    snapshot.put(
        "tasks",
        taskList.stream()
            .map(
                t ->
                    t.getId()
                        + " "
                        + t.getTaskDefinitionKey()
                        + " of "
                        + t.getProcessInstanceId()
                        + " assignee="
                        + t.getAssignee()
                        + " priority="
                        + t.getPriority()
                        + " created="
                        + t.getCreateTime().getTime())
            .toList());
    List<String> taskDetails = new ArrayList<>();
    for (Task task : taskList) {
      for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
        taskDetails.add(
            task.getId()
                + " link "
                + link.getType()
                + " "
                + link.getUserId()
                + " "
                + link.getGroupId());
      }
      VariableMap local = engine.getTaskService().getVariablesLocalTyped(task.getId());
      local
          .keySet()
          .forEach(
              name ->
                  taskDetails.add(
                      task.getId() + " local " + name + " " + describe(local.getValueTyped(name))));
    }
    snapshot.put("task links and local variables", taskDetails.stream().sorted().toList());
    snapshot.put(
        "jobs",
        engine.getManagementService().createJobQuery().orderByJobId().asc().list().stream()
            .map(
                (Job j) ->
                    j.getId()
                        + " of "
                        + j.getProcessInstanceId()
                        + " due "
                        + j.getDuedate().getTime()
                        + " retries "
                        + j.getRetries()
                        + " def "
                        + j.getJobDefinitionId())
            .toList());
    snapshot.put(
        "candidates",
        List.of(
            "clerks may claim: "
                + engine.getTaskService().createTaskQuery().taskCandidateUser("alice").count()));
    HistoryService history = engine.getHistoryService();
    snapshot.put(
        "history",
        List.of(
            "process instances " + history.createHistoricProcessInstanceQuery().count(),
            "activity instances " + history.createHistoricActivityInstanceQuery().count(),
            "finished activity instances "
                + history.createHistoricActivityInstanceQuery().finished().count(),
            "task instances " + history.createHistoricTaskInstanceQuery().count(),
            "variable instances " + history.createHistoricVariableInstanceQuery().count(),
            "variable updates " + history.createHistoricDetailQuery().variableUpdates().count(),
            "job log " + history.createHistoricJobLogQuery().count()));
    return snapshot;
  }

  private static String describe(TypedValue value) {
    Object raw = value.getValue();
    String shown =
        raw instanceof byte[] bytes
            ? Arrays.toString(bytes)
            : raw instanceof Date date ? Long.toString(date.getTime()) : String.valueOf(raw);
    return value.getType().getName() + "=" + shown;
  }
}
