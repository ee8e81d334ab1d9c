package vn.steerflow.report;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.steerflow.security.CurrentCaller;

/** A REGULAR task's reporting periods, each on time, late, missed or open. */
@Path("tasks/{code}/periods")
@Produces(MediaType.APPLICATION_JSON)
public class ReportingPeriodsResource {

  @Inject private ReportingPeriods periods;

  @Inject private CurrentCaller caller;

  @GET
  public List<PeriodView> list(@PathParam("code") String code) {
    return periods.periods(code, caller.get());
  }
}
