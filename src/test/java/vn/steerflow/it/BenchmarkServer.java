package vn.steerflow.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import vn.steerflow.testing.Poll;

/**
 * One Payara Micro process running the built WAR on a data folder, on 127.0.0.1 and a free port,
 * with the JVM and Derby settings of {@code deploy/steerflow.sh} and the run command: what an
 * operator runs, measured from outside. Started and stopped as {@code RestartIT} does (SIGTERM, so
 * Derby shuts down cleanly and its files can be opened by the bulk loader).
 */
final class BenchmarkServer implements AutoCloseable {

  /** The server's JVM and Derby options, as {@code deploy/steerflow.sh} and pom.xml set them. */
  static final List<String> JVM_OPTIONS =
      List.of(
          "-Xmx768m",
          "-Dderby.storage.pageCacheSize=4000",
          "-Dderby.storage.fileCacheSize=1000",
          "-Dderby.storage.checkpointInterval=134217728");

  private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);
  private static final Pattern DEPLOYMENT_FAILED =
      Pattern.compile(
          "Exception while loading the app|Exception during lifecycle processing|CDI deployment failure|Deployment failed");

  final Process process;
  final URI base;
  final Path log;
  final List<String> command;

  private BenchmarkServer(Process process, URI base, Path log, List<String> command) {
    this.process = process;
    this.base = base;
    this.log = log;
    this.command = command;
  }

  /** Starts Payara Micro with the WAR on the data folder and waits until the API answers. */
  static BenchmarkServer start(Path payaraMicroJar, Path war, Path dataDir, Path log)
      throws IOException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.add("-Dsteerflow.data.dir=" + dataDir.toAbsolutePath());
    // The demo organisation and plans are loaded into the empty database of the first start only.
    command.add("-Dsteerflow.demo=true");
    command.addAll(
        List.of(
            "-jar",
            payaraMicroJar.toAbsolutePath().toString(),
            "--deploy",
            war.toAbsolutePath().toString(),
            "--contextroot",
            "/",
            "--port",
            String.valueOf(port),
            "--nohazelcast",
            "--interfaces",
            "127.0.0.1"));
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    // Should Maven be stopped (Ctrl-C), the server goes with it rather than holding the database.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
    BenchmarkServer server =
        new BenchmarkServer(process, URI.create("http://127.0.0.1:" + port + "/"), log, command);
    try {
      server.awaitReady();
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
    return server;
  }

  ApiClient as(String member) {
    return ApiClient.as(base, member, Demo.PASSWORD);
  }

  /** Polls until the supervisor's work list answers 200; fails with the log's tail otherwise. */
  private void awaitReady() {
    Instant until = Instant.now().plus(START_TIMEOUT);
    String last = "no answer yet";
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Payara Micro exited with " + process.exitValue() + "; log " + log + ":\n" + tail());
      }
      if (DEPLOYMENT_FAILED.matcher(log()).find()) {
        throw new IllegalStateException("steerflow failed to deploy; log " + log + ":\n" + tail());
      }
      try {
        ApiClient.Reply reply = as(Demo.SUPERVISOR).get("api/v1/work?size=1");
        if (reply.status() == 200) {
          return;
        }
        last = reply.toString();
      } catch (UncheckedIOException notListeningYet) {
        last = String.valueOf(notListeningYet.getCause());
      }
      Poll.between(Duration.ofMillis(500));
    }
    throw new IllegalStateException(
        "steerflow not ready after "
            + START_TIMEOUT
            + " ("
            + last
            + "); log "
            + log
            + ":\n"
            + tail());
  }

  /** SIGTERM and wait, as an operator stops it; forcibly only if it ignores that. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        throw new IllegalStateException(
            "Payara Micro ignored SIGTERM for " + STOP_TIMEOUT + "; log " + log);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  String log() {
    try {
      return Files.readString(log, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String tail() {
    List<String> lines = log().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
