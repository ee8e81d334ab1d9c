package vn.steerflow.committee;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A substitution as the API shows it, with its state at the moment of reading. */
public record SubstitutionView(
    long id,
    String committee,
    String leader,
    String substitute,
    OffsetDateTime from,
    OffsetDateTime until,
    String reason,
    SubstitutionState state,
    String namedBy,
    OffsetDateTime namedAt,
    String cancelledBy,
    OffsetDateTime cancelledAt,
    long version) {

  static SubstitutionView of(Substitution s, Instant now) {
    return new SubstitutionView(
        s.getId(),
        s.getCommittee().getCode(),
        s.getLeader().getUsername(),
        s.getSubstitute().getUsername(),
        utc(s.getStartsAt()),
        utc(s.getEndsAt()),
        s.getReason(),
        s.stateAt(now),
        s.getNamedBy(),
        utc(s.getNamedAt()),
        s.getCancelledBy(),
        utc(s.getCancelledAt()),
        s.getVersion());
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
