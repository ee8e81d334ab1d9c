package vn.steerflow.security;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Reads the security settings that MicroProfile Config gives as text. */
final class Config {

  private Config() {}

  /** An ISO-8601 duration such as {@code PT30M}; a wrong or non-positive one stops the start. */
  static Duration duration(String name, String value) {
    try {
      Duration duration = Duration.parse(value.strip());
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, not " + value);
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " must be an ISO-8601 duration such as PT30M, not " + value, e);
    }
  }
}
