package vn.steerflow.report;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.steerflow.api.Page;
import vn.steerflow.security.CurrentCaller;

/** Listing bottlenecks, reading one, moving it on, and naming who must resolve it. */
@Path("bottlenecks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BottleneckResource {

  @Inject private Bottlenecks bottlenecks;

  @Inject private BottleneckSearch search;

  @Inject private CurrentCaller caller;

  /** Bottlenecks the caller may see, filtered, sorted and paged; see BottleneckFilter. */
  @GET
  public Page<BottleneckView> list(
      @QueryParam("committee") String committee,
      @QueryParam("state") List<String> state,
      @QueryParam("unit") String unit,
      @QueryParam("resolver") String resolver,
      @QueryParam("task") String task,
      @QueryParam("minAgeDays") String minAgeDays,
      @QueryParam("page") String page,
      @QueryParam("size") String size,
      @QueryParam("sort") String sort,
      @QueryParam("dir") String dir) {
    return search.search(
        BottleneckFilter.parse(
            committee, state, unit, resolver, task, minAgeDays, page, size, sort, dir),
        caller.get());
  }

  @GET
  @Path("{id}")
  public BottleneckView get(@PathParam("id") long id) {
    return bottlenecks.view(id, caller.get());
  }

  /** The resolver takes it in hand, or resolves it with the answer. */
  @POST
  @Path("{id}/state")
  public BottleneckView move(@PathParam("id") long id, BottleneckStateChange request) {
    bottlenecks.move(id, request, caller.get());
    return bottlenecks.view(id, caller.get());
  }

  /** A supervisor names the unit that must resolve it, or LEADERS. */
  @POST
  @Path("{id}/resolver")
  public BottleneckView resolver(@PathParam("id") long id, ResolverChange request) {
    bottlenecks.assignResolver(id, request, caller.get());
    return bottlenecks.view(id, caller.get());
  }
}
