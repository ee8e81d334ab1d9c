package vn.steerflow.committee;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import vn.steerflow.api.RequestValidation;

/** Steering committees: any member reads them; admins create, change and deactivate them. */
@Path("committees")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CommitteeResource {

  private static final String WHAT = "change committees";

  @Inject private Committees committees;

  @Inject private RequestValidation validation;

  @Context private SecurityContext security;

  @Context private UriInfo uriInfo;

  @GET
  public List<CommitteeView> list() {
    return committees.list();
  }

  @GET
  @Path("{code}")
  public CommitteeView get(@PathParam("code") String code) {
    return committees.get(code);
  }

  @POST
  public Response create(CommitteeRequest request) {
    Administration.requireAdmin(security, WHAT);
    CommitteeView committee = committees.create(validation.check(request, "committee"));
    return Response.created(
            uriInfo.getBaseUriBuilder().path("committees").path(committee.code()).build())
        .entity(committee)
        .build();
  }

  @PUT
  @Path("{code}")
  public CommitteeView change(@PathParam("code") String code, CommitteeChange request) {
    Administration.requireAdmin(security, WHAT);
    return committees.change(code, validation.check(request, "committee"));
  }

  @POST
  @Path("{code}/deactivate")
  public CommitteeView deactivate(@PathParam("code") String code) {
    Administration.requireAdmin(security, WHAT);
    return committees.deactivate(code);
  }
}
