package vn.steerflow.report;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The lead unit's report on a task. */
public record ReportRequest(
    @NotNull(message = "say DONE or IN_PROGRESS") ReportStatus status,
    @NotNull(message = "give the progress in percent, 0 to 100")
        @Min(value = 0, message = "progress is at least 0")
        @Max(value = 100, message = "progress is at most 100")
        Integer progress,
    @NotBlank(message = "describe what was done") @Size(max = 8000) String narrative,
    @Size(max = 4000) String difficulties,
    @Size(max = 4000) String recommendations) {}
