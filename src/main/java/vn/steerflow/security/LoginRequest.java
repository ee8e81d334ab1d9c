package vn.steerflow.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A JSON login. The password's length is only bounded, not judged: the policy applies to new
 * passwords, and a login must say nothing about the one tried.
 */
public record LoginRequest(
    @NotBlank(message = "give your username") @Size(max = 100) String username,
    @NotNull(message = "give your password") @Size(max = 1024) String password) {

  /** Keeps the password out of logs and error messages. */
  @Override
  public String toString() {
    return "LoginRequest[username=" + username + "]";
  }
}
