package vn.steerflow.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import vn.steerflow.plan.Task;
import vn.steerflow.plan.TimelineActions;

/**
 * The lead unit's request for a new deadline, with its reason, and the supervisor's decision. The
 * rows of a task are its deadline history: each keeps the deadline in force when it was asked for
 * and the one asked for, so the original deadline and every granted one stay on record.
 */
@Entity
@Table(name = "SF_EXTENSION")
public class Extension {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sf_seq")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "TASK_ID", nullable = false)
  private Task task;

  @Column(name = "PREVIOUS_DEADLINE", nullable = false)
  private Instant previousDeadline;

  @Column(name = "REQUESTED_DEADLINE", nullable = false)
  private Instant requestedDeadline;

  @Column(name = "REASON", nullable = false, length = 4000)
  private String reason;

  @Column(name = "REQUESTED_BY", nullable = false)
  private String requestedBy;

  @Column(name = "REQUESTED_AT", nullable = false)
  private Instant requestedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATE", nullable = false)
  private ExtensionState state = ExtensionState.PENDING;

  @Column(name = "DECIDED_BY")
  private String decidedBy;

  @Column(name = "DECIDED_AT")
  private Instant decidedAt;

  @Column(name = "DECISION_COMMENT", length = 4000)
  private String comment;

  @Version
  @Column(name = "VERSION", nullable = false)
  private long version;

  protected Extension() {}

  public Extension(
      Task task,
      Instant requestedDeadline,
      String reason,
      String requestedBy,
      Instant requestedAt) {
    this.task = Objects.requireNonNull(task);
    this.previousDeadline = task.getDeadline();
    this.requestedDeadline = Objects.requireNonNull(requestedDeadline);
    if (!requestedDeadline.isAfter(previousDeadline) || !requestedDeadline.isAfter(requestedAt)) {
      throw new IllegalArgumentException("an extension asks for a later deadline, in the future");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("an extension needs a reason");
    }
    this.reason = reason.strip();
    this.requestedBy = Objects.requireNonNull(requestedBy);
    this.requestedAt = Objects.requireNonNull(requestedAt);
  }

  /** A supervisor grants the requested deadline; the caller moves the task's deadline with it. */
  void grant(String supervisor, Instant at, String comment) {
    decide(ExtensionState.GRANTED, supervisor, at, comment);
  }

  /** A supervisor refuses, saying why. */
  void refuse(String supervisor, Instant at, String comment) {
    if (comment == null || comment.isBlank()) {
      throw new IllegalArgumentException("a refusal needs the reason");
    }
    decide(ExtensionState.REFUSED, supervisor, at, comment);
  }

  /** The task ended before a supervisor decided: the request lapses, recorded as such. */
  void withdrawn(Instant at, String why) {
    decide(ExtensionState.WITHDRAWN, TimelineActions.SYSTEM_ACTOR, at, why);
  }

  private void decide(ExtensionState decision, String supervisor, Instant at, String comment) {
    if (state != ExtensionState.PENDING) {
      throw new IllegalStateException("extension " + id + " was already decided: " + state);
    }
    this.state = decision;
    this.decidedBy = Objects.requireNonNull(supervisor);
    this.decidedAt = Objects.requireNonNull(at);
    this.comment = comment == null || comment.isBlank() ? null : comment.strip();
  }

  public Long getId() {
    return id;
  }

  public Task getTask() {
    return task;
  }

  public Instant getPreviousDeadline() {
    return previousDeadline;
  }

  public Instant getRequestedDeadline() {
    return requestedDeadline;
  }

  public String getReason() {
    return reason;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }

  public ExtensionState getState() {
    return state;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getComment() {
    return comment;
  }

  public long getVersion() {
    return version;
  }
}
