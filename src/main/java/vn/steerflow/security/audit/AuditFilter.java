package vn.steerflow.security.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.FieldError;
import vn.steerflow.api.Page;

/**
 * What an admin asks of the audit trail: filters (all optional, combined with AND; several actions
 * with OR) and, for the JSON listing, the page. Parsed from query text here, so every parameter at
 * fault is named in one 400.
 *
 * @param member a username: entries it made, or made acting for it
 * @param from inclusive
 * @param to inclusive
 */
public record AuditFilter(
    String objectType,
    String objectId,
    String member,
    Instant from,
    Instant to,
    Set<String> actions,
    Page.Request paging) {

  static final String OBJECT_TYPE = "objectType",
      OBJECT_ID = "objectId",
      MEMBER = "member",
      FROM = "from",
      TO = "to",
      ACTION = "action";

  private static final int MAX_TEXT = 200;

  public AuditFilter {
    actions = actions == null ? Set.of() : Set.copyOf(actions);
  }

  public static AuditFilter parse(
      String objectType,
      String objectId,
      String member,
      String from,
      String to,
      List<String> action,
      String page,
      String size) {
    List<FieldError> errors = new ArrayList<>();
    String type = blankToNull(objectType);
    if (type != null && !AuditObject.ALL.contains(type)) {
      errors.add(
          new FieldError(
              OBJECT_TYPE, "one of " + sorted(AuditObject.ALL) + ", not '" + type + "'"));
    }
    String id = text(OBJECT_ID, objectId, errors);
    String who = text(MEMBER, member, errors);
    Instant since = instant(FROM, from, errors);
    Instant until = instant(TO, to, errors);
    if (since != null && until != null && until.isBefore(since)) {
      errors.add(new FieldError(TO, "ends before from"));
    }
    Set<String> actions = new TreeSet<>();
    for (String value : action == null ? List.<String>of() : action) {
      for (String part : value.split(",")) {
        String name = part.strip();
        if (name.isEmpty()) {
          continue;
        }
        if (AuditAction.ALL.contains(name)) {
          actions.add(name);
        } else {
          errors.add(
              new FieldError(ACTION, "one of " + sorted(AuditAction.ALL) + ", not '" + name + "'"));
        }
      }
    }
    Page.Request paging = Page.Request.parse(page, size, errors);
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(
          "Fix the audit query parameters: "
              + errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "))
              + ".",
          errors);
    }
    return new AuditFilter(type, id, who, since, until, actions, paging);
  }

  private static String text(String field, String value, List<FieldError> errors) {
    String text = blankToNull(value);
    if (text != null && text.length() > MAX_TEXT) {
      errors.add(new FieldError(field, "at most " + MAX_TEXT + " characters"));
    }
    return text;
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

  private static String sorted(Set<String> names) {
    return String.join(", ", new TreeSet<>(names));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
