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
import java.util.List;
import vn.steerflow.api.Page;
import vn.steerflow.security.CurrentCaller;

/**
 * Assigning tasks, listing those the caller may see, and reading one with its steps and timeline.
 */
@Path("tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

  @Inject private TaskAssignments assignments;

  @Inject private Tasks tasks;

  @Inject private TaskSearch search;

  @Inject private TaskChanges changes;

  @Inject private CurrentCaller caller;

  @Context private UriInfo uriInfo;

  @POST
  public Response assign(Assignment request) {
    Task task = assignments.assign(request, caller.get());
    return Response.created(uriInfo.getBaseUriBuilder().path("tasks").path(task.getCode()).build())
        .entity(show(task.getCode()))
        .build();
  }

  /** Tasks the caller may see, filtered, sorted and paged; see TaskFilter for the parameters. */
  @GET
  public Page<TaskSummary> list(
      @QueryParam("plan") String plan,
      @QueryParam("unit") String unit,
      @QueryParam("outcome") List<String> outcome,
      @QueryParam("overdue") String overdue,
      @QueryParam("deadlineFrom") String deadlineFrom,
      @QueryParam("deadlineTo") String deadlineTo,
      @QueryParam("q") String q,
      @QueryParam("page") String page,
      @QueryParam("size") String size,
      @QueryParam("sort") String sort,
      @QueryParam("dir") String dir) {
    return search.search(
        TaskFilter.parse(
            plan, unit, outcome, overdue, deadlineFrom, deadlineTo, q, page, size, sort, dir),
        caller.get());
  }

  @GET
  @Path("{code}")
  public TaskView get(@PathParam("code") String code) {
    return show(code);
  }

  /** A supervisor of the task's committee cancels it; its cycle ends with the reason. */
  @POST
  @Path("{code}/cancel")
  public TaskView cancel(@PathParam("code") String code, CancelRequest request) {
    changes.cancel(code, request, caller.get());
    return show(code);
  }

  /**
   * A supervisor of the task's committee gives it to another lead unit; its open report steps move.
   */
  @POST
  @Path("{code}/reassign")
  public TaskView reassign(@PathParam("code") String code, ReassignRequest request) {
    changes.reassign(code, request, caller.get());
    return show(code);
  }

  private TaskView show(String code) {
    return tasks.view(code, caller.get());
  }
}
