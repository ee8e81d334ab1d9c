package vn.steerflow.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A member's own password change: the current password, and the new one the policy must accept. */
public record PasswordChange(
    @NotNull(message = "give your current password") @Size(max = 1024) String currentPassword,
    @NotNull(message = "give a new password") @AcceptablePassword String newPassword) {

  @Override
  public String toString() {
    return "PasswordChange[]";
  }
}
