package vn.steerflow.security;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Browser hardening headers on every response of the application, set before anything else runs so
 * that 401s, 403s, 404s and error pages carry them too (WEB-INF/web.xml puts this filter first): a
 * Content-Security-Policy that allows only this origin's own resources and no framing, {@code
 * X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer}, and over TLS (directly or
 * through a trusted proxy) {@code Strict-Transport-Security} for a year.
 */
@WebFilter(
    filterName = "securityHeaders",
    urlPatterns = "/*",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

  static final String DEFAULT_POLICY =
      "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; "
          + "object-src 'none'";

  static final String HSTS = "max-age=31536000; includeSubDomains";

  @Inject
  @ConfigProperty(name = "steerflow.http.content-security-policy", defaultValue = DEFAULT_POLICY)
  String contentSecurityPolicy;

  @Inject private RequestOrigin origin;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", contentSecurityPolicy);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Frame-Options", "DENY");
    if (origin.isSecure(request)) {
      response.setHeader("Strict-Transport-Security", HSTS);
    }
    chain.doFilter(request, response);
  }
}
