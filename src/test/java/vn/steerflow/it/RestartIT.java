package vn.steerflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.steerflow.testing.Poll;

/**
 * A restart loses nothing and repeats nothing: tasks, their timelines, their open steps and
 * everyone's work list are the same on a new server started on the same data folder, the cycle
 * carries on from where it stopped, and neither the demo organisation nor the bundled model is
 * loaded a second time.
 *
 * <p>Not Arquillian, which cannot restart its container in the middle of a test: this test runs
 * Payara Micro itself, the way an operator does, and stops it the way an operator does (SIGTERM).
 */
class RestartIT {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final Path LOGS = Path.of("target", "restart-it");

  /**
   * What Payara Micro logs when the WAR fails to deploy; it keeps running without the application.
   */
  private static final Pattern DEPLOYMENT_FAILED =
      Pattern.compile(
          "Exception while loading the app|Exception during lifecycle processing|CDI deployment failure|Deployment failed");

  /** What steerflow logs at start-up (DemoOrganisation, ModelDeployer). */
  private static final String DEMO_LOADED = "Demo organisation loaded";

  private static final Pattern MODELS_DEPLOYED =
      Pattern.compile("Bundled models deployed as (\\S+)");
  private static final List<String> MEMBERS =
      List.of(Demo.SUPERVISOR, Demo.LEADER, Demo.JUSTICE_OFFICER, Demo.POLICE_OFFICER);

  private final List<Server> servers = new ArrayList<>();

  @AfterEach
  void stopEveryServerStarted() {
    servers.forEach(Server::stop);
  }

  @Test
  void tasksStepsAndWorkSurviveARestartAndTheCycleCarriesOnWithoutReloadingDemoDataOrModel()
      throws Exception {
    Path dataDir =
        freshFolder(
            Path.of(System.getProperty("steerflow.it.dataDir", "target/it-data"), "restart"));

    Server first = start(dataDir, "first-start.log");
    String underReview = first.assign(Demo.JUSTICE);
    ApiClient.Reply reported =
        first
            .as(Demo.JUSTICE_OFFICER)
            .post(
                "api/v1/tasks/" + underReview + "/reports",
                report("DONE", 100, "Đã số hoá toàn bộ sổ hộ tịch"));
    assertThat(reported.status()).as("report: %s", reported).isEqualTo(201);
    long report = reported.json().get("id").asLong();
    String awaitingReport = first.assign(Demo.POLICE);
    Map<String, JsonNode> before = first.stateOf(underReview, awaitingReport, report);
    assertThat(formKeys(before.get("task " + underReview))).containsExactly("steerflow:review");
    assertThat(formKeys(before.get("task " + awaitingReport))).containsExactly("steerflow:report");
    first.stop();
    assertThat(first.process.isAlive()).as("first server stopped").isFalse();

    Server second = start(dataDir, "second-start.log");
    Map<String, JsonNode> after = second.stateOf(underReview, awaitingReport, report);
    // Same tasks, timelines, step ids, report and work lists: compared part by part for a readable
    // diff.
    before.forEach(
        (part, value) ->
            assertThat(after.get(part)).as("%s after the restart", part).isEqualTo(value));

    // Loaded on the first start only: the second found the organisation and the unchanged model in
    // place.
    assertThat(first.log()).contains(DEMO_LOADED);
    assertThat(second.log()).doesNotContain(DEMO_LOADED);
    assertThat(second.modelDeploymentId())
        .as("bundled model deployment after the restart")
        .isEqualTo(first.modelDeploymentId());

    // The cycle carries on where it stopped.
    ApiClient.Reply approved =
        second
            .as(Demo.SUPERVISOR)
            .post("api/v1/reports/" + report + "/review", decision("APPROVE"));
    assertThat(approved.status()).as("approval: %s", approved).isEqualTo(200);
    assertThat(second.task(underReview).get("outcome").asText()).isEqualTo("ON_TIME");
    assertThat(second.task(underReview).get("currentSteps")).isEmpty();

    ApiClient.Reply reportedAfter =
        second
            .as(Demo.POLICE_OFFICER)
            .post("api/v1/tasks/" + awaitingReport + "/reports", report("DONE", 100, "Hoàn thành"));
    assertThat(reportedAfter.status())
        .as("report after the restart: %s", reportedAfter)
        .isEqualTo(201);
    assertThat(
            second
                .as(Demo.SUPERVISOR)
                .post(
                    "api/v1/reports/" + reportedAfter.json().get("id").asLong() + "/review",
                    decision("APPROVE"))
                .status())
        .isEqualTo(200);
    JsonNode done = second.task(awaitingReport);
    assertThat(done.get("outcome").asText()).isEqualTo("ON_TIME");
    assertThat(actions(done)).containsExactly("ASSIGNED", "REPORTED", "APPROVED", "COMPLETED");

    // The demo units still resolve and the task codes carry on without colliding with the old ones.
    String assignedAfter = second.assign(Demo.JUSTICE);
    assertThat(assignedAfter).isNotIn(underReview, awaitingReport);

    second.stop();
    // Read the database itself once no server holds it: the API shows neither model versions nor
    // row counts.
    Map<String, Long> counts = countRows(dataDir.resolve("steerflow"));
    assertThat(counts)
        .containsEntry("model deployments", 1L)
        .containsEntry("task-cycle versions", 1L)
        .containsEntry("model deployments audited, by the system", 1L);
    assertThat(counts)
        .containsEntry("committees", 1L)
        .containsEntry("units", 20L)
        .containsEntry("members", 7L);
  }

  // ---------------------------------------------------------------- the server

  private Server start(Path dataDir, String logName) throws IOException {
    Files.createDirectories(LOGS);
    Server server = Server.start(dataDir, LOGS.resolve(logName));
    servers.add(server);
    server.awaitReady();
    return server;
  }

  /** One Payara Micro process running the WAR the build produced, on loopback and a free port. */
  private static final class Server {
    final Process process;
    final URI base;
    final Path log;

    private Server(Process process, URI base, Path log) {
      this.process = process;
      this.base = base;
      this.log = log;
    }

    static Server start(Path dataDir, Path log) throws IOException {
      int port = freePort();
      List<String> command =
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-Xmx768m",
              "-Dsteerflow.data.dir=" + dataDir.toAbsolutePath(),
              "-Dsteerflow.demo=true",
              "-jar",
              required("payara.microJar"),
              "--deploy",
              required("steerflow.war"),
              "--contextroot",
              "/",
              "--port",
              String.valueOf(port),
              "--nohazelcast",
              "--interfaces",
              "127.0.0.1");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new Server(process, URI.create("http://127.0.0.1:" + port + "/"), log);
    }

    /**
     * Polls until a demo member's work list answers; fails early, with the log's tail, if the
     * server cannot get there.
     */
    void awaitReady() {
      Instant until = Instant.now().plus(START_TIMEOUT);
      String last = "no answer yet";
      while (Instant.now().isBefore(until)) {
        if (!process.isAlive()) {
          throw new AssertionError(
              "Payara Micro exited with "
                  + process.exitValue()
                  + " before it was ready; log "
                  + log
                  + ":\n"
                  + tail());
        }
        if (DEPLOYMENT_FAILED.matcher(log()).find()) {
          throw new AssertionError("steerflow failed to deploy; log " + log + ":\n" + tail());
        }
        try {
          ApiClient.Reply reply = as(Demo.SUPERVISOR).get("api/v1/work");
          if (reply.status() == 200) {
            return;
          }
          last = reply.toString();
        } catch (UncheckedIOException notListeningYet) {
          last = notListeningYet.getCause().toString();
        }
        Poll.between(Duration.ofMillis(500));
      }
      throw new AssertionError(
          "steerflow not ready after "
              + START_TIMEOUT
              + " (last: "
              + last
              + "); log "
              + log
              + ":\n"
              + tail());
    }

    /** Stops the server as an operator does: SIGTERM, so the engine and Derby shut down cleanly. */
    void stop() {
      if (!process.isAlive()) {
        return;
      }
      process.destroy();
      try {
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
          throw new AssertionError(
              "Payara Micro ignored SIGTERM for "
                  + STOP_TIMEOUT
                  + " and was killed; log "
                  + log
                  + ":\n"
                  + tail());
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }

    ApiClient as(String member) {
      return ApiClient.as(base, member, Demo.PASSWORD);
    }

    String assign(String leadUnit) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("title", "Số hoá hồ sơ hộ tịch");
      body.put("content", "Số hoá toàn bộ sổ hộ tịch lưu trữ.");
      body.put("leadUnit", leadUnit);
      body.put("responsibleLeader", "Giám đốc");
      body.put(
          "deadline",
          OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(10).withNano(0).toString());
      body.put("expectedResult", "100% sổ hộ tịch được số hoá");
      body.put("committee", Demo.COMMITTEE);
      ApiClient.Reply reply = as(Demo.SUPERVISOR).post("api/v1/tasks", body);
      assertThat(reply.status()).as("assignment: %s", reply).isEqualTo(201);
      return reply.json().get("code").asText();
    }

    JsonNode task(String code) {
      ApiClient.Reply reply = as(Demo.SUPERVISOR).get("api/v1/tasks/" + code);
      assertThat(reply.status()).as("task %s: %s", code, reply).isEqualTo(200);
      return reply.json();
    }

    /** The tasks and report as the supervisor sees them, and each member's work list. */
    Map<String, JsonNode> stateOf(String task1, String task2, long report) {
      Map<String, JsonNode> state = new LinkedHashMap<>();
      state.put("task " + task1, task(task1));
      state.put("task " + task2, task(task2));
      state.put("report " + report, as(Demo.SUPERVISOR).get("api/v1/reports/" + report).json());
      for (String member : MEMBERS) {
        ApiClient.Reply work = as(member).get("api/v1/work?size=200");
        assertThat(work.status()).as("work of %s: %s", member, work).isEqualTo(200);
        state.put("work of " + member, work.json());
      }
      return state;
    }

    String modelDeploymentId() {
      Matcher matcher = MODELS_DEPLOYED.matcher(log());
      assertThat(matcher.find()).as("model deployment logged in %s", log).isTrue();
      return matcher.group(1);
    }

    String log() {
      try {
        return Files.readString(log, StandardCharsets.ISO_8859_1);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String tail() {
      List<String> lines = log().lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
  }

  // ---------------------------------------------------------------- helpers

  /** Counts rows in the stopped server's Derby database. */
  private static Map<String, Long> countRows(Path database) throws SQLException {
    // Derby writes its own log; keep it with the test's logs rather than in the project folder.
    System.setProperty("derby.stream.error.file", LOGS.resolve("derby-check.log").toString());
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("model deployments", "select count(*) from ACT_RE_DEPLOYMENT");
    queries.put(
        "task-cycle versions", "select count(*) from ACT_RE_PROCDEF where KEY_ = 'task-cycle'");
    queries.put(
        "model deployments audited, by the system",
        "select count(*) from SF_AUDIT_ENTRY where ACTION_NAME = 'MODEL_DEPLOYED' and ACTOR = 'system'");
    queries.put("committees", "select count(*) from SF_COMMITTEE");
    queries.put("units", "select count(*) from SF_UNIT");
    queries.put("members", "select count(*) from SF_MEMBER");
    Map<String, Long> counts = new LinkedHashMap<>();
    String url = "jdbc:derby:" + database.toAbsolutePath();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      for (Map.Entry<String, String> query : queries.entrySet()) {
        try (ResultSet rows = statement.executeQuery(query.getValue())) {
          rows.next();
          counts.put(query.getKey(), rows.getLong(1));
        }
      }
    } finally {
      try {
        DriverManager.getConnection(url + ";shutdown=true").close();
      } catch (SQLException shutDown) {
        // Derby reports a clean shut-down of one database as SQLState 08006.
        if (!"08006".equals(shutDown.getSQLState())) {
          throw shutDown;
        }
      }
    }
    return counts;
  }

  private static Path freshFolder(Path folder) throws IOException {
    if (Files.exists(folder)) {
      try (Stream<Path> paths = Files.walk(folder)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    return Files.createDirectories(folder);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || !Files.isRegularFile(Path.of(value))) {
      throw new IllegalStateException(
          "System property "
              + property
              + " must name an existing file (failsafe sets it): "
              + value);
    }
    return Path.of(value).toAbsolutePath().toString();
  }

  private static Map<String, Object> report(String status, int progress, String narrative) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("progress", progress);
    body.put("narrative", narrative);
    return body;
  }

  private static Map<String, Object> decision(String decision) {
    return Map.of("decision", decision);
  }

  private static List<String> formKeys(JsonNode task) {
    List<String> keys = new ArrayList<>();
    task.get("currentSteps").forEach(s -> keys.add(s.get("formKey").asText()));
    return keys;
  }

  private static List<String> actions(JsonNode task) {
    List<String> actions = new ArrayList<>();
    task.get("timeline").forEach(e -> actions.add(e.get("action").asText()));
    return actions;
  }
}
