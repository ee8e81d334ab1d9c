package vn.steerflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.steerflow.security.audit.AppendOnlyGuard;
import vn.steerflow.workflow.derby.DerbyTestEngines;

/**
 * On Derby, the migrations leave SF_AUDIT_ENTRY append-only for any SQL, not only the
 * application's: rows go in, and every UPDATE, DELETE or TRUNCATE is refused, also one that names
 * no row.
 */
class AuditTableMigrationTest {

  private static EmbeddedDataSource dataSource;

  @BeforeAll
  static void migrate() {
    dataSource = new EmbeddedDataSource();
    dataSource.setDatabaseName(DerbyTestEngines.newDatabaseFolder("audit-table").toString());
    dataSource.setCreateDatabase("create");
    DatabaseMigrations.upgrade(dataSource);
  }

  @Test
  void entriesGoInAndComeOutUnchangedWhateverSqlTriesToChangeOrRemoveThem() throws SQLException {
    execute(
        "INSERT INTO SF_AUDIT_ENTRY (ID, RECORDED_AT, ACTOR, ACTION_NAME, OBJECT_TYPE, OBJECT_ID,"
            + " AFTER_VALUES, CLIENT_ADDRESS) VALUES (1, CURRENT_TIMESTAMP, 'giamsat',"
            + " 'TASK_ASSIGNED', 'TASK', 'NV-2026-1', '{\"leadUnit\":\"STP\"}', '127.0.0.1')");

    assertRefused("UPDATE SF_AUDIT_ENTRY SET ACTOR = 'someone else' WHERE ID = 1", "UPDATE");
    assertRefused("UPDATE SF_AUDIT_ENTRY SET AFTER_VALUES = NULL", "UPDATE");
    assertRefused("UPDATE SF_AUDIT_ENTRY SET ACTOR = 'x' WHERE 1 = 0", "UPDATE");
    assertRefused("DELETE FROM SF_AUDIT_ENTRY WHERE ID = 1", "DELETE");
    assertRefused("DELETE FROM SF_AUDIT_ENTRY", "DELETE");
    assertThatThrownBy(() -> execute("TRUNCATE TABLE SF_AUDIT_ENTRY"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("TRUNCATE TABLE is not permitted");

    assertThat(query("SELECT COUNT(*) FROM SF_AUDIT_ENTRY")).isEqualTo("1");
    assertThat(query("SELECT ACTOR FROM SF_AUDIT_ENTRY WHERE ID = 1")).isEqualTo("giamsat");
    assertThat(query("SELECT AFTER_VALUES FROM SF_AUDIT_ENTRY WHERE ID = 1"))
        .isEqualTo("{\"leadUnit\":\"STP\"}");
    // a second entry still goes in after all the refusals
    execute(
        "INSERT INTO SF_AUDIT_ENTRY (ID, RECORDED_AT, ACTOR, ACTION_NAME, OBJECT_TYPE, OBJECT_ID)"
            + " VALUES (2, CURRENT_TIMESTAMP, 'system', 'MODEL_DEPLOYED', 'DEPLOYMENT', 'd-1')");
    assertThat(query("SELECT COUNT(*) FROM SF_AUDIT_ENTRY")).isEqualTo("2");
  }

  private static void assertRefused(String sql, String statement) {
    assertThatThrownBy(() -> execute(sql))
        .as(sql)
        .isInstanceOfSatisfying(
            SQLException.class,
            e -> assertThat(e.getSQLState()).isEqualTo(AppendOnlyGuard.SQL_STATE))
        .hasMessageContaining("SF_AUDIT_ENTRY is append-only: " + statement + " is refused");
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  private static String query(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
