package vn.steerflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * A supervisor cancels a task or gives it to another lead unit, over HTTP on the real server: the
 * task, its timeline and its engine instance change together, and refusals change nothing.
 */
@RunAsClient
class CancelAndReassignIT extends DeployedSteerflow {

  @Test
  void cancellingMidCycleEndsTheInstanceAndRefusesFurtherReports() {
    String code = assignTo(Demo.JUSTICE, inDays(10));
    assertThat(
            as(Demo.JUSTICE_OFFICER)
                .post("api/v1/tasks/" + code + "/reports", report("IN_PROGRESS", 40, "Đã làm 40%"))
                .status())
        .isEqualTo(201);
    long reportId = reportUnderReview(code);
    assertThat(
            as(Demo.SUPERVISOR)
                .post(
                    "api/v1/reports/" + reportId + "/review", decision("RETURN", "Bổ sung số liệu"))
                .status())
        .isEqualTo(200);
    assertThat(workOf(Demo.JUSTICE_OFFICER, code)).containsExactly("steerflow:report");

    ApiClient.Reply cancelled =
        as(Demo.SUPERVISOR)
            .post("api/v1/tasks/" + code + "/cancel", Map.of("reason", "Chủ trương thay đổi"));
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    assertThat(cancelled.json().get("outcome").asText()).isEqualTo("CANCELLED");

    JsonNode task = as(Demo.SUPERVISOR).get("api/v1/tasks/" + code).json();
    assertThat(task.get("outcome").asText()).isEqualTo("CANCELLED");
    assertThat(task.get("currentSteps")).isEmpty();
    JsonNode last = task.get("timeline").get(task.get("timeline").size() - 1);
    assertThat(last.get("action").asText()).isEqualTo("CANCELLED");
    assertThat(last.get("actor").asText()).isEqualTo(Demo.SUPERVISOR);
    assertThat(last.get("detail").asText()).isEqualTo("Chủ trương thay đổi");
    assertThat(workOf(Demo.JUSTICE_OFFICER, code)).isEmpty();
    assertThat(workOf(Demo.SUPERVISOR, code)).isEmpty();

    ApiClient.Reply lateReport =
        as(Demo.JUSTICE_OFFICER)
            .post("api/v1/tasks/" + code + "/reports", report("DONE", 100, "Xong"));
    assertThat(lateReport.status()).isEqualTo(409);
    assertThat(lateReport.contentType()).startsWith("application/problem+json");
    assertThat(
            as(Demo.SUPERVISOR)
                .post("api/v1/reports/" + reportId + "/review", decision("APPROVE", null))
                .status())
        .isEqualTo(409);
    assertThat(
            as(Demo.SUPERVISOR)
                .post("api/v1/tasks/" + code + "/cancel", Map.of("reason", "Lần nữa"))
                .status())
        .isEqualTo(409);
    assertThat(
            as(Demo.SUPERVISOR)
                .post(
                    "api/v1/tasks/" + code + "/reassign",
                    Map.of("leadUnit", Demo.POLICE, "reason", "Chuyển"))
                .status())
        .isEqualTo(409);
    assertThat(timelineOf(code)).hasSize(task.get("timeline").size());
  }

  @Test
  void reassigningMovesTheReportStepToTheNewUnitWhichCarriesTheTaskToOnTime() {
    String code = assignTo(Demo.JUSTICE, inDays(10));
    assertThat(workOf(Demo.JUSTICE_OFFICER, code)).containsExactly("steerflow:report");
    assertThat(workOf(Demo.POLICE_OFFICER, code)).isEmpty();

    ApiClient.Reply reassigned =
        as(Demo.SUPERVISOR)
            .post(
                "api/v1/tasks/" + code + "/reassign",
                Map.of("leadUnit", Demo.POLICE, "reason", "Thuộc thẩm quyền Công an"));
    assertThat(reassigned.status()).as(reassigned.toString()).isEqualTo(200);
    assertThat(reassigned.json().get("leadUnit").get("code").asText()).isEqualTo(Demo.POLICE);

    assertThat(workOf(Demo.POLICE_OFFICER, code)).containsExactly("steerflow:report");
    assertThat(workOf(Demo.JUSTICE_OFFICER, code)).isEmpty();
    assertThat(as(Demo.JUSTICE_OFFICER).get("api/v1/tasks/" + code).status()).isEqualTo(404);
    assertThat(
            as(Demo.JUSTICE_OFFICER)
                .post("api/v1/tasks/" + code + "/reports", report("DONE", 100, "Xong"))
                .status())
        .isEqualTo(404);
    JsonNode entry = last(timelineOf(code));
    assertThat(entry.get("action").asText()).isEqualTo("REASSIGNED");
    assertThat(entry.get("detail").asText()).isEqualTo("from STP to CAT: Thuộc thẩm quyền Công an");

    assertThat(
            as(Demo.POLICE_OFFICER)
                .post("api/v1/tasks/" + code + "/reports", report("DONE", 100, "Hoàn thành"))
                .status())
        .isEqualTo(201);
    assertThat(
            as(Demo.SUPERVISOR)
                .post(
                    "api/v1/reports/" + reportUnderReview(code) + "/review",
                    decision("APPROVE", null))
                .status())
        .isEqualTo(200);
    JsonNode task = as(Demo.POLICE_OFFICER).get("api/v1/tasks/" + code).json();
    assertThat(task.get("outcome").asText()).isEqualTo("ON_TIME");
    assertThat(task.get("currentSteps")).isEmpty();
  }

  @Test
  void refusalsAnswerProblemsAndChangeNothing() {
    String code = assignTo(Demo.JUSTICE, inDays(10));
    int entries = timelineOf(code).size();
    String cancel = "api/v1/tasks/" + code + "/cancel";
    String reassign = "api/v1/tasks/" + code + "/reassign";

    assertRefused(as(Demo.SUPERVISOR).post(cancel, Map.of()), 400, "reason");
    assertRefused(as(Demo.SUPERVISOR).post(cancel, Map.of("reason", "  ")), 400, "reason");
    assertRefused(
        as(Demo.SUPERVISOR).post(reassign, Map.of("leadUnit", Demo.POLICE)), 400, "reason");
    assertRefused(
        as(Demo.SUPERVISOR).post(reassign, Map.of("leadUnit", "NOPE", "reason", "x")),
        400,
        "leadUnit");
    assertRefused(
        as(Demo.SUPERVISOR).post(reassign, Map.of("leadUnit", Demo.JUSTICE, "reason", "x")),
        400,
        "leadUnit");
    assertRefused(as(Demo.LEADER).post(cancel, Map.of("reason", "x")), 403, null);
    assertRefused(as(Demo.JUSTICE_OFFICER).post(cancel, Map.of("reason", "x")), 403, null);
    assertRefused(
        as(Demo.JUSTICE_OFFICER).post(reassign, Map.of("leadUnit", Demo.POLICE, "reason", "x")),
        403,
        null);
    assertRefused(as(Demo.POLICE_OFFICER).post(cancel, Map.of("reason", "x")), 404, null);
    assertRefused(
        as(Demo.SUPERVISOR).post("api/v1/tasks/NV-1999-1/cancel", Map.of("reason", "x")),
        404,
        null);

    JsonNode task = as(Demo.SUPERVISOR).get("api/v1/tasks/" + code).json();
    assertThat(task.get("leadUnit").get("code").asText()).isEqualTo(Demo.JUSTICE);
    assertThat(task.get("outcome").asText()).isEqualTo("IN_PROGRESS");
    assertThat(task.get("timeline")).hasSize(entries);
    assertThat(workOf(Demo.JUSTICE_OFFICER, code)).containsExactly("steerflow:report");
    assertThat(workOf(Demo.POLICE_OFFICER, code)).isEmpty();
  }

  private static void assertRefused(ApiClient.Reply reply, int status, String field) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    if (field != null) {
      List<String> fields = new ArrayList<>();
      reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
      assertThat(fields).as(reply.toString()).contains(field);
    }
  }

  private List<String> workOf(String member, String code) {
    List<String> keys = new ArrayList<>();
    for (JsonNode item : TaskCycleIT.itemsOf(as(member).get("api/v1/work?size=200").json(), code)) {
      keys.add(item.get("formKey").asText());
    }
    return keys;
  }

  private JsonNode timelineOf(String code) {
    return as(Demo.SUPERVISOR).get("api/v1/tasks/" + code).json().get("timeline");
  }

  private static JsonNode last(JsonNode array) {
    return array.get(array.size() - 1);
  }
}
