package vn.steerflow.workflow.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * Admins' use cases on the engine's models: deploy model files as new versions (or check them
 * without deploying), list the versions with where each came from and how many cycles run on it,
 * read a version's XML, suspend and activate a version. Every deployment passes the {@link
 * ModelGuard} inside the engine; this adds what only steerflow's own upload asks: file names, one
 * file per process named after it, and who deployed (recorded in the engine's user operation log).
 *
 * <p>Each deployment is one engine command, so one transaction: a refused model, or a dry run,
 * leaves nothing behind.
 */
@ApplicationScoped
public class Models {

  /** Deployments made through steerflow's admin API are versioned under this name. */
  public static final String DEPLOYMENT_NAME = "steerflow-admin-models";

  /** The deployment source of those deployments. */
  public static final String DEPLOYMENT_SOURCE = "steerflow-admin";

  /** The most files one upload may hold. */
  public static final int MAX_FILES = 10;

  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");
  private static final String SUFFIX = ".bpmn";

  private ProcessEngine engine;

  Models() {
    // for CDI proxies
  }

  @Inject
  public Models(ProcessEngine engine) {
    this.engine = engine;
  }

  /**
   * Deploys the files as new versions of their processes, with duplicate filtering: a file
   * unchanged since it was last deployed through this API keeps its version. In a dry run
   * everything is checked and the versions it would create are reported, and nothing is kept.
   *
   * @throws ModelRejectedException naming every problem, when a file breaks a rule
   */
  public ModelDeployment deploy(List<ModelFile> files, String deployedBy, boolean dryRun) {
    checkFiles(files);
    return asUser(
        deployedBy,
        () -> {
          try {
            return configuration()
                .getCommandExecutorTxRequired()
                .execute(commandContext -> deployInCommand(files, dryRun));
          } catch (DryRunDone done) {
            return done.result;
          } catch (ParseException e) {
            throw rejected(e);
          } catch (UnreadableModel e) {
            Problem where = e.problem();
            throw new ModelRejectedException(
                "A file is not XML the engine reads; nothing was deployed.",
                List.of(
                    new ModelProblem(
                        e.resourceName(),
                        null,
                        where.getLine() > 0 ? where.getLine() : null,
                        where.getColumn() > 0 ? where.getColumn() : null,
                        where.getMessage())));
          }
        });
  }

  /** Every process with its versions, by key; versions newest first. */
  public List<ProcessModel> list() {
    RepositoryService repository = engine.getRepositoryService();
    List<ProcessDefinition> definitions =
        repository
            .createProcessDefinitionQuery()
            .orderByProcessDefinitionKey()
            .asc()
            .orderByProcessDefinitionVersion()
            .desc()
            .list();
    Map<String, Deployment> deployments = new LinkedHashMap<>();
    for (String id :
        definitions.stream().map(ProcessDefinition::getDeploymentId).distinct().toList()) {
      deployments.put(id, repository.createDeploymentQuery().deploymentId(id).singleResult());
    }
    Map<String, String> deployers = new LinkedHashMap<>();
    Map<String, List<ModelVersion>> byKey = new LinkedHashMap<>();
    for (ProcessDefinition definition : definitions) {
      Deployment deployment = deployments.get(definition.getDeploymentId());
      String deployer =
          deployers.computeIfAbsent(definition.getDeploymentId(), id -> deployer(deployment));
      byKey
          .computeIfAbsent(definition.getKey(), k -> new ArrayList<>())
          .add(version(definition, deployment, deployer));
    }
    return byKey.entrySet().stream()
        .map(
            e ->
                new ProcessModel(
                    e.getKey(),
                    e.getValue().stream()
                        .filter(v -> !v.suspended())
                        .map(ModelVersion::version)
                        .findFirst()
                        .orElse(null),
                    e.getValue()))
        .toList();
  }

  /** One version, if it exists. */
  public Optional<ModelVersion> version(String key, int version) {
    return definition(key, version)
        .map(
            d -> {
              Deployment deployment =
                  engine
                      .getRepositoryService()
                      .createDeploymentQuery()
                      .deploymentId(d.getDeploymentId())
                      .singleResult();
              return version(d, deployment, deployer(deployment));
            });
  }

  /** The BPMN XML of one version, as deployed. */
  public Optional<byte[]> xml(String key, int version) {
    return definition(key, version)
        .map(
            d -> {
              try (InputStream in = engine.getRepositoryService().getProcessModel(d.getId())) {
                return in.readAllBytes();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  /**
   * Suspends a version (it takes no new tasks; cycles running on it go on) or activates it again.
   * Empty when there is no such version. Recorded in the engine's user operation log as the
   * admin's.
   */
  public Optional<ModelVersion> suspend(String key, int version, boolean suspended, String admin) {
    Optional<ProcessDefinition> definition = definition(key, version);
    if (definition.isEmpty()) {
      return Optional.empty();
    }
    if (definition.get().isSuspended() != suspended) {
      asUser(
          admin,
          () -> {
            var update =
                engine
                    .getRepositoryService()
                    .updateProcessDefinitionSuspensionState()
                    .byProcessDefinitionId(definition.get().getId());
            if (suspended) {
              update.suspend();
            } else {
              update.activate();
            }
            return null;
          });
    }
    return version(key, version);
  }

  private ModelDeployment deployInCommand(List<ModelFile> files, boolean dryRun) {
    DeploymentBuilder builder =
        engine
            .getRepositoryService()
            .createDeployment()
            .name(DEPLOYMENT_NAME)
            .source(DEPLOYMENT_SOURCE)
            .enableDuplicateFiltering(true);
    for (ModelFile file : files) {
      builder.addInputStream(file.name(), new ByteArrayInputStream(file.content()));
    }
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    List<ProcessDefinition> created =
        deployment.getDeployedProcessDefinitions() == null
            ? List.of()
            : deployment.getDeployedProcessDefinitions();
    List<ModelProblem> misnamed = new ArrayList<>();
    List<DeployedModel> models = new ArrayList<>();
    for (ModelFile file : files) {
      List<ProcessDefinition> ofFile =
          created.stream().filter(d -> file.name().equals(d.getResourceName())).toList();
      if (ofFile.isEmpty()) {
        latestDeployedFrom(file.name()).ifPresent(d -> models.add(model(file.name(), d, false)));
        continue;
      }
      String key = file.name().substring(0, file.name().length() - SUFFIX.length());
      if (ofFile.stream().noneMatch(d -> d.getKey().equals(key))) {
        misnamed.add(
            new ModelProblem(
                file.name(),
                ofFile.get(0).getKey(),
                null,
                null,
                "name the file after its process: "
                    + ofFile.stream()
                        .map(d -> d.getKey() + SUFFIX)
                        .collect(Collectors.joining(" or "))
                    + " (one file per process, so an unchanged file keeps its version)"));
      }
      ofFile.forEach(d -> models.add(model(file.name(), d, true)));
    }
    if (!misnamed.isEmpty()) {
      throw new ModelRejectedException("Rename the files listed; nothing was deployed.", misnamed);
    }
    boolean anyNew = models.stream().anyMatch(DeployedModel::newVersion);
    ModelDeployment result =
        new ModelDeployment(anyNew && !dryRun ? deployment.getId() : null, dryRun, models);
    if (dryRun) {
      throw new DryRunDone(result);
    }
    return result;
  }

  /**
   * The version the admin API last deployed from a file of this name: what duplicate filtering
   * compared the upload with.
   */
  private Optional<ProcessDefinition> latestDeployedFrom(String file) {
    RepositoryService repository = engine.getRepositoryService();
    for (Deployment deployment :
        repository
            .createDeploymentQuery()
            .deploymentName(DEPLOYMENT_NAME)
            .orderByDeploymentTime()
            .desc()
            .listPage(0, 500)) {
      Optional<ProcessDefinition> definition =
          repository
              .createProcessDefinitionQuery()
              .deploymentId(deployment.getId())
              .processDefinitionResourceName(file)
              .orderByProcessDefinitionVersion()
              .desc()
              .listPage(0, 1)
              .stream()
              .findFirst();
      if (definition.isPresent()) {
        return definition;
      }
    }
    return Optional.empty();
  }

  private static DeployedModel model(String file, ProcessDefinition definition, boolean created) {
    return new DeployedModel(
        file,
        definition.getKey(),
        definition.getName(),
        definition.getVersion(),
        definition.getId(),
        definition.getDeploymentId(),
        created);
  }

  private static void checkFiles(List<ModelFile> files) {
    List<ModelProblem> problems = new ArrayList<>();
    if (files.isEmpty()) {
      problems.add(
          new ModelProblem(null, null, null, null, "send one or more .bpmn files, none came"));
    }
    if (files.size() > MAX_FILES) {
      problems.add(
          new ModelProblem(
              null,
              null,
              null,
              null,
              "send at most " + MAX_FILES + " files at a time, " + files.size() + " came"));
    }
    Set<String> names = new HashSet<>();
    for (ModelFile file : files) {
      if (!FILE_NAME.matcher(file.name()).matches() || !file.name().endsWith(SUFFIX)) {
        problems.add(
            new ModelProblem(
                file.name(),
                null,
                null,
                null,
                "a model file is named <process id>.bpmn, in letters, digits, '.', '-' and '_'"));
      } else if (!names.add(file.name())) {
        problems.add(
            new ModelProblem(file.name(), null, null, null, "the file came twice; send it once"));
      }
      if (file.content().length == 0) {
        problems.add(new ModelProblem(file.name(), null, null, null, "the file is empty"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ModelRejectedException("Fix the files listed; nothing was deployed.", problems);
    }
  }

  private static ModelRejectedException rejected(ParseException e) {
    List<ModelProblem> problems = new ArrayList<>();
    for (ResourceReport report : e.getResorceReports()) {
      for (Problem problem : report.getErrors()) {
        problems.add(
            new ModelProblem(
                report.getResourceName(),
                problem.getMainElementId(),
                problem.getLine() > 0 ? problem.getLine() : null,
                problem.getColumn() > 0 ? problem.getColumn() : null,
                problem.getMessage()));
      }
    }
    if (problems.isEmpty()) {
      problems.add(new ModelProblem(null, null, null, null, e.getMessage()));
    }
    return new ModelRejectedException(
        "The model breaks the rules listed; nothing was deployed.", problems);
  }

  private Optional<ProcessDefinition> definition(String key, int version) {
    return engine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .processDefinitionVersion(version)
        .list()
        .stream()
        .findFirst();
  }

  private ModelVersion version(
      ProcessDefinition definition, Deployment deployment, String deployer) {
    long running =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionId(definition.getId())
            .count();
    Instant deployedAt =
        deployment == null || deployment.getDeploymentTime() == null
            ? null
            : deployment.getDeploymentTime().toInstant();
    return new ModelVersion(
        definition.getKey(),
        definition.getVersion(),
        definition.getName(),
        definition.getId(),
        definition.getResourceName(),
        definition.getDeploymentId(),
        deployedAt,
        deployer,
        running,
        definition.isSuspended());
  }

  /**
   * Who deployed: the admin the engine's user operation log names; the start-up for the bundled
   * models; else the deployment's source (a deployment by another engine client).
   */
  private String deployer(Deployment deployment) {
    if (deployment == null) {
      return null;
    }
    Optional<String> user =
        engine
            .getHistoryService()
            .createUserOperationLogQuery()
            .deploymentId(deployment.getId())
            .entityType(EntityTypes.DEPLOYMENT)
            .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
            .orderByTimestamp()
            .asc()
            .listPage(0, 1)
            .stream()
            .map(UserOperationLogEntry::getUserId)
            .filter(u -> u != null && !u.isBlank())
            .findFirst();
    if (user.isPresent()) {
      return user.get();
    }
    if (vn.steerflow.workflow.ModelDeployer.BUNDLED_DEPLOYMENT_NAME.equals(deployment.getName())) {
      return "start-up (bundled)";
    }
    return deployment.getSource() == null ? "unknown" : deployment.getSource();
  }

  /** Runs the call with the admin as the engine's authenticated user, for its operation log. */
  private <T> T asUser(String user, Supplier<T> call) {
    engine.getIdentityService().setAuthenticatedUserId(user);
    try {
      return call.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /**
   * Ends a dry run's command so the engine rolls back all it wrote. A BadUserRequestException,
   * because the engine logs those at debug level only; nothing failed.
   */
  private static final class DryRunDone extends BadUserRequestException {
    private static final long serialVersionUID = 1L;
    private final transient ModelDeployment result;

    DryRunDone(ModelDeployment result) {
      super("dry run: nothing deployed");
      this.result = result;
    }
  }
}
