package vn.steerflow.admin;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * A path of Camunda's REST API that steerflow does not offer answers 404 in Camunda's error format
 * (which Modeler shows), naming what is offered.
 */
@Provider
public class NotOffered implements ExceptionMapper<NotFoundException> {

  @Override
  public Response toResponse(NotFoundException e) {
    return Response.status(Response.Status.NOT_FOUND)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(
            Map.of(
                "type",
                "NotFoundException",
                "message",
                "steerflow offers only these operations of Camunda's REST API: "
                    + EngineRestResource.OFFERED))
        .build();
  }
}
