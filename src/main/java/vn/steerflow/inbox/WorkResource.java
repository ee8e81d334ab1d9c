package vn.steerflow.inbox;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
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
      @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "page starts at 0") int page,
      @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "size is at least 1") @Max(value = MAX_PAGE_SIZE, message = "size is at most 200") int size) {
    return inbox.workOf(caller.get(), page, size);
  }
}
