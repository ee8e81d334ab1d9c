package vn.steerflow.workflow.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.migration.MigrationPlanValidationReport;
import org.camunda.bpm.engine.migration.MigrationVariableValidationReport;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.FieldError;

/**
 * Moves running task cycles from one deployed model version to another with Camunda's migration
 * API. The plan maps every activity of the source to the target's activity of the same id ({@code
 * mapEqualActivities}); timers and message subscriptions keep their due dates and names.
 *
 * <p>Each instance moves in its own engine transaction, so one that cannot move stays on its
 * version while the others move. A dry run performs the same migration and rolls it back, so what
 * it reports is what Camunda would do, instance-level checks included. The admin runs as themselves
 * in the engine: the engine's operation log names them.
 */
@ApplicationScoped
public class Migrations {

  /** The most instances one request moves (each is its own transaction). */
  public static final int MAX_INSTANCES = 500;

  /** A definition named by key and version, {@code task-cycle:3}. */
  private static final Pattern KEY_AND_VERSION = Pattern.compile("(.+):(\\d{1,9})");

  private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

  private ProcessEngine engine;

  /** Absent where the class is built without the container (the process tests). */
  @Inject private Event<TaskCycleMigrated> migrated;

  Migrations() {
    // for CDI proxies
  }

  @Inject
  public Migrations(ProcessEngine engine) {
    this.engine = engine;
  }

  /**
   * Checks the request against the deployed versions and running instances (400 naming the field at
   * fault, nothing changed), then migrates or dry-runs each selected instance.
   */
  // No surrounding transaction: each instance's migration must commit or roll back on its own.
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public MigrationReport migrate(MigrationRequest request, String admin) {
    ProcessDefinition source = definition(request.source(), "source");
    ProcessDefinition target = definition(request.target(), "target");
    if (source.getId().equals(target.getId())) {
      throw ApiException.badRequest(
          "target", "source and target are the same version (" + source.getId() + ")");
    }
    Selection selection = select(request, source);
    boolean dryRun = request.dryRun();

    IdentityService identity = engine.getIdentityService();
    identity.setAuthenticatedUserId(admin);
    try {
      MigrationPlan plan;
      try {
        plan =
            engine
                .getRuntimeService()
                .createMigrationPlan(source.getId(), target.getId())
                .mapEqualActivities()
                .build();
      } catch (MigrationPlanValidationException e) {
        List<String> planProblems = planProblems(e.getValidationReport());
        List<InstanceMigration> instances =
            selection.instances().stream()
                .map(
                    p ->
                        new InstanceMigration(
                            p.getId(),
                            p.getBusinessKey(),
                            MigrationStatus.NOT_MIGRATABLE,
                            List.of(),
                            List.of("the migration plan itself is invalid; see planProblems")))
                .toList();
        return report(source, target, dryRun, planProblems, instances, selection.notIncluded());
      }
      Models models = new Models(engine.getRepositoryService(), source.getId(), target.getId());
      List<InstanceMigration> instances = new ArrayList<>();
      for (ProcessInstance instance : selection.instances()) {
        instances.add(migrateOne(plan, instance, dryRun, models));
      }
      return report(source, target, dryRun, List.of(), instances, selection.notIncluded());
    } finally {
      identity.clearAuthentication();
    }
  }

  // ---------------------------------------------------------------------------------- one instance

  private InstanceMigration migrateOne(
      MigrationPlan plan, ProcessInstance instance, boolean dryRun, Models models) {
    String id = instance.getId();
    List<ActivityMove> moves = moves(id, plan, models);
    RuntimeService runtime = engine.getRuntimeService();
    try {
      commandExecutor()
          .execute(
              commandContext -> {
                try {
                  runtime.newMigration(plan).processInstanceIds(id).execute();
                } catch (MigratingProcessInstanceValidationException e) {
                  throw new Outcome(e.getValidationReport());
                }
                if (dryRun) {
                  throw new Outcome(null);
                }
                if (migrated != null) {
                  migrated.fire(
                      new TaskCycleMigrated(
                          instance.getBusinessKey(),
                          id,
                          plan.getSourceProcessDefinitionId(),
                          plan.getTargetProcessDefinitionId()));
                }
                return null;
              });
      return new InstanceMigration(
          id, instance.getBusinessKey(), MigrationStatus.MIGRATED, moves, List.of());
    } catch (Outcome outcome) {
      return outcome.report == null
          ? new InstanceMigration(
              id, instance.getBusinessKey(), MigrationStatus.WOULD_MIGRATE, moves, List.of())
          : new InstanceMigration(
              id,
              instance.getBusinessKey(),
              MigrationStatus.NOT_MIGRATABLE,
              moves,
              instanceProblems(outcome.report, models));
    } catch (OptimisticLockingException e) {
      return new InstanceMigration(
          id,
          instance.getBusinessKey(),
          MigrationStatus.FAILED,
          moves,
          List.of(
              "the instance changed while it was being migrated (a step was done?); try again"));
    } catch (ProcessEngineException e) {
      return new InstanceMigration(
          id, instance.getBusinessKey(), MigrationStatus.FAILED, moves, List.of(e.getMessage()));
    }
  }

  /**
   * Ends the engine command that tried the migration, so that its transaction rolls back: the
   * outcome of a dry run (no report) or an instance that cannot move (Camunda's report). A bad user
   * request, so the engine logs it quietly rather than as an error.
   */
  private static final class Outcome extends BadUserRequestException {
    private static final long serialVersionUID = 1L;

    private final transient MigratingProcessInstanceValidationReport report;

    Outcome(MigratingProcessInstanceValidationReport report) {
      super(report == null ? "dry run: rolled back" : "instance cannot be migrated");
      this.report = report;
    }
  }

  private CommandExecutor commandExecutor() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
  }

  /** Where each active activity of the instance goes, by the plan; sorted by source activity. */
  private List<ActivityMove> moves(String processInstanceId, MigrationPlan plan, Models models) {
    ActivityInstance root = engine.getRuntimeService().getActivityInstance(processInstanceId);
    if (root == null) {
      return List.of();
    }
    Map<String, String> targetOf = new HashMap<>();
    for (MigrationInstruction instruction : plan.getInstructions()) {
      targetOf.put(instruction.getSourceActivityId(), instruction.getTargetActivityId());
    }
    Set<String> active = new TreeSet<>();
    collectActivities(root, active);
    List<ActivityMove> moves = new ArrayList<>();
    for (String activity : active) {
      String to = targetOf.get(activity);
      moves.add(
          new ActivityMove(
              activity,
              models.sourceName(activity),
              to,
              to == null ? null : models.targetName(to)));
    }
    return moves;
  }

  /**
   * The activities the instance is in, inner and outer; a multi-instance body stands for its
   * activity.
   */
  private static void collectActivities(ActivityInstance instance, Set<String> into) {
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      if (!child.getActivityId().endsWith(MULTI_INSTANCE_BODY)) {
        into.add(child.getActivityId());
      }
      collectActivities(child, into);
    }
    for (TransitionInstance transition : instance.getChildTransitionInstances()) {
      into.add(transition.getActivityId());
    }
  }

  // ---------------------------------------------------------------------------------- plain words

  static List<String> planProblems(MigrationPlanValidationReport report) {
    List<String> problems = new ArrayList<>();
    for (MigrationInstructionValidationReport instruction : report.getInstructionReports()) {
      MigrationInstruction mapping = instruction.getMigrationInstruction();
      for (String failure : instruction.getFailures()) {
        problems.add(
            "moving '"
                + mapping.getSourceActivityId()
                + "' to '"
                + mapping.getTargetActivityId()
                + "': "
                + failure);
      }
    }
    for (Map.Entry<String, MigrationVariableValidationReport> variable :
        report.getVariableReports().entrySet()) {
      for (String failure : variable.getValue().getFailures()) {
        problems.add("variable '" + variable.getKey() + "': " + failure);
      }
    }
    if (problems.isEmpty()) {
      problems.add("Camunda refused the plan without saying why");
    }
    return problems;
  }

  private static List<String> instanceProblems(
      MigratingProcessInstanceValidationReport report, Models models) {
    Set<String> problems = new LinkedHashSet<>(report.getFailures());
    for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
      for (String failure : activity.getFailures()) {
        problems.add(describe(activity.getSourceScopeId(), failure, models));
      }
    }
    for (MigratingTransitionInstanceValidationReport transition :
        report.getTransitionInstanceReports()) {
      for (String failure : transition.getFailures()) {
        problems.add(describe(transition.getSourceScopeId(), failure, models));
      }
    }
    if (problems.isEmpty()) {
      problems.add("Camunda refused the instance without saying why");
    }
    return List.copyOf(problems);
  }

  /** "'submitReport' (Submit progress report): the target model has no activity …". */
  static String describe(String activityId, String failure, Models models) {
    String activity = activityId.replace(MULTI_INSTANCE_BODY, "");
    String name = models == null ? null : models.sourceName(activity);
    String what = "'" + activity + "'" + (name == null ? "" : " (" + name + ")");
    String plain =
        failure.contains("no migration instruction")
            ? "the target model has no activity with this id in the same place, so the instance"
                + " has nowhere to wait there"
            : failure;
    return what + ": " + plain;
  }

  // ---------------------------------------------------------------------------------- selection

  private record Selection(List<ProcessInstance> instances, long notIncluded) {}

  private Selection select(MigrationRequest request, ProcessDefinition source) {
    int ways =
        (request.processInstanceIds() != null ? 1 : 0)
            + (request.taskCodes() != null ? 1 : 0)
            + (request.all() ? 1 : 0);
    if (ways != 1) {
      throw ApiException.badRequest(
          "Say which instances to migrate, one way only: processInstanceIds, taskCodes, or"
              + " allInstances: true.",
          List.of(
              new FieldError(
                  "processInstanceIds",
                  "give exactly one of processInstanceIds, taskCodes, allInstances: true")));
    }
    RuntimeService runtime = engine.getRuntimeService();
    if (request.all()) {
      long total = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
      List<ProcessInstance> instances =
          runtime
              .createProcessInstanceQuery()
              .processDefinitionId(source.getId())
              .orderByProcessInstanceId()
              .asc()
              .listPage(0, MAX_INSTANCES);
      return new Selection(instances, total - instances.size());
    }
    List<FieldError> errors = new ArrayList<>();
    Map<String, ProcessInstance> chosen = new LinkedHashMap<>();
    if (request.processInstanceIds() != null) {
      if (request.processInstanceIds().isEmpty()) {
        throw ApiException.badRequest("processInstanceIds", "give at least one instance id");
      }
      List<String> ids = request.processInstanceIdsOrEmpty();
      Map<String, ProcessInstance> running = new HashMap<>();
      runtime
          .createProcessInstanceQuery()
          .processInstanceIds(new LinkedHashSet<>(ids))
          .list()
          .forEach(p -> running.put(p.getId(), p));
      for (int i = 0; i < ids.size(); i++) {
        ProcessInstance instance = running.get(ids.get(i));
        String field = "processInstanceIds[" + i + "]";
        if (instance == null) {
          errors.add(new FieldError(field, "no running instance has id '" + ids.get(i) + "'"));
        } else if (!instance.getProcessDefinitionId().equals(source.getId())) {
          errors.add(new FieldError(field, notOnSource(instance, source)));
        } else {
          chosen.put(instance.getId(), instance);
        }
      }
    } else {
      if (request.taskCodes().isEmpty()) {
        throw ApiException.badRequest("taskCodes", "give at least one task code");
      }
      List<String> codes = request.taskCodesOrEmpty();
      for (int i = 0; i < codes.size(); i++) {
        String field = "taskCodes[" + i + "]";
        List<ProcessInstance> cycles =
            runtime.createProcessInstanceQuery().processInstanceBusinessKey(codes.get(i)).list();
        List<ProcessInstance> onSource =
            cycles.stream().filter(p -> p.getProcessDefinitionId().equals(source.getId())).toList();
        if (cycles.isEmpty()) {
          errors.add(
              new FieldError(field, "task '" + codes.get(i) + "' has no running cycle to migrate"));
        } else if (onSource.isEmpty()) {
          errors.add(new FieldError(field, notOnSource(cycles.get(0), source)));
        } else {
          onSource.forEach(p -> chosen.put(p.getId(), p));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(
          "Nothing was migrated. Fix these: "
              + String.join(
                  "; ", errors.stream().map(e -> e.field() + " (" + e.message() + ")").toList()),
          errors);
    }
    return new Selection(List.copyOf(chosen.values()), 0);
  }

  private static String notOnSource(ProcessInstance instance, ProcessDefinition source) {
    String what =
        instance.getBusinessKey() == null
            ? "instance " + instance.getId()
            : "task " + instance.getBusinessKey() + " (instance " + instance.getId() + ")";
    return what
        + " runs on "
        + instance.getProcessDefinitionId()
        + ", not on the source "
        + source.getId();
  }

  private ProcessDefinition definition(String reference, String field) {
    RepositoryService repository = engine.getRepositoryService();
    ProcessDefinition byId =
        repository.createProcessDefinitionQuery().processDefinitionId(reference).singleResult();
    if (byId != null) {
      return byId;
    }
    Matcher keyAndVersion = KEY_AND_VERSION.matcher(reference);
    if (keyAndVersion.matches()) {
      ProcessDefinition byVersion =
          repository
              .createProcessDefinitionQuery()
              .processDefinitionKey(keyAndVersion.group(1))
              .processDefinitionVersion(Integer.parseInt(keyAndVersion.group(2)))
              .withoutTenantId()
              .singleResult();
      if (byVersion != null) {
        return byVersion;
      }
    }
    throw ApiException.badRequest(
        field,
        "no deployed process definition has id or key:version '"
            + reference
            + "' (GET /engine-rest/process-definition lists them)");
  }

  private static MigrationReport report(
      ProcessDefinition source,
      ProcessDefinition target,
      boolean dryRun,
      List<String> planProblems,
      List<InstanceMigration> instances,
      long notIncluded) {
    Map<MigrationStatus, Long> counts = new EnumMap<>(MigrationStatus.class);
    for (MigrationStatus status : MigrationStatus.values()) {
      counts.put(status, instances.stream().filter(i -> i.status() == status).count());
    }
    List<InstanceMigration> sorted =
        instances.stream()
            .sorted(
                Comparator.comparing(
                        InstanceMigration::taskCode,
                        Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(InstanceMigration::processInstanceId))
            .toList();
    return new MigrationReport(
        DefinitionView.of(source),
        DefinitionView.of(target),
        dryRun,
        planProblems,
        sorted,
        counts,
        notIncluded);
  }

  /** The names of activities in the two models, read once per request. */
  static final class Models {
    private final BpmnModelInstance source;
    private final BpmnModelInstance target;

    Models(RepositoryService repository, String sourceId, String targetId) {
      this.source = repository.getBpmnModelInstance(sourceId);
      this.target = repository.getBpmnModelInstance(targetId);
    }

    String sourceName(String activityId) {
      return name(source, activityId);
    }

    String targetName(String activityId) {
      return name(target, activityId);
    }

    private static String name(BpmnModelInstance model, String activityId) {
      ModelElementInstance element =
          model == null
              ? null
              : model.getModelElementById(activityId.replace(MULTI_INSTANCE_BODY, ""));
      return element instanceof FlowElement flow ? flow.getName() : null;
    }
  }
}
