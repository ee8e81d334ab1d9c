package vn.steerflow.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.List;
import java.util.logging.Logger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;

/**
 * Deploys the models shipped in {@code bpmn/} at start-up. Duplicate filtering makes a restart, or
 * a second node starting on the same database, reuse the deployed version instead of adding one.
 */
@ApplicationScoped
public class ModelDeployer {

  private static final Logger LOG = Logger.getLogger(ModelDeployer.class.getName());

  /** The deployment name under which the bundled models are versioned. */
  public static final String BUNDLED_DEPLOYMENT_NAME = "steerflow-bundled-models";

  /** Models deployed at start-up; others in {@code bpmn/} are deployed by admins at run time. */
  static final List<String> BUNDLED_MODELS =
      List.of("bpmn/" + TaskCycleContract.DEFAULT_PROCESS_ID + ".bpmn");

  @Inject private Event<ModelDeployed> deployed;

  void deployBundledModels(ProcessEngine engine) {
    DeploymentBuilder builder =
        engine
            .getRepositoryService()
            .createDeployment()
            .name(BUNDLED_DEPLOYMENT_NAME)
            .enableDuplicateFiltering(true)
            .source("steerflow");
    for (String resource : BUNDLED_MODELS) {
      InputStream model = ModelDeployer.class.getClassLoader().getResourceAsStream(resource);
      if (model == null) {
        throw new IllegalStateException("Bundled model missing from the application: " + resource);
      }
      builder.addInputStream(resource.substring("bpmn/".length()), model);
    }
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    LOG.info(() -> "Bundled models deployed as " + deployment.getId());
    ModelDeployments.added(deployment).ifPresent(deployed::fire);
  }
}
