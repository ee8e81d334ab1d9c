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
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
import vn.steerflow.workflow.TaskCycleContract.ExtensionDecision;
import vn.steerflow.workflow.TaskCycleContract.FormKeys;
import vn.steerflow.workflow.TaskCycleContract.Messages;
import vn.steerflow.workflow.TaskCycleContract.ReportStatus;
import vn.steerflow.workflow.TaskCycleContract.TaskKind;
import vn.steerflow.workflow.TaskCycleContract.Vars;
import vn.steerflow.workflow.delegate.TaskCycleBeans;
import vn.steerflow.workflow.derby.DerbyTestEngines;

/**
 * The default model's other paths on a Derby engine configured as the server's: coordinating units'
 * steps beside the reporting, a REGULAR task's periods (reported, returned and sent late, missed),
 * and extensions that move the timers. The clock is moved with ClockUtil; due jobs are run by hand.
 */
@Deployment(resources = "bpmn/task-cycle.bpmn")
class TaskCyclePathsProcessTest {

  // Activity ids of the default model; only tests know them, the code goes by form key.
  private static final String SUBMIT_REPORT = "submitReport";
  private static final String DECIDE_EXTENSION = "decideExtension";
  private static final String URGE_BEFORE_DEADLINE = "urgeBeforeDeadline";
  private static final String DEADLINE_PASSED = "deadlinePassed";
  private static final String CONTRIBUTE = "contributeToTask";
  private static final String SUBMIT_PERIOD_REPORT = "submitPeriodReport";
  private static final String RESUBMIT_PERIOD_REPORT = "resubmitPeriodReport";
  private static final String REVIEW_PERIOD_REPORT = "reviewPeriodReport";
  private static final String PERIOD_OVER = "periodOver";
  private static final String PERIOD_ENDED_UNREPORTED = "periodEndedUnreported";
  private static final String PERIOD_URGE_TIME = "periodUrgeTime";

  private static final String LEAD_UNIT = "unit:STP";
  private static final String POLICE = "unit:CAT";
  private static final String SA_PA = "unit:SAPA";
  private static final String SUPERVISOR_GROUP = "supervisors:BCD-LC";
  private static final String LEADER_GROUP = "leaders:BCD-LC";

  /** "Now" of every test; whole seconds, so due dates compare equal on any database. */
  private static final Instant NOW = Instant.parse("2025-03-03T01:00:00Z");

  private static final Date URGE_AT = Date.from(NOW.plus(20, ChronoUnit.DAYS));
  private static final Date DEADLINE = Date.from(NOW.plus(30, ChronoUnit.DAYS));
  private static final Date NEW_DEADLINE = Date.from(NOW.plus(45, ChronoUnit.DAYS));
  private static final Date NEW_URGE_AT = Date.from(NOW.plus(42, ChronoUnit.DAYS));

  /** Monthly periods from 3 March 08:00 in Vietnam: ending 3 April, 3 May and (cut) 20 May. */
  private static final Instant UNTIL = Instant.parse("2025-05-20T10:00:00Z");

  private static final Instant END_1 = Instant.parse("2025-04-03T01:00:00Z");
  private static final Instant END_2 = Instant.parse("2025-05-03T01:00:00Z");

  private static final TaskCycleProcessTest.RecordingEvents EVENTS =
      new TaskCycleProcessTest.RecordingEvents();
  private static final RecordingPeriodEvents PERIODS = new RecordingPeriodEvents();

  @RegisterExtension
  static final ProcessEngineExtension EXTENSION =
      ProcessEngineExtension.builder().useProcessEngine(buildEngine()).build();

  private final RuntimeService runtimeService = EXTENSION.getRuntimeService();
  private final TaskService taskService = EXTENSION.getTaskService();
  private final ManagementService managementService = EXTENSION.getManagementService();

  private static ProcessEngine buildEngine() {
    StandaloneProcessEngineConfiguration configuration =
        DerbyTestEngines.configuration(
            "task-cycle-paths-test", DerbyTestEngines.newDatabaseFolder("task-cycle-paths"));
    configuration.setBeans(new HashMap<>(TaskCycleBeans.allowlist(EVENTS, PERIODS)));
    // as in the server: no Java-serialized variables, so the coordinating units must not be stored
    configuration.setJavaSerializationFormatEnabled(false);
    return configuration.buildProcessEngine();
  }

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(EXTENSION.getProcessEngine());
    EVENTS.clear();
    PERIODS.clear();
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void tearDown() {
    BpmnAwareTests.reset();
  }

  @AfterAll
  static void closeEngine() {
    EXTENSION.getProcessEngine().close();
  }

  // ---------------------------------------------------------------------------------- coordination

  @Test
  void eachCoordinatingUnitGetsItsOwnStepBesideTheLeadUnitsReport() {
    ProcessInstance instance = startOneOff("COORD-1", List.of(POLICE, SA_PA));

    assertThat(instance).isWaitingAt(SUBMIT_REPORT, CONTRIBUTE);
    List<Task> steps = openTasks(instance, FormKeys.COORDINATE);
    assertThat(steps).hasSize(2);
    assertThat(steps)
        .extracting(t -> candidateGroups(t))
        .containsExactlyInAnyOrder(List.of(POLICE), List.of(SA_PA));
    // each unit's inbox query finds its own step only
    assertThat(
            taskService
                .createTaskQuery()
                .taskCandidateGroup(POLICE)
                .processInstanceId(instance.getId())
                .count())
        .isEqualTo(1);
    assertThat(
            taskService
                .createTaskQuery()
                .taskCandidateGroup(SA_PA)
                .processInstanceId(instance.getId())
                .count())
        .isEqualTo(1);
    // the list was given for the start only: nothing Java-serialized is stored
    assertThat(runtimeService.getVariable(instance.getId(), Vars.COORDINATING_UNITS)).isNull();

    taskService.complete(stepOf(instance, FormKeys.COORDINATE, POLICE).getId());
    assertThat(openTasks(instance, FormKeys.COORDINATE))
        .extracting(t -> candidateGroups(t))
        .containsExactly(List.of(SA_PA));
    // the lead unit's reporting did not wait for the contribution
    assertThat(openTasks(instance, FormKeys.REPORT)).hasSize(1);
  }

  @Test
  void theLeadUnitCanReportBeforeEveryContributionIsInAndTheDoneTaskClosesTheRest() {
    ProcessInstance instance = startOneOff("COORD-2", List.of(POLICE, SA_PA));
    taskService.complete(stepOf(instance, FormKeys.COORDINATE, SA_PA).getId());

    submitReport(instance, 1L, ReportStatus.DONE);
    review(instance, Decision.APPROVE, null);

    // the police never contributed; its step ends with the task instead of keeping the instance
    // alive
    assertThat(instance).isEnded();
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void allContributionsInLeaveTheReportingRunning() {
    ProcessInstance instance = startOneOff("COORD-3", List.of(POLICE));
    taskService.complete(stepOf(instance, FormKeys.COORDINATE, POLICE).getId());

    assertThat(instance).hasPassed("contributionsIn").isWaitingAt(SUBMIT_REPORT).isNotEnded();
  }

  @Test
  void withoutCoordinatingUnitsThereIsNoCoordinateStep() {
    ProcessInstance instance = startOneOff("COORD-4", List.of());

    assertThat(openTasks(instance, FormKeys.COORDINATE)).isEmpty();
    assertThat(instance).isWaitingAt(SUBMIT_REPORT);
  }

  @Test
  void aRegularTasksCoordinatingUnitsContributeBesideItsPeriods() {
    ProcessInstance instance = startRegular("COORD-5", "MONTHLY", List.of(SA_PA));

    assertThat(instance).isWaitingAt(SUBMIT_PERIOD_REPORT, CONTRIBUTE);
    assertThat(candidateGroups(stepOf(instance, FormKeys.COORDINATE, SA_PA)))
        .containsExactly(SA_PA);
  }

  // ---------------------------------------------------------------------------------- REGULAR
  // tasks

  @Test
  void theFirstPeriodOpensAtTheStartWithItsReportDueAtItsEnd() {
    ProcessInstance instance = startRegular("REG-1", "MONTHLY", List.of());

    assertThat(instance).isWaitingAt(SUBMIT_PERIOD_REPORT);
    assertThat(candidateGroups(openTasks(instance, FormKeys.REPORT).get(0)))
        .containsExactly(LEAD_UNIT);
    assertThat(runtimeService.getVariable(instance.getId(), Vars.PERIOD_NUMBER)).isEqualTo(1);
    assertThat(runtimeService.getVariable(instance.getId(), Vars.PERIOD_START))
        .isEqualTo(Date.from(NOW));
    assertThat(runtimeService.getVariable(instance.getId(), Vars.PERIOD_END))
        .isEqualTo(Date.from(END_1));
    assertThat(runtimeService.getVariable(instance.getId(), Vars.LAST_PERIOD)).isEqualTo(false);
    assertThat(job(PERIOD_ENDED_UNREPORTED, instance).getDuedate()).isEqualTo(Date.from(END_1));
    assertThat(job(PERIOD_URGE_TIME, instance).getDuedate())
        .isEqualTo(Date.from(END_1.minus(3, ChronoUnit.DAYS)));
    assertThat(PERIODS.all()).containsExactly(RecordingPeriodEvents.opened("REG-1", 1, NOW, END_1));
    // no one-off deadline watch on a regular task
    assertThat(
            managementService.createJobQuery().processInstanceId(instance.getId()).timers().count())
        .isEqualTo(2);
  }

  @Test
  void threePeriodsReportedOnTimeMissedAndLateEachOnItsOwnThenTheReportingEnds() {
    ProcessInstance instance = startRegular("REG-2", "MONTHLY", List.of());

    // period 1: reported and approved in time; the next period opens at the period's end, not
    // before
    ClockUtil.setCurrentTime(Date.from(NOW.plus(10, ChronoUnit.DAYS)));
    submitReport(instance, 21L, ReportStatus.IN_PROGRESS);
    review(instance, Decision.APPROVE, null);
    assertThat(instance).isWaitingAt(PERIOD_OVER);
    assertThat(openTasks(instance, FormKeys.REPORT)).isEmpty();
    assertThat(job(PERIOD_OVER, instance).getDuedate()).isEqualTo(Date.from(END_1));
    runDueJob(instance, END_1.plusSeconds(1));
    assertThat(instance).isWaitingAt(SUBMIT_PERIOD_REPORT);
    assertThat(runtimeService.getVariable(instance.getId(), Vars.PERIOD_NUMBER)).isEqualTo(2);

    // period 2: no report by its end: recorded MISSED, and period 3 opens on schedule
    Job missed = job(PERIOD_ENDED_UNREPORTED, instance);
    assertThat(missed.getDuedate()).isEqualTo(Date.from(END_2));
    ClockUtil.setCurrentTime(Date.from(END_2.plusSeconds(1)));
    execute(missed);
    assertThat(instance).isWaitingAt(SUBMIT_PERIOD_REPORT);
    assertThat(runtimeService.getVariable(instance.getId(), Vars.PERIOD_NUMBER)).isEqualTo(3);
    assertThat(runtimeService.getVariable(instance.getId(), Vars.PERIOD_END))
        .isEqualTo(Date.from(UNTIL));
    assertThat(runtimeService.getVariable(instance.getId(), Vars.LAST_PERIOD)).isEqualTo(true);

    // period 3 (the last, cut at reportingUntil): reported in time, returned, sent again after its
    // end
    submitReport(instance, 31L, ReportStatus.IN_PROGRESS);
    review(instance, Decision.RETURN, "Thiếu số liệu");
    assertThat(instance).isWaitingAt(RESUBMIT_PERIOD_REPORT);
    ClockUtil.setCurrentTime(Date.from(UNTIL.plus(2, ChronoUnit.DAYS)));
    // the resubmission has no missed-period timer: a late report is still taken, and judged late
    assertThat(
            managementService
                .createJobQuery()
                .processInstanceId(instance.getId())
                .executable()
                .count())
        .isZero();
    submitReport(instance, 32L, ReportStatus.IN_PROGRESS);
    review(instance, Decision.APPROVE, null);
    // the period's end has passed, so the period is over at once (its job is due)
    runDueJob(instance, UNTIL.plus(2, ChronoUnit.DAYS));

    assertThat(instance).isEnded();
    assertThat(PERIODS.all())
        .containsExactly(
            RecordingPeriodEvents.opened("REG-2", 1, NOW, END_1),
            RecordingPeriodEvents.opened("REG-2", 2, END_1, END_2),
            RecordingPeriodEvents.missed("REG-2", 2),
            RecordingPeriodEvents.opened("REG-2", 3, END_2, UNTIL),
            RecordingPeriodEvents.ended("REG-2"));
  }

  @Test
  void aReviewThatRunsPastThePeriodsEndOpensTheNextPeriodAtOnceOnItsSchedule() {
    ProcessInstance instance = startRegular("REG-3", "MONTHLY", List.of());
    ClockUtil.setCurrentTime(Date.from(END_1.minus(1, ChronoUnit.DAYS)));
    submitReport(instance, 41L, ReportStatus.IN_PROGRESS);

    // the review is still open after the period's end: no timer cuts it off
    ClockUtil.setCurrentTime(Date.from(END_1.plus(5, ChronoUnit.DAYS)));
    assertThat(
            managementService
                .createJobQuery()
                .processInstanceId(instance.getId())
                .executable()
                .count())
        .isZero();
    assertThat(instance).isWaitingAt(REVIEW_PERIOD_REPORT);
    review(instance, Decision.APPROVE, null);
    runDueJob(instance, END_1.plus(5, ChronoUnit.DAYS));

    // period 2 keeps its schedule: it ends on 3 May, not a month after the approval
    assertThat(runtimeService.getVariable(instance.getId(), Vars.PERIOD_NUMBER)).isEqualTo(2);
    assertThat(runtimeService.getVariable(instance.getId(), Vars.PERIOD_END))
        .isEqualTo(Date.from(END_2));
  }

  @Test
  void anApprovedDoneReportEndsARegularTaskBeforeItsLastPeriod() {
    ProcessInstance instance = startRegular("REG-4", "MONTHLY", List.of(POLICE));
    submitReport(instance, 51L, ReportStatus.DONE);
    review(instance, Decision.APPROVE, null);

    assertThat(instance).isEnded();
    // the code completes the task on the approval; the cycle opens no period and records no end
    assertThat(PERIODS.all()).containsExactly(RecordingPeriodEvents.opened("REG-4", 1, NOW, END_1));
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count())
        .isZero();
  }

  @Test
  void anEscalatedPeriodReportGoesToALeaderAndBackToTheUnit() {
    ProcessInstance instance = startRegular("REG-5", "MONTHLY", List.of());
    submitReport(instance, 61L, ReportStatus.IN_PROGRESS);
    review(instance, Decision.ESCALATE, "Kinh phí?");

    Task direction = openTasks(instance, FormKeys.DIRECTION).get(0);
    assertThat(candidateGroups(direction)).containsExactly(LEADER_GROUP);
    complete(direction, withVariables(Vars.DIRECTION, "Sở Tài chính bố trí"));
    assertThat(instance).isWaitingAt(RESUBMIT_PERIOD_REPORT);
  }

  @Test
  void theUrgeTimerOfAPeriodUrgesWhileItsFirstReportIsDue() {
    ProcessInstance instance = startRegular("REG-6", "MONTHLY", List.of());
    Task report = openTasks(instance, FormKeys.REPORT).get(0);

    ClockUtil.setCurrentTime(Date.from(END_1.minus(2, ChronoUnit.DAYS)));
    execute(job(PERIOD_URGE_TIME, instance));

    assertThat(EVENTS.all())
        .containsExactly(TaskCycleProcessTest.RecordingEvents.urged("REG-6", 1));
    // non-interrupting: the same report step is still open, the period's end still pending
    assertThat(openTasks(instance, FormKeys.REPORT).get(0).getId()).isEqualTo(report.getId());
    assertThat(job(PERIOD_ENDED_UNREPORTED, instance)).isNotNull();
  }

  @Test
  void periodsShorterThanAMinuteWorkTheSameWay() {
    // as the integration test runs them
    ProcessInstance instance = startRegular("REG-7", "PT20S", List.of(), NOW.plusSeconds(60));
    assertThat(runtimeService.getVariable(instance.getId(), Vars.PERIOD_END))
        .isEqualTo(Date.from(NOW.plusSeconds(20)));

    ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(21)));
    execute(job(PERIOD_ENDED_UNREPORTED, instance));
    assertThat(runtimeService.getVariable(instance.getId(), Vars.PERIOD_END))
        .isEqualTo(Date.from(NOW.plusSeconds(40)));
    ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(41)));
    execute(job(PERIOD_ENDED_UNREPORTED, instance));
    ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(61)));
    execute(job(PERIOD_ENDED_UNREPORTED, instance));

    assertThat(instance).isEnded();
    assertThat(PERIODS.all()).filteredOn(e -> e.startsWith("missed")).hasSize(3);
    assertThat(PERIODS.all()).last().isEqualTo(RecordingPeriodEvents.ended("REG-7"));
  }

  @Test
  void aRegularTaskTakesNoExtensionRequest() {
    ProcessInstance instance = startRegular("REG-8", "MONTHLY", List.of());

    assertThatThrownBy(() -> requestExtension(instance, 1L))
        .isInstanceOf(MismatchingMessageCorrelationException.class);
  }

  // ---------------------------------------------------------------------------------- extensions

  @Test
  void aRequestOpensADecisionStepForTheSupervisorsBesideTheReporting() {
    ProcessInstance instance = startOneOff("EXT-1", List.of());
    Task report = openTasks(instance, FormKeys.REPORT).get(0);

    requestExtension(instance, 7L);

    assertThat(instance).isWaitingAt(DECIDE_EXTENSION, SUBMIT_REPORT);
    Task decision = openTasks(instance, FormKeys.EXTENSION).get(0);
    assertThat(candidateGroups(decision)).containsExactly(SUPERVISOR_GROUP);
    assertThat(runtimeService.getVariable(instance.getId(), Vars.EXTENSION_ID)).isEqualTo(7L);
    // the unit's report step is the same one: a request does not disturb the reporting
    assertThat(openTasks(instance, FormKeys.REPORT).get(0).getId()).isEqualTo(report.getId());
  }

  @Test
  void aGrantMovesTheUrgeAndDeadlineTimersToTheNewDeadline() {
    ProcessInstance instance = startOneOff("EXT-2", List.of());
    assertThat(job(URGE_BEFORE_DEADLINE, instance).getDuedate()).isEqualTo(URGE_AT);
    assertThat(job(DEADLINE_PASSED, instance).getDuedate()).isEqualTo(DEADLINE);

    requestExtension(instance, 8L);
    grant(instance);

    assertThat(job(URGE_BEFORE_DEADLINE, instance).getDuedate()).isEqualTo(NEW_URGE_AT);
    assertThat(job(DEADLINE_PASSED, instance).getDuedate()).isEqualTo(NEW_DEADLINE);
    assertThat(
            managementService.createJobQuery().processInstanceId(instance.getId()).timers().count())
        .isEqualTo(2);
    assertThat(runtimeService.getVariable(instance.getId(), Vars.DEADLINE)).isEqualTo(NEW_DEADLINE);
    assertThat(instance).isWaitingAt(SUBMIT_REPORT);
    assertThat(openTasks(instance, FormKeys.EXTENSION)).isEmpty();

    // the old deadline passes quietly; the new one is the one that marks the task overdue
    ClockUtil.setCurrentTime(Date.from(DEADLINE.toInstant().plus(1, ChronoUnit.DAYS)));
    assertThat(
            managementService
                .createJobQuery()
                .processInstanceId(instance.getId())
                .executable()
                .count())
        .isZero();
    ClockUtil.setCurrentTime(Date.from(NEW_DEADLINE.toInstant().plusSeconds(1)));
    execute(job(URGE_BEFORE_DEADLINE, instance));
    execute(job(DEADLINE_PASSED, instance));
    assertThat(EVENTS.all())
        .containsExactly(
            TaskCycleProcessTest.RecordingEvents.urged("EXT-2", 1),
            TaskCycleProcessTest.RecordingEvents.overdue("EXT-2"));
  }

  @Test
  void aGrantArmsAgainTheTimersThatAlreadyFired() {
    ProcessInstance instance = startOneOff("EXT-3", List.of());
    ClockUtil.setCurrentTime(Date.from(DEADLINE.toInstant().plus(1, ChronoUnit.HOURS)));
    execute(job(URGE_BEFORE_DEADLINE, instance));
    execute(job(DEADLINE_PASSED, instance));
    assertThat(runtimeService.getVariable(instance.getId(), Vars.OVERDUE)).isEqualTo(true);
    assertThat(
            managementService.createJobQuery().processInstanceId(instance.getId()).timers().count())
        .isZero();

    requestExtension(instance, 9L);
    grant(instance);

    // both timers exist again, for the new deadline, and the task is no longer overdue against it
    assertThat(job(URGE_BEFORE_DEADLINE, instance).getDuedate()).isEqualTo(NEW_URGE_AT);
    assertThat(job(DEADLINE_PASSED, instance).getDuedate()).isEqualTo(NEW_DEADLINE);
    assertThat(runtimeService.getVariable(instance.getId(), Vars.OVERDUE)).isEqualTo(false);

    ClockUtil.setCurrentTime(Date.from(NEW_DEADLINE.toInstant().plusSeconds(1)));
    execute(job(DEADLINE_PASSED, instance));
    assertThat(runtimeService.getVariable(instance.getId(), Vars.OVERDUE)).isEqualTo(true);
    assertThat(EVENTS.all()).filteredOn(e -> e.startsWith("overdue")).hasSize(2);
  }

  @Test
  void aRefusalLeavesTheTimersAsTheyWereAndTheUnitMayAskAgain() {
    ProcessInstance instance = startOneOff("EXT-4", List.of());
    Job urge = job(URGE_BEFORE_DEADLINE, instance);
    Job deadline = job(DEADLINE_PASSED, instance);

    requestExtension(instance, 10L);
    complete(
        openTasks(instance, FormKeys.EXTENSION).get(0),
        withVariables(Vars.EXTENSION_DECISION, ExtensionDecision.REFUSE));

    assertThat(job(URGE_BEFORE_DEADLINE, instance).getId()).isEqualTo(urge.getId());
    assertThat(job(DEADLINE_PASSED, instance).getId()).isEqualTo(deadline.getId());
    assertThat(job(DEADLINE_PASSED, instance).getDuedate()).isEqualTo(DEADLINE);
    requestExtension(instance, 11L);
    assertThat(openTasks(instance, FormKeys.EXTENSION)).hasSize(1);
  }

  @Test
  void aSecondRequestWhileOneAwaitsADecisionIsNotTaken() {
    ProcessInstance instance = startOneOff("EXT-5", List.of());
    requestExtension(instance, 12L);

    assertThatThrownBy(() -> requestExtension(instance, 13L))
        .isInstanceOf(MismatchingMessageCorrelationException.class);
    assertThat(runtimeService.getVariable(instance.getId(), Vars.EXTENSION_ID)).isEqualTo(12L);
  }

  @Test
  void anUnknownExtensionDecisionFailsAndLeavesTheStepOpen() {
    ProcessInstance instance = startOneOff("EXT-6", List.of());
    requestExtension(instance, 14L);
    Task decision = openTasks(instance, FormKeys.EXTENSION).get(0);

    assertThatThrownBy(() -> complete(decision, withVariables(Vars.EXTENSION_DECISION, "MAYBE")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("extensionDecision");
    assertThat(instance).isWaitingAt(DECIDE_EXTENSION);
  }

  @Test
  void aPendingRequestEndsWithTheTask() {
    ProcessInstance instance = startOneOff("EXT-7", List.of());
    requestExtension(instance, 15L);
    submitReport(instance, 71L, ReportStatus.DONE);
    review(instance, Decision.APPROVE, null);

    assertThat(instance).isEnded();
  }

  // ---------------------------------------------------------------------------------- helpers

  /**
   * Starts a ONE_OFF cycle as the application does (TaskAssignments.cycleVariables,
   * Workflow.start).
   */
  private ProcessInstance startOneOff(String taskCode, List<String> coordinatingUnits) {
    Map<String, Object> variables = common(TaskKind.ONE_OFF, coordinatingUnits);
    variables.put(Vars.DEADLINE, DEADLINE);
    variables.put(Vars.URGE_AT, URGE_AT);
    return runtimeService.startProcessInstanceByKey(
        TaskCycleContract.DEFAULT_PROCESS_ID, taskCode, variables);
  }

  private ProcessInstance startRegular(
      String taskCode, String period, List<String> coordinatingUnits) {
    return startRegular(taskCode, period, coordinatingUnits, UNTIL);
  }

  private ProcessInstance startRegular(
      String taskCode, String period, List<String> coordinatingUnits, Instant until) {
    Map<String, Object> variables = common(TaskKind.REGULAR, coordinatingUnits);
    variables.put(Vars.DEADLINE, Date.from(until));
    variables.put(Vars.REPORTING_PERIOD, period);
    variables.put(Vars.REPORTING_FROM, Date.from(NOW));
    variables.put(Vars.REPORTING_UNTIL, Date.from(until));
    return runtimeService.startProcessInstanceByKey(
        TaskCycleContract.DEFAULT_PROCESS_ID, taskCode, variables);
  }

  private static Map<String, Object> common(String kind, List<String> coordinatingUnits) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Vars.TASK_KIND, kind);
    variables.put(Vars.LEAD_UNIT, LEAD_UNIT);
    variables.put(Vars.SUPERVISOR_GROUP, SUPERVISOR_GROUP);
    variables.put(Vars.LEADER_GROUP, LEADER_GROUP);
    variables.put(
        Vars.COORDINATING_UNITS,
        Variables.objectValue(List.copyOf(coordinatingUnits), true).create());
    return variables;
  }

  private void requestExtension(ProcessInstance instance, long extensionId) {
    runtimeService
        .createMessageCorrelation(Messages.EXTENSION_REQUESTED)
        .processInstanceBusinessKey(instance.getBusinessKey())
        .setVariable(Vars.EXTENSION_ID, extensionId)
        .correlate();
  }

  /**
   * What the code sends with a grant: the decision, the new deadline and urge time, overdue
   * cleared.
   */
  private void grant(ProcessInstance instance) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Vars.EXTENSION_DECISION, ExtensionDecision.GRANT);
    variables.put(Vars.DEADLINE, NEW_DEADLINE);
    variables.put(Vars.URGE_AT, NEW_URGE_AT);
    variables.put(Vars.OVERDUE, false);
    complete(openTasks(instance, FormKeys.EXTENSION).get(0), variables);
  }

  private void submitReport(ProcessInstance instance, long reportId, String reportStatus) {
    List<Task> steps = openTasks(instance, FormKeys.REPORT);
    assertThat(steps).as("open report steps").hasSize(1);
    complete(
        steps.get(0), withVariables(Vars.REPORT_ID, reportId, Vars.REPORT_STATUS, reportStatus));
  }

  private void review(ProcessInstance instance, String decision, String comment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Vars.DECISION, decision);
    variables.put(Vars.DECISION_COMMENT, comment);
    List<Task> steps = openTasks(instance, FormKeys.REVIEW);
    assertThat(steps).as("open review steps").hasSize(1);
    complete(steps.get(0), variables);
  }

  /** Moves the clock and runs the instance's single due job, as the job executor would. */
  private void runDueJob(ProcessInstance instance, Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
    List<Job> due =
        managementService.createJobQuery().processInstanceId(instance.getId()).executable().list();
    assertThat(due).as("due jobs at %s", at).hasSize(1);
    execute(due.get(0));
  }

  private List<Task> openTasks(ProcessInstance instance, String formKey) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .initializeFormKeys()
        .list()
        .stream()
        .filter(task -> formKey.equals(task.getFormKey()))
        .toList();
  }

  private Task stepOf(ProcessInstance instance, String formKey, String group) {
    List<Task> steps =
        taskService
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .taskCandidateGroup(group)
            .initializeFormKeys()
            .list()
            .stream()
            .filter(task -> formKey.equals(task.getFormKey()))
            .toList();
    assertThat(steps).as("%s steps of %s", formKey, group).hasSize(1);
    return steps.get(0);
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }
}
