package vn.steerflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * The cycle's other paths over HTTP on the real server, its job executor firing the timers on its
 * own clock: a REGULAR task's periods (on time, missed, on time), an extension granted and the task
 * done between the original and the new deadline, coordinating units' contributions as the lead
 * unit sees them. Then every new endpoint's refusals, each leaving nothing behind.
 */
@RunAsClient
class CyclePathsIT extends DeployedSteerflow {

  /**
   * Longest wait for a timer: its due time plus the job executor's idle look-up (5 s) and slack.
   */
  private static final Duration TIMER_WAIT = Duration.ofSeconds(60);

  // ---------------------------------------------------------------------------------- REGULAR
  // tasks

  @Test
  void aRegularTaskReportsEachPeriodOnItsOwnAndAMissedPeriodIsRecordedBeforeTheNextOpens() {
    // three 30-second periods; the whole test takes about 100 s
    OffsetDateTime until = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(90).withNano(0);
    ApiClient.Reply assigned =
        as(Demo.SUPERVISOR).post("api/v1/tasks", regular(Demo.JUSTICE, "PT30S", until));
    assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
    String code = assigned.json().get("code").asText();
    assertThat(assigned.json().get("kind").asText()).isEqualTo("REGULAR");
    assertThat(assigned.json().get("reportingPeriod").asText()).isEqualTo("PT30S");
    assertThat(OffsetDateTime.parse(assigned.json().get("reportingUntil").asText()).toInstant())
        .isEqualTo(until.toInstant());

    // period 1: open at once; reported and approved in time
    JsonNode periods = periods(code);
    assertThat(states(periods)).containsExactly("OPEN");
    Instant end1 = Instant.parse(periods.get(0).get("endsAt").asText());
    reportAndApprove(code, "Kỳ 1: đã cập nhật 30% hồ sơ");
    assertThat(states(periods(code))).containsExactly("ON_TIME");
    assertThat(periods(code).get(0).get("reportId").isNull()).isFalse();

    // period 2 opens on schedule at period 1's end; nobody reports: MISSED at its end, and period 3
    // opens
    JsonNode second =
        await(() -> periods(code), p -> p.size() == 2, TIMER_WAIT, "period 2 of " + code);
    assertThat(Instant.parse(second.get(1).get("startsAt").asText())).isEqualTo(end1);
    JsonNode third =
        await(() -> periods(code), p -> p.size() == 3, TIMER_WAIT, "period 3 of " + code);
    assertThat(states(third)).containsExactly("ON_TIME", "MISSED", "OPEN");
    assertThat(Instant.parse(third.get(2).get("endsAt").asText())).isEqualTo(until.toInstant());

    // period 3, the last: reported in time; when it ends, the reporting ends with it
    reportAndApprove(code, "Kỳ 3: đã cập nhật 80% hồ sơ");
    JsonNode task =
        await(
            () -> as(Demo.SUPERVISOR).get("api/v1/tasks/" + code).json(),
            t -> !t.get("completedAt").isNull(),
            TIMER_WAIT,
            "the end of reporting of " + code);
    assertThat(states(periods(code))).containsExactly("ON_TIME", "MISSED", "ON_TIME");
    assertThat(task.get("currentSteps")).isEmpty();
    assertThat(TaskCycleIT.timeline(task))
        .contains("PERIOD_MISSED by system", "REPORTING_ENDED by system")
        .filteredOn(e -> e.startsWith("PERIOD_OPENED"))
        .hasSize(3);
    // the lead unit sees the same periods
    assertThat(states(as(Demo.JUSTICE_OFFICER).get("api/v1/tasks/" + code + "/periods").json()))
        .containsExactly("ON_TIME", "MISSED", "ON_TIME");
  }

  // ---------------------------------------------------------------------------------- extensions

  @Test
  void aTaskDoneAfterItsOriginalDeadlineButBeforeTheGrantedOneIsOnTime() {
    OffsetDateTime original = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(20).withNano(0);
    OffsetDateTime extended = inDays(10);
    String code = assignTo(Demo.JUSTICE, original);

    ApiClient.Reply requested =
        as(Demo.JUSTICE_OFFICER)
            .post(
                "api/v1/tasks/" + code + "/extensions",
                extension(extended, "Chờ phần mềm hộ tịch mới"));
    assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
    long id = requested.json().get("id").asLong();
    assertThat(requested.location()).endsWith("/api/v1/extensions/" + id);
    assertThat(requested.json().get("state").asText()).isEqualTo("PENDING");

    // the supervisors are asked, with the request's id in their work list
    JsonNode item =
        TaskCycleIT.itemsOf(as(Demo.SUPERVISOR).get("api/v1/work?size=200").json(), code).stream()
            .filter(i -> i.get("formKey").asText().equals("steerflow:extension"))
            .findFirst()
            .orElseThrow();
    assertThat(item.get("extensionId").asLong()).isEqualTo(id);
    ApiClient.Reply granted =
        as(Demo.SUPERVISOR)
            .post(
                "api/v1/extensions/" + id + "/decision",
                Map.of("grant", true, "comment", "Đồng ý"));
    assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
    assertThat(granted.json().get("state").asText()).isEqualTo("GRANTED");
    assertThat(instant(as(Demo.SUPERVISOR).get("api/v1/tasks/" + code).json().get("deadline")))
        .isEqualTo(extended.toInstant());

    // the original deadline passes (and the job executor's look-up after it): its timer is gone
    await(
        Instant::now,
        now -> now.isAfter(original.toInstant().plusSeconds(10)),
        Duration.ofSeconds(45),
        "the original deadline of " + code + " to pass");
    JsonNode open = as(Demo.SUPERVISOR).get("api/v1/tasks/" + code).json();
    assertThat(open.get("outcome").asText()).isEqualTo("IN_PROGRESS");
    assertThat(TaskCycleIT.timeline(open)).doesNotContain("OVERDUE by system");

    as(Demo.JUSTICE_OFFICER)
        .post(
            "api/v1/tasks/" + code + "/reports",
            report("DONE", 100, "Hoàn thành sau hạn ban đầu, trong hạn gia hạn"));
    assertThat(
            as(Demo.SUPERVISOR)
                .post(
                    "api/v1/reports/" + reportUnderReview(code) + "/review",
                    decision("APPROVE", null))
                .status())
        .isEqualTo(200);
    JsonNode done = as(Demo.SUPERVISOR).get("api/v1/tasks/" + code).json();
    assertThat(instant(done.get("completedAt"))).isAfter(original.toInstant());
    assertThat(done.get("outcome").asText()).isEqualTo("ON_TIME");
    assertThat(TaskCycleIT.timeline(done))
        .contains("EXTENSION_REQUESTED by sotuphap", "EXTENSION_GRANTED by giamsat");

    // the original and the granted deadline stay on record
    JsonNode history = as(Demo.JUSTICE_OFFICER).get("api/v1/tasks/" + code + "/extensions").json();
    assertThat(instant(history.get("originalDeadline"))).isEqualTo(original.toInstant());
    assertThat(instant(history.get("deadline"))).isEqualTo(extended.toInstant());
    JsonNode only = history.get("extensions").get(0);
    assertThat(history.get("extensions")).hasSize(1);
    assertThat(instant(only.get("previousDeadline"))).isEqualTo(original.toInstant());
    assertThat(instant(only.get("requestedDeadline"))).isEqualTo(extended.toInstant());
    assertThat(only.get("reason").asText()).isEqualTo("Chờ phần mềm hộ tịch mới");
    assertThat(only.get("decidedBy").asText()).isEqualTo(Demo.SUPERVISOR);
    assertThat(only.get("requestedBy").asText()).isEqualTo(Demo.JUSTICE_OFFICER);
  }

  @Test
  void aRefusedExtensionKeepsTheDeadlineAndTheUnitMayAskAgain() {
    OffsetDateTime deadline = inDays(5);
    String code = assignTo(Demo.POLICE, deadline);
    long first =
        as(Demo.POLICE_OFFICER)
            .post("api/v1/tasks/" + code + "/extensions", extension(inDays(20), "Thiếu nhân lực"))
            .json()
            .get("id")
            .asLong();

    ApiClient.Reply refused =
        as(Demo.SUPERVISOR)
            .post(
                "api/v1/extensions/" + first + "/decision",
                Map.of("grant", false, "comment", "Điều động thêm cán bộ"));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
    assertThat(refused.json().get("state").asText()).isEqualTo("REFUSED");
    assertThat(instant(as(Demo.POLICE_OFFICER).get("api/v1/tasks/" + code).json().get("deadline")))
        .isEqualTo(deadline.toInstant());

    ApiClient.Reply again =
        as(Demo.POLICE_OFFICER)
            .post(
                "api/v1/tasks/" + code + "/extensions",
                extension(inDays(10), "Đã điều động, cần thêm 5 ngày"));
    assertThat(again.status()).as(again.toString()).isEqualTo(201);
    assertThat(
            as(Demo.POLICE_OFFICER)
                .get("api/v1/tasks/" + code + "/extensions")
                .json()
                .get("extensions"))
        .extracting(e -> e.get("state").asText())
        .containsExactly("REFUSED", "PENDING");
  }

  // ---------------------------------------------------------------------------------- coordination

  @Test
  void theLeadUnitSeesEveryContributionAndOneStillMissingAtItsDeadline() {
    OffsetDateTime deadline = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(8).withNano(0);
    String code = assignWithCoordinators(Demo.JUSTICE, deadline, Demo.POLICE, Demo.SAPA);

    // each coordinating unit has its own step; the lead unit has none of theirs
    assertThat(formKeys(Demo.POLICE_OFFICER, code)).containsExactly("steerflow:coordinate");
    assertThat(formKeys(Demo.SAPA_OFFICER, code)).containsExactly("steerflow:coordinate");
    assertThat(formKeys(Demo.JUSTICE_OFFICER, code)).containsExactly("steerflow:report");

    ApiClient.Reply contributed =
        as(Demo.POLICE_OFFICER)
            .post(
                "api/v1/tasks/" + code + "/contributions",
                contribution("Đã xác minh 1.200 hồ sơ cư trú", 70));
    assertThat(contributed.status()).as(contributed.toString()).isEqualTo(201);
    assertThat(contributed.json().get("unit").asText()).isEqualTo(Demo.POLICE);
    assertThat(formKeys(Demo.POLICE_OFFICER, code)).isEmpty();

    JsonNode before =
        as(Demo.JUSTICE_OFFICER).get("api/v1/tasks/" + code + "/contributions").json();
    assertThat(statuses(before)).containsExactly("CAT SUBMITTED", "SAPA PENDING");
    assertThat(before.get(0).get("contribution").get("text").asText())
        .isEqualTo("Đã xác minh 1.200 hồ sơ cư trú");
    assertThat(before.get(0).get("contribution").get("progress").asInt()).isEqualTo(70);
    assertThat(before.get(1).get("contribution").isNull()).isTrue();

    // at the lead unit's deadline the contribution that has not come is shown missing
    JsonNode atDeadline =
        await(
            () -> as(Demo.JUSTICE_OFFICER).get("api/v1/tasks/" + code + "/contributions").json(),
            c -> statuses(c).contains("SAPA MISSING"),
            Duration.ofSeconds(30),
            "Sa Pa's contribution to show MISSING");
    assertThat(statuses(atDeadline)).containsExactly("CAT SUBMITTED", "SAPA MISSING");
    assertThat(instant(atDeadline.get(1).get("dueAt"))).isEqualTo(deadline.toInstant());

    // the lead unit reports anyway; the task's end closes Sa Pa's step, and it stays missing
    as(Demo.JUSTICE_OFFICER)
        .post(
            "api/v1/tasks/" + code + "/reports",
            report("DONE", 100, "Hoàn thành, Sa Pa chưa gửi số liệu"));
    as(Demo.SUPERVISOR)
        .post("api/v1/reports/" + reportUnderReview(code) + "/review", decision("APPROVE", null));
    assertThat(formKeys(Demo.SAPA_OFFICER, code)).isEmpty();
    assertThat(statuses(as(Demo.SUPERVISOR).get("api/v1/tasks/" + code + "/contributions").json()))
        .containsExactly("CAT SUBMITTED", "SAPA MISSING");
    assertThat(TaskCycleIT.timeline(as(Demo.SUPERVISOR).get("api/v1/tasks/" + code).json()))
        .contains("CONTRIBUTED by congan");
  }

  // ---------------------------------------------------------------------------------- refusals

  @Test
  void contributionsRefuseWhatTheyMustAndChangeNothing() {
    String code = assignWithCoordinators(Demo.JUSTICE, inDays(10), Demo.POLICE);
    String path = "api/v1/tasks/" + code + "/contributions";
    Snapshot before = snapshot(code);

    assertProblem(as(Demo.POLICE_OFFICER).post(path, Map.of("progress", 10)), 400, "text");
    assertProblem(as(Demo.POLICE_OFFICER).post(path, contribution("x", 101)), 400, "progress");
    assertProblem(
        as(Demo.POLICE_OFFICER).post(path, Map.of("text", "x", "progress", "50")), 400, "progress");
    assertProblem(
        as(Demo.POLICE_OFFICER).post(path, Map.of("text", "x", "progress", 5, "unit", "SAPA")),
        400,
        "unit");
    // the lead unit and the supervisor see the task but do not coordinate it
    assertProblem(as(Demo.JUSTICE_OFFICER).post(path, contribution("x", 5)), 403);
    assertProblem(as(Demo.SUPERVISOR).post(path, contribution("x", 5)), 403);
    // other units do not see it at all
    assertProblem(as(Demo.SAPA_OFFICER).post(path, contribution("x", 5)), 404);
    assertProblem(as(Demo.SAPA_OFFICER).get(path), 404);
    assertProblem(
        as(Demo.POLICE_OFFICER).post("api/v1/tasks/NV-0000-1/contributions", contribution("x", 5)),
        404);
    assertThat(snapshot(code)).isEqualTo(before);

    assertThat(
            as(Demo.POLICE_OFFICER).post(path, contribution("Phần việc của Công an", 40)).status())
        .isEqualTo(201);
    Snapshot once = snapshot(code);
    assertProblem(as(Demo.POLICE_OFFICER).post(path, contribution("Lần hai", 60)), 409);
    assertThat(snapshot(code)).isEqualTo(once);
  }

  @Test
  void extensionRequestsRefuseWhatTheyMustAndChangeNothing() {
    OffsetDateTime deadline = inDays(10);
    String code = assignWithCoordinators(Demo.JUSTICE, deadline, Demo.POLICE);
    String path = "api/v1/tasks/" + code + "/extensions";
    Snapshot before = snapshot(code);

    assertProblem(
        as(Demo.JUSTICE_OFFICER).post(path, Map.of("deadline", inDays(20).toString())),
        400,
        "reason");
    assertProblem(as(Demo.JUSTICE_OFFICER).post(path, Map.of("reason", "x")), 400, "deadline");
    assertProblem(
        as(Demo.JUSTICE_OFFICER).post(path, Map.of("deadline", "next week", "reason", "x")),
        400,
        "deadline");
    assertProblem(
        as(Demo.JUSTICE_OFFICER).post(path, extension(inDays(5), "sooner is no extension")),
        400,
        "deadline");
    assertProblem(
        as(Demo.JUSTICE_OFFICER).post(path, extension(deadline, "the same deadline")),
        400,
        "deadline");
    assertProblem(
        as(Demo.POLICE_OFFICER).post(path, extension(inDays(20), "a coordinating unit")), 403);
    assertProblem(as(Demo.SUPERVISOR).post(path, extension(inDays(20), "a supervisor")), 403);
    assertProblem(as(Demo.SAPA_OFFICER).post(path, extension(inDays(20), "another unit")), 404);
    assertProblem(as(Demo.SAPA_OFFICER).get(path), 404);
    assertProblem(
        as(Demo.JUSTICE_OFFICER)
            .post("api/v1/tasks/NV-0000-1/extensions", extension(inDays(20), "x")),
        404);
    assertThat(snapshot(code)).isEqualTo(before);

    assertThat(as(Demo.JUSTICE_OFFICER).post(path, extension(inDays(20), "Chờ kinh phí")).status())
        .isEqualTo(201);
    Snapshot pending = snapshot(code);
    assertProblem(
        as(Demo.JUSTICE_OFFICER)
            .post(path, extension(inDays(30), "a second one while the first waits")),
        409);
    assertThat(snapshot(code)).isEqualTo(pending);

    // a REGULAR task's periods have no deadline to extend
    String regular =
        as(Demo.SUPERVISOR)
            .post("api/v1/tasks", regular(Demo.JUSTICE, "MONTHLY", inDays(90)))
            .json()
            .get("code")
            .asText();
    Snapshot regularBefore = snapshot(regular);
    assertProblem(
        as(Demo.JUSTICE_OFFICER)
            .post("api/v1/tasks/" + regular + "/extensions", extension(inDays(120), "x")),
        409);
    assertThat(snapshot(regular)).isEqualTo(regularBefore);
  }

  @Test
  void extensionDecisionsRefuseWhatTheyMustAndChangeNothing() {
    String code = assignTo(Demo.JUSTICE, inDays(10));
    long id =
        as(Demo.JUSTICE_OFFICER)
            .post("api/v1/tasks/" + code + "/extensions", extension(inDays(20), "Chờ kinh phí"))
            .json()
            .get("id")
            .asLong();
    String path = "api/v1/extensions/" + id + "/decision";
    Snapshot before = snapshot(code);

    assertProblem(as(Demo.SUPERVISOR).post(path, Map.of("comment", "x")), 400, "grant");
    assertProblem(as(Demo.SUPERVISOR).post(path, Map.of("grant", "yes")), 400, "grant");
    assertProblem(as(Demo.SUPERVISOR).post(path, Map.of("grant", false)), 400, "comment");
    assertProblem(
        as(Demo.SUPERVISOR).post(path, Map.of("grant", false, "comment", "  ")), 400, "comment");
    assertProblem(as(Demo.LEADER).post(path, Map.of("grant", true)), 403);
    assertProblem(as(Demo.JUSTICE_OFFICER).post(path, Map.of("grant", true)), 403);
    assertProblem(as(Demo.POLICE_OFFICER).post(path, Map.of("grant", true)), 404);
    assertProblem(as(Demo.POLICE_OFFICER).get("api/v1/extensions/" + id), 404);
    assertProblem(
        as(Demo.SUPERVISOR).post("api/v1/extensions/999999999/decision", Map.of("grant", true)),
        404);
    assertThat(snapshot(code)).isEqualTo(before);
    assertThat(as(Demo.SUPERVISOR).get("api/v1/extensions/" + id).json().get("state").asText())
        .isEqualTo("PENDING");

    assertThat(as(Demo.SUPERVISOR).post(path, Map.of("grant", true)).status()).isEqualTo(200);
    Snapshot granted = snapshot(code);
    assertProblem(
        as(Demo.SUPERVISOR).post(path, Map.of("grant", false, "comment", "changed my mind")), 409);
    assertThat(snapshot(code)).isEqualTo(granted);
  }

  @Test
  void regularAssignmentsNeedTheirOwnClearTime() {
    Map<String, Object> noPeriod = regular(Demo.JUSTICE, "MONTHLY", inDays(90));
    noPeriod.remove("reportingPeriod");
    noPeriod.remove("reportingUntil");
    assertProblem(
        as(Demo.SUPERVISOR).post("api/v1/tasks", noPeriod),
        400,
        "reportingPeriod",
        "reportingUntil");
    assertProblem(
        as(Demo.SUPERVISOR).post("api/v1/tasks", regular(Demo.JUSTICE, "WEEKLY", inDays(90))),
        400,
        "reportingPeriod");
    assertProblem(
        as(Demo.SUPERVISOR).post("api/v1/tasks", regular(Demo.JUSTICE, "PT1S", inDays(90))),
        400,
        "reportingPeriod");
    assertProblem(
        as(Demo.SUPERVISOR).post("api/v1/tasks", regular(Demo.JUSTICE, "PT10S", inDays(900))),
        400,
        "reportingPeriod");
    assertProblem(
        as(Demo.SUPERVISOR).post("api/v1/tasks", regular(Demo.JUSTICE, "MONTHLY", inDays(-1))),
        400,
        "reportingUntil");
    Map<String, Object> withDeadline = regular(Demo.JUSTICE, "MONTHLY", inDays(90));
    withDeadline.put("deadline", inDays(30).toString());
    assertProblem(as(Demo.SUPERVISOR).post("api/v1/tasks", withDeadline), 400, "deadline");
    Map<String, Object> oneOffWithPeriod = assignment(Demo.JUSTICE, inDays(30));
    oneOffWithPeriod.put("reportingPeriod", "MONTHLY");
    assertProblem(
        as(Demo.SUPERVISOR).post("api/v1/tasks", oneOffWithPeriod), 400, "reportingPeriod");
    Map<String, Object> unknownKind = assignment(Demo.JUSTICE, inDays(30));
    unknownKind.put("kind", "SOMETIMES");
    assertProblem(as(Demo.SUPERVISOR).post("api/v1/tasks", unknownKind), 400, "kind");
    assertProblem(as(Demo.SUPERVISOR).get("api/v1/tasks/NV-0000-1/periods"), 404);
    // and a ONE_OFF task has no periods
    assertThat(
            as(Demo.SUPERVISOR)
                .get("api/v1/tasks/" + assignTo(Demo.JUSTICE, inDays(3)) + "/periods")
                .json())
        .isEmpty();
  }

  // ---------------------------------------------------------------------------------- helpers

  private static Map<String, Object> regular(String leadUnit, String period, OffsetDateTime until) {
    Map<String, Object> body = assignment(leadUnit, until);
    body.remove("deadline");
    body.put("kind", "REGULAR");
    body.put("reportingPeriod", period);
    body.put("reportingUntil", until.toString());
    return body;
  }

  private String assignWithCoordinators(
      String leadUnit, OffsetDateTime deadline, String... coordinators) {
    Map<String, Object> body = assignment(leadUnit, deadline);
    body.put("coordinatingUnits", List.of(coordinators));
    ApiClient.Reply reply = as(Demo.SUPERVISOR).post("api/v1/tasks", body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().get("code").asText();
  }

  private static Map<String, Object> extension(OffsetDateTime deadline, String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deadline", deadline.toString());
    body.put("reason", reason);
    return body;
  }

  private static Map<String, Object> contribution(String text, int progress) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("text", text);
    body.put("progress", progress);
    return body;
  }

  private void reportAndApprove(String code, String narrative) {
    ApiClient.Reply reported =
        as(Demo.JUSTICE_OFFICER)
            .post("api/v1/tasks/" + code + "/reports", report("IN_PROGRESS", 50, narrative));
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    ApiClient.Reply approved =
        as(Demo.SUPERVISOR)
            .post(
                "api/v1/reports/" + reportUnderReview(code) + "/review", decision("APPROVE", null));
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
  }

  private JsonNode periods(String code) {
    return as(Demo.SUPERVISOR).get("api/v1/tasks/" + code + "/periods").json();
  }

  private static List<String> states(JsonNode periods) {
    List<String> states = new ArrayList<>();
    periods.forEach(p -> states.add(p.get("state").asText()));
    return states;
  }

  private static List<String> statuses(JsonNode coordination) {
    List<String> statuses = new ArrayList<>();
    coordination.forEach(
        c -> statuses.add(c.get("unit").asText() + " " + c.get("status").asText()));
    return statuses;
  }

  private List<String> formKeys(String member, String code) {
    return TaskCycleIT.itemsOf(as(member).get("api/v1/work?size=200").json(), code).stream()
        .map(i -> i.get("formKey").asText())
        .toList();
  }

  private static Instant instant(JsonNode dateTime) {
    return OffsetDateTime.parse(dateTime.asText()).toInstant();
  }

  /**
   * What a refused request must leave as it was: the task, its steps, timeline, contributions and
   * deadline history.
   */
  private record Snapshot(String task, String contributions, String extensions) {}

  private Snapshot snapshot(String code) {
    return new Snapshot(
        as(Demo.SUPERVISOR).get("api/v1/tasks/" + code).body(),
        as(Demo.SUPERVISOR).get("api/v1/tasks/" + code + "/contributions").body(),
        as(Demo.SUPERVISOR).get("api/v1/tasks/" + code + "/extensions").body());
  }

  /** A problem+json answer with the status, naming exactly the fields given (if any). */
  private static void assertProblem(ApiClient.Reply reply, int status, String... fields) {
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
    }
  }
}
