package vn.steerflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.steerflow.workflow.derby.DerbyTestEngines;

/**
 * A deployment is announced (and so audited) when it brings a new model version, and not when
 * duplicate filtering finds the models unchanged, as on every restart.
 */
class ModelDeploymentsTest {

  private static ProcessEngine engine;

  @BeforeAll
  static void startEngine() {
    engine =
        DerbyTestEngines.build(
            "model-deployments", DerbyTestEngines.newDatabaseFolder("model-deployments"));
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @Test
  void onlyADeploymentThatAddsAVersionIsAnnounced() {
    String model = model("first");
    DeploymentWithDefinitions first = deploy(model);
    DeploymentWithDefinitions unchanged = deploy(model);
    DeploymentWithDefinitions changed = deploy(model("second"));

    ModelDeployed announced = ModelDeployments.added(first).orElseThrow();
    assertThat(announced.deploymentId()).isEqualTo(first.getId());
    assertThat(announced.name()).isEqualTo("board-models");
    assertThat(announced.source()).isEqualTo("test");
    assertThat(announced.resources()).containsExactly("board-review.bpmn");
    assertThat(announced.processDefinitions()).containsExactly("boardReview:1");

    assertThat(unchanged.getId())
        .as("duplicate filtering kept the deployment")
        .isEqualTo(first.getId());
    assertThat(ModelDeployments.added(unchanged)).isEmpty();

    assertThat(ModelDeployments.added(changed).orElseThrow().processDefinitions())
        .containsExactly("boardReview:2");
  }

  private static DeploymentWithDefinitions deploy(String model) {
    return engine
        .getRepositoryService()
        .createDeployment()
        .name("board-models")
        .source("test")
        .enableDuplicateFiltering(true)
        .addString("board-review.bpmn", model)
        .deployWithResult();
  }

  /** The model's XML; the builder gives its elements new ids each time. */
  private static String model(String taskName) {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("boardReview")
            .camundaHistoryTimeToLive(30)
            .startEvent()
            .userTask("review")
            .name(taskName)
            .endEvent()
            .done();
    return Bpmn.convertToString(model);
  }
}
