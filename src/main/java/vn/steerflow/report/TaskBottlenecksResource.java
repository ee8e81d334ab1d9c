package vn.steerflow.report;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.steerflow.api.Page;
import vn.steerflow.security.CurrentCaller;

/** A task's bottlenecks, as far as the caller may see them. */
@Path("tasks/{code}/bottlenecks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskBottlenecksResource {

  @Inject private BottleneckSearch search;

  @Inject private CurrentCaller caller;

  @GET
  public Page<BottleneckView> list(
      @PathParam("code") String code,
      @QueryParam("state") List<String> state,
      @QueryParam("page") String page,
      @QueryParam("size") String size,
      @QueryParam("sort") String sort,
      @QueryParam("dir") String dir) {
    return search.ofTask(
        code,
        BottleneckFilter.parse(null, state, null, null, null, null, page, size, sort, dir),
        caller.get());
  }
}
