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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Camunda's REST API at {@code /engine-rest} on the real server, called as Camunda Modeler calls
 * it: an admin deploys (the multipart form Modeler posts), nobody else may, the paths steerflow
 * does not offer do not exist, and the engine records who deployed. Then migration of running tasks
 * over {@code /api/v1/admin/migrations}: a task moves to a version deployed through {@code
 * /engine-rest} and goes on there; a task an incompatible model cannot place stays where it is.
 */
@RunAsClient
class EngineRestIT extends DeployedSteerflow {

  private static final String ENGINE_REST = "engine-rest/";
  private static final String PROCESS_ID = "task-cycle";
  private static final String MIGRATIONS = "api/v1/admin/migrations";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  // ---------------------------------------------------------------------------------- deploying

  @Test
  void anAdminDeploysFromCamundaModelerAndTheEngineRecordsWhoDid() {
    // what Modeler asks before it deploys: the connection, the engine's version
    ApiClient.Reply connection = as(Demo.ADMIN).get(ENGINE_REST + "deployment?maxResults=0");
    assertThat(connection.status()).as(connection.toString()).isEqualTo(200);
    assertThat(connection.json()).isEmpty();
    ApiClient.Reply version = as(Demo.ADMIN).get(ENGINE_REST + "version");
    assertThat(version.status()).as(version.toString()).isEqualTo(200);
    assertThat(version.json().get("version").asText()).startsWith("7.24");

    int latestBefore = latestVersion(PROCESS_ID);
    String name = "Task cycle " + UUID.randomUUID();
    Reply deployed =
        deployAsModelerDoes(Demo.ADMIN, "Task cycle (Modeler)", renamedModel(name), PROCESS_ID);

    assertThat(deployed.status()).as(deployed.toString()).isIn(200, 201);
    JsonNode deployment = deployed.json();
    String deploymentId = deployment.get("id").asText();
    assertThat(deployment.get("name").asText()).isEqualTo("Task cycle (Modeler)");
    assertThat(deployment.get("source").asText()).isEqualTo("Camunda Modeler");
    List<JsonNode> definitions = new ArrayList<>();
    deployment.get("deployedProcessDefinitions").forEach(definitions::add);
    assertThat(definitions).hasSize(1);
    JsonNode definition = definitions.get(0);
    assertThat(definition.get("key").asText()).isEqualTo(PROCESS_ID);
    assertThat(definition.get("name").asText()).isEqualTo(name);
    assertThat(definition.get("version").asInt()).isEqualTo(latestBefore + 1);
    String definitionId = definition.get("id").asText();

    // the new version is what new tasks start on, and its model reads back as deployed
    assertThat(
            as(Demo.ADMIN)
                .get(ENGINE_REST + "process-definition/key/" + PROCESS_ID)
                .json()
                .get("id")
                .asText())
        .isEqualTo(definitionId);
    assertThat(
            as(Demo.ADMIN)
                .get(ENGINE_REST + "process-definition/" + definitionId + "/xml")
                .json()
                .get("bpmn20Xml")
                .asText())
        .contains("name=\"" + name + "\"");
    assertThat(
            as(Demo.ADMIN)
                .get(
                    ENGINE_REST
                        + "process-definition?key="
                        + PROCESS_ID
                        + "&deploymentId="
                        + deploymentId)
                .json())
        .extracting(d -> d.get("id").asText())
        .containsExactly(definitionId);
    ApiClient.Reply read = as(Demo.ADMIN).get(ENGINE_REST + "deployment/" + deploymentId);
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    assertThat(read.json().get("source").asText()).isEqualTo("Camunda Modeler");
    assertThat(as(Demo.ADMIN).get(ENGINE_REST + "deployment/" + deploymentId + "/resources").json())
        .extracting(r -> r.get("name").asText())
        .containsExactly(PROCESS_ID + ".bpmn");

    // the engine's operation log names the admin who deployed
    ApiClient.Reply log =
        as(Demo.ADMIN)
            .get(
                ENGINE_REST
                    + "history/user-operation?entityType=Deployment&deploymentId="
                    + deploymentId);
    assertThat(log.status()).as(log.toString()).isEqualTo(200);
    assertThat(log.json())
        .isNotEmpty()
        .allSatisfy(
            entry -> {
              assertThat(entry.get("userId").asText()).isEqualTo(Demo.ADMIN);
              assertThat(entry.get("operationType").asText()).isEqualTo("Create");
            });

    // Deploy pressed again on the unchanged model: duplicate filtering, no new version
    Reply again =
        deployAsModelerDoes(Demo.ADMIN, "Task cycle (Modeler)", renamedModel(name), PROCESS_ID);
    assertThat(again.status()).as(again.toString()).isIn(200, 201);
    assertThat(again.json().get("id").asText()).isEqualTo(deploymentId);
    assertThat(latestVersion(PROCESS_ID)).isEqualTo(latestBefore + 1);
  }

  @Test
  void onlyAdminsReachTheEngineRestApiAndNothingIsDeployedForAnyoneElse() {
    long before = deploymentCount();
    String model = renamedModel("Task cycle " + UUID.randomUUID());

    Reply supervisor = deployAsModelerDoes(Demo.SUPERVISOR, "by a supervisor", model, PROCESS_ID);
    assertThat(supervisor.status()).as(supervisor.toString()).isEqualTo(403);
    assertThat(supervisor.contentType()).startsWith("application/problem+json");
    // even where nothing exists: a non-admin learns nothing of the paths
    assertThat(as(Demo.SUPERVISOR).get(ENGINE_REST + "version").status()).isEqualTo(403);
    assertThat(as(Demo.SUPERVISOR).get(ENGINE_REST + "task").status()).isEqualTo(403);
    assertThat(as(Demo.JUSTICE_OFFICER).get(ENGINE_REST + "deployment").status()).isEqualTo(403);

    Reply anonymous = send("POST", ENGINE_REST + "deployment/create", null, multipart(model));
    assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
    assertThat(anonymous.wwwAuthenticate()).startsWith("Basic");
    Reply wrongPassword =
        send(
            "POST",
            ENGINE_REST + "deployment/create",
            basic(Demo.ADMIN, "not-the-password"),
            multipart(model));
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(ApiClient.anonymous(base()).get(ENGINE_REST + "version").status()).isEqualTo(401);

    assertThat(deploymentCount()).isEqualTo(before);
  }

  @Test
  void whatSteerflowDoesNotOfferDoesNotExistEvenForAnAdmin() {
    JsonNode latest =
        as(Demo.ADMIN).get(ENGINE_REST + "process-definition/key/" + PROCESS_ID).json();
    String definitionId = latest.get("id").asText();
    String deploymentId = latest.get("deploymentId").asText();
    String code = assignTo(Demo.JUSTICE, inDays(10));
    String instanceId = instanceOf(code).get("id").asText();

    // read-only views of running instances are offered: where a migration must place them
    assertThat(as(Demo.ADMIN).get(ENGINE_REST + "process-instance/" + instanceId).status())
        .isEqualTo(200);
    assertThat(
            as(Demo.ADMIN)
                .get(ENGINE_REST + "process-instance/" + instanceId + "/activity-instances")
                .body())
        .contains("submitReport");

    Map<String, String> refusedPaths = new LinkedHashMap<>();
    refusedPaths.put("GET", ENGINE_REST + "task");
    refusedPaths.put("GET ", ENGINE_REST + "execution");
    refusedPaths.put("GET  ", ENGINE_REST + "process-instance/" + instanceId + "/variables");
    refusedPaths.put("GET   ", ENGINE_REST + "engine/default/task");
    refusedPaths.put("GET    ", ENGINE_REST + "history/task");
    refusedPaths.put("GET     ", ENGINE_REST + "user");
    refusedPaths.put("GET      ", ENGINE_REST + "application.wadl");
    refusedPaths.put("POST", ENGINE_REST + "process-definition/" + definitionId + "/start");
    refusedPaths.put("POST ", ENGINE_REST + "process-definition/key/" + PROCESS_ID + "/start");
    refusedPaths.put("POST  ", ENGINE_REST + "message");
    refusedPaths.put("PUT", ENGINE_REST + "process-instance/" + instanceId + "/suspended");
    refusedPaths.forEach(
        (method, path) -> {
          Reply reply = send(method.trim(), path, basic(Demo.ADMIN, Demo.PASSWORD), json("{}"));
          assertThat(reply.status()).as(method.trim() + " " + path + ": " + reply).isEqualTo(404);
          assertThat(reply.body()).contains("steerflow offers only");
        });
    // an offered path with another method
    Reply delete =
        send(
            "DELETE",
            ENGINE_REST + "deployment/" + deploymentId + "?cascade=true",
            basic(Demo.ADMIN, Demo.PASSWORD),
            null);
    assertThat(delete.status()).as(delete.toString()).isEqualTo(405);
    Reply deleteInstance =
        send(
            "DELETE",
            ENGINE_REST + "process-instance/" + instanceId,
            basic(Demo.ADMIN, Demo.PASSWORD),
            null);
    assertThat(deleteInstance.status()).as(deleteInstance.toString()).isEqualTo(405);
    // the operation log of anything but deployments
    assertThat(as(Demo.ADMIN).get(ENGINE_REST + "history/user-operation").status()).isEqualTo(400);
    assertThat(as(Demo.ADMIN).get(ENGINE_REST + "history/user-operation?entityType=Task").status())
        .isEqualTo(400);

    // nothing was changed: the deployment, the instance and its step are all there
    assertThat(as(Demo.ADMIN).get(ENGINE_REST + "deployment/" + deploymentId).status())
        .isEqualTo(200);
    assertThat(instanceOf(code).get("suspended").asBoolean()).isFalse();
    assertThat(
            TaskCycleIT.itemsOf(as(Demo.JUSTICE_OFFICER).get("api/v1/work?size=200").json(), code))
        .extracting(i -> i.get("formKey").asText())
        .containsExactly("steerflow:report");
  }

  @Test
  void aModelThatDoesNotParseIsRefusedWithCamundasMessageAsModelerShowsIt() {
    long before = deploymentCount();
    // a sequence flow to nowhere: Modeler recognises Camunda's ENGINE-09005 and shows the errors
    Reply invalid =
        deployAsModelerDoes(
            Demo.ADMIN,
            "invalid",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="invalid"
                targetNamespace="https://steerflow.vn/bpmn">
              <bpmn:process id="invalid-model" isExecutable="true" camunda:historyTimeToLive="1">
                <bpmn:startEvent id="started" />
                <bpmn:sequenceFlow id="toNowhere" sourceRef="started" targetRef="nowhere" />
              </bpmn:process>
            </bpmn:definitions>
            """,
            "invalid-model");
    assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
    assertThat(invalid.json().get("message").asText())
        .startsWith("ENGINE-09005 Could not parse BPMN process.");
    // not even XML: the admin's mistake too, not a server failure
    Reply notXml =
        deployAsModelerDoes(
            Demo.ADMIN,
            "broken",
            "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">",
            "broken");
    assertThat(notXml.status()).as(notXml.toString()).isEqualTo(400);
    assertThat(notXml.json().get("message").asText()).startsWith("ENGINE-09003");
    assertThat(deploymentCount()).isEqualTo(before);
  }

  // ---------------------------------------------------------------------------------- migrating

  @Test
  void aRunningTaskMovesToANewVersionDeployedFromModelerAndItsOpenStepStillWorks() {
    String code = assignTo(Demo.JUSTICE, inDays(10));
    String instanceId = instanceOf(code).get("id").asText();
    String v1 = instanceOf(code).get("definitionId").asText();
    String v2 = deployNewVersion();
    assertThat(v2).isNotEqualTo(v1);

    // a dry run says what would move, and moves nothing
    ApiClient.Reply dryRun = as(Demo.ADMIN).post(MIGRATIONS, migration(v1, v2, code, true));
    assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
    assertThat(dryRun.json().get("dryRun").asBoolean()).isTrue();
    assertThat(dryRun.json().get("source").get("id").asText()).isEqualTo(v1);
    assertThat(dryRun.json().get("target").get("id").asText()).isEqualTo(v2);
    JsonNode planned = only(dryRun.json().get("instances"));
    assertThat(planned.get("processInstanceId").asText()).isEqualTo(instanceId);
    assertThat(planned.get("taskCode").asText()).isEqualTo(code);
    assertThat(planned.get("status").asText()).isEqualTo("WOULD_MIGRATE");
    assertThat(moves(planned)).contains("submitReport -> submitReport");
    assertThat(planned.get("problems")).isEmpty();
    assertThat(instanceOf(code).get("definitionId").asText()).isEqualTo(v1);

    // only admins
    ApiClient.Reply bySupervisor =
        as(Demo.SUPERVISOR).post(MIGRATIONS, migration(v1, v2, code, false));
    assertThat(bySupervisor.status()).as(bySupervisor.toString()).isEqualTo(403);
    assertThat(instanceOf(code).get("definitionId").asText()).isEqualTo(v1);

    ApiClient.Reply migrated = as(Demo.ADMIN).post(MIGRATIONS, migration(v1, v2, code, false));
    assertThat(migrated.status()).as(migrated.toString()).isEqualTo(200);
    assertThat(only(migrated.json().get("instances")).get("status").asText()).isEqualTo("MIGRATED");
    assertThat(migrated.json().get("counts").get("MIGRATED").asInt()).isEqualTo(1);
    assertThat(instanceOf(code).get("definitionId").asText()).isEqualTo(v2);
    assertThat(instanceOf(code).get("id").asText()).isEqualTo(instanceId);

    // the open step goes on: report, review, done on time
    ApiClient.Reply reported =
        as(Demo.JUSTICE_OFFICER)
            .post("api/v1/tasks/" + code + "/reports", report("DONE", 100, "Hoàn thành"));
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    ApiClient.Reply approved =
        as(Demo.SUPERVISOR)
            .post(
                "api/v1/reports/" + reportUnderReview(code) + "/review", decision("APPROVE", null));
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    JsonNode task = as(Demo.SUPERVISOR).get("api/v1/tasks/" + code).json();
    assertThat(task.get("outcome").asText()).isEqualTo("ON_TIME");
    assertThat(task.get("currentSteps")).isEmpty();
  }

  @Test
  void aTaskAnIncompatibleModelCannotPlaceIsReportedAndStaysOnItsVersion() {
    String code = assignTo(Demo.JUSTICE, inDays(10));
    String v1 = instanceOf(code).get("definitionId").asText();
    // another process whose report step has another id: a task waiting to report has nowhere to go
    String otherProcess = "task-cycle-renamed-steps";
    String incompatible =
        bundledModel()
            .replace("id=\"" + PROCESS_ID + "\"", "id=\"" + otherProcess + "\"")
            .replaceAll("\\bsubmitReport\\b", "submitProgressReport");
    Reply deployed = deployAsModelerDoes(Demo.ADMIN, otherProcess, incompatible, otherProcess);
    assertThat(deployed.status()).as(deployed.toString()).isIn(200, 201);
    String target =
        as(Demo.ADMIN)
            .get(ENGINE_REST + "process-definition/key/" + otherProcess)
            .json()
            .get("id")
            .asText();

    for (boolean dryRun : new boolean[] {true, false}) {
      ApiClient.Reply reply = as(Demo.ADMIN).post(MIGRATIONS, migration(v1, target, code, dryRun));
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      JsonNode refused = only(reply.json().get("instances"));
      assertThat(refused.get("status").asText())
          .as("dry run " + dryRun)
          .isEqualTo("NOT_MIGRATABLE");
      assertThat(moves(refused)).contains("submitReport -> nowhere");
      assertThat(refused.get("problems").get(0).asText())
          .startsWith("'submitReport' (Submit progress report): ")
          .contains("no activity with this id");
      assertThat(reply.json().get("counts").get("NOT_MIGRATABLE").asInt()).isEqualTo(1);
    }

    // still on its version, and its step still works
    assertThat(instanceOf(code).get("definitionId").asText()).isEqualTo(v1);
    assertThat(
            as(Demo.JUSTICE_OFFICER)
                .post("api/v1/tasks/" + code + "/reports", report("IN_PROGRESS", 40, "Đang làm"))
                .status())
        .isEqualTo(201);
  }

  @Test
  void badMigrationRequestsAreProblemsNamingTheFieldAndMoveNothing() {
    String code = assignTo(Demo.POLICE, inDays(10));
    String v1 = instanceOf(code).get("definitionId").asText();
    String v2 = deployNewVersion();

    assertBadRequest(migration(PROCESS_ID + ":99999", v2, code, false), "source");
    assertBadRequest(migration(v1, v1, code, false), "target");
    assertBadRequest(migration(v1, "no-such-definition", code, false), "target");
    assertBadRequest(migration(v2, v1, code, false), "taskCodes[0]");
    assertBadRequest(migration(v1, v2, "NV-0000-0000", false), "taskCodes[0]");
    Map<String, Object> noDryRun = migration(v1, v2, code, false);
    noDryRun.remove("dryRun");
    assertBadRequest(noDryRun, "dryRun");
    Map<String, Object> twoWays = migration(v1, v2, code, false);
    twoWays.put("allInstances", true);
    assertBadRequest(twoWays, "processInstanceIds");
    Map<String, Object> unknownField = migration(v1, v2, code, false);
    unknownField.put("mapping", "all");
    assertBadRequest(unknownField, "mapping");
    Map<String, Object> textForFlag = migration(v1, v2, code, false);
    textForFlag.put("dryRun", "no");
    assertBadRequest(textForFlag, "dryRun");

    assertThat(instanceOf(code).get("definitionId").asText()).isEqualTo(v1);
  }

  // ---------------------------------------------------------------------------------- helpers

  private void assertBadRequest(Map<String, Object> body, String field) {
    ApiClient.Reply reply = as(Demo.ADMIN).post(MIGRATIONS, body);
    assertThat(reply.status()).as(body + " -> " + reply).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    List<String> fields = new ArrayList<>();
    reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).as(reply.toString()).contains(field);
  }

  private static Map<String, Object> migration(
      String source, String target, String taskCode, boolean dryRun) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("source", source);
    body.put("target", target);
    body.put("taskCodes", List.of(taskCode));
    body.put("dryRun", dryRun);
    return body;
  }

  private static JsonNode only(JsonNode array) {
    assertThat(array).hasSize(1);
    return array.get(0);
  }

  private static List<String> moves(JsonNode instance) {
    List<String> moves = new ArrayList<>();
    instance
        .get("moves")
        .forEach(
            m ->
                moves.add(
                    m.get("from").asText()
                        + " -> "
                        + (m.get("to").isNull() ? "nowhere" : m.get("to").asText())));
    return moves;
  }

  /** The task's running cycle, as Camunda's REST API shows it. */
  private JsonNode instanceOf(String taskCode) {
    JsonNode found =
        as(Demo.ADMIN)
            .get(
                ENGINE_REST
                    + "process-instance?businessKey="
                    + URLEncoder.encode(taskCode, StandardCharsets.UTF_8))
            .json();
    return only(found);
  }

  /** A new version of the default model (only its name changes), deployed as Modeler does. */
  private String deployNewVersion() {
    Reply deployed =
        deployAsModelerDoes(
            Demo.ADMIN,
            "Task cycle (Modeler)",
            renamedModel("Task cycle " + UUID.randomUUID()),
            PROCESS_ID);
    assertThat(deployed.status()).as(deployed.toString()).isIn(200, 201);
    return deployed.json().get("deployedProcessDefinitions").elements().next().get("id").asText();
  }

  private int latestVersion(String key) {
    return as(Demo.ADMIN)
        .get(ENGINE_REST + "process-definition/key/" + key)
        .json()
        .get("version")
        .asInt();
  }

  private long deploymentCount() {
    return as(Demo.ADMIN).get(ENGINE_REST + "deployment/count").json().get("count").asLong();
  }

  private static String bundledModel() {
    try (InputStream in =
        EngineRestIT.class.getClassLoader().getResourceAsStream("bpmn/" + PROCESS_ID + ".bpmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bundled model under another process name: behaves the same, is a new version. */
  private static String renamedModel(String name) {
    String xml = bundledModel();
    String renamed =
        xml.replaceFirst(
            "(<bpmn:process id=\"" + PROCESS_ID + "\" name=\")[^\"]*\"", "$1" + name + "\"");
    assertThat(renamed).isNotEqualTo(xml);
    return renamed;
  }

  // ---------------------------------------------------------------------------------- HTTP

  /** The form Camunda Modeler posts when Deploy is pressed (its CamundaAPI.deployDiagram). */
  private Reply deployAsModelerDoes(String user, String deploymentName, String xml, String file) {
    return send(
        "POST",
        ENGINE_REST + "deployment/create",
        basic(user, Demo.PASSWORD),
        multipart(deploymentName, xml, file + ".bpmn"));
  }

  private record Body(String contentType, byte[] bytes) {}

  private static Body multipart(String xml) {
    return multipart("a model", xml, PROCESS_ID + ".bpmn");
  }

  private static Body multipart(String deploymentName, String xml, String fileName) {
    String boundary = "----steerflow" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    field(out, boundary, "deployment-name", deploymentName);
    field(out, boundary, "deployment-source", "Camunda Modeler");
    field(out, boundary, "enable-duplicate-filtering", "true");
    write(
        out,
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + fileName
            + "\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: text/xml\r\n\r\n"
            + xml
            + "\r\n--"
            + boundary
            + "--\r\n");
    return new Body("multipart/form-data; boundary=" + boundary, out.toByteArray());
  }

  private static void field(ByteArrayOutputStream out, String boundary, String name, String value) {
    write(
        out,
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + name
            + "\"\r\n\r\n"
            + value
            + "\r\n");
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Body json(String json) {
    return new Body("application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private record Reply(int status, String contentType, String wwwAuthenticate, String body) {
    JsonNode json() {
      try {
        return ApiClient.JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
      }
    }
  }

  private Reply send(String method, String path, String authorization, Body body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base().resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
    if (body != null) {
      request.header("Content-Type", body.contentType());
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("WWW-Authenticate").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
