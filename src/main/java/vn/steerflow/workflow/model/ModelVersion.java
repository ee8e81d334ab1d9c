package vn.steerflow.workflow.model;

import java.time.Instant;

/**
 * One deployed version of a process: where it came from (deployment, time, who deployed it), how
 * many cycles run on it, and whether it is suspended (a suspended version takes no new tasks; those
 * running on it go on).
 */
public record ModelVersion(
    String key,
    int version,
    String name,
    String definitionId,
    String resource,
    String deploymentId,
    Instant deployedAt,
    String deployedBy,
    long runningInstances,
    boolean suspended) {}
