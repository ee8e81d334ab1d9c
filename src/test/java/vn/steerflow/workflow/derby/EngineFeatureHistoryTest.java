package vn.steerflow.workflow.derby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.steerflow.workflow.derby.EngineFeatureSupport.at;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.DurationReportResult;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.query.PeriodUnit;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * History on Derby: the historic queries over finished and running work, and the duration report,
 * whose periods come from Derby's MONTH() and the dialect's Java QUARTER() function.
 */
class EngineFeatureHistoryTest {

  private static final Path FOLDER = DerbyTestEngines.newDatabaseFolder("history");
  // Not final: the extension injects its engine (this same one) into every field of type
  // ProcessEngine.
  private static ProcessEngine ENGINE = DerbyTestEngines.build("engine-feature-history", FOLDER);

  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  private static final long MINUTE = 60_000L;
  private static final long HOUR = 60 * MINUTE;

  private final RuntimeService runtimeService = ENGINE.getRuntimeService();
  private final TaskService taskService = ENGINE.getTaskService();
  private final HistoryService historyService = ENGINE.getHistoryService();

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
    ENGINE.close();
  }

  @Test
  void historicQueriesFindFinishedAndRunningInstancesActivitiesTasksAndVariables() {
    deploy(
        Bpmn.createExecutableProcess("claim")
            .camundaHistoryTimeToLive(30)
            .startEvent("received")
            .userTask("assess")
            .name("Assess claim")
            .endEvent("settled")
            .done());

    ClockUtil.setCurrentTime(at(2025, 3, 1, 9, 0));
    ProcessInstance ann =
        runtimeService.startProcessInstanceByKey(
            "claim",
            "C-ANN",
            Variables.createVariables().putValue("claimant", "Ann").putValue("amount", 100));
    ClockUtil.setCurrentTime(at(2025, 3, 2, 10, 0));
    ProcessInstance bea =
        runtimeService.startProcessInstanceByKey(
            "claim",
            "C-BEA",
            Variables.createVariables().putValue("claimant", "Bea").putValue("amount", 900));
    ClockUtil.setCurrentTime(at(2025, 3, 3, 11, 0));
    ProcessInstance cid =
        runtimeService.startProcessInstanceByKey(
            "claim",
            "C-CID",
            Variables.createVariables().putValue("claimant", "Cid").putValue("amount", 400));

    // Ann's claim: assigned, raised and settled after 30 minutes; Bea's after two hours; Cid's
    // stays open.
    ClockUtil.setCurrentTime(at(2025, 3, 1, 9, 30));
    Task annTask = taskService.createTaskQuery().processInstanceId(ann.getId()).singleResult();
    taskService.setAssignee(annTask.getId(), "alice");
    runtimeService.setVariable(ann.getId(), "amount", 150);
    taskService.complete(
        annTask.getId(), Variables.createVariables().putValue("decision", "approve"));
    ClockUtil.setCurrentTime(at(2025, 3, 2, 12, 0));
    taskService.complete(
        taskService.createTaskQuery().processInstanceId(bea.getId()).singleResult().getId(),
        Variables.createVariables().putValue("decision", "reject"));

    BpmnAwareTests.assertThat(ann).isEnded().hasPassedInOrder("received", "assess", "settled");
    BpmnAwareTests.assertThat(cid).isWaitingAt("assess");

    // process instances
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("claim")
                .count())
        .isEqualTo(3);
    List<HistoricProcessInstance> finished =
        historyService
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey("claim")
            .finished()
            .orderByProcessInstanceDuration()
            .desc()
            .list();
    assertThat(finished)
        .extracting(
            HistoricProcessInstance::getBusinessKey,
            HistoricProcessInstance::getDurationInMillis,
            HistoricProcessInstance::getEndTime)
        .containsExactly(
            tuple("C-BEA", 2 * HOUR, at(2025, 3, 2, 12, 0)),
            tuple("C-ANN", 30 * MINUTE, at(2025, 3, 1, 9, 30)));
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("claim")
                .unfinished()
                .singleResult()
                .getId())
        .isEqualTo(cid.getId());
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("claim")
                .startedAfter(at(2025, 3, 1, 12, 0))
                .orderByProcessInstanceStartTime()
                .asc()
                .list())
        .extracting(HistoricProcessInstance::getId)
        .containsExactly(bea.getId(), cid.getId());
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("claim")
                .variableValueEquals("claimant", "Bea")
                .singleResult()
                .getId())
        .isEqualTo(bea.getId());
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("claim")
                .variableValueGreaterThan("amount", 120)
                .count())
        .isEqualTo(3);
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("claim")
                .orderByProcessInstanceStartTime()
                .asc()
                .listPage(1, 1))
        .extracting(HistoricProcessInstance::getId)
        .containsExactly(bea.getId());
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("claim")
                .listPage(1, 0))
        .isEmpty();

    // activity instances
    List<HistoricActivityInstance> annActivities =
        historyService
            .createHistoricActivityInstanceQuery()
            .processInstanceId(ann.getId())
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .orderPartiallyByOccurrence()
            .asc()
            .list();
    assertThat(annActivities)
        .extracting(HistoricActivityInstance::getActivityId)
        .containsExactly("received", "assess", "settled");
    assertThat(annActivities.get(1).getDurationInMillis()).isEqualTo(30 * MINUTE);
    assertThat(annActivities.get(1).getAssignee()).isEqualTo("alice");
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .activityId("assess")
                .finished()
                .count())
        .isEqualTo(2);
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .activityId("assess")
                .unfinished()
                .singleResult()
                .getProcessInstanceId())
        .isEqualTo(cid.getId());
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .activityType("noneEndEvent")
                .processDefinitionId(ann.getProcessDefinitionId())
                .count())
        .isEqualTo(2);

    // task instances
    List<HistoricTaskInstance> tasks =
        historyService
            .createHistoricTaskInstanceQuery()
            .taskDefinitionKey("assess")
            .finished()
            .orderByHistoricTaskInstanceDuration()
            .asc()
            .list();
    assertThat(tasks)
        .extracting(
            HistoricTaskInstance::getProcessInstanceId,
            HistoricTaskInstance::getDurationInMillis,
            HistoricTaskInstance::getDeleteReason)
        .containsExactly(
            tuple(ann.getId(), 30 * MINUTE, "completed"),
            tuple(bea.getId(), 2 * HOUR, "completed"));
    assertThat(
            historyService
                .createHistoricTaskInstanceQuery()
                .taskAssignee("alice")
                .singleResult()
                .getName())
        .isEqualTo("Assess claim");
    assertThat(
            historyService
                .createHistoricTaskInstanceQuery()
                .processVariableValueEquals("claimant", "Cid")
                .unfinished()
                .count())
        .isEqualTo(1);
    assertThat(historyService.createHistoricTaskInstanceQuery().taskNameLike("Assess%").count())
        .isEqualTo(3);

    // variable instances and their updates
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .variableName("amount")
                .processDefinitionKey("claim")
                .count())
        .isEqualTo(3);
    HistoricVariableInstance annAmount =
        historyService
            .createHistoricVariableInstanceQuery()
            .processInstanceId(ann.getId())
            .variableName("amount")
            .singleResult();
    assertThat(annAmount.getValue()).isEqualTo(150);
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .variableValueEquals("decision", "reject")
                .singleResult()
                .getProcessInstanceId())
        .isEqualTo(bea.getId());
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .variableNameLike("clai%")
                .processInstanceIdIn(ann.getId(), bea.getId())
                .count())
        .isEqualTo(2);
    assertThat(
            historyService
                .createHistoricDetailQuery()
                .variableUpdates()
                .variableInstanceId(annAmount.getId())
                .count())
        .as("amount written at start and raised once")
        .isEqualTo(2);
  }

  @Test
  void durationReportGroupsFinishedInstancesByMonthAndQuarterOfTheirStart() {
    deploy(
        Bpmn.createExecutableProcess("durationReport")
            .camundaHistoryTimeToLive(3650)
            .startEvent()
            .userTask("work")
            .endEvent()
            .done());

    // Durations chosen so that every period's minimum, maximum and (integer) average differ.
    runFor(at(2024, 12, 3, 8, 0), 6 * HOUR); // December: month 12, quarter 4
    runFor(at(2025, 1, 10, 8, 0), 1 * HOUR); // January
    runFor(at(2025, 1, 20, 8, 0), 3 * HOUR); // January
    runFor(at(2025, 2, 5, 8, 0), 5 * HOUR); // February
    runFor(at(2025, 5, 12, 8, 0), 4 * HOUR); // May: quarter 2
    // Still running: no end, no duration, not in the report.
    ClockUtil.setCurrentTime(at(2025, 6, 1, 8, 0));
    runtimeService.startProcessInstanceByKey("durationReport");

    List<DurationReportResult> byMonth =
        sortedByPeriod(
            historyService
                .createHistoricProcessInstanceReport()
                .processDefinitionKeyIn("durationReport")
                .duration(PeriodUnit.MONTH));
    assertThat(byMonth)
        .extracting(
            DurationReportResult::getPeriodUnit,
            DurationReportResult::getPeriod,
            DurationReportResult::getMinimum,
            DurationReportResult::getMaximum,
            DurationReportResult::getAverage)
        .containsExactly(
            tuple(PeriodUnit.MONTH, 1, 1 * HOUR, 3 * HOUR, 2 * HOUR),
            tuple(PeriodUnit.MONTH, 2, 5 * HOUR, 5 * HOUR, 5 * HOUR),
            tuple(PeriodUnit.MONTH, 5, 4 * HOUR, 4 * HOUR, 4 * HOUR),
            tuple(PeriodUnit.MONTH, 12, 6 * HOUR, 6 * HOUR, 6 * HOUR));

    List<DurationReportResult> byQuarter =
        sortedByPeriod(
            historyService
                .createHistoricProcessInstanceReport()
                .processDefinitionKeyIn("durationReport")
                .duration(PeriodUnit.QUARTER));
    assertThat(byQuarter)
        .extracting(
            DurationReportResult::getPeriodUnit,
            DurationReportResult::getPeriod,
            DurationReportResult::getMinimum,
            DurationReportResult::getMaximum,
            DurationReportResult::getAverage)
        .containsExactly(
            tuple(PeriodUnit.QUARTER, 1, 1 * HOUR, 5 * HOUR, 3 * HOUR),
            tuple(PeriodUnit.QUARTER, 2, 4 * HOUR, 4 * HOUR, 4 * HOUR),
            tuple(PeriodUnit.QUARTER, 4, 6 * HOUR, 6 * HOUR, 6 * HOUR));

    // The report's own filters narrow the instances before grouping.
    List<DurationReportResult> from2025 =
        sortedByPeriod(
            historyService
                .createHistoricProcessInstanceReport()
                .processDefinitionKeyIn("durationReport")
                .startedAfter(at(2025, 1, 15, 0, 0))
                .duration(PeriodUnit.QUARTER));
    assertThat(from2025)
        .extracting(
            DurationReportResult::getPeriod,
            DurationReportResult::getMinimum,
            DurationReportResult::getMaximum,
            DurationReportResult::getAverage)
        .containsExactly(
            tuple(1, 3 * HOUR, 5 * HOUR, 4 * HOUR), tuple(2, 4 * HOUR, 4 * HOUR, 4 * HOUR));
  }

  /** Starts an instance at the given time and completes its task the given time later. */
  private void runFor(Date start, long durationMillis) {
    ClockUtil.setCurrentTime(start);
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("durationReport");
    ClockUtil.setCurrentTime(new Date(start.getTime() + durationMillis));
    taskService.complete(
        taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());
  }

  private static List<DurationReportResult> sortedByPeriod(List<DurationReportResult> results) {
    return results.stream()
        .sorted(Comparator.comparingInt(DurationReportResult::getPeriod))
        .toList();
  }

  private void deploy(BpmnModelInstance model) {
    // The extension deletes the deployment after the test, cascading to its instances and history.
    extension.manageDeployment(
        ENGINE
            .getRepositoryService()
            .createDeployment()
            .addModelInstance("process.bpmn", model)
            .deploy());
  }
}
