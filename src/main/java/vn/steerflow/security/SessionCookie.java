package vn.steerflow.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends
 * it), Path=/ and no Domain, no Max-Age (it ends with the browser; the server ends it sooner). Over
 * TLS it is also Secure and named with the {@code __Host-} prefix, which browsers accept only from
 * a secure origin for exactly this host (ASVS V3.4); over plain HTTP (development) it is {@code
 * sf_session}, and a secure request reads only the prefixed one.
 */
final class SessionCookie {

  static final String PLAIN = "sf_session";
  static final String SECURE = "__Host-sf_session";

  private SessionCookie() {}

  /** The Set-Cookie value that gives the browser the session. */
  static String issue(String sessionId, boolean secure) {
    return (secure ? SECURE : PLAIN)
        + "="
        + sessionId
        + "; Path=/; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "");
  }

  /** The Set-Cookie value that makes the browser forget the session. */
  static String clear(boolean secure) {
    return (secure ? SECURE : PLAIN)
        + "=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "");
  }

  /** The session id the request carries, if any. */
  static String read(HttpServletRequest request, boolean secure) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    String name = secure ? SECURE : PLAIN;
    for (Cookie cookie : cookies) {
      if (name.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
        return cookie.getValue();
      }
    }
    return null;
  }
}
