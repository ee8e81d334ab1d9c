package vn.steerflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.steerflow.workflow.TaskCycleContract.Decision;
import vn.steerflow.workflow.TaskCycleContract.FormKeys;
import vn.steerflow.workflow.TaskCycleContract.ReportStatus;
import vn.steerflow.workflow.TaskCycleContract.TaskKind;
import vn.steerflow.workflow.TaskCycleContract.Vars;
import vn.steerflow.workflow.delegate.TaskCycleBeans;
import vn.steerflow.workflow.derby.DerbyTestEngines;
import vn.steerflow.workflow.model.ModelGuardPlugin;

/**
 * The two-level review model on a Derby engine configured as the server's (the guard included, so
 * deploying it is itself a check): the lead unit's leaders decide before the supervisors, through
 * steps the code tells apart by form key and candidate group only. And {@link Workflow} starting a
 * task on a chosen version.
 */
@Deployment(resources = {"bpmn/task-cycle-two-level-review.bpmn", "bpmn/task-cycle.bpmn"})
class TwoLevelReviewProcessTest {

  private static final String PROCESS = "task-cycle-two-level-review";
  private static final String LEAD_UNIT = WorkGroups.unit("STP");
  private static final String UNIT_LEADERS = WorkGroups.unitLeaders("STP");
  private static final String SUPERVISORS = WorkGroups.supervisors("BCD-LC");
  private static final String LEADERS = WorkGroups.leaders("BCD-LC");

  private static final Instant NOW = Instant.parse("2025-03-03T01:00:00Z");

  private static final TaskCycleProcessTest.RecordingEvents EVENTS =
      new TaskCycleProcessTest.RecordingEvents();
  private static final RecordingPeriodEvents PERIODS = new RecordingPeriodEvents();

  @RegisterExtension
  static final ProcessEngineExtension EXTENSION =
      ProcessEngineExtension.builder().useProcessEngine(buildEngine()).build();

  private final RuntimeService runtimeService = EXTENSION.getRuntimeService();
  private final TaskService taskService = EXTENSION.getTaskService();

  private static ProcessEngine buildEngine() {
    StandaloneProcessEngineConfiguration configuration =
        DerbyTestEngines.configuration(
            "two-level-review-test", DerbyTestEngines.newDatabaseFolder("two-level-review"));
    configuration.setBeans(new HashMap<>(TaskCycleBeans.allowlist(EVENTS, PERIODS)));
    configuration
        .getProcessEnginePlugins()
        .add(new ModelGuardPlugin(ModelGuardPlugin.DEFAULT_MAX_BYTES));
    return configuration.buildProcessEngine();
  }

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(EXTENSION.getProcessEngine());
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

  @Test
  void theUnitLeaderApprovesFirstThenTheSupervisorsApprovalEndsTheTask() {
    ProcessInstance instance = start("TL-001", TaskKind.ONE_OFF);

    report(instance, 1L, ReportStatus.DONE);
    Task unitReview = openStep(instance, FormKeys.REVIEW);
    assertThat(candidateGroups(unitReview)).containsExactly(UNIT_LEADERS);
    decide(unitReview, Decision.APPROVE, null);

    Task agencyReview = openStep(instance, FormKeys.REVIEW);
    assertThat(agencyReview.getId()).isNotEqualTo(unitReview.getId());
    assertThat(candidateGroups(agencyReview)).containsExactly(SUPERVISORS);
    // the report under review is still the unit's report
    assertThat(runtimeService.getVariable(instance.getId(), Vars.REPORT_ID)).isEqualTo(1L);
    decide(agencyReview, Decision.APPROVE, null);

    assertThat(instance).isEnded();
  }

  @Test
  void theUnitLeaderReturnsTheReportToTheUnitAndTheSupervisorsNeverSeeIt() {
    ProcessInstance instance = start("TL-002", TaskKind.ONE_OFF);

    report(instance, 2L, ReportStatus.DONE);
    decide(openStep(instance, FormKeys.REVIEW), Decision.RETURN, "Thiếu số liệu");

    Task again = openStep(instance, FormKeys.REPORT);
    assertThat(candidateGroups(again)).containsExactly(LEAD_UNIT);
    assertThat(taskService.createTaskQuery().taskCandidateGroup(SUPERVISORS).count()).isZero();
  }

  @Test
  void theUnitLeaderEscalatesToTheCommitteeLeadersWhoseDirectionGoesBackToTheUnit() {
    ProcessInstance instance = start("TL-003", TaskKind.ONE_OFF);

    report(instance, 3L, ReportStatus.IN_PROGRESS);
    decide(openStep(instance, FormKeys.REVIEW), Decision.ESCALATE, "Kinh phí?");

    Task direction = openStep(instance, FormKeys.DIRECTION);
    assertThat(candidateGroups(direction)).containsExactly(LEADERS);
    taskService.complete(direction.getId(), Map.of(Vars.DIRECTION, "Sở Tài chính bố trí"));
    assertThat(candidateGroups(openStep(instance, FormKeys.REPORT))).containsExactly(LEAD_UNIT);
  }

  @Test
  void aRegularTasksPeriodReportPassesBothReviewsToo() {
    ProcessInstance instance = start("TL-004", TaskKind.REGULAR);

    report(instance, 4L, ReportStatus.IN_PROGRESS);
    decide(openStep(instance, FormKeys.REVIEW), Decision.APPROVE, null);
    Task agencyReview = openStep(instance, FormKeys.REVIEW);
    assertThat(candidateGroups(agencyReview)).containsExactly(SUPERVISORS);
    decide(agencyReview, Decision.APPROVE, null);

    // approved IN_PROGRESS: the period waits for its end; no step is open
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).list()).isEmpty();
    assertThat(instance).isWaitingAt("periodOver");
  }

  @Test
  void workflowStartsATaskOnTheLatestActiveVersionOrOnAChosenOne() {
    Workflow workflow = new Workflow(EXTENSION.getProcessEngine());
    var repository = EXTENSION.getProcessEngine().getRepositoryService();
    String only =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(PROCESS)
            .singleResult()
            .getId();

    assertThat(workflow.startableVersion(PROCESS, null).definitionId()).isEqualTo(only);
    assertThat(workflow.startableVersion(PROCESS, 1).version()).isEqualTo(1);
    assertThatThrownBy(() -> workflow.startableVersion(PROCESS, 2))
        .isInstanceOf(ModelUnavailableException.class)
        .hasMessageContaining("has no version 2");

    repository.suspendProcessDefinitionById(only);
    try {
      assertThatThrownBy(() -> workflow.startableVersion(PROCESS, 1))
          .isInstanceOf(ModelUnavailableException.class)
          .hasMessageContaining("suspended");
      assertThatThrownBy(() -> workflow.startableVersion(PROCESS, null))
          .isInstanceOf(ModelUnavailableException.class)
          .hasMessageContaining("no active version");
    } finally {
      repository.activateProcessDefinitionById(only);
    }
  }

  // --- helpers

  private ProcessInstance start(String taskCode, String kind) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Vars.TASK_KIND, kind);
    variables.put(Vars.LEAD_UNIT, LEAD_UNIT);
    variables.put(Vars.LEAD_UNIT_LEADER_GROUP, UNIT_LEADERS);
    variables.put(Vars.SUPERVISOR_GROUP, SUPERVISORS);
    variables.put(Vars.LEADER_GROUP, LEADERS);
    variables.put(Vars.COORDINATING_UNITS, List.of());
    variables.put(Vars.DEADLINE, Date.from(NOW.plus(30, ChronoUnit.DAYS)));
    variables.put(Vars.URGE_AT, Date.from(NOW.plus(20, ChronoUnit.DAYS)));
    if (TaskKind.REGULAR.equals(kind)) {
      variables.put(Vars.REPORTING_PERIOD, "MONTHLY");
      variables.put(Vars.REPORTING_FROM, Date.from(NOW));
      variables.put(Vars.REPORTING_UNTIL, Date.from(NOW.plus(80, ChronoUnit.DAYS)));
    }
    Workflow workflow = new Workflow(EXTENSION.getProcessEngine());
    String id = workflow.start(PROCESS, null, taskCode, variables);
    return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private void report(ProcessInstance instance, long reportId, String status) {
    taskService.complete(
        openStep(instance, FormKeys.REPORT).getId(),
        Map.of(Vars.REPORT_ID, reportId, Vars.REPORT_STATUS, status));
  }

  private void decide(Task review, String decision, String comment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Vars.DECISION, decision);
    variables.put(Vars.DECISION_COMMENT, comment);
    taskService.complete(review.getId(), variables);
  }

  private Task openStep(ProcessInstance instance, String formKey) {
    List<Task> steps =
        taskService
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .initializeFormKeys()
            .list()
            .stream()
            .filter(t -> formKey.equals(t.getFormKey()))
            .toList();
    assertThat(steps).as("open %s steps", formKey).hasSize(1);
    return steps.get(0);
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }
}
