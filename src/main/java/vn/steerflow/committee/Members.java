package vn.steerflow.committee;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.FieldError;
import vn.steerflow.api.Page;
import vn.steerflow.security.PasswordHasher;
import vn.steerflow.security.PasswordPolicy;
import vn.steerflow.security.audit.AuditAction;
import vn.steerflow.security.audit.AuditObject;
import vn.steerflow.security.audit.AuditTrail;
import vn.steerflow.security.audit.AuditValues;
import vn.steerflow.workflow.ReportingCalendar;

/**
 * The members who log in: creating them with roles, a unit and a committee, changing those, and
 * deactivating them; resetting a password, a member's own new password, and the first admin of a
 * fresh install. Passwords are checked against the password policy and hashed here, at the
 * configured PBKDF2 iteration count.
 */
@ApplicationScoped
public class Members {

  public static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{2,99}";
  public static final String USERNAME_MESSAGE =
      "3 to 100 lower-case letters, digits, dots, dashes or underscores";

  static final String UNIT = "unit";
  static final String COMMITTEE = "committee";
  static final String ROLES = "roles";
  static final String PASSWORD = "password";

  @PersistenceContext private EntityManager em;

  @Inject private Directory directory;

  @Inject private AuditTrail audit;

  @Inject
  @ConfigProperty(name = "steerflow.password.iterations", defaultValue = "600000")
  private int iterations;

  /** How long the temporary password of an admin's reset works (ISO-8601), 72 hours by default. */
  @Inject
  @ConfigProperty(name = "steerflow.password.temporary-valid-for", defaultValue = "PT72H")
  private String temporaryValidFor;

  @Transactional
  public Page<MemberView> list(Page.Request paging) {
    long total = em.createQuery("select count(m) from Member m", Long.class).getSingleResult();
    List<MemberView> items =
        em
            .createQuery("select m from Member m order by m.username", Member.class)
            .setFirstResult(paging.offset())
            .setMaxResults(paging.size())
            .getResultList()
            .stream()
            .map(MemberView::of)
            .toList();
    return new Page<>(items, total, paging.page(), paging.size());
  }

  @Transactional
  public MemberView get(String username) {
    return MemberView.of(directory.memberInPath(username));
  }

  @Transactional
  public MemberView create(MemberRequest request) {
    List<FieldError> errors = new ArrayList<>();
    Optional<Unit> unit = activeUnit(request.unit(), errors);
    Optional<Committee> committee = committee(request.committee(), errors);
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(
          "The member refers to what does not exist: fix the fields listed.", errors);
    }
    PasswordPolicy.problem(request.password(), request.username())
        .ifPresent(problem -> failPassword(PASSWORD, problem));
    if (directory.member(request.username()).isPresent()) {
      throw ApiException.conflict(
          "A member with username "
              + request.username()
              + " exists already; usernames are never reused.");
    }
    Member member;
    try {
      member =
          new Member(
              request.username(),
              request.fullName(),
              unit.get(),
              committee.orElse(null),
              request.roles(),
              hash(request.password()));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(ROLES, e.getMessage());
    }
    em.persist(member);
    em.flush();
    audit.record(
        AuditAction.MEMBER_CREATED,
        AuditObject.MEMBER,
        member.getUsername(),
        null,
        AuditedFields.member(member));
    return MemberView.of(member);
  }

  /**
   * Changes the member; an admin cannot take their own ADMIN role away (someone must be left to
   * undo it).
   */
  @Transactional
  public MemberView change(String username, MemberChange request, String admin) {
    Member member = directory.memberInPath(username);
    if (!member.isActive()) {
      throw ApiException.conflict("Member " + username + " is inactive; they no longer change.");
    }
    if (member.getVersion() != request.version()) {
      throw ApiException.conflict(
          "Member "
              + username
              + " changed since version "
              + request.version()
              + " (it is at "
              + member.getVersion()
              + "): reload and try again.");
    }
    AuditTrail.Snapshot before = audit.snapshot(() -> AuditedFields.member(member));
    if (username.equals(admin) && !request.roles().contains(Role.ADMIN)) {
      throw ApiException.badRequest(ROLES, "you cannot take away your own ADMIN role");
    }
    List<FieldError> errors = new ArrayList<>();
    // The member's own unit or committee may have been deactivated since; staying is allowed,
    // joining is not.
    Optional<Unit> unit =
        directory.unit(request.unit()).filter(u -> u.isActive() || u == member.getUnit());
    if (unit.isEmpty()) {
      errors.add(new FieldError(UNIT, "no active unit has code '" + request.unit() + "'"));
    }
    Optional<Committee> committee =
        request.committee() == null
            ? Optional.empty()
            : directory
                .committee(request.committee())
                .filter(c -> c.isActive() || c == member.getCommittee());
    if (request.committee() != null && committee.isEmpty()) {
      errors.add(
          new FieldError(COMMITTEE, "no active committee has code '" + request.committee() + "'"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(
          "The member refers to what does not exist: fix the fields listed.", errors);
    }
    try {
      member.change(request.fullName(), unit.get(), committee.orElse(null), request.roles());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(ROLES, e.getMessage());
    }
    if (request.password() != null) {
      PasswordPolicy.problem(request.password(), username)
          .ifPresent(problem -> failPassword(PASSWORD, problem));
      member.changePassword(hash(request.password()));
      audit.record(
          AuditAction.PASSWORD_CHANGED, AuditObject.MEMBER, member.getUsername(), null, null);
    }
    em.lock(member, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    em.flush();
    audit.recordChange(
        AuditAction.MEMBER_CHANGED, AuditObject.MEMBER, member.getUsername(), before);
    return MemberView.of(member);
  }

  /** The member can no longer log in; an admin cannot lock themselves out. */
  @Transactional
  public MemberView deactivate(String username, String admin) {
    Member member = directory.memberInPath(username);
    if (!member.isActive()) {
      throw ApiException.conflict("Member " + username + " is inactive already.");
    }
    if (username.equals(admin)) {
      throw ApiException.conflict("You cannot deactivate yourself; another admin can.");
    }
    member.deactivate();
    em.flush();
    audit.record(
        AuditAction.MEMBER_DEACTIVATED,
        AuditObject.MEMBER,
        member.getUsername(),
        AuditValues.of("active", true),
        AuditValues.of("active", false));
    return MemberView.of(member);
  }

  /**
   * An admin's reset: the member gets a random temporary password, shown once in the answer, that
   * works for {@code steerflow.password.temporary-valid-for} and only to choose a new one; the
   * sessions opened with the old password end. Admins change their own password themselves.
   */
  @Transactional
  public PasswordReset resetPassword(String username, String admin) {
    Member member = directory.memberInPath(username);
    if (!member.isActive()) {
      throw ApiException.conflict("Member " + username + " is inactive; activate them first.");
    }
    if (username.equals(admin)) {
      throw ApiException.conflict(
          "Change your own password with POST /api/v1/me/password; another admin can reset it.");
    }
    String temporary = PasswordPolicy.temporary();
    Instant expiresAt = Instant.now().plus(temporaryValidity());
    member.requirePasswordChange(hash(temporary), expiresAt);
    em.lock(member, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    em.flush();
    audit.record(
        AuditAction.PASSWORD_RESET,
        AuditObject.MEMBER,
        member.getUsername(),
        null,
        AuditValues.of("temporaryUntil", expiresAt));
    return new PasswordReset(
        username, temporary, expiresAt.atZone(ReportingCalendar.ZONE).toOffsetDateTime(), true);
  }

  /**
   * The member's own new password, already checked against their current one; it ends any
   * obligation to change it. Returns the stored hash, which the caller's session is re-stamped with
   * (every other session of the member ends).
   */
  @Transactional
  public String choosePassword(String username, String newPassword, String field) {
    Member member =
        directory
            .member(username)
            .filter(Member::isActive)
            .orElseThrow(() -> ApiException.notFound("No active member " + username + "."));
    PasswordPolicy.problem(newPassword, username).ifPresent(p -> failPassword(field, p));
    member.choosePassword(hash(newPassword));
    em.flush();
    audit.record(AuditAction.PASSWORD_CHANGED, AuditObject.MEMBER, username, null, null);
    return member.getPasswordHash();
  }

  /**
   * The first admin of a fresh install, in a unit of their own that they can rename or move once
   * the organisation is entered; their start-up password must be changed at first login.
   */
  @Transactional
  public void createFirstAdmin(String username, String password) {
    Unit unit =
        directory
            .unit(FIRST_ADMIN_UNIT)
            .orElseGet(
                () -> {
                  Unit created =
                      new Unit(
                          FIRST_ADMIN_UNIT,
                          "Quản trị hệ thống",
                          "System administration",
                          UnitKind.PROVINCE,
                          null);
                  em.persist(created);
                  return created;
                });
    Member admin =
        new Member(
            username, "Quản trị hệ thống", unit, null, EnumSet.of(Role.ADMIN), hash(password));
    admin.requirePasswordChange(admin.getPasswordHash(), null);
    em.persist(admin);
    em.flush();
    audit.record(
        AuditAction.MEMBER_CREATED,
        AuditObject.MEMBER,
        username,
        null,
        AuditedFields.member(admin));
  }

  /** An existing admin gets the operator's start-up password, to be changed at first login. */
  @Transactional
  public void giveStartPassword(String username, String password) {
    Member admin = directory.memberInPath(username);
    admin.requirePasswordChange(hash(password), null);
    em.flush();
    audit.record(AuditAction.PASSWORD_RESET, AuditObject.MEMBER, username, null, null);
  }

  /** The unit the first admin of a fresh install is created in. */
  public static final String FIRST_ADMIN_UNIT = "QTHT";

  private java.time.Duration temporaryValidity() {
    try {
      java.time.Duration validity = java.time.Duration.parse(temporaryValidFor.strip());
      if (validity.isNegative() || validity.isZero()) {
        throw new IllegalStateException("steerflow.password.temporary-valid-for must be positive");
      }
      return validity;
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalStateException(
          "steerflow.password.temporary-valid-for must be an ISO-8601 duration such as PT72H", e);
    }
  }

  private static void failPassword(String field, String problem) {
    throw ApiException.badRequest(field, problem);
  }

  private String hash(String password) {
    char[] chars = password.toCharArray();
    try {
      return new PasswordHasher(iterations).hash(chars);
    } finally {
      java.util.Arrays.fill(chars, '\0');
    }
  }

  private Optional<Unit> activeUnit(String code, List<FieldError> errors) {
    Optional<Unit> unit = directory.unit(code).filter(Unit::isActive);
    if (unit.isEmpty()) {
      errors.add(new FieldError(UNIT, "no active unit has code '" + code + "'"));
    }
    return unit;
  }

  private Optional<Committee> committee(String code, List<FieldError> errors) {
    if (code == null) {
      return Optional.empty();
    }
    Optional<Committee> committee = directory.committee(code).filter(Committee::isActive);
    if (committee.isEmpty()) {
      errors.add(new FieldError(COMMITTEE, "no active committee has code '" + code + "'"));
    }
    return committee;
  }
}
