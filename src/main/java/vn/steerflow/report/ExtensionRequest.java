package vn.steerflow.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** The lead unit asks for a new deadline, saying why. */
public record ExtensionRequest(
    @NotNull(message = "give the new deadline you ask for (ISO-8601 with offset)")
        OffsetDateTime deadline,
    @NotBlank(message = "give the reason for the extension") @Size(max = 4000) String reason) {}
