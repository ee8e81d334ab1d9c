package vn.steerflow.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The client of the current HTTP request, for the audit trail: its address as {@link RequestOrigin}
 * reads it (the connection's, or behind a trusted proxy the forwarded one), noted once per request
 * by {@link RequestBoundaryFilter}. Empty outside an HTTP request (start-up, jobs).
 */
@RequestScoped
public class RequestClient {

  private String address;

  void set(String address) {
    this.address = address;
  }

  public Optional<String> address() {
    return Optional.ofNullable(address);
  }
}
