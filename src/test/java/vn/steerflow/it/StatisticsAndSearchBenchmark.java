package vn.steerflow.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.steerflow.it.ExpectedAnswers.Listing;
import vn.steerflow.it.ExpectedAnswers.Outcome;
import vn.steerflow.it.ExpectedAnswers.TaskRow;

/**
 * The statistics and the task search as users feel them: the built WAR on a real Payara Micro,
 * called over HTTP with HTTP Basic as the demo members, on a Derby database holding 10,000 tasks
 * and 100,000 reports. Not a test: it prints p50, p95, p99 and the maximum of each query, whether
 * the targets are met (statistics and ranking p95 under 200 ms, task search p95 under 100 ms), and
 * writes the same to {@code results.txt} in its folder.
 *
 * <p>How: start the server once on an empty data folder with the demo data (Flyway makes the
 * schema), stop it, load the rows with JDBC ({@link BenchmarkData}), bring Derby's index statistics
 * up to date as its own daemon would on a database that grew, read the rows back to know every
 * right answer ({@link ExpectedAnswers}), start the server again, check each query's answer, warm
 * up, and time each query many times, all queries in turn in each round, one request at a time.
 *
 * <p>Run with {@code mvn -Pbenchmark verify -DskipTests} (profile {@code benchmark}, after the
 * engine-cycle benchmark; {@code -Dbenchmark.skipEngine=true} runs this one alone). Arguments: the
 * folder for its data and figures, Payara Micro's jar, the WAR. System properties: {@code
 * benchmark.requests} (measured requests per query, default 200), {@code benchmark.warmUpRounds}
 * (30), {@code benchmark.seed} (2026), {@code benchmark.reuseData} (false: true keeps a database
 * loaded by an earlier run, for trying query changes quickly).
 */
public final class StatisticsAndSearchBenchmark {

  static final long DASHBOARD_TARGET_MS = 200;
  static final long SEARCH_TARGET_MS = 100;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LOADED_MARKER = "benchmark-data.properties";

  private final StringBuilder printed = new StringBuilder();

  private StatisticsAndSearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      throw new IllegalArgumentException(
          "usage: StatisticsAndSearchBenchmark <folder> <payara-micro.jar> <steerflow.war>");
    }
    new StatisticsAndSearchBenchmark()
        .run(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]), Path.of(args[2]));
  }

  private void run(Path root, Path payaraMicro, Path war) throws Exception {
    int requests = Integer.getInteger("benchmark.requests", 200);
    int warmUpRounds = Integer.getInteger("benchmark.warmUpRounds", 30);
    long seed = Long.getLong("benchmark.seed", 2026);
    boolean reuse = Boolean.getBoolean("benchmark.reuseData");
    for (Path file : List.of(payaraMicro, war)) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalStateException(file + " is missing: run with 'verify', which builds it");
      }
    }
    Path dataDir = root.resolve("data");
    Path database = dataDir.resolve("steerflow");
    Files.createDirectories(root);
    // Derby in this JVM (the loader's) logs beside the data, not into the project folder.
    System.setProperty("derby.stream.error.file", root.resolve("derby-loader.log").toString());

    println(
        "== Statistics and task search: the WAR on Payara Micro over HTTP, Derby with "
            + BenchmarkData.TASKS
            + " tasks and "
            + BenchmarkData.REPORTS
            + " reports");
    println(
        String.format(
            Locale.ROOT,
            "machine: %d cores, %s, %s RAM, %s %s",
            Runtime.getRuntime().availableProcessors(),
            cpuModel(),
            memory(),
            System.getProperty("os.name"),
            System.getProperty("os.arch")));
    println(
        "server: Payara Micro "
            + payaraMicro.getFileName()
            + ", Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vm.name")
            + "), "
            + String.join(" ", BenchmarkServer.JVM_OPTIONS));
    String startLoad = loadAverage();
    println("load average at the start (1, 5, 15 min): " + startLoad);

    Instant loadedAt;
    Path marker = dataDir.resolve(LOADED_MARKER);
    if (reuse && Files.isRegularFile(marker)) {
      Properties loaded = new Properties();
      try (var in = Files.newInputStream(marker)) {
        loaded.load(in);
      }
      loadedAt = Instant.parse(loaded.getProperty("loadedAt"));
      println("data: reusing the database loaded at " + loadedAt + " (benchmark.reuseData=true)");
    } else {
      loadedAt = Instant.now();
      load(root, dataDir, database, payaraMicro, war, seed, loadedAt, marker);
    }

    ExpectedAnswers expected;
    try (Connection db = connect(database)) {
      expected = ExpectedAnswers.read(db);
    } finally {
      shutDown(database);
      shutDownDerby();
    }
    println(
        "rows: "
            + expected.rowCounts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
    Instant now = Instant.now();
    Map<Outcome, Long> outcomes = new LinkedHashMap<>();
    for (Outcome o : Outcome.values()) {
      outcomes.put(o, expected.tasks.stream().filter(t -> t.outcome(now) == o).count());
    }
    println(
        "tasks: "
            + outcomes
            + ", REGULAR "
            + expected.tasks.stream().filter(t -> t.kind().equals("REGULAR")).count()
            + ", with coordinating units "
            + expected.tasks.stream().filter(t -> !t.coordinators().isEmpty()).count()
            + ", per committee "
            + expected.tasks.stream()
                .collect(Collectors.groupingBy(TaskRow::committee, Collectors.counting())));

    long startNanos = System.nanoTime();
    try (BenchmarkServer server =
        BenchmarkServer.start(payaraMicro, war, dataDir, root.resolve("server.log"))) {
      println(
          String.format(
              Locale.ROOT,
              "server started on the loaded database in %.1f s",
              (System.nanoTime() - startNanos) / 1e9));
      List<Query> queries = queries(expected, LocalDate.ofInstant(loadedAt, BenchmarkData.VIETNAM));
      measure(server, queries, expected, requests, warmUpRounds);
    }
    String endLoad = loadAverage();
    println("load average at the end (1, 5, 15 min): " + endLoad);
    if (busy(startLoad) || busy(endLoad)) {
      println(
          "NOTE: other work kept the machine's "
              + Runtime.getRuntime().availableProcessors()
              + " cores busy: the latencies include waiting for a core; the server's CPU per"
              + " request (CPU ms) is the figure that other work disturbs least");
    }
    Path results = root.resolve("results.txt");
    Files.writeString(results, printed);
    System.out.println("figures written to " + results);
  }

  // ---------------------------------------------------------------- loading

  private void load(
      Path root,
      Path dataDir,
      Path database,
      Path payaraMicro,
      Path war,
      long seed,
      Instant now,
      Path marker)
      throws Exception {
    deleteRecursively(dataDir);
    Files.createDirectories(dataDir);
    long t0 = System.nanoTime();
    // The first start makes the schema (Flyway, the engine) and loads the demo organisation and
    // plans; stopped with SIGTERM, Derby closes its files for the loader.
    try (BenchmarkServer first =
        BenchmarkServer.start(payaraMicro, war, dataDir, root.resolve("first-start.log"))) {
      println(
          String.format(
              Locale.ROOT,
              "first start on an empty folder (schema, demo data): %.1f s",
              (System.nanoTime() - t0) / 1e9));
    }
    BenchmarkData.Loaded loaded;
    long statisticsMs;
    try (Connection db = connect(database)) {
      loaded = BenchmarkData.load(db, seed, now);
      long t1 = System.nanoTime();
      updateIndexStatistics(db);
      statisticsMs = (System.nanoTime() - t1) / 1_000_000;
    } finally {
      shutDown(database);
    }
    println(
        String.format(
            Locale.ROOT,
            "bulk load (JDBC batches, seed %d): %d tasks, %d coordinating units, %d reports,"
                + " %d reviews, %d plans, 1 committee in %.1f s; index statistics updated in %.1f s",
            seed,
            loaded.tasks(),
            loaded.coordinators(),
            loaded.reports(),
            loaded.reviews(),
            loaded.plans(),
            loaded.ms() / 1e3,
            statisticsMs / 1e3));
    Properties properties = new Properties();
    properties.setProperty("loadedAt", now.toString());
    properties.setProperty("seed", Long.toString(seed));
    try (var out = Files.newOutputStream(marker)) {
      properties.store(out, "loaded by StatisticsAndSearchBenchmark");
    }
  }

  /**
   * Derby keeps per-index cardinality statistics for its optimizer and refreshes them itself
   * (derby.storage.indexStats.auto) when a table has grown; right after a bulk load into tables
   * that were empty it has none yet, so they are brought up to date once, as on a database that
   * grew to this size in use.
   */
  private static void updateIndexStatistics(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      for (String table :
          List.of(
              "SF_UNIT",
              "SF_COMMITTEE",
              "SF_PLAN",
              "SF_TASK",
              "SF_TASK_COORDINATOR",
              "SF_REPORT",
              "SF_REVIEW")) {
        s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS(CURRENT SCHEMA, '" + table + "', NULL)");
      }
    }
    db.commit();
  }

  private static Connection connect(Path database) throws Exception {
    // Boots Derby in this JVM, also after the engine benchmark shut the Derby system down.
    Class.forName("org.apache.derby.jdbc.EmbeddedDriver").getDeclaredConstructor().newInstance();
    return DriverManager.getConnection("jdbc:derby:" + database);
  }

  private static void shutDown(Path database) {
    try {
      DriverManager.getConnection("jdbc:derby:" + database + ";shutdown=true").close();
    } catch (SQLException e) {
      // 08006 is Derby's report of a clean shut-down of one database.
      if (!"08006".equals(e.getSQLState())) {
        throw new IllegalStateException("Derby did not shut down cleanly", e);
      }
    }
  }

  /** Stops Derby in this JVM (and its timer thread), so that Maven's JVM goes on without it. */
  private static void shutDownDerby() {
    try {
      DriverManager.getConnection("jdbc:derby:;shutdown=true").close();
    } catch (SQLException e) {
      // XJ015 is Derby's report of a clean shut-down of the whole system.
      if (!"XJ015".equals(e.getSQLState())) {
        throw new IllegalStateException("Derby did not shut down cleanly", e);
      }
    }
  }

  // ---------------------------------------------------------------- the queries

  /** One timed request and how to check its answer. */
  private record Query(
      String name,
      String group,
      String member,
      String path,
      long targetMs,
      Function<JsonNode, List<String>> check) {}

  private static final String DASHBOARD = "statistics and ranking";
  private static final String SEARCH = "task search";

  private List<Query> queries(ExpectedAnswers expected, LocalDate today) {
    int year = today.getYear();
    String plan = "KH-CDS-" + year;
    List<Query> queries = new ArrayList<>();
    // No deadline lies within two days of the load, so outcomes hold for the whole run.
    Instant now = Instant.now();
    Predicate<TaskRow> inPlan = t -> plan.equals(t.plan());
    long planTasks = expected.tasks.stream().filter(inPlan).count();

    // Statistics and ranking, as the committee's leader.
    String committee = BenchmarkData.COMMITTEE;
    for (String endpoint : List.of("statistics", "ranking")) {
      queries.add(
          new Query(
              endpoint + ", plan " + plan + " (" + planTasks + " tasks)",
              DASHBOARD,
              Demo.LEADER,
              "api/v1/dashboard/" + endpoint + "?plan=" + plan,
              DASHBOARD_TARGET_MS,
              answer -> expected.checkStatistics(answer, inPlan, Instant.now())));
    }
    for (int[] years : List.of(new int[] {year, year}, new int[] {year - 1, year + 1})) {
      LocalDate from = LocalDate.of(years[0], 1, 1);
      LocalDate to = LocalDate.of(years[1], 12, 31);
      Instant start = from.atStartOfDay(BenchmarkData.VIETNAM).toInstant();
      Instant end = to.plusDays(1).atStartOfDay(BenchmarkData.VIETNAM).toInstant();
      Predicate<TaskRow> inPeriod =
          t ->
              committee.equals(t.committee())
                  && !t.deadline().isBefore(start)
                  && t.deadline().isBefore(end);
      long count = expected.tasks.stream().filter(inPeriod).count();
      for (String endpoint : List.of("statistics", "ranking")) {
        queries.add(
            new Query(
                endpoint + ", period " + from + ".." + to + " (" + count + " tasks)",
                DASHBOARD,
                Demo.LEADER,
                "api/v1/dashboard/" + endpoint + "?from=" + from + "&to=" + to,
                DASHBOARD_TARGET_MS,
                answer -> expected.checkStatistics(answer, inPeriod, Instant.now())));
      }
    }

    // The task search, as the supervisor (the committee's tasks) and as an officer (the unit's).
    Predicate<TaskRow> supervisor = t -> committee.equals(t.committee());
    Predicate<TaskRow> officer = t -> t.involves(Demo.JUSTICE);
    String quarterFrom = year + "-07-01T00:00:00+07:00";
    String quarterTo = year + "-09-30T23:59:59+07:00";
    Instant qFrom = OffsetDateTime.parse(quarterFrom).toInstant();
    Instant qTo = OffsetDateTime.parse(quarterTo).toInstant();
    String words = "hộ tịch";
    String otherPlan = "KH-DA06-" + year;

    search(
        queries,
        expected,
        "first page (50), by deadline",
        Demo.SUPERVISOR,
        supervisor,
        Map.of(),
        t -> true,
        "deadline",
        false,
        0,
        50);
    search(
        queries,
        expected,
        "plan " + plan,
        Demo.SUPERVISOR,
        supervisor,
        Map.of("plan", plan),
        inPlan,
        "deadline",
        false,
        0,
        50);
    search(
        queries,
        expected,
        "unit STP (lead or coordinating)",
        Demo.SUPERVISOR,
        supervisor,
        Map.of("unit", "STP"),
        t -> t.involves("STP"),
        "deadline",
        false,
        0,
        50);
    search(
        queries,
        expected,
        "outcome OVERDUE",
        Demo.SUPERVISOR,
        supervisor,
        Map.of("outcome", "OVERDUE"),
        outcome(now, Outcome.OVERDUE),
        "deadline",
        false,
        0,
        50);
    search(
        queries,
        expected,
        "overdue=true, latest deadline first",
        Demo.SUPERVISOR,
        supervisor,
        ordered("overdue", "true", "sort", "deadline", "dir", "desc"),
        outcome(now, Outcome.OVERDUE),
        "deadline",
        true,
        0,
        50);
    search(
        queries,
        expected,
        "text q=" + words,
        Demo.SUPERVISOR,
        supervisor,
        Map.of("q", words),
        ExpectedAnswers.text(words),
        "deadline",
        false,
        0,
        50);
    search(
        queries,
        expected,
        "deadline in Q3 " + year,
        Demo.SUPERVISOR,
        supervisor,
        ordered("deadlineFrom", quarterFrom, "deadlineTo", quarterTo),
        t -> !t.deadline().isBefore(qFrom) && !t.deadline().isAfter(qTo),
        "deadline",
        false,
        0,
        50);
    search(
        queries,
        expected,
        "by title descending, page 3 of 20",
        Demo.SUPERVISOR,
        supervisor,
        ordered("sort", "title", "dir", "desc", "page", "3", "size", "20"),
        t -> true,
        "title",
        true,
        3,
        20);
    search(
        queries,
        expected,
        "plan " + otherPlan + ", unit CAT, IN_PROGRESS or OVERDUE",
        Demo.SUPERVISOR,
        supervisor,
        ordered("plan", otherPlan, "unit", "CAT", "outcome", "IN_PROGRESS,OVERDUE"),
        t ->
            otherPlan.equals(t.plan())
                && t.involves("CAT")
                && Set.of(Outcome.IN_PROGRESS, Outcome.OVERDUE).contains(t.outcome(now)),
        "deadline",
        false,
        0,
        50);
    search(
        queries,
        expected,
        "newest first, page 40 of 50",
        Demo.SUPERVISOR,
        supervisor,
        ordered("sort", "createdAt", "dir", "desc", "page", "40"),
        t -> true,
        "createdAt",
        true,
        40,
        50);
    search(
        queries,
        expected,
        "first page (50), by deadline",
        Demo.JUSTICE_OFFICER,
        officer,
        Map.of(),
        t -> true,
        "deadline",
        false,
        0,
        50);
    search(
        queries,
        expected,
        "outcome OVERDUE",
        Demo.JUSTICE_OFFICER,
        officer,
        Map.of("outcome", "OVERDUE"),
        outcome(now, Outcome.OVERDUE),
        "deadline",
        false,
        0,
        50);
    search(
        queries,
        expected,
        "text q=" + words,
        Demo.JUSTICE_OFFICER,
        officer,
        Map.of("q", words),
        ExpectedAnswers.text(words),
        "deadline",
        false,
        0,
        50);
    search(
        queries,
        expected,
        "plan " + plan + ", by title",
        Demo.JUSTICE_OFFICER,
        officer,
        ordered("plan", plan, "sort", "title"),
        inPlan,
        "title",
        false,
        0,
        50);
    search(
        queries,
        expected,
        "overdue=false, newest first, page 2",
        Demo.JUSTICE_OFFICER,
        officer,
        ordered("overdue", "false", "sort", "createdAt", "dir", "desc", "page", "2"),
        outcome(now, Outcome.OVERDUE).negate(),
        "createdAt",
        true,
        2,
        50);
    return queries;
  }

  private static Predicate<TaskRow> outcome(Instant now, Outcome outcome) {
    return t -> t.outcome(now) == outcome;
  }

  private static Map<String, String> ordered(String... keysAndValues) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      parameters.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return parameters;
  }

  private static void search(
      List<Query> queries,
      ExpectedAnswers expected,
      String name,
      String member,
      Predicate<TaskRow> visible,
      Map<String, String> parameters,
      Predicate<TaskRow> filter,
      String sort,
      boolean descending,
      int page,
      int size) {
    String query =
        parameters.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    Listing listing =
        new Listing(visible.and(filter), ExpectedAnswers.order(sort, descending), page, size);
    long total = expected.tasks.stream().filter(listing.filter()).count();
    queries.add(
        new Query(
            name + " (" + total + " match)",
            SEARCH,
            member,
            "api/v1/tasks" + (query.isEmpty() ? "" : "?" + query),
            SEARCH_TARGET_MS,
            answer -> expected.checkListing(answer, listing)));
  }

  // ---------------------------------------------------------------- measuring

  private void measure(
      BenchmarkServer server,
      List<Query> queries,
      ExpectedAnswers expected,
      int requests,
      int warmUpRounds)
      throws IOException, InterruptedException {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    List<HttpRequest> built = new ArrayList<>();
    for (Query query : queries) {
      built.add(
          HttpRequest.newBuilder(server.base.resolve(query.path()))
              .timeout(Duration.ofSeconds(60))
              .header("Accept", "application/json")
              .header("Authorization", basic(query.member()))
              .GET()
              .build());
    }
    // Every answer checked before any is timed: a figure for a wrong answer would mean nothing.
    List<String> wrong = new ArrayList<>();
    long[] bytes = new long[queries.size()];
    for (int i = 0; i < queries.size(); i++) {
      HttpResponse<byte[]> response = send(http, built.get(i), queries.get(i));
      bytes[i] = response.body().length;
      List<String> differences = queries.get(i).check().apply(JSON.readTree(response.body()));
      if (!differences.isEmpty()) {
        wrong.add(queries.get(i).name() + " as " + queries.get(i).member() + ": " + differences);
      }
    }
    if (!wrong.isEmpty()) {
      wrong.forEach(w -> println("WRONG ANSWER: " + w));
      throw new IllegalStateException(wrong.size() + " queries answered wrongly; see above");
    }
    println(
        "answers checked against the loaded rows: all "
            + queries.size()
            + " queries agree (totals, outcomes, kinds, every unit's figures; listing totals and"
            + " the page's task codes in order)");

    long warmUpStart = System.nanoTime();
    for (int round = 0; round < warmUpRounds; round++) {
      for (int i = 0; i < queries.size(); i++) {
        send(http, built.get(i), queries.get(i));
      }
    }
    println(
        String.format(
            Locale.ROOT,
            "warm-up: %d rounds of every query (%.1f s); measured: %d rounds, each query once per"
                + " round in turn, one request at a time, HTTP/1.1 keep-alive, HTTP Basic",
            warmUpRounds,
            (System.nanoTime() - warmUpStart) / 1e9,
            requests));
    long[][] nanos = new long[queries.size()][requests];
    // The server's CPU time around each request: less disturbed by other work on the machine than
    // the elapsed time, which waits for a core when the machine is busy. Linux counts it in 10 ms
    // ticks, so only its sum over many requests means something.
    long[] serverCpuNanos = new long[queries.size()];
    ProcessHandle serverProcess = server.process.toHandle();
    long measureStart = System.nanoTime();
    for (int round = 0; round < requests; round++) {
      for (int i = 0; i < queries.size(); i++) {
        long cpuBefore = cpuNanos(serverProcess);
        long start = System.nanoTime();
        send(http, built.get(i), queries.get(i));
        nanos[i][round] = System.nanoTime() - start;
        serverCpuNanos[i] += cpuNanos(serverProcess) - cpuBefore;
      }
    }
    double seconds = (System.nanoTime() - measureStart) / 1e9;

    println("");
    println(
        String.format(
            Locale.ROOT,
            "%-4s %-62s %-9s %8s %8s %8s %8s %8s %6s  %s",
            "#",
            "query",
            "as",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "max ms",
            "CPU ms",
            "KiB",
            "target p95"));
    Map<String, List<Double>> p95ByGroup = new LinkedHashMap<>();
    Map<String, Boolean> metByGroup = new LinkedHashMap<>();
    for (int i = 0; i < queries.size(); i++) {
      Query query = queries.get(i);
      long[] sorted = nanos[i].clone();
      Arrays.sort(sorted);
      double p95 = percentile(sorted, 95);
      boolean met = p95 < query.targetMs();
      p95ByGroup.computeIfAbsent(query.group(), g -> new ArrayList<>()).add(p95);
      metByGroup.merge(query.group(), met, Boolean::logicalAnd);
      println(
          String.format(
              Locale.ROOT,
              "%-4s %-62s %-9s %8.1f %8.1f %8.1f %8.1f %8.1f %6.1f  < %d ms %s",
              (query.group().equals(DASHBOARD) ? "D" : "S") + (i + 1),
              query.name(),
              query.member(),
              percentile(sorted, 50),
              p95,
              percentile(sorted, 99),
              sorted[sorted.length - 1] / 1e6,
              serverCpuNanos[i] / 1e6 / requests,
              bytes[i] / 1024.0,
              query.targetMs(),
              met ? "met" : "NOT MET"));
    }
    println(
        "(CPU ms: the server's CPU time per request, all its threads, averaged over the measured"
            + " requests; KiB: the answer's size)");
    println("");
    println(
        String.format(
            Locale.ROOT,
            "%d requests in %.1f s (%.0f requests/s, one at a time)",
            (long) requests * queries.size(),
            seconds,
            requests * queries.size() / seconds));
    for (Map.Entry<String, List<Double>> group : p95ByGroup.entrySet()) {
      long target = group.getKey().equals(DASHBOARD) ? DASHBOARD_TARGET_MS : SEARCH_TARGET_MS;
      println(
          String.format(
              Locale.ROOT,
              "target %s p95 < %d ms: %s (worst p95 %.1f ms)",
              group.getKey(),
              target,
              metByGroup.get(group.getKey()) ? "MET" : "NOT MET",
              group.getValue().stream().mapToDouble(Double::doubleValue).max().orElse(0)));
    }
  }

  private static HttpResponse<byte[]> send(HttpClient http, HttpRequest request, Query query)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          query.name()
              + " ("
              + query.path()
              + ") answered "
              + response.statusCode()
              + ": "
              + new String(response.body(), StandardCharsets.UTF_8));
    }
    return response;
  }

  private static long cpuNanos(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  private static String basic(String member) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((member + ":" + Demo.PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  /** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
  private static double percentile(long[] sorted, int percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }

  // ---------------------------------------------------------------- the machine

  private void println(String line) {
    System.out.println(line);
    printed.append(line).append('\n');
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + ", " + fields[1] + ", " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** Whether the 1-minute load average exceeds the cores. */
  private static boolean busy(String loadAverage) {
    try {
      return Double.parseDouble(loadAverage.split(",")[0])
          > Runtime.getRuntime().availableProcessors();
    } catch (NumberFormatException e) {
      return false;
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

  private static String memory() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
      return lines
          .filter(line -> line.startsWith("MemTotal:"))
          .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024 + " GiB")
          .findFirst()
          .orElse("unknown");
    } catch (IOException | UncheckedIOException e) {
      return "unknown";
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
