package vn.steerflow.report;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.steerflow.security.CurrentCaller;

/**
 * A leader answers an escalated report on a task; so does a substitute acting for one, and the
 * answer names the leader acted for ({@code actingFor}, null for a leader's own).
 */
@Path("tasks/{code}/direction")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DirectionResource {

  @Inject private ReportCycle cycle;

  @Inject private CurrentCaller caller;

  @POST
  public Map<String, Object> direct(@PathParam("code") String code, DirectionRequest request) {
    Direction direction = cycle.direct(code, request, caller.get());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", direction.getId());
    answer.put("task", code);
    answer.put("direction", request.direction().strip());
    answer.put("givenBy", direction.getLeader());
    answer.put("actingFor", direction.getActingFor());
    return answer;
  }
}
