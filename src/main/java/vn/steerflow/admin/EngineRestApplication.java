package vn.steerflow.admin;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonMappingExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonParseExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.engine.rest.mapper.MultipartPayloadProvider;

/**
 * Camunda's REST API at {@code /engine-rest}, where Camunda Modeler deploys. A separate JAX-RS
 * application with its own classes, so Camunda's JSON configuration ({@link JacksonConfigurator}:
 * its date format, lenient about unknown fields) and error format ({@code {"type", "message"}},
 * which Modeler shows) stay here, and steerflow's strict JSON and problem+json stay at {@code
 * /api/v1}. Instead of Camunda's whole resource tree ({@code CamundaRestResources}) it publishes
 * {@link EngineRestResource}, an allowlist of Camunda's operations, behind {@link AdminsOnly}.
 */
@ApplicationPath(EngineRestApplication.PATH)
public class EngineRestApplication extends Application {

  public static final String PATH = "/engine-rest";

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        EngineRestResource.class,
        AdminsOnly.class,
        NotOffered.class,
        // Camunda's providers, as CamundaRestResources.getConfigurationClasses() lists them, less
        // the HAL provider (no HAL resource is offered)
        JacksonConfigurator.class,
        JacksonJsonProvider.class,
        MultipartPayloadProvider.class,
        JsonMappingExceptionHandler.class,
        JsonParseExceptionHandler.class,
        ProcessEngineExceptionHandler.class,
        RestExceptionHandler.class,
        ExceptionHandler.class);
  }

  @Override
  public Map<String, Object> getProperties() {
    // Only the providers above: no JSON-B, MOXy or auto-discovered features from the server; and
    // no generated WADL, which would be one more path beside the allowlist.
    return Map.of(
        "jersey.config.disableJsonBinding",
        true,
        "jersey.config.disableMoxyJson",
        true,
        "jersey.config.server.disableAutoDiscovery",
        true,
        "jersey.config.server.wadl.disableWadl",
        true);
  }
}
