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
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A person with a login: one unit, one or more roles. Supervisors and leaders belong to a committee,
 * whose tasks they review or direct. The password is kept only as a salted PBKDF2 hash.
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

  @Version
  @Column(name = "VERSION", nullable = false)
  private long version;

  protected Member() {}

  public Member(String username, String fullName, Unit unit, Committee committee, Set<Role> roles, String passwordHash) {
    this.username = Unit.requireText(username, "username");
    this.fullName = Unit.requireText(fullName, "fullName");
    this.unit = Objects.requireNonNull(unit, "unit");
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException("a member needs at least one role");
    }
    if ((roles.contains(Role.SUPERVISOR) || roles.contains(Role.LEADER)) && committee == null) {
      throw new IllegalArgumentException("supervisors and leaders belong to a committee");
    }
    this.committee = committee;
    this.roles = EnumSet.copyOf(roles);
    this.passwordHash = Unit.requireText(passwordHash, "passwordHash");
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
}
