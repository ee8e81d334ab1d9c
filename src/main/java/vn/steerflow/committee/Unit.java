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
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;

/**
 * An organisation that receives tasks. Units form a tree; a unit is never deleted, only
 * deactivated, so that the tasks, reports and statistics that name it keep naming the same row. A
 * unit merged into another is deactivated and points to its successor; its history stays with it.
 */
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

  /** The unit this one was merged into; set only on a merged (inactive) unit. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "SUCCESSOR_ID")
  private Unit successor;

  @Version
  @Column(name = "VERSION", nullable = false)
  private long version;

  protected Unit() {}

  public Unit(String code, String name, String nameEn, UnitKind kind, Unit parent) {
    this.code = requireText(code, "code");
    this.name = requireText(name, "name");
    this.nameEn = nameEn;
    this.kind = Objects.requireNonNull(kind, "kind");
    if (parent != null && !parent.active) {
      throw new IllegalArgumentException(
          "unit " + parent.code + " is inactive and takes no new units");
    }
    this.parent = parent;
  }

  /** Changes the unit's names; its code, which tasks and engine groups name, stays. */
  public void rename(String name, String nameEn) {
    requireActive();
    this.name = requireText(name, "name");
    this.nameEn = nameEn == null || nameEn.isBlank() ? null : nameEn.strip();
  }

  /**
   * Moves the unit (with its subtree) under another parent, or to the top when {@code newParent} is
   * null. Refuses a move under the unit itself or one of its descendants: the tree would become a
   * loop.
   */
  public void moveUnder(Unit newParent) {
    requireActive();
    if (newParent != null) {
      if (!newParent.active) {
        throw new IllegalArgumentException(
            "unit " + newParent.code + " is inactive and takes no new units");
      }
      if (newParent.isWithin(this)) {
        throw new IllegalArgumentException(
            "unit "
                + code
                + " cannot move under "
                + newParent.code
                + ", which is itself or lies below it");
      }
    }
    this.parent = newParent;
  }

  /**
   * Merges this unit into {@code target}: this unit is deactivated and points to its successor, and
   * its active child units move under the target, so the living tree stays connected. Tasks and
   * reports are not touched: they keep naming this unit.
   */
  public void mergeInto(Unit target, Iterable<Unit> activeChildren) {
    requireActive();
    Objects.requireNonNull(target, "target");
    if (!target.active) {
      throw new IllegalArgumentException(
          "unit " + target.code + " is inactive and cannot take over another unit");
    }
    if (target.isWithin(this)) {
      throw new IllegalArgumentException(
          "unit "
              + code
              + " cannot merge into "
              + target.code
              + ", which is itself or lies below it");
    }
    for (Unit child : activeChildren) {
      if (child.parent != this) {
        throw new IllegalArgumentException("unit " + child.code + " is not a child of " + code);
      }
      child.parent = target;
    }
    this.active = false;
    this.successor = target;
  }

  /**
   * Deactivates a unit that no longer receives tasks; the caller checks nothing active hangs off
   * it.
   */
  public void deactivate() {
    requireActive();
    this.active = false;
  }

  /** Whether this unit is {@code ancestor} or lies somewhere below it. */
  public boolean isWithin(Unit ancestor) {
    // A visited set guards against a loop already in the data (which these methods never create).
    Set<Unit> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Unit u = this; u != null && seen.add(u); u = u.parent) {
      if (u.sameAs(ancestor)) {
        return true;
      }
    }
    return false;
  }

  private boolean sameAs(Unit other) {
    return this == other || (id != null && other != null && id.equals(other.id));
  }

  private void requireActive() {
    if (!active) {
      throw new IllegalStateException(
          "unit "
              + code
              + " is inactive"
              + (successor == null ? "" : " (merged into " + successor.code + ")"));
    }
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

  public Unit getSuccessor() {
    return successor;
  }

  public long getVersion() {
    return version;
  }
}
