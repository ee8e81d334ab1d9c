package vn.steerflow.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the domain tables to the current version at start-up, before the engine or JPA touch them.
 * Migrations are the SQL files under {@code db/migration}, written to run on Derby and PostgreSQL alike.
 * Flyway's own lock makes concurrent start-ups of several nodes on one PostgreSQL safe.
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
    Flyway flyway =
        Flyway.configure(getClass().getClassLoader())
            .dataSource(dataSource)
            // Shared SQL first; db/vendor/<derby|postgresql> holds what only one database needs.
            .locations("classpath:db/migration", "classpath:db/vendor/{vendor}")
            .table("SF_SCHEMA_HISTORY")
            .load();
    MigrateResult result = flyway.migrate();
    String version = flyway.info().current() == null ? "none" : flyway.info().current().getVersion().getVersion();
    LOG.info(() -> "Domain schema at version " + version + " (" + result.migrationsExecuted + " migrations run now)");
  }
}
