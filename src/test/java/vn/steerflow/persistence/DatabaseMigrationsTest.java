package vn.steerflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import vn.steerflow.workflow.derby.DerbyTestEngines;

class DatabaseMigrationsTest {

  @Test
  void derbyGetsTheSharedSchemaAndItsOwnLockSettingsAndASecondRunChangesNothing()
      throws SQLException {
    EmbeddedDataSource dataSource = new EmbeddedDataSource();
    dataSource.setDatabaseName(DerbyTestEngines.newDatabaseFolder("migrations").toString());
    dataSource.setCreateDatabase("create");

    String version = DatabaseMigrations.upgrade(dataSource);

    assertThat(applied(dataSource)).contains("1", "1.1");
    assertThat(property(dataSource, "derby.locks.waitTimeout")).isEqualTo("20");
    assertThat(property(dataSource, "derby.locks.deadlockTimeout")).isEqualTo("10");
    assertThat(tableExists(dataSource, "SF_TASK")).isTrue();
    // Re-running at start-up is a no-op, as on every restart.
    assertThat(DatabaseMigrations.upgrade(dataSource)).isEqualTo(version);
  }

  private static String property(EmbeddedDataSource dataSource, String name) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_DATABASE_PROPERTY('" + name + "')")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static java.util.List<String> applied(EmbeddedDataSource dataSource) throws SQLException {
    java.util.List<String> versions = new java.util.ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("select \"version\" from SF_SCHEMA_HISTORY where \"success\" = true")) {
      while (rs.next()) {
        versions.add(rs.getString(1));
      }
    }
    return versions;
  }

  private static boolean tableExists(EmbeddedDataSource dataSource, String table)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
      return rs.next();
    }
  }
}
