package vn.steerflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Indicators over HTTP on the real server: given at assignment, valued by reports, each value's
 * attainment and colour computed, and the series kept per period of a REGULAR task (its period
 * timers firing on the server's clock) or per report of a ONE_OFF task, a returned report's values
 * replaced by the report sent again. Then every refusal, each naming its field and leaving nothing
 * behind.
 */
@RunAsClient
class IndicatorsIT extends DeployedSteerflow {

  private static final String RATE = "Tỷ lệ hồ sơ nộp trực tuyến";
  private static final String DAYS = "Thời gian giải quyết hồ sơ";

  /** Longest wait for a period timer: its due time, the job executor's look-up and slack. */
  private static final Duration TIMER_WAIT = Duration.ofSeconds(60);

  // ---------------------------------------------------------------------------------- series

  @Test
  void aRegularTasksSeriesHasOnePointPerPeriodAndAReturnedReportsValuesAreReplaced() {
    // two 30-second periods
    OffsetDateTime until = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(60).withNano(0);
    Map<String, Object> body = regular(Demo.JUSTICE, "PT30S", until);
    body.put(
        "indicators",
        List.of(
            indicator(RATE, "%", 95, 55, "HIGHER_IS_BETTER"),
            indicator(DAYS, "ngày", 3, 7, "LOWER_IS_BETTER")));
    ApiClient.Reply assigned = as(Demo.SUPERVISOR).post("api/v1/tasks", body);
    assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
    String code = assigned.json().get("code").asText();

    // the task view shows the indicators as given
    assertThat(definitions(as(Demo.SUPERVISOR).get("api/v1/tasks/" + code).json()))
        .containsExactly(
            "1 Tỷ lệ hồ sơ nộp trực tuyến % 95 from 55 HIGHER_IS_BETTER",
            "2 Thời gian giải quyết hồ sơ ngày 3 from 7 LOWER_IS_BETTER");
    JsonNode empty = indicators(Demo.SUPERVISOR, code);
    assertThat(definitions(empty)).hasSize(2);
    assertThat(empty.get(0).get("latest").isNull()).isTrue();
    assertThat(points(empty.get(0))).containsExactly("p1 -");

    // period 1: a first report, returned; its values stop counting; the report sent again counts
    ApiClient.Reply first = reportWith(Demo.JUSTICE_OFFICER, code, value(RATE, 70), value(DAYS, 6));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    long returned = first.json().get("id").asLong();
    assertThat(values(first.json()))
        .containsExactly(
            "Tỷ lệ hồ sơ nộp trực tuyến 70 % 37.5 RED",
            "Thời gian giải quyết hồ sơ 6 ngày 25.0 RED");
    assertThat(points(indicators(Demo.SUPERVISOR, code).get(0)))
        .containsExactly("p1 70 37.5 RED r" + returned + " PENDING");
    decide(returned, "RETURN", "Số liệu chưa khớp với hệ thống một cửa");
    assertThat(points(indicators(Demo.SUPERVISOR, code).get(0))).containsExactly("p1 -");

    long second =
        reportWith(Demo.JUSTICE_OFFICER, code, value(RATE, 91), value(DAYS, 4.2))
            .json()
            .get("id")
            .asLong();
    decide(second, "APPROVE", null);

    // period 2 opens on schedule; its report counts for it
    JsonNode periods =
        await(
            () -> as(Demo.SUPERVISOR).get("api/v1/tasks/" + code + "/periods").json(),
            p -> p.size() == 2,
            TIMER_WAIT,
            "period 2 of " + code);
    long third =
        reportWith(Demo.JUSTICE_OFFICER, code, value(RATE, 99), value(DAYS, 6.5))
            .json()
            .get("id")
            .asLong();
    decide(third, "APPROVE", null);

    JsonNode series = indicators(Demo.SUPERVISOR, code);
    // beyond the target: capped at 100 %
    assertThat(points(series.get(0)))
        .containsExactly(
            "p1 91 90.0 GREEN r" + second + " APPROVED",
            "p2 99 100.0 GREEN r" + third + " APPROVED");
    assertThat(points(series.get(1)))
        .containsExactly(
            "p1 4.2 70.0 AMBER r" + second + " APPROVED",
            "p2 6.5 12.5 RED r" + third + " APPROVED");
    assertThat(point(series.get(0).get("latest")))
        .isEqualTo("p2 99 100.0 GREEN r" + third + " APPROVED");
    assertThat(point(series.get(1).get("latest")))
        .isEqualTo("p2 6.5 12.5 RED r" + third + " APPROVED");
    // the points are the task's periods
    for (int i = 0; i < 2; i++) {
      JsonNode point = series.get(0).get("series").get(i);
      assertThat(instant(point.get("periodStart")))
          .isEqualTo(instant(periods.get(i).get("startsAt")));
      assertThat(instant(point.get("periodEnd"))).isEqualTo(instant(periods.get(i).get("endsAt")));
    }
    assertThat(instant(series.get(0).get("latest").get("reportedAt")))
        .isEqualTo(
            instant(as(Demo.SUPERVISOR).get("api/v1/reports/" + third).json().get("submittedAt")));
    // the returned report keeps its values on record
    assertThat(values(as(Demo.SUPERVISOR).get("api/v1/reports/" + returned).json()))
        .containsExactly(
            "Tỷ lệ hồ sơ nộp trực tuyến 70 % 37.5 RED",
            "Thời gian giải quyết hồ sơ 6 ngày 25.0 RED");

    // the lead unit sees the same series; another unit does not see the task at all
    assertThat(indicators(Demo.JUSTICE_OFFICER, code).toString()).isEqualTo(series.toString());
    assertProblem(as(Demo.SAPA_OFFICER).get("api/v1/tasks/" + code + "/indicators"), 404);
  }

  @Test
  void aOneOffTaskHasOnePointPerCountedReportAndItsLatestOnTop() {
    Map<String, Object> body = assignment(Demo.POLICE, inDays(30));
    // no baselines: the rate counts from 0, the days are target / value
    body.put(
        "indicators",
        List.of(
            indicator(RATE, "%", 95, null, "HIGHER_IS_BETTER"),
            indicator(DAYS, "ngày", 5, null, "LOWER_IS_BETTER")));
    String code = assigned(body);

    long approved =
        reportWith(Demo.POLICE_OFFICER, code, value(RATE, 76), value(DAYS, 10))
            .json()
            .get("id")
            .asLong();
    decide(approved, "APPROVE", null);
    long returned =
        reportWith(Demo.POLICE_OFFICER, code, value(RATE, 50)).json().get("id").asLong();
    decide(returned, "RETURN", "Kiểm tra lại số liệu");
    // names match whatever their case and spacing
    ApiClient.Reply pending =
        reportWith(Demo.POLICE_OFFICER, code, value("  tỷ lệ HỒ SƠ nộp   trực tuyến ", 90));
    assertThat(pending.status()).as(pending.toString()).isEqualTo(201);
    long last = pending.json().get("id").asLong();

    JsonNode series = indicators(Demo.POLICE_OFFICER, code);
    assertThat(points(series.get(0)))
        .containsExactly(
            "- 76 80.0 AMBER r" + approved + " APPROVED", "- 90 94.7 GREEN r" + last + " PENDING");
    assertThat(point(series.get(0).get("latest")))
        .isEqualTo("- 90 94.7 GREEN r" + last + " PENDING");
    // the last report gave no value for the days: the latest of them is still the first report's
    assertThat(points(series.get(1))).containsExactly("- 10 50.0 RED r" + approved + " APPROVED");
    assertThat(point(series.get(1).get("latest")))
        .isEqualTo("- 10 50.0 RED r" + approved + " APPROVED");
    assertThat(values(as(Demo.SUPERVISOR).get("api/v1/reports/" + approved).json()))
        .containsExactly(
            "Tỷ lệ hồ sơ nộp trực tuyến 76 % 80.0 AMBER",
            "Thời gian giải quyết hồ sơ 10 ngày 50.0 RED");

    // a report while the last one is under review is refused whole: its values are not kept
    String before = indicators(Demo.SUPERVISOR, code).toString();
    assertProblem(reportWith(Demo.POLICE_OFFICER, code, value(RATE, 95)), 409);
    assertThat(indicators(Demo.SUPERVISOR, code).toString()).isEqualTo(before);

    // a task without indicators has none; an unknown task is not found
    assertThat(indicators(Demo.SUPERVISOR, assignTo(Demo.POLICE, inDays(5)))).isEmpty();
    assertProblem(as(Demo.SUPERVISOR).get("api/v1/tasks/NV-0000-1/indicators"), 404);
    assertProblem(as(Demo.JUSTICE_OFFICER).get("api/v1/tasks/" + code + "/indicators"), 404);
  }

  // ---------------------------------------------------------------------------------- refusals

  @Test
  void assignmentsWithBadIndicatorsAreRefusedNamingTheFieldAndCreateNoTask() {
    String title = "Chỉ tiêu kiểm thử " + UUID.randomUUID();
    refusedAssignment(title, i -> i.get(0).remove("target"), "indicators[0].target");
    assertThat(
            message(
                refusedAssignment(
                    title, i -> i.get(0).put("target", "95"), "indicators[0].target")))
        .contains("expected a number");
    refusedAssignment(title, i -> i.get(0).put("baseline", 95), "indicators[0].target");
    refusedAssignment(
        title, i -> i.get(1).put("name", " tỷ lệ HỒ SƠ nộp trực tuyến"), "indicators[1].name");
    refusedAssignment(title, i -> i.get(0).put("baseline", 99), "indicators[0].target");
    refusedAssignment(title, i -> i.get(1).put("target", 8), "indicators[1].target");
    refusedAssignment(title, i -> i.get(0).remove("direction"), "indicators[0].direction");
    assertThat(
            message(
                refusedAssignment(
                    title, i -> i.get(0).put("direction", "UP"), "indicators[0].direction")))
        .contains("one of HIGHER_IS_BETTER, LOWER_IS_BETTER");
    refusedAssignment(title, i -> i.get(0).put("name", " "), "indicators[0].name");
    refusedAssignment(title, i -> i.get(0).remove("unitOfMeasure"), "indicators[0].unitOfMeasure");
    refusedAssignment(title, i -> i.get(0).put("target", 1.23456), "indicators[0].target");
    refusedAssignment(title, i -> i.get(0).put("goal", 95), "indicators[0].goal");
    refusedAssignment(
        title,
        i -> {
          i.clear();
          IntStream.rangeClosed(1, 21)
              .forEach(n -> i.add(indicator("Chỉ tiêu " + n, "%", 95, 50, "HIGHER_IS_BETTER")));
        },
        "indicators");
    // two faults at once are both named
    refusedAssignment(
        title,
        i -> {
          i.get(0).put("baseline", 95);
          i.get(1).put("name", RATE);
        },
        "indicators[0].target",
        "indicators[1].name");

    // control: the same assignment without the fault is taken
    Map<String, Object> valid = assignment(Demo.JUSTICE, inDays(30));
    valid.put("title", title);
    valid.put("indicators", validIndicators());
    assertThat(assigned(valid)).isNotBlank();
    assertThat(tasksTitled(title)).isEqualTo(1);
  }

  @Test
  void reportsWithBadIndicatorValuesAreRefusedNamingTheFieldAndSaveNothing() {
    Map<String, Object> body = assignment(Demo.JUSTICE, inDays(30));
    body.put("indicators", validIndicators());
    String code = assigned(body);
    String plain = assignTo(Demo.JUSTICE, inDays(30));
    Snapshot before = snapshot(code);
    Snapshot plainBefore = snapshot(plain);

    assertThat(
            message(
                assertProblem(
                    reportWith(Demo.JUSTICE_OFFICER, code, value("Số hộ dân", 10)),
                    400,
                    "indicatorValues[0].indicator")))
        .contains("no indicator 'Số hộ dân'", "'" + RATE + "', '" + DAYS + "'");
    assertProblem(
        reportWith(
            Demo.JUSTICE_OFFICER, code, value(RATE, 80), value(" tỷ lệ hồ sơ NỘP trực tuyến", 81)),
        400,
        "indicatorValues[1].indicator");
    assertProblem(
        reportWith(Demo.JUSTICE_OFFICER, code, value(RATE, 80), value(DAYS, "4")),
        400,
        "indicatorValues[1].value");
    assertProblem(
        reportWith(Demo.JUSTICE_OFFICER, code, Map.of("indicator", RATE)),
        400,
        "indicatorValues[0].value");
    assertProblem(
        reportWith(Demo.JUSTICE_OFFICER, code, Map.of("value", 80)),
        400,
        "indicatorValues[0].indicator");
    assertProblem(
        reportWith(Demo.JUSTICE_OFFICER, code, value(RATE, 80.12345)),
        400,
        "indicatorValues[0].value");
    assertProblem(
        reportWith(
            Demo.JUSTICE_OFFICER,
            code,
            IntStream.rangeClosed(1, 21)
                .mapToObj(n -> (Object) value("Chỉ tiêu " + n, n))
                .toArray()),
        400,
        "indicatorValues");
    // every fault is named at once, a good value beside them notwithstanding
    assertProblem(
        reportWith(Demo.JUSTICE_OFFICER, code, value(RATE, 80), value("Số hộ", 1), value(RATE, 81)),
        400,
        "indicatorValues[1].indicator",
        "indicatorValues[2].indicator");
    // a task with no indicators takes no values
    assertProblem(
        reportWith(Demo.JUSTICE_OFFICER, plain, value(RATE, 80)),
        400,
        "indicatorValues[0].indicator");
    assertThat(snapshot(code)).isEqualTo(before);
    assertThat(snapshot(plain)).isEqualTo(plainBefore);
    assertThat(reviewSteps(code)).isZero();

    // control: the same report without the fault is taken, and its values count
    ApiClient.Reply taken = reportWith(Demo.JUSTICE_OFFICER, code, value(RATE, 80), value(DAYS, 4));
    assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
    assertThat(values(taken.json()))
        .containsExactly(
            "Tỷ lệ hồ sơ nộp trực tuyến 80 % 62.5 RED",
            "Thời gian giải quyết hồ sơ 4 ngày 75.0 AMBER");
    assertThat(reviewSteps(code)).isEqualTo(1);
  }

  // ---------------------------------------------------------------------------------- helpers

  private static Map<String, Object> indicator(
      String name, String unit, Number target, Number baseline, String direction) {
    Map<String, Object> indicator = new LinkedHashMap<>();
    indicator.put("name", name);
    indicator.put("unitOfMeasure", unit);
    indicator.put("target", target);
    if (baseline != null) {
      indicator.put("baseline", baseline);
    }
    indicator.put("direction", direction);
    return indicator;
  }

  /** The rate from 55 % up to 95 %, the days from 7 down to 3. */
  private static List<Map<String, Object>> validIndicators() {
    return new ArrayList<>(
        List.of(
            indicator(RATE, "%", 95, 55, "HIGHER_IS_BETTER"),
            indicator(DAYS, "ngày", 3, 7, "LOWER_IS_BETTER")));
  }

  private static Map<String, Object> value(String indicator, Object value) {
    Map<String, Object> given = new LinkedHashMap<>();
    given.put("indicator", indicator);
    given.put("value", value);
    return given;
  }

  private static Map<String, Object> regular(String leadUnit, String period, OffsetDateTime until) {
    Map<String, Object> body = assignment(leadUnit, until);
    body.remove("deadline");
    body.put("kind", "REGULAR");
    body.put("reportingPeriod", period);
    body.put("reportingUntil", until.toString());
    return body;
  }

  private String assigned(Map<String, Object> body) {
    ApiClient.Reply reply = as(Demo.SUPERVISOR).post("api/v1/tasks", body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().get("code").asText();
  }

  /** An IN_PROGRESS report with the given indicator values. */
  private ApiClient.Reply reportWith(String officer, String code, Object... values) {
    Map<String, Object> body = report("IN_PROGRESS", 50, "Đang triển khai, có số liệu chỉ tiêu");
    body.put("indicatorValues", List.of(values));
    return as(officer).post("api/v1/tasks/" + code + "/reports", body);
  }

  private void decide(long report, String decision, String comment) {
    ApiClient.Reply reply =
        as(Demo.SUPERVISOR)
            .post("api/v1/reports/" + report + "/review", decision(decision, comment));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }

  private JsonNode indicators(String member, String code) {
    ApiClient.Reply reply = as(member).get("api/v1/tasks/" + code + "/indicators");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  /** Each indicator as "number name unit target from baseline direction". */
  private static List<String> definitions(JsonNode holder) {
    JsonNode list = holder.has("indicators") ? holder.get("indicators") : holder;
    List<String> shown = new ArrayList<>();
    list.forEach(
        i ->
            shown.add(
                i.get("number").asInt()
                    + " "
                    + i.get("name").asText()
                    + " "
                    + i.get("unitOfMeasure").asText()
                    + " "
                    + i.get("target").asText()
                    + " from "
                    + (i.get("baseline").isNull() ? "none" : i.get("baseline").asText())
                    + " "
                    + i.get("direction").asText()));
    return shown;
  }

  private static List<String> points(JsonNode indicator) {
    List<String> points = new ArrayList<>();
    indicator.get("series").forEach(p -> points.add(point(p)));
    return points;
  }

  /** "p2 99 100.0 GREEN r1234 APPROVED"; a period with no counted value is "p2 -". */
  private static String point(JsonNode p) {
    String period = p.get("period").isNull() ? "-" : "p" + p.get("period").asInt();
    if (p.get("value").isNull()) {
      return period + " -";
    }
    return period
        + " "
        + p.get("value").asText()
        + " "
        + p.get("attainment").asText()
        + " "
        + p.get("colour").asText()
        + " r"
        + p.get("reportId").asLong()
        + " "
        + p.get("reviewState").asText();
  }

  /** A report's values as "name value unit attainment colour". */
  private static List<String> values(JsonNode report) {
    List<String> values = new ArrayList<>();
    report
        .get("indicatorValues")
        .forEach(
            v ->
                values.add(
                    v.get("indicator").asText()
                        + " "
                        + v.get("value").asText()
                        + " "
                        + v.get("unitOfMeasure").asText()
                        + " "
                        + v.get("attainment").asText()
                        + " "
                        + v.get("colour").asText()));
    return values;
  }

  private JsonNode refusedAssignment(
      String title, Consumer<List<Map<String, Object>>> fault, String... fields) {
    Map<String, Object> body = assignment(Demo.JUSTICE, inDays(30));
    body.put("title", title);
    List<Map<String, Object>> indicators = validIndicators();
    fault.accept(indicators);
    body.put("indicators", indicators);
    JsonNode problem = assertProblem(as(Demo.SUPERVISOR).post("api/v1/tasks", body), 400, fields);
    assertThat(tasksTitled(title)).as("tasks titled " + title).isZero();
    return problem;
  }

  /** The message of the problem's one field error. */
  private static String message(JsonNode problem) {
    assertThat(problem.get("errors")).hasSize(1);
    return problem.get("errors").get(0).get("message").asText();
  }

  private int tasksTitled(String title) {
    String q = title.substring(title.lastIndexOf(' ') + 1);
    return as(Demo.SUPERVISOR).get("api/v1/tasks?q=" + q).json().get("total").asInt();
  }

  private int reviewSteps(String code) {
    int steps = 0;
    for (JsonNode item : as(Demo.SUPERVISOR).get("api/v1/work?size=200").json()) {
      if (item.get("taskCode").asText().equals(code)
          && item.get("formKey").asText().equals("steerflow:review")) {
        steps++;
      }
    }
    return steps;
  }

  /** What a refused report must leave as it was: the task (steps, timeline) and its series. */
  private record Snapshot(String task, String indicators) {}

  private Snapshot snapshot(String code) {
    return new Snapshot(
        as(Demo.SUPERVISOR).get("api/v1/tasks/" + code).body(),
        as(Demo.SUPERVISOR).get("api/v1/tasks/" + code + "/indicators").body());
  }

  private static java.time.Instant instant(JsonNode dateTime) {
    return OffsetDateTime.parse(dateTime.asText()).toInstant();
  }

  /** A problem+json answer with the status, naming exactly the fields given (if any). */
  private static JsonNode assertProblem(ApiClient.Reply reply, int status, String... fields) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
    JsonNode problem = reply.json();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asText())
        .isNotBlank()
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    if (fields.length > 0) {
      List<String> named = new ArrayList<>();
      problem.get("errors").forEach(e -> named.add(e.get("field").asText()));
      assertThat(named).as(reply.toString()).containsExactlyInAnyOrder(fields);
      problem
          .get("errors")
          .forEach(e -> assertThat(e.get("message").asText()).as(reply.toString()).isNotBlank());
    }
    return problem;
  }
}
