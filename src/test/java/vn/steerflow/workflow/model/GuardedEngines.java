package vn.steerflow.workflow.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import vn.steerflow.workflow.delegate.ReportingPeriodEvents;
import vn.steerflow.workflow.delegate.TaskCycleBeans;
import vn.steerflow.workflow.delegate.TaskCycleEvents;
import vn.steerflow.workflow.derby.DerbyTestEngines;

/**
 * Derby engines configured as the server's for models: the allowlisted beans (with sinks that
 * record nothing) and the {@link ModelGuardPlugin}.
 */
final class GuardedEngines {

  static final TaskCycleEvents NO_EVENTS =
      new TaskCycleEvents() {
        @Override
        public void unitUrged(String taskCode, int urgeCount) {}

        @Override
        public void taskOverdue(String taskCode) {}
      };

  static final ReportingPeriodEvents NO_PERIOD_EVENTS =
      new ReportingPeriodEvents() {
        @Override
        public void periodOpened(String taskCode, int number, Instant start, Instant end) {}

        @Override
        public void periodMissed(String taskCode, int number) {}

        @Override
        public void reportingEnded(String taskCode) {}
      };

  private GuardedEngines() {}

  /** As the server's engine: the beans of the allowlist, then the guard. */
  static StandaloneProcessEngineConfiguration configuration(String name, Path folder) {
    StandaloneProcessEngineConfiguration configuration =
        DerbyTestEngines.configuration(name, folder);
    configuration.setBeans(new HashMap<>(TaskCycleBeans.allowlist(NO_EVENTS, NO_PERIOD_EVENTS)));
    configuration
        .getProcessEnginePlugins()
        .add(new ModelGuardPlugin(ModelGuardPlugin.DEFAULT_MAX_BYTES));
    return configuration;
  }
}
