package vn.steerflow.security;

import java.time.Duration;

/** What a login attempt came to. */
public sealed interface LoginResult {

  record Succeeded(Authenticated member) implements LoginResult {}

  /** Wrong credentials (which part is never said), or an expired temporary password. */
  record Refused(LoginAttempted.Outcome reason) implements LoginResult {
    public String message() {
      return reason == LoginAttempted.Outcome.TEMPORARY_PASSWORD_EXPIRED
          ? "This temporary password has expired; ask an admin to reset your password again."
          : "Wrong username or password.";
    }
  }

  /** Too many recent failures; try again after this long. */
  record Throttled(Duration retryAfter) implements LoginResult {
    /** Whole seconds, rounded up, for the Retry-After header. */
    public long retryAfterSeconds() {
      long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
      return Math.max(1, seconds);
    }
  }
}
