package vn.steerflow.committee;

import java.time.OffsetDateTime;

/**
 * The answer to an admin's password reset: the temporary password, shown this once and never stored
 * as such, and when it stops working. The member must choose a new password at their next login.
 */
public record PasswordReset(
    String username,
    String temporaryPassword,
    OffsetDateTime expiresAt,
    boolean passwordChangeRequired) {

  @Override
  public String toString() {
    return "PasswordReset[username=" + username + ", expiresAt=" + expiresAt + "]";
  }
}
