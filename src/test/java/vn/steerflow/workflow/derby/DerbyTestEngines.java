package vn.steerflow.workflow.derby;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/**
 * Process engines on real Derby files for tests: each gets its own database folder under the
 * build's test-data folder (or a temporary folder), the Derby dialect plugin, history FULL and the
 * job executor off unless a test turns it on.
 */
public final class DerbyTestEngines {

  private DerbyTestEngines() {}

  /** A fresh, empty database folder for the named test. */
  public static Path newDatabaseFolder(String name) {
    try {
      String base = System.getProperty("steerflow.test.dataDir");
      Path root =
          base != null
              ? Files.createDirectories(Path.of(base))
              : Files.createTempDirectory("steerflow-test");
      return Files.createTempDirectory(root, name + "-").resolve("db");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JDBC URL of an embedded Derby database in the folder, created on first use. */
  public static String jdbcUrl(Path databaseFolder) {
    return "jdbc:derby:" + databaseFolder.toAbsolutePath() + ";create=true";
  }

  /** A configuration on Derby in the folder, schema created if absent, history FULL. */
  public static StandaloneProcessEngineConfiguration configuration(
      String engineName, Path databaseFolder) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName(engineName);
    configuration.setJdbcUrl(jdbcUrl(databaseFolder));
    configuration.setJdbcDriver("org.apache.derby.iapi.jdbc.AutoloadedDriver");
    configuration.setJdbcUsername("");
    configuration.setJdbcPassword("");
    configuration.setJdbcMaxActiveConnections(20);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setEnforceHistoryTimeToLive(true);
    List<ProcessEnginePlugin> plugins = new ArrayList<>();
    plugins.add(new DerbyDialectPlugin());
    configuration.setProcessEnginePlugins(plugins);
    return configuration;
  }

  public static ProcessEngine build(String engineName, Path databaseFolder) {
    return configuration(engineName, databaseFolder).buildProcessEngine();
  }
}
