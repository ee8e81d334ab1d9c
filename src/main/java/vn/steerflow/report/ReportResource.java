package vn.steerflow.report;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import vn.steerflow.security.CurrentCaller;

/**
 * Reading a report and reviewing it. The service checks the request after access, so that who may
 * not review is refused whatever they send.
 */
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReportResource {

  @Inject private ReportCycle cycle;

  @Inject private CurrentCaller caller;

  @GET
  @Path("{id}")
  public ReportView get(@PathParam("id") long id) {
    return cycle.view(id, caller.get());
  }

  @POST
  @Path("{id}/review")
  public ReportView review(@PathParam("id") long id, ReviewRequest request) {
    cycle.review(id, request, caller.get());
    return cycle.view(id, caller.get());
  }
}
