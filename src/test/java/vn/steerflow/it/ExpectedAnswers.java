package vn.steerflow.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What the server must answer, worked out in plain Java from the rows in the database (read once,
 * before the server starts): the statistics of a scope and the first page and total of a task
 * listing. The benchmark checks every query it times against these, so a faster query that answered
 * differently would be caught, and a figure never measures a wrong answer.
 */
final class ExpectedAnswers {

  enum Outcome {
    ON_TIME,
    LATE,
    OVERDUE,
    IN_PROGRESS,
    CANCELLED
  }

  record TaskRow(
      long id,
      String code,
      String title,
      String content,
      String leadUnit,
      String committee,
      String plan,
      String kind,
      String status,
      Instant deadline,
      Instant completedAt,
      Instant createdAt,
      Set<String> coordinators) {

    /** The outcome by the README's rule, written again here independently of the server's. */
    Outcome outcome(Instant now) {
      return switch (status) {
        case "CANCELLED" -> Outcome.CANCELLED;
        case "DONE" -> completedAt.isAfter(deadline) ? Outcome.LATE : Outcome.ON_TIME;
        default -> now.isAfter(deadline) ? Outcome.OVERDUE : Outcome.IN_PROGRESS;
      };
    }

    boolean involves(String unit) {
      return leadUnit.equals(unit) || coordinators.contains(unit);
    }
  }

  final List<TaskRow> tasks = new ArrayList<>();

  /** Per task: returned reviews by the unit whose report was returned. */
  final Map<Long, Map<String, Long>> returnedByTask = new HashMap<>();

  /** Counts printed with the figures. */
  final Map<String, Long> rowCounts = new LinkedHashMap<>();

  static ExpectedAnswers read(Connection db) throws SQLException {
    ExpectedAnswers answers = new ExpectedAnswers();
    Map<Long, Set<String>> coordinators = new HashMap<>();
    try (Statement s = db.createStatement()) {
      try (ResultSet rows =
          s.executeQuery(
              "SELECT c.TASK_ID, u.CODE FROM SF_TASK_COORDINATOR c JOIN SF_UNIT u"
                  + " ON u.ID = c.UNIT_ID")) {
        while (rows.next()) {
          coordinators
              .computeIfAbsent(rows.getLong(1), t -> new LinkedHashSet<>())
              .add(rows.getString(2));
        }
      }
      try (ResultSet rows =
          s.executeQuery(
              "SELECT t.ID, t.CODE, t.TITLE, t.CONTENT, u.CODE, c.CODE, p.CODE, t.KIND, t.STATUS,"
                  + " t.DEADLINE, t.COMPLETED_AT, t.CREATED_AT FROM SF_TASK t"
                  + " JOIN SF_UNIT u ON u.ID = t.LEAD_UNIT_ID"
                  + " JOIN SF_COMMITTEE c ON c.ID = t.COMMITTEE_ID"
                  + " LEFT JOIN SF_PLAN p ON p.ID = t.PLAN_ID")) {
        while (rows.next()) {
          long id = rows.getLong(1);
          answers.tasks.add(
              new TaskRow(
                  id,
                  rows.getString(2),
                  rows.getString(3),
                  rows.getString(4),
                  rows.getString(5),
                  rows.getString(6),
                  rows.getString(7),
                  rows.getString(8),
                  rows.getString(9),
                  instant(rows.getTimestamp(10)),
                  instant(rows.getTimestamp(11)),
                  instant(rows.getTimestamp(12)),
                  coordinators.getOrDefault(id, Set.of())));
        }
      }
      try (ResultSet rows =
          s.executeQuery(
              "SELECT r.TASK_ID, u.CODE FROM SF_REVIEW v JOIN SF_REPORT r ON r.ID = v.REPORT_ID"
                  + " JOIN SF_UNIT u ON u.ID = r.UNIT_ID WHERE v.DECISION = 'RETURN'")) {
        while (rows.next()) {
          answers
              .returnedByTask
              .computeIfAbsent(rows.getLong(1), t -> new HashMap<>())
              .merge(rows.getString(2), 1L, Long::sum);
        }
      }
      for (String table :
          List.of(
              "SF_UNIT",
              "SF_COMMITTEE",
              "SF_PLAN",
              "SF_TASK",
              "SF_TASK_COORDINATOR",
              "SF_REPORT",
              "SF_REVIEW")) {
        try (ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
          rows.next();
          answers.rowCounts.put(table, rows.getLong(1));
        }
      }
      try (ResultSet rows =
          s.executeQuery("SELECT COUNT(*) FROM SF_TASK WHERE PROCESS_INSTANCE_ID IS NOT NULL")) {
        rows.next();
        answers.rowCounts.put("SF_TASK with an engine instance", rows.getLong(1));
      }
      try (ResultSet rows =
          s.executeQuery("SELECT DECISION, COUNT(*) FROM SF_REVIEW GROUP BY DECISION")) {
        while (rows.next()) {
          answers.rowCounts.put("SF_REVIEW " + rows.getString(1), rows.getLong(2));
        }
      }
    }
    return answers;
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  // ---------------------------------------------------------------- statistics

  /**
   * Differences between the server's statistics (or ranking) and those of the tasks in scope; empty
   * when they agree. Compares totals, outcomes, kinds and every unit's figures.
   */
  List<String> checkStatistics(JsonNode answer, Predicate<TaskRow> scope, Instant now) {
    Map<String, long[]> units =
        new TreeMap<>(); // assigned onTime late overdue inProgress cancelled
    Map<Outcome, Long> outcomes = new LinkedHashMap<>();
    Map<String, Long> kinds = new TreeMap<>();
    long total = 0;
    Map<String, Long> returned = new HashMap<>();
    for (TaskRow task : tasks) {
      if (!scope.test(task)) {
        continue;
      }
      total++;
      Outcome outcome = task.outcome(now);
      outcomes.merge(outcome, 1L, Long::sum);
      kinds.merge(task.kind(), 1L, Long::sum);
      long[] figures = units.computeIfAbsent(task.leadUnit(), u -> new long[7]);
      if (outcome != Outcome.CANCELLED) {
        figures[0]++;
      }
      figures[1 + outcome.ordinal()]++;
      returnedByTask
          .getOrDefault(task.id(), Map.of())
          .forEach((u, n) -> returned.merge(u, n, Long::sum));
    }
    units.forEach((unit, figures) -> figures[6] = returned.getOrDefault(unit, 0L));

    List<String> differences = new ArrayList<>();
    Map<String, long[]> answered = new TreeMap<>();
    JsonNode unitNodes = answer.get("units");
    boolean ranking = answer.has("formula");
    for (JsonNode node : unitNodes) {
      JsonNode f = ranking ? node.get("figures") : node;
      answered.put(
          f.get("unit").asText(),
          new long[] {
            f.get("assigned").asLong(),
            f.get("onTime").asLong(),
            f.get("late").asLong(),
            f.get("overdue").asLong(),
            f.get("inProgress").asLong(),
            f.get("cancelled").asLong(),
            f.get("reportsReturned").asLong()
          });
    }
    Map<String, String> expectedUnits = new TreeMap<>();
    units.forEach(
        (unit, figures) -> {
          if (!ranking || figures[0] > 0) {
            expectedUnits.put(unit, java.util.Arrays.toString(figures));
          }
        });
    Map<String, String> answeredUnits = new TreeMap<>();
    answered.forEach(
        (unit, figures) -> answeredUnits.put(unit, java.util.Arrays.toString(figures)));
    if (!expectedUnits.equals(answeredUnits)) {
      differences.add("units: expected " + expectedUnits + ", answered " + answeredUnits);
    }
    if (!ranking) {
      if (answer.get("total").asLong() != total) {
        differences.add("total: expected " + total + ", answered " + answer.get("total"));
      }
      for (Outcome outcome : Outcome.values()) {
        long expected = outcomes.getOrDefault(outcome, 0L);
        long got = answer.get("outcomes").get(outcome.name()).asLong();
        if (expected != got) {
          differences.add(outcome + ": expected " + expected + ", answered " + got);
        }
      }
      for (String kind : List.of("REGULAR", "ONE_OFF")) {
        long expected = kinds.getOrDefault(kind, 0L);
        long got = answer.get("kinds").get(kind).asLong();
        if (expected != got) {
          differences.add(kind + ": expected " + expected + ", answered " + got);
        }
      }
    } else {
      List<Integer> ranks = new ArrayList<>();
      unitNodes.forEach(n -> ranks.add(n.get("rank").asInt()));
      for (int i = 0; i < ranks.size(); i++) {
        if (ranks.get(i) != i + 1) {
          differences.add("ranks are not 1.." + ranks.size() + ": " + ranks);
          break;
        }
      }
    }
    return differences;
  }

  // ---------------------------------------------------------------- task listings

  /** A listing as the task search defines it: filter, order, page. */
  record Listing(Predicate<TaskRow> filter, Comparator<TaskRow> order, int page, int size) {}

  static Comparator<TaskRow> order(String sort, boolean descending) {
    Comparator<TaskRow> by =
        switch (sort) {
          case "deadline" -> Comparator.comparing(TaskRow::deadline);
          case "code" -> Comparator.comparing(TaskRow::code);
          case "title" -> Comparator.comparing(TaskRow::title);
          case "createdAt" -> Comparator.comparing(TaskRow::createdAt);
          default -> throw new IllegalArgumentException(sort);
        };
    by = by.thenComparingLong(TaskRow::id);
    return descending ? by.reversed() : by;
  }

  /** The text filter: the words, case-insensitively, in title or content. */
  static Predicate<TaskRow> text(String words) {
    String lower = words.toLowerCase(Locale.ROOT);
    return t ->
        t.title().toLowerCase(Locale.ROOT).contains(lower)
            || t.content().toLowerCase(Locale.ROOT).contains(lower);
  }

  /** Differences between the server's page and the expected one; empty when they agree. */
  List<String> checkListing(JsonNode answer, Listing listing) {
    List<TaskRow> matching =
        tasks.stream().filter(listing.filter()).sorted(listing.order()).toList();
    List<String> expected =
        matching.stream()
            .skip((long) listing.page() * listing.size())
            .limit(listing.size())
            .map(TaskRow::code)
            .toList();
    List<String> answered = new ArrayList<>();
    answer.get("items").forEach(item -> answered.add(item.get("code").asText()));
    List<String> differences = new ArrayList<>();
    if (answer.get("total").asLong() != matching.size()) {
      differences.add("total: expected " + matching.size() + ", answered " + answer.get("total"));
    }
    if (!expected.equals(answered)) {
      differences.add("page: expected " + expected + ", answered " + answered);
    }
    return differences;
  }
}
