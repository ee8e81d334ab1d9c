package vn.steerflow.report;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import vn.steerflow.security.CurrentCaller;

/** The lead unit asks for a new deadline; everyone who sees the task sees its deadline history. */
@Path("tasks/{code}/extensions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskExtensionsResource {

  @Inject private Extensions extensions;

  @Inject private CurrentCaller caller;

  @Context private UriInfo uriInfo;

  @GET
  public ExtensionView.History history(@PathParam("code") String code) {
    return extensions.history(code, caller.get());
  }

  @POST
  public Response request(@PathParam("code") String code, ExtensionRequest request) {
    Extension extension = extensions.request(code, request, caller.get());
    return Response.created(
            uriInfo
                .getBaseUriBuilder()
                .path("extensions")
                .path(String.valueOf(extension.getId()))
                .build())
        .entity(extensions.view(extension.getId(), caller.get()))
        .build();
  }
}
