package vn.steerflow.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Where the current HTTP request comes from, for the audit trail: the client's address as the
 * server's socket saw it ({@code getRemoteAddr()}: behind a reverse proxy that is the proxy's).
 * Empty outside an HTTP request (start-up, jobs).
 */
@RequestScoped
public class RequestOrigin {

  private String clientAddress;

  void set(String clientAddress) {
    this.clientAddress = clientAddress;
  }

  public Optional<String> clientAddress() {
    return Optional.ofNullable(clientAddress);
  }
}
