package vn.steerflow.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import vn.steerflow.committee.Committee;

/**
 * A set of tasks a committee issues for a period, from a directive document ("Kế hoạch 15/KH-BCĐ
 * ngày 15/01/2026 về thực hiện Đề án 06"). Its tasks are supervised by the same committee.
 */
@Entity
@Table(name = "SF_PLAN")
public class Plan {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sf_seq")
  private Long id;

  @Column(name = "CODE", nullable = false, unique = true, length = 40)
  private String code;

  @Column(name = "NAME", nullable = false, length = 500)
  private String name;

  @ManyToOne(optional = false)
  @JoinColumn(name = "COMMITTEE_ID", nullable = false)
  private Committee committee;

  @Column(name = "DIRECTIVE_NUMBER", nullable = false, length = 100)
  private String directiveNumber;

  @Column(name = "DIRECTIVE_DATE", nullable = false)
  private LocalDate directiveDate;

  @Column(name = "DIRECTIVE_TITLE", nullable = false, length = 1000)
  private String directiveTitle;

  @Column(name = "PERIOD_START")
  private LocalDate periodStart;

  @Column(name = "PERIOD_END")
  private LocalDate periodEnd;

  @Column(name = "CREATED_AT", nullable = false)
  private Instant createdAt;

  @Column(name = "CREATED_BY", nullable = false, length = 100)
  private String createdBy;

  /**
   * The process the plan's new tasks run on, when an admin pinned one; null: the default process.
   */
  @Column(name = "MODEL_KEY")
  private String modelKey;

  /** The pinned version of {@link #modelKey}; null: its latest active version at each start. */
  @Column(name = "MODEL_VERSION")
  private Integer modelVersion;

  @Version
  @Column(name = "VERSION", nullable = false)
  private long version;

  protected Plan() {}

  /** A plan of an active committee; the period, when given, ends on or after it starts. */
  public Plan(
      String code,
      String name,
      Committee committee,
      Directive directive,
      LocalDate periodStart,
      LocalDate periodEnd,
      String createdBy,
      Instant createdAt) {
    this.code = text(code, "code");
    this.name = text(name, "name");
    this.committee = Objects.requireNonNull(committee, "committee");
    if (!committee.isActive()) {
      throw new IllegalArgumentException(
          "committee " + committee.getCode() + " is inactive and issues no plans");
    }
    Objects.requireNonNull(directive, "directive");
    this.directiveNumber = text(directive.number(), "directive.number");
    this.directiveDate = Objects.requireNonNull(directive.date(), "directive.date");
    this.directiveTitle = text(directive.title(), "directive.title");
    if (periodStart != null && periodEnd != null && periodEnd.isBefore(periodStart)) {
      throw new IllegalArgumentException("the period ends before it starts");
    }
    this.periodStart = periodStart;
    this.periodEnd = periodEnd;
    this.createdBy = text(createdBy, "createdBy");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  /** The document a plan comes from: its number ("15/KH-BCĐ"), date and title. */
  public record Directive(String number, LocalDate date, String title) {}

  private static String text(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value.strip();
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public Committee getCommittee() {
    return committee;
  }

  public Directive getDirective() {
    return new Directive(directiveNumber, directiveDate, directiveTitle);
  }

  public LocalDate getPeriodStart() {
    return periodStart;
  }

  public LocalDate getPeriodEnd() {
    return periodEnd;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  /**
   * New tasks of this plan run on the given process: on its given version, or on its latest active
   * version when {@code version} is null. Tasks already assigned keep the model they started on.
   */
  public void pinModel(String key, Integer version) {
    String processKey = text(key, "model key");
    if (version != null && version < 1) {
      throw new IllegalArgumentException("a model version counts from 1");
    }
    this.modelKey = processKey;
    this.modelVersion = version;
  }

  /** New tasks of this plan run on the default process again, on its latest active version. */
  public void unpinModel() {
    this.modelKey = null;
    this.modelVersion = null;
  }

  public String getModelKey() {
    return modelKey;
  }

  public Integer getModelVersion() {
    return modelVersion;
  }

  public long getVersion() {
    return version;
  }
}
