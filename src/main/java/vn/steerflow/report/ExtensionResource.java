package vn.steerflow.report;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import vn.steerflow.security.CurrentCaller;

/** Reading an extension request and deciding on it. */
@Path("extensions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExtensionResource {

  @Inject private Extensions extensions;

  @Inject private CurrentCaller caller;

  @GET
  @Path("{id}")
  public ExtensionView get(@PathParam("id") long id) {
    return extensions.view(id, caller.get());
  }

  @POST
  @Path("{id}/decision")
  public ExtensionView decide(@PathParam("id") long id, ExtensionDecisionRequest request) {
    extensions.decide(id, request, caller.get());
    return extensions.view(id, caller.get());
  }
}
