package vn.steerflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/** The assign → report → review cycle walked over HTTP by the demo members, on the real server. */
@RunAsClient
class TaskCycleIT extends DeployedSteerflow {

  @Test
  void reportReturnedThenReportedAgainAndApprovedEndsOnTime() {
    String code = assignTo(Demo.JUSTICE, inDays(10));

    JsonNode work = as(Demo.JUSTICE_OFFICER).get("api/v1/work?size=200").json();
    assertThat(itemsOf(work, code))
        .extracting(i -> i.get("formKey").asText())
        .containsExactly("steerflow:report");

    ApiClient.Reply first =
        as(Demo.JUSTICE_OFFICER)
            .post(
                "api/v1/tasks/" + code + "/reports", report("IN_PROGRESS", 60, "Đã số hoá 60% sổ"));
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.location()).endsWith("/api/v1/reports/" + first.json().get("id").asText());
    long firstReport = reportUnderReview(code);
    assertThat(firstReport).isEqualTo(first.json().get("id").asLong());

    ApiClient.Reply returned =
        as(Demo.SUPERVISOR)
            .post(
                "api/v1/reports/" + firstReport + "/review",
                decision("RETURN", "Thiếu số liệu theo từng xã"));
    assertThat(returned.status()).isEqualTo(200);
    assertThat(returned.json().get("reviewState").asText()).isEqualTo("RETURNED");
    assertThat(currentFormKeys(code)).containsExactly("steerflow:report");

    ApiClient.Reply second =
        as(Demo.JUSTICE_OFFICER)
            .post(
                "api/v1/tasks/" + code + "/reports",
                report("DONE", 100, "Đã số hoá toàn bộ, có số liệu từng xã"));
    assertThat(second.status()).isEqualTo(201);
    long secondReport = reportUnderReview(code);
    assertThat(secondReport).isNotEqualTo(firstReport);

    ApiClient.Reply approved =
        as(Demo.SUPERVISOR)
            .post("api/v1/reports/" + secondReport + "/review", decision("APPROVE", null));
    assertThat(approved.status()).isEqualTo(200);

    JsonNode task = as(Demo.SUPERVISOR).get("api/v1/tasks/" + code).json();
    assertThat(task.get("outcome").asText()).isEqualTo("ON_TIME");
    assertThat(task.get("currentSteps")).isEmpty();
    assertThat(task.get("completedAt").isNull()).isFalse();
    assertThat(timeline(task))
        .containsExactly(
            "ASSIGNED by giamsat",
            "REPORTED by sotuphap",
            "RETURNED by giamsat",
            "REPORTED by sotuphap",
            "APPROVED by giamsat",
            "COMPLETED by giamsat");
    assertThat(itemsOf(as(Demo.JUSTICE_OFFICER).get("api/v1/work?size=200").json(), code))
        .isEmpty();
  }

  @Test
  void escalatedReportGoesToTheLeaderWhoseDirectionReturnsItToTheUnit() {
    String code = assignTo(Demo.POLICE, inDays(10));
    as(Demo.POLICE_OFFICER)
        .post("api/v1/tasks/" + code + "/reports", report("IN_PROGRESS", 30, "Vướng kinh phí"));
    long reportId = reportUnderReview(code);

    assertThat(
            as(Demo.SUPERVISOR)
                .post(
                    "api/v1/reports/" + reportId + "/review",
                    decision("ESCALATE", "Đề nghị bố trí kinh phí?"))
                .status())
        .isEqualTo(200);
    assertThat(currentFormKeys(code)).containsExactly("steerflow:direction");
    JsonNode leaderWork = as(Demo.LEADER).get("api/v1/work?size=200").json();
    assertThat(itemsOf(leaderWork, code))
        .extracting(i -> i.get("formKey").asText())
        .containsExactly("steerflow:direction");
    // The supervisor cannot answer in the leader's place.
    assertThat(
            as(Demo.SUPERVISOR)
                .post("api/v1/tasks/" + code + "/direction", java.util.Map.of("direction", "x"))
                .status())
        .isEqualTo(403);

    ApiClient.Reply direction =
        as(Demo.LEADER)
            .post(
                "api/v1/tasks/" + code + "/direction",
                java.util.Map.of("direction", "Sở Tài chính bố trí kinh phí trong quý"));
    assertThat(direction.status()).isEqualTo(200);
    assertThat(currentFormKeys(code)).containsExactly("steerflow:report");

    as(Demo.POLICE_OFFICER)
        .post("api/v1/tasks/" + code + "/reports", report("DONE", 100, "Hoàn thành"));
    assertThat(
            as(Demo.SUPERVISOR)
                .post(
                    "api/v1/reports/" + reportUnderReview(code) + "/review",
                    decision("APPROVE", null))
                .status())
        .isEqualTo(200);
    JsonNode task = as(Demo.LEADER).get("api/v1/tasks/" + code).json();
    assertThat(task.get("outcome").asText()).isEqualTo("ON_TIME");
    assertThat(timeline(task)).contains("ESCALATED by giamsat", "DIRECTED by lanhdao");
  }

  @Test
  void taskPastItsDeadlineIsMarkedOverdueByTheTimerAndEndsLate() {
    OffsetDateTime deadline = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(6);
    String code = assignTo(Demo.JUSTICE, deadline);

    // The engine's job executor fires the urge and deadline timers on its own clock.
    JsonNode overdue =
        await(
            () -> as(Demo.SUPERVISOR).get("api/v1/tasks/" + code).json(),
            t -> timeline(t).contains("OVERDUE by system"),
            Duration.ofSeconds(120),
            "the deadline timer of " + code);
    assertThat(overdue.get("outcome").asText()).isEqualTo("OVERDUE");
    assertThat(timeline(overdue)).contains("URGED by system");
    // Non-interrupting: the unit can still report.
    assertThat(currentFormKeys(code)).containsExactly("steerflow:report");

    as(Demo.JUSTICE_OFFICER)
        .post("api/v1/tasks/" + code + "/reports", report("DONE", 100, "Hoàn thành muộn"));
    as(Demo.SUPERVISOR)
        .post("api/v1/reports/" + reportUnderReview(code) + "/review", decision("APPROVE", null));
    JsonNode task = as(Demo.SUPERVISOR).get("api/v1/tasks/" + code).json();
    assertThat(task.get("outcome").asText()).isEqualTo("LATE");
  }

  @Test
  void requestsWithoutValidCredentialsAreRefusedWithProblemJson() {
    ApiClient.Reply anonymous = ApiClient.anonymous(base()).get("api/v1/work");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");
    assertThat(
            ApiClient.as(base(), Demo.SUPERVISOR, "wrong-password-123").get("api/v1/work").status())
        .isEqualTo(401);
    assertThat(ApiClient.as(base(), "nobody", Demo.PASSWORD).get("api/v1/work").status())
        .isEqualTo(401);
  }

  @Test
  void healthReportsTheEngineReadyAndTheOpenApiDocumentIsServed() {
    ApiClient.Reply ready = ApiClient.anonymous(base()).get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("status").asText()).isEqualTo("UP");
    assertThat(ready.body()).contains("process-engine");
    ApiClient.Reply openApi = ApiClient.anonymous(base()).get("/openapi");
    assertThat(openApi.status()).isEqualTo(200);
    assertThat(openApi.body()).contains("/tasks/{code}/reports").contains("/reports/{id}/review");
    // /openapi is the one description: Jersey's generated WADL is off
    assertThat(as(Demo.ADMIN).get("api/v1/application.wadl").status()).isEqualTo(404);
  }

  private List<String> currentFormKeys(String code) {
    List<String> keys = new ArrayList<>();
    as(Demo.SUPERVISOR)
        .get("api/v1/tasks/" + code)
        .json()
        .get("currentSteps")
        .forEach(s -> keys.add(s.get("formKey").asText()));
    return keys;
  }

  static List<JsonNode> itemsOf(JsonNode work, String code) {
    List<JsonNode> items = new ArrayList<>();
    work.forEach(
        i -> {
          if (i.get("taskCode").asText().equals(code)) {
            items.add(i);
          }
        });
    return items;
  }

  static List<String> timeline(JsonNode task) {
    List<String> entries = new ArrayList<>();
    task.get("timeline")
        .forEach(e -> entries.add(e.get("action").asText() + " by " + e.get("actor").asText()));
    return entries;
  }
}
