package vn.steerflow.security.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import vn.steerflow.api.Page;
import vn.steerflow.security.CurrentCaller;

/**
 * The audit trail for admins: a page of entries as JSON, or every entry the filters select as CSV
 * ({@code Accept: text/csv} here, or {@code GET /audit.csv}). Read-only: the trail has no other
 * operation.
 */
@Path("audit")
public class AuditResource {

  /** The CSV media type; JSON is preferred when a client accepts both. */
  static final String CSV = "text/csv";

  @Inject private AuditSearch search;

  @Inject private CurrentCaller caller;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Page<AuditEntryView> list(
      @QueryParam("objectType") String objectType,
      @QueryParam("objectId") String objectId,
      @QueryParam("member") String member,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("action") List<String> action,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    // who may not read the trail is refused before the parameters are looked at
    search.requireAdmin(caller.get());
    return search.search(
        AuditFilter.parse(objectType, objectId, member, from, to, action, page, size),
        caller.get());
  }

  @GET
  @Produces(CSV + ";qs=0.5")
  public Response csv(
      @QueryParam("objectType") String objectType,
      @QueryParam("objectId") String objectId,
      @QueryParam("member") String member,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("action") List<String> action) {
    search.requireAdmin(caller.get());
    return export(
        search,
        caller,
        AuditFilter.parse(objectType, objectId, member, from, to, action, null, null));
  }

  /**
   * The CSV download: permission and parameters are checked before the first byte, so a refusal is
   * still a problem+json answer; then the entries stream out a chunk at a time.
   */
  static Response export(AuditSearch search, CurrentCaller caller, AuditFilter filter) {
    search.requireAdmin(caller.get());
    StreamingOutput body =
        out -> AuditCsv.write(out, last -> search.chunkAfter(filter, last, AuditSearch.CHUNK));
    return Response.ok(body, CSV + "; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"steerflow-audit.csv\"")
        .build();
  }
}
