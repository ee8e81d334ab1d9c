package vn.steerflow.inbox;

import java.time.OffsetDateTime;

/**
 * One step the caller can act on now. {@code reportId} is set on review steps, {@code extensionId}
 * on extension steps: the record the step decides on.
 */
public record WorkItem(
    String stepId,
    String formKey,
    String stepName,
    String taskCode,
    String taskTitle,
    OffsetDateTime deadline,
    OffsetDateTime since,
    Long reportId,
    Long extensionId) {}
