package vn.steerflow.report;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A reporting period as the API shows it; {@code reportId} is the approved report, if any. */
public record PeriodView(
    int number,
    OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    PeriodState state,
    Long reportId,
    OffsetDateTime closedAt) {

  static PeriodView of(ReportingPeriod p) {
    return new PeriodView(
        p.getNumber(),
        p.getStartsAt().atOffset(ZoneOffset.UTC),
        p.getEndsAt().atOffset(ZoneOffset.UTC),
        p.getState(),
        p.getReport() == null ? null : p.getReport().getId(),
        p.getClosedAt() == null ? null : p.getClosedAt().atOffset(ZoneOffset.UTC));
  }
}
