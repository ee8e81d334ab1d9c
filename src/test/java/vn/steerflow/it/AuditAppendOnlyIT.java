package vn.steerflow.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.steerflow.plan.Assignment;
import vn.steerflow.plan.Task;
import vn.steerflow.plan.TaskAssignments;
import vn.steerflow.security.Authenticator;
import vn.steerflow.security.audit.AppendOnlyGuard;
import vn.steerflow.security.audit.AuditEntry;
import vn.steerflow.security.audit.AuditTrail;

/**
 * Inside the server, on its own DataSource: an audit entry commits with its change and rolls back
 * with it, and once written no path changes or removes it: not plain JDBC, not JPA's bulk
 * statements, remove or native queries, not an entity changed in memory.
 */
@ExtendWith(ArquillianExtension.class)
class AuditAppendOnlyIT {

  @Deployment
  static WebArchive steerflowWithThisTest() {
    return ShrinkWrap.createFromZipFile(
            WebArchive.class, new File(System.getProperty("steerflow.war", "target/steerflow.war")))
        .addClasses(AuditAppendOnlyIT.class, AuditTampering.class, Demo.class);
  }

  @Inject private TaskAssignments assignments;
  @Inject private Authenticator authenticator;
  @Inject private AuditTampering tampering;
  @Inject private AuditTrail auditTrail;

  @Resource(lookup = "java:app/jdbc/steerflow")
  private DataSource dataSource;

  @Resource(lookup = "java:comp/UserTransaction")
  private UserTransaction transaction;

  @Test
  void anEntryCommitsWithItsChangeAndRollsBackWithIt() throws Exception {
    transaction.begin();
    String code;
    try {
      code = assign().getCode();
    } finally {
      transaction.rollback();
    }
    assertEquals(0, entriesOf(code), "after the rollback");
    assertEquals(0, count("select count(*) from SF_TASK where CODE = ?", code), "no task");

    String committed = assign().getCode();
    assertEquals(1, entriesOf(committed), "committed with its task");
  }

  @Test
  void aFailedLoginIsRecordedEvenWhenNothingElseOfTheRequestCommits() throws Exception {
    String tried = "no-such-member-" + System.nanoTime();
    String member = "member-" + System.nanoTime();
    transaction.begin();
    try {
      auditTrail.loginFailed(tried, "203.0.113.9", "BASIC", "UNKNOWN_MEMBER");
      auditTrail.loginSucceeded(member, "203.0.113.10", "BASIC");
    } finally {
      transaction.rollback();
    }

    assertEquals(
        1,
        count(
            "select count(*) from SF_AUDIT_ENTRY where ACTION_NAME = 'LOGIN_FAILED'"
                + " and ACTOR = 'anonymous' and CLIENT_ADDRESS = '203.0.113.9' and OBJECT_ID = ?",
            tried),
        "the failure committed on its own");
    assertEquals(
        0,
        count("select count(*) from SF_AUDIT_ENTRY where OBJECT_ID = ?", member),
        "a success joins the login's transaction, and rolled back with it");
  }

  @Test
  void noPathChangesOrRemovesAnEntry() throws Exception {
    String code = assign().getCode();
    long id = entryId(code);
    AuditEntry original = tampering.read(id);
    assertEquals("TASK_ASSIGNED", original.getAction());

    // plain JDBC, as any tool connected to the database would
    assertRefused(() -> jdbc("UPDATE SF_AUDIT_ENTRY SET ACTOR = 'someone else' WHERE ID = " + id));
    assertRefused(() -> jdbc("UPDATE SF_AUDIT_ENTRY SET AFTER_VALUES = NULL"));
    assertRefused(() -> jdbc("DELETE FROM SF_AUDIT_ENTRY WHERE ID = " + id));
    SQLException truncate =
        assertThrows(SQLException.class, () -> jdbc("TRUNCATE TABLE SF_AUDIT_ENTRY"));
    assertTrue(
        truncate.getMessage().contains("TRUNCATE TABLE is not permitted"), truncate::toString);
    // JPA, every way it offers
    assertRefused(() -> tampering.bulkUpdate(id));
    assertRefused(() -> tampering.bulkDelete(id));
    assertRefused(() -> tampering.remove(id));
    assertRefused(() -> tampering.nativeUpdate(id));
    // a changed entity is never written back: no column of it is updatable
    tampering.changeInMemory(id);

    AuditEntry now = tampering.read(id);
    assertEquals(original.getActor(), now.getActor());
    assertEquals(original.getAction(), now.getAction());
    assertEquals(original.getAfter(), now.getAfter());
    assertEquals(original.getAt(), now.getAt());
    assertEquals(1, entriesOf(code));
  }

  private interface Attempt {
    void run() throws Exception;
  }

  /** The attempt fails, and the database's refusal is among its causes. */
  private static void assertRefused(Attempt attempt) {
    Throwable failure = null;
    try {
      attempt.run();
    } catch (Throwable e) {
      failure = e;
    }
    assertNotNull(failure, "the attempt was refused");
    List<String> states = new ArrayList<>();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException next = sql; next != null; next = next.getNextException()) {
          states.add(next.getSQLState());
        }
      }
    }
    Throwable refused = failure;
    assertTrue(
        states.contains(AppendOnlyGuard.SQL_STATE), () -> "SQLStates " + states + " in " + refused);
  }

  private Task assign() {
    Assignment assignment =
        new Assignment(
            "Kiểm thử nhật ký kiểm toán",
            "Nội dung",
            Demo.JUSTICE,
            "Giám đốc",
            OffsetDateTime.now(ZoneOffset.UTC).plusDays(5),
            "Kết quả",
            Demo.COMMITTEE,
            List.of());
    return assignments.assign(
        assignment,
        authenticator.authenticate(Demo.SUPERVISOR, Demo.PASSWORD.toCharArray()).orElseThrow());
  }

  private long entriesOf(String code) throws SQLException {
    return count(
        "select count(*) from SF_AUDIT_ENTRY where OBJECT_TYPE = 'TASK' and OBJECT_ID = ?", code);
  }

  private long entryId(String code) throws SQLException {
    return count(
        "select max(ID) from SF_AUDIT_ENTRY where OBJECT_TYPE = 'TASK' and OBJECT_ID = ?", code);
  }

  private void jdbc(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }

  private long count(String sql, String value) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, value);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
