package vn.steerflow.report;

import java.time.OffsetDateTime;
import java.util.List;

/** An extension request and its decision, as the API shows it. */
public record ExtensionView(
    Long id,
    String task,
    ExtensionState state,
    OffsetDateTime previousDeadline,
    OffsetDateTime requestedDeadline,
    String reason,
    String requestedBy,
    OffsetDateTime requestedAt,
    String decidedBy,
    OffsetDateTime decidedAt,
    String comment,
    long version) {

  static ExtensionView of(Extension e) {
    return new ExtensionView(
        e.getId(),
        e.getTask().getCode(),
        e.getState(),
        CoordinationView.utc(e.getPreviousDeadline()),
        CoordinationView.utc(e.getRequestedDeadline()),
        e.getReason(),
        e.getRequestedBy(),
        CoordinationView.utc(e.getRequestedAt()),
        e.getDecidedBy(),
        CoordinationView.utc(e.getDecidedAt()),
        e.getComment(),
        e.getVersion());
  }

  /**
   * A task's deadline history: the deadline it was assigned with, the one in force, and every
   * request, oldest first.
   */
  public record History(
      String task,
      OffsetDateTime originalDeadline,
      OffsetDateTime deadline,
      List<ExtensionView> extensions) {}
}
