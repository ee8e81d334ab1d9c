package vn.steerflow.committee;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import vn.steerflow.api.ApiException;

/**
 * Only admins change the organisation. The check reads JAX-RS's security context, to which the
 * authentication filter exposes the member and their roles; so committee needs no {@code Caller},
 * which security builds from committee's own members.
 */
final class Administration {

  private Administration() {}

  /** The admin's username; 403 for anyone else. */
  static String requireAdmin(SecurityContext security, String what) {
    Principal principal = security.getUserPrincipal();
    if (principal == null || !security.isUserInRole(Role.ADMIN.name())) {
      throw ApiException.forbidden("Only admins " + what + ".");
    }
    return principal.getName();
  }
}
