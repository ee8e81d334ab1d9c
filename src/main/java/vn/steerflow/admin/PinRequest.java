package vn.steerflow.admin;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Pin a plan's new tasks to a model: its process key, and a version (omitted: the key's latest
 * active version at each assignment). {@code planVersion}, when sent, must be the plan's version.
 */
public record PinRequest(
    @NotBlank(message = "name the model by its process key") @Size(max = 255) String key,
    @Min(value = 1, message = "versions count from 1") Integer version,
    Long planVersion) {}
