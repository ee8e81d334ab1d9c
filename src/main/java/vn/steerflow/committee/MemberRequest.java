package vn.steerflow.committee;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import vn.steerflow.security.AcceptablePassword;

/**
 * A new member: login name, full name, unit, committee (required for supervisors and leaders),
 * roles and an initial password, which must pass the password policy. The password is hashed at
 * once and never stored or shown as sent.
 */
public record MemberRequest(
    @NotBlank(message = "give the member a username")
        @Pattern(regexp = Members.USERNAME_PATTERN, message = Members.USERNAME_MESSAGE)
        String username,
    @NotBlank(message = "give the member's full name") @Size(max = 200) String fullName,
    @NotBlank(message = "name the member's unit by its code") String unit,
    String committee,
    @NotEmpty(message = "give the member at least one role") Set<@NotNull Role> roles,
    @NotNull(message = "give an initial password") @AcceptablePassword String password) {

  /** Keeps the password out of logs and error messages. */
  @Override
  public String toString() {
    return "MemberRequest[username="
        + username
        + ", unit="
        + unit
        + ", committee="
        + committee
        + ", roles="
        + roles
        + "]";
  }
}
