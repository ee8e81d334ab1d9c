package vn.steerflow.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Holds the authenticated caller for the length of one request; set by the authentication filter,
 * with the session when the request came with the session cookie.
 */
@RequestScoped
public class CurrentCaller {

  private Authenticated member;
  private Session session;

  void set(Authenticated member, Session session) {
    this.member = member;
    this.session = session;
  }

  /** The caller; requests reach resources only authenticated, so absence is a programming error. */
  public Caller get() {
    return member().caller();
  }

  Authenticated member() {
    if (member == null) {
      throw new IllegalStateException("no authenticated caller in this request");
    }
    return member;
  }

  /** The session of a request authenticated by the session cookie; null for HTTP Basic. */
  Session session() {
    return session;
  }

  /** The caller, when the request has been authenticated (empty before that, and for jobs). */
  public Optional<Caller> find() {
    return Optional.ofNullable(member).map(Authenticated::caller);
  }
}
