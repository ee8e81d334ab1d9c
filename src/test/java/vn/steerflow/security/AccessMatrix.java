package vn.steerflow.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The access matrix, {@code src/test/resources/access-matrix.csv}: for every operation the server
 * publishes, the exact status each caller gets. Read by {@code AccessMatrixCompletenessTest} (every
 * operation has a row) and by {@code it.AccessMatrixIT} (every row holds over HTTP).
 */
public record AccessMatrix(List<String> callers, List<Row> rows) {

  public static final String RESOURCE = "access-matrix.csv";

  /** The first column's name; the others name callers. */
  static final String OPERATION = "operation";

  private static final Pattern OPERATION_FORMAT =
      Pattern.compile("(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) /\\S*");

  /** One operation and the status each caller gets; {@code line} is where it is in the file. */
  public record Row(String operation, Map<String, Integer> expected, int line) {

    public String method() {
      return operation.substring(0, operation.indexOf(' '));
    }

    /** The path template, e.g. {@code /api/v1/tasks/{code}}. */
    public String path() {
      return operation.substring(operation.indexOf(' ') + 1);
    }

    public int expected(String caller) {
      return expected.get(caller);
    }
  }

  public AccessMatrix {
    callers = List.copyOf(callers);
    rows = List.copyOf(rows);
  }

  public static AccessMatrix load() {
    try (InputStream in = AccessMatrix.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the test class path");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses the matrix: {@code #} comments and blank lines aside, a header naming the callers, then
   * one row per operation. Refuses what a reviewer could misread: a missing or extra cell, a cell
   * that is not a status, an operation twice.
   */
  public static AccessMatrix parse(String text) {
    List<String> callers = null;
    List<Row> rows = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int number = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      List<String> cells = List.of(line.split("\\s*,\\s*", -1));
      if (callers == null) {
        if (!cells.get(0).equals(OPERATION) || cells.size() < 2) {
          throw new IllegalArgumentException(
              RESOURCE + ":" + number + ": the header is 'operation, <caller>, ...'");
        }
        callers = cells.subList(1, cells.size());
        continue;
      }
      String operation = cells.get(0).replaceAll("\\s+", " ");
      if (!OPERATION_FORMAT.matcher(operation).matches()) {
        throw new IllegalArgumentException(
            RESOURCE + ":" + number + ": '" + operation + "' is not 'METHOD /path'");
      }
      if (!seen.add(operation)) {
        throw new IllegalArgumentException(
            RESOURCE + ":" + number + ": " + operation + " has a row already");
      }
      if (cells.size() != callers.size() + 1) {
        throw new IllegalArgumentException(
            RESOURCE
                + ":"
                + number
                + ": "
                + operation
                + " has "
                + (cells.size() - 1)
                + " cells for "
                + callers.size()
                + " callers");
      }
      Map<String, Integer> expected = new LinkedHashMap<>();
      for (int c = 0; c < callers.size(); c++) {
        String cell = cells.get(c + 1);
        if (!cell.matches("[1-5]\\d\\d")) {
          throw new IllegalArgumentException(
              RESOURCE
                  + ":"
                  + number
                  + ": "
                  + operation
                  + " as "
                  + callers.get(c)
                  + ": '"
                  + cell
                  + "' is not an HTTP status");
        }
        expected.put(callers.get(c), Integer.valueOf(cell));
      }
      rows.add(new Row(operation, expected, number));
    }
    if (callers == null) {
      throw new IllegalArgumentException(RESOURCE + " has no header");
    }
    return new AccessMatrix(callers, rows);
  }

  public Set<String> operations() {
    return rows.stream().map(Row::operation).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  // ---------------------------------------------------------------------------------- README

  /** The callers' headings in README's table. */
  private static final Map<String, String> HEADINGS =
      Map.of(
          "anonymous", "anonymous",
          "own-officer", "officer of the lead unit",
          "coord-officer", "officer of a coordinating unit",
          "other-officer", "officer of another unit",
          "supervisor", "supervisor of the committee",
          "other-supervisor", "supervisor of another committee",
          "leader", "leader of the committee",
          "admin", "admin");

  private static final String API = "/api/v1";
  private static final String ENGINE_REST = "/engine-rest/";

  /**
   * README's "Who may do what": the matrix with operations that every caller treats alike on one
   * line, {@code /api/v1} left out of the paths; "yes" for an allowed call, the refusal's status
   * otherwise.
   */
  public String whoMayDoWhat() {
    Map<List<String>, List<String>> groups = new LinkedHashMap<>();
    for (Row row : rows) {
      List<String> cells =
          callers.stream()
              .map(row::expected)
              .map(s -> s / 100 == 2 ? "yes" : String.valueOf(s))
              .toList();
      groups.computeIfAbsent(cells, s -> new ArrayList<>()).add(row.operation());
    }
    long engineOperations = rows.stream().filter(r -> r.path().startsWith(ENGINE_REST)).count();
    StringBuilder table = new StringBuilder();
    table.append("| operations (paths under `/api/v1` unless they start otherwise) |");
    callers.forEach(c -> table.append(' ').append(HEADINGS.getOrDefault(c, c)).append(" |"));
    table.append("\n| --- |");
    callers.forEach(c -> table.append(" --- |"));
    table.append('\n');
    groups.forEach(
        (cells, operations) -> {
          List<String> names = new ArrayList<>();
          long engineHere = operations.stream().filter(o -> o.contains(" " + ENGINE_REST)).count();
          boolean allEngine = engineHere == engineOperations && engineHere > 1;
          for (String operation : operations) {
            if (allEngine && operation.contains(" " + ENGINE_REST)) {
              continue;
            }
            names.add("`" + operation.replace(" " + API + "/", " /") + "`");
          }
          if (allEngine) {
            names.add("the " + engineHere + " operations offered at `/engine-rest`");
          }
          table.append("| ").append(String.join(", ", names)).append(" |");
          cells.forEach(c -> table.append(' ').append(c).append(" |"));
          table.append('\n');
        });
    return table.toString();
  }

  @Override
  public String toString() {
    return rows.size() + " operations × " + String.join(", ", callers).toLowerCase(Locale.ROOT);
  }
}
