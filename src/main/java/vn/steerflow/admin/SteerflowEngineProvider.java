package vn.steerflow.admin;

import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import vn.steerflow.workflow.EngineBootstrap;

/**
 * How Camunda's REST resources find steerflow's engine (a {@link java.util.ServiceLoader} service,
 * listed in {@code META-INF/services}). {@link EngineBootstrap} builds the engine, which registers
 * itself in Camunda's engine registry under its name; this reads it there. Only that one engine
 * exists.
 */
public class SteerflowEngineProvider implements ProcessEngineProvider {

  @Override
  public ProcessEngine getDefaultProcessEngine() {
    ProcessEngine engine = ProcessEngines.getProcessEngines().get(EngineBootstrap.ENGINE_NAME);
    if (engine == null) {
      throw new RestException(
          Response.Status.SERVICE_UNAVAILABLE, "The process engine has not started yet.");
    }
    return engine;
  }

  @Override
  public ProcessEngine getProcessEngine(String name) {
    return EngineBootstrap.ENGINE_NAME.equals(name) ? getDefaultProcessEngine() : null;
  }

  @Override
  public Set<String> getProcessEngineNames() {
    return Set.of(EngineBootstrap.ENGINE_NAME);
  }
}
