package vn.steerflow.workflow;

import java.time.Instant;
import java.util.List;

/**
 * A new version of one or more models reached the engine: fired once per deployment that added
 * something, not for a deployment that duplicate filtering found unchanged. Observers run in the
 * deploying thread (the audit trail records it).
 *
 * @param deploymentId the engine's deployment id
 * @param name the deployment's name
 * @param source who deployed it: "steerflow" for the models bundled with the application
 * @param resources the model files of the deployment, by name
 * @param processDefinitions each process definition it created, as {@code key:version}
 */
public record ModelDeployed(
    String deploymentId,
    String name,
    String source,
    Instant at,
    List<String> resources,
    List<String> processDefinitions) {

  public ModelDeployed {
    resources = List.copyOf(resources);
    processDefinitions = List.copyOf(processDefinitions);
  }
}
