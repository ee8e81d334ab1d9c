package vn.steerflow.report;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A bottleneck as the API shows it. {@code unit} raised it; {@code resolver} is the unit that must
 * resolve it, or LEADERS; {@code ageDays} counts calendar days (Vietnam time) from the day it was
 * raised to today, frozen once resolved.
 */
public record BottleneckView(
    Long id,
    String task,
    String taskTitle,
    Long report,
    String unit,
    String committee,
    String summary,
    BottleneckState state,
    String resolver,
    String raisedBy,
    OffsetDateTime raisedAt,
    String takenBy,
    OffsetDateTime takenAt,
    String answer,
    String resolvedBy,
    OffsetDateTime resolvedAt,
    int ageDays,
    long version) {

  static BottleneckView of(Bottleneck b, Instant now) {
    return new BottleneckView(
        b.getId(),
        b.getTask().getCode(),
        b.getTask().getTitle(),
        b.getReport().getId(),
        b.getUnit().getCode(),
        b.getCommittee().getCode(),
        b.getSummary(),
        b.getState(),
        b.resolver(),
        b.getRaisedBy(),
        CoordinationView.utc(b.getRaisedAt()),
        b.getTakenBy(),
        CoordinationView.utc(b.getTakenAt()),
        b.getAnswer(),
        b.getResolvedBy(),
        CoordinationView.utc(b.getResolvedAt()),
        b.ageDays(now),
        b.getVersion());
  }
}
