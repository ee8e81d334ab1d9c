package vn.steerflow.report;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import vn.steerflow.security.CurrentCaller;

/** The lead unit reports on a task. */
@Path("tasks/{code}/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskReportsResource {

  @Inject private ReportCycle cycle;

  @Inject private CurrentCaller caller;

  @Context private UriInfo uriInfo;

  @POST
  public Response report(@PathParam("code") String code, ReportRequest request) {
    Report report = cycle.submit(code, request, caller.get());
    return Response.created(
            uriInfo
                .getBaseUriBuilder()
                .path("reports")
                .path(String.valueOf(report.getId()))
                .build())
        .entity(cycle.view(report.getId(), caller.get()))
        .build();
  }
}
