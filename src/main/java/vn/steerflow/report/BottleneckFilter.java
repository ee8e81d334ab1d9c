package vn.steerflow.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.FieldError;
import vn.steerflow.api.Page;
import vn.steerflow.workflow.ReportingCalendar;

/**
 * What a bottleneck listing asks for: filters (all optional, combined with AND; several states with
 * OR), the order and the page. Parsed from query text here, so that every parameter at fault is
 * named in one 400.
 *
 * @param committee a committee's code
 * @param unit the code of the unit that raised them
 * @param resolver a unit's code, or LEADERS
 * @param task a task's code
 * @param minAgeDays at least this many days open (see {@link Bottleneck#ageDays})
 */
public record BottleneckFilter(
    String committee,
    Set<BottleneckState> states,
    String unit,
    String resolver,
    String task,
    Integer minAgeDays,
    Sort sort,
    boolean descending,
    Page.Request paging) {

  /** The query parameters, as clients send them and as 400s name them. */
  static final String COMMITTEE = "committee",
      STATE = "state",
      UNIT = "unit",
      RESOLVER = "resolver",
      TASK = "task",
      MIN_AGE_DAYS = "minAgeDays",
      SORT = "sort",
      DIR = "dir";

  /**
   * The orders a listing offers; ties are broken by the bottleneck's id, so pages never overlap.
   */
  public enum Sort {
    RAISED_AT("raisedAt", "b.raisedAt"),
    TASK("task", "b.task.code"),
    STATE("state", "b.state");

    /** The name in the query string. */
    final String parameter;

    /** What the query orders by. */
    final String path;

    Sort(String parameter, String path) {
      this.parameter = parameter;
      this.path = path;
    }

    static String names() {
      return Arrays.stream(values()).map(s -> s.parameter).collect(Collectors.joining(", "));
    }
  }

  public BottleneckFilter {
    states =
        states == null || states.isEmpty()
            ? EnumSet.noneOf(BottleneckState.class)
            : EnumSet.copyOf(states);
  }

  /**
   * Parses the query; 400 naming every parameter at fault. The default order is oldest raised
   * first: the longest-standing difficulties lead.
   */
  public static BottleneckFilter parse(
      String committee,
      List<String> state,
      String unit,
      String resolver,
      String task,
      String minAgeDays,
      String page,
      String size,
      String sort,
      String dir) {
    List<FieldError> errors = new ArrayList<>();
    Set<BottleneckState> states = EnumSet.noneOf(BottleneckState.class);
    for (String value : state == null ? List.<String>of() : state) {
      for (String part : value.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        try {
          states.add(BottleneckState.valueOf(part.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          errors.add(
              new FieldError(
                  STATE,
                  "one of "
                      + Arrays.toString(BottleneckState.values())
                      + ", not '"
                      + part.strip()
                      + "'"));
        }
      }
    }
    Integer minAge = null;
    if (minAgeDays != null && !minAgeDays.isBlank()) {
      try {
        minAge = Integer.parseInt(minAgeDays.strip());
        if (minAge < 0) {
          errors.add(new FieldError(MIN_AGE_DAYS, "a number of days, 0 or more"));
          minAge = null;
        }
      } catch (NumberFormatException e) {
        errors.add(
            new FieldError(MIN_AGE_DAYS, "a whole number of days, not '" + minAgeDays + "'"));
      }
    }
    Sort order = Sort.RAISED_AT;
    if (sort != null && !sort.isBlank()) {
      order =
          Arrays.stream(Sort.values())
              .filter(s -> s.parameter.equals(sort.strip()))
              .findFirst()
              .orElse(null);
      if (order == null) {
        errors.add(new FieldError(SORT, "one of " + Sort.names() + ", not '" + sort + "'"));
      }
    }
    boolean descending = false;
    if (dir != null && !dir.isBlank()) {
      switch (dir.strip()) {
        case "asc" -> descending = false;
        case "desc" -> descending = true;
        default -> errors.add(new FieldError(DIR, "asc or desc, not '" + dir + "'"));
      }
    }
    Page.Request paging = Page.Request.parse(page, size, errors);
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(
          "Fix these query parameters: "
              + errors.stream()
                  .map(f -> f.field() + " (" + f.message() + ")")
                  .collect(Collectors.joining(", ")),
          errors);
    }
    return new BottleneckFilter(
        blankToNull(committee),
        states,
        blankToNull(unit),
        blankToNull(resolver),
        blankToNull(task),
        minAge,
        order,
        descending,
        paging);
  }

  /** The same listing, of one task's bottlenecks. */
  BottleneckFilter ofTask(String taskCode) {
    return new BottleneckFilter(
        committee, states, unit, resolver, taskCode, minAgeDays, sort, descending, paging);
  }

  /**
   * The instant before which an unresolved bottleneck was raised if it is at least {@code
   * minAgeDays} old now: the start, in Vietnam, of the day {@code minAgeDays - 1} days before
   * today. Age ≥ n ⇔ raised on or before today − n ⇔ raised before the start of today − n + 1.
   */
  static Instant raisedBefore(Instant now, int minAgeDays) {
    LocalDate today = now.atZone(ReportingCalendar.ZONE).toLocalDate();
    return today.minusDays(minAgeDays - 1L).atStartOfDay(ReportingCalendar.ZONE).toInstant();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
