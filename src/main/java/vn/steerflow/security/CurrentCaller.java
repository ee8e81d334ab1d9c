package vn.steerflow.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Holds the authenticated caller for the length of one request; set by the authentication filter.
 */
@RequestScoped
public class CurrentCaller {

  private Caller caller;

  void set(Caller caller) {
    this.caller = caller;
  }

  /** The caller; requests reach resources only authenticated, so absence is a programming error. */
  public Caller get() {
    if (caller == null) {
      throw new IllegalStateException("no authenticated caller in this request");
    }
    return caller;
  }

  /** The caller, when the request has been authenticated (empty before that, and for jobs). */
  public Optional<Caller> find() {
    return Optional.ofNullable(caller);
  }
}
