package vn.steerflow.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the domain tables to the current version at start-up, before the engine or JPA touch them.
 * Migrations are the SQL files under {@code db/migration}, written to run on Derby and PostgreSQL
 * alike. Flyway's own lock makes concurrent start-ups of several nodes on one PostgreSQL safe.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigrations {

  private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

  @Resource(lookup = SteerflowDataSource.JNDI_NAME)
  private DataSource dataSource;

  @PostConstruct
  // A class-level attribute does not reach a singleton's lifecycle callback: without this the whole
  // start-up would run in one container transaction that the engine's own commands would wait on.
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void migrate() {
    String version = upgrade(dataSource);
    LOG.info(() -> "Domain schema at version " + version);
  }

  /**
   * Migrates the database to the newest version; returns that version. (Not named migrate: the
   * container finds the lifecycle callback by name and would pick this overload.)
   */
  static String upgrade(DataSource dataSource) {
    Flyway flyway =
        Flyway.configure(DatabaseMigrations.class.getClassLoader())
            .dataSource(dataSource)
            // Shared SQL first; db/vendor/<derby|postgresql> holds what only one database needs.
            .locations("classpath:db/migration", "classpath:db/vendor/" + vendor(dataSource))
            .table("SF_SCHEMA_HISTORY")
            .load();
    flyway.migrate();
    return flyway.info().current().getVersion().getVersion();
  }

  /** "derby" or "postgresql": the folder of the database's own migrations. */
  static String vendor(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      return product.contains("derby")
          ? "derby"
          : product.contains("postgres") ? "postgresql" : product.replaceAll("[^a-z0-9]", "");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database to migrate it", e);
    }
  }
}
