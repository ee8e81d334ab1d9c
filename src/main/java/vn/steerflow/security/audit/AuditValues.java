package vn.steerflow.security.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The values an audit entry keeps before and after a change: a small, flat JSON object of field
 * names and plain values (text, numbers, booleans, lists of them). Enums become their names,
 * instants ISO-8601 in UTC, dates ISO-8601; long texts are shortened so the entry stays small.
 */
public final class AuditValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Longest text kept of one value, then shorter ones until the whole object fits its column. */
  private static final int[] TEXT_LIMITS = {1000, 200, 40};

  private AuditValues() {}

  /**
   * Field names and values, alternating: {@code of("leadUnit", "STP", "deadline", instant)}. Null
   * values are left out: a value that is not there was not set.
   */
  public static Map<String, Object> of(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values come in pairs");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = (String) Objects.requireNonNull(namesAndValues[i], "name");
      Object value = plain(namesAndValues[i + 1]);
      if (value != null) {
        values.put(name, value);
      }
    }
    return values;
  }

  /**
   * Only what changed between two snapshots of the same fields, in the snapshot's order: the old
   * values and the new ones. A field present on one side only is null on the other.
   */
  public static Change diff(Map<String, ?> before, Map<String, ?> after) {
    Set<String> names = new LinkedHashSet<>(before.keySet());
    names.addAll(after.keySet());
    Map<String, Object> was = new LinkedHashMap<>();
    Map<String, Object> is = new LinkedHashMap<>();
    for (String name : names) {
      Object old = plain(before.get(name));
      Object now = plain(after.get(name));
      if (!Objects.equals(old, now)) {
        was.put(name, old);
        is.put(name, now);
      }
    }
    return new Change(was, is);
  }

  /** The changed fields' values before and after. */
  public record Change(Map<String, Object> before, Map<String, Object> after) {
    public boolean isEmpty() {
      return before.isEmpty() && after.isEmpty();
    }
  }

  /** The JSON object's text to store; null for no values. */
  static String json(Map<String, ?> values) {
    if (values == null) {
      return null;
    }
    Map<String, Object> plain = new LinkedHashMap<>();
    values.forEach((name, value) -> plain.put(name, plain(value)));
    String text = write(plain);
    for (int limit : TEXT_LIMITS) {
      if (text.length() <= AuditEntry.VALUES_LENGTH) {
        return text;
      }
      text = write(shortened(plain, limit));
    }
    if (text.length() <= AuditEntry.VALUES_LENGTH) {
      return text;
    }
    // Only a great many fields get here; the entry still says what happened to which object.
    return write(Map.of("truncated", true, "fields", new ArrayList<>(plain.keySet())));
  }

  /** The stored text as JSON; null stays null. */
  static JsonNode parse(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("audit values are not JSON: " + json, e);
    }
  }

  private static String write(Object values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("audit values cannot be written as JSON", e);
    }
  }

  private static Map<String, Object> shortened(Map<String, Object> values, int limit) {
    Map<String, Object> shorter = new LinkedHashMap<>();
    values.forEach((name, value) -> shorter.put(name, shorten(value, limit)));
    return shorter;
  }

  private static Object shorten(Object value, int limit) {
    if (value instanceof String text && text.length() > limit) {
      return text.substring(0, limit) + "…";
    }
    if (value instanceof List<?> list) {
      return list.stream().map(v -> shorten(v, limit)).toList();
    }
    return value;
  }

  /** A value as JSON shows it: text, number, boolean, or a list of those. */
  private static Object plain(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return value instanceof String text ? shorten(text, TEXT_LIMITS[0]) : value;
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    if (value instanceof Instant instant) {
      return instant.toString();
    }
    if (value instanceof TemporalAccessor temporal) {
      return temporal.toString();
    }
    if (value instanceof Collection<?> collection) {
      List<Object> list = new ArrayList<>();
      collection.forEach(v -> list.add(plain(v)));
      return list;
    }
    return value.toString();
  }
}
