package vn.steerflow.security.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import vn.steerflow.security.CurrentCaller;

/** {@code GET /audit.csv}: the CSV export under a file name, for a browser's download link. */
@Path("audit.csv")
public class AuditCsvResource {

  @Inject private AuditSearch search;

  @Inject private CurrentCaller caller;

  @GET
  @Produces({AuditResource.CSV, "*/*"})
  public Response csv(
      @QueryParam("objectType") String objectType,
      @QueryParam("objectId") String objectId,
      @QueryParam("member") String member,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("action") List<String> action) {
    search.requireAdmin(caller.get());
    return AuditResource.export(
        search,
        caller,
        AuditFilter.parse(objectType, objectId, member, from, to, action, null, null));
  }
}
