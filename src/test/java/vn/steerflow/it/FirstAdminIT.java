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
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.steerflow.testing.Poll;

/**
 * A fresh production install (no demo data) gets its first admin only from the operator's
 * configuration, and that admin must change the password before doing anything else. Not
 * Arquillian, whose server runs the demo: this test starts Payara Micro itself on an empty data
 * folder, as an operator would.
 */
class FirstAdminIT {

  private static final Path LOGS = Path.of("target", "first-admin-it");
  private static final String START_PASSWORD = "Khoi-tao-quan-tri-" + System.nanoTime();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

  private Process server;

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null && server.isAlive()) {
      server.destroy();
      if (!server.waitFor(60, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aFreshInstallGetsItsFirstAdminFromConfigurationWhoMustChangeThePasswordFirst()
      throws IOException {
    Path dataDir =
        Path.of(System.getProperty("steerflow.it.dataDir", "target/it-data"), "first-admin");
    deleteRecursively(dataDir);
    Files.createDirectories(LOGS);
    Path log = LOGS.resolve("server.log");
    int port = freePort();
    server =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-Dsteerflow.data.dir=" + dataDir.toAbsolutePath(),
                "-Dsteerflow.demo=false",
                "-Dsteerflow.bootstrap.admin-password=" + START_PASSWORD,
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
                "127.0.0.1")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    URI base = URI.create("http://127.0.0.1:" + port + "/");
    ApiClient admin = ApiClient.as(base, "admin", START_PASSWORD);

    ApiClient.Reply session =
        Poll.until(
            "the first admin can log in",
            START_TIMEOUT,
            Duration.ofSeconds(2),
            () -> {
              if (!server.isAlive()) {
                throw new AssertionError("Payara Micro stopped; log " + log + ":\n" + tail(log));
              }
              try {
                return admin.get("api/v1/session");
              } catch (UncheckedIOException notListeningYet) {
                return null;
              }
            },
            // Until steerflow is deployed Payara answers 404 or 500 in HTML; steerflow answers
            // JSON.
            reply -> reply != null && reply.contentType().startsWith("application/"));
    assertThat(session.status()).as(session.toString()).isEqualTo(200);
    assertThat(read(log)).contains("First admin 'admin' created");
    JsonNode member = session.json();
    assertThat(member.get("roles")).extracting(JsonNode::asText).containsExactly("ADMIN");
    assertThat(member.get("unit").asText()).isEqualTo("QTHT");
    assertThat(member.get("passwordChangeRequired").asBoolean()).isTrue();

    // No demo data, so no published password works.
    assertThat(ApiClient.as(base, "admin", Demo.PASSWORD).get("api/v1/session").status())
        .isEqualTo(401);
    // Until the start-up password is changed, nothing else is allowed.
    ApiClient.Reply refused = admin.get("api/v1/units");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.json().get("detail").asText()).contains("/api/v1/me/password");

    String chosen = "Mat-khau-quan-tri-rieng-" + System.nanoTime();
    ApiClient.Reply changed =
        admin.post(
            "api/v1/me/password", Map.of("currentPassword", START_PASSWORD, "newPassword", chosen));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
    assertThat(admin.get("api/v1/units").status()).isEqualTo(401);
    ApiClient.Reply units = ApiClient.as(base, "admin", chosen).get("api/v1/units");
    assertThat(units.status()).as(units.toString()).isEqualTo(200);
    assertThat(units.json()).extracting(u -> u.get("code").asText()).containsExactly("QTHT");
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    assertThat(value).as("system property %s (set by failsafe)", property).isNotBlank();
    return value;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(Path log) {
    List<String> lines = read(log).lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
