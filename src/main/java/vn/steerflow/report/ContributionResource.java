package vn.steerflow.report;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import vn.steerflow.security.CurrentCaller;

/** Coordinating units contribute to a task; everyone who sees the task sees who has contributed. */
@Path("tasks/{code}/contributions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContributionResource {

  @Inject private Coordination coordination;

  @Inject private CurrentCaller caller;

  @Context private UriInfo uriInfo;

  @GET
  public List<CoordinationView> list(@PathParam("code") String code) {
    return coordination.coordination(code, caller.get());
  }

  @POST
  public Response contribute(@PathParam("code") String code, ContributionRequest request) {
    Contribution contribution = coordination.contribute(code, request, caller.get());
    return Response.created(
            uriInfo.getBaseUriBuilder().path("tasks").path(code).path("contributions").build())
        .entity(coordination.view(contribution))
        .build();
  }
}
