package vn.steerflow.workflow;

import java.time.Instant;

/**
 * An open user task of the engine as the features see it: recognised by its form key, tied to a
 * steerflow task by the process instance's business key (the task code).
 */
public record WorkStep(
    String id,
    String formKey,
    String name,
    String taskCode,
    Instant since,
    String processInstanceId) {}
