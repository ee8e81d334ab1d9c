package vn.steerflow.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Defines the application's DataSource. The engine's tables and the domain tables live in this one
 * database so that a domain write and its workflow step commit in one transaction.
 *
 * <p>The Derby database name (a path) comes from MicroProfile Config ({@code steerflow.db.path}, by
 * default {@code ${steerflow.data.dir}/steerflow}); Payara resolves the {@code MPCONFIG}
 * placeholders.
 */
@DataSourceDefinition(
    name = SteerflowDataSource.JNDI_NAME,
    className = "org.apache.derby.jdbc.EmbeddedDataSource",
    databaseName = "${MPCONFIG=steerflow.db.path}",
    properties = {"createDatabase=create"},
    minPoolSize = 2,
    maxPoolSize = 32,
    transactional = true,
    isolationLevel = java.sql.Connection.TRANSACTION_READ_COMMITTED)
@ApplicationScoped
public class SteerflowDataSource {

  /** Where engine, JPA and migrations find the DataSource. */
  public static final String JNDI_NAME = "java:app/jdbc/steerflow";
}
