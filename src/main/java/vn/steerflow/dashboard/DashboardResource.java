package vn.steerflow.dashboard;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import vn.steerflow.security.CurrentCaller;

/**
 * Statistics and ranking over a plan ({@code ?plan=<id|code>}) or a period ({@code ?from=&to=}, ISO
 * dates, both included: the tasks whose deadline falls in it, Vietnam time).
 */
@Path("dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

  @Inject private Dashboard dashboard;

  @Inject private CurrentCaller caller;

  @GET
  @Path("statistics")
  public Statistics statistics(
      @QueryParam("plan") String plan,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return dashboard.statistics(plan, from, to, caller.get());
  }

  @GET
  @Path("ranking")
  public Ranking ranking(
      @QueryParam("plan") String plan,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return dashboard.ranking(plan, from, to, caller.get());
  }
}
