package vn.steerflow.workflow;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/** What a deployment added to the engine, for the {@link ModelDeployed} event. */
public final class ModelDeployments {

  private ModelDeployments() {}

  /**
   * The event for a deployment that created process definitions; empty when duplicate filtering
   * found every model unchanged (the engine then answers with the earlier deployment and no
   * definitions), so a restart or a second node records nothing.
   */
  public static Optional<ModelDeployed> added(DeploymentWithDefinitions deployment) {
    List<ProcessDefinition> definitions = deployment.getDeployedProcessDefinitions();
    if (definitions == null || definitions.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ModelDeployed(
            deployment.getId(),
            deployment.getName(),
            deployment.getSource(),
            deployment.getDeploymentTime().toInstant(),
            definitions.stream().map(ProcessDefinition::getResourceName).sorted().toList(),
            definitions.stream().map(d -> d.getKey() + ":" + d.getVersion()).sorted().toList()));
  }
}
