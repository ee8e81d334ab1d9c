package vn.steerflow.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A supervisor names who must resolve a bottleneck: a unit's code, or {@code LEADERS} for the
 * committee's leaders; against the version the client last read.
 */
public record ResolverChange(
    @NotBlank(message = "name a unit by its code, or LEADERS for the committee's leaders")
        @Size(max = 40)
        String resolver,
    @NotNull(message = "send the version you last read") Long version) {}
