package vn.steerflow.committee;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import vn.steerflow.api.Page;
import vn.steerflow.api.RequestValidation;

/**
 * Members: admins only, for reading as for writing (a member list is who-is-who of the whole
 * province).
 */
@Path("members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberResource {

  private static final String WHAT = "manage members";

  @Inject private Members members;

  @Inject private RequestValidation validation;

  @Context private SecurityContext security;

  @Context private UriInfo uriInfo;

  @GET
  public Page<MemberView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
    Administration.requireAdmin(security, WHAT);
    return members.list(Page.Request.parse(page, size));
  }

  @GET
  @Path("{username}")
  public MemberView get(@PathParam("username") String username) {
    Administration.requireAdmin(security, WHAT);
    return members.get(username);
  }

  @POST
  public Response create(MemberRequest request) {
    Administration.requireAdmin(security, WHAT);
    MemberView member = members.create(validation.check(request, "member"));
    return Response.created(
            uriInfo.getBaseUriBuilder().path("members").path(member.username()).build())
        .entity(member)
        .build();
  }

  @PUT
  @Path("{username}")
  public MemberView change(@PathParam("username") String username, MemberChange request) {
    String admin = Administration.requireAdmin(security, WHAT);
    return members.change(username, validation.check(request, "member"), admin);
  }

  /**
   * Gives the member a random temporary password, shown once in the answer; until they choose a new
   * one they may do nothing else.
   */
  @POST
  @Path("{username}/password-reset")
  public PasswordReset resetPassword(@PathParam("username") String username) {
    String admin = Administration.requireAdmin(security, WHAT);
    return members.resetPassword(username, admin);
  }

  @POST
  @Path("{username}/deactivate")
  public MemberView deactivate(@PathParam("username") String username) {
    String admin = Administration.requireAdmin(security, WHAT);
    return members.deactivate(username, admin);
  }
}
