package vn.steerflow.workflow.model;

/**
 * A process of an uploaded file after the deployment: its key and version, and whether the
 * deployment created that version or found the file unchanged (duplicate filtering) and kept the
 * version it had. In a dry run, the version that would be created.
 */
public record DeployedModel(
    String file,
    String key,
    String name,
    int version,
    String definitionId,
    String deploymentId,
    boolean newVersion) {}
