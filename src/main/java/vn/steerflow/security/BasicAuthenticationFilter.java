package vn.steerflow.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Every API request is authenticated with HTTP Basic against steerflow's members before it reaches
 * a resource; an unauthenticated one gets 401 as problem+json and never touches the application.
 * Camunda's REST API at {@code /engine-rest} (admins only, see {@code admin.AdminsOnly}) logs in
 * the same way.
 */
@WebFilter(urlPatterns = {"/api/*", "/engine-rest/*"})
public class BasicAuthenticationFilter extends HttpFilter {

  static final String CHALLENGE = "Basic realm=\"steerflow\", charset=\"UTF-8\"";

  @Inject private Authenticator authenticator;

  @Inject private CurrentCaller currentCaller;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<Caller> caller =
        credentials(request)
            .flatMap(
                c -> {
                  try {
                    return authenticator.authenticate(c.username(), c.password());
                  } finally {
                    Arrays.fill(c.password(), '\0');
                  }
                });
    if (caller.isEmpty()) {
      unauthorized(response);
      return;
    }
    currentCaller.set(caller.get());
    chain.doFilter(new AuthenticatedRequest(request, caller.get()), response);
  }

  private record Credentials(String username, char[] password) {}

  private static Optional<Credentials> credentials(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray()));
  }

  private static void unauthorized(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", CHALLENGE);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"Log in with a steerflow member's user name and password (HTTP Basic).\"}");
  }

  /** Exposes the member to the container and JAX-RS as the request's principal. */
  private static final class AuthenticatedRequest extends HttpServletRequestWrapper {
    private final Caller caller;

    AuthenticatedRequest(HttpServletRequest request, Caller caller) {
      super(request);
      this.caller = caller;
    }

    @Override
    public Principal getUserPrincipal() {
      return caller::username;
    }

    @Override
    public String getRemoteUser() {
      return caller.username();
    }

    @Override
    public boolean isUserInRole(String role) {
      return caller.roles().stream().anyMatch(r -> r.name().equals(role));
    }

    @Override
    public String getAuthType() {
      return HttpServletRequest.BASIC_AUTH;
    }
  }
}
