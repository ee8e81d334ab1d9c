package vn.steerflow.committee;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;

/** An organisation that receives tasks. Units form a tree; a unit is never deleted, only deactivated. */
@Entity
@Table(name = "SF_UNIT")
public class Unit {

  @Id
  @SequenceGenerator(name = "sf_seq", sequenceName = "SF_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sf_seq")
  private Long id;

  @Column(name = "CODE", nullable = false, unique = true, length = 40)
  private String code;

  @Column(name = "NAME", nullable = false)
  private String name;

  @Column(name = "NAME_EN")
  private String nameEn;

  @Enumerated(EnumType.STRING)
  @Column(name = "KIND", nullable = false)
  private UnitKind kind;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "PARENT_ID")
  private Unit parent;

  @Column(name = "ACTIVE", nullable = false)
  private boolean active = true;

  @Version
  @Column(name = "VERSION", nullable = false)
  private long version;

  protected Unit() {}

  public Unit(String code, String name, String nameEn, UnitKind kind, Unit parent) {
    this.code = requireText(code, "code");
    this.name = requireText(name, "name");
    this.nameEn = nameEn;
    this.kind = Objects.requireNonNull(kind, "kind");
    this.parent = parent;
  }

  static String requireText(String value, String field) {
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

  public String getNameEn() {
    return nameEn;
  }

  public UnitKind getKind() {
    return kind;
  }

  public Unit getParent() {
    return parent;
  }

  public boolean isActive() {
    return active;
  }
}
