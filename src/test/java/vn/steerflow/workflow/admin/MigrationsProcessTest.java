package vn.steerflow.workflow.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationReport;
import org.camunda.bpm.engine.migration.MigrationVariableValidationReport;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.FieldError;
import vn.steerflow.workflow.TaskCycleContract;
import vn.steerflow.workflow.TaskCycleContract.Decision;
import vn.steerflow.workflow.TaskCycleContract.FormKeys;
import vn.steerflow.workflow.TaskCycleContract.ReportStatus;
import vn.steerflow.workflow.TaskCycleContract.TaskKind;
import vn.steerflow.workflow.TaskCycleContract.Vars;
import vn.steerflow.workflow.delegate.ReportingPeriodEvents;
import vn.steerflow.workflow.delegate.TaskCycleBeans;
import vn.steerflow.workflow.delegate.TaskCycleEvents;
import vn.steerflow.workflow.derby.DerbyTestEngines;

/**
 * Migrating running task cycles on a Derby engine configured as the server's: a dry run reports
 * what would move and changes nothing; a real run moves each instance on its own, and the cycle
 * goes on in the new version; an instance the target cannot place stays where it is, reported in
 * plain words, while the others move; bad requests change nothing.
 */
class MigrationsProcessTest {

  private static final String ADMIN = "admin";
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Date DEADLINE = Date.from(NOW.plus(30, ChronoUnit.DAYS));
  private static final Date URGE_AT = Date.from(NOW.plus(20, ChronoUnit.DAYS));

  // activity ids of the default model; the code goes by form key, the migration by id
  private static final String SUBMIT_REPORT = "submitReport";
  private static final String REVIEW_REPORT = "reviewReport";
  private static final String CONTRIBUTE = "contributeToTask";
  private static final String EXTENSION_REQUESTED = "extensionRequested";

  private static ProcessEngine engine;
  private static Migrations migrations;

  private final List<String> deployments = new ArrayList<>();

  @BeforeAll
  static void buildEngine() {
    StandaloneProcessEngineConfiguration configuration =
        DerbyTestEngines.configuration(
            "migrations-test", DerbyTestEngines.newDatabaseFolder("migrations"));
    configuration.setBeans(new HashMap<>(TaskCycleBeans.allowlist(NO_EVENTS, NO_PERIODS)));
    configuration.setJavaSerializationFormatEnabled(false);
    engine = configuration.buildProcessEngine();
    migrations = new Migrations(engine);
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @AfterEach
  void removeDeployments() {
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
  }

  // ---------------------------------------------------------------------------------- dry run

  @Test
  void aDryRunReportsWhereEachActivityGoesAndChangesNothing() {
    ProcessDefinition v1 = deploy(bundledModel());
    ProcessInstance instance = startOneOff("DRY-1", List.of("unit:CAT"));
    ProcessDefinition v2 = deploy(renamed(bundledModel()));
    List<String> jobsBefore = jobDefinitions(instance);

    MigrationReport report = migrations.migrate(byTaskCodes(v1, v2, true, "DRY-1"), ADMIN);

    assertThat(report.dryRun()).isTrue();
    assertThat(report.source().id()).isEqualTo(v1.getId());
    assertThat(report.target().id()).isEqualTo(v2.getId());
    assertThat(report.planProblems()).isEmpty();
    assertThat(report.instances()).hasSize(1);
    InstanceMigration only = report.instances().get(0);
    assertThat(only.processInstanceId()).isEqualTo(instance.getId());
    assertThat(only.taskCode()).isEqualTo("DRY-1");
    assertThat(only.status()).isEqualTo(MigrationStatus.WOULD_MIGRATE);
    assertThat(only.problems()).isEmpty();
    assertThat(only.moves())
        .contains(
            new ActivityMove(
                SUBMIT_REPORT, "Submit progress report", SUBMIT_REPORT, "Submit progress report"),
            new ActivityMove(
                EXTENSION_REQUESTED,
                "Extension requested",
                EXTENSION_REQUESTED,
                "Extension requested"),
            new ActivityMove(
                CONTRIBUTE,
                "Contribute as coordinating unit",
                CONTRIBUTE,
                "Contribute as coordinating unit"))
        .allSatisfy(move -> assertThat(move.to()).isEqualTo(move.from()))
        .extracting(ActivityMove::from)
        .doesNotHaveDuplicates()
        .noneMatch(from -> from.contains("#"));
    assertThat(report.counts())
        .containsEntry(MigrationStatus.WOULD_MIGRATE, 1L)
        .containsEntry(MigrationStatus.MIGRATED, 0L);

    // rolled back: the instance, its steps and its timers are on v1, and no migration is on record
    assertThat(definitionOf(instance)).isEqualTo(v1.getId());
    assertThat(openStep(instance, FormKeys.REPORT).getProcessDefinitionId()).isEqualTo(v1.getId());
    assertThat(jobDefinitions(instance)).isEqualTo(jobsBefore);
    assertThat(migrationsOnRecord(v1)).isEmpty();
  }

  // ---------------------------------------------------------------------------------- real run

  @Test
  void aMigratedCycleGoesOnInTheNewVersionWithItsTimersAndTheAdminOnRecord() {
    ProcessDefinition v1 = deploy(bundledModel());
    ProcessInstance instance = startOneOff("RUN-1", List.of());
    Date urgeDue = timerDue(instance);
    ProcessDefinition v2 = deploy(renamed(bundledModel()));

    MigrationReport report =
        migrations.migrate(
            new MigrationRequest(
                v1.getKey() + ":" + v1.getVersion(),
                v2.getKey() + ":" + v2.getVersion(),
                List.of(instance.getId()),
                null,
                null,
                false),
            ADMIN);

    assertThat(report.dryRun()).isFalse();
    assertThat(report.instances())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.status()).isEqualTo(MigrationStatus.MIGRATED);
              assertThat(i.moves())
                  .contains(
                      new ActivityMove(
                          SUBMIT_REPORT,
                          "Submit progress report",
                          SUBMIT_REPORT,
                          "Submit progress report"));
            });
    assertThat(definitionOf(instance)).isEqualTo(v2.getId());
    // the timers moved with their due dates
    assertThat(timerDue(instance)).isEqualTo(urgeDue);
    assertThat(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .list())
        .isNotEmpty()
        .allSatisfy(job -> assertThat(job.getProcessDefinitionId()).isEqualTo(v2.getId()));
    assertThat(migrationsOnRecord(v1))
        .isNotEmpty()
        .allSatisfy(entry -> assertThat(entry.getUserId()).isEqualTo(ADMIN));
    assertThat(engine.getIdentityService().getCurrentAuthentication()).isNull();

    // the open step is v2's, and the cycle runs to its end there
    TaskService tasks = engine.getTaskService();
    tasks.complete(
        openStep(instance, FormKeys.REPORT).getId(),
        Variables.putValue(Vars.REPORT_ID, 1L).putValue(Vars.REPORT_STATUS, ReportStatus.DONE));
    Task review = openStep(instance, FormKeys.REVIEW);
    assertThat(review.getProcessDefinitionId()).isEqualTo(v2.getId());
    tasks.complete(review.getId(), Variables.putValue(Vars.DECISION, Decision.APPROVE));
    assertThat(runtime().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();
  }

  @Test
  void anInstanceTheTargetCannotPlaceStaysOnItsVersionWhileTheOthersMove() {
    ProcessDefinition v1 = deploy(bundledModel());
    ProcessInstance waitingForReport = startOneOff("MIX-1", List.of());
    ProcessInstance underReview = startOneOff("MIX-2", List.of());
    engine
        .getTaskService()
        .complete(
            openStep(underReview, FormKeys.REPORT).getId(),
            Variables.putValue(Vars.REPORT_ID, 2L)
                .putValue(Vars.REPORT_STATUS, ReportStatus.IN_PROGRESS));
    // the target calls the review step by another id: an instance waiting there has nowhere to go
    ProcessDefinition noReview =
        deploy(bundledModel().replaceAll("\\b" + REVIEW_REPORT + "\\b", "reviewProgress"));

    MigrationReport report =
        migrations.migrate(
            new MigrationRequest(v1.getId(), noReview.getId(), null, null, true, false), ADMIN);

    assertThat(report.instances())
        .extracting(InstanceMigration::taskCode, InstanceMigration::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("MIX-1", MigrationStatus.MIGRATED),
            org.assertj.core.groups.Tuple.tuple("MIX-2", MigrationStatus.NOT_MIGRATABLE));
    InstanceMigration refused = report.instances().get(1);
    assertThat(refused.moves())
        .contains(new ActivityMove(REVIEW_REPORT, "Review report", null, null));
    assertThat(refused.problems())
        .singleElement()
        .asString()
        .startsWith("'reviewReport' (Review report): ")
        .contains("no activity with this id");
    assertThat(report.counts())
        .containsEntry(MigrationStatus.MIGRATED, 1L)
        .containsEntry(MigrationStatus.NOT_MIGRATABLE, 1L);
    assertThat(report.notIncluded()).isZero();

    assertThat(definitionOf(waitingForReport)).isEqualTo(noReview.getId());
    assertThat(definitionOf(underReview)).isEqualTo(v1.getId());
    assertThat(openStep(underReview, FormKeys.REVIEW).getProcessDefinitionId())
        .isEqualTo(v1.getId());
    // one migration on record, of one instance: the refused one was rolled back
    assertThat(migrationsOnRecord(v1))
        .filteredOn(e -> "nrOfInstances".equals(e.getProperty()))
        .singleElement()
        .satisfies(e -> assertThat(e.getNewValue()).isEqualTo("1"));
  }

  // ---------------------------------------------------------------------------------- bad input

  @Test
  void badRequestsNameTheFieldAndMoveNothing() {
    ProcessDefinition v1 = deploy(bundledModel());
    ProcessInstance instance = startOneOff("BAD-1", List.of());
    ProcessDefinition v2 = deploy(renamed(bundledModel()));

    assertBadRequest(
        new MigrationRequest("task-cycle:999", v2.getId(), null, List.of("BAD-1"), null, false),
        "source");
    assertBadRequest(
        new MigrationRequest(v1.getId(), "no-such-definition", null, List.of("BAD-1"), null, false),
        "target");
    assertBadRequest(
        new MigrationRequest(v1.getId(), v1.getId(), null, List.of("BAD-1"), null, false),
        "target");
    // no way, or two ways, of choosing instances
    assertBadRequest(new MigrationRequest(v1.getId(), v2.getId(), null, null, null, false), null);
    assertBadRequest(
        new MigrationRequest(
            v1.getId(), v2.getId(), List.of(instance.getId()), List.of("BAD-1"), null, false),
        null);
    assertBadRequest(
        new MigrationRequest(v1.getId(), v2.getId(), null, List.of(), null, false), "taskCodes");
    // one good task code and one without a cycle: nothing moves
    assertBadRequest(
        new MigrationRequest(
            v1.getId(), v2.getId(), null, List.of("BAD-1", "NO-SUCH"), null, false),
        "taskCodes[1]");
    // an instance that runs on another version than the source
    assertBadRequest(
        new MigrationRequest(
            v2.getId(), v1.getId(), List.of(instance.getId(), "no-such-id"), null, null, false),
        "processInstanceIds[0]");

    assertThat(definitionOf(instance)).isEqualTo(v1.getId());
    assertThat(migrationsOnRecord(v1)).isEmpty();
    assertThat(migrationsOnRecord(v2)).isEmpty();
  }

  @Test
  void theNotMigratableWordingNamesTheActivityAndPassesOtherFailuresThrough() {
    assertThat(
            Migrations.describe(
                "contributeToTask#multiInstanceBody", "Something Camunda says", null))
        .isEqualTo("'contributeToTask': Something Camunda says");
  }

  @Test
  void aRefusedPlanIsDescribedMappingByMappingAndVariableByVariable() {
    MigrationInstruction mapping =
        new MigrationInstruction() {
          @Override
          public String getSourceActivityId() {
            return "submitReport";
          }

          @Override
          public String getTargetActivityId() {
            return "reviewReport";
          }

          @Override
          public boolean isUpdateEventTrigger() {
            return false;
          }
        };
    MigrationInstructionValidationReport instruction =
        new MigrationInstructionValidationReport() {
          @Override
          public MigrationInstruction getMigrationInstruction() {
            return mapping;
          }

          @Override
          public boolean hasFailures() {
            return true;
          }

          @Override
          public List<String> getFailures() {
            return List.of("Activities have incompatible types");
          }
        };
    MigrationVariableValidationReport variable =
        new MigrationVariableValidationReport() {
          @Override
          @SuppressWarnings("unchecked")
          public <T extends TypedValue> T getTypedValue() {
            return (T) Variables.stringValue("x");
          }

          @Override
          public boolean hasFailures() {
            return true;
          }

          @Override
          public List<String> getFailures() {
            return List.of("Cannot set variable");
          }
        };
    MigrationPlanValidationReport report =
        new MigrationPlanValidationReport() {
          @Override
          public MigrationPlan getMigrationPlan() {
            return null;
          }

          @Override
          public boolean hasReports() {
            return true;
          }

          @Override
          public boolean hasInstructionReports() {
            return true;
          }

          @Override
          public boolean hasVariableReports() {
            return true;
          }

          @Override
          public List<MigrationInstructionValidationReport> getInstructionReports() {
            return List.of(instruction);
          }

          @Override
          public Map<String, MigrationVariableValidationReport> getVariableReports() {
            return Map.of("leadUnit", variable);
          }
        };

    assertThat(Migrations.planProblems(report))
        .containsExactly(
            "moving 'submitReport' to 'reviewReport': Activities have incompatible types",
            "variable 'leadUnit': Cannot set variable");
  }

  // ---------------------------------------------------------------------------------- helpers

  private static MigrationRequest byTaskCodes(
      ProcessDefinition source, ProcessDefinition target, boolean dryRun, String... codes) {
    return new MigrationRequest(source.getId(), target.getId(), null, List.of(codes), null, dryRun);
  }

  private void assertBadRequest(MigrationRequest request, String field) {
    ApiException e =
        catchThrowableOfType(ApiException.class, () -> migrations.migrate(request, ADMIN));
    assertThat(e).as("400 for %s", request).isNotNull();
    assertThat(e.status()).isEqualTo(400);
    if (field != null) {
      assertThat(e.errors()).extracting(FieldError::field).contains(field);
    }
  }

  private ProcessDefinition deploy(String xml) {
    String deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .name("migrations-test")
            .addString(TaskCycleContract.DEFAULT_PROCESS_ID + ".bpmn", xml)
            .deploy()
            .getId();
    deployments.add(deployment);
    return engine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .deploymentId(deployment)
        .singleResult();
  }

  private static String bundledModel() {
    try (InputStream in =
        MigrationsProcessTest.class
            .getClassLoader()
            .getResourceAsStream("bpmn/" + TaskCycleContract.DEFAULT_PROCESS_ID + ".bpmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same model under another name: a new version with the same activities. */
  private static String renamed(String xml) {
    String renamed =
        xml.replaceFirst(
            "(<bpmn:process id=\"task-cycle\" name=\")[^\"]*\"",
            "$1Task cycle " + UUID.randomUUID() + "\"");
    assertThat(renamed).isNotEqualTo(xml);
    return renamed;
  }

  private ProcessInstance startOneOff(String taskCode, List<String> coordinatingUnits) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Vars.TASK_KIND, TaskKind.ONE_OFF);
    variables.put(Vars.LEAD_UNIT, "unit:STP");
    variables.put(Vars.SUPERVISOR_GROUP, "supervisors:BCD-LC");
    variables.put(Vars.LEADER_GROUP, "leaders:BCD-LC");
    variables.put(
        Vars.COORDINATING_UNITS,
        Variables.objectValue(List.copyOf(coordinatingUnits), true).create());
    variables.put(Vars.DEADLINE, DEADLINE);
    variables.put(Vars.URGE_AT, URGE_AT);
    return runtime()
        .startProcessInstanceByKey(TaskCycleContract.DEFAULT_PROCESS_ID, taskCode, variables);
  }

  private static RuntimeService runtime() {
    return engine.getRuntimeService();
  }

  private static String definitionOf(ProcessInstance instance) {
    return runtime()
        .createProcessInstanceQuery()
        .processInstanceId(instance.getId())
        .singleResult()
        .getProcessDefinitionId();
  }

  private static Task openStep(ProcessInstance instance, String formKey) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .initializeFormKeys()
        .list()
        .stream()
        .filter(t -> formKey.equals(t.getFormKey()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no open " + formKey + " step"));
  }

  private static List<String> jobDefinitions(ProcessInstance instance) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(instance.getId())
        .orderByJobId()
        .asc()
        .list()
        .stream()
        .map(Job::getProcessDefinitionId)
        .toList();
  }

  /** The due date of the urge timer, the earliest of the instance's timers. */
  private static Date timerDue(ProcessInstance instance) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(instance.getId())
        .timers()
        .orderByJobDuedate()
        .asc()
        .list()
        .get(0)
        .getDuedate();
  }

  /** The engine's record of migrations from the version (one entry per migrated instance here). */
  private static List<UserOperationLogEntry> migrationsOnRecord(ProcessDefinition source) {
    return engine
        .getHistoryService()
        .createUserOperationLogQuery()
        .processDefinitionId(source.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_MIGRATE)
        .list();
  }

  private static final TaskCycleEvents NO_EVENTS =
      new TaskCycleEvents() {
        @Override
        public void unitUrged(String taskCode, int urgeCount) {}

        @Override
        public void taskOverdue(String taskCode) {}
      };

  private static final ReportingPeriodEvents NO_PERIODS =
      new ReportingPeriodEvents() {
        @Override
        public void periodOpened(String taskCode, int number, Instant start, Instant end) {}

        @Override
        public void periodMissed(String taskCode, int number) {}

        @Override
        public void reportingEnded(String taskCode) {}
      };
}
