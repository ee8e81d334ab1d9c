package vn.steerflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every write and read of the API refuses what it must refuse: missing and mistyped fields, bodies
 * that are not JSON objects, unknown codes and ids, other units' records, the wrong role and the
 * wrong moment in the cycle. Each refusal is problem+json with a human detail and no stack trace,
 * and leaves the task, its reports and everyone's work list exactly as they were.
 *
 * <p>The refusal tests share a few tasks parked at known steps of the cycle (created on first use).
 * Sharing is safe because every refusal is checked to change nothing; {@link
 * #validRequestsStillSucceedWhereTheRefusedOnesChangedNothing} shows the same kind of fixture
 * accepts a valid request, so each refusal is down to the one flaw its row names.
 */
@RunAsClient
class BadInputIT extends DeployedSteerflow {

  private static final String TASKS = "api/v1/tasks";
  private static final List<String> FIVE_CLEARS =
      List.of(
          "title",
          "content",
          "leadUnit",
          "responsibleLeader",
          "deadline",
          "expectedResult",
          "committee");

  /** The members whose work lists a refused request must leave alone. */
  private static final List<String> WATCHED_MEMBERS =
      List.of(Demo.SUPERVISOR, Demo.LEADER, Demo.JUSTICE_OFFICER, Demo.POLICE_OFFICER);

  /** A task of the Department of Justice waiting for its first report. */
  private static String awaitingReport;

  /** A task of the Department of Justice whose IN_PROGRESS report waits for review. */
  private static Parked underReview;

  /**
   * A task of the Provincial Police whose report was escalated: it waits for the leader's
   * direction.
   */
  private static Parked escalated;

  /**
   * A task of the Department of Justice whose IN_PROGRESS report was approved: decided, back at
   * reporting.
   */
  private static Parked approved;

  /** A task parked at a step, with the report that got it there. */
  private record Parked(String task, long report) {}

  /** The four writes of the API. */
  enum Write {
    ASSIGN,
    REPORT,
    REVIEW,
    DIRECTION
  }

  /**
   * Where a write goes, who sends it, its valid body, and the records it must not change when
   * refused.
   */
  private record Target(
      ApiClient caller, String path, Map<String, Object> validBody, String task, long... reports) {}

  // ---------------------------------------------------------------- every write: the body itself

  static Stream<Arguments> bodiesThatAreNotAnObject() {
    List<Arguments> rows = new ArrayList<>();
    String[][] bodies = {
      {"empty", ""},
      {"only whitespace", "   "},
      {"JSON null", "null"},
      {"a JSON array", "[]"},
      {"an array holding an object", "[{}]"},
      {"a JSON string", "\"APPROVE\""},
      {"a number", "42"},
      {"cut short", "{\"title\": "},
      {"unquoted names", "{title: 1}"},
      {"single quotes", "{'a': 1}"},
      {"trailing comma", "{\"a\": 1,}"},
      {"not JSON at all", "hello"},
    };
    for (Write write : Write.values()) {
      for (String[] body : bodies) {
        rows.add(Arguments.of(write, body[0], body[1]));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} with a body {1}")
  @MethodSource("bodiesThatAreNotAnObject")
  void aBodyThatIsNotAJsonObjectIsRefusedAsBadRequest(Write write, String what, String body) {
    Target target = target(write);
    JsonNode problem = refusedAt(400, () -> target.caller().post(target.path(), body), target);
    // No field is to blame, so none may be named but the body itself; a missing body is named as
    // such.
    assertThat(fieldsOf(problem)).isSubsetOf("body");
    if (body.isBlank() || body.equals("null")) {
      assertThat(fieldsOf(problem)).containsExactly("body");
    }
  }

  static Stream<Arguments> unknownFields() {
    return Stream.of(
        Arguments.of(Write.ASSIGN, "priority"),
        Arguments.of(Write.ASSIGN, "leadunit"),
        Arguments.of(Write.REPORT, "percent"),
        Arguments.of(Write.REPORT, "attachments"),
        Arguments.of(Write.REVIEW, "reason"),
        Arguments.of(Write.DIRECTION, "answer"));
  }

  @ParameterizedTest(name = "{0} with the unknown field {1}")
  @MethodSource("unknownFields")
  void anUnknownFieldIsNamedInsteadOfSilentlyDropped(Write write, String field) {
    Target target = target(write);
    Map<String, Object> body = new LinkedHashMap<>(target.validBody());
    body.put(field, "x");
    JsonNode problem = refusedAt(400, () -> target.caller().post(target.path(), body), target);
    assertThat(fieldsOf(problem)).containsExactly(field);
    assertThat(problem.get("detail").asText()).contains(field);
  }

  @ParameterizedTest(name = "{0} sent as text/plain")
  @EnumSource(Write.class)
  void aBodyThatIsNotSentAsJsonIsRefusedAsUnsupported(Write write) {
    Target target = target(write);
    refusedAt(
        415,
        () -> target.caller().post(target.path(), "text/plain", json(target.validBody())),
        target);
  }

  // ---------------------------------------------------------------- POST /tasks

  @Test
  void assigningAnEmptyObjectNamesEachOfTheFiveClears() {
    JsonNode problem = refused(400, () -> as(Demo.SUPERVISOR).post(TASKS, "{}"), null);
    assertThat(fieldsOf(problem)).containsExactlyInAnyOrderElementsOf(FIVE_CLEARS);
  }

  @ParameterizedTest(name = "without {0}")
  @ValueSource(
      strings = {
        "title",
        "content",
        "leadUnit",
        "responsibleLeader",
        "deadline",
        "expectedResult",
        "committee"
      })
  void assigningWithoutOneClearNamesExactlyThatField(String field) {
    Map<String, Object> body = validAssignment();
    body.remove(field);
    assertThat(fieldsOf(refused(400, () -> as(Demo.SUPERVISOR).post(TASKS, body), null)))
        .containsExactly(field);
  }

  @ParameterizedTest(name = "{0} = [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "title             | '   '",
        "content           | ''",
        "leadUnit          | ' '",
        "responsibleLeader | '\t'",
        "expectedResult    | '  '",
        "committee         | ''",
      })
  void assigningWithABlankClearNamesIt(String field, String blank) {
    Map<String, Object> body = validAssignment();
    body.put(field, blank);
    assertThat(fieldsOf(refused(400, () -> as(Demo.SUPERVISOR).post(TASKS, body), null)))
        .containsExactly(field);
  }

  static Stream<Arguments> mistypedAssignments() {
    return Stream.of(
        mistyped("deadline", "tomorrow"),
        mistyped("deadline", "2030-12-31"),
        mistyped("deadline", "2030-12-31T17:00:00"),
        mistyped("deadline", "31/12/2030 17:00"),
        mistyped("deadline", List.of("2030-12-31T17:00:00+07:00")),
        // Epoch numbers are not dates here: milliseconds read as seconds would be a deadline in the
        // year 57970.
        mistyped("deadline", 1_893_456_000_000L),
        mistyped("deadline", 1_893_456_000L),
        mistyped("title", Map.of("vi", "Số hoá")),
        mistyped("title", List.of("Số hoá")),
        mistyped("title", 42),
        mistyped("content", 4.5),
        mistyped("responsibleLeader", true),
        mistyped("leadUnit", Map.of("code", Demo.JUSTICE)),
        mistyped("coordinatingUnits", Demo.POLICE),
        mistyped("coordinatingUnits", Map.of("code", Demo.POLICE)),
        Arguments.of("coordinatingUnits", List.of(Demo.POLICE, 7), "coordinatingUnits[1]"));
  }

  /** A row whose problem names the field that was set. */
  private static Arguments mistyped(String field, Object value) {
    return Arguments.of(field, value, field);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("mistypedAssignments")
  void assigningAValueOfTheWrongTypeNamesTheField(String field, Object value, String named) {
    Map<String, Object> body = validAssignment();
    body.put(field, value);
    JsonNode problem = refused(400, () -> as(Demo.SUPERVISOR).post(TASKS, body), null);
    assertThat(fieldsOf(problem)).containsExactly(named);
    assertThat(problem.get("detail").asText()).contains(named);
  }

  static Stream<Arguments> assignmentsNamingWhatDoesNotExist() {
    return Stream.of(
        Arguments.of("unknown lead unit", Map.of("leadUnit", "SO-KHONG-CO"), List.of("leadUnit")),
        Arguments.of("lead unit in the wrong case", Map.of("leadUnit", "stp"), List.of("leadUnit")),
        Arguments.of("unknown committee", Map.of("committee", "BCD-XX"), List.of("committee")),
        Arguments.of(
            "a unit code as committee", Map.of("committee", Demo.JUSTICE), List.of("committee")),
        Arguments.of(
            "unknown coordinating unit",
            Map.of("coordinatingUnits", List.of(Demo.POLICE, "SO-KHONG-CO")),
            List.of("coordinatingUnits")),
        Arguments.of(
            "lead unit also coordinating",
            Map.of("coordinatingUnits", List.of(Demo.JUSTICE)),
            List.of("coordinatingUnits")),
        Arguments.of(
            "blank coordinating unit",
            Map.of("coordinatingUnits", List.of(Demo.POLICE, " ")),
            List.of("coordinatingUnits[1]")),
        Arguments.of(
            "all three unknown",
            Map.of("leadUnit", "X1", "committee", "X2", "coordinatingUnits", List.of("X3")),
            List.of("leadUnit", "committee", "coordinatingUnits")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("assignmentsNamingWhatDoesNotExist")
  void assigningToUnitsOrCommitteesThatDoNotExistNamesEachField(
      String what, Map<String, Object> change, List<String> fields) {
    Map<String, Object> body = validAssignment();
    body.putAll(change);
    assertThat(fieldsOf(refused(400, () -> as(Demo.SUPERVISOR).post(TASKS, body), null)))
        .containsExactlyInAnyOrderElementsOf(fields);
  }

  @ParameterizedTest(name = "deadline {0} minutes from now")
  @ValueSource(ints = {-60 * 24 * 365, -1, 0})
  void assigningADeadlineThatIsNotInTheFutureNamesTheDeadline(int minutes) {
    Map<String, Object> body = validAssignment();
    body.put("deadline", inDays(0).plusMinutes(minutes).toString());
    JsonNode problem = refused(400, () -> as(Demo.SUPERVISOR).post(TASKS, body), null);
    assertThat(fieldsOf(problem)).containsExactly("deadline");
  }

  @ParameterizedTest(name = "as {0}")
  @ValueSource(strings = {Demo.JUSTICE_OFFICER, Demo.ADMIN})
  void assigningIsRefusedToMembersWhoNeitherSuperviseNorLeadTheCommittee(String member) {
    refused(403, () -> as(member).post(TASKS, validAssignment()), null);
  }

  // ---------------------------------------------------------------- GET /tasks/{code}

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"NV-2026-999999999", "NV-1999-1", "khong-co"})
  void anUnknownTaskCodeIsNotFound(String code) {
    JsonNode problem = problem(as(Demo.SUPERVISOR).get(TASKS + "/" + code), 404);
    assertThat(problem.get("detail").asText()).contains(code);
  }

  @Test
  void anotherUnitsTaskIsNotFoundExactlyLikeOneThatDoesNotExist() {
    String task = awaitingReport();
    String unknown = "NV-2026-999999999";
    JsonNode hidden = problem(as(Demo.POLICE_OFFICER).get(TASKS + "/" + task), 404);
    JsonNode missing = problem(as(Demo.POLICE_OFFICER).get(TASKS + "/" + unknown), 404);
    assertThat(withoutCode(hidden, task)).isEqualTo(withoutCode(missing, unknown));
  }

  // ---------------------------------------------------------------- GET /work

  @ParameterizedTest(name = "?{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "size=0               | size",
        "size=-5              | size",
        "size=201             | size",
        "size=1000            | size",
        "page=-1              | page",
        "page=-1&size=1000    | page;size",
      })
  void workPagingOutsideItsLimitsIsRefusedNamingTheParameter(String query, String fields) {
    JsonNode problem = refused(400, () -> as(Demo.SUPERVISOR).get("api/v1/work?" + query), null);
    assertThat(fieldsOf(problem)).containsExactlyInAnyOrder(fields.split(";"));
  }

  @Test
  void workPagingAtItsLimitsIsAccepted() {
    awaitingReport();
    assertThat(as(Demo.JUSTICE_OFFICER).get("api/v1/work?size=200").status()).isEqualTo(200);
    JsonNode one = as(Demo.JUSTICE_OFFICER).get("api/v1/work?page=0&size=1").json();
    assertThat(one).hasSize(1);
    // A page far beyond the last is empty, not an error (and not an overflow of page × size).
    for (String query : List.of("page=100000&size=200", "page=2147483647&size=200")) {
      ApiClient.Reply beyond = as(Demo.JUSTICE_OFFICER).get("api/v1/work?" + query);
      assertThat(beyond.status()).as(query + ": " + beyond).isEqualTo(200);
      assertThat(beyond.json()).as(query).isEmpty();
    }
  }

  // ---------------------------------------------------------------- POST /tasks/{code}/reports

  @Test
  void reportingAnEmptyObjectNamesEachMissingField() {
    String task = awaitingReport();
    JsonNode problem =
        refused(400, () -> as(Demo.JUSTICE_OFFICER).post(reportsOf(task), "{}"), task);
    assertThat(fieldsOf(problem)).containsExactlyInAnyOrder("status", "progress", "narrative");
  }

  @ParameterizedTest(name = "without {0}")
  @ValueSource(strings = {"status", "progress", "narrative"})
  void reportingWithoutOneFieldNamesExactlyThatField(String field) {
    String task = awaitingReport();
    Map<String, Object> body = validReport();
    body.remove(field);
    assertThat(
            fieldsOf(
                refused(400, () -> as(Demo.JUSTICE_OFFICER).post(reportsOf(task), body), task)))
        .containsExactly(field);
  }

  static Stream<Arguments> badReportValues() {
    return Stream.of(
        Arguments.of("progress", "abc"),
        Arguments.of("progress", "50"),
        Arguments.of("progress", 50.5),
        Arguments.of("progress", true),
        Arguments.of("progress", List.of(50)),
        Arguments.of("progress", -1),
        Arguments.of("progress", 101),
        Arguments.of("progress", Long.MAX_VALUE),
        Arguments.of("status", "FINISHED"),
        Arguments.of("status", "done"),
        // An enum is not bound from its position: 0 would be DONE.
        Arguments.of("status", 0),
        Arguments.of("status", 1),
        Arguments.of("status", ""),
        Arguments.of("narrative", "   "),
        Arguments.of("narrative", 42),
        Arguments.of("difficulties", false),
        Arguments.of("narrative", Map.of("text", "x")));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("badReportValues")
  void reportingAWrongValueNamesTheField(String field, Object value) {
    String task = awaitingReport();
    Map<String, Object> body = validReport();
    body.put(field, value);
    assertThat(
            fieldsOf(
                refused(400, () -> as(Demo.JUSTICE_OFFICER).post(reportsOf(task), body), task)))
        .containsExactly(field);
  }

  @ParameterizedTest(name = "DONE at {0}%")
  @ValueSource(ints = {0, 90, 99})
  void reportingDoneWithProgressBelowAHundredNamesProgress(int progress) {
    String task = awaitingReport();
    JsonNode problem =
        refused(
            400,
            () ->
                as(Demo.JUSTICE_OFFICER)
                    .post(reportsOf(task), report("DONE", progress, "Hoàn thành")),
            task);
    assertThat(fieldsOf(problem)).containsExactly("progress");
  }

  @Test
  void reportingOnAnUnknownTaskIsNotFound() {
    refused(
        404,
        () -> as(Demo.JUSTICE_OFFICER).post(reportsOf("NV-2026-999999999"), validReport()),
        null);
  }

  @Test
  void reportingOnAnotherUnitsTaskIsNotFoundExactlyLikeAnUnknownTask() {
    String task = awaitingReport();
    String unknown = "NV-2026-999999999";
    JsonNode hidden =
        refused(404, () -> as(Demo.POLICE_OFFICER).post(reportsOf(task), validReport()), task);
    JsonNode missing =
        problem(as(Demo.POLICE_OFFICER).post(reportsOf(unknown), validReport()), 404);
    assertThat(withoutCode(hidden, task)).isEqualTo(withoutCode(missing, unknown));
  }

  @ParameterizedTest(name = "as {0}")
  @ValueSource(strings = {Demo.SUPERVISOR, Demo.LEADER})
  void reportingIsRefusedToMembersWhoAreNotOfficersOfTheLeadUnit(String member) {
    String task = awaitingReport();
    refused(403, () -> as(member).post(reportsOf(task), validReport()), task);
  }

  @Test
  void reportingWhileThePreviousReportIsUnderReviewIsAConflict() {
    Parked parked = underReview();
    refused(
        409,
        () -> as(Demo.JUSTICE_OFFICER).post(reportsOf(parked.task()), validReport()),
        parked.task(),
        parked.report());
  }

  @Test
  void reportingOnACompletedTaskIsAConflict() {
    String task = assignTo(Demo.JUSTICE, inDays(10));
    assertThat(
            as(Demo.JUSTICE_OFFICER)
                .post(reportsOf(task), report("DONE", 100, "Hoàn thành"))
                .status())
        .isEqualTo(201);
    long report = reportUnderReview(task);
    assertThat(as(Demo.SUPERVISOR).post(reviewOf(report), decision("APPROVE", null)).status())
        .isEqualTo(200);
    refused(
        409,
        () -> as(Demo.JUSTICE_OFFICER).post(reportsOf(task), report("DONE", 100, "Báo cáo lại")),
        task,
        report);
  }

  // ---------------------------------------------------------------- GET /reports/{id}

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"999999999", "0", "-1", "abc", "99999999999999999999"})
  void anUnknownOrMalformedReportIdIsNotFound(String id) {
    problem(as(Demo.SUPERVISOR).get("api/v1/reports/" + id), 404);
  }

  @Test
  void anotherUnitsReportIsNotFoundExactlyLikeOneThatDoesNotExist() {
    Parked parked = underReview();
    JsonNode hidden =
        problem(as(Demo.POLICE_OFFICER).get("api/v1/reports/" + parked.report()), 404);
    JsonNode missing = problem(as(Demo.POLICE_OFFICER).get("api/v1/reports/999999999"), 404);
    assertThat(withoutCode(hidden, String.valueOf(parked.report())))
        .isEqualTo(withoutCode(missing, "999999999"));
  }

  // ---------------------------------------------------------------- POST /reports/{id}/review

  @Test
  void reviewingWithAnEmptyObjectNamesTheDecision() {
    Parked parked = underReview();
    JsonNode problem =
        refused(
            400,
            () -> as(Demo.SUPERVISOR).post(reviewOf(parked.report()), "{}"),
            parked.task(),
            parked.report());
    assertThat(fieldsOf(problem)).containsExactly("decision");
  }

  static Stream<Arguments> badReviews() {
    return Stream.of(
        Arguments.of("decision", "MAYBE"),
        Arguments.of("decision", "approve"),
        Arguments.of("decision", ""),
        // An enum is not bound from its position: 0 would approve the report.
        Arguments.of("decision", 0),
        Arguments.of("decision", 1),
        Arguments.of("decision", List.of("APPROVE")),
        Arguments.of("decision", Map.of("value", "APPROVE")),
        Arguments.of("comment", 42),
        Arguments.of("comment", List.of("Thiếu số liệu")));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("badReviews")
  void reviewingWithAWrongValueNamesTheField(String field, Object value) {
    Parked parked = underReview();
    Map<String, Object> body = decision("RETURN", "Thiếu số liệu theo từng xã");
    body.put(field, value);
    JsonNode problem =
        refused(
            400,
            () -> as(Demo.SUPERVISOR).post(reviewOf(parked.report()), body),
            parked.task(),
            parked.report());
    assertThat(fieldsOf(problem)).containsExactly(field);
  }

  @ParameterizedTest(name = "{0} with comment [{1}]")
  @CsvSource(
      delimiter = '|',
      nullValues = "NONE",
      value = {
        "RETURN   | NONE",
        "RETURN   | ''",
        "RETURN   | '   '",
        "ESCALATE | NONE",
        "ESCALATE | ''",
        "ESCALATE | '\n'",
      })
  void returningOrEscalatingWithoutACommentNamesTheComment(String decision, String comment) {
    Parked parked = underReview();
    Map<String, Object> body = decision(decision, null);
    if (comment != null) {
      body.put("comment", comment);
    }
    JsonNode problem =
        refused(
            400,
            () -> as(Demo.SUPERVISOR).post(reviewOf(parked.report()), body),
            parked.task(),
            parked.report());
    assertThat(fieldsOf(problem)).containsExactly("comment");
  }

  @Test
  void reviewingAnUnknownReportIsNotFound() {
    refused(
        404,
        () -> as(Demo.SUPERVISOR).post(reviewOf(999_999_999L), decision("APPROVE", null)),
        null);
  }

  @Test
  void reviewingAnotherUnitsReportIsNotFoundExactlyLikeAnUnknownReport() {
    Parked parked = underReview();
    JsonNode hidden =
        refused(
            404,
            () ->
                as(Demo.POLICE_OFFICER).post(reviewOf(parked.report()), decision("APPROVE", null)),
            parked.task(),
            parked.report());
    JsonNode missing =
        problem(
            as(Demo.POLICE_OFFICER).post(reviewOf(999_999_999L), decision("APPROVE", null)), 404);
    assertThat(withoutCode(hidden, String.valueOf(parked.report())))
        .isEqualTo(withoutCode(missing, "999999999"));
  }

  @ParameterizedTest(name = "as {0}")
  @ValueSource(strings = {Demo.JUSTICE_OFFICER, Demo.LEADER})
  void reviewingIsRefusedToMembersWhoAreNotSupervisorsOfTheCommittee(String member) {
    Parked parked = underReview();
    refused(
        403,
        () -> as(member).post(reviewOf(parked.report()), decision("APPROVE", null)),
        parked.task(),
        parked.report());
  }

  @ParameterizedTest(name = "second decision {0}")
  @CsvSource(
      delimiter = '|',
      value = {"APPROVE | ", "RETURN | Thiếu số liệu", "ESCALATE | Xin ý kiến?"})
  void reviewingAReportThatWasAlreadyDecidedIsAConflict(String decision, String comment) {
    Parked parked = approved();
    refused(
        409,
        () -> as(Demo.SUPERVISOR).post(reviewOf(parked.report()), decision(decision, comment)),
        parked.task(),
        parked.report());
  }

  // ---------------------------------------------------------------- POST /tasks/{code}/direction

  static Stream<Arguments> badDirections() {
    return Stream.of(
        Arguments.of("{}"),
        Arguments.of("{\"direction\": null}"),
        Arguments.of("{\"direction\": \"\"}"),
        Arguments.of("{\"direction\": \"   \"}"),
        Arguments.of("{\"direction\": 42}"),
        Arguments.of("{\"direction\": [\"Bố trí kinh phí\"]}"),
        Arguments.of("{\"direction\": {\"text\": \"Bố trí kinh phí\"}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badDirections")
  void directingWithoutADirectionTextNamesTheDirection(String body) {
    Parked parked = escalated();
    JsonNode problem =
        refused(
            400,
            () -> as(Demo.LEADER).post(directionOf(parked.task()), body),
            parked.task(),
            parked.report());
    assertThat(fieldsOf(problem)).containsExactly("direction");
  }

  @Test
  void directingAnUnknownTaskIsNotFound() {
    refused(
        404, () -> as(Demo.LEADER).post(directionOf("NV-2026-999999999"), validDirection()), null);
  }

  @Test
  void directingAnotherUnitsTaskIsNotFoundExactlyLikeAnUnknownTask() {
    Parked parked = escalated();
    String unknown = "NV-2026-999999999";
    JsonNode hidden =
        refused(
            404,
            () -> as(Demo.JUSTICE_OFFICER).post(directionOf(parked.task()), validDirection()),
            parked.task(),
            parked.report());
    JsonNode missing =
        problem(as(Demo.JUSTICE_OFFICER).post(directionOf(unknown), validDirection()), 404);
    assertThat(withoutCode(hidden, parked.task())).isEqualTo(withoutCode(missing, unknown));
  }

  @ParameterizedTest(name = "as {0}")
  @ValueSource(strings = {Demo.SUPERVISOR, Demo.POLICE_OFFICER})
  void directingIsRefusedToMembersWhoDoNotLeadTheCommittee(String member) {
    Parked parked = escalated();
    refused(
        403,
        () -> as(member).post(directionOf(parked.task()), validDirection()),
        parked.task(),
        parked.report());
  }

  @Test
  void directingATaskWithNoEscalationPendingIsAConflict() {
    String task = awaitingReport();
    refused(409, () -> as(Demo.LEADER).post(directionOf(task), validDirection()), task);
    Parked parked = underReview();
    refused(
        409,
        () -> as(Demo.LEADER).post(directionOf(parked.task()), validDirection()),
        parked.task(),
        parked.report());
  }

  // ---------------------------------------------------------------- the control

  /**
   * Fixtures like the shared ones, refused once each and then sent the valid request: it succeeds
   * and moves the cycle. So the refusals above are down to what their rows change, not to a fixture
   * that would refuse anything.
   */
  @Test
  void validRequestsStillSucceedWhereTheRefusedOnesChangedNothing() {
    refused(400, () -> as(Demo.SUPERVISOR).post(TASKS, "{}"), null);
    String task = assignTo(Demo.POLICE, inDays(10));

    refused(403, () -> as(Demo.SUPERVISOR).post(reportsOf(task), validReport()), task);
    assertThat(as(Demo.POLICE_OFFICER).post(reportsOf(task), validReport()).status())
        .isEqualTo(201);
    long report = reportUnderReview(task);

    refused(
        400,
        () -> as(Demo.SUPERVISOR).post(reviewOf(report), decision("ESCALATE", " ")),
        task,
        report);
    assertThat(
            as(Demo.SUPERVISOR)
                .post(reviewOf(report), decision("ESCALATE", "Xin ý kiến về kinh phí?"))
                .status())
        .isEqualTo(200);
    assertThat(formKeysOf(task)).containsExactly("steerflow:direction");

    refused(
        400, () -> as(Demo.LEADER).post(directionOf(task), "{\"direction\": \" \"}"), task, report);
    assertThat(as(Demo.LEADER).post(directionOf(task), validDirection()).status()).isEqualTo(200);
    assertThat(formKeysOf(task)).containsExactly("steerflow:report");
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Sends a request that must be refused with the status and checks that it changed nothing: the
   * task's version, timeline and current steps, each report's review state and version, and the
   * work lists.
   */
  private JsonNode refused(
      int status, Supplier<ApiClient.Reply> request, String task, long... reports) {
    Map<String, JsonNode> before = stateOf(task, reports);
    JsonNode problem = problem(request.get(), status);
    assertThat(stateOf(task, reports)).as("state after a refused request").isEqualTo(before);
    return problem;
  }

  private JsonNode refusedAt(int status, Supplier<ApiClient.Reply> request, Target target) {
    return refused(status, request, target.task(), target.reports());
  }

  /**
   * Checks the answer is a problem+json of the status, with a human detail and no trace of the
   * server's insides.
   */
  private static JsonNode problem(ApiClient.Reply reply, int status) {
    assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
    assertThat(reply.contentType())
        .as("content type of %s", reply)
        .startsWith("application/problem+json");
    assertThat(reply.body())
        .as("problem body")
        .doesNotContain("Exception", "at vn.", "at org.", "at java.", "com.fasterxml", "\tat ");
    JsonNode problem = reply.json();
    assertThat(problem.path("status").asInt()).as("status member of %s", reply).isEqualTo(status);
    assertThat(problem.path("title").asText()).as("title of %s", reply).isNotBlank();
    assertThat(problem.path("detail").asText()).as("detail of %s", reply).hasSizeGreaterThan(10);
    problem
        .path("errors")
        .forEach(
            e -> {
              assertThat(e.path("field").asText())
                  .as("field of an error in %s", reply)
                  .isNotBlank();
              assertThat(e.path("message").asText())
                  .as("message of an error in %s", reply)
                  .isNotBlank();
            });
    return problem;
  }

  private static Set<String> fieldsOf(JsonNode problem) {
    Set<String> fields = new LinkedHashSet<>();
    problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }

  /**
   * The problem with the code or id it names blanked out, to compare two 404s for what they give
   * away.
   */
  private static String withoutCode(JsonNode problem, String code) {
    return problem.toString().replace(code, "<code>");
  }

  private Map<String, JsonNode> stateOf(String task, long... reports) {
    Map<String, JsonNode> state = new LinkedHashMap<>();
    if (task != null) {
      JsonNode view = as(Demo.SUPERVISOR).get(TASKS + "/" + task).json();
      for (String part : List.of("version", "timeline", "currentSteps", "outcome", "completedAt")) {
        state.put(task + "." + part, view.get(part));
      }
    }
    for (long report : reports) {
      JsonNode view = as(Demo.SUPERVISOR).get("api/v1/reports/" + report).json();
      state.put("report " + report + ".reviewState", view.get("reviewState"));
      state.put("report " + report + ".version", view.get("version"));
    }
    for (String member : WATCHED_MEMBERS) {
      state.put("work of " + member, as(member).get("api/v1/work?size=200").json());
    }
    return state;
  }

  private Target target(Write write) {
    return switch (write) {
      case ASSIGN -> new Target(as(Demo.SUPERVISOR), TASKS, validAssignment(), null);
      case REPORT ->
          new Target(
              as(Demo.JUSTICE_OFFICER),
              reportsOf(awaitingReport()),
              validReport(),
              awaitingReport());
      case REVIEW ->
          new Target(
              as(Demo.SUPERVISOR),
              reviewOf(underReview().report()),
              decision("APPROVE", null),
              underReview().task(),
              underReview().report());
      case DIRECTION ->
          new Target(
              as(Demo.LEADER),
              directionOf(escalated().task()),
              validDirection(),
              escalated().task(),
              escalated().report());
    };
  }

  private String awaitingReport() {
    if (awaitingReport == null) {
      awaitingReport = assignTo(Demo.JUSTICE, inDays(10));
    }
    return awaitingReport;
  }

  private Parked underReview() {
    if (underReview == null) {
      underReview = reported(Demo.JUSTICE, Demo.JUSTICE_OFFICER);
    }
    return underReview;
  }

  private Parked escalated() {
    if (escalated == null) {
      Parked parked = reported(Demo.POLICE, Demo.POLICE_OFFICER);
      decide(parked.report(), decision("ESCALATE", "Đề nghị chỉ đạo về kinh phí?"));
      escalated = parked;
    }
    return escalated;
  }

  private Parked approved() {
    if (approved == null) {
      Parked parked = reported(Demo.JUSTICE, Demo.JUSTICE_OFFICER);
      decide(parked.report(), decision("APPROVE", null));
      approved = parked;
    }
    return approved;
  }

  private Parked reported(String unit, String officer) {
    String task = assignTo(unit, inDays(10));
    ApiClient.Reply reply = as(officer).post(reportsOf(task), validReport());
    assertThat(reply.status()).as("report on %s: %s", task, reply).isEqualTo(201);
    return new Parked(task, reply.json().get("id").asLong());
  }

  private void decide(long report, Map<String, Object> decision) {
    ApiClient.Reply reply = as(Demo.SUPERVISOR).post(reviewOf(report), decision);
    assertThat(reply.status()).as("review of %s: %s", report, reply).isEqualTo(200);
  }

  private List<String> formKeysOf(String task) {
    List<String> keys = new ArrayList<>();
    as(Demo.SUPERVISOR)
        .get(TASKS + "/" + task)
        .json()
        .get("currentSteps")
        .forEach(s -> keys.add(s.get("formKey").asText()));
    return keys;
  }

  private static Map<String, Object> validAssignment() {
    return assignment(Demo.JUSTICE, inDays(10));
  }

  private static Map<String, Object> validReport() {
    return report("IN_PROGRESS", 40, "Đã số hoá 40% sổ hộ tịch");
  }

  private static Map<String, Object> validDirection() {
    return new LinkedHashMap<>(Map.of("direction", "Sở Tài chính bố trí kinh phí trong quý"));
  }

  private static String reportsOf(String task) {
    return TASKS + "/" + task + "/reports";
  }

  private static String reviewOf(long report) {
    return "api/v1/reports/" + report + "/review";
  }

  private static String directionOf(String task) {
    return TASKS + "/" + task + "/direction";
  }

  private static String json(Object body) {
    try {
      return ApiClient.JSON.writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
