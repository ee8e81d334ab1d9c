package vn.steerflow.committee;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A person with a login: one unit, one or more roles. Supervisors and leaders belong to a
 * committee, whose tasks they review or direct. The password is kept only as a salted PBKDF2 hash.
 */
@Entity
@Table(name = "SF_MEMBER")
public class Member {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sf_seq")
  private Long id;

  @Column(name = "USERNAME", nullable = false, unique = true, length = 100)
  private String username;

  @Column(name = "FULL_NAME", nullable = false)
  private String fullName;

  @ManyToOne(optional = false)
  @JoinColumn(name = "UNIT_ID", nullable = false)
  private Unit unit;

  @ManyToOne
  @JoinColumn(name = "COMMITTEE_ID")
  private Committee committee;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "SF_MEMBER_ROLE", joinColumns = @JoinColumn(name = "MEMBER_ID"))
  @Enumerated(EnumType.STRING)
  @Column(name = "ROLE_NAME", nullable = false)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  @Column(name = "PASSWORD_HASH", nullable = false)
  private String passwordHash;

  @Column(name = "ACTIVE", nullable = false)
  private boolean active = true;

  /** Set by an admin's reset: until the member chooses a new password, they may do nothing else. */
  @Column(name = "PASSWORD_CHANGE_REQUIRED", nullable = false)
  private boolean passwordChangeRequired;

  /** When the temporary password of a reset stops working; null when it never expires. */
  @Column(name = "TEMPORARY_PASSWORD_EXPIRES_AT")
  private Instant temporaryPasswordExpiresAt;

  @Version
  @Column(name = "VERSION", nullable = false)
  private long version;

  protected Member() {}

  public Member(
      String username,
      String fullName,
      Unit unit,
      Committee committee,
      Set<Role> roles,
      String passwordHash) {
    this.username = Unit.requireText(username, "username");
    this.fullName = Unit.requireText(fullName, "fullName");
    this.unit = Objects.requireNonNull(unit, "unit");
    if (!unit.isActive()) {
      throw new IllegalArgumentException(
          "unit " + unit.getCode() + " is inactive and takes no new members");
    }
    if (committee != null && !committee.isActive()) {
      throw new IllegalArgumentException(
          "committee " + committee.getCode() + " is inactive and takes no new members");
    }
    checkRoles(roles, committee);
    this.committee = committee;
    this.roles = EnumSet.copyOf(roles);
    this.passwordHash = Unit.requireText(passwordHash, "passwordHash");
  }

  /**
   * Changes the member's name, unit, committee and roles together, so the rule that supervisors and
   * leaders belong to a committee holds after every change. A member may stay in a unit or
   * committee that has since been deactivated (a merged unit's people finish its open work), but
   * not join one.
   */
  public void change(String fullName, Unit unit, Committee committee, Set<Role> roles) {
    requireActive();
    Objects.requireNonNull(unit, "unit");
    if (!unit.isActive() && !sameRow(unit, this.unit, Unit::getId)) {
      throw new IllegalArgumentException(
          "unit " + unit.getCode() + " is inactive and takes no new members");
    }
    if (committee != null
        && !committee.isActive()
        && !sameRow(committee, this.committee, Committee::getId)) {
      throw new IllegalArgumentException(
          "committee " + committee.getCode() + " is inactive and takes no new members");
    }
    checkRoles(roles, committee);
    this.fullName = Unit.requireText(fullName, "fullName");
    this.unit = unit;
    this.committee = committee;
    this.roles = EnumSet.copyOf(roles);
  }

  /**
   * Makes the member a leader of the committee. A member serves one committee, so one who already
   * belongs to another is refused rather than silently moved (with their supervision) elsewhere.
   */
  public void appointLeaderOf(Committee committee) {
    requireActive();
    Objects.requireNonNull(committee, "committee");
    if (!committee.isActive()) {
      throw new IllegalArgumentException("committee " + committee.getCode() + " is inactive");
    }
    if (this.committee != null && !sameRow(this.committee, committee, Committee::getId)) {
      throw new IllegalArgumentException(
          username
              + " belongs to committee "
              + this.committee.getCode()
              + "; a member serves one committee");
    }
    this.committee = committee;
    roles.add(Role.LEADER);
  }

  /**
   * Takes the LEADER role away. A member who no longer supervises either leaves the committee; one
   * for whom LEADER was the only role is refused (give them another role first, or deactivate
   * them).
   */
  public void standDownAsLeader() {
    requireActive();
    if (roles.equals(EnumSet.of(Role.LEADER))) {
      throw new IllegalArgumentException(
          "LEADER is the only role of " + username + ": give them another role or deactivate them");
    }
    roles.remove(Role.LEADER);
    if (!roles.contains(Role.SUPERVISOR)) {
      committee = null;
    }
  }

  /** An admin sets the password and hands it over; the member is not made to change it. */
  public void changePassword(String passwordHash) {
    requireActive();
    this.passwordHash = Unit.requireText(passwordHash, "passwordHash");
  }

  /**
   * Sets a temporary password (an admin's reset, or the first admin's start-up password) that the
   * member must replace before doing anything else; it stops working at {@code expiresAt} (never
   * when null).
   */
  public void requirePasswordChange(String temporaryHash, Instant expiresAt) {
    requireActive();
    this.passwordHash = Unit.requireText(temporaryHash, "passwordHash");
    this.passwordChangeRequired = true;
    this.temporaryPasswordExpiresAt = expiresAt;
  }

  /** The member chose a new password themselves: any temporary one and its obligation end. */
  public void choosePassword(String passwordHash) {
    requireActive();
    this.passwordHash = Unit.requireText(passwordHash, "passwordHash");
    this.passwordChangeRequired = false;
    this.temporaryPasswordExpiresAt = null;
  }

  /** The member can no longer log in. The row stays: reports and timelines name its username. */
  public void deactivate() {
    requireActive();
    this.active = false;
  }

  private static <T> boolean sameRow(T a, T b, Function<T, Long> id) {
    return a == b
        || (a != null && b != null && id.apply(a) != null && id.apply(a).equals(id.apply(b)));
  }

  private static void checkRoles(Set<Role> roles, Committee committee) {
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException("a member needs at least one role");
    }
    if ((roles.contains(Role.SUPERVISOR) || roles.contains(Role.LEADER)) && committee == null) {
      throw new IllegalArgumentException("supervisors and leaders belong to a committee");
    }
  }

  private void requireActive() {
    if (!active) {
      throw new IllegalStateException("member " + username + " is inactive");
    }
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getFullName() {
    return fullName;
  }

  public Unit getUnit() {
    return unit;
  }

  public Committee getCommittee() {
    return committee;
  }

  public Set<Role> getRoles() {
    return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public boolean isActive() {
    return active;
  }

  public boolean isPasswordChangeRequired() {
    return passwordChangeRequired;
  }

  /** Whether the password is a temporary one whose time has passed. */
  public boolean isTemporaryPasswordExpired(Instant now) {
    return passwordChangeRequired
        && temporaryPasswordExpiresAt != null
        && !now.isBefore(temporaryPasswordExpiresAt);
  }

  public long getVersion() {
    return version;
  }
}
