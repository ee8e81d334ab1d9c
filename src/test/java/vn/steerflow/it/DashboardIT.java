package vn.steerflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Statistics and ranking on the real server. The database is shared with the other integration
 * tests, so the exact answers are asked of a plan this run creates: three units' tasks driven
 * through the cycle to known outcomes.
 */
@RunAsClient
class DashboardIT extends DeployedSteerflow {

  private static final String RUN =
      Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);

  @Test
  void statisticsAndRankingOfAPlanDrivenThroughTheCycle() {
    String plan = "KH-DB-" + RUN;
    ApiClient.Reply created = as(Demo.SUPERVISOR).post("api/v1/plans", planRequest(plan));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);

    // STP: two done on time (one of them returned once first), one left in progress.
    String stp1 = assign(task(Demo.JUSTICE, plan, "STP một"));
    String stp2 = assign(task(Demo.JUSTICE, plan, "STP hai"));
    assign(task(Demo.JUSTICE, plan, "STP ba"));
    // CAT: one done on time, one in progress.
    String cat1 = assign(task(Demo.POLICE, plan, "CAT một"));
    assign(task(Demo.POLICE, plan, "CAT hai"));
    // SAPA: one REGULAR task, reporting still under way.
    Map<String, Object> regular = task(Demo.SAPA, plan, "SAPA thường xuyên");
    regular.remove("deadline");
    regular.put("kind", "REGULAR");
    regular.put("reportingPeriod", "MONTHLY");
    regular.put("reportingUntil", inDays(40).toString());
    assign(regular);

    doneAndApproved(Demo.JUSTICE_OFFICER, stp1);
    long first = reported(Demo.JUSTICE_OFFICER, stp2);
    review(first, "RETURN", "Bổ sung số liệu theo từng xã");
    doneAndApproved(Demo.JUSTICE_OFFICER, stp2);
    doneAndApproved(Demo.POLICE_OFFICER, cat1);

    JsonNode stats = ok(as(Demo.SUPERVISOR).get("api/v1/dashboard/statistics?plan=" + plan));
    assertThat(stats.get("scope").get("plan").asText()).isEqualTo(plan);
    assertThat(stats.get("total").asLong()).isEqualTo(6);
    assertThat(counts(stats.get("outcomes")))
        .containsExactly(
            Map.entry("ON_TIME", 3L),
            Map.entry("LATE", 0L),
            Map.entry("OVERDUE", 0L),
            Map.entry("IN_PROGRESS", 3L),
            Map.entry("CANCELLED", 0L));
    assertThat(counts(stats.get("kinds")))
        .containsExactly(Map.entry("REGULAR", 1L), Map.entry("ONE_OFF", 5L));
    // unit, assigned, onTime, late, overdue, inProgress, cancelled, reportsReturned
    assertThat(units(stats.get("units")))
        .containsExactly("CAT 2 1 0 0 1 0 0", "SAPA 1 0 0 0 1 0 0", "STP 3 2 0 0 1 0 1");
    assertThat(stats.get("headline").get("en").asText())
        .isEqualTo("3 of 6 tasks completed, 1 regular, 3 in progress");
    assertThat(stats.get("headline").get("vi").asText())
        .isEqualTo("Hoàn thành 3/6 nhiệm vụ, 1 nhiệm vụ thường xuyên, 3 đang thực hiện");

    // The plan's id names it as well as its code, and leaders read the same figures.
    String id = created.json().get("id").asText();
    assertThat(ok(as(Demo.LEADER).get("api/v1/dashboard/statistics?plan=" + id))).isEqualTo(stats);

    // STP (200 - 2) / 3 = 66.0; CAT 100 / 2 = 50.0; SAPA 0 / 1 = 0.0
    JsonNode ranking = ok(as(Demo.LEADER).get("api/v1/dashboard/ranking?plan=" + plan));
    assertThat(ranking.get("formula").asText()).contains("0.5 × late");
    List<String> ranked = new ArrayList<>();
    for (JsonNode u : ranking.get("units")) {
      ranked.add(
          u.get("rank").asInt()
              + " "
              + u.get("figures").get("unit").asText()
              + " "
              + u.get("score").asDouble());
    }
    assertThat(ranked).containsExactly("1 STP 66.0", "2 CAT 50.0", "3 SAPA 0.0");
    assertThat(units(mapOf(ranking.get("units"))))
        .containsExactly("STP 3 2 0 0 1 0 1", "CAT 2 1 0 0 1 0 0", "SAPA 1 0 0 0 1 0 0");

    // A period: the tasks whose deadline falls in it, over the committee; the shared database
    // holds other tasks too, so only a lower bound is known.
    LocalDate today = LocalDate.now();
    JsonNode period =
        ok(
            as(Demo.SUPERVISOR)
                .get("api/v1/dashboard/statistics?from=" + today + "&to=" + today.plusDays(60)));
    assertThat(period.get("total").asLong()).isGreaterThanOrEqualTo(6);
    assertThat(period.get("scope").get("from").asText()).isEqualTo(today.toString());

    // An officer may not; an unknown plan is not found.
    assertProblem(as(Demo.JUSTICE_OFFICER).get("api/v1/dashboard/statistics?plan=" + plan), 403);
    assertProblem(as(Demo.POLICE_OFFICER).get("api/v1/dashboard/ranking?plan=" + plan), 403);
    assertProblem(as(Demo.SUPERVISOR).get("api/v1/dashboard/statistics?plan=NO-SUCH-PLAN"), 404);
    assertProblem(as(Demo.LEADER).get("api/v1/dashboard/ranking?plan=999999999"), 404);
  }

  @Test
  void badParametersAreRefused() {
    ApiClient supervisor = as(Demo.SUPERVISOR);
    assertProblem(supervisor.get("api/v1/dashboard/statistics"), 400, "plan");
    assertProblem(supervisor.get("api/v1/dashboard/ranking"), 400, "plan");
    assertProblem(
        supervisor.get("api/v1/dashboard/statistics?plan=X&from=2026-01-01&to=2026-12-31"),
        400,
        "plan");
    assertProblem(
        supervisor.get("api/v1/dashboard/statistics?from=2026-13-01&to=2026-12-31"), 400, "from");
    assertProblem(supervisor.get("api/v1/dashboard/ranking?from=2026-01-01"), 400, "to");
    assertProblem(
        supervisor.get("api/v1/dashboard/statistics?from=2026-12-31&to=2026-01-01"), 400, "to");
  }

  // --- helpers -----------------------------------------------------------------------------------

  private static JsonNode ok(ApiClient.Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  private static Map<String, Long> counts(JsonNode object) {
    Map<String, Long> counts = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
    return counts;
  }

  private static List<JsonNode> mapOf(JsonNode ranked) {
    List<JsonNode> figures = new ArrayList<>();
    ranked.forEach(u -> figures.add(u.get("figures")));
    return figures;
  }

  private static List<String> units(Iterable<JsonNode> rows) {
    List<String> units = new ArrayList<>();
    for (JsonNode u : rows) {
      units.add(
          String.join(
              " ",
              u.get("unit").asText(),
              u.get("assigned").asText(),
              u.get("onTime").asText(),
              u.get("late").asText(),
              u.get("overdue").asText(),
              u.get("inProgress").asText(),
              u.get("cancelled").asText(),
              u.get("reportsReturned").asText()));
    }
    return units;
  }

  private String assign(Map<String, Object> body) {
    ApiClient.Reply reply = as(Demo.SUPERVISOR).post("api/v1/tasks", body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().get("code").asText();
  }

  private long reported(String officer, String task) {
    ApiClient.Reply reply =
        as(officer).post("api/v1/tasks/" + task + "/reports", report("DONE", 100, "Hoàn thành"));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().get("id").asLong();
  }

  private void review(long report, String decision, String comment) {
    ApiClient.Reply reply =
        as(Demo.SUPERVISOR)
            .post("api/v1/reports/" + report + "/review", decision(decision, comment));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }

  private void doneAndApproved(String officer, String task) {
    review(reported(officer, task), "APPROVE", null);
  }

  private static Map<String, Object> task(String leadUnit, String plan, String title) {
    Map<String, Object> body = assignment(leadUnit, inDays(20));
    body.put("title", title + " " + RUN);
    body.put("plan", plan);
    return body;
  }

  private static Map<String, Object> planRequest(String code) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("name", "Kế hoạch " + code);
    body.put("committee", Demo.COMMITTEE);
    body.put(
        "directive",
        Map.of("number", "15/KH-BCĐ", "date", "2026-02-01", "title", "Kế hoạch thống kê"));
    return body;
  }

  private static void assertProblem(ApiClient.Reply reply, int status, String... fields) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
    if (fields.length > 0) {
      List<String> named = new ArrayList<>();
      reply.json().get("errors").forEach(e -> named.add(e.get("field").asText()));
      assertThat(named).as(reply.toString()).contains(fields);
    }
  }
}
