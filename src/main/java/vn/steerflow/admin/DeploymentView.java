package vn.steerflow.admin;

import java.util.List;
import vn.steerflow.workflow.model.DeployedModel;
import vn.steerflow.workflow.model.ModelDeployment;

/**
 * The answer to an upload. {@code status}: DEPLOYED (some process got a new version), UNCHANGED
 * (every file was as last deployed: no new version), CHECKED (a dry run: nothing deployed; the
 * versions are those a deployment would create or keep).
 */
public record DeploymentView(String status, String deploymentId, List<DeployedModel> models) {

  static DeploymentView of(ModelDeployment deployment) {
    String status =
        deployment.dryRun() ? "CHECKED" : deployment.changed() ? "DEPLOYED" : "UNCHANGED";
    return new DeploymentView(status, deployment.deploymentId(), deployment.models());
  }
}
