package vn.steerflow.plan;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import vn.steerflow.api.Page;
import vn.steerflow.security.CurrentCaller;

/** Issuing plans and reading them; a plan's tasks are listed at {@code /tasks?plan=...}. */
@Path("plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanResource {

  @Inject private Plans plans;

  @Inject private CurrentCaller caller;

  @Context private UriInfo uriInfo;

  @POST
  public Response create(PlanRequest request) {
    PlanView plan = plans.create(request, caller.get());
    return Response.created(
            uriInfo.getBaseUriBuilder().path("plans").path(String.valueOf(plan.id())).build())
        .entity(plan)
        .build();
  }

  @GET
  public Page<PlanView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
    return plans.list(caller.get(), Page.Request.parse(page, size));
  }

  /** A plan by its id or its code. */
  @GET
  @Path("{id}")
  public PlanView get(@PathParam("id") String id) {
    return plans.get(id, caller.get());
  }
}
