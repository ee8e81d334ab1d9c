package vn.steerflow.report;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The resolver moves a bottleneck on: IN_HAND (no answer yet) or RESOLVED with the answer, against
 * the version the client last read.
 */
public record BottleneckStateChange(
    @NotNull(message = "say IN_HAND or RESOLVED") BottleneckState state,
    @Size(max = 4000) String answer,
    @NotNull(message = "send the version you last read") Long version) {}
