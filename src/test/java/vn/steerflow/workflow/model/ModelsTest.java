package vn.steerflow.workflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.steerflow.workflow.derby.DerbyTestEngines;

/**
 * The admins' use cases on a Derby engine configured as the server's: new versions, unchanged
 * files, dry runs, refusals that leave nothing behind, the version list with who deployed, XML,
 * suspension.
 */
class ModelsTest {

  private static ProcessEngine engine;
  private static Models models;

  @BeforeAll
  static void start() {
    engine =
        GuardedEngines.configuration("models", DerbyTestEngines.newDatabaseFolder("models"))
            .buildProcessEngine();
    models = new Models(engine);
  }

  @AfterAll
  static void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void aNewFileIsANewVersionAnUnchangedOneKeepsItsVersionAChangedOneIsTheNext() {
    ModelDeployment first = models.deploy(List.of(file("review", "first")), "admin", false);
    assertThat(first.changed()).isTrue();
    assertThat(first.deploymentId()).isNotNull();
    assertThat(first.models())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.key()).isEqualTo("review");
              assertThat(m.version()).isEqualTo(1);
              assertThat(m.newVersion()).isTrue();
            });

    ModelDeployment again = models.deploy(List.of(file("review", "first")), "admin2", false);
    assertThat(again.changed()).isFalse();
    assertThat(again.deploymentId()).isNull();
    assertThat(again.models())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.version()).isEqualTo(1);
              assertThat(m.newVersion()).isFalse();
              assertThat(m.deploymentId()).isEqualTo(first.deploymentId());
            });

    ModelDeployment changed = models.deploy(List.of(file("review", "second")), "admin", false);
    assertThat(changed.models()).singleElement().extracting(DeployedModel::version).isEqualTo(2);
    assertThat(versions("review")).isEqualTo(2);
  }

  @Test
  void aDryRunReportsTheVersionItWouldCreateAndKeepsNothing() {
    models.deploy(List.of(file("dry", "one")), "admin", false);
    long deployments = engine.getRepositoryService().createDeploymentQuery().count();

    ModelDeployment dry = models.deploy(List.of(file("dry", "two")), "admin", true);

    assertThat(dry.dryRun()).isTrue();
    assertThat(dry.deploymentId()).isNull();
    assertThat(dry.models())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.version()).isEqualTo(2);
              assertThat(m.newVersion()).isTrue();
            });
    assertThat(engine.getRepositoryService().createDeploymentQuery().count())
        .isEqualTo(deployments);
    assertThat(versions("dry")).isEqualTo(1);
    // and the real deployment afterwards creates exactly that version
    assertThat(models.deploy(List.of(file("dry", "two")), "admin", false).models())
        .singleElement()
        .extracting(DeployedModel::version)
        .isEqualTo(2);
  }

  @Test
  void aRefusedModelIsReportedByFileElementAndLineAndNothingIsDeployed() {
    long deployments = engine.getRepositoryService().createDeploymentQuery().count();
    String bad =
        ModelGuardTest.TestModels.model(
            "refused",
            true,
            "30",
            ModelGuardTest.TestModels.step(
                "<bpmn:userTask id=\"approve\" camunda:formKey=\"steerflow:approve\""
                    + " camunda:candidateGroups=\"${supervisorGroup}\" />"));

    ModelRejectedException e =
        catchThrowableOfType(
            ModelRejectedException.class,
            () ->
                models.deploy(
                    List.of(
                        file("fine", "alongside"),
                        new ModelFile("refused.bpmn", bad.getBytes(StandardCharsets.UTF_8))),
                    "admin",
                    false));

    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("refused.bpmn");
              assertThat(p.elementId()).isEqualTo("approve");
              assertThat(p.line()).isEqualTo(9);
              assertThat(p.column()).isPositive();
              assertThat(p.message()).contains("steerflow:approve");
            });
    // the file that was fine is not deployed either: one deployment, all or nothing
    assertThat(engine.getRepositoryService().createDeploymentQuery().count())
        .isEqualTo(deployments);
    assertThat(versions("fine")).isZero();
  }

  @Test
  void aFileIsNamedAfterItsProcess() {
    long deployments = engine.getRepositoryService().createDeploymentQuery().count();
    byte[] model = file("named", "x").content();

    ModelRejectedException e =
        catchThrowableOfType(
            ModelRejectedException.class,
            () -> models.deploy(List.of(new ModelFile("diagram_1.bpmn", model)), "admin", false));

    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("diagram_1.bpmn");
              assertThat(p.message()).contains("name the file after its process: named.bpmn");
            });
    assertThat(engine.getRepositoryService().createDeploymentQuery().count())
        .isEqualTo(deployments);
  }

  @Test
  void filesThatAreNoModelsAreRefusedBeforeTheEngineSeesThem() {
    ModelRejectedException e =
        catchThrowableOfType(
            ModelRejectedException.class,
            () ->
                models.deploy(
                    List.of(
                        new ModelFile("notes.txt", new byte[] {1}),
                        new ModelFile("empty.bpmn", new byte[0]),
                        file("twice", "a"),
                        file("twice", "a")),
                    "admin",
                    false));

    assertThat(e.problems())
        .extracting(ModelProblem::file)
        .containsExactly("notes.txt", "empty.bpmn", "twice.bpmn");
  }

  @Test
  void theListShowsEveryVersionNewestFirstWithWhoDeployedAndWhereNewTasksStart()
      throws IOException {
    models.deploy(List.of(file("listed", "v1")), "nguyenvana", false);
    models.deploy(List.of(file("listed", "v2")), "tranthib", false);

    ProcessModel listed =
        models.list().stream().filter(m -> m.key().equals("listed")).findFirst().orElseThrow();

    assertThat(listed.startVersion()).isEqualTo(2);
    assertThat(listed.versions())
        .extracting(ModelVersion::version, ModelVersion::deployedBy, ModelVersion::suspended)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "tranthib", false),
            org.assertj.core.groups.Tuple.tuple(1, "nguyenvana", false));
    assertThat(listed.versions().get(0).deployedAt()).isNotNull();
    assertThat(listed.versions().get(0).resource()).isEqualTo("listed.bpmn");
    assertThat(new String(models.xml("listed", 1).orElseThrow(), StandardCharsets.UTF_8))
        .contains("name=\"v1\"");
    assertThat(models.xml("listed", 3)).isEmpty();
  }

  @Test
  void aSuspendedVersionTakesNoNewTasksAndTheOneBeforeIsWhereTheyStart() {
    models.deploy(List.of(file("suspended", "v1")), "admin", false);
    models.deploy(List.of(file("suspended", "v2")), "admin", false);

    ModelVersion v2 = models.suspend("suspended", 2, true, "admin").orElseThrow();

    assertThat(v2.suspended()).isTrue();
    ProcessModel model =
        models.list().stream().filter(m -> m.key().equals("suspended")).findFirst().orElseThrow();
    assertThat(model.startVersion()).isEqualTo(1);
    assertThat(models.suspend("suspended", 2, false, "admin").orElseThrow().suspended()).isFalse();
    assertThat(models.suspend("suspended", 9, true, "admin")).isEmpty();
  }

  @Test
  void theBundledModelsDeployThroughTheApiAsWell() throws IOException {
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("bpmn/task-cycle-two-level-review.bpmn")) {
      ModelDeployment deployment =
          models.deploy(
              List.of(new ModelFile("task-cycle-two-level-review.bpmn", in.readAllBytes())),
              "admin",
              false);
      assertThat(deployment.models())
          .singleElement()
          .extracting(DeployedModel::key)
          .isEqualTo("task-cycle-two-level-review");
    }
  }

  private static long versions(String key) {
    return engine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .count();
  }

  /** A valid one-step model of process {@code key}; {@code name} makes its content differ. */
  static ModelFile file(String key, String name) {
    String model =
        ModelGuardTest.TestModels.model(
                key,
                true,
                "30",
                ModelGuardTest.TestModels.step(
                    "<bpmn:userTask id=\"step\" camunda:formKey=\"steerflow:report\""
                        + " camunda:candidateGroups=\"${leadUnit}\" />"))
            .replace(
                "<bpmn:process id=\"" + key + "\"",
                "<bpmn:process id=\"" + key + "\" name=\"" + name + "\"");
    return new ModelFile(key + ".bpmn", model.getBytes(StandardCharsets.UTF_8));
  }
}
