package vn.steerflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An admin deploys a changed model at run time and a plan's tasks run on it with no code change:
 * the two-level review model (the lead unit's leader approves before the standing agency reviews),
 * uploaded over HTTP, checked, listed, read back, pinned for a plan, run through both reviews to
 * ON_TIME, and suspended. Who may do it, and what a refused or too large upload leaves behind.
 */
class ModelAdminIT extends DeployedSteerflow {

  private static final String MODELS = "api/v1/admin/models";
  private static final String KEY = "task-cycle-two-level-review";
  private static final String FILE = KEY + ".bpmn";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** This run's mark: a database kept from an earlier run has seen the model already. */
  private final String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();

  @Test
  void anAdminDeploysTheTwoLevelReviewModelAndAPinnedPlansTaskRunsThroughBothReviews() {
    byte[] model = twoLevelModel();

    // only admins
    assertProblem(upload(Demo.SUPERVISOR, "", part(FILE, model)), 403);
    assertProblem(as(Demo.SUPERVISOR).get(MODELS), 403);
    int before = versionCount(KEY);

    // a dry run checks, says which version it would create, and deploys nothing
    Reply dry = upload(Demo.ADMIN, "?dryRun=true", part(FILE, model));
    assertThat(dry.status).as(dry.toString()).isEqualTo(200);
    assertThat(dry.json().get("status").asText()).isEqualTo("CHECKED");
    int version = dry.json().get("models").get(0).get("version").asInt();
    assertThat(version).isEqualTo(latestVersion(KEY) + 1);
    assertThat(versionCount(KEY)).isEqualTo(before);

    // deployed: 201 with the version created; the same file again changes nothing
    Reply deployed = upload(Demo.ADMIN, "", part(FILE, model));
    assertThat(deployed.status).as(deployed.toString()).isEqualTo(201);
    assertThat(deployed.json().get("status").asText()).isEqualTo("DEPLOYED");
    JsonNode created = deployed.json().get("models").get(0);
    assertThat(created.get("key").asText()).isEqualTo(KEY);
    assertThat(created.get("version").asInt()).isEqualTo(version);
    assertThat(created.get("newVersion").asBoolean()).isTrue();
    assertThat(deployed.location).endsWith("/api/v1/admin/models/" + KEY + "/versions/" + version);
    // on the audit trail, by the admin who deployed it
    JsonNode audited =
        as(Demo.ADMIN)
            .get(
                "api/v1/audit?objectType=DEPLOYMENT&objectId="
                    + deployed.json().get("deploymentId").asText())
            .json();
    assertThat(audited.get("total").asLong()).as(audited.toString()).isEqualTo(1);
    assertThat(audited.get("items").get(0).get("actor").asText()).isEqualTo(Demo.ADMIN);
    assertThat(audited.get("items").get(0).get("action").asText()).isEqualTo("MODEL_DEPLOYED");
    Reply again = upload(Demo.ADMIN, "", part(FILE, model));
    assertThat(again.status).as(again.toString()).isEqualTo(200);
    assertThat(again.json().get("status").asText()).isEqualTo("UNCHANGED");
    assertThat(again.json().get("models").get(0).get("version").asInt()).isEqualTo(version);

    // listed with who deployed it; its XML is what was sent
    JsonNode listed = version(KEY, version);
    assertThat(listed.get("deployedBy").asText()).isEqualTo(Demo.ADMIN);
    assertThat(listed.get("runningInstances").asLong()).isZero();
    assertThat(listed.get("suspended").asBoolean()).isFalse();
    assertThat(listed.get("resource").asText()).isEqualTo(FILE);
    HttpResponse<String> xml = xml(Demo.ADMIN, KEY, version);
    assertThat(xml.statusCode()).isEqualTo(200);
    assertThat(xml.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
    assertThat(xml.body()).contains("IT " + run).contains("${leadUnitLeaderGroup}");
    assertThat(xml(Demo.SUPERVISOR, KEY, version).statusCode()).isEqualTo(403);
    assertThat(xml(Demo.ADMIN, KEY, version + 100).statusCode()).isEqualTo(404);

    // a leader of the Justice department, and a plan whose new tasks run on the new model
    String unitLeader = "truong-stp-" + run.toLowerCase();
    ApiClient.Reply member =
        as(Demo.ADMIN)
            .post(
                "api/v1/members",
                Map.of(
                    "username",
                    unitLeader,
                    "fullName",
                    "Giám đốc Sở Tư pháp",
                    "unit",
                    Demo.JUSTICE,
                    "roles",
                    List.of("UNIT_LEADER"),
                    "password",
                    Demo.PASSWORD));
    assertThat(member.status()).as(member.toString()).isEqualTo(201);
    String plan = "KH-TL-" + run;
    ApiClient.Reply issued = as(Demo.SUPERVISOR).post("api/v1/plans", planRequest(plan));
    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);

    assertProblem(as(Demo.SUPERVISOR).put(MODELS + "/pins/" + plan, pin(KEY, version)), 403);
    assertProblem(as(Demo.ADMIN).put(MODELS + "/pins/" + plan, pin(KEY, version + 100)), 400);
    ApiClient.Reply pinned = as(Demo.ADMIN).put(MODELS + "/pins/" + plan, pin(KEY, version));
    assertThat(pinned.status()).as(pinned.toString()).isEqualTo(200);
    assertThat(pinned.json().get("model").get("key").asText()).isEqualTo(KEY);
    assertThat(pinned.json().get("model").get("version").asInt()).isEqualTo(version);
    assertThat(
            as(Demo.SUPERVISOR).get("api/v1/plans/" + plan).json().get("model").get("key").asText())
        .isEqualTo(KEY);

    // a task of the plan: the unit reports, its leader approves, then the standing agency
    String code = assign(Demo.JUSTICE, plan);
    assertThat(TaskCycleIT.timeline(task(code))).contains("ASSIGNED by " + Demo.SUPERVISOR);
    assertThat(detail(task(code), "ASSIGNED")).contains("model " + KEY + " version " + version);
    ApiClient.Reply report =
        as(Demo.JUSTICE_OFFICER)
            .post("api/v1/tasks/" + code + "/reports", report("DONE", 100, "Hoàn thành"));
    assertThat(report.status()).as(report.toString()).isEqualTo(201);
    long reportId = report.json().get("id").asLong();

    // the supervisors are not asked yet: the step awaits the unit's leaders
    assertThat(reviewSteps(Demo.SUPERVISOR, code)).isEmpty();
    ApiClient.Reply early =
        as(Demo.SUPERVISOR)
            .post("api/v1/reports/" + reportId + "/review", decision("APPROVE", null));
    assertProblem(early, 403);
    assertThat(early.json().get("detail").asText()).contains("unit-leaders:" + Demo.JUSTICE);

    ApiClient leader = ApiClient.as(base(), unitLeader, Demo.PASSWORD);
    assertThat(reviewSteps(leader, code))
        .singleElement()
        .satisfies(s -> assertThat(s.get("reportId").asLong()).isEqualTo(reportId));
    ApiClient.Reply first =
        leader.post("api/v1/reports/" + reportId + "/review", decision("APPROVE", null));
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    // approved by the unit, still under review by the agency; the task goes on
    assertThat(
            as(Demo.SUPERVISOR)
                .get("api/v1/reports/" + reportId)
                .json()
                .get("reviewState")
                .asText())
        .isEqualTo("PENDING");
    assertThat(task(code).get("outcome").asText()).isEqualTo("IN_PROGRESS");
    assertThat(version(KEY, version).get("runningInstances").asLong()).isEqualTo(1);

    assertThat(reviewSteps(Demo.SUPERVISOR, code)).hasSize(1);
    assertThat(reportUnderReview(code)).isEqualTo(reportId);
    ApiClient.Reply second =
        as(Demo.SUPERVISOR)
            .post("api/v1/reports/" + reportId + "/review", decision("APPROVE", null));
    assertThat(second.status()).as(second.toString()).isEqualTo(200);
    JsonNode done = task(code);
    assertThat(done.get("outcome").asText()).isEqualTo("ON_TIME");
    assertThat(TaskCycleIT.timeline(done))
        .contains("APPROVED by " + unitLeader, "APPROVED by " + Demo.SUPERVISOR);
    assertThat(
            as(Demo.SUPERVISOR)
                .get("api/v1/reports/" + reportId)
                .json()
                .get("reviewState")
                .asText())
        .isEqualTo("APPROVED");
    assertThat(version(KEY, version).get("runningInstances").asLong()).isZero();

    // suspended, the version takes no new task of the plan pinned to it; activated, it does again
    ApiClient.Reply suspended =
        as(Demo.ADMIN)
            .put(MODELS + "/" + KEY + "/versions/" + version + "/state", Map.of("suspended", true));
    assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
    assertThat(suspended.json().get("suspended").asBoolean()).isTrue();
    assertThat(version(KEY, version).get("suspended").asBoolean()).isTrue();
    assertProblem(
        as(Demo.SUPERVISOR)
            .post("api/v1/tasks", inPlan(assignment(Demo.JUSTICE, inDays(30)), plan)),
        409);
    assertProblem(
        as(Demo.SUPERVISOR)
            .put(
                MODELS + "/" + KEY + "/versions/" + version + "/state", Map.of("suspended", false)),
        403);
    assertThat(
            as(Demo.ADMIN)
                .put(
                    MODELS + "/" + KEY + "/versions/" + version + "/state",
                    Map.of("suspended", false))
                .json()
                .get("suspended")
                .asBoolean())
        .isFalse();
    assign(Demo.JUSTICE, plan);

    // unpinned, the plan's new tasks run on the default model again
    ApiClient.Reply unpinned = delete(Demo.ADMIN, MODELS + "/pins/" + plan);
    assertThat(unpinned.json().get("model").isNull()).isTrue();
    String onDefault = assign(Demo.JUSTICE, plan);
    String assigned = detail(task(onDefault), "ASSIGNED");
    assertThat(assigned).contains("model task-cycle version");

    // a running task of the default model migrated to the two-level one: its next report waits for
    // the unit's leader first, with no code change
    java.util.regex.Matcher from =
        java.util.regex.Pattern.compile("model task-cycle version (\\d+)").matcher(assigned);
    assertThat(from.find()).as(assigned).isTrue();
    Map<String, Object> migration = new java.util.LinkedHashMap<>();
    migration.put("source", "task-cycle:" + from.group(1));
    migration.put("target", KEY + ":" + version);
    migration.put("taskCodes", List.of(onDefault));
    migration.put("dryRun", false);
    long runningBefore = version(KEY, version).get("runningInstances").asLong();
    ApiClient.Reply migrated = as(Demo.ADMIN).post("api/v1/admin/migrations", migration);
    assertThat(migrated.status()).as(migrated.toString()).isEqualTo(200);
    assertThat(migrated.json().get("instances").get(0).get("status").asText())
        .as(migrated.toString())
        .isEqualTo("MIGRATED");
    assertThat(version(KEY, version).get("runningInstances").asLong()).isEqualTo(runningBefore + 1);
    ApiClient.Reply migratedReport =
        as(Demo.JUSTICE_OFFICER)
            .post("api/v1/tasks/" + onDefault + "/reports", report("DONE", 100, "Đã xong"));
    assertThat(migratedReport.status()).as(migratedReport.toString()).isEqualTo(201);
    long migratedReportId = migratedReport.json().get("id").asLong();
    assertThat(reviewSteps(Demo.SUPERVISOR, onDefault)).isEmpty();
    assertThat(
            leader
                .post("api/v1/reports/" + migratedReportId + "/review", decision("APPROVE", null))
                .status())
        .isEqualTo(200);
    assertThat(
            as(Demo.SUPERVISOR)
                .post("api/v1/reports/" + migratedReportId + "/review", decision("APPROVE", null))
                .status())
        .isEqualTo(200);
    assertThat(task(onDefault).get("outcome").asText()).isEqualTo("ON_TIME");
  }

  @Test
  void aModelBreakingTheContractIsRefusedNamingEachProblemAndLeavesNoVersion() {
    String key = "refused-" + run.toLowerCase();
    String model =
        new String(twoLevelModel(), StandardCharsets.UTF_8)
            .replace("id=\"" + KEY + "\"", "id=\"" + key + "\"")
            .replace(
                "camunda:candidateGroups=\"${leadUnitLeaderGroup}\"",
                "camunda:candidateGroups=\"${execution.getProcessEngine()}\"");

    Reply refused =
        upload(Demo.ADMIN, "", part(key + ".bpmn", model.getBytes(StandardCharsets.UTF_8)));

    assertThat(refused.status).as(refused.toString()).isEqualTo(400);
    assertThat(refused.contentType).startsWith("application/problem+json");
    JsonNode problems = refused.json().get("problems");
    assertThat(problems).isNotEmpty();
    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.get("file").asText()).isEqualTo(key + ".bpmn");
              assertThat(p.get("elementId").asText()).isEqualTo("approveByUnitLeader");
              assertThat(p.get("line").asInt()).isPositive();
              assertThat(p.get("column").asInt()).isPositive();
              assertThat(p.get("message").asText()).contains("approveByUnitLeader");
            });
    assertThat(refused.json().get("errors")).isNotEmpty();
    assertThat(versionCount(key)).isZero();

    // a dry run refuses it the same way
    assertThat(
            upload(
                    Demo.ADMIN,
                    "?dryRun=true",
                    part(key + ".bpmn", model.getBytes(StandardCharsets.UTF_8)))
                .status)
        .isEqualTo(400);
  }

  @Test
  void camundasRestApiDeploysThroughTheSameRulesSoNoPathBypassesThem() {
    String key = "scripted-" + run.toLowerCase();
    String model =
        new String(twoLevelModel(), StandardCharsets.UTF_8)
            .replace("id=\"" + KEY + "\"", "id=\"" + key + "\"")
            .replace(
                "<bpmn:serviceTask id=\"urgeUnit\" name=\"Urge lead unit\""
                    + " camunda:delegateExpression=\"${urgeUnit}\">",
                "<bpmn:scriptTask id=\"urgeUnit\" name=\"Urge lead unit\" scriptFormat=\"javascript\">")
            .replace(
                "<bpmn:outgoing>toUnitUrged</bpmn:outgoing>\n      </bpmn:serviceTask>",
                "<bpmn:outgoing>toUnitUrged</bpmn:outgoing>\n"
                    + "        <bpmn:script>java.lang.Runtime.getRuntime()</bpmn:script>\n"
                    + "      </bpmn:scriptTask>");
    assertThat(model).contains("<bpmn:scriptTask id=\"urgeUnit\"");

    // as Camunda Modeler deploys: the engine's own 400, worded as its parse errors
    Reply refused =
        post(
            Demo.ADMIN,
            "engine-rest/deployment/create",
            "deployment-name",
            "Scripted (Modeler)",
            part(key + ".bpmn", model.getBytes(StandardCharsets.UTF_8)));

    assertThat(refused.status).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().get("message").asText())
        .startsWith("ENGINE-09005 Could not parse BPMN process.")
        .contains("scriptTask 'urgeUnit': scripts do not run in steerflow");
    assertThat(versionCount(key)).isZero();
  }

  @Test
  void anUploadOverTheSizeLimitIsRefusedUnreadAndAWrongRequestIsExplained() {
    byte[] large = new byte[2 * 1024 * 1024 + 1];
    java.util.Arrays.fill(large, (byte) ' ');
    Reply tooLarge = upload(Demo.ADMIN, "", part("large.bpmn", large));
    assertThat(tooLarge.status).as(tooLarge.toString()).isEqualTo(413);
    assertThat(tooLarge.contentType).startsWith("application/problem+json");
    assertThat(versionCount("large")).isZero();

    // an upload announcing more than ten files of the limit is answered before a byte is read;
    // a non-admin's is refused before its size is looked at
    assertThat(statusLine(Demo.ADMIN, 200L * 1024 * 1024)).contains(" 413 ");
    assertThat(statusLine(Demo.SUPERVISOR, 200L * 1024 * 1024)).contains(" 403 ");

    ApiClient.Reply json = as(Demo.ADMIN).post(MODELS, "{}");
    assertProblem(json, 415);
    assertThat(json.json().get("detail").asText()).contains("multipart/form-data");

    Reply misnamed = upload(Demo.ADMIN, "", part("diagram_1.bpmn", twoLevelModel()));
    assertThat(misnamed.status).as(misnamed.toString()).isEqualTo(400);
    assertThat(misnamed.json().get("problems").get(0).get("message").asText())
        .contains("name the file after its process: " + FILE);
    assertThat(upload(Demo.ADMIN, "?dryRun=maybe", part(FILE, twoLevelModel())).status)
        .isEqualTo(400);
  }

  // --- helpers

  /** The two-level model as shipped, marked with this run so that it is a change to deploy. */
  private byte[] twoLevelModel() {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("bpmn/" + FILE)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.replace(
              "name=\"Task cycle, two-level review\"",
              "name=\"Task cycle, two-level review (IT " + run + ")\"")
          .getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String assign(String unit, String plan) {
    ApiClient.Reply reply =
        as(Demo.SUPERVISOR).post("api/v1/tasks", inPlan(assignment(unit, inDays(30)), plan));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().get("code").asText();
  }

  private static Map<String, Object> inPlan(Map<String, Object> assignment, String plan) {
    assignment.put("plan", plan);
    return assignment;
  }

  private JsonNode task(String code) {
    return as(Demo.SUPERVISOR).get("api/v1/tasks/" + code).json();
  }

  private static String detail(JsonNode task, String action) {
    for (JsonNode entry : task.get("timeline")) {
      if (entry.get("action").asText().equals(action)) {
        return entry.get("detail").asText();
      }
    }
    throw new AssertionError("no " + action + " in the timeline of " + task.get("code"));
  }

  private List<JsonNode> reviewSteps(String username, String code) {
    return reviewSteps(as(username), code);
  }

  private static List<JsonNode> reviewSteps(ApiClient member, String code) {
    List<JsonNode> steps = new java.util.ArrayList<>();
    for (JsonNode item : member.get("api/v1/work?size=200").json()) {
      if (item.get("taskCode").asText().equals(code)
          && item.get("formKey").asText().equals("steerflow:review")) {
        steps.add(item);
      }
    }
    return steps;
  }

  private static Map<String, Object> pin(String key, int version) {
    return Map.of("key", key, "version", version);
  }

  private static Map<String, Object> planRequest(String code) {
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("code", code);
    plan.put("name", "Kế hoạch thử mô hình hai cấp duyệt");
    plan.put("committee", Demo.COMMITTEE);
    plan.put(
        "directive",
        Map.of("number", "7/KH-BCĐ", "date", LocalDate.now().toString(), "title", "Thử mô hình"));
    return plan;
  }

  /** The version as the admin's list shows it. */
  private JsonNode version(String key, int version) {
    for (JsonNode model : as(Demo.ADMIN).get(MODELS).json()) {
      if (model.get("key").asText().equals(key)) {
        for (JsonNode v : model.get("versions")) {
          if (v.get("version").asInt() == version) {
            return v;
          }
        }
      }
    }
    throw new AssertionError("no version " + version + " of " + key + " in the list");
  }

  private int versionCount(String key) {
    for (JsonNode model : as(Demo.ADMIN).get(MODELS).json()) {
      if (model.get("key").asText().equals(key)) {
        return model.get("versions").size();
      }
    }
    return 0;
  }

  private int latestVersion(String key) {
    for (JsonNode model : as(Demo.ADMIN).get(MODELS).json()) {
      if (model.get("key").asText().equals(key)) {
        return model.get("versions").get(0).get("version").asInt();
      }
    }
    return 0;
  }

  private static void assertProblem(ApiClient.Reply reply, int status) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
  }

  private static void assertProblem(Reply reply, int status) {
    assertThat(reply.status).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType).startsWith("application/problem+json");
  }

  // --- HTTP the shared client does not speak: multipart uploads, XML, DELETE

  private record Part(String fileName, byte[] content) {}

  private static Part part(String fileName, byte[] content) {
    return new Part(fileName, content);
  }

  private record Reply(int status, String contentType, String location, String body) {
    JsonNode json() {
      try {
        return ApiClient.JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
      }
    }
  }

  private Reply upload(String username, String query, Part... parts) {
    return post(username, MODELS + query, null, null, parts);
  }

  /** A multipart POST: an optional text field, then one "file" part per file. */
  private Reply post(String username, String path, String field, String value, Part... parts) {
    String boundary = "steerflow-" + run;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (field != null) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field
                  + "\"\r\n\r\n"
                  + value
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    for (Part part : parts) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + (field == null ? "file" : part.fileName())
                  + "\"; filename=\""
                  + part.fileName()
                  + "\"\r\nContent-Type: application/xml\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(part.content());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        send(
            request(username, path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    return new Reply(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.headers().firstValue("Location").orElse(null),
        response.body());
  }

  /**
   * The status line the server answers to an upload that announces {@code length} bytes and sends
   * none of them: what it decides before reading the body.
   */
  private String statusLine(String username, long length) {
    URI uri = base().resolve(MODELS);
    String token =
        Base64.getEncoder()
            .encodeToString((username + ":" + Demo.PASSWORD).getBytes(StandardCharsets.UTF_8));
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      socket
          .getOutputStream()
          .write(
              ("POST "
                      + uri.getRawPath()
                      + " HTTP/1.1\r\nHost: "
                      + uri.getHost()
                      + ":"
                      + uri.getPort()
                      + "\r\nAuthorization: Basic "
                      + token
                      + "\r\nAccept: application/json"
                      + "\r\nContent-Type: multipart/form-data; boundary=unsent"
                      + "\r\nContent-Length: "
                      + length
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      java.io.BufferedReader reader =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      return reader.readLine() + " ";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> xml(String username, String key, int version) {
    return send(
        request(username, MODELS + "/" + key + "/versions/" + version)
            .header("Accept", "application/xml, application/problem+json")
            .GET());
  }

  private ApiClient.Reply delete(String username, String path) {
    HttpResponse<String> response =
        send(request(username, path).header("Accept", "application/json").DELETE());
    return new ApiClient.Reply(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        null,
        response.body());
  }

  private HttpRequest.Builder request(String username, String path) {
    String token =
        Base64.getEncoder()
            .encodeToString((username + ":" + Demo.PASSWORD).getBytes(StandardCharsets.UTF_8));
    URI uri = base().resolve(path);
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + token);
  }

  private static HttpResponse<String> send(HttpRequest.Builder builder) {
    try {
      return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
