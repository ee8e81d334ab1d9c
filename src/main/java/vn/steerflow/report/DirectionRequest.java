package vn.steerflow.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A leader's direction in answer to an escalation. */
public record DirectionRequest(
    @NotBlank(message = "give your direction") @Size(max = 4000) String direction) {}
