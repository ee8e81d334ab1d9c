package vn.steerflow.security;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.steerflow.api.RequestValidation;

/**
 * The web UI's login session: {@code POST} logs in with username and password and sets the session
 * cookie (a new session id every time, whatever the browser sent), {@code GET} says who is logged
 * in and gives the anti-CSRF token again, {@code DELETE} logs out. API clients use HTTP Basic
 * instead; {@code GET} answers them too.
 */
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

  @Inject private Logins logins;

  @Inject private CurrentCaller caller;

  @Inject private Sessions sessions;

  @Inject private RequestOrigin origin;

  @Inject private RequestValidation validation;

  @Context private HttpServletRequest http;

  @POST
  public Response login(LoginRequest request) {
    LoginRequest login = validation.check(request, "login");
    boolean secure = origin.isSecure(http);
    Logins.Opened opened =
        logins.login(login, origin.clientAddress(http), SessionCookie.read(http, secure));
    return Response.ok(SessionView.of(opened.member(), opened.session(), sessions))
        .header("Set-Cookie", SessionCookie.issue(opened.session().id(), secure))
        .build();
  }

  @GET
  public SessionView current() {
    return SessionView.of(caller.member(), caller.session(), sessions);
  }

  @DELETE
  public Response logout() {
    Session session = caller.session();
    if (session == null) {
      return Response.noContent().build();
    }
    logins.logout(session);
    return Response.noContent()
        .header("Set-Cookie", SessionCookie.clear(origin.isSecure(http)))
        .build();
  }
}
