package vn.steerflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.steerflow.workflow.TaskCycleContract.Decision;
import vn.steerflow.workflow.TaskCycleContract.FormKeys;
import vn.steerflow.workflow.TaskCycleContract.ReportStatus;
import vn.steerflow.workflow.TaskCycleContract.Vars;
import vn.steerflow.workflow.delegate.TaskCycleBeans;
import vn.steerflow.workflow.delegate.TaskCycleEvents;
import vn.steerflow.workflow.derby.DerbyTestEngines;

/**
 * The default model {@code bpmn/task-cycle.bpmn} on a Derby engine configured the way the server
 * is: the allowlisted beans only. The code finds user tasks by form key, so the tests do too;
 * activity ids appear only in the assertions on where an instance waits.
 */
@Deployment(resources = "bpmn/task-cycle.bpmn")
class TaskCycleProcessTest {

  // Activity ids of the default model. Not part of the code contract: only these tests know them.
  private static final String SUBMIT_REPORT = "submitReport";
  private static final String REVIEW_REPORT = "reviewReport";
  private static final String GIVE_DIRECTION = "giveDirection";
  private static final String URGE_BEFORE_DEADLINE = "urgeBeforeDeadline";
  private static final String DEADLINE_PASSED = "deadlinePassed";
  private static final String TASK_DONE = "taskDone";

  private static final String LEAD_UNIT = "unit-provincial-police";
  private static final String SUPERVISOR_GROUP = "supervisors-home-affairs";
  private static final String LEADER_GROUP = "leaders-province-committee";

  /** "Now" of every test; whole seconds, so due dates compare equal on any database. */
  private static final Instant NOW = Instant.parse("2025-03-03T01:00:00Z");

  private static final Date URGE_AT = Date.from(NOW.plus(20, ChronoUnit.DAYS));
  private static final Date DEADLINE = Date.from(NOW.plus(30, ChronoUnit.DAYS));

  private static final RecordingEvents EVENTS = new RecordingEvents();
  private static final RecordingPeriodEvents PERIOD_EVENTS = new RecordingPeriodEvents();

  // One engine for the class (building it creates the Derby schema). The extension would try to
  // inject
  // it into any ProcessEngine field, a static final one included, so it is reached through the
  // extension.
  @RegisterExtension
  static final ProcessEngineExtension EXTENSION =
      ProcessEngineExtension.builder().useProcessEngine(buildEngine()).build();

  private final RuntimeService runtimeService = EXTENSION.getRuntimeService();
  private final TaskService taskService = EXTENSION.getTaskService();
  private final ManagementService managementService = EXTENSION.getManagementService();
  private final HistoryService historyService = EXTENSION.getHistoryService();

  private static ProcessEngine buildEngine() {
    StandaloneProcessEngineConfiguration configuration =
        DerbyTestEngines.configuration(
            "task-cycle-process-test", DerbyTestEngines.newDatabaseFolder("task-cycle"));
    // As in the server: expressions resolve contract variables and the allowlisted beans, nothing
    // else.
    configuration.setBeans(new HashMap<>(TaskCycleBeans.allowlist(EVENTS, PERIOD_EVENTS)));
    configuration.setJavaSerializationFormatEnabled(false);
    return configuration.buildProcessEngine();
  }

  @BeforeEach
  void setUp() {
    // Other test classes may leave engines registered; point the assertions at this one.
    BpmnAwareTests.init(EXTENSION.getProcessEngine());
    EVENTS.clear();
    PERIOD_EVENTS.clear();
    ClockUtil.setCurrentTime(Date.from(NOW)); // the extension resets the clock after each test
  }

  @AfterEach
  void tearDown() {
    BpmnAwareTests.reset();
  }

  @AfterAll
  static void closeEngine() {
    EXTENSION.getProcessEngine().close();
  }

  // --- the review paths
  // ---------------------------------------------------------------------------

  @Test
  void approvingADoneReportEndsTheTaskWithTheOutcomeInItsVariables() {
    ProcessInstance instance = startTaskCycle("P06-001");
    assertThat(instance).isStarted().isWaitingAt(SUBMIT_REPORT);

    submitReport(instance, 11L, ReportStatus.DONE);
    assertThat(instance).isWaitingAt(REVIEW_REPORT);
    review(instance, Decision.APPROVE, null);

    assertThat(instance).hasPassed(SUBMIT_REPORT, REVIEW_REPORT).isEnded();
    assertThat(historicVariables(instance))
        .containsEntry(Vars.REPORT_ID, 11L)
        .containsEntry(Vars.REPORT_STATUS, ReportStatus.DONE)
        .containsEntry(Vars.DECISION, Decision.APPROVE)
        .containsEntry(Vars.LEAD_UNIT, LEAD_UNIT)
        .containsEntry(Vars.DEADLINE, DEADLINE)
        // done on time: the model sets these only when a timer fires
        .doesNotContainKeys(Vars.OVERDUE, Vars.URGE_COUNT);
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .activityId(TASK_DONE)
                .count())
        .isEqualTo(1);
    assertThat(EVENTS.all()).isEmpty();
  }

  // --- cancellation and reassignment through the Workflow facade
  // ---------------------------------------------------------------------------

  @Test
  void reassigningMovesTheOpenReportStepAndLaterOnesToTheNewUnit() {
    Workflow workflow = new Workflow(EXTENSION.getProcessEngine());
    ProcessInstance instance = startTaskCycle("P06-R01");
    String newUnit = "unit:CAT";

    assertThat(workflow.reassignLeadUnit(instance.getId(), LEAD_UNIT, newUnit)).isEqualTo(1);
    assertThat(candidateGroups(openTask(instance, FormKeys.REPORT))).containsExactly(newUnit);
    assertThat(runtimeService.getVariable(instance.getId(), Vars.LEAD_UNIT)).isEqualTo(newUnit);
    assertThat(taskService.createTaskQuery().taskCandidateGroup(LEAD_UNIT).count()).isZero();

    // the review step is the supervisors'; it does not move, and the next report step is the new
    // unit's
    submitReport(instance, 71L, ReportStatus.IN_PROGRESS);
    assertThat(workflow.reassignLeadUnit(instance.getId(), newUnit, LEAD_UNIT)).isZero();
    assertThat(workflow.reassignLeadUnit(instance.getId(), LEAD_UNIT, newUnit)).isZero();
    assertThat(candidateGroups(openTask(instance, FormKeys.REVIEW)))
        .containsExactly(SUPERVISOR_GROUP);
    review(instance, Decision.RETURN, "Add the figures");
    assertThat(candidateGroups(openTask(instance, FormKeys.REPORT))).containsExactly(newUnit);
  }

  @Test
  void cancellingDeletesTheInstanceWithItsStepsAndTimers() {
    Workflow workflow = new Workflow(EXTENSION.getProcessEngine());
    ProcessInstance instance = startTaskCycle("P06-C01");
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count())
        .isPositive();

    workflow.cancel(instance.getId(), "Policy changed");

    assertThat(workflow.isRunning(instance.getId())).isFalse();
    assertThat(workflow.openSteps("P06-C01")).isEmpty();
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count())
        .isZero();
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getDeleteReason())
        .isEqualTo("Policy changed");
  }

  @Test
  void aReturnedReportGoesBackToTheUnitWithTheReasonAndCanThenBeApproved() {
    ProcessInstance instance = startTaskCycle("P06-002");
    submitReport(instance, 21L, ReportStatus.DONE);
    review(instance, Decision.RETURN, "Indicator values are missing");

    assertThat(instance).isWaitingAt(SUBMIT_REPORT).isNotEnded();
    // the unit reads why its report came back from the instance's variables
    assertThat(runtimeService.getVariable(instance.getId(), Vars.DECISION_COMMENT))
        .isEqualTo("Indicator values are missing");
    assertThat(runtimeService.getVariable(instance.getId(), Vars.DECISION))
        .isEqualTo(Decision.RETURN);

    submitReport(instance, 22L, ReportStatus.DONE);
    review(instance, Decision.APPROVE, null);

    assertThat(instance).isEnded();
    assertThat(historicVariables(instance)).containsEntry(Vars.REPORT_ID, 22L);
  }

  @Test
  void anEscalatedReportGoesToALeaderWhoseDirectionGoesBackToTheUnit() {
    ProcessInstance instance = startTaskCycle("P06-003");
    submitReport(instance, 31L, ReportStatus.IN_PROGRESS);
    review(instance, Decision.ESCALATE, "Land clearance is blocked; who decides?");

    assertThat(instance).isWaitingAt(GIVE_DIRECTION);
    complete(
        openTask(instance, FormKeys.DIRECTION),
        withVariables(Vars.DIRECTION, "Department of Natural Resources to settle by 15 March"));

    assertThat(instance).isWaitingAt(SUBMIT_REPORT);
    assertThat(runtimeService.getVariable(instance.getId(), Vars.DIRECTION))
        .isEqualTo("Department of Natural Resources to settle by 15 March");

    submitReport(instance, 32L, ReportStatus.DONE);
    review(instance, Decision.APPROVE, null);

    assertThat(instance).hasPassed(GIVE_DIRECTION).isEnded();
  }

  @Test
  void approvingAnInProgressReportWaitsForTheNextReportAndADoneOneEndsTheTask() {
    ProcessInstance instance = startTaskCycle("P06-004");
    submitReport(instance, 41L, ReportStatus.IN_PROGRESS);
    review(instance, Decision.APPROVE, null);

    // approved, but the work is not finished: the unit owes the next report
    assertThat(instance).isWaitingAt(SUBMIT_REPORT).isNotEnded();

    submitReport(instance, 42L, ReportStatus.DONE);
    review(instance, Decision.APPROVE, null);

    assertThat(instance).isEnded();
    assertThat(
            historyService
                .createHistoricTaskInstanceQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(SUBMIT_REPORT)
                .count())
        .isEqualTo(2);
  }

  @Test
  void anUnknownDecisionFailsTheReviewAndLeavesItOpen() {
    ProcessInstance instance = startTaskCycle("P06-005");
    submitReport(instance, 51L, ReportStatus.DONE);
    Task review = openTask(instance, FormKeys.REVIEW);

    // no default flow on the decision gateway: a typo must not end or loop the task silently
    assertThatThrownBy(() -> complete(review, withVariables(Vars.DECISION, "APPROVED")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("reviewDecision");

    assertThat(instance).isWaitingAt(REVIEW_REPORT);
    assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
    // the failed command rolled back, the bad value included
    assertThat(runtimeService.getVariable(instance.getId(), Vars.DECISION)).isNull();
  }

  @Test
  void approvingAReportWithAnUnknownStatusFailsTheReviewAndLeavesItOpen() {
    ProcessInstance instance = startTaskCycle("P06-006");
    submitReport(instance, 61L, "FINISHED");
    Task review = openTask(instance, FormKeys.REVIEW);

    assertThatThrownBy(() -> complete(review, withVariables(Vars.DECISION, Decision.APPROVE)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("reportDone");

    assertThat(instance).isWaitingAt(REVIEW_REPORT);
  }

  // --- who sees which task
  // ------------------------------------------------------------------------

  @Test
  void eachUserTaskIsOfferedToTheGroupNamedByItsVariableWithItsFormKey() {
    ProcessInstance instance = startTaskCycle("P06-007");

    Task report = openTask(instance, FormKeys.REPORT);
    assertThat(report.getTaskDefinitionKey()).isEqualTo(SUBMIT_REPORT);
    assertThat(candidateGroups(report)).containsExactly(LEAD_UNIT);
    complete(
        report, withVariables(Vars.REPORT_ID, 71L, Vars.REPORT_STATUS, ReportStatus.IN_PROGRESS));

    Task review = openTask(instance, FormKeys.REVIEW);
    assertThat(review.getTaskDefinitionKey()).isEqualTo(REVIEW_REPORT);
    assertThat(candidateGroups(review)).containsExactly(SUPERVISOR_GROUP);
    complete(
        review, withVariables(Vars.DECISION, Decision.ESCALATE, Vars.DECISION_COMMENT, "Budget?"));

    Task direction = openTask(instance, FormKeys.DIRECTION);
    assertThat(direction.getTaskDefinitionKey()).isEqualTo(GIVE_DIRECTION);
    assertThat(candidateGroups(direction)).containsExactly(LEADER_GROUP);

    // and a group's inbox query finds exactly its task
    assertThat(
            taskService
                .createTaskQuery()
                .taskCandidateGroup(LEADER_GROUP)
                .processInstanceId(instance.getId())
                .count())
        .isEqualTo(1);
    assertThat(
            taskService
                .createTaskQuery()
                .taskCandidateGroup(LEAD_UNIT)
                .processInstanceId(instance.getId())
                .count())
        .isZero();
  }

  // --- deadlines
  // ------------------------------------------------------------------------------------

  @Test
  void startingATaskSchedulesExactlyTheUrgeAndDeadlineTimers() {
    ProcessInstance instance = startTaskCycle("P06-010");

    List<Job> timers =
        managementService.createJobQuery().processInstanceId(instance.getId()).timers().list();
    assertThat(timers).hasSize(2);
    assertThat(job(URGE_BEFORE_DEADLINE, instance).getDuedate()).isEqualTo(URGE_AT);
    assertThat(job(DEADLINE_PASSED, instance).getDuedate()).isEqualTo(DEADLINE);
    // nothing is due yet
    assertThat(
            managementService
                .createJobQuery()
                .processInstanceId(instance.getId())
                .executable()
                .count())
        .isZero();
  }

  @Test
  void theUrgeTimerCountsTheUrgeAndTellsTheTimelineWhileTheReportStaysOpen() {
    ProcessInstance instance = startTaskCycle("P06-011");
    Task reportBefore = openTask(instance, FormKeys.REPORT);

    ClockUtil.setCurrentTime(Date.from(URGE_AT.toInstant().plus(1, ChronoUnit.HOURS)));
    Job due =
        managementService
            .createJobQuery()
            .processInstanceId(instance.getId())
            .executable()
            .singleResult();
    assertThat(due.getId()).isEqualTo(job(URGE_BEFORE_DEADLINE, instance).getId());
    execute(due);

    assertThat(runtimeService.getVariable(instance.getId(), Vars.URGE_COUNT)).isEqualTo(1);
    assertThat(EVENTS.all()).containsExactly(RecordingEvents.urged("P06-011", 1));
    // non-interrupting: the very same report task is still open, the deadline still pending
    assertThat(instance).isWaitingAt(SUBMIT_REPORT);
    assertThat(openTask(instance, FormKeys.REPORT).getId()).isEqualTo(reportBefore.getId());
    assertThat(job(DEADLINE_PASSED, instance)).isNotNull();
    assertThat(runtimeService.getVariable(instance.getId(), Vars.OVERDUE)).isNull();
  }

  @Test
  void theUrgeTimerAddsToAnUrgeCountTheTaskAlreadyHas() {
    // e.g. a supervisor urged the unit by hand before the scheduled urge
    ProcessInstance instance = startTaskCycle("P06-012", Map.of(Vars.URGE_COUNT, 2));

    ClockUtil.setCurrentTime(Date.from(URGE_AT.toInstant().plus(1, ChronoUnit.MINUTES)));
    execute(job(URGE_BEFORE_DEADLINE, instance));

    assertThat(runtimeService.getVariable(instance.getId(), Vars.URGE_COUNT)).isEqualTo(3);
    assertThat(EVENTS.all()).containsExactly(RecordingEvents.urged("P06-012", 3));
  }

  @Test
  void theDeadlineTimerMarksTheTaskOverdueAndTheUnitCanStillReportAndBeApproved() {
    ProcessInstance instance = startTaskCycle("P06-013");
    submitReport(instance, 131L, ReportStatus.IN_PROGRESS);

    ClockUtil.setCurrentTime(Date.from(DEADLINE.toInstant().plus(1, ChronoUnit.DAYS)));
    execute(job(DEADLINE_PASSED, instance));

    assertThat(runtimeService.getVariable(instance.getId(), Vars.OVERDUE)).isEqualTo(true);
    assertThat(EVENTS.all()).containsExactly(RecordingEvents.overdue("P06-013"));
    // the review in hand is not cancelled by the deadline
    assertThat(instance).isWaitingAt(REVIEW_REPORT);

    review(instance, Decision.APPROVE, null);
    submitReport(instance, 132L, ReportStatus.DONE);
    review(instance, Decision.APPROVE, null);

    assertThat(instance).isEnded();
    // the outcome (LATE) is read from overdue=true on a finished task
    assertThat(historicVariables(instance)).containsEntry(Vars.OVERDUE, true);
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count())
        .isZero();
  }

  @Test
  void aTaskDoneBeforeItsDeadlineLeavesNoTimersBehind() {
    ProcessInstance instance = startTaskCycle("P06-014");
    assertThat(
            managementService.createJobQuery().processInstanceId(instance.getId()).timers().count())
        .isEqualTo(2);

    ClockUtil.setCurrentTime(Date.from(NOW.plus(5, ChronoUnit.DAYS)));
    submitReport(instance, 141L, ReportStatus.DONE);
    review(instance, Decision.APPROVE, null);

    assertThat(instance).isEnded();
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count())
        .isZero();
    assertThat(EVENTS.all()).isEmpty();
  }

  // --- helpers
  // --------------------------------------------------------------------------------------

  /**
   * Starts the cycle as the application does: business key = task code, every variable the model
   * reads.
   */
  private ProcessInstance startTaskCycle(String taskCode) {
    return startTaskCycle(taskCode, Map.of());
  }

  private ProcessInstance startTaskCycle(String taskCode, Map<String, Object> extraVariables) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Vars.TASK_KIND, TaskCycleContract.TaskKind.ONE_OFF);
    // as Workflow.start gives it: for the start only, not stored
    variables.put(Vars.COORDINATING_UNITS, Variables.objectValue(List.of(), true).create());
    variables.put(Vars.LEAD_UNIT, LEAD_UNIT);
    variables.put(Vars.SUPERVISOR_GROUP, SUPERVISOR_GROUP);
    variables.put(Vars.LEADER_GROUP, LEADER_GROUP);
    variables.put(Vars.DEADLINE, DEADLINE);
    variables.put(Vars.URGE_AT, URGE_AT);
    variables.putAll(extraVariables);
    return runtimeService.startProcessInstanceByKey(
        TaskCycleContract.DEFAULT_PROCESS_ID, taskCode, variables);
  }

  /** The lead unit completes its report step, as the report feature will. */
  private void submitReport(ProcessInstance instance, long reportId, String reportStatus) {
    complete(
        openTask(instance, FormKeys.REPORT),
        withVariables(Vars.REPORT_ID, reportId, Vars.REPORT_STATUS, reportStatus));
  }

  /** A supervisor completes the review step with a decision and an optional comment. */
  private void review(ProcessInstance instance, String decision, String comment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Vars.DECISION, decision);
    variables.put(Vars.DECISION_COMMENT, comment);
    complete(openTask(instance, FormKeys.REVIEW), variables);
  }

  /** The single open user task of the instance with the form key: how the code finds its work. */
  private Task openTask(ProcessInstance instance, String formKey) {
    List<Task> withKey =
        taskService
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .initializeFormKeys()
            .list()
            .stream()
            .filter(task -> formKey.equals(task.getFormKey()))
            .toList();
    assertThat(withKey).as("open tasks with form key %s", formKey).hasSize(1);
    return withKey.get(0);
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }

  private Map<String, Object> historicVariables(ProcessInstance instance) {
    Map<String, Object> variables = new HashMap<>();
    for (HistoricVariableInstance variable :
        historyService
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId())
            .list()) {
      variables.put(variable.getName(), variable.getValue());
    }
    return variables;
  }

  /** The test's timeline: records what the delegates told it, in order. */
  static final class RecordingEvents implements TaskCycleEvents {
    private final List<String> events = new ArrayList<>();

    static String urged(String taskCode, int urgeCount) {
      return "urged " + taskCode + " #" + urgeCount;
    }

    static String overdue(String taskCode) {
      return "overdue " + taskCode;
    }

    @Override
    public synchronized void unitUrged(String taskCode, int urgeCount) {
      events.add(urged(taskCode, urgeCount));
    }

    @Override
    public synchronized void taskOverdue(String taskCode) {
      events.add(overdue(taskCode));
    }

    synchronized List<String> all() {
      return List.copyOf(events);
    }

    synchronized void clear() {
      events.clear();
    }
  }
}
