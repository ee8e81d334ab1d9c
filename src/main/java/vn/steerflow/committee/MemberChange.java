package vn.steerflow.committee;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import vn.steerflow.security.AcceptablePassword;

/**
 * A member's new full name, unit, committee and roles, and optionally a new password, made against
 * the version the client last read.
 */
public record MemberChange(
    @NotBlank(message = "give the member's full name") @Size(max = 200) String fullName,
    @NotBlank(message = "name the member's unit by its code") String unit,
    String committee,
    @NotEmpty(message = "give the member at least one role") Set<@NotNull Role> roles,
    @AcceptablePassword String password,
    @NotNull(message = "send the version you last read") Long version) {

  @Override
  public String toString() {
    return "MemberChange[unit="
        + unit
        + ", committee="
        + committee
        + ", roles="
        + roles
        + ", version="
        + version
        + "]";
  }
}
