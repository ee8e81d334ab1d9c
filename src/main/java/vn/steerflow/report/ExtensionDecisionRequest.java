package vn.steerflow.report;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A supervisor's decision on an extension request; a refusal says why. */
public record ExtensionDecisionRequest(
    @NotNull(message = "say grant: true or grant: false") Boolean grant,
    @Size(max = 4000) String comment) {}
