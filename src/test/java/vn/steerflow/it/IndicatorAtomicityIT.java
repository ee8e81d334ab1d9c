package vn.steerflow.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.File;
import java.math.BigDecimal;
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
import vn.steerflow.plan.IndicatorDirection;
import vn.steerflow.plan.IndicatorRequest;
import vn.steerflow.plan.Task;
import vn.steerflow.plan.TaskAssignments;
import vn.steerflow.report.IndicatorValueRequest;
import vn.steerflow.report.ReportCycle;
import vn.steerflow.report.ReportRequest;
import vn.steerflow.report.ReportStatus;
import vn.steerflow.security.Authenticator;
import vn.steerflow.security.Caller;
import vn.steerflow.workflow.TaskCycleContract.FormKeys;
import vn.steerflow.workflow.TaskCycleContract.Vars;
import vn.steerflow.workflow.Workflow;

/**
 * Inside the server (JUnit's assertions: AssertJ is not in the WAR): a report's indicator values
 * are saved in the report's transaction, so an engine failure after they were written (as in
 * ReportAtomicityIT, a real one: the review step cannot be created) leaves neither the report nor
 * its values.
 */
@ExtendWith(ArquillianExtension.class)
class IndicatorAtomicityIT {

  @Deployment
  static WebArchive steerflowWithThisTest() {
    return ShrinkWrap.createFromZipFile(
            WebArchive.class, new File(System.getProperty("steerflow.war", "target/steerflow.war")))
        .addClass(IndicatorAtomicityIT.class)
        .addClass(Demo.class);
  }

  @Inject private TaskAssignments assignments;
  @Inject private ReportCycle cycle;
  @Inject private Workflow workflow;
  @Inject private ProcessEngine engine;
  @Inject private Authenticator authenticator;

  @Resource(lookup = "java:app/jdbc/steerflow")
  private DataSource dataSource;

  @Test
  void anEngineFailureAfterTheValuesAreWrittenLeavesNeitherTheReportNorItsValues()
      throws Exception {
    Task task = assignTask();
    assertEquals(2, count("select count(*) from SF_INDICATOR where TASK_ID = ?", task.getId()));
    engine.getRuntimeService().removeVariable(task.getProcessInstanceId(), Vars.SUPERVISOR_GROUP);

    assertThrows(RuntimeException.class, () -> cycle.submit(task.getCode(), report(), officer()));

    assertEquals(
        0, count("select count(*) from SF_REPORT where TASK_ID = ?", task.getId()), "no report");
    assertEquals(0, values(task), "no indicator values");
    assertTrue(
        workflow.openStep(task.getCode(), FormKeys.REPORT).isPresent(),
        "the report step is still open");

    // Control: with the group back the same report goes through, values and all.
    engine
        .getRuntimeService()
        .setVariable(
            task.getProcessInstanceId(), Vars.SUPERVISOR_GROUP, "supervisors:" + Demo.COMMITTEE);
    cycle.submit(task.getCode(), report(), officer());
    assertEquals(1, count("select count(*) from SF_REPORT where TASK_ID = ?", task.getId()));
    assertEquals(2, values(task));
  }

  private Task assignTask() {
    return assignments.assign(
        new Assignment(
            "Kiểm thử chỉ tiêu nguyên tử",
            "Nội dung",
            Demo.JUSTICE,
            "Giám đốc",
            OffsetDateTime.now(ZoneOffset.UTC).plusDays(5),
            "Kết quả",
            Demo.COMMITTEE,
            List.of(),
            null,
            null,
            null,
            null,
            List.of(
                new IndicatorRequest(
                    "Tỷ lệ hồ sơ trực tuyến",
                    "%",
                    new BigDecimal("95"),
                    new BigDecimal("55"),
                    IndicatorDirection.HIGHER_IS_BETTER),
                new IndicatorRequest(
                    "Thời gian giải quyết",
                    "ngày",
                    new BigDecimal("3"),
                    new BigDecimal("7"),
                    IndicatorDirection.LOWER_IS_BETTER))),
        caller(Demo.SUPERVISOR));
  }

  private static ReportRequest report() {
    return new ReportRequest(
        ReportStatus.IN_PROGRESS,
        40,
        "Đang triển khai",
        null,
        null,
        List.of(
            new IndicatorValueRequest("Tỷ lệ hồ sơ trực tuyến", new BigDecimal("80")),
            new IndicatorValueRequest("Thời gian giải quyết", new BigDecimal("5"))));
  }

  private Caller officer() {
    return caller(Demo.JUSTICE_OFFICER);
  }

  private Caller caller(String username) {
    return authenticator.authenticate(username, Demo.PASSWORD.toCharArray()).orElseThrow();
  }

  private long values(Task task) throws SQLException {
    return count(
        "select count(*) from SF_INDICATOR_VALUE v join SF_INDICATOR i on v.INDICATOR_ID = i.ID"
            + " where i.TASK_ID = ?",
        task.getId());
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
