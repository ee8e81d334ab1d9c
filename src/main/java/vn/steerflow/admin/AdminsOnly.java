package vn.steerflow.admin;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import vn.steerflow.committee.Role;

/**
 * {@code /engine-rest} is for admins: anyone else who logged in gets 403 before the request is
 * matched to a resource (so they learn nothing of which paths exist) and before its body is read.
 * The login itself (401 without valid credentials) is {@code security.AuthenticationFilter}'s,
 * which covers {@code /engine-rest} as it covers {@code /api}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHORIZATION)
public class AdminsOnly implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getSecurityContext().getUserPrincipal() == null
        || !request.getSecurityContext().isUserInRole(Role.ADMIN.name())) {
      request.abortWith(
          Response.status(Response.Status.FORBIDDEN)
              .type("application/problem+json")
              .entity(
                  "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                      + "\"detail\":\"Only admins use Camunda's REST API (/engine-rest).\"}")
              .build());
    }
  }
}
