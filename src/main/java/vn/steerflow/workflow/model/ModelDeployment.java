package vn.steerflow.workflow.model;

import java.util.List;

/**
 * What deploying some model files did (or, in a dry run, would do): the deployment holding the new
 * versions (null when every file was unchanged or in a dry run), and each process.
 */
public record ModelDeployment(String deploymentId, boolean dryRun, List<DeployedModel> models) {

  /** Whether some process got (or would get) a new version. */
  public boolean changed() {
    return models.stream().anyMatch(DeployedModel::newVersion);
  }
}
