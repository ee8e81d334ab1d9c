package vn.steerflow.dashboard;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import vn.steerflow.api.ApiException;
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
    Params p = Params.parse(plan, from, to);
    return dashboard.statistics(p.plan(), p.from(), p.to(), caller.get());
  }

  @GET
  @Path("ranking")
  public Ranking ranking(
      @QueryParam("plan") String plan,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    Params p = Params.parse(plan, from, to);
    return dashboard.ranking(p.plan(), p.from(), p.to(), caller.get());
  }

  /** Either a plan or both dates, never both nor neither. */
  record Params(String plan, LocalDate from, LocalDate to) {

    static Params parse(String plan, String from, String to) {
      boolean hasPlan = plan != null && !plan.isBlank();
      boolean hasDates = from != null || to != null;
      if (hasPlan && hasDates) {
        throw ApiException.badRequest("plan", "give either plan or from and to, not both");
      }
      if (hasPlan) {
        return new Params(plan.strip(), null, null);
      }
      if (!hasDates) {
        throw ApiException.badRequest("plan", "give plan, or from and to (ISO dates)");
      }
      LocalDate start = date("from", from);
      LocalDate end = date("to", to);
      if (end.isBefore(start)) {
        throw ApiException.badRequest("to", "the period ends before it starts");
      }
      return new Params(null, start, end);
    }

    private static LocalDate date(String field, String value) {
      if (value == null || value.isBlank()) {
        throw ApiException.badRequest(field, field + " is required with a period (ISO date)");
      }
      try {
        return LocalDate.parse(value.strip());
      } catch (DateTimeParseException e) {
        throw ApiException.badRequest(field, "not an ISO date (yyyy-mm-dd): " + value);
      }
    }
  }
}
