package vn.steerflow.plan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A supervisor gives a task to another lead unit, saying why. */
public record ReassignRequest(
    @NotBlank(message = "name the new lead unit by its code") @Size(max = 40) String leadUnit,
    @NotBlank(message = "say why the task changes hands") @Size(max = 2000) String reason) {}
