package vn.steerflow.plan;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.steerflow.committee.Committee;
import vn.steerflow.committee.Unit;
import vn.steerflow.workflow.ReportingCalendar;

/**
 * One assignment by the five clears. The constructor refuses a task missing any clear; the cycle's
 * state lives in the engine, tied to this task by its code.
 */
@Entity
@Table(name = "SF_TASK")
public class Task {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sf_seq")
  private Long id;

  @Column(name = "CODE", nullable = false, unique = true, length = 40)
  private String code;

  // clear work
  @Column(name = "TITLE", nullable = false, length = 500)
  private String title;

  @Column(name = "CONTENT", nullable = false, length = 8000)
  private String content;

  // clear person
  @ManyToOne(optional = false)
  @JoinColumn(name = "LEAD_UNIT_ID", nullable = false)
  private Unit leadUnit;

  @Column(name = "RESPONSIBLE_LEADER", nullable = false)
  private String responsibleLeader;

  // clear time: the deadline in force (moved by a granted extension); for a REGULAR task the end of
  // its
  // reporting, each period's report being due at the period's end
  @Column(name = "DEADLINE", nullable = false)
  private Instant deadline;

  @Column(name = "REPORTING_PERIOD", length = 40)
  private String reportingPeriod;

  @Column(name = "REPORTING_UNTIL")
  private Instant reportingUntil;

  // clear result
  @Column(name = "EXPECTED_RESULT", nullable = false, length = 4000)
  private String expectedResult;

  /** The measurable part of the clear result, saved with the task; names unique within it. */
  @OneToMany(mappedBy = "task", cascade = CascadeType.PERSIST)
  @OrderBy("number")
  private List<Indicator> indicators = new ArrayList<>();

  // clear responsibility
  @ManyToOne(optional = false)
  @JoinColumn(name = "COMMITTEE_ID", nullable = false)
  private Committee committee;

  /** The plan the task belongs to, if any; always one of the supervising committee's plans. */
  @ManyToOne
  @JoinColumn(name = "PLAN_ID")
  private Plan plan;

  @ManyToMany
  @JoinTable(
      name = "SF_TASK_COORDINATOR",
      joinColumns = @JoinColumn(name = "TASK_ID"),
      inverseJoinColumns = @JoinColumn(name = "UNIT_ID"))
  private Set<Unit> coordinatingUnits = new LinkedHashSet<>();

  @Enumerated(EnumType.STRING)
  @Column(name = "KIND", nullable = false)
  private TaskKind kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false)
  private TaskStatus status = TaskStatus.OPEN;

  @Column(name = "COMPLETED_AT")
  private Instant completedAt;

  @Column(name = "CREATED_AT", nullable = false)
  private Instant createdAt;

  @Column(name = "CREATED_BY", nullable = false)
  private String createdBy;

  @Column(name = "PROCESS_INSTANCE_ID", length = 64)
  private String processInstanceId;

  @Version
  @Column(name = "VERSION", nullable = false)
  private long version;

  protected Task() {}

  public Task(
      Assignment assignment,
      Unit leadUnit,
      Committee committee,
      Set<Unit> coordinatingUnits,
      String createdBy,
      Instant createdAt) {
    this(assignment, leadUnit, committee, coordinatingUnits, null, createdBy, createdAt);
  }

  /** A task in a plan ({@code plan} may be null); the plan must be the supervising committee's. */
  public Task(
      Assignment assignment,
      Unit leadUnit,
      Committee committee,
      Set<Unit> coordinatingUnits,
      Plan plan,
      String createdBy,
      Instant createdAt) {
    if (plan != null && !plan.getCommittee().getCode().equals(committee.getCode())) {
      throw new IllegalArgumentException(
          "plan "
              + plan.getCode()
              + " is committee "
              + plan.getCommittee().getCode()
              + "'s, not "
              + committee.getCode()
              + "'s");
    }
    this.plan = plan;
    this.title = assignment.title().strip();
    this.content = assignment.content().strip();
    this.leadUnit = Objects.requireNonNull(leadUnit, "leadUnit");
    this.responsibleLeader = assignment.responsibleLeader().strip();
    this.kind = assignment.kindOrDefault();
    if (kind == TaskKind.REGULAR) {
      this.reportingPeriod =
          assignment.reportingPeriod().strip().toUpperCase(java.util.Locale.ROOT);
      if (ReportingCalendar.period(reportingPeriod).isEmpty()) {
        throw new IllegalArgumentException("not a reporting period: " + reportingPeriod);
      }
      this.reportingUntil =
          Objects.requireNonNull(assignment.reportingUntil(), "reportingUntil").toInstant();
      this.deadline = reportingUntil;
    } else {
      this.deadline = Objects.requireNonNull(assignment.deadline(), "deadline").toInstant();
    }
    this.expectedResult = assignment.expectedResult().strip();
    this.committee = Objects.requireNonNull(committee, "committee");
    if (coordinatingUnits.contains(leadUnit)) {
      throw new IllegalArgumentException("the lead unit cannot also coordinate");
    }
    this.coordinatingUnits = new LinkedHashSet<>(coordinatingUnits);
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    if (!deadline.isAfter(createdAt)) {
      throw new IllegalArgumentException("the deadline must be in the future");
    }
    addIndicators(assignment.indicatorsOrEmpty());
  }

  private void addIndicators(List<IndicatorRequest> requested) {
    if (requested.size() > Indicator.MOST_PER_TASK) {
      throw new IllegalArgumentException(
          "a task carries at most " + Indicator.MOST_PER_TASK + " indicators");
    }
    Set<String> names = new HashSet<>();
    for (IndicatorRequest request : requested) {
      Indicator indicator = new Indicator(this, indicators.size() + 1, request);
      if (!names.add(Indicator.key(indicator.getName()))) {
        throw new IllegalArgumentException(
            "two indicators of one task are named '" + indicator.getName() + "'");
      }
      indicators.add(indicator);
    }
  }

  /** Gives the task its code once the database has given it an id. */
  void assignCode(String code) {
    if (this.code != null) {
      throw new IllegalStateException("task already has code " + this.code);
    }
    this.code = code;
  }

  void cycleStarted(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  /** The committee approved the lead unit's DONE report. */
  public void complete(Instant at) {
    if (status != TaskStatus.OPEN) {
      throw new IllegalStateException("task " + code + " is " + status);
    }
    status = TaskStatus.DONE;
    completedAt = at;
  }

  /** A supervisor cancelled the task: it takes no more reports and its outcome is CANCELLED. */
  public void cancel() {
    if (status != TaskStatus.OPEN) {
      throw new IllegalStateException("task " + code + " is " + status);
    }
    status = TaskStatus.CANCELLED;
  }

  /**
   * A supervisor gave the open task to another lead unit; returns the one it had. The new unit may
   * be neither the current lead unit nor one of the coordinating units.
   */
  public Unit reassign(Unit newLeadUnit) {
    Objects.requireNonNull(newLeadUnit, "newLeadUnit");
    if (status != TaskStatus.OPEN) {
      throw new IllegalStateException("task " + code + " is " + status);
    }
    if (newLeadUnit.equals(leadUnit)
        || (newLeadUnit.getCode() != null && newLeadUnit.getCode().equals(leadUnit.getCode()))) {
      throw new IllegalArgumentException(
          "task " + code + " is already led by " + leadUnit.getCode());
    }
    if (coordinatingUnits.contains(newLeadUnit)) {
      throw new IllegalArgumentException("the lead unit cannot also coordinate");
    }
    Unit previous = leadUnit;
    leadUnit = newLeadUnit;
    return previous;
  }

  /**
   * The coordinating unit {@code old} was merged into {@code successor}, which coordinates in its
   * place; a unit cannot coordinate twice or coordinate what it leads.
   */
  public void replaceCoordinatingUnit(Unit old, Unit successor) {
    Objects.requireNonNull(old, "old");
    Objects.requireNonNull(successor, "successor");
    if (status != TaskStatus.OPEN) {
      throw new IllegalStateException("task " + code + " is " + status);
    }
    if (!coordinatingUnits.contains(old)) {
      throw new IllegalArgumentException(
          "unit " + old.getCode() + " does not coordinate task " + code);
    }
    if (successor.equals(leadUnit) || coordinatingUnits.contains(successor)) {
      throw new IllegalArgumentException(
          "unit " + successor.getCode() + " already leads or coordinates task " + code);
    }
    coordinatingUnits.remove(old);
    coordinatingUnits.add(successor);
  }

  /**
   * A supervisor granted an extension: the new deadline is in force from now on, and the outcome
   * counts against it. Only an open one-off task has a deadline to move, and only later.
   */
  public void extendDeadline(Instant newDeadline) {
    if (status != TaskStatus.OPEN) {
      throw new IllegalStateException("task " + code + " is " + status);
    }
    if (kind != TaskKind.ONE_OFF) {
      throw new IllegalStateException(
          "task " + code + " is " + kind + ": its periods have no deadline to extend");
    }
    if (!newDeadline.isAfter(deadline)) {
      throw new IllegalArgumentException(
          "an extension moves the deadline later, not to " + newDeadline);
    }
    deadline = newDeadline;
  }

  public Outcome outcome(Instant now) {
    return Outcome.of(status, deadline, completedAt, now);
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getTitle() {
    return title;
  }

  public String getContent() {
    return content;
  }

  public Unit getLeadUnit() {
    return leadUnit;
  }

  public String getResponsibleLeader() {
    return responsibleLeader;
  }

  public Instant getDeadline() {
    return deadline;
  }

  /**
   * A REGULAR task's reporting period as given (MONTHLY, QUARTERLY, or ISO-8601); null for ONE_OFF.
   */
  public String getReportingPeriod() {
    return reportingPeriod;
  }

  /** When a REGULAR task's reporting ends; null for ONE_OFF. */
  public Instant getReportingUntil() {
    return reportingUntil;
  }

  public String getExpectedResult() {
    return expectedResult;
  }

  /** The task's indicators in the order they were given; empty when it has none. */
  public List<Indicator> getIndicators() {
    return List.copyOf(indicators);
  }

  public Committee getCommittee() {
    return committee;
  }

  public Plan getPlan() {
    return plan;
  }

  public Set<Unit> getCoordinatingUnits() {
    return Set.copyOf(coordinatingUnits);
  }

  public TaskKind getKind() {
    return kind;
  }

  public TaskStatus getStatus() {
    return status;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public long getVersion() {
    return version;
  }
}
