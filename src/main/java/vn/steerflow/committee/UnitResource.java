package vn.steerflow.committee;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.RequestValidation;

/** The unit tree: any member reads it; admins create, rename, move, merge and deactivate units. */
@Path("units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitResource {

  private static final String WHAT = "change units";

  @Inject private Units units;

  @Inject private RequestValidation validation;

  @Context private SecurityContext security;

  @Context private UriInfo uriInfo;

  @GET
  public List<UnitView> list(@QueryParam("active") String active) {
    return units.list(optionalBoolean("active", active));
  }

  @GET
  @Path("{code}")
  public UnitView get(@PathParam("code") String code) {
    return units.get(code);
  }

  @POST
  public Response create(UnitRequest request) {
    Administration.requireAdmin(security, WHAT);
    UnitView unit = units.create(validation.check(request, "unit"));
    return Response.created(uriInfo.getBaseUriBuilder().path("units").path(unit.code()).build())
        .entity(unit)
        .build();
  }

  @PUT
  @Path("{code}")
  public UnitView change(@PathParam("code") String code, UnitChange request) {
    Administration.requireAdmin(security, WHAT);
    return units.change(code, validation.check(request, "unit"));
  }

  @POST
  @Path("{code}/merge-into/{target}")
  public UnitView merge(@PathParam("code") String code, @PathParam("target") String target) {
    String admin = Administration.requireAdmin(security, WHAT);
    return units.merge(code, target, admin);
  }

  @POST
  @Path("{code}/deactivate")
  public UnitView deactivate(@PathParam("code") String code) {
    Administration.requireAdmin(security, WHAT);
    return units.deactivate(code);
  }

  static Boolean optionalBoolean(String name, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return switch (text.strip()) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw ApiException.badRequest(name, "true or false, not '" + text + "'");
    };
  }
}
