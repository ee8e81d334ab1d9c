package vn.steerflow.security;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.steerflow.api.RequestValidation;

/**
 * The caller's own account: changing their password (the one thing a member whose password was
 * reset may do).
 */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PasswordResource {

  @Inject private Logins logins;

  @Inject private CurrentCaller caller;

  @Inject private RequestOrigin origin;

  @Inject private RequestValidation validation;

  @Context private HttpServletRequest http;

  @POST
  @Path("password")
  public Response changePassword(PasswordChange request) {
    logins.changePassword(
        caller.member(),
        caller.session(),
        validation.check(request, "password change"),
        origin.clientAddress(http));
    return Response.noContent().build();
  }
}
