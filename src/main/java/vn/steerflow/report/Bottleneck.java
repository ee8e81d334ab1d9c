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
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import vn.steerflow.committee.Committee;
import vn.steerflow.committee.Unit;
import vn.steerflow.plan.Task;
import vn.steerflow.workflow.ReportingCalendar;

/**
 * A difficulty a unit raised in a report, tracked until someone with authority answers it. Who must
 * answer is the resolver: a unit (its officers), or, when no unit is named, the leaders of the
 * task's committee. The state moves forward only (see {@link BottleneckState}); a resolved
 * bottleneck keeps its answer, who gave it and when, and its age frozen at that moment.
 *
 * <p>The committee is the task's, kept on the row so that listings per committee and the question
 * "who may see it" are answered from this table.
 */
@Entity
@Table(name = "SF_BOTTLENECK")
public class Bottleneck {

  /** The resolver when no unit is named: the leaders of the task's committee. */
  public static final String LEADERS = "LEADERS";

  static final int MAX_TEXT = 4000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sf_seq")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "TASK_ID", nullable = false)
  private Task task;

  @ManyToOne(optional = false)
  @JoinColumn(name = "REPORT_ID", nullable = false)
  private Report report;

  /** The unit that raised it: the one that reported. */
  @ManyToOne(optional = false)
  @JoinColumn(name = "UNIT_ID", nullable = false)
  private Unit unit;

  @ManyToOne(optional = false)
  @JoinColumn(name = "COMMITTEE_ID", nullable = false)
  private Committee committee;

  @Column(name = "SUMMARY", nullable = false, length = MAX_TEXT)
  private String summary;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATE", nullable = false)
  private BottleneckState state = BottleneckState.OPEN;

  /** Null: the committee's leaders resolve it. */
  @ManyToOne
  @JoinColumn(name = "RESOLVER_UNIT_ID")
  private Unit resolverUnit;

  @Column(name = "RAISED_BY", nullable = false)
  private String raisedBy;

  @Column(name = "RAISED_AT", nullable = false)
  private Instant raisedAt;

  @Column(name = "TAKEN_BY")
  private String takenBy;

  @Column(name = "TAKEN_AT")
  private Instant takenAt;

  @Column(name = "ANSWER", length = MAX_TEXT)
  private String answer;

  @Column(name = "RESOLVED_BY")
  private String resolvedBy;

  @Column(name = "RESOLVED_AT")
  private Instant resolvedAt;

  /** The age at resolution, kept so that listings can filter resolved ones by age in the query. */
  @Column(name = "DAYS_OPEN")
  private Integer daysOpen;

  @Version
  @Column(name = "VERSION", nullable = false)
  private long version;

  protected Bottleneck() {}

  /**
   * A difficulty raised in the report; {@code resolverUnit} null leaves it to the committee's
   * leaders.
   */
  public Bottleneck(
      Report report, String summary, Unit resolverUnit, String raisedBy, Instant raisedAt) {
    this.report = Objects.requireNonNull(report, "report");
    this.task = report.getTask();
    this.unit = report.getUnit();
    this.committee = task.getCommittee();
    this.summary = text(summary, "summary");
    this.resolverUnit = activeOrNull(resolverUnit);
    this.raisedBy = Objects.requireNonNull(raisedBy, "raisedBy");
    this.raisedAt = Objects.requireNonNull(raisedAt, "raisedAt");
  }

  /**
   * A supervisor names who must resolve it ({@code resolverUnit} null: the committee's leaders).
   * Only while it is OPEN: once someone has it in hand, giving it to another would silently take it
   * from them.
   */
  public void assignResolver(Unit resolverUnit) {
    if (state != BottleneckState.OPEN) {
      throw new IllegalStateException(
          "bottleneck " + id + " is " + state + ": its resolver no longer changes");
    }
    if (resolverUnit == null
        ? this.resolverUnit == null
        : this.resolverUnit != null && resolverUnit.getCode().equals(this.resolverUnit.getCode())) {
      throw new IllegalArgumentException("the resolver is already " + resolver());
    }
    this.resolverUnit = activeOrNull(resolverUnit);
  }

  /**
   * Its resolver unit was merged into {@code successor}, which carries on: an unresolved bottleneck
   * passes to it as it stands, in hand or not.
   */
  public void passTo(Unit successor) {
    if (state == BottleneckState.RESOLVED) {
      throw new IllegalStateException("bottleneck " + id + " is resolved: it stays as answered");
    }
    this.resolverUnit = activeOrNull(Objects.requireNonNull(successor, "successor"));
  }

  /** The resolver takes it in hand: they are working on the answer. */
  public void takeInHand(String by, Instant at) {
    requireMove(BottleneckState.IN_HAND, at);
    this.state = BottleneckState.IN_HAND;
    this.takenBy = Objects.requireNonNull(by, "by");
    this.takenAt = at;
  }

  /** The resolver answers it; its age stops counting. */
  public void resolve(String answer, String by, Instant at) {
    String text = text(answer, "answer");
    requireMove(BottleneckState.RESOLVED, at);
    this.state = BottleneckState.RESOLVED;
    this.answer = text;
    this.resolvedBy = Objects.requireNonNull(by, "by");
    this.resolvedAt = at;
    this.daysOpen = daysBetween(raisedAt, at);
  }

  private void requireMove(BottleneckState next, Instant at) {
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException(
          "bottleneck " + id + " is " + state + " and cannot move to " + next);
    }
    Objects.requireNonNull(at, "at");
    if (at.isBefore(raisedAt)) {
      throw new IllegalArgumentException("a bottleneck moves after it was raised, not before");
    }
  }

  /**
   * Days open: calendar days in Vietnam from the day it was raised to today, or to the day it was
   * resolved (then frozen). Raised yesterday evening is one day old this morning, as people count.
   */
  public int ageDays(Instant now) {
    return daysOpen != null ? daysOpen : daysBetween(raisedAt, now);
  }

  static int daysBetween(Instant from, Instant to) {
    long days =
        ChronoUnit.DAYS.between(
            from.atZone(ReportingCalendar.ZONE).toLocalDate(),
            to.atZone(ReportingCalendar.ZONE).toLocalDate());
    return (int) Math.max(0, days);
  }

  /** "LEADERS" or the resolver unit's code: how the API names the resolver. */
  public String resolver() {
    return resolverUnit == null ? LEADERS : resolverUnit.getCode();
  }

  private static Unit activeOrNull(Unit unit) {
    if (unit != null && !unit.isActive()) {
      throw new IllegalArgumentException(
          "unit " + unit.getCode() + " is inactive and resolves nothing");
    }
    return unit;
  }

  private static String text(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a bottleneck needs its " + what);
    }
    String stripped = text.strip();
    if (stripped.length() > MAX_TEXT) {
      throw new IllegalArgumentException(what + " is at most " + MAX_TEXT + " characters");
    }
    return stripped;
  }

  public Long getId() {
    return id;
  }

  public Task getTask() {
    return task;
  }

  public Report getReport() {
    return report;
  }

  public Unit getUnit() {
    return unit;
  }

  public Committee getCommittee() {
    return committee;
  }

  public String getSummary() {
    return summary;
  }

  public BottleneckState getState() {
    return state;
  }

  public Unit getResolverUnit() {
    return resolverUnit;
  }

  public String getRaisedBy() {
    return raisedBy;
  }

  public Instant getRaisedAt() {
    return raisedAt;
  }

  public String getTakenBy() {
    return takenBy;
  }

  public Instant getTakenAt() {
    return takenAt;
  }

  public String getAnswer() {
    return answer;
  }

  public String getResolvedBy() {
    return resolvedBy;
  }

  public Instant getResolvedAt() {
    return resolvedAt;
  }

  public long getVersion() {
    return version;
  }
}
