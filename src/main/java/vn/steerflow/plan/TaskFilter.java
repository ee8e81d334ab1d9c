package vn.steerflow.plan;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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

/**
 * What a task listing asks for: filters (all optional, combined with AND; several outcomes with
 * OR), the order and the page. Parsed from query text here, so every parameter at fault is named in
 * one 400.
 *
 * @param plan a plan's id or code
 * @param unit a unit's code: tasks it leads or coordinates
 * @param text words to find, case-insensitively, in title or content
 */
public record TaskFilter(
    String plan,
    String unit,
    Set<Outcome> outcomes,
    Boolean overdue,
    Instant deadlineFrom,
    Instant deadlineTo,
    String text,
    Sort sort,
    boolean descending,
    Page.Request paging) {

  static final int MAX_TEXT = 200;

  /** The query parameters, as clients send them and as 400s name them. */
  static final String PLAN = "plan",
      UNIT = "unit",
      OUTCOME = "outcome",
      OVERDUE = "overdue",
      DEADLINE_FROM = "deadlineFrom",
      DEADLINE_TO = "deadlineTo",
      TEXT = "q",
      SORT = "sort",
      DIR = "dir";

  /** The orders a listing offers; ties are broken by the task's id, so pages never overlap. */
  public enum Sort {
    DEADLINE("deadline"),
    CODE("code"),
    TITLE("title"),
    CREATED_AT("createdAt");

    /** The name in the query string, which is also the task's attribute. */
    final String attribute;

    Sort(String attribute) {
      this.attribute = attribute;
    }

    static String names() {
      return Arrays.stream(values()).map(s -> s.attribute).collect(Collectors.joining(", "));
    }
  }

  public TaskFilter {
    outcomes =
        outcomes == null || outcomes.isEmpty()
            ? EnumSet.noneOf(Outcome.class)
            : EnumSet.copyOf(outcomes);
  }

  public static TaskFilter parse(
      String plan,
      String unit,
      List<String> outcome,
      String overdue,
      String deadlineFrom,
      String deadlineTo,
      String q,
      String page,
      String size,
      String sort,
      String dir) {
    List<FieldError> errors = new ArrayList<>();
    Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
    for (String value : outcome == null ? List.<String>of() : outcome) {
      for (String part : value.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        try {
          outcomes.add(Outcome.valueOf(part.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          errors.add(
              new FieldError(
                  OUTCOME,
                  "one of " + Arrays.toString(Outcome.values()) + ", not '" + part.strip() + "'"));
        }
      }
    }
    Boolean overdueOnly = null;
    if (overdue != null && !overdue.isBlank()) {
      switch (overdue.strip()) {
        case "true" -> overdueOnly = Boolean.TRUE;
        case "false" -> overdueOnly = Boolean.FALSE;
        default -> errors.add(new FieldError(OVERDUE, "true or false, not '" + overdue + "'"));
      }
    }
    Instant from = instant(DEADLINE_FROM, deadlineFrom, errors);
    Instant to = instant(DEADLINE_TO, deadlineTo, errors);
    if (from != null && to != null && to.isBefore(from)) {
      errors.add(new FieldError(DEADLINE_TO, "ends before deadlineFrom"));
    }
    String text = q == null || q.isBlank() ? null : q.strip();
    if (text != null && text.length() > MAX_TEXT) {
      errors.add(new FieldError(TEXT, "at most " + MAX_TEXT + " characters"));
    }
    Sort order = Sort.DEADLINE;
    if (sort != null && !sort.isBlank()) {
      order =
          Arrays.stream(Sort.values())
              .filter(s -> s.attribute.equals(sort.strip()))
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
          "Fix the listing parameters: "
              + errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "))
              + ".",
          errors);
    }
    return new TaskFilter(
        blankToNull(plan),
        blankToNull(unit),
        outcomes,
        overdueOnly,
        from,
        to,
        text,
        order,
        descending,
        paging);
  }

  private static Instant instant(String field, String text, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    // An unencoded '+' of an offset arrives as a space; an ISO-8601 date-time never holds a space.
    String iso = text.strip().replace(' ', '+');
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldError(
              field,
              "an ISO-8601 date-time with offset, e.g. 2026-12-31T17:00:00+07:00, not '"
                  + text
                  + "'"));
      return null;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
