package vn.steerflow.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import vn.steerflow.report.RaisedBottleneck;
import vn.steerflow.report.ReportCycle;
import vn.steerflow.report.ReportRequest;
import vn.steerflow.report.ReportStatus;
import vn.steerflow.security.Authenticator;
import vn.steerflow.security.Caller;
import vn.steerflow.workflow.TaskCycleContract.FormKeys;
import vn.steerflow.workflow.Workflow;

/**
 * Inside the server: a report's bottlenecks are written in the report's transaction, so when that
 * transaction rolls back after everything was written, the report, its bottlenecks, their timeline
 * entries and the engine step all go together. (JUnit's assertions: AssertJ is not in the WAR this
 * test runs in.)
 */
@ExtendWith(ArquillianExtension.class)
class BottleneckAtomicityIT {

  @Deployment
  static WebArchive steerflowWithThisTest() {
    return ShrinkWrap.createFromZipFile(
            WebArchive.class, new File(System.getProperty("steerflow.war", "target/steerflow.war")))
        .addClass(BottleneckAtomicityIT.class)
        .addClass(Demo.class);
  }

  @Inject private TaskAssignments assignments;
  @Inject private ReportCycle cycle;
  @Inject private Workflow workflow;
  @Inject private Authenticator authenticator;

  @Resource(lookup = "java:app/jdbc/steerflow")
  private DataSource dataSource;

  @Resource(lookup = "java:comp/UserTransaction")
  private UserTransaction transaction;

  @Test
  void aRolledBackReportTakesItsBottlenecksAndTheirTimelineEntriesWithIt() throws Exception {
    Task task = assignTask();
    ReportRequest report =
        new ReportRequest(
            ReportStatus.IN_PROGRESS,
            40,
            "Đang triển khai",
            "Hai khó khăn",
            null,
            null,
            List.of(
                new RaisedBottleneck("Thiếu kinh phí", null),
                new RaisedBottleneck("Thiếu dữ liệu dân cư", Demo.POLICE)));

    transaction.begin();
    try {
      cycle.submit(task.getCode(), report, officer());
      // inside the transaction: the report, both bottlenecks and their timeline entries
      assertEquals(1, count("select count(*) from SF_REPORT where TASK_ID = ?", task.getId()));
      assertEquals(2, count("select count(*) from SF_BOTTLENECK where TASK_ID = ?", task.getId()));
      assertEquals(
          2,
          count(
              "select count(*) from SF_TIMELINE where TASK_ID = ?"
                  + " and ACTION_NAME = 'BOTTLENECK_RAISED'",
              task.getId()));
    } finally {
      transaction.rollback();
    }

    assertEquals(
        0,
        count("select count(*) from SF_BOTTLENECK where TASK_ID = ?", task.getId()),
        "no bottleneck row");
    assertEquals(
        0,
        count("select count(*) from SF_REPORT where TASK_ID = ?", task.getId()),
        "no report row");
    assertEquals(
        1,
        count("select count(*) from SF_TIMELINE where TASK_ID = ?", task.getId()),
        "only the assignment in the timeline");
    assertTrue(
        workflow.openStep(task.getCode(), FormKeys.REPORT).isPresent(),
        "the report step is open again");

    // Control: the same report outside the rolled-back transaction keeps its bottlenecks.
    cycle.submit(task.getCode(), report, officer());
    assertEquals(2, count("select count(*) from SF_BOTTLENECK where TASK_ID = ?", task.getId()));
  }

  private Task assignTask() {
    Assignment assignment =
        new Assignment(
            "Kiểm thử nguyên tử của vướng mắc",
            "Nội dung",
            Demo.JUSTICE,
            "Giám đốc",
            OffsetDateTime.now(ZoneOffset.UTC).plusDays(5),
            "Kết quả",
            Demo.COMMITTEE,
            List.of());
    return assignments.assign(assignment, caller(Demo.SUPERVISOR));
  }

  private Caller officer() {
    return caller(Demo.JUSTICE_OFFICER);
  }

  private Caller caller(String username) {
    return authenticator.authenticate(username, Demo.PASSWORD.toCharArray()).orElseThrow();
  }

  private long count(String sql, long taskId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, taskId);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
