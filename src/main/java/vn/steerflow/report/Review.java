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
import java.time.Instant;
import java.util.Objects;

/**
 * A decision at one review step of a report's cycle: by a supervisor of the standing agency, or by
 * the unit's own leader where the task's model has that step. One per report and step (also a
 * unique key in the database); the default model has one review step, so one review per report.
 */
@Entity
@Table(name = "SF_REVIEW")
public class Review {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sf_seq")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "REPORT_ID", nullable = false)
  private Report report;

  /** The engine's review step this decision completed; null for reviews before version 9. */
  @Column(name = "STEP_ID", length = 64)
  private String stepId;

  @Enumerated(EnumType.STRING)
  @Column(name = "DECISION", nullable = false)
  private Decision decision;

  @Column(name = "DECISION_COMMENT", length = 4000)
  private String comment;

  @Column(name = "REVIEWER", nullable = false)
  private String reviewer;

  @Column(name = "REVIEWED_AT", nullable = false)
  private Instant reviewedAt;

  protected Review() {}

  /**
   * A decision on a report still under review. {@code settles}: no further review step follows, so
   * the decision becomes the report's (approved, returned, escalated); otherwise it is an approval
   * the cycle passes on to a further review, and the report stays under review.
   */
  public Review(
      Report report,
      String stepId,
      Decision decision,
      String comment,
      String reviewer,
      Instant reviewedAt,
      boolean settles) {
    this.report = Objects.requireNonNull(report);
    this.stepId = Objects.requireNonNull(stepId, "stepId");
    this.decision = Objects.requireNonNull(decision);
    if (decision.needsComment() && (comment == null || comment.isBlank())) {
      throw new IllegalArgumentException(decision + " needs a comment");
    }
    if (!settles && decision != Decision.APPROVE) {
      throw new IllegalArgumentException(
          "only an approval passes a report on to a further review; " + decision + " settles it");
    }
    if (report.getReviewState() != ReviewState.PENDING) {
      throw new IllegalStateException(
          "report " + report.getId() + " was already decided: " + report.getReviewState());
    }
    this.comment = comment == null || comment.isBlank() ? null : comment.strip();
    this.reviewer = Objects.requireNonNull(reviewer);
    this.reviewedAt = Objects.requireNonNull(reviewedAt);
    if (settles) {
      report.decided(decision);
    }
  }

  public String getStepId() {
    return stepId;
  }

  public Decision getDecision() {
    return decision;
  }

  public String getComment() {
    return comment;
  }

  public String getReviewer() {
    return reviewer;
  }

  public Instant getReviewedAt() {
    return reviewedAt;
  }
}
