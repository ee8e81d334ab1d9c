package vn.steerflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import vn.steerflow.security.AccessMatrix;

/**
 * The access matrix ({@code src/test/resources/access-matrix.csv}) on the real server: every row,
 * as every caller, over HTTP; all mismatches are collected and reported at once. Read-only calls
 * and refusals share one set of objects made once; each allowed change gets a fresh object, so the
 * status expected is exact (an allowed review needs a report awaiting review, and gets its own).
 * Each refusal is made a second time with an invalid request, which must be refused the same way. A
 * change to the caller's own account (the password) is undone at once, as the caller.
 *
 * <p>Then what the matrix cannot say: no query parameter widens a list, and who holds no committee
 * role is refused before the body is read.
 */
@RunAsClient
class AccessMatrixIT extends DeployedSteerflow {

  private static final String RUN =
      Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
  private static final String API = "api/v1/";
  private static final String ENGINE = "engine-rest/";
  private static final String PROBE_PROCESS = "access-matrix-probe";
  private static final String MARK = "Ma trận quyền " + RUN;

  /** What a caller changes their own password to, and back at once. */
  private static final String CHANGED_PASSWORD = Demo.PASSWORD + "-" + RUN;

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final AccessMatrix MATRIX = AccessMatrix.load();
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /** Far enough ahead that no other test's substitutions of lanhdao meet these; 1-minute slots. */
  private static final OffsetDateTime SUBSTITUTION_SLOTS =
      OffsetDateTime.now(ZoneOffset.UTC)
          .truncatedTo(ChronoUnit.MINUTES)
          .plusDays(400)
          .plusMinutes(2L * ThreadLocalRandom.current().nextInt(200_000));

  /** The objects read-only calls and refusals act on; made once for the class. */
  private static Fixture shared;

  /** Every task this class assigned: none of them may show up in CAT's lists. */
  private static final Set<String> ourTasks = ConcurrentHashMap.newKeySet();

  // ---------------------------------------------------------------------------------- the matrix

  @Test
  void everyRowOfTheAccessMatrixHoldsOverHttp() {
    Fixture f = shared();
    Map<String, Recipe> recipes = recipes();
    List<String> mismatches = new ArrayList<>();
    long started = System.nanoTime();
    int calls = 0;
    try {
      for (AccessMatrix.Row row : MATRIX.rows()) {
        Recipe recipe = recipes.get(row.operation());
        if (recipe == null) {
          mismatches.add(row.operation() + ": AccessMatrixIT has no recipe for calling it");
          continue;
        }
        for (String caller : MATRIX.callers()) {
          int expected = row.expected(caller);
          boolean allowedChange = expected / 100 == 2 && !row.method().equals("GET");
          // who is calling, for the operations on the caller's own account
          Fixture mine = f.with("me", loginOf(caller));
          Call call;
          try {
            call = recipe.call().apply(allowedChange ? recipe.fresh().apply(mine) : mine);
          } catch (RuntimeException | AssertionError e) {
            mismatches.add(
                row.operation() + " as " + caller + ": its fixture failed: " + e.getMessage());
            continue;
          }
          if (!call.matches(row)) {
            mismatches.add(
                row.operation() + ": the recipe calls " + call.method() + " " + call.path());
            continue;
          }
          calls++;
          Reply reply = check(caller, call, expected, "", mismatches);
          if (reply.status() / 100 == 2) {
            try {
              recipe.undo().accept(caller);
            } catch (RuntimeException | AssertionError e) {
              mismatches.add(
                  row.operation() + " as " + caller + ": could not undo it: " + e.getMessage());
            }
          }
          if (expected / 100 != 2
              && !recipe.bodyDecidesWho()
              && (expected != 404 || !recipe.namedByQuery())) {
            Call invalid = recipe.invalid().apply(mine);
            if (invalid != null) {
              calls++;
              check(caller, invalid, expected, " with an invalid request", mismatches);
            }
          }
        }
      }
    } finally {
      endOurSubstitutions();
    }
    System.out.printf(
        "AccessMatrixIT: %d operations × %d callers, %d calls in %d s%n",
        MATRIX.rows().size(),
        MATRIX.callers().size(),
        calls,
        Duration.ofNanos(System.nanoTime() - started).toSeconds());
    assertThat(mismatches)
        .as("%d calls disagree with %s", mismatches.size(), AccessMatrix.RESOURCE)
        .isEmpty();
  }

  private Reply check(
      String caller, Call call, int expected, String variant, List<String> mismatches) {
    Reply reply = send(caller, call);
    if (reply.status() != expected) {
      mismatches.add(
          call.method()
              + " "
              + call.path()
              + variant
              + " as "
              + caller
              + ": expected "
              + expected
              + " got "
              + reply.status()
              + " ("
              + excerpt(reply.body())
              + ")");
    }
    return reply;
  }

  // ---------------------------------------------------------------------------------- lists

  /** Whatever an officer of CAT passes, a list shows CAT's work only; so for the others. */
  @Test
  void noQueryParameterWidensWhatACallerSees() {
    Fixture f = shared();
    String task = f.get("task");
    String plan = f.get("plan");
    List<String> problems = new ArrayList<>();

    // Tasks: an officer of CAT sees CAT's tasks, whatever filter or unknown parameter it adds.
    for (String query :
        List.of(
            "",
            "unit=STP",
            "unit=SAPA",
            "q=" + encode(MARK),
            "outcome=IN_PROGRESS&overdue=false",
            "committee=BCD-LC",
            "leadUnit=STP",
            "visibility=all&all=true&admin=true",
            "unit=STP&committee=BCD-LC&sort=deadline&dir=desc")) {
      JsonNode page = ok(as(Demo.POLICE_OFFICER).get(API + "tasks?size=200&" + query), problems);
      for (JsonNode item : items(page)) {
        if (!involves(item, Demo.POLICE) || ourTasks.contains(item.get("code").asText())) {
          problems.add("CAT's task list ?" + query + " shows " + item.get("code").asText());
        }
      }
    }
    // A plan CAT may not read is answered as one that does not exist, not as an empty page.
    ApiClient.Reply hidden = as(Demo.POLICE_OFFICER).get(API + "tasks?plan=" + plan);
    ApiClient.Reply unknown = as(Demo.POLICE_OFFICER).get(API + "tasks?plan=KH-KHONG-CO-" + RUN);
    if (hidden.status() != 400
        || unknown.status() != 400
        || !hidden
            .body()
            .replace(plan, "?")
            .equals(unknown.body().replace("KH-KHONG-CO-" + RUN, "?"))) {
      problems.add(
          "CAT filtering by a plan it may not read gets '"
              + hidden
              + "', by an unknown one '"
              + unknown
              + "'");
    }
    // An object by its id stays hidden, whatever is added to the address.
    for (String path :
        List.of(
            "tasks/" + task + "?unit=CAT",
            "tasks/" + task + "?committee=BCD-LC",
            "reports/" + f.get("report") + "?unit=STP",
            "plans/" + plan + "?unit=STP",
            "extensions/" + f.get("extension") + "?unit=STP")) {
      expectStatus(as(Demo.POLICE_OFFICER).get(API + path), 404, "CAT GET " + path, problems);
    }

    // The work list: CAT's steps only.
    for (String query :
        List.of("", "unit=STP", "group=unit:STP", "candidateGroup=supervisors:BCD-LC&all=true")) {
      for (JsonNode item :
          ok(as(Demo.POLICE_OFFICER).get(API + "work?size=200&" + query), problems)) {
        if (ourTasks.contains(item.get("taskCode").asText())) {
          problems.add("CAT's work list ?" + query + " shows " + item.get("taskCode").asText());
        }
      }
    }
    // Plans: CAT has no task in ours.
    for (String query : List.of("", "committee=BCD-LC", "unit=STP", "code=" + plan)) {
      for (JsonNode item :
          items(ok(as(Demo.POLICE_OFFICER).get(API + "plans?size=200&" + query), problems))) {
        if (item.get("code").asText().equals(plan)) {
          problems.add("CAT's plan list ?" + query + " shows " + plan);
        }
      }
    }
    // Bottlenecks: none raised by or for CAT in our tasks.
    for (String query :
        List.of("", "task=" + task, "committee=BCD-LC", "unit=STP", "resolver=LEADERS")) {
      for (JsonNode item :
          items(ok(as(Demo.POLICE_OFFICER).get(API + "bottlenecks?size=200&" + query), problems))) {
        if (ourTasks.contains(item.get("task").asText())) {
          problems.add("CAT's bottleneck list ?" + query + " shows " + item.get("id").asText());
        }
      }
    }
    // Substitutions: CAT's officer is no one's leader or substitute.
    for (String query : List.of("leader=" + Demo.LEADER, "substitute=" + Demo.SUPERVISOR)) {
      long total =
          ok(as(Demo.POLICE_OFFICER).get(API + "substitutions?" + query), problems)
              .path("total")
              .asLong(-1);
      if (total != 0) {
        problems.add("CAT's substitutions ?" + query + ": " + total);
      }
    }

    // A supervisor of another committee: that committee has no tasks or plans, so nothing at all.
    String other = f.get("otherSupervisor");
    LocalDate today = LocalDate.now();
    for (String path :
        List.of(
            "tasks?size=200",
            "tasks?size=200&unit=STP",
            "tasks?size=200&committee=BCD-LC",
            "plans?size=200",
            "plans?size=200&committee=BCD-LC",
            "bottlenecks?size=200&committee=BCD-LC&task=" + task,
            "substitutions?leader=" + Demo.LEADER)) {
      long total = ok(as(other).get(API + path), problems).path("total").asLong(-1);
      if (total != 0) {
        problems.add("the other committee's supervisor: GET " + path + " total " + total);
      }
    }
    JsonNode otherWork =
        ok(as(other).get(API + "work?size=200&group=supervisors:BCD-LC"), problems);
    if (otherWork.size() != 0) {
      problems.add("the other committee's supervisor has work: " + excerpt(otherWork.toString()));
    }
    for (String query :
        List.of(
            "from=" + today.minusYears(1) + "&to=" + today.plusYears(2),
            "from=" + today.minusYears(1) + "&to=" + today.plusYears(2) + "&committee=BCD-LC")) {
      long total =
          ok(as(other).get(API + "dashboard/statistics?" + query), problems)
              .path("total")
              .asLong(-1);
      if (total != 0) {
        problems.add("the other committee's dashboard ?" + query + " counts " + total);
      }
    }
    expectStatus(
        as(other).get(API + "dashboard/ranking?plan=" + plan),
        404,
        "the other committee's supervisor, BCD-LC's plan's ranking",
        problems);

    // An admin manages the organisation; no parameter makes them a reader of the work.
    for (String path :
        List.of("tasks?unit=STP&size=200", "plans?committee=BCD-LC", "tasks?plan=" + plan)) {
      ApiClient.Reply reply = as(Demo.ADMIN).get(API + path);
      long total = reply.status() == 200 ? reply.json().path("total").asLong(-1) : -1;
      if (!(total == 0 || reply.status() == 400)) {
        problems.add("admin GET " + path + ": " + reply);
      }
    }

    assertThat(problems).as("lists that show more than the caller may see").isEmpty();
  }

  /**
   * Assigning a task and issuing a plan name their committee in the body, so the matrix checks them
   * with valid bodies only; here, that who may never assign is refused whatever they send, and who
   * supervises another committee is refused before the rest of the body is judged. Nothing is
   * written.
   */
  @Test
  void whoMayNotAssignOrIssueIsRefusedBeforeTheBodyIsJudged() {
    Fixture f = shared();
    String other = f.get("otherSupervisor");
    List<String> problems = new ArrayList<>();
    for (String member : List.of(Demo.JUSTICE_OFFICER, Demo.ADMIN)) {
      for (String path : List.of("tasks", "plans")) {
        expectStatus(
            as(member).post(API + path, "{}"), 403, member + " POST " + path + " {}", problems);
      }
    }
    for (String member : List.of(Demo.JUSTICE_OFFICER, Demo.SUPERVISOR, other)) {
      expectStatus(
          as(member).post(API + "substitutions", "{}"),
          403,
          member + " POST substitutions {}",
          problems);
    }
    Map<String, Object> badAssignment = task(null);
    badAssignment.put("leadUnit", "KHONG-CO-" + RUN);
    badAssignment.put("title", "Không được giao " + RUN);
    expectStatus(
        as(other).post(API + "tasks", badAssignment),
        403,
        "another committee's supervisor assigning for BCD-LC with an unknown lead unit",
        problems);
    Map<String, Object> badPlan = plan("KH-AM-SAI-" + RUN);
    badPlan.put("periodEnd", "2026-01-01");
    badPlan.put("periodStart", "2026-12-31");
    expectStatus(
        as(other).post(API + "plans", badPlan),
        403,
        "another committee's supervisor issuing a BCD-LC plan that ends before it starts",
        problems);
    expectStatus(
        as(Demo.SUPERVISOR).get(API + "plans/KH-AM-SAI-" + RUN), 404, "the refused plan", problems);
    expectStatus(
        as(Demo.SUPERVISOR).get(API + "tasks?q=" + encode("Không được giao " + RUN)),
        200,
        "the refused task",
        problems);
    long written =
        as(Demo.SUPERVISOR)
            .get(API + "tasks?q=" + encode("Không được giao " + RUN))
            .json()
            .get("total")
            .asLong();
    if (written != 0) {
      problems.add("a refused assignment was written");
    }
    assertThat(problems).isEmpty();
  }

  // ---------------------------------------------------------------------------------- recipes

  /** How to call each operation of the matrix. */
  private Map<String, Recipe> recipes() {
    Map<String, Recipe> r = new LinkedHashMap<>();
    // tasks
    r.put("POST /api/v1/tasks", recipe(f -> Call.post(API + "tasks", task(null))).bodyDecides());
    r.put("GET /api/v1/tasks", recipe(f -> Call.get(API + "tasks")));
    r.put("GET /api/v1/tasks/{code}", recipe(f -> Call.get(API + "tasks/" + f.get("task"))));
    r.put(
        "POST /api/v1/tasks/{code}/cancel",
        recipe(
                f ->
                    Call.post(
                        API + "tasks/" + f.get("task") + "/cancel", Map.of("reason", "Trùng việc")))
            .fresh(this::newTask));
    r.put(
        "POST /api/v1/tasks/{code}/reassign",
        recipe(
                f ->
                    Call.post(
                        API + "tasks/" + f.get("task") + "/reassign",
                        Map.of("leadUnit", "BAOYEN", "reason", "Đúng thẩm quyền")))
            .fresh(this::newTask));
    r.put(
        "POST /api/v1/tasks/{code}/reports",
        recipe(
                f ->
                    Call.post(
                        API + "tasks/" + f.get("task") + "/reports",
                        report("IN_PROGRESS", 30, "Đang thực hiện")))
            .fresh(this::newTask));
    r.put(
        "POST /api/v1/tasks/{code}/direction",
        recipe(
                f ->
                    Call.post(
                        API + "tasks/" + f.get("task") + "/direction",
                        Map.of("direction", "Sở Tài chính bố trí kinh phí")))
            .fresh(this::newEscalatedTask));
    r.put(
        "GET /api/v1/tasks/{code}/contributions",
        recipe(f -> Call.get(API + "tasks/" + f.get("task") + "/contributions")));
    r.put(
        "POST /api/v1/tasks/{code}/contributions",
        recipe(
                f ->
                    Call.post(
                        API + "tasks/" + f.get("task") + "/contributions",
                        Map.of("text", "Đã xác minh hồ sơ", "progress", 50)))
            .fresh(this::newTask));
    r.put(
        "GET /api/v1/tasks/{code}/extensions",
        recipe(f -> Call.get(API + "tasks/" + f.get("task") + "/extensions")));
    r.put(
        "POST /api/v1/tasks/{code}/extensions",
        recipe(f -> Call.post(API + "tasks/" + f.get("task") + "/extensions", extension()))
            .fresh(this::newTask));
    r.put(
        "GET /api/v1/tasks/{code}/periods",
        recipe(f -> Call.get(API + "tasks/" + f.get("task") + "/periods")));
    r.put(
        "GET /api/v1/tasks/{code}/indicators",
        recipe(f -> Call.get(API + "tasks/" + f.get("task") + "/indicators")));
    r.put(
        "GET /api/v1/tasks/{code}/bottlenecks",
        recipe(f -> Call.get(API + "tasks/" + f.get("task") + "/bottlenecks")));
    // reports and extensions
    r.put("GET /api/v1/reports/{id}", recipe(f -> Call.get(API + "reports/" + f.get("report"))));
    r.put(
        "POST /api/v1/reports/{id}/review",
        recipe(
                f ->
                    Call.post(
                        API + "reports/" + f.get("report") + "/review", decision("APPROVE", null)))
            .fresh(this::newReportedTask));
    r.put(
        "GET /api/v1/extensions/{id}",
        recipe(f -> Call.get(API + "extensions/" + f.get("extension"))));
    r.put(
        "POST /api/v1/extensions/{id}/decision",
        recipe(
                f ->
                    Call.post(
                        API + "extensions/" + f.get("extension") + "/decision",
                        Map.of("grant", true)))
            .fresh(this::newTaskWithExtension));
    // bottlenecks
    r.put("GET /api/v1/bottlenecks", recipe(f -> Call.get(API + "bottlenecks")));
    r.put(
        "GET /api/v1/bottlenecks/{id}",
        recipe(f -> Call.get(API + "bottlenecks/" + f.get("bottleneck"))));
    r.put(
        "POST /api/v1/bottlenecks/{id}/state",
        recipe(
                f ->
                    Call.post(
                        API + "bottlenecks/" + f.get("bottleneck") + "/state",
                        map(
                            "state",
                            "IN_HAND",
                            "version",
                            Long.valueOf(f.get("bottleneckVersion")))))
            .fresh(this::newBottleneck));
    r.put(
        "POST /api/v1/bottlenecks/{id}/resolver",
        recipe(
                f ->
                    Call.post(
                        API + "bottlenecks/" + f.get("bottleneck") + "/resolver",
                        map(
                            "resolver",
                            "STC",
                            "version",
                            Long.valueOf(f.get("bottleneckVersion")))))
            .fresh(this::newBottleneck));
    // work, plans, dashboards
    r.put("GET /api/v1/work", recipe(f -> Call.get(API + "work")));
    r.put("GET /api/v1/plans", recipe(f -> Call.get(API + "plans")));
    r.put(
        "POST /api/v1/plans",
        recipe(f -> Call.post(API + "plans", plan("KH-AM-" + RUN + "-" + next()))).bodyDecides());
    r.put("GET /api/v1/plans/{id}", recipe(f -> Call.get(API + "plans/" + f.get("plan"))));
    for (String view : List.of("statistics", "ranking")) {
      r.put(
          "GET /api/v1/dashboard/" + view,
          recipe(f -> Call.get(API + "dashboard/" + view + "?plan=" + f.get("plan")))
              // no parameters: still 403 for a role that may not read dashboards; the 404 of a
              // plan the caller may not read needs the plan named, so it is checked as it is
              .invalid(f -> Call.get(API + "dashboard/" + view))
              .objectInQuery());
    }
    // organisation
    r.put("GET /api/v1/units", recipe(f -> Call.get(API + "units")));
    r.put("GET /api/v1/units/{code}", recipe(f -> Call.get(API + "units/" + f.get("unit"))));
    r.put(
        "POST /api/v1/units",
        recipe(f -> Call.post(API + "units", unit("AM-" + RUN + "-" + next()))));
    r.put(
        "PUT /api/v1/units/{code}",
        recipe(
                f ->
                    Call.put(
                        API + "units/" + f.get("unit"),
                        map(
                            "name",
                            "Đơn vị đổi tên " + RUN,
                            "version",
                            Long.valueOf(f.get("unitVersion")))))
            .fresh(this::newUnit));
    r.put(
        "POST /api/v1/units/{code}/merge-into/{target}",
        recipe(
                f ->
                    Call.post(
                        API + "units/" + f.get("unit") + "/merge-into/" + f.get("mergeTarget"),
                        null))
            .fresh(this::newUnit));
    r.put(
        "POST /api/v1/units/{code}/deactivate",
        recipe(f -> Call.post(API + "units/" + f.get("unit") + "/deactivate", null))
            .fresh(this::newUnit));
    r.put("GET /api/v1/committees", recipe(f -> Call.get(API + "committees")));
    r.put(
        "GET /api/v1/committees/{code}",
        recipe(f -> Call.get(API + "committees/" + f.get("committee"))));
    r.put(
        "POST /api/v1/committees",
        recipe(f -> Call.post(API + "committees", committee("BCD-AM-" + RUN + "-" + next()))));
    r.put(
        "PUT /api/v1/committees/{code}",
        recipe(
                f -> {
                  Map<String, Object> change = committee(null);
                  change.remove("code");
                  change.put("version", Long.valueOf(f.get("committeeVersion")));
                  return Call.put(API + "committees/" + f.get("committee"), change);
                })
            .fresh(this::newCommittee));
    r.put(
        "POST /api/v1/committees/{code}/deactivate",
        recipe(f -> Call.post(API + "committees/" + f.get("committee") + "/deactivate", null))
            .fresh(this::newCommittee));
    r.put("GET /api/v1/members", recipe(f -> Call.get(API + "members")));
    r.put(
        "GET /api/v1/members/{username}",
        recipe(f -> Call.get(API + "members/" + f.get("member"))));
    r.put(
        "POST /api/v1/members",
        recipe(f -> Call.post(API + "members", member("cb-am-" + lower(RUN) + "-" + next()))));
    r.put(
        "PUT /api/v1/members/{username}",
        recipe(
                f -> {
                  Map<String, Object> change = member(null);
                  change.remove("username");
                  change.remove("password");
                  change.put("fullName", "Cán bộ đổi tên " + RUN);
                  change.put("version", Long.valueOf(f.get("memberVersion")));
                  return Call.put(API + "members/" + f.get("member"), change);
                })
            .fresh(this::newMember));
    r.put(
        "POST /api/v1/members/{username}/deactivate",
        recipe(f -> Call.post(API + "members/" + f.get("member") + "/deactivate", null))
            .fresh(this::newMember));
    r.put(
        "POST /api/v1/members/{username}/password-reset",
        recipe(f -> Call.post(API + "members/" + f.get("member") + "/password-reset", null))
            .fresh(this::newMember));
    // logging in, one's own account
    r.put(
        "POST /api/v1/session",
        recipe(
            f ->
                Call.post(
                    API + "session", map("username", f.get("me"), "password", Demo.PASSWORD))));
    r.put("GET /api/v1/session", recipe(f -> Call.get(API + "session")));
    r.put("DELETE /api/v1/session", recipe(f -> Call.delete(API + "session")));
    r.put(
        "POST /api/v1/me/password",
        recipe(
                f ->
                    Call.post(
                        API + "me/password",
                        map("currentPassword", Demo.PASSWORD, "newPassword", CHANGED_PASSWORD)))
            .undo(this::restorePassword));
    // acting leaders
    r.put(
        "POST /api/v1/substitutions",
        recipe(f -> Call.post(API + "substitutions", substitution(next()))).bodyDecides());
    r.put("GET /api/v1/substitutions", recipe(f -> Call.get(API + "substitutions")));
    r.put(
        "GET /api/v1/substitutions/{id}",
        recipe(f -> Call.get(API + "substitutions/" + f.get("substitution"))));
    r.put(
        "POST /api/v1/substitutions/{id}/end",
        recipe(
                f ->
                    Call.post(
                        API + "substitutions/" + f.get("substitution") + "/end",
                        Map.of("version", Long.valueOf(f.get("substitutionVersion")))))
            .fresh(this::newSubstitution));
    // models: a dry run moves nothing, so the shared task serves
    r.put(
        "POST /api/v1/admin/migrations",
        recipe(
            f ->
                Call.post(
                    API + "admin/migrations",
                    map(
                        "source", f.get("definitionOfTask"),
                        "target", f.get("definition"),
                        "taskCodes", List.of(f.get("task")),
                        "dryRun", true))));
    // the audit trail; a refused caller is refused also with parameters that do not hold
    r.put(
        "GET /api/v1/audit",
        recipe(f -> Call.get(API + "audit?objectType=TASK&objectId=" + f.get("task")))
            .invalid(f -> Call.get(API + "audit?from=yesterday&size=0")));
    r.put(
        "GET /api/v1/audit.csv",
        recipe(f -> Call.get(API + "audit.csv?objectId=" + f.get("task")).accepting("text/csv"))
            .invalid(f -> Call.get(API + "audit.csv?action=NOPE").accepting("text/csv")));
    r.put("POST /engine-rest/deployment/create", recipe(f -> probeDeployment()));
    // steerflow's own model admin: a dry run deploys nothing; pins keep the default model
    r.put("POST /api/v1/admin/models", recipe(f -> probeModelCheck()));
    r.put("GET /api/v1/admin/models", recipe(f -> Call.get(API + "admin/models")));
    r.put("GET /api/v1/admin/models/pins", recipe(f -> Call.get(API + "admin/models/pins")));
    r.put(
        "PUT /api/v1/admin/models/pins/{plan}",
        recipe(
            f -> Call.put(API + "admin/models/pins/" + f.get("plan"), map("key", "task-cycle"))));
    r.put(
        "DELETE /api/v1/admin/models/pins/{plan}",
        recipe(f -> Call.delete(API + "admin/models/pins/" + f.get("plan")))
            .fresh(this::pinnedPlan));
    r.put(
        "GET /api/v1/admin/models/{key}/versions/{version}",
        recipe(
            f ->
                Call.get(
                        API
                            + "admin/models/"
                            + PROBE_PROCESS
                            + "/versions/"
                            + f.get("probeVersion"))
                    .accepting("*/*")));
    r.put(
        "PUT /api/v1/admin/models/{key}/versions/{version}/state",
        recipe(
            f ->
                Call.put(
                    API
                        + "admin/models/"
                        + PROBE_PROCESS
                        + "/versions/"
                        + f.get("probeVersion")
                        + "/state",
                    map("suspended", false))));
    r.put("GET /engine-rest/deployment", recipe(f -> Call.get(ENGINE + "deployment?maxResults=0")));
    r.put("GET /engine-rest/deployment/count", recipe(f -> Call.get(ENGINE + "deployment/count")));
    r.put(
        "GET /engine-rest/deployment/{id}",
        recipe(f -> Call.get(ENGINE + "deployment/" + f.get("deployment"))));
    r.put(
        "GET /engine-rest/deployment/{id}/resources",
        recipe(f -> Call.get(ENGINE + "deployment/" + f.get("deployment") + "/resources")));
    r.put(
        "GET /engine-rest/process-definition",
        recipe(f -> Call.get(ENGINE + "process-definition?key=" + PROBE_PROCESS)));
    r.put(
        "GET /engine-rest/process-definition/count",
        recipe(f -> Call.get(ENGINE + "process-definition/count")));
    r.put(
        "GET /engine-rest/process-definition/{id}",
        recipe(f -> Call.get(ENGINE + "process-definition/" + f.get("definition"))));
    r.put(
        "GET /engine-rest/process-definition/{id}/xml",
        recipe(f -> Call.get(ENGINE + "process-definition/" + f.get("definition") + "/xml")));
    r.put(
        "GET /engine-rest/process-definition/key/{key}",
        recipe(f -> Call.get(ENGINE + "process-definition/key/" + PROBE_PROCESS)));
    r.put(
        "GET /engine-rest/process-definition/key/{key}/xml",
        recipe(f -> Call.get(ENGINE + "process-definition/key/" + PROBE_PROCESS + "/xml")));
    r.put(
        "GET /engine-rest/process-instance",
        recipe(f -> Call.get(ENGINE + "process-instance?businessKey=" + f.get("task"))));
    r.put(
        "GET /engine-rest/process-instance/count",
        recipe(f -> Call.get(ENGINE + "process-instance/count")));
    r.put(
        "GET /engine-rest/process-instance/{id}",
        recipe(f -> Call.get(ENGINE + "process-instance/" + f.get("instance"))));
    r.put(
        "GET /engine-rest/process-instance/{id}/activity-instances",
        recipe(
            f ->
                Call.get(
                    ENGINE + "process-instance/" + f.get("instance") + "/activity-instances")));
    r.put(
        "GET /engine-rest/history/user-operation",
        recipe(
            f -> Call.get(ENGINE + "history/user-operation?entityType=Deployment&maxResults=5")));
    r.put("GET /engine-rest/version", recipe(f -> Call.get(ENGINE + "version")));
    r.put("GET /engine-rest/engine", recipe(f -> Call.get(ENGINE + "engine")));
    // the server's open endpoints, at its root
    for (String open : List.of("/health", "/openapi", "/metrics")) {
      r.put("GET " + open, recipe(f -> Call.get(open).accepting("*/*")));
    }
    return r;
  }

  // ---------------------------------------------------------------------------------- fixtures

  private synchronized Fixture shared() {
    if (shared != null) {
      return shared;
    }
    Map<String, String> v = new HashMap<>();
    // a committee of its own, with a supervisor: the other-supervisor caller
    JsonNode committee =
        created(as(Demo.ADMIN).post(API + "committees", committee("BCD-AM-" + RUN)), "committee");
    v.put("committee", committee.get("code").asText());
    v.put("committeeVersion", committee.get("version").asText());
    Map<String, Object> supervisor = member("gs-am-" + lower(RUN));
    supervisor.put("committee", v.get("committee"));
    supervisor.put("roles", List.of("SUPERVISOR"));
    v.put(
        "otherSupervisor",
        created(as(Demo.ADMIN).post(API + "members", supervisor), "supervisor")
            .get("username")
            .asText());
    JsonNode member =
        created(as(Demo.ADMIN).post(API + "members", member("cb-am-" + lower(RUN))), "member");
    v.put("member", member.get("username").asText());
    v.put("memberVersion", member.get("version").asText());
    JsonNode unit = created(as(Demo.ADMIN).post(API + "units", unit("AM-" + RUN)), "unit");
    v.put("unit", unit.get("code").asText());
    v.put("unitVersion", unit.get("version").asText());
    v.put(
        "mergeTarget",
        created(as(Demo.ADMIN).post(API + "units", unit("AM-" + RUN + "-DICH")), "unit")
            .get("code")
            .asText());

    // BCD-LC's plan, with the task: led by STP, coordinated by SAPA, an extension asked for and a
    // report awaiting review
    String plan = "KH-AM-" + RUN;
    created(as(Demo.SUPERVISOR).post(API + "plans", plan(plan)), "plan");
    v.put("plan", plan);
    String task = assign(task(plan));
    v.put("task", task);
    v.put(
        "extension",
        created(
                as(Demo.JUSTICE_OFFICER).post(API + "tasks/" + task + "/extensions", extension()),
                "extension request")
            .get("id")
            .asText());
    v.put(
        "report",
        created(
                as(Demo.JUSTICE_OFFICER).post(API + "tasks/" + task + "/reports", reportRaising()),
                "report")
            .get("id")
            .asText());
    JsonNode bottleneck = bottleneckOf(task);
    v.put("bottleneck", bottleneck.get("id").asText());
    v.put("bottleneckVersion", bottleneck.get("version").asText());

    JsonNode substitution =
        created(as(Demo.LEADER).post(API + "substitutions", substitution(next())), "substitution");
    v.put("substitution", substitution.get("id").asText());
    v.put("substitutionVersion", substitution.get("version").asText());

    // a copy of the task cycle under another process id: something to read and a target that a
    // dry-run migration can name without touching the task cycle
    Reply deployed = send("admin", probeDeployment());
    assertThat(deployed.status()).as("probe deployment: %s", deployed).isEqualTo(200);
    JsonNode deployment = json(deployed.body());
    v.put("deployment", deployment.get("id").asText());
    JsonNode definition =
        as(Demo.ADMIN).get(ENGINE + "process-definition/key/" + PROBE_PROCESS).json();
    v.put("definition", definition.get("id").asText());
    v.put("probeVersion", definition.get("version").asText());
    JsonNode instance =
        as(Demo.ADMIN).get(ENGINE + "process-instance?businessKey=" + encode(task)).json().get(0);
    v.put("instance", instance.get("id").asText());
    v.put("definitionOfTask", instance.get("definitionId").asText());
    shared = new Fixture(Map.copyOf(v));
    return shared;
  }

  private Fixture newTask(Fixture f) {
    return f.with("task", assign(task(null)));
  }

  private Fixture newReportedTask(Fixture f) {
    Fixture fresh = newTask(f);
    String report =
        created(
                as(Demo.JUSTICE_OFFICER)
                    .post(
                        API + "tasks/" + fresh.get("task") + "/reports",
                        report("IN_PROGRESS", 50, "Đã làm một nửa")),
                "report")
            .get("id")
            .asText();
    return fresh.with("report", report);
  }

  private Fixture newBottleneck(Fixture f) {
    Fixture fresh = newTask(f);
    created(
        as(Demo.JUSTICE_OFFICER)
            .post(API + "tasks/" + fresh.get("task") + "/reports", reportRaising()),
        "report");
    JsonNode bottleneck = bottleneckOf(fresh.get("task"));
    return fresh
        .with("bottleneck", bottleneck.get("id").asText())
        .with("bottleneckVersion", bottleneck.get("version").asText());
  }

  /** The one bottleneck the task's report raised, as its supervisor reads it. */
  private JsonNode bottleneckOf(String task) {
    ApiClient.Reply reply = as(Demo.SUPERVISOR).get(API + "tasks/" + task + "/bottlenecks");
    if (reply.status() != 200 || reply.json().get("total").asLong() != 1) {
      throw new AssertionError("task " + task + " should have one bottleneck: " + reply);
    }
    return reply.json().get("items").get(0);
  }

  private Fixture newEscalatedTask(Fixture f) {
    Fixture fresh = newReportedTask(f);
    ApiClient.Reply escalated =
        as(Demo.SUPERVISOR)
            .post(
                API + "reports/" + fresh.get("report") + "/review",
                decision("ESCALATE", "Xin ý kiến về kinh phí"));
    assertThat(escalated.status()).as("escalation: %s", escalated).isEqualTo(200);
    return fresh;
  }

  private Fixture newTaskWithExtension(Fixture f) {
    Fixture fresh = newTask(f);
    String extension =
        created(
                as(Demo.JUSTICE_OFFICER)
                    .post(API + "tasks/" + fresh.get("task") + "/extensions", extension()),
                "extension request")
            .get("id")
            .asText();
    return fresh.with("extension", extension);
  }

  private Fixture newUnit(Fixture f) {
    JsonNode unit =
        created(as(Demo.ADMIN).post(API + "units", unit("AM-" + RUN + "-" + next())), "unit");
    return f.with("unit", unit.get("code").asText())
        .with("unitVersion", unit.get("version").asText());
  }

  private Fixture newCommittee(Fixture f) {
    JsonNode committee =
        created(
            as(Demo.ADMIN).post(API + "committees", committee("BCD-AM-" + RUN + "-" + next())),
            "committee");
    return f.with("committee", committee.get("code").asText())
        .with("committeeVersion", committee.get("version").asText());
  }

  private Fixture newMember(Fixture f) {
    JsonNode member =
        created(
            as(Demo.ADMIN).post(API + "members", member("cb-am-" + lower(RUN) + "-" + next())),
            "member");
    return f.with("member", member.get("username").asText())
        .with("memberVersion", member.get("version").asText());
  }

  private Fixture newSubstitution(Fixture f) {
    JsonNode substitution =
        created(as(Demo.LEADER).post(API + "substitutions", substitution(next())), "substitution");
    return f.with("substitution", substitution.get("id").asText())
        .with("substitutionVersion", substitution.get("version").asText());
  }

  /** Gives a caller who changed their password the demo password back. */
  private void restorePassword(String caller) {
    Call back =
        Call.post(
            API + "me/password",
            map("currentPassword", CHANGED_PASSWORD, "newPassword", Demo.PASSWORD));
    Reply restored = send(username(caller), CHANGED_PASSWORD, back);
    if (restored.status() != 204) {
      throw new AssertionError(
          username(caller)
              + "'s password is left changed to "
              + CHANGED_PASSWORD
              + ": "
              + restored);
    }
  }

  /** Ends this run's substitutions still in place, so later runs may name others in the slots. */
  private void endOurSubstitutions() {
    JsonNode page =
        as(Demo.ADMIN)
            .get(API + "substitutions?leader=" + Demo.LEADER + "&state=UPCOMING&size=200")
            .json();
    for (JsonNode s : items(page)) {
      if (s.get("reason").asText().equals(MARK)) {
        as(Demo.ADMIN)
            .post(
                API + "substitutions/" + s.get("id").asText() + "/end",
                Map.of("version", s.get("version").asLong()));
      }
    }
  }

  private String assign(Map<String, Object> body) {
    String code =
        created(as(Demo.SUPERVISOR).post(API + "tasks", body), "task").get("code").asText();
    ourTasks.add(code);
    return code;
  }

  private static JsonNode created(ApiClient.Reply reply, String what) {
    if (reply.status() != 201) {
      throw new AssertionError("could not create the " + what + ": " + reply);
    }
    return reply.json();
  }

  // ---------------------------------------------------------------------------------- bodies

  /** A task for STP, coordinated by SAPA, in BCD-LC (and the plan, when given). */
  private static Map<String, Object> task(String plan) {
    Map<String, Object> body = assignment(Demo.JUSTICE, inDays(30));
    body.put("title", MARK + ": số hoá hồ sơ");
    body.put("coordinatingUnits", List.of(Demo.SAPA));
    if (plan != null) {
      body.put("plan", plan);
    }
    return body;
  }

  /** A report that raises one bottleneck, for the committee's leaders to resolve. */
  private static Map<String, Object> reportRaising() {
    Map<String, Object> body = report("IN_PROGRESS", 40, "Đang làm");
    body.put("bottlenecks", List.of(Map.of("summary", "Thiếu kinh phí số hoá " + RUN)));
    return body;
  }

  private static Map<String, Object> extension() {
    return map("deadline", inDays(60).toString(), "reason", "Chờ kinh phí bổ sung");
  }

  private static Map<String, Object> plan(String code) {
    return map(
        "code",
        code,
        "name",
        MARK,
        "committee",
        Demo.COMMITTEE,
        "directive",
        map("number", "15/KH-BCĐ", "date", "2026-01-15", "title", "Kế hoạch kiểm tra quyền"),
        "periodStart",
        "2026-01-01",
        "periodEnd",
        "2027-12-31");
  }

  private static Map<String, Object> unit(String code) {
    return map("code", code, "name", "Đơn vị " + code, "kind", "DEPARTMENT");
  }

  private static Map<String, Object> committee(String code) {
    return map(
        "code", code, "name", "Ban chỉ đạo " + code, "level", "PROVINCE", "standingAgency", "SNV");
  }

  private static Map<String, Object> member(String username) {
    return map(
        "username",
        username,
        "fullName",
        "Cán bộ " + username,
        "unit",
        "SNV",
        "roles",
        List.of("OFFICER"),
        "password",
        Demo.PASSWORD);
  }

  /** lanhdao's substitution by giamsat in a 1-minute slot of its own, far ahead. */
  private static Map<String, Object> substitution(int slot) {
    OffsetDateTime from = SUBSTITUTION_SLOTS.plusMinutes(2L * slot);
    return map(
        "leader",
        Demo.LEADER,
        "substitute",
        Demo.SUPERVISOR,
        "from",
        from.toString(),
        "until",
        from.plusMinutes(1).toString(),
        "reason",
        MARK);
  }

  /** Camunda Modeler's deploy of the probe model; a second one returns the same deployment. */
  /** The shared plan pinned to the default model, for an unpin to undo. */
  private Fixture pinnedPlan(Fixture f) {
    ApiClient.Reply pinned =
        as(Demo.ADMIN).put(API + "admin/models/pins/" + f.get("plan"), map("key", "task-cycle"));
    assertThat(pinned.status()).as("pin: %s", pinned).isEqualTo(200);
    return f;
  }

  /** The probe model sent to steerflow's own model API as a dry run: checked, not deployed. */
  private static Call probeModelCheck() {
    String boundary = "----steerflow-access-matrix-model";
    String file = PROBE_PROCESS + ".bpmn";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file
                + "\"\r\nContent-Type: text/xml\r\n\r\n"
                + probeXml()
                + "\r\n--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8));
    return new Call(
        "POST",
        API + "admin/models?dryRun=true",
        "multipart/form-data; boundary=" + boundary,
        out.toByteArray(),
        "application/json");
  }

  private static String probeXml() {
    String xml;
    try (InputStream in =
        AccessMatrixIT.class.getClassLoader().getResourceAsStream("bpmn/task-cycle.bpmn")) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String probe = xml.replace("id=\"task-cycle\"", "id=\"" + PROBE_PROCESS + "\"");
    assertThat(probe).isNotEqualTo(xml);
    return probe;
  }

  private static Call probeDeployment() {
    String xml;
    try (InputStream in =
        AccessMatrixIT.class.getClassLoader().getResourceAsStream("bpmn/task-cycle.bpmn")) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String probe = xml.replace("id=\"task-cycle\"", "id=\"" + PROBE_PROCESS + "\"");
    assertThat(probe).isNotEqualTo(xml);
    String boundary = "----steerflow-access-matrix";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, String> field :
        Map.of(
                "deployment-name", "Access matrix probe",
                "deployment-source", "Camunda Modeler",
                "enable-duplicate-filtering", "true")
            .entrySet()) {
      out.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field.getKey()
                  + "\"\r\n\r\n"
                  + field.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    String file = PROBE_PROCESS + ".bpmn";
    out.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + file
                + "\"; filename=\""
                + file
                + "\"\r\nContent-Type: text/xml\r\n\r\n"
                + probe
                + "\r\n--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8));
    return new Call(
        "POST",
        ENGINE + "deployment/create",
        "multipart/form-data; boundary=" + boundary,
        out.toByteArray(),
        "application/json");
  }

  // ---------------------------------------------------------------------------------- HTTP

  /** The members behind the matrix's callers; anonymous sends no credentials. */
  private String username(String caller) {
    return switch (caller) {
      case "anonymous" -> null;
      case "own-officer" -> Demo.JUSTICE_OFFICER;
      case "coord-officer" -> Demo.SAPA_OFFICER;
      case "other-officer" -> Demo.POLICE_OFFICER;
      case "supervisor" -> Demo.SUPERVISOR;
      case "other-supervisor" -> shared().get("otherSupervisor");
      case "leader" -> Demo.LEADER;
      case "admin" -> Demo.ADMIN;
      default -> throw new IllegalArgumentException("the matrix names an unknown caller " + caller);
    };
  }

  private Reply send(String caller, Call call) {
    return send(username(caller), Demo.PASSWORD, call);
  }

  /** The member the caller is; anonymous logs in as the officer of the lead unit. */
  private String loginOf(String caller) {
    String username = username(caller);
    return username == null ? Demo.JUSTICE_OFFICER : username;
  }

  private Reply send(String username, String password, Call call) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base().resolve(call.path()))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", call.accept())
            .method(
                call.method(),
                call.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(call.body()));
    if (call.body() != null) {
      request.header("Content-Type", call.contentType());
    }
    if (username != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private record Reply(int status, String body) {
    @Override
    public String toString() {
      return status + " " + excerpt(body);
    }
  }

  /** One HTTP call: path relative to the application (a leading slash: the server's root). */
  private record Call(String method, String path, String contentType, byte[] body, String accept) {

    static Call get(String path) {
      return new Call("GET", path, null, null, "application/json");
    }

    /** A JSON body; null sends none. */
    static Call post(String path, Object json) {
      return new Call(
          "POST", path, "application/json", json == null ? null : bytes(json), "application/json");
    }

    static Call delete(String path) {
      return new Call("DELETE", path, null, null, "application/json");
    }

    static Call put(String path, Object json) {
      return new Call("PUT", path, "application/json", bytes(json), "application/json");
    }

    Call accepting(String type) {
      return new Call(method, path, contentType, body, type);
    }

    /** The same call with an empty JSON object: a request that holds for no operation. */
    Call invalid() {
      return body == null
          ? null
          : new Call(method, path, "application/json", bytes(Map.of()), accept);
    }

    /** Whether this call is the row's operation: its method, and its path fits the template. */
    boolean matches(AccessMatrix.Row row) {
      String concrete = "/" + path.replaceFirst("^/", "").replaceFirst("\\?.*$", "");
      StringBuilder pattern = new StringBuilder();
      for (String piece : row.path().split("\\{[^}/]+}", -1)) {
        if (!pattern.isEmpty()) {
          pattern.append("[^/]+");
        }
        pattern.append(Pattern.quote(piece));
      }
      return method.equals(row.method()) && concrete.matches(pattern.toString());
    }

    private static byte[] bytes(Object json) {
      try {
        return ApiClient.JSON.writeValueAsBytes(json);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * How to call an operation: the call on the objects given; {@code fresh} makes new objects for an
   * allowed change; {@code invalid} is the request a refused caller also tries.
   */
  private record Recipe(
      Function<Fixture, Call> call,
      UnaryOperator<Fixture> fresh,
      boolean bodyDecidesWho,
      Function<Fixture, Call> invalid,
      boolean namedByQuery,
      Consumer<String> undo) {

    Recipe fresh(UnaryOperator<Fixture> maker) {
      return new Recipe(call, maker, bodyDecidesWho, invalid, namedByQuery, undo);
    }

    /** The body names what decides who may act (the committee, the leader). */
    Recipe bodyDecides() {
      return new Recipe(call, fresh, true, invalid, namedByQuery, undo);
    }

    /**
     * The object is named by a query parameter, not the path: a request without it names no object,
     * so a 404 is checked with the valid request only.
     */
    Recipe objectInQuery() {
      return new Recipe(call, fresh, bodyDecidesWho, invalid, true, undo);
    }

    /**
     * What to do, as the caller, after the call succeeded: for a change to the caller's own
     * account, which no fresh object can stand in for.
     */
    Recipe undo(Consumer<String> action) {
      return new Recipe(call, fresh, bodyDecidesWho, invalid, namedByQuery, action);
    }

    Recipe invalid(Function<Fixture, Call> maker) {
      return new Recipe(call, fresh, bodyDecidesWho, maker, namedByQuery, undo);
    }
  }

  private static Recipe recipe(Function<Fixture, Call> call) {
    return new Recipe(
        call, UnaryOperator.identity(), false, f -> call.apply(f).invalid(), false, caller -> {});
  }

  /** Named values of the objects the calls act on. */
  private record Fixture(Map<String, String> values) {
    String get(String key) {
      String value = values.get(key);
      if (value == null) {
        throw new IllegalStateException("the fixture has no " + key);
      }
      return value;
    }

    Fixture with(String key, String value) {
      Map<String, String> changed = new HashMap<>(values);
      changed.put(key, value);
      return new Fixture(Map.copyOf(changed));
    }
  }

  // ---------------------------------------------------------------------------------- helpers

  /** Whether CAT leads or coordinates the listed task. */
  private static boolean involves(JsonNode task, String unit) {
    if (task.get("leadUnit").get("code").asText().equals(unit)) {
      return true;
    }
    for (JsonNode coordinating : task.get("coordinatingUnits")) {
      if (coordinating.get("code").asText().equals(unit)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode ok(ApiClient.Reply reply, List<String> problems) {
    if (reply.status() != 200) {
      problems.add("expected 200, got " + reply);
      return ApiClient.JSON.createObjectNode();
    }
    return reply.json();
  }

  private static Iterable<JsonNode> items(JsonNode page) {
    return page.has("items") ? page.get("items") : ApiClient.JSON.createArrayNode();
  }

  private static void expectStatus(
      ApiClient.Reply reply, int status, String what, List<String> problems) {
    if (reply.status() != status) {
      problems.add(what + ": expected " + status + " got " + reply);
    }
  }

  private static JsonNode json(String body) {
    try {
      return ApiClient.JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + body, e);
    }
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static String excerpt(String body) {
    String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
    return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  private static int next() {
    return SEQUENCE.incrementAndGet();
  }
}
