package vn.steerflow.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import vn.steerflow.api.ApiException;
import vn.steerflow.committee.Members;
import vn.steerflow.security.LoginAttempted.Channel;

/**
 * Logging in and out of the web UI, and a member's own password change. Each step that reads or
 * writes the database is its own transaction, so a failed attempt is counted and observed (audit)
 * even though the request fails.
 */
@ApplicationScoped
public class Logins {

  private static final Logger LOG = Logger.getLogger(Logins.class.getName());

  @Inject private Authenticator authenticator;

  @Inject private Sessions sessions;

  @Inject private Members members;

  /** A session opened by a login. */
  public record Opened(Authenticated member, Session session) {}

  /**
   * Opens a new session for the member; the session the browser came with, if any, ends (the id is
   * renewed at every login). 401 for wrong credentials, 429 when throttled.
   */
  public Opened login(LoginRequest login, String address, String previousSessionId) {
    char[] password = login.password().toCharArray();
    LoginResult result;
    try {
      result = authenticator.authenticate(login.username(), password, address, Channel.SESSION);
    } finally {
      Arrays.fill(password, '\0');
    }
    if (result instanceof LoginResult.Throttled throttled) {
      throw new TooManyAttempts(throttled);
    }
    if (result instanceof LoginResult.Refused refused) {
      throw new ApiException(401, "Unauthorized", refused.message(), List.of());
    }
    Authenticated member = ((LoginResult.Succeeded) result).member();
    sessions.find(previousSessionId).ifPresent(sessions::close);
    Session session = sessions.open(member.caller().username(), member.stamp());
    return new Opened(member, session);
  }

  public void logout(Session session) {
    sessions.close(session);
    LOG.info(() -> "Logout: user '" + session.username() + "'");
  }

  /**
   * The member's own password change: the current password is checked like a login (throttled and
   * counted), the new one must pass the policy and differ from it. Every other session of the
   * member ends, on every node, because its stamp no longer matches; the caller's own session
   * stays.
   */
  public void changePassword(
      Authenticated member, Session session, PasswordChange change, String address) {
    String username = member.caller().username();
    char[] current = change.currentPassword().toCharArray();
    LoginResult result;
    try {
      result = authenticator.authenticate(username, current, address, Channel.PASSWORD_CHANGE);
    } finally {
      Arrays.fill(current, '\0');
    }
    if (result instanceof LoginResult.Throttled throttled) {
      throw new TooManyAttempts(throttled);
    }
    if (result instanceof LoginResult.Refused) {
      throw ApiException.badRequest("currentPassword", "this is not your current password");
    }
    if (change.newPassword().equals(change.currentPassword())) {
      throw ApiException.badRequest(
          "newPassword", "choose a new password different from the current one");
    }
    String hash = members.choosePassword(username, change.newPassword(), "newPassword");
    if (session != null) {
      session.restamp(Authenticator.stamp(hash));
    }
    LOG.info(() -> "Password changed by user '" + username + "'");
  }
}
