package vn.steerflow.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a request comes from and whether it came over TLS. Behind a reverse proxy that terminates
 * TLS the connection is the proxy's, so the client's address and scheme are read from {@code
 * X-Forwarded-For} and {@code X-Forwarded-Proto}, but only when the connection comes from an
 * address listed in {@code steerflow.http.trusted-proxies}: anyone else could write those headers
 * to dodge the login throttle or fake a secure connection.
 */
@ApplicationScoped
public class RequestOrigin {

  @Inject
  @ConfigProperty(name = "steerflow.http.trusted-proxies")
  Optional<String> trustedProxies;

  private Set<String> trusted = Set.of();

  protected RequestOrigin() {}

  /** An origin trusting these proxy addresses, for tests. */
  static RequestOrigin trusting(String... proxies) {
    RequestOrigin origin = new RequestOrigin();
    origin.trustedProxies = Optional.of(String.join(",", proxies));
    origin.init();
    return origin;
  }

  @PostConstruct
  void init() {
    trusted =
        trustedProxies
            .map(
                list ->
                    Arrays.stream(list.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
            .orElse(Set.of());
  }

  /**
   * The client's address: the connection's, or behind trusted proxies the nearest address in {@code
   * X-Forwarded-For} that is not one of them.
   */
  public String clientAddress(HttpServletRequest request) {
    String remote = request.getRemoteAddr();
    String forwarded = request.getHeader("X-Forwarded-For");
    if (!trusted.contains(remote) || forwarded == null || forwarded.isBlank()) {
      return remote;
    }
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!hop.isEmpty() && !trusted.contains(hop)) {
        return hop;
      }
    }
    return hops[0].strip().isEmpty() ? remote : hops[0].strip();
  }

  /** Whether the client reached us over TLS, directly or through a trusted proxy. */
  public boolean isSecure(HttpServletRequest request) {
    if (request.isSecure()) {
      return true;
    }
    String proto = request.getHeader("X-Forwarded-Proto");
    return proto != null
        && trusted.contains(request.getRemoteAddr())
        && proto.split(",")[0].strip().equalsIgnoreCase("https");
  }
}
