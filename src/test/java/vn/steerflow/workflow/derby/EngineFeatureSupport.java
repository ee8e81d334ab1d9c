package vn.steerflow.workflow.derby;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import vn.steerflow.testing.Poll;

/**
 * Small helpers shared by the EngineFeature* tests: fixed dates, bounded waits, a quick job
 * executor, Derby shutdown.
 */
final class EngineFeatureSupport {

  /**
   * How often {@link #awaitCondition} looks again; a polling interval, never the condition itself.
   */
  private static final long POLL_MILLIS = 50;

  private EngineFeatureSupport() {}

  /**
   * A moment in the JVM's time zone, the zone Derby's TIMESTAMP columns and MONTH()/QUARTER() work
   * in.
   */
  static Date at(int year, int month, int day, int hour, int minute) {
    return Date.from(
        LocalDateTime.of(year, month, day, hour, minute)
            .atZone(ZoneId.systemDefault())
            .toInstant());
  }

  /**
   * Waits until the condition holds, looking every {@value #POLL_MILLIS} ms, and fails the test
   * when the deadline passes first. The condition is what the test waits for; the pause only spaces
   * the looks.
   */
  static void awaitCondition(String description, Duration timeout, BooleanSupplier condition) {
    Poll.until(
        description, timeout, Duration.ofMillis(POLL_MILLIS), condition::getAsBoolean, met -> met);
  }

  /**
   * Turns the job executor on with short idle waits, so that a due job is picked up within half a
   * second instead of the default's up to a minute. Acquisition still runs through the engine's own
   * SQL on Derby.
   */
  static void activateQuickJobExecutor(ProcessEngineConfigurationImpl configuration) {
    DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
    jobExecutor.setWaitTimeInMillis(100);
    jobExecutor.setMaxWait(500);
    jobExecutor.setLockTimeInMillis(30_000);
    configuration.setJobExecutor(jobExecutor);
    configuration.setJobExecutorActivate(true);
  }

  /**
   * Shuts the embedded Derby database in the folder down, so that the next connection boots it
   * again from its files (and its transaction log), as after a JVM restart. Derby reports a clean
   * shutdown as SQLState 08006.
   */
  static void shutDownDerby(Path databaseFolder) {
    try {
      DriverManager.getConnection(
              "jdbc:derby:" + databaseFolder.toAbsolutePath() + ";shutdown=true")
          .close();
      throw new IllegalStateException("Derby did not report the shutdown of " + databaseFolder);
    } catch (SQLException expected) {
      if (!"08006".equals(expected.getSQLState())) {
        throw new IllegalStateException(
            "Derby shutdown of " + databaseFolder + " failed", expected);
      }
    }
  }
}
