package vn.steerflow.plan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A supervisor cancels a task, saying why. */
public record CancelRequest(
    @NotBlank(message = "say why the task is cancelled") @Size(max = 2000) String reason) {}
