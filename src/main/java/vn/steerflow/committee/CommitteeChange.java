package vn.steerflow.committee;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A committee's new name, level, standing agency and, when given, its full list of leaders: members
 * named gain the LEADER role, leaders left out lose it. Made against the version the client last
 * read.
 */
public record CommitteeChange(
    @NotBlank(message = "give the committee a name") @Size(max = 300) String name,
    @NotNull(message = "CENTRAL, PROVINCE or COMMUNE") CommitteeLevel level,
    @NotBlank(message = "name the standing agency by its unit code") String standingAgency,
    @Size(max = 50) List<@NotBlank String> leaders,
    @NotNull(message = "send the version you last read") Long version) {}
