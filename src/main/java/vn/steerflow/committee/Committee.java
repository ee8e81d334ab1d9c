package vn.steerflow.committee;

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
import java.util.Objects;

/**
 * A steering committee. Its standing agency is the unit whose supervisors review reports; its
 * leaders answer escalations. Supervisors and leaders are members attached to the committee.
 */
@Entity
@Table(name = "SF_COMMITTEE")
public class Committee {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sf_seq")
  private Long id;

  @Column(name = "CODE", nullable = false, unique = true, length = 40)
  private String code;

  @Column(name = "NAME", nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "COMMITTEE_LEVEL", nullable = false)
  private CommitteeLevel level;

  @ManyToOne(optional = false)
  @JoinColumn(name = "STANDING_AGENCY_ID", nullable = false)
  private Unit standingAgency;

  @Column(name = "ACTIVE", nullable = false)
  private boolean active = true;

  @Version
  @Column(name = "VERSION", nullable = false)
  private long version;

  protected Committee() {}

  public Committee(String code, String name, CommitteeLevel level, Unit standingAgency) {
    this.code = Unit.requireText(code, "code");
    this.name = Unit.requireText(name, "name");
    this.level = Objects.requireNonNull(level, "level");
    this.standingAgency = activeAgency(standingAgency);
  }

  /** Changes what the committee is called, its level and its standing agency; the code stays. */
  public void change(String name, CommitteeLevel level, Unit standingAgency) {
    requireActive();
    this.name = Unit.requireText(name, "name");
    this.level = Objects.requireNonNull(level, "level");
    this.standingAgency = activeAgency(standingAgency);
  }

  /**
   * Ends the committee's work: it takes no new tasks or plans. Its tasks, members and history stay,
   * so that what it decided can still be read.
   */
  public void deactivate() {
    requireActive();
    this.active = false;
  }

  private static Unit activeAgency(Unit unit) {
    Objects.requireNonNull(unit, "standingAgency");
    if (!unit.isActive()) {
      throw new IllegalArgumentException(
          "unit " + unit.getCode() + " is inactive and cannot be a standing agency");
    }
    return unit;
  }

  private void requireActive() {
    if (!active) {
      throw new IllegalStateException("committee " + code + " is inactive");
    }
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

  public CommitteeLevel getLevel() {
    return level;
  }

  public Unit getStandingAgency() {
    return standingAgency;
  }

  public boolean isActive() {
    return active;
  }

  public long getVersion() {
    return version;
  }
}
