package vn.steerflow.report;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** A report as the API shows it, with its indicator values' attainment and colour. */
public record ReportView(
    Long id,
    String task,
    String unit,
    ReportStatus status,
    int progress,
    String narrative,
    String difficulties,
    String recommendations,
    String submittedBy,
    OffsetDateTime submittedAt,
    ReviewState reviewState,
    long version,
    List<IndicatorValueView> indicatorValues) {

  static ReportView of(Report r, List<IndicatorValueView> indicatorValues) {
    return new ReportView(
        r.getId(),
        r.getTask().getCode(),
        r.getUnit().getCode(),
        r.getStatus(),
        r.getProgress(),
        r.getNarrative(),
        r.getDifficulties(),
        r.getRecommendations(),
        r.getSubmittedBy(),
        r.getSubmittedAt().atOffset(ZoneOffset.UTC),
        r.getReviewState(),
        r.getVersion(),
        indicatorValues);
  }
}
