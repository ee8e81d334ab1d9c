package vn.steerflow.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.steerflow.workflow.EngineIdentity;

/**
 * Wraps every request to the application: notes the client's address for the audit trail, and makes
 * sure the engine acts for no one when the request ends, however it ends. The server's threads
 * serve one request after another; without this a thread could carry one member's identity into the
 * engine calls of the next request it serves.
 *
 * <p>{@link EngineCallerFilter} sets the identity once the caller is authenticated; this filter
 * clears it in {@code finally}. It does not matter in which order the container runs this filter
 * and the authentication filter: both wrap the whole of the application's work. It does not clear
 * on the way in: a filter outside it that authenticates for the engine on its own (Camunda's REST
 * API does) keeps what it set for the length of the request.
 */
@WebFilter(urlPatterns = "/*")
public class RequestBoundaryFilter extends HttpFilter {

  @Inject private RequestOrigin origin;

  @Inject private RequestClient client;

  @Inject private EngineIdentity engineIdentity;

  public RequestBoundaryFilter() {
    // for the container
  }

  RequestBoundaryFilter(RequestOrigin origin, RequestClient client, EngineIdentity engineIdentity) {
    this.origin = origin;
    this.client = client;
    this.engineIdentity = engineIdentity;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    client.set(origin.clientAddress(request));
    try {
      chain.doFilter(request, response);
    } finally {
      engineIdentity.clear();
    }
  }
}
