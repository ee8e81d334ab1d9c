package vn.steerflow.plan;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import vn.steerflow.api.RequestValidation;
import vn.steerflow.security.CurrentCaller;

/** Assigning tasks and reading one with its steps and timeline. */
@Path("tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

  @Inject private TaskAssignments assignments;

  @Inject private Tasks tasks;

  @Inject private CurrentCaller caller;

  @Inject private RequestValidation validation;

  @Context private UriInfo uriInfo;

  @POST
  public Response assign(Assignment request) {
    Task task = assignments.assign(validation.check(request, "assignment"), caller.get());
    return Response.created(uriInfo.getBaseUriBuilder().path("tasks").path(task.getCode()).build()).entity(show(task.getCode())).build();
  }

  @GET
  @Path("{code}")
  public TaskView get(@PathParam("code") String code) {
    return show(code);
  }

  private TaskView show(String code) {
    return tasks.view(code, caller.get());
  }
}
