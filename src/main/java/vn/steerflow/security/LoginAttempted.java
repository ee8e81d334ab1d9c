package vn.steerflow.security;

import java.time.Instant;

/**
 * A CDI event fired for every login attempt, successful or not, after it is decided: a JSON login,
 * an HTTP Basic request whose password had to be checked (not one answered from the short cache of
 * checked credentials), or the current password given to change it. Observers (the audit trail) run
 * in the attempt's transaction and must not throw. The username is as typed, bounded and without
 * control characters; never the password.
 */
public record LoginAttempted(
    Instant at, String username, String clientAddress, Channel channel, Outcome outcome) {

  /** How the member logged in. */
  public enum Channel {
    /** {@code POST /api/v1/session}: the web UI's login. */
    SESSION,
    /** An API client's HTTP Basic credentials. */
    BASIC,
    /** The current password given with {@code POST /api/v1/me/password}. */
    PASSWORD_CHANGE
  }

  /** What came of it. */
  public enum Outcome {
    SUCCEEDED,
    WRONG_PASSWORD,
    UNKNOWN_MEMBER,
    INACTIVE_MEMBER,
    TEMPORARY_PASSWORD_EXPIRED,
    /** Refused unchecked: too many recent failures for the account or the address. */
    THROTTLED;

    public boolean succeeded() {
      return this == SUCCEEDED;
    }
  }
}
