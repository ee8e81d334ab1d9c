package vn.steerflow.report;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A coordinating unit's contribution to a task: what it did, and how far its part is. */
public record ContributionRequest(
    @NotBlank(message = "say what your unit contributed") @Size(max = 8000) String text,
    @NotNull(message = "give the progress of your part in percent, 0 to 100")
        @Min(value = 0, message = "progress is at least 0")
        @Max(value = 100, message = "progress is at most 100")
        Integer progress) {}
