package vn.steerflow.committee;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new committee: its code (fixed for life), name, level, standing agency (the unit whose
 * supervisors review reports) and, optionally, the members who lead it (they gain the LEADER role).
 */
public record CommitteeRequest(
    @NotBlank(message = "give the committee a code")
        @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE)
        String code,
    @NotBlank(message = "give the committee a name") @Size(max = 300) String name,
    @NotNull(message = "CENTRAL, PROVINCE or COMMUNE") CommitteeLevel level,
    @NotBlank(message = "name the standing agency by its unit code") String standingAgency,
    @Size(max = 50) List<@NotBlank String> leaders) {

  public List<String> leadersOrEmpty() {
    return leaders == null ? List.of() : leaders;
  }
}
