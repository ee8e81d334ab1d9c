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
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import vn.steerflow.plan.Task;

/**
 * One reporting period of a REGULAR task, opened by the cycle and closed once: reported or missed.
 */
@Entity
@Table(name = "SF_REPORTING_PERIOD")
public class ReportingPeriod {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sf_seq")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "TASK_ID", nullable = false)
  private Task task;

  @Column(name = "PERIOD_NUMBER", nullable = false)
  private int number;

  @Column(name = "STARTS_AT", nullable = false)
  private Instant startsAt;

  @Column(name = "ENDS_AT", nullable = false)
  private Instant endsAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATE", nullable = false)
  private PeriodState state = PeriodState.OPEN;

  @OneToOne
  @JoinColumn(name = "REPORT_ID")
  private Report report;

  @Column(name = "CLOSED_AT")
  private Instant closedAt;

  @Version
  @Column(name = "VERSION", nullable = false)
  private long version;

  protected ReportingPeriod() {}

  public ReportingPeriod(Task task, int number, Instant startsAt, Instant endsAt) {
    this.task = Objects.requireNonNull(task);
    if (number < 1) {
      throw new IllegalArgumentException("periods are numbered from 1");
    }
    if (!endsAt.isAfter(startsAt)) {
      throw new IllegalArgumentException("a period ends after it starts");
    }
    this.number = number;
    this.startsAt = startsAt;
    this.endsAt = endsAt;
  }

  /** The supervisor approved the report for this period: on time if it was submitted by the end. */
  void reported(Report approved, Instant at) {
    requireOpen();
    if (!approved.getTask().getId().equals(task.getId())) {
      throw new IllegalArgumentException(
          "report " + approved.getId() + " is not on task " + task.getCode());
    }
    this.report = approved;
    this.state = approved.getSubmittedAt().isAfter(endsAt) ? PeriodState.LATE : PeriodState.ON_TIME;
    this.closedAt = at;
  }

  /** The period ended with no report. */
  void missed(Instant at) {
    requireOpen();
    this.state = PeriodState.MISSED;
    this.closedAt = at;
  }

  /** The task was cancelled while this period was open: no report is due for it any more. */
  void cancelled(Instant at) {
    requireOpen();
    this.state = PeriodState.CANCELLED;
    this.closedAt = at;
  }

  private void requireOpen() {
    if (state != PeriodState.OPEN) {
      throw new IllegalStateException(
          "period " + number + " of task " + task.getCode() + " is already closed: " + state);
    }
  }

  public int getNumber() {
    return number;
  }

  public Instant getStartsAt() {
    return startsAt;
  }

  public Instant getEndsAt() {
    return endsAt;
  }

  public PeriodState getState() {
    return state;
  }

  public Report getReport() {
    return report;
  }

  public Instant getClosedAt() {
    return closedAt;
  }
}
