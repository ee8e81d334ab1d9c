package vn.steerflow.committee;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * A leader names a substitute for a period. {@code leader} is the caller when left out (an admin
 * names the leader they act for); {@code from} is now when left out.
 */
public record SubstitutionRequest(
    @Size(max = 100) String leader,
    @NotBlank(message = "name the substitute by username") @Size(max = 100) String substitute,
    OffsetDateTime from,
    @NotNull(message = "give the end of the period") OffsetDateTime until,
    @NotBlank(message = "say why the leader needs a substitute")
        @Size(max = Substitution.MAX_REASON_LENGTH)
        String reason) {}
