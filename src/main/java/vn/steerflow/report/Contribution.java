package vn.steerflow.report;

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
import vn.steerflow.committee.Unit;
import vn.steerflow.plan.Task;

/**
 * A coordinating unit's contribution to a task, for the lead unit to build its report on. One per
 * unit and task (also a unique key in the database); it is not edited afterwards.
 */
@Entity
@Table(name = "SF_CONTRIBUTION")
public class Contribution {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sf_seq")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "TASK_ID", nullable = false)
  private Task task;

  @ManyToOne(optional = false)
  @JoinColumn(name = "UNIT_ID", nullable = false)
  private Unit unit;

  @Column(name = "CONTRIBUTION_TEXT", nullable = false, length = 8000)
  private String text;

  @Column(name = "PROGRESS", nullable = false)
  private int progress;

  @Column(name = "SUBMITTED_BY", nullable = false)
  private String submittedBy;

  @Column(name = "SUBMITTED_AT", nullable = false)
  private Instant submittedAt;

  protected Contribution() {}

  public Contribution(
      Task task, Unit unit, String text, int progress, String submittedBy, Instant submittedAt) {
    this.task = Objects.requireNonNull(task);
    this.unit = Objects.requireNonNull(unit);
    if (task.getCoordinatingUnits().stream().noneMatch(u -> u.getId().equals(unit.getId()))) {
      throw new IllegalArgumentException(
          "unit " + unit.getCode() + " does not coordinate task " + task.getCode());
    }
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a contribution says what the unit did");
    }
    if (progress < 0 || progress > 100) {
      throw new IllegalArgumentException("progress must be 0 to 100");
    }
    this.text = text.strip();
    this.progress = progress;
    this.submittedBy = Objects.requireNonNull(submittedBy);
    this.submittedAt = Objects.requireNonNull(submittedAt);
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

  public String getText() {
    return text;
  }

  public int getProgress() {
    return progress;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }
}
