package vn.steerflow.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import vn.steerflow.plan.Attainment;
import vn.steerflow.plan.IndicatorView;
import vn.steerflow.plan.RiskColour;

/**
 * One point of an indicator's series. A REGULAR task's point is a reporting period (number, start,
 * end) with the value that counts for it, or none (value, attainment, colour, report null) when no
 * counted report gave one; a ONE_OFF task's point is a report (period fields null). The report's
 * review state says whether the value is approved yet.
 */
public record IndicatorPoint(
    Integer period,
    OffsetDateTime periodStart,
    OffsetDateTime periodEnd,
    BigDecimal value,
    BigDecimal attainment,
    RiskColour colour,
    Long reportId,
    OffsetDateTime reportedAt,
    ReviewState reviewState) {

  static IndicatorPoint ofPeriod(ReportingPeriod period, IndicatorValue value) {
    return of(period.getNumber(), utc(period.getStartsAt()), utc(period.getEndsAt()), value);
  }

  static IndicatorPoint ofReport(IndicatorValue value) {
    return of(null, null, null, value);
  }

  private static IndicatorPoint of(
      Integer period, OffsetDateTime start, OffsetDateTime end, IndicatorValue value) {
    if (value == null) {
      return new IndicatorPoint(period, start, end, null, null, null, null, null, null);
    }
    Attainment attainment = value.attainment();
    Report report = value.getReport();
    return new IndicatorPoint(
        period,
        start,
        end,
        IndicatorView.plain(value.getValue()),
        attainment.percent(),
        attainment.colour(),
        report.getId(),
        utc(report.getSubmittedAt()),
        report.getReviewState());
  }

  boolean hasValue() {
    return value != null;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
