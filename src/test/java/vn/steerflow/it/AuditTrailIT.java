package vn.steerflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * The audit trail over HTTP on the real server. A scripted day of work on one task (assign, report,
 * return, report, approve, an extension asked and granted, a report escalated and directed, the
 * last report approved) writes exactly the expected entries in order, and the requests refused on
 * the way write none. Admins find them by object, member, action and time range, page through them
 * and export them as CSV that reads back to the same entries; nobody else reads them, and nothing
 * over HTTP changes or removes one.
 */
@RunAsClient
class AuditTrailIT extends DeployedSteerflow {

  private static final String RETURN_REASON = "Bổ sung số liệu theo từng xã, ghi rõ \"đã số hoá\"";
  private static final String QUESTION = "Đề nghị bố trí kinh phí?";
  private static final String DIRECTION = "Sở Tài chính bố trí kinh phí trong quý này";

  @Test
  void aDayOfWorkWritesExactlyTheExpectedEntriesAndRefusedRequestsWriteNone() throws IOException {
    Instant start = Instant.now();
    OffsetDateTime deadline = inDays(10);
    OffsetDateTime extended = inDays(20);

    // refused before anything is written: an unknown lead unit
    assertStatus(
        as(Demo.SUPERVISOR).post("api/v1/tasks", assignment("NO-SUCH-UNIT", deadline)), 400);
    String code = assignTo(Demo.JUSTICE, deadline);
    assertStatus(
        as(Demo.JUSTICE_OFFICER).post(reports(code), report("DONE", 50, "chưa xong")), 400);
    long r1 = submit(code, report("IN_PROGRESS", 40, "Đã số hoá 40% số sổ"));
    assertStatus(as(Demo.SUPERVISOR).post(review(r1), decision("RETURN", null)), 400); // no reason
    assertStatus(as(Demo.SUPERVISOR).post(review(r1), decision("RETURN", RETURN_REASON)), 200);
    long r2 = submit(code, report("IN_PROGRESS", 60, "Đã số hoá 60%, có số liệu từng xã"));
    assertStatus(as(Demo.SUPERVISOR).post(review(r2), decision("APPROVE", null)), 200);
    assertStatus(
        as(Demo.JUSTICE_OFFICER)
            .post(extensions(code), Map.of("deadline", inDays(5).toString(), "reason", "sớm hơn")),
        400);
    ApiClient.Reply asked =
        as(Demo.JUSTICE_OFFICER)
            .post(
                extensions(code),
                Map.of("deadline", extended.toString(), "reason", "Chờ phần mềm hộ tịch mới"));
    assertStatus(asked, 201);
    long extension = asked.json().get("id").asLong();
    assertStatus(
        as(Demo.SUPERVISOR)
            .post("api/v1/extensions/" + extension + "/decision", Map.of("grant", true)),
        200);
    long r3 = submit(code, report("IN_PROGRESS", 80, "Đã số hoá 80%"));
    assertStatus(as(Demo.SUPERVISOR).post(review(r3), decision("ESCALATE", QUESTION)), 200);
    assertStatus(
        as(Demo.LEADER).post("api/v1/tasks/" + code + "/direction", Map.of("direction", DIRECTION)),
        200);
    long r4 = submit(code, report("DONE", 100, "Hoàn thành"));
    assertStatus(as(Demo.SUPERVISOR).post(review(r4), decision("APPROVE", null)), 200);
    Instant end = Instant.now();
    // the client's address as the server sees this test's connections (same machine)
    String client = InetAddress.getByName(base().getHost()).getHostAddress();

    List<JsonNode> day = oldestFirst(admin("objectType=TASK&objectId=" + code + "&size=200"));
    assertThat(day)
        .extracting(e -> e.get("actor").asText() + " " + e.get("action").asText())
        .containsExactly(
            "giamsat TASK_ASSIGNED",
            "sotuphap REPORT_SUBMITTED",
            "giamsat REPORT_REVIEWED",
            "sotuphap REPORT_SUBMITTED",
            "giamsat REPORT_REVIEWED",
            "sotuphap EXTENSION_REQUESTED",
            "giamsat EXTENSION_DECIDED",
            "sotuphap REPORT_SUBMITTED",
            "giamsat REPORT_REVIEWED",
            "lanhdao DIRECTION_GIVEN",
            "sotuphap REPORT_SUBMITTED",
            "giamsat REPORT_REVIEWED");
    for (JsonNode entry : day) {
      assertThat(entry.get("objectType").asText()).isEqualTo("TASK");
      assertThat(entry.get("objectId").asText()).isEqualTo(code);
      assertThat(entry.get("actingFor").isNull()).isTrue();
      assertThat(entry.get("clientAddress").asText()).isEqualTo(client);
      assertThat(entry.get("at").asText()).endsWith("Z");
      assertThat(Instant.parse(entry.get("at").asText())).isBetween(start, end);
    }

    // the values before and after: what changed, in the task's terms
    JsonNode assigned = day.get(0);
    assertThat(assigned.get("before").isNull()).isTrue();
    assertThat(assigned.get("after").get("leadUnit").asText()).isEqualTo(Demo.JUSTICE);
    assertThat(assigned.get("after").get("committee").asText()).isEqualTo(Demo.COMMITTEE);
    assertThat(Instant.parse(assigned.get("after").get("deadline").asText()))
        .isEqualTo(deadline.toInstant());
    assertThat(values(day.get(1).get("after")))
        .containsExactly(
            Map.entry("report", String.valueOf(r1)),
            Map.entry("status", "IN_PROGRESS"),
            Map.entry("progress", "40"));
    assertThat(values(day.get(2).get("before")))
        .containsExactly(
            Map.entry("report", String.valueOf(r1)), Map.entry("reviewState", "PENDING"));
    assertThat(values(day.get(2).get("after")))
        .containsExactly(
            Map.entry("report", String.valueOf(r1)),
            Map.entry("reviewState", "RETURNED"),
            Map.entry("comment", RETURN_REASON));
    assertThat(values(day.get(4).get("after")))
        .containsExactly(
            Map.entry("report", String.valueOf(r2)), Map.entry("reviewState", "APPROVED"));
    assertThat(day.get(5).get("after").get("extension").asLong()).isEqualTo(extension);
    assertThat(Instant.parse(day.get(5).get("after").get("requestedDeadline").asText()))
        .isEqualTo(extended.toInstant());
    JsonNode decided = day.get(6);
    assertThat(decided.get("before").get("state").asText()).isEqualTo("PENDING");
    assertThat(Instant.parse(decided.get("before").get("deadline").asText()))
        .isEqualTo(deadline.toInstant());
    assertThat(decided.get("after").get("state").asText()).isEqualTo("GRANTED");
    assertThat(Instant.parse(decided.get("after").get("deadline").asText()))
        .isEqualTo(extended.toInstant());
    assertThat(day.get(8).get("after").get("reviewState").asText()).isEqualTo("ESCALATED");
    assertThat(day.get(8).get("after").get("comment").asText()).isEqualTo(QUESTION);
    assertThat(day.get(9).get("after").get("direction").asText()).isEqualTo(DIRECTION);
    assertThat(values(day.get(11).get("after")))
        .containsExactly(
            Map.entry("report", String.valueOf(r4)),
            Map.entry("reviewState", "APPROVED"),
            Map.entry("taskStatus", "DONE"),
            Map.entry("outcome", "ON_TIME"));

    // by member: what each did since the start, and nothing the refused requests would have written
    assertThat(actions(admin("member=giamsat&objectType=TASK&from=" + start)))
        .containsExactly(
            "REPORT_REVIEWED",
            "REPORT_REVIEWED",
            "EXTENSION_DECIDED",
            "REPORT_REVIEWED",
            "REPORT_REVIEWED",
            "TASK_ASSIGNED");
    assertThat(actions(admin("member=sotuphap&objectType=TASK&from=" + start)))
        .containsExactly(
            "REPORT_SUBMITTED",
            "REPORT_SUBMITTED",
            "EXTENSION_REQUESTED",
            "REPORT_SUBMITTED",
            "REPORT_SUBMITTED");
    assertThat(actions(admin("member=lanhdao&objectType=TASK&from=" + start)))
        .containsExactly("DIRECTION_GIVEN");

    // by time range, both ends included; and by action
    assertThat(ids(admin("objectId=" + code + "&from=" + at(day.get(2)) + "&to=" + at(day.get(4)))))
        .containsExactly(id(day.get(4)), id(day.get(3)), id(day.get(2)));
    assertThat(actions(admin("objectId=" + code + "&action=DIRECTION_GIVEN,EXTENSION_DECIDED")))
        .containsExactly("DIRECTION_GIVEN", "EXTENSION_DECIDED");

    // pages follow one another without overlap, newest first
    List<Long> paged = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      JsonNode reply =
          as(Demo.ADMIN).get(audit("objectId=" + code + "&size=5&page=" + page)).json();
      assertThat(reply.get("total").asLong()).isEqualTo(12);
      reply.get("items").forEach(e -> paged.add(e.get("id").asLong()));
    }
    List<Long> newestFirst = new ArrayList<>(day.stream().map(AuditTrailIT::id).toList());
    java.util.Collections.reverse(newestFirst);
    assertThat(paged).isEqualTo(newestFirst);

    // the CSV export holds the same entries, newest first, readable by a spreadsheet
    Download csv = download("api/v1/audit.csv?objectType=TASK&objectId=" + code, "text/csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv").contains("UTF-8");
    assertThat(csv.disposition()).isEqualTo("attachment; filename=\"steerflow-audit.csv\"");
    assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
    List<List<String>> rows =
        parseCsv(new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8));
    assertThat(rows.get(0))
        .containsExactly(
            "id",
            "at",
            "actor",
            "actingFor",
            "action",
            "objectType",
            "objectId",
            "before",
            "after",
            "clientAddress");
    assertThat(rows).hasSize(13);
    for (int i = 1; i < rows.size(); i++) {
      JsonNode entry = day.get(day.size() - i);
      List<String> row = rows.get(i);
      assertThat(row.get(0)).isEqualTo(String.valueOf(id(entry)));
      assertThat(Instant.parse(row.get(1))).isEqualTo(Instant.parse(at(entry)));
      assertThat(row.subList(2, 7))
          .containsExactly(
              entry.get("actor").asText(), "", entry.get("action").asText(), "TASK", code);
      assertThat(json(row.get(7))).isEqualTo(entry.get("before"));
      assertThat(json(row.get(8))).isEqualTo(entry.get("after"));
      assertThat(row.get(9)).isEqualTo(client);
    }
    assertThat(rows.get(rows.size() - 1 - 2).get(8)).contains(RETURN_REASON.replace("\"", "\\\""));
    // Accept: text/csv on the listing gives the same file
    Download negotiated = download(audit("objectType=TASK&objectId=" + code), "text/csv");
    assertThat(negotiated.status()).isEqualTo(200);
    assertThat(negotiated.body()).isEqualTo(csv.body());
  }

  @Test
  void aModelerDeploymentAMigrationAndASubstitutesDirectionAreAuditedAsWhoDidThem()
      throws IOException {
    Instant start = Instant.now();
    // a task on the version in force, and a new version deployed from Camunda Modeler
    String code = assignTo(Demo.JUSTICE, inDays(10));
    String source =
        as(Demo.ADMIN)
            .get("engine-rest/process-definition/key/task-cycle")
            .json()
            .get("id")
            .asText();
    Download deployed = deployAsModeler(renamedTaskCycle("Task cycle " + UUID.randomUUID()));
    assertThat(deployed.status())
        .as(new String(deployed.body(), StandardCharsets.UTF_8))
        .isEqualTo(200);
    JsonNode deployment = ApiClient.JSON.readTree(deployed.body());
    String target =
        deployment.get("deployedProcessDefinitions").elements().next().get("id").asText();
    // deploying the same model again adds nothing, and records nothing
    assertThat(deployAsModeler(new String(modelOf(target), StandardCharsets.UTF_8)).status())
        .isEqualTo(200);

    List<JsonNode> deployments = admin("objectType=DEPLOYMENT&action=MODEL_DEPLOYED&from=" + start);
    assertThat(deployments).hasSize(1);
    JsonNode entry = deployments.get(0);
    assertThat(entry.get("actor").asText()).isEqualTo(Demo.ADMIN);
    assertThat(entry.get("objectId").asText()).isEqualTo(deployment.get("id").asText());
    assertThat(entry.get("after").get("source").asText()).isEqualTo("Camunda Modeler");
    assertThat(entry.get("after").get("resources").get(0).asText()).isEqualTo("task-cycle.bpmn");
    assertThat(entry.get("after").get("processDefinitions").get(0).asText())
        .startsWith("task-cycle:");

    // the admin moves the task's cycle to it: a dry run records nothing, the move one entry
    Map<String, Object> migration = new LinkedHashMap<>();
    migration.put("source", source);
    migration.put("target", target);
    migration.put("taskCodes", List.of(code));
    migration.put("dryRun", true);
    assertStatus(as(Demo.ADMIN).post("api/v1/admin/migrations", migration), 200);
    assertThat(actions(admin("objectId=" + code))).containsExactly("TASK_ASSIGNED");
    migration.put("dryRun", false);
    ApiClient.Reply moved = as(Demo.ADMIN).post("api/v1/admin/migrations", migration);
    assertStatus(moved, 200);
    assertThat(moved.json().get("instances").get(0).get("status").asText()).isEqualTo("MIGRATED");
    JsonNode migrated = admin("objectId=" + code).get(0);
    assertThat(migrated.get("actor").asText()).isEqualTo(Demo.ADMIN);
    assertThat(migrated.get("action").asText()).isEqualTo("TASK_MIGRATED");
    assertThat(migrated.get("before").get("processDefinition").asText()).isEqualTo(source);
    assertThat(migrated.get("after").get("processDefinition").asText()).isEqualTo(target);

    // the leader names a substitute, who answers an escalation for him; then the leader ends it
    endSubstitutionsOf(Demo.LEADER);
    Instant leaderStart = Instant.now();
    String substitute = "audit-pct-" + System.currentTimeMillis();
    Map<String, Object> member = new LinkedHashMap<>();
    member.put("username", substitute);
    member.put("fullName", "Phó Chánh văn phòng");
    member.put("unit", "UBND-LC");
    member.put("roles", List.of("OFFICER"));
    member.put("password", Demo.PASSWORD);
    assertStatus(as(Demo.ADMIN).post("api/v1/members", member), 201);
    assertThat(ApiClient.as(base(), substitute, "Sai-mật-khẩu-2026").get("api/v1/session").status())
        .isEqualTo(401);
    ApiClient.Reply named =
        as(Demo.LEADER)
            .post(
                "api/v1/substitutions",
                Map.of(
                    "substitute",
                    substitute,
                    "until",
                    OffsetDateTime.now().plusHours(1).withNano(0).toString(),
                    "reason",
                    "Đi công tác Trung ương"));
    assertStatus(named, 201);
    String substitution = named.json().get("id").asText();
    assertStatus(
        as(Demo.JUSTICE_OFFICER).post(reports(code), report("IN_PROGRESS", 30, "Vướng kinh phí")),
        201);
    assertStatus(
        as(Demo.SUPERVISOR).post(review(reportUnderReview(code)), decision("ESCALATE", QUESTION)),
        200);
    assertStatus(
        as(substitute).post("api/v1/tasks/" + code + "/direction", Map.of("direction", DIRECTION)),
        200);
    assertStatus(
        as(Demo.LEADER)
            .post(
                "api/v1/substitutions/" + substitution + "/end",
                Map.of("version", named.json().get("version").asLong())),
        200);

    JsonNode direction = admin("objectId=" + code + "&action=DIRECTION_GIVEN").get(0);
    assertThat(direction.get("actor").asText()).isEqualTo(substitute);
    assertThat(direction.get("actingFor").asText()).isEqualTo(Demo.LEADER);
    List<JsonNode> substitutionEntries =
        oldestFirst(admin("objectType=SUBSTITUTION&objectId=" + substitution));
    assertThat(substitutionEntries)
        .extracting(e -> e.get("actor").asText() + " " + e.get("action").asText())
        .containsExactly("lanhdao SUBSTITUTION_NAMED", "lanhdao SUBSTITUTION_ENDED");
    assertThat(substitutionEntries.get(0).get("after").get("substitute").asText())
        .isEqualTo(substitute);
    assertThat(substitutionEntries.get(1).get("after").get("cancelled").asBoolean()).isTrue();
    // by member, the leader's trail holds what was done for him as well as what he did
    assertThat(
            admin(
                    "member="
                        + Demo.LEADER
                        + "&action=SUBSTITUTION_NAMED,SUBSTITUTION_ENDED,DIRECTION_GIVEN&from="
                        + leaderStart)
                .stream()
                .map(e -> e.get("actor").asText() + " " + e.get("action").asText())
                .toList())
        .containsExactly(
            "lanhdao SUBSTITUTION_ENDED",
            substitute + " DIRECTION_GIVEN",
            "lanhdao SUBSTITUTION_NAMED");
    // the substitute's logins: the wrong password first, then one check of the right one (the
    // short cache of checked credentials answers the requests after it)
    List<JsonNode> logins = oldestFirst(admin("objectType=MEMBER&objectId=" + substitute));
    assertThat(logins)
        .extracting(e -> e.get("actor").asText() + " " + e.get("action").asText())
        .containsExactly(
            "admin MEMBER_CREATED", "anonymous LOGIN_FAILED", substitute + " LOGIN_SUCCEEDED");
    assertThat(values(logins.get(1).get("after")))
        .containsExactly(Map.entry("channel", "BASIC"), Map.entry("reason", "WRONG_PASSWORD"));
    assertThat(values(logins.get(2).get("after"))).containsExactly(Map.entry("channel", "BASIC"));
    assertThat(as(Demo.ADMIN).get(audit("objectId=" + substitute)).body())
        .doesNotContain(Demo.PASSWORD)
        .doesNotContain("Sai-mật-khẩu");
  }

  @Test
  void organisationChangesRecordOnlyWhatChangedAndNeverAPassword() {
    String suffix = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
    String unit = "AUD-" + suffix;
    String username = "audit-" + suffix.toLowerCase();
    Map<String, Object> newUnit = new LinkedHashMap<>();
    newUnit.put("code", unit);
    newUnit.put("name", "Phòng Kiểm toán");
    newUnit.put("kind", "DEPARTMENT");
    newUnit.put("parent", "UBND-LC");
    assertStatus(as(Demo.ADMIN).post("api/v1/units", newUnit), 201);
    long unitVersion = as(Demo.ADMIN).get("api/v1/units/" + unit).json().get("version").asLong();
    // refused: a parent that does not exist; nothing recorded
    assertStatus(
        as(Demo.ADMIN)
            .put(
                "api/v1/units/" + unit,
                Map.of("name", "Phòng Thanh tra", "parent", "NO-SUCH", "version", unitVersion)),
        400);
    assertStatus(
        as(Demo.ADMIN)
            .put(
                "api/v1/units/" + unit,
                Map.of("name", "Phòng Thanh tra", "parent", "UBND-LC", "version", unitVersion)),
        200);

    Map<String, Object> member = new LinkedHashMap<>();
    member.put("username", username);
    member.put("fullName", "Nguyễn Văn Kiểm");
    member.put("unit", unit);
    member.put("roles", List.of("OFFICER"));
    member.put("password", Demo.PASSWORD);
    assertStatus(as(Demo.ADMIN).post("api/v1/members", member), 201);
    long memberVersion =
        as(Demo.ADMIN).get("api/v1/members/" + username).json().get("version").asLong();
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("fullName", "Nguyễn Văn Kiểm");
    change.put("unit", unit);
    change.put("committee", Demo.COMMITTEE);
    change.put("roles", List.of("OFFICER", "SUPERVISOR"));
    change.put("password", "Mật-khẩu-mới-2026!");
    change.put("version", memberVersion);
    assertStatus(as(Demo.ADMIN).put("api/v1/members/" + username, change), 200);
    assertStatus(as(Demo.ADMIN).post("api/v1/members/" + username + "/deactivate", Map.of()), 200);

    List<JsonNode> unitEntries = oldestFirst(admin("objectType=UNIT&objectId=" + unit));
    assertThat(actions(unitEntries)).containsExactly("UNIT_CREATED", "UNIT_CHANGED");
    assertThat(unitEntries.get(0).get("after").get("parent").asText()).isEqualTo("UBND-LC");
    assertThat(values(unitEntries.get(1).get("before")))
        .containsExactly(Map.entry("name", "Phòng Kiểm toán"));
    assertThat(values(unitEntries.get(1).get("after")))
        .containsExactly(Map.entry("name", "Phòng Thanh tra"));

    List<JsonNode> memberEntries = oldestFirst(admin("objectType=MEMBER&objectId=" + username));
    assertThat(memberEntries)
        .extracting(e -> e.get("actor").asText() + " " + e.get("action").asText())
        .containsExactly(
            "admin MEMBER_CREATED",
            "admin PASSWORD_CHANGED",
            "admin MEMBER_CHANGED",
            "admin MEMBER_DEACTIVATED");
    assertThat(memberEntries.get(0).get("after").get("roles").toString())
        .isEqualTo("[\"OFFICER\"]");
    assertThat(memberEntries.get(1).get("before").isNull()).isTrue();
    assertThat(memberEntries.get(1).get("after").isNull()).isTrue();
    JsonNode changed = memberEntries.get(2);
    assertThat(changed.get("before").toString())
        .isEqualTo("{\"roles\":[\"OFFICER\"],\"committee\":null}");
    assertThat(changed.get("after").toString())
        .isEqualTo("{\"roles\":[\"OFFICER\",\"SUPERVISOR\"],\"committee\":\"BCD-LC\"}");
    assertThat(values(memberEntries.get(3).get("after")))
        .containsExactly(Map.entry("active", "false"));
    // no password, hash or salt anywhere in the member's trail
    String trail = as(Demo.ADMIN).get(audit("objectId=" + username)).body();
    assertThat(trail)
        .doesNotContain("Mật-khẩu")
        .doesNotContain("pbkdf2")
        .doesNotContain(Demo.PASSWORD);
  }

  @Test
  void onlyAdminsReadTheTrailAndNothingOverHttpChangesIt() {
    assertThat(as(Demo.ADMIN).get(audit("size=1")).status()).isEqualTo(200);
    for (String member : List.of(Demo.SUPERVISOR, Demo.LEADER, Demo.JUSTICE_OFFICER)) {
      assertProblem(as(member).get(audit("size=1")), 403);
      Download refused = download("api/v1/audit.csv", "text/csv", member);
      assertThat(refused.status()).as(member).isEqualTo(403);
      assertThat(refused.contentType()).startsWith("application/problem+json");
    }
    assertThat(ApiClient.anonymous(base()).get(audit("size=1")).status()).isEqualTo(401);

    long newest = as(Demo.ADMIN).get(audit("size=1")).json().get("items").get(0).get("id").asLong();
    for (String method : List.of("PUT", "DELETE", "PATCH", "POST")) {
      assertThat(send(method, "api/v1/audit/" + newest)).as(method + " one entry").isIn(404, 405);
      assertThat(send(method, "api/v1/audit")).as(method + " the trail").isEqualTo(405);
    }
    assertThat(as(Demo.ADMIN).get(audit("size=1")).json().get("items").get(0).get("id").asLong())
        .isEqualTo(newest);
  }

  @Test
  void badQueryParametersAreNamedInOneAnswer() {
    ApiClient.Reply reply =
        as(Demo.ADMIN)
            .get(
                audit(
                    "objectType=FOLDER&from=yesterday&to=2026-01-01&action=TASK_ASSIGNED,EATEN&size=500"));
    assertProblem(reply, 400, "objectType", "from", "to", "action", "size");
    assertProblem(
        as(Demo.ADMIN).get(audit("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")), 400, "to");
    assertProblem(as(Demo.ADMIN).get("api/v1/audit.csv?action=NOPE"), 400, "action");
  }

  // ---------------------------------------------------------------------------------- helpers

  private long submit(String code, Map<String, Object> report) {
    ApiClient.Reply reply = as(Demo.JUSTICE_OFFICER).post(reports(code), report);
    assertStatus(reply, 201);
    return reply.json().get("id").asLong();
  }

  private static String reports(String code) {
    return "api/v1/tasks/" + code + "/reports";
  }

  private static String extensions(String code) {
    return "api/v1/tasks/" + code + "/extensions";
  }

  private static String review(long report) {
    return "api/v1/reports/" + report + "/review";
  }

  private static String audit(String query) {
    return "api/v1/audit?" + query;
  }

  /** Every entry the admin's query finds (at most one page of 200), newest first. */
  private List<JsonNode> admin(String query) {
    ApiClient.Reply reply =
        as(Demo.ADMIN).get(audit(query + (query.contains("size=") ? "" : "&size=200")));
    assertStatus(reply, 200);
    List<JsonNode> entries = new ArrayList<>();
    reply.json().get("items").forEach(entries::add);
    assertThat(reply.json().get("total").asLong()).isEqualTo(entries.size());
    return entries;
  }

  private static List<JsonNode> oldestFirst(List<JsonNode> newestFirst) {
    List<JsonNode> entries = new ArrayList<>(newestFirst);
    java.util.Collections.reverse(entries);
    return entries;
  }

  private static List<String> actions(List<JsonNode> entries) {
    return entries.stream().map(e -> e.get("action").asText()).toList();
  }

  private static List<Long> ids(List<JsonNode> entries) {
    return entries.stream().map(AuditTrailIT::id).toList();
  }

  private static long id(JsonNode entry) {
    return entry.get("id").asLong();
  }

  private static String at(JsonNode entry) {
    return entry.get("at").asText();
  }

  /** A flat JSON object's fields, as text, in order. */
  private static Map<String, String> values(JsonNode object) {
    Map<String, String> values = new LinkedHashMap<>();
    object.fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().asText()));
    return values;
  }

  private static JsonNode json(String text) {
    try {
      return text.isEmpty() ? ApiClient.JSON.nullNode() : ApiClient.JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(text, e);
    }
  }

  private static void assertStatus(ApiClient.Reply reply, int status) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
  }

  private static void assertProblem(ApiClient.Reply reply, int status, String... fields) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
    if (fields.length > 0) {
      List<String> named = new ArrayList<>();
      reply.json().get("errors").forEach(e -> named.add(e.get("field").asText()));
      assertThat(named).as(reply.toString()).containsExactlyInAnyOrder(fields);
    }
  }

  private record Download(int status, String contentType, String disposition, byte[] body) {}

  private Download download(String path, String accept) {
    return download(path, accept, Demo.ADMIN);
  }

  private Download download(String path, String accept, String member) {
    HttpResponse<byte[]> response =
        exchange(
            request(path, member).header("Accept", accept).GET(),
            HttpResponse.BodyHandlers.ofByteArray());
    return new Download(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.headers().firstValue("Content-Disposition").orElse(""),
        response.body());
  }

  /** The status an admin's request of the method gets, with a JSON body unless it is a DELETE. */
  private int send(String method, String path) {
    HttpRequest.Builder request = request(path, Demo.ADMIN);
    if (method.equals("DELETE")) {
      request.DELETE();
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString("{\"actor\":\"nobody\"}"));
    }
    return exchange(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private HttpRequest.Builder request(String path, String member) {
    String credentials = member + ":" + Demo.PASSWORD;
    return HttpRequest.newBuilder(base().resolve(path))
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  private static <T> HttpResponse<T> exchange(
      HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
    try {
      return HttpClient.newHttpClient().send(request.build(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Ends the leader's current and upcoming substitutions left by other tests in this database. */
  private void endSubstitutionsOf(String leader) {
    for (String state : List.of("CURRENT", "UPCOMING")) {
      for (JsonNode s :
          as(leader)
              .get("api/v1/substitutions?size=200&state=" + state + "&leader=" + leader)
              .json()
              .get("items")) {
        assertStatus(
            as(leader)
                .post(
                    "api/v1/substitutions/" + s.get("id").asText() + "/end",
                    Map.of("version", s.get("version").asLong())),
            200);
      }
    }
  }

  /** The bundled task cycle under another name: the same behaviour, a new version. */
  private static String renamedTaskCycle(String name) throws IOException {
    try (var in = AuditTrailIT.class.getClassLoader().getResourceAsStream("bpmn/task-cycle.bpmn")) {
      String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String renamed =
          xml.replaceFirst("(<bpmn:process id=\"task-cycle\" name=\")[^\"]*\"", "$1" + name + "\"");
      assertThat(renamed).isNotEqualTo(xml);
      return renamed;
    }
  }

  /** The XML of a deployed definition, as the engine keeps it. */
  private byte[] modelOf(String definitionId) throws IOException {
    return ApiClient.JSON
        .readTree(
            download("engine-rest/process-definition/" + definitionId + "/xml", "application/json")
                .body())
        .get("bpmn20Xml")
        .asText()
        .getBytes(StandardCharsets.UTF_8);
  }

  /** What Camunda Modeler posts when Deploy is pressed, as the admin. */
  private Download deployAsModeler(String xml) {
    String boundary = "----audit" + UUID.randomUUID().toString().replace("-", "");
    StringBuilder body = new StringBuilder();
    for (String[] field :
        List.of(
            new String[] {"deployment-name", "Task cycle (audit)"},
            new String[] {"deployment-source", "Camunda Modeler"},
            new String[] {"enable-duplicate-filtering", "true"})) {
      body.append("--")
          .append(boundary)
          .append("\r\nContent-Disposition: form-data; name=\"")
          .append(field[0])
          .append("\"\r\n\r\n")
          .append(field[1])
          .append("\r\n");
    }
    body.append("--")
        .append(boundary)
        .append(
            "\r\nContent-Disposition: form-data; name=\"task-cycle.bpmn\"; filename=\"task-cycle.bpmn\"")
        .append("\r\nContent-Type: text/xml\r\n\r\n")
        .append(xml)
        .append("\r\n--")
        .append(boundary)
        .append("--\r\n");
    HttpResponse<byte[]> response =
        exchange(
            request("engine-rest/deployment/create", Demo.ADMIN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)),
            HttpResponse.BodyHandlers.ofByteArray());
    return new Download(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        "",
        response.body());
  }

  /** RFC 4180: records end with CRLF; quoted fields may hold commas, CR, LF and doubled quotes. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    assertThat(field).as("the file ends with CRLF").isEmpty();
    assertThat(row).isEmpty();
    return rows;
  }
}
