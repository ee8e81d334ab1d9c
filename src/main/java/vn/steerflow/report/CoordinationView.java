package vn.steerflow.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One coordinating unit of a task as the lead unit sees it: whether its contribution came, by when
 * it was due, and the contribution itself.
 */
public record CoordinationView(
    String unit,
    String unitName,
    ContributionStatus status,
    OffsetDateTime dueAt,
    ContributionView contribution) {

  /** A contribution as the API shows it. */
  public record ContributionView(
      Long id,
      String task,
      String unit,
      String text,
      int progress,
      String submittedBy,
      OffsetDateTime submittedAt) {
    static ContributionView of(Contribution c) {
      return new ContributionView(
          c.getId(),
          c.getTask().getCode(),
          c.getUnit().getCode(),
          c.getText(),
          c.getProgress(),
          c.getSubmittedBy(),
          utc(c.getSubmittedAt()));
    }
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
