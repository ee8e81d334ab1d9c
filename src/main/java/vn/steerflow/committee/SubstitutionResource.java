package vn.steerflow.committee;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import vn.steerflow.api.Page;

/**
 * Acting leaders: a leader names a substitute for a period, those concerned read the substitutions,
 * the leader or an admin ends one early. The caller is read from JAX-RS's security context, like
 * the rest of committee.
 */
@Path("substitutions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubstitutionResource {

  @Inject private Substitutions substitutions;

  @Context private SecurityContext security;

  @Context private UriInfo uriInfo;

  @POST
  public Response name(SubstitutionRequest request) {
    SubstitutionView named = substitutions.name(request, caller());
    return Response.created(
            uriInfo
                .getBaseUriBuilder()
                .path("substitutions")
                .path(String.valueOf(named.id()))
                .build())
        .entity(named)
        .build();
  }

  @GET
  public Page<SubstitutionView> list(
      @QueryParam("leader") String leader,
      @QueryParam("substitute") String substitute,
      @QueryParam("state") String state,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return substitutions.list(caller(), leader, substitute, state, page, size);
  }

  @GET
  @Path("{id}")
  public SubstitutionView get(@PathParam("id") long id) {
    return substitutions.get(id, caller());
  }

  @POST
  @Path("{id}/end")
  public SubstitutionView end(@PathParam("id") long id, SubstitutionEnd request) {
    return substitutions.end(id, request, caller());
  }

  private String caller() {
    return security.getUserPrincipal().getName();
  }
}
