package vn.steerflow.inbox;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.FieldError;
import vn.steerflow.security.CurrentCaller;

/** The caller's work list, oldest first, paged. */
@Path("work")
@Produces(MediaType.APPLICATION_JSON)
public class WorkResource {

  static final int MAX_PAGE_SIZE = 200;

  @Inject private Inbox inbox;

  @Inject private CurrentCaller caller;

  @GET
  public List<WorkItem> list(
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    // Checked here rather than with @Min/@Max: Payara's OpenAPI generator fails on those on
    // parameters.
    List<FieldError> errors = new ArrayList<>();
    if (page < 0) {
      errors.add(new FieldError("page", "page starts at 0"));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      errors.add(new FieldError("size", "size is 1 to " + MAX_PAGE_SIZE));
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest("Fix the paging parameters.", errors);
    }
    return inbox.workOf(caller.get(), page, size);
  }
}
