package vn.steerflow.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * Who did what to a task, and when. Written in the same transaction as the change it records. A
 * step a substitute took as acting leader names the leader acted for.
 */
@Entity
@Table(name = "SF_TIMELINE")
public class TimelineEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sf_seq")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "TASK_ID", nullable = false)
  private Task task;

  @Column(name = "AT_TIME", nullable = false)
  private Instant at;

  @Column(name = "ACTOR", nullable = false)
  private String actor;

  /** The leader the actor acted for as their substitute; null when acting in their own right. */
  @Column(name = "ACTING_FOR", length = 100)
  private String actingFor;

  @Column(name = "ACTION_NAME", nullable = false)
  private String action;

  static final int DETAIL_LENGTH = 4000;

  @Column(name = "DETAIL", length = DETAIL_LENGTH)
  private String detail;

  protected TimelineEntry() {}

  public TimelineEntry(Task task, Instant at, String actor, String action, String detail) {
    this(task, at, actor, null, action, detail);
  }

  public TimelineEntry(
      Task task, Instant at, String actor, String actingFor, String action, String detail) {
    this.task = Objects.requireNonNull(task);
    this.at = Objects.requireNonNull(at);
    this.actor = Objects.requireNonNull(actor);
    if (actor.equals(actingFor)) {
      throw new IllegalArgumentException(actor + " cannot act for themselves");
    }
    this.actingFor = actingFor;
    this.action = Objects.requireNonNull(action);
    this.detail = fitting(detail);
  }

  /**
   * The detail quotes what members wrote (a reason, a comment), which may itself fill the column: a
   * long one is cut with an ellipsis rather than failing the change it records. The full text stays
   * on its own record (the extension, the review).
   */
  static String fitting(String detail) {
    if (detail == null || detail.length() <= DETAIL_LENGTH) {
      return detail;
    }
    int end = DETAIL_LENGTH - 1;
    if (Character.isHighSurrogate(detail.charAt(end - 1))) {
      end--; // never split a character outside the Basic Multilingual Plane
    }
    return detail.substring(0, end) + "…";
  }

  public Instant getAt() {
    return at;
  }

  public String getActor() {
    return actor;
  }

  public String getActingFor() {
    return actingFor;
  }

  public String getAction() {
    return action;
  }

  public String getDetail() {
    return detail;
  }
}
