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
import vn.steerflow.committee.Unit;
import vn.steerflow.plan.Task;

/**
 * A unit's progress report on a task. It is decided once; a returned report is followed by a new
 * one.
 */
@Entity
@Table(name = "SF_REPORT")
public class Report {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sf_seq")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "TASK_ID", nullable = false)
  private Task task;

  @ManyToOne(optional = false)
  @JoinColumn(name = "UNIT_ID", nullable = false)
  private Unit unit;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false)
  private ReportStatus status;

  @Column(name = "PROGRESS", nullable = false)
  private int progress;

  @Column(name = "NARRATIVE", nullable = false, length = 8000)
  private String narrative;

  @Column(name = "DIFFICULTIES", length = 4000)
  private String difficulties;

  @Column(name = "RECOMMENDATIONS", length = 4000)
  private String recommendations;

  @Column(name = "SUBMITTED_BY", nullable = false)
  private String submittedBy;

  @Column(name = "SUBMITTED_AT", nullable = false)
  private Instant submittedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "REVIEW_STATE", nullable = false)
  private ReviewState reviewState = ReviewState.PENDING;

  @Version
  @Column(name = "VERSION", nullable = false)
  private long version;

  protected Report() {}

  public Report(
      Task task, Unit unit, ReportRequest request, String submittedBy, Instant submittedAt) {
    this.task = Objects.requireNonNull(task);
    this.unit = Objects.requireNonNull(unit);
    this.status = Objects.requireNonNull(request.status());
    this.progress = request.progress();
    if (progress < 0 || progress > 100) {
      throw new IllegalArgumentException("progress must be 0 to 100");
    }
    if (status == ReportStatus.DONE && progress != 100) {
      throw new IllegalArgumentException("a DONE report has progress 100");
    }
    this.narrative = request.narrative().strip();
    this.difficulties = blankToNull(request.difficulties());
    this.recommendations = blankToNull(request.recommendations());
    this.submittedBy = submittedBy;
    this.submittedAt = submittedAt;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  void decided(Decision decision) {
    if (reviewState != ReviewState.PENDING) {
      throw new IllegalStateException("report " + id + " was already decided: " + reviewState);
    }
    reviewState = decision.resultingState();
  }

  public Long getId() {
    return id;
  }

  public Task getTask() {
    return task;
  }

  public Unit getUnit() {
    return unit;
  }

  public ReportStatus getStatus() {
    return status;
  }

  public int getProgress() {
    return progress;
  }

  public String getNarrative() {
    return narrative;
  }

  public String getDifficulties() {
    return difficulties;
  }

  public String getRecommendations() {
    return recommendations;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public ReviewState getReviewState() {
    return reviewState;
  }

  public long getVersion() {
    return version;
  }
}
