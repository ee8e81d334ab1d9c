package vn.steerflow.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** steerflow is ready for work only once its process engine runs. */
@Readiness
@ApplicationScoped
public class EngineReadiness implements HealthCheck {

  @Inject private EngineBootstrap bootstrap;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("process-engine").status(bootstrap.isRunning()).build();
  }
}
