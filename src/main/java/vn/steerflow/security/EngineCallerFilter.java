package vn.steerflow.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import vn.steerflow.workflow.EngineIdentity;

/**
 * The engine runs each API request as its caller: before the resource method, the engine's identity
 * on this thread becomes the authenticated member and the member's work groups. It runs after every
 * servlet filter (authentication included), so the caller is known here; {@link
 * RequestBoundaryFilter} clears the identity when the request ends.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
@ApplicationScoped
public class EngineCallerFilter implements ContainerRequestFilter {

  @Inject private CurrentCaller caller;

  @Inject private EngineIdentity engineIdentity;

  @Override
  public void filter(ContainerRequestContext request) {
    caller.find().ifPresent(c -> engineIdentity.actAs(c.username(), c.workGroups()));
  }
}
