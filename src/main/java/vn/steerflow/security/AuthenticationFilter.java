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
import java.util.Set;
import vn.steerflow.security.LoginAttempted.Channel;

/**
 * Every API request is authenticated before it reaches a resource, by one of two means over the
 * same members: HTTP Basic (API clients; the {@code Authorization} header wins when present) or the
 * session cookie of a JSON login (the web UI). The login itself, {@code POST /api/v1/session}, is
 * the only open API operation. Besides who is calling, it enforces:
 *
 * <ul>
 *   <li>CSRF: a state-changing request (not GET, HEAD, OPTIONS) authenticated by the session cookie
 *       must carry the session's anti-CSRF token in {@code X-CSRF-Token}; and any state-changing
 *       request a browser marks {@code Sec-Fetch-Site: cross-site} is refused, the login included.
 *       Basic requests need no token: a browser adds no Basic credentials to a cross-site request
 *       unless a person typed them into its prompt, and then it sends Sec-Fetch-Site.
 *   <li>a required password change: until the member chose a new password after an admin's reset,
 *       only changing it, reading and ending the session are allowed; anything else answers 403.
 *   <li>the login throttle: a throttled Basic request answers 429 with Retry-After.
 * </ul>
 *
 * API answers are never cached ({@code Cache-Control: no-store}): they hold personal data and
 * tokens. Camunda's REST API at {@code /engine-rest} (admins only, see {@code admin.AdminsOnly})
 * logs in the same way.
 */
@WebFilter(
    filterName = "authentication",
    urlPatterns = {"/api/*", "/engine-rest/*"})
public class AuthenticationFilter extends HttpFilter {

  static final String CHALLENGE = "Basic realm=\"steerflow\", charset=\"UTF-8\"";
  static final String CSRF_HEADER = "X-CSRF-Token";

  /** The login operation, open to everyone; the rest of the session resource is not. */
  static final String SESSION_PATH = "/api/v1/session";

  static final String PASSWORD_PATH = "/api/v1/me/password";

  /** Methods that never change state (no resource changes anything on GET). */
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  @Inject private Authenticator authenticator;

  @Inject private CurrentCaller currentCaller;

  @Inject private Sessions sessions;

  @Inject private RequestOrigin origin;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Cache-Control", "no-store");
    String path = path(request);
    boolean changing = !SAFE.contains(request.getMethod());
    if (changing && "cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
      ProblemResponses.write(
          response,
          403,
          "Forbidden",
          "A page of another site may not change anything here (Sec-Fetch-Site: cross-site).");
      return;
    }
    if (changing && path.equals(SESSION_PATH) && request.getMethod().equals("POST")) {
      chain.doFilter(request, response);
      return;
    }
    String authorization = request.getHeader("Authorization");
    Authenticated member;
    Session session = null;
    String authType;
    if (authorization != null) {
      Optional<LoginResult> result = basic(request, authorization);
      if (result.isEmpty() || result.get() instanceof LoginResult.Refused) {
        unauthorized(request, response, "Log in with a steerflow member's username and password.");
        return;
      }
      if (result.get() instanceof LoginResult.Throttled throttled) {
        response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
        ProblemResponses.write(
            response,
            429,
            "Too Many Requests",
            "Too many failed logins for this account or from this address; try again in "
                + throttled.retryAfterSeconds()
                + " seconds.");
        return;
      }
      member = ((LoginResult.Succeeded) result.get()).member();
      authType = HttpServletRequest.BASIC_AUTH;
    } else {
      boolean secure = origin.isSecure(request);
      Optional<Session> found = sessions.find(SessionCookie.read(request, secure));
      Optional<Authenticated> resumed =
          found.flatMap(s -> authenticator.resume(s.username(), s.stamp()));
      if (resumed.isEmpty()) {
        found.ifPresent(sessions::close);
        if (SessionCookie.read(request, secure) != null) {
          response.addHeader("Set-Cookie", SessionCookie.clear(secure));
        }
        unauthorized(
            request,
            response,
            "Log in: POST /api/v1/session (web UI) or HTTP Basic (API clients); a session ends after "
                + "its idle or absolute time-out, at logout, or when the password changes.");
        return;
      }
      session = found.get();
      if (changing && !session.csrfMatches(request.getHeader(CSRF_HEADER))) {
        ProblemResponses.write(
            response,
            403,
            "Forbidden",
            "Send the session's anti-CSRF token in the X-CSRF-Token header (from the login answer "
                + "or GET /api/v1/session).");
        return;
      }
      member = resumed.get();
      authType = HttpServletRequest.FORM_AUTH;
    }
    if (member.passwordChangeRequired() && !allowedBeforePasswordChange(request, path)) {
      ProblemResponses.write(
          response,
          403,
          "Forbidden",
          "Your password was reset: choose a new one with POST /api/v1/me/password before doing "
              + "anything else.");
      return;
    }
    currentCaller.set(member, session);
    chain.doFilter(new AuthenticatedRequest(request, member.caller(), authType), response);
  }

  /** The path below the context root as the container mapped it (decoded, normalised). */
  static String path(HttpServletRequest request) {
    String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
    String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
    String path = servletPath + pathInfo;
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static boolean allowedBeforePasswordChange(HttpServletRequest request, String path) {
    String method = request.getMethod();
    return (path.equals(PASSWORD_PATH) && method.equals("POST"))
        || (path.equals(SESSION_PATH) && (method.equals("GET") || method.equals("DELETE")));
  }

  private Optional<LoginResult> basic(HttpServletRequest request, String header) {
    return credentials(header)
        .map(
            c -> {
              try {
                return authenticator.authenticate(
                    c.username(), c.password(), origin.clientAddress(request), Channel.BASIC);
              } finally {
                Arrays.fill(c.password(), '\0');
              }
            });
  }

  private record Credentials(String username, char[] password) {}

  private static Optional<Credentials> credentials(String header) {
    if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
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

  /**
   * 401; with the Basic challenge unless a page's script asked (Sec-Fetch-Mode cors or
   * same-origin), so that the web UI gets no browser login prompt.
   */
  private static void unauthorized(
      HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
    String mode = request.getHeader("Sec-Fetch-Mode");
    if (!"cors".equalsIgnoreCase(mode) && !"same-origin".equalsIgnoreCase(mode)) {
      response.setHeader("WWW-Authenticate", CHALLENGE);
    }
    ProblemResponses.write(response, 401, "Unauthorized", detail);
  }

  /** Exposes the member to the container and JAX-RS as the request's principal. */
  private static final class AuthenticatedRequest extends HttpServletRequestWrapper {
    private final Caller caller;
    private final String authType;

    AuthenticatedRequest(HttpServletRequest request, Caller caller, String authType) {
      super(request);
      this.caller = caller;
      this.authType = authType;
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
      return authType;
    }
  }
}
