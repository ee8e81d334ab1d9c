package vn.steerflow.workflow.derby;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Derby against H2 on steerflow's basic engine cycle: start a process instance, complete its
 * "report" task, complete its "review" task, and the instance ends. One thread, history FULL, no
 * job executor, both databases in files; Derby durable (every commit synced to disk), with the
 * dialect plugin. Derby and H2 alternate in rounds so that load from elsewhere on the machine hits
 * both alike.
 *
 * <p>Run with {@code mvn -Pbenchmark verify -DskipTests}; the only argument is the folder for the
 * databases. System properties vary a run for profiling: {@code benchmark.seconds} (measured time
 * per database, default 15), {@code benchmark.rounds} (15), {@code benchmark.warmUpCycles} (at
 * least 300), {@code benchmark.warmUpSeconds} (20), {@code benchmark.history} (full), {@code
 * benchmark.jdbcBatchProcessing} (true), and any {@code derby.*} property, e.g. {@code
 * derby.storage.pageCacheSize}. Every setting in force is printed.
 */
public final class EngineCycleBenchmark {

  /**
   * Derby's page cache in pages (its default is 1000). 4000 pages hold the engine's hot tables and
   * indexes of this run, so the figures measure commits and SQL rather than page reads.
   */
  static final String DERBY_PAGE_CACHE_SIZE = "4000";

  /**
   * Derby's cache of open data files (its default is 100). Derby keeps every table and every index
   * in a file of its own, and the engine's schema makes about 400 of them, so the default cache
   * thrashes: each eviction of a file written since it was opened rewrites its header and fsyncs
   * it. Measured on this workload, 100 files gave 4 to 5 times fewer cycles per second than 1000
   * (docs/benchmark-derby.md). Keeping files open costs one file descriptor each and does not
   * weaken durability.
   */
  static final String DERBY_FILE_CACHE_SIZE = "1000";

  /**
   * Bytes of log between Derby checkpoints (its default is 10 MB), as steerflow runs it: fewer
   * checkpoints mean fewer page writes on the commit path. Commits stay synced; a crash replays up
   * to this much log at the next start. See docs/benchmark-derby.md, finding 4.
   */
  static final String DERBY_CHECKPOINT_INTERVAL = "134217728";

  /**
   * Seconds a Derby statement waits for a lock (its default is 60). The run has one thread, so any
   * wait is a bug: fail within seconds rather than stall for a minute.
   */
  static final String DERBY_LOCK_WAIT_TIMEOUT = "10";

  static final double TARGET_DERBY_CYCLES_PER_SECOND = 150;
  static final double TARGET_MAX_SLOWDOWN_AGAINST_H2 = 2;

  private static final String PROCESS_KEY = "steeringCycle";

  private static final List<String> REPORTED_DERBY_SETTINGS =
      List.of(
          "derby.system.durability",
          "derby.storage.pageCacheSize",
          "derby.storage.fileCacheSize",
          "derby.locks.waitTimeout",
          "derby.stream.error.file");

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private EngineCycleBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException(
          "usage: EngineCycleBenchmark <folder for the benchmark databases>");
    }
    Path root = Path.of(args[0]).toAbsolutePath();
    deleteRecursively(root);
    Files.createDirectories(root);

    int seconds = Integer.getInteger("benchmark.seconds", 15);
    // Short alternating rounds: load from elsewhere on the machine comes and goes in seconds, and
    // should
    // fall on both databases alike.
    int rounds = Integer.getInteger("benchmark.rounds", 15);
    int warmUpCycles = Integer.getInteger("benchmark.warmUpCycles", 300);
    int warmUpSeconds = Integer.getInteger("benchmark.warmUpSeconds", 20);
    String history = System.getProperty("benchmark.history", "full");
    boolean jdbcBatchProcessing =
        Boolean.parseBoolean(System.getProperty("benchmark.jdbcBatchProcessing", "true"));

    // Derby reads its system properties when it boots, i.e. at the first connection below. A value
    // given
    // on the command line wins, so a profiling run can vary it.
    String pageCacheSize = setIfAbsent("derby.storage.pageCacheSize", DERBY_PAGE_CACHE_SIZE);
    String lockWaitTimeout = setIfAbsent("derby.locks.waitTimeout", DERBY_LOCK_WAIT_TIMEOUT);
    String fileCacheSize = setIfAbsent("derby.storage.fileCacheSize", DERBY_FILE_CACHE_SIZE);
    setIfAbsent("derby.storage.checkpointInterval", DERBY_CHECKPOINT_INTERVAL);
    setIfAbsent("derby.stream.error.file", root.resolve("derby.log").toString());
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    String durability = System.getProperty("derby.system.durability");

    System.out.println(
        "== EngineCycleBenchmark: start process -> complete 'report' -> complete 'review' (process ends)");
    System.out.printf(
        Locale.ROOT,
        "machine: %d cores, %s, Java %s, %s%n",
        Runtime.getRuntime().availableProcessors(),
        cpuModel(),
        System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    System.out.println(
        "load average at the start (1, 5, 15 min): "
            + loadAverage()
            + " (other work on the machine slows both databases)");
    System.out.printf(
        Locale.ROOT,
        "disk under %s: fsync of a 4 KiB write p50 %.2f ms%n",
        root,
        fsyncMillisP50(root));
    System.out.printf(
        Locale.ROOT,
        "engine: 1 thread, history %s, job executor off, jdbcBatchProcessing %s%n",
        history,
        jdbcBatchProcessing);
    System.out.printf(
        Locale.ROOT,
        "Derby settings: derby.system.durability=%s, derby.storage.pageCacheSize=%s, derby.storage.fileCacheSize=%s,"
            + " derby.locks.waitTimeout=%s, DerbyDialectPlugin on%n",
        durability == null ? "(unset: durable, log synced on every commit)" : durability,
        pageCacheSize,
        fileCacheSize,
        lockWaitTimeout);
    List<String> otherDerbySettings =
        System.getProperties().stringPropertyNames().stream()
            .filter(key -> key.startsWith("derby.") && !REPORTED_DERBY_SETTINGS.contains(key))
            .sorted()
            .map(key -> key + "=" + System.getProperty(key))
            .toList();
    if (!otherDerbySettings.isEmpty()) {
      System.out.println("other Derby settings: " + String.join(", ", otherDerbySettings));
    }
    if (durability != null) {
      System.out.println(
          "WARNING: derby.system.durability is set: Derby is NOT durable and its figures do not count against the targets");
    }

    Database derby =
        new Database("Derby", derbyEngine(root.resolve("derby"), history, jdbcBatchProcessing));
    Database h2 = new Database("H2", h2Engine(root.resolve("h2"), history, jdbcBatchProcessing));
    try {
      System.out.printf(
          Locale.ROOT, "Derby: %s, file %s%n", derby.productVersion(), root.resolve("derby"));
      System.out.printf(
          Locale.ROOT,
          "H2:    %s, %s (H2 defaults: commits reach the file within WRITE_DELAY, 500 ms, not synced each)%n",
          h2.productVersion(),
          h2.url());

      for (Database database : List.of(derby, h2)) {
        database.deploy();
      }
      // The JIT keeps compiling the engine's code paths for thousands of cycles: warm up for a time
      // as well
      // as a number of cycles, in alternating one-second slices like the measured rounds.
      long warmUpStart = System.nanoTime();
      while (derby.warmUpCycles < warmUpCycles
          || h2.warmUpCycles < warmUpCycles
          || System.nanoTime() - warmUpStart < warmUpSeconds * 2_000_000_000L) {
        for (Database database : List.of(derby, h2)) {
          database.run(Integer.MAX_VALUE, 1_000_000_000L, false);
          database.warmUpCycles += database.lastRunCycles;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "warm-up: %d s per database, alternating (%d Derby cycles, %d H2 cycles); measured: %d rounds x %.1f s per database, alternating%n",
          warmUpSeconds,
          derby.warmUpCycles,
          h2.warmUpCycles,
          rounds,
          seconds / (double) rounds);

      long roundNanos = (long) (seconds * 1e9 / rounds);
      for (int round = 1; round <= rounds; round++) {
        for (Database database : List.of(derby, h2)) {
          database.roundCyclesPerSecond.add(database.run(Integer.MAX_VALUE, roundNanos, true));
        }
      }
      for (Database database : List.of(derby, h2)) {
        System.out.printf(
            Locale.ROOT,
            "%-5s per round (cycles/s): %s%n",
            database.name,
            database.roundCyclesPerSecond.stream()
                .map(value -> String.format(Locale.ROOT, "%.0f", value))
                .toList());
      }

      for (Database database : List.of(derby, h2)) {
        database.checkEveryInstanceEnded();
        System.out.printf(
            Locale.ROOT,
            "%-5s: %d cycles in %.1f s = %.1f cycles/s; cycle latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms;"
                + " CPU of the benchmark thread %.2f ms per cycle%n",
            database.name,
            database.measuredCycles,
            database.measuredNanos / 1e9,
            database.cyclesPerSecond(),
            database.percentileMillis(50),
            database.percentileMillis(95),
            database.percentileMillis(99),
            database.measuredCpuNanos / 1e6 / database.measuredCycles);
      }
      System.out.println("load average at the end (1, 5, 15 min): " + loadAverage());
      double ratio = derby.cyclesPerSecond() / h2.cyclesPerSecond();
      System.out.printf(
          Locale.ROOT, "Derby/H2 throughput ratio: %.2f (H2 is %.2fx Derby)%n", ratio, 1 / ratio);
      // Each Derby round and the H2 round right after it share the machine's load of that moment.
      List<Double> pairedRatios = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        pairedRatios.add(
            derby.roundCyclesPerSecond.get(round) / h2.roundCyclesPerSecond.get(round));
      }
      System.out.printf(
          Locale.ROOT,
          "median of the per-round Derby/H2 ratios: %.2f; median round: Derby %.1f cycles/s, H2 %.1f cycles/s%n",
          median(pairedRatios),
          median(derby.roundCyclesPerSecond),
          median(h2.roundCyclesPerSecond));
      System.out.printf(
          Locale.ROOT,
          "target Derby >= %.0f cycles/s with history full: %s%n",
          TARGET_DERBY_CYCLES_PER_SECOND,
          verdict(derby.cyclesPerSecond() >= TARGET_DERBY_CYCLES_PER_SECOND, durability, history));
      System.out.printf(
          Locale.ROOT,
          "target Derby within %.0fx of H2 (ratio >= %.2f): %s%n",
          TARGET_MAX_SLOWDOWN_AGAINST_H2,
          1 / TARGET_MAX_SLOWDOWN_AGAINST_H2,
          verdict(ratio >= 1 / TARGET_MAX_SLOWDOWN_AGAINST_H2, durability, history));
    } finally {
      derby.engine.close();
      h2.engine.close();
      shutDownDerby();
    }
  }

  private static String verdict(boolean met, String durability, String history) {
    if (durability != null || !"full".equals(history)) {
      return (met ? "met" : "not met")
          + " (not a valid run for the target: durability or history changed)";
    }
    return met ? "MET" : "NOT MET";
  }

  private static ProcessEngine derbyEngine(
      Path folder, String history, boolean jdbcBatchProcessing) {
    StandaloneProcessEngineConfiguration configuration =
        DerbyTestEngines.configuration("benchmark-derby", folder.resolve("db"));
    configuration.setHistory(history);
    configuration.setJdbcBatchProcessing(jdbcBatchProcessing);
    return configuration.buildProcessEngine();
  }

  /**
   * The Derby engine's configuration with only the database changed, and without the Derby plugin.
   */
  private static ProcessEngine h2Engine(Path folder, String history, boolean jdbcBatchProcessing) {
    StandaloneProcessEngineConfiguration configuration =
        DerbyTestEngines.configuration("benchmark-h2", folder.resolve("db"));
    configuration.setJdbcUrl("jdbc:h2:file:" + folder.resolve("db"));
    configuration.setJdbcDriver("org.h2.Driver");
    configuration.setJdbcUsername("sa");
    configuration.setJdbcPassword("");
    configuration.setProcessEnginePlugins(new ArrayList<>());
    configuration.setHistory(history);
    configuration.setJdbcBatchProcessing(jdbcBatchProcessing);
    return configuration.buildProcessEngine();
  }

  /** One database's engine and the figures measured on it. */
  private static final class Database {
    final String name;
    final ProcessEngine engine;
    final RuntimeService runtime;
    final TaskService tasks;
    final HistoryService history;
    final List<Double> roundCyclesPerSecond = new ArrayList<>();
    long[] latencies = new long[1 << 16];
    int measuredCycles;
    int warmUpCycles;
    int lastRunCycles;
    long measuredNanos;
    long measuredCpuNanos;
    long startedInstances;

    Database(String name, ProcessEngine engine) {
      this.name = name;
      this.engine = engine;
      this.runtime = engine.getRuntimeService();
      this.tasks = engine.getTaskService();
      this.history = engine.getHistoryService();
    }

    String url() {
      return engine.getProcessEngineConfiguration().getJdbcUrl();
    }

    String productVersion() throws SQLException {
      try (Connection connection =
          engine.getProcessEngineConfiguration().getDataSource().getConnection()) {
        return connection.getMetaData().getDatabaseProductName()
            + " "
            + connection.getMetaData().getDatabaseProductVersion();
      }
    }

    void deploy() {
      BpmnModelInstance process =
          Bpmn.createExecutableProcess(PROCESS_KEY)
              .camundaHistoryTimeToLive(30)
              .startEvent()
              .userTask("report")
              .camundaAssignee("reporter")
              .userTask("review")
              .camundaAssignee("reviewer")
              .endEvent()
              .done();
      engine
          .getRepositoryService()
          .createDeployment()
          .addModelInstance("steering-cycle.bpmn", process)
          .deploy();
    }

    /**
     * Runs cycles until {@code maxCycles} are done or {@code maxNanos} have passed.
     *
     * @return the cycles per second of this run
     */
    double run(int maxCycles, long maxNanos, boolean record) {
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      long end = maxNanos == Long.MAX_VALUE ? Long.MAX_VALUE : start + maxNanos;
      int cycles = 0;
      long now = start;
      while (cycles < maxCycles && now < end) {
        long cycleStart = now;
        cycle();
        now = System.nanoTime();
        cycles++;
        if (record) {
          if (measuredCycles == latencies.length) {
            latencies = Arrays.copyOf(latencies, latencies.length * 2);
          }
          latencies[measuredCycles++] = now - cycleStart;
        }
      }
      lastRunCycles = cycles;
      if (record) {
        measuredNanos += now - start;
        measuredCpuNanos += THREADS.getCurrentThreadCpuTime() - cpuStart;
      }
      return cycles / ((now - start) / 1e9);
    }

    private void cycle() {
      ProcessInstance instance =
          runtime.startProcessInstanceByKey(PROCESS_KEY, "B-" + ++startedInstances);
      complete(instance, "report");
      complete(instance, "review");
    }

    private void complete(ProcessInstance instance, String taskKey) {
      Task task =
          tasks
              .createTaskQuery()
              .processInstanceId(instance.getId())
              .taskDefinitionKey(taskKey)
              .singleResult();
      if (task == null) {
        throw new IllegalStateException(
            name + ": no '" + taskKey + "' task in " + instance.getId());
      }
      tasks.complete(task.getId());
    }

    /** The cycle must really end the instance, or the figures measure something else. */
    void checkEveryInstanceEnded() {
      long running = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
      long finished =
          history
              .createHistoricProcessInstanceQuery()
              .processDefinitionKey(PROCESS_KEY)
              .finished()
              .count();
      if (running != 0
          || ("full".equals(engine.getProcessEngineConfiguration().getHistory())
              && finished != startedInstances)) {
        throw new IllegalStateException(
            name
                + ": "
                + startedInstances
                + " instances started, "
                + running
                + " still running, "
                + finished
                + " finished in history");
      }
    }

    double cyclesPerSecond() {
      return measuredCycles / (measuredNanos / 1e9);
    }

    double percentileMillis(int percentile) {
      long[] sorted = Arrays.copyOf(latencies, measuredCycles);
      Arrays.sort(sorted);
      int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, index)] / 1e6;
    }
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static String setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
    return System.getProperty(key);
  }

  /**
   * The median time of a synced 4 KiB write in the folder: the floor under a durable commit. Derby
   * syncs its log on every commit, and a cycle commits three times.
   */
  private static double fsyncMillisP50(Path folder) throws IOException {
    Path probe = folder.resolve("fsync-probe");
    long[] nanos = new long[100];
    try (FileChannel channel =
        FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      ByteBuffer page = ByteBuffer.allocate(4096);
      for (int i = 0; i < nanos.length; i++) {
        page.clear();
        long start = System.nanoTime();
        channel.write(page, (long) i * page.capacity());
        channel.force(false);
        nanos[i] = System.nanoTime() - start;
      }
    } finally {
      Files.deleteIfExists(probe);
    }
    Arrays.sort(nanos);
    return nanos[nanos.length / 2] / 1e6;
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + ", " + fields[1] + ", " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown CPU");
    } catch (IOException | UncheckedIOException e) {
      return "unknown CPU";
    }
  }

  /**
   * Shuts the Derby system down so that its files are closed cleanly before the JVM (Maven's) goes
   * on.
   */
  private static void shutDownDerby() {
    try {
      DriverManager.getConnection("jdbc:derby:;shutdown=true").close();
    } catch (SQLException expected) {
      // XJ015 is Derby's report of a clean system shutdown.
      if (!"XJ015".equals(expected.getSQLState())) {
        System.out.println(
            "Derby shutdown: " + expected.getSQLState() + " " + expected.getMessage());
      }
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
