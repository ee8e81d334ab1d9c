package vn.steerflow.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A supervisor's decision on a report; one per report (also a unique key in the database). */
@Entity
@Table(name = "SF_REVIEW")
public class Review {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sf_seq")
  private Long id;

  @OneToOne(optional = false)
  @JoinColumn(name = "REPORT_ID", nullable = false, unique = true)
  private Report report;

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

  public Review(
      Report report, Decision decision, String comment, String reviewer, Instant reviewedAt) {
    this.report = Objects.requireNonNull(report);
    this.decision = Objects.requireNonNull(decision);
    if (decision.needsComment() && (comment == null || comment.isBlank())) {
      throw new IllegalArgumentException(decision + " needs a comment");
    }
    this.comment = comment == null || comment.isBlank() ? null : comment.strip();
    this.reviewer = Objects.requireNonNull(reviewer);
    this.reviewedAt = Objects.requireNonNull(reviewedAt);
    report.decided(decision);
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
