package vn.steerflow.report;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.steerflow.security.CurrentCaller;

/** A task's indicators, each with its series of reported values, attainment and colour. */
@Path("tasks/{code}/indicators")
@Produces(MediaType.APPLICATION_JSON)
public class TaskIndicatorsResource {

  @Inject private Indicators indicators;

  @Inject private CurrentCaller caller;

  @GET
  public List<IndicatorSeriesView> list(@PathParam("code") String code) {
    return indicators.series(code, caller.get());
  }
}
