package vn.steerflow.security.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.steerflow.security.LoginAttempted;
import vn.steerflow.security.LoginAttempted.Channel;

/**
 * Writes every login attempt the authenticator decides into the audit trail: a success as {@code
 * LOGIN_SUCCEEDED} in the login's transaction, a failure as {@code LOGIN_FAILED} committed on its
 * own (the request changes nothing else). A current password given to change it is a check, not a
 * login: only its failure is recorded; the change itself is {@code PASSWORD_CHANGED}.
 */
@ApplicationScoped
public class LoginAudit {

  private static final Logger LOG = Logger.getLogger(LoginAudit.class.getName());

  @Inject private AuditTrail trail;

  void attempted(@Observes LoginAttempted attempt) {
    try {
      if (!attempt.outcome().succeeded()) {
        trail.loginFailed(
            attempt.username(),
            attempt.clientAddress(),
            attempt.channel().name(),
            attempt.outcome().name());
      } else if (attempt.channel() != Channel.PASSWORD_CHANGE) {
        trail.loginSucceeded(attempt.username(), attempt.clientAddress(), attempt.channel().name());
      }
    } catch (RuntimeException e) {
      // The login's answer must not depend on the trail (the event's contract): a failure to
      // record is logged for the operator instead.
      LOG.log(Level.SEVERE, "Login attempt not recorded in the audit trail: " + attempt, e);
    }
  }
}
