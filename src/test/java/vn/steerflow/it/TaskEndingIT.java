package vn.steerflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * How a task's reporting ends, over HTTP on the real server: a REGULAR task in a plan reports until
 * the plan ends, and when a task ends (cancelled, or its DONE report approved) what still hangs on
 * it closes with it: the open reporting period as CANCELLED, a waiting extension request as
 * WITHDRAWN.
 */
@RunAsClient
class TaskEndingIT extends DeployedSteerflow {

  private static final ZoneId PROVINCE = ZoneId.of("Asia/Ho_Chi_Minh");

  @Test
  void aRegularTaskInAPlanReportsUntilThePlanEnds() {
    LocalDate end = LocalDate.now(PROVINCE).plusDays(75);
    String plan = createPlan(end);
    Map<String, Object> body = regularWithoutEnd(plan);

    ApiClient.Reply assigned = as(Demo.SUPERVISOR).post("api/v1/tasks", body);

    assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
    assertThat(OffsetDateTime.parse(assigned.json().get("reportingUntil").asText()).toInstant())
        .isEqualTo(end.plusDays(1).atStartOfDay(PROVINCE).toInstant());
    JsonNode periods =
        as(Demo.SUPERVISOR)
            .get("api/v1/tasks/" + assigned.json().get("code").asText() + "/periods")
            .json();
    assertThat(states(periods)).containsExactly("OPEN");
  }

  @Test
  void aRegularTaskInAPlanWithNoEndNeedsItsOwnEndAndNothingIsAssigned() {
    String plan = createPlan(null);

    ApiClient.Reply refused = as(Demo.SUPERVISOR).post("api/v1/tasks", regularWithoutEnd(plan));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("errors").get(0).get("field").asText())
        .isEqualTo("reportingUntil");
    assertThat(refused.json().get("errors").get(0).get("message").asText()).contains(plan);
    assertThat(as(Demo.SUPERVISOR).get("api/v1/tasks?plan=" + plan).json().get("total").asLong())
        .isZero();
  }

  @Test
  void cancellingARegularTaskClosesItsOpenPeriodAsCancelled() {
    String plan = createPlan(LocalDate.now(PROVINCE).plusDays(75));
    ApiClient.Reply assigned = as(Demo.SUPERVISOR).post("api/v1/tasks", regularWithoutEnd(plan));
    String code = assigned.json().get("code").asText();

    cancel(code);

    JsonNode periods = as(Demo.JUSTICE_OFFICER).get("api/v1/tasks/" + code + "/periods").json();
    assertThat(states(periods)).containsExactly("CANCELLED");
    assertThat(periods.get(0).get("closedAt").isNull()).isFalse();
  }

  @Test
  void cancellingATaskWithdrawsItsWaitingExtensionRequest() {
    String code = assignTo(Demo.JUSTICE, inDays(10));
    long extension = requestExtension(code);

    cancel(code);

    assertThat(extensionState(code, extension)).isEqualTo("WITHDRAWN");
    assertThat(TaskCycleIT.timeline(as(Demo.SUPERVISOR).get("api/v1/tasks/" + code).json()))
        .contains("EXTENSION_WITHDRAWN by system");
    // and a supervisor can no longer decide it
    ApiClient.Reply late =
        as(Demo.SUPERVISOR)
            .post("api/v1/extensions/" + extension + "/decision", Map.of("grant", true));
    assertThat(late.status()).as(late.toString()).isEqualTo(409);
    assertThat(extensionState(code, extension)).isEqualTo("WITHDRAWN");
  }

  @Test
  void finishingATaskWithdrawsItsWaitingExtensionRequest() {
    String code = assignTo(Demo.JUSTICE, inDays(10));
    long extension = requestExtension(code);

    ApiClient.Reply reported =
        as(Demo.JUSTICE_OFFICER)
            .post("api/v1/tasks/" + code + "/reports", report("DONE", 100, "Đã hoàn thành"));
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    ApiClient.Reply approved =
        as(Demo.SUPERVISOR)
            .post(
                "api/v1/reports/" + reportUnderReview(code) + "/review", decision("APPROVE", null));
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

    assertThat(as(Demo.SUPERVISOR).get("api/v1/tasks/" + code).json().get("outcome").asText())
        .isEqualTo("ON_TIME");
    assertThat(extensionState(code, extension)).isEqualTo("WITHDRAWN");
  }

  // ---------------------------------------------------------------------------------- helpers

  private String createPlan(LocalDate end) {
    String code = "KH-END-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("name", "Kế hoạch " + code);
    body.put("committee", Demo.COMMITTEE);
    body.put(
        "directive",
        Map.of(
            "number", "7/KH-BCĐ", "date", "2026-02-01", "title", "Kế hoạch cải cách hành chính"));
    body.put("periodStart", LocalDate.now(PROVINCE).toString());
    if (end != null) {
      body.put("periodEnd", end.toString());
    }
    ApiClient.Reply created = as(Demo.SUPERVISOR).post("api/v1/plans", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return code;
  }

  private static Map<String, Object> regularWithoutEnd(String plan) {
    Map<String, Object> body = assignment(Demo.JUSTICE, inDays(30));
    body.remove("deadline");
    body.put("kind", "REGULAR");
    body.put("reportingPeriod", "MONTHLY");
    body.put("plan", plan);
    return body;
  }

  private void cancel(String code) {
    ApiClient.Reply cancelled =
        as(Demo.SUPERVISOR)
            .post("api/v1/tasks/" + code + "/cancel", Map.of("reason", "Chủ trương thay đổi"));
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
  }

  private long requestExtension(String code) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deadline", inDays(20).toString());
    body.put("reason", "Chờ phần mềm hộ tịch mới");
    ApiClient.Reply requested =
        as(Demo.JUSTICE_OFFICER).post("api/v1/tasks/" + code + "/extensions", body);
    assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
    assertThat(requested.json().get("state").asText()).isEqualTo("PENDING");
    return requested.json().get("id").asLong();
  }

  private String extensionState(String code, long id) {
    for (JsonNode extension :
        as(Demo.JUSTICE_OFFICER)
            .get("api/v1/tasks/" + code + "/extensions")
            .json()
            .get("extensions")) {
      if (extension.get("id").asLong() == id) {
        return extension.get("state").asText();
      }
    }
    throw new AssertionError("task " + code + " has no extension " + id);
  }

  private static List<String> states(JsonNode periods) {
    List<String> states = new ArrayList<>();
    periods.forEach(p -> states.add(p.get("state").asText()));
    return states;
  }
}
