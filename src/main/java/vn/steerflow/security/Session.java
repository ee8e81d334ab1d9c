package vn.steerflow.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;

/**
 * A web UI login: who, since when, last seen when, and the anti-CSRF token that state-changing
 * requests must echo. The stamp ties it to the member's password at login: a changed password (on
 * any node) ends every session opened with the old one.
 */
public final class Session {

  private final String id;
  private final String username;
  private final String csrfToken;
  private final Instant createdAt;
  private volatile Instant lastSeen;
  private volatile String stamp;

  Session(String id, String username, String csrfToken, Instant createdAt, String stamp) {
    this.id = id;
    this.username = username;
    this.csrfToken = csrfToken;
    this.createdAt = createdAt;
    this.lastSeen = createdAt;
    this.stamp = stamp;
  }

  String id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String csrfToken() {
    return csrfToken;
  }

  public Instant createdAt() {
    return createdAt;
  }

  String stamp() {
    return stamp;
  }

  /** The member changed their password in this session; it stays open. */
  void restamp(String stamp) {
    this.stamp = stamp;
  }

  Instant lastSeen() {
    return lastSeen;
  }

  void seen(Instant now) {
    lastSeen = now;
  }

  /** When the session ends if it is not used before: the earlier of idle and absolute ends. */
  Instant expiresAt(Duration idle, Duration absolute) {
    Instant idleEnd = lastSeen.plus(idle);
    Instant absoluteEnd = createdAt.plus(absolute);
    return idleEnd.isBefore(absoluteEnd) ? idleEnd : absoluteEnd;
  }

  /** Compares in constant time. */
  boolean csrfMatches(String token) {
    return token != null
        && MessageDigest.isEqual(
            csrfToken.getBytes(StandardCharsets.US_ASCII),
            token.strip().getBytes(StandardCharsets.US_ASCII));
  }
}
