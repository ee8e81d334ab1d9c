package vn.steerflow.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.steerflow.plan.Assignment;
import vn.steerflow.plan.Task;
import vn.steerflow.plan.TaskAssignments;
import vn.steerflow.report.ReportCycle;
import vn.steerflow.report.ReportRequest;
import vn.steerflow.report.ReportStatus;
import vn.steerflow.security.Authenticator;
import vn.steerflow.security.Caller;
import vn.steerflow.workflow.TaskCycleContract.FormKeys;
import vn.steerflow.workflow.TaskCycleContract.Vars;
import vn.steerflow.workflow.Workflow;

/**
 * Inside the server: a report and the engine step it completes commit together or not at all. The
 * failures are real ones, not test hooks: the engine fails to create the next step after the report
 * row is written, and the caller's own JTA transaction rolls back after both were written.
 */
@ExtendWith(ArquillianExtension.class)
class ReportAtomicityIT {

  @Deployment
  static WebArchive steerflowWithThisTest() {
    return ShrinkWrap.createFromZipFile(
            WebArchive.class, new File(System.getProperty("steerflow.war", "target/steerflow.war")))
        .addClass(ReportAtomicityIT.class)
        .addClass(Demo.class);
  }

  @Inject private TaskAssignments assignments;
  @Inject private ReportCycle cycle;
  @Inject private Workflow workflow;
  @Inject private ProcessEngine engine;
  @Inject private Authenticator authenticator;

  @Resource(lookup = "java:app/jdbc/steerflow")
  private DataSource dataSource;

  @Resource(lookup = "java:comp/UserTransaction")
  private UserTransaction transaction;

  @Test
  void engineFailureAfterTheReportIsSavedLeavesNoReportAndTheStepOpen() throws Exception {
    Task task = assignTask();
    // Without the supervisors' group the engine cannot create the review step: completing the
    // report
    // step fails after the report row has been inserted and flushed.
    engine.getRuntimeService().removeVariable(task.getProcessInstanceId(), Vars.SUPERVISOR_GROUP);

    assertThrows(RuntimeException.class, () -> cycle.submit(task.getCode(), report(), officer()));

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
        "the report step is still open");

    // Control: with the group back, the same submission goes through, so the failure above was the
    // engine's.
    engine
        .getRuntimeService()
        .setVariable(
            task.getProcessInstanceId(), Vars.SUPERVISOR_GROUP, "supervisors:" + Demo.COMMITTEE);
    cycle.submit(task.getCode(), report(), officer());
    assertEquals(1, count("select count(*) from SF_REPORT where TASK_ID = ?", task.getId()));
    assertTrue(workflow.openStep(task.getCode(), FormKeys.REVIEW).isPresent());
  }

  @Test
  void rollbackOfTheCallersTransactionUndoesBothTheReportAndTheEngineStep() throws Exception {
    Task task = assignTask();

    transaction.begin();
    try {
      cycle.submit(task.getCode(), report(), officer());
      // Inside the transaction both writes are visible: the report row and the step moved to
      // review.
      assertEquals(1, count("select count(*) from SF_REPORT where TASK_ID = ?", task.getId()));
      assertTrue(workflow.openStep(task.getCode(), FormKeys.REVIEW).isPresent());
    } finally {
      transaction.rollback();
    }

    assertEquals(
        0,
        count("select count(*) from SF_REPORT where TASK_ID = ?", task.getId()),
        "no report row");
    assertTrue(
        workflow.openStep(task.getCode(), FormKeys.REPORT).isPresent(),
        "the engine step was rolled back too");
    assertTrue(workflow.openStep(task.getCode(), FormKeys.REVIEW).isEmpty());
  }

  private Task assignTask() {
    Assignment assignment =
        new Assignment(
            "Kiểm thử tính nguyên tử",
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

  private static ReportRequest report() {
    return new ReportRequest(ReportStatus.IN_PROGRESS, 40, "Đang triển khai", null, null);
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
