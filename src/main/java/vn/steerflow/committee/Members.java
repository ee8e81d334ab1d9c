package vn.steerflow.committee;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.FieldError;
import vn.steerflow.api.Page;
import vn.steerflow.security.PasswordHasher;
import vn.steerflow.security.audit.AuditAction;
import vn.steerflow.security.audit.AuditObject;
import vn.steerflow.security.audit.AuditTrail;
import vn.steerflow.security.audit.AuditValues;

/**
 * The members who log in: creating them with roles, a unit and a committee, changing those, and
 * deactivating them. Passwords are hashed here, at the configured PBKDF2 iteration count.
 */
@ApplicationScoped
public class Members {

  public static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{2,99}";
  public static final String USERNAME_MESSAGE =
      "3 to 100 lower-case letters, digits, dots, dashes or underscores";

  /** NIST SP 800-63B asks for at least 8; an admin-set initial password should be longer still. */
  public static final int MIN_PASSWORD_LENGTH = 12;

  public static final int MAX_PASSWORD_LENGTH = 200;
  public static final String PASSWORD_MESSAGE = "at least 12 and at most 200 characters";
  static final String UNIT = "unit";
  static final String COMMITTEE = "committee";
  static final String ROLES = "roles";

  @PersistenceContext private EntityManager em;

  @Inject private Directory directory;

  @Inject private AuditTrail audit;

  @Inject
  @ConfigProperty(name = "steerflow.password.iterations", defaultValue = "600000")
  private int iterations;

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
