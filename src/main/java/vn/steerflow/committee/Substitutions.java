package vn.steerflow.committee;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.FieldError;
import vn.steerflow.api.Page;
import vn.steerflow.api.RequestValidation;
import vn.steerflow.security.audit.AuditAction;
import vn.steerflow.security.audit.AuditObject;
import vn.steerflow.security.audit.AuditTrail;
import vn.steerflow.security.audit.AuditValues;

/**
 * Acting leaders: a leader names a substitute for a period (an admin may name one for any leader),
 * the substitutions are read by those they concern, and one is ended early. What a substitution in
 * force gives its substitute is {@link #inForce}, asked on every request by the authenticator.
 *
 * <p>Who reads a substitution: its leader, its substitute, the supervisors of its committee, and
 * admins; to anyone else it does not exist (404). Who names and ends: the leader for themselves,
 * and admins.
 */
@ApplicationScoped
public class Substitutions {

  static final String STATE = "state";

  @PersistenceContext private EntityManager em;

  @Inject private Directory directory;

  @Inject private AuditTrail audit;

  @Inject private RequestValidation validation;

  /**
   * Names a substitute; refuses a period that overlaps one the leader already has (409). Who may
   * not name for the leader is refused (403) before the request is checked (400).
   */
  @Transactional
  public SubstitutionView name(SubstitutionRequest request, String callerName) {
    Instant now = Instant.now();
    Member caller = activeCaller(callerName);
    String leaderName = leaderNamed(request == null ? null : request.leader(), caller);
    request = validation.check(request, "substitution");
    List<FieldError> errors = new ArrayList<>();
    Optional<Member> leader = activeMember(leaderName, Substitution.LEADER, errors);
    Optional<Member> substitute =
        activeMember(request.substitute(), Substitution.SUBSTITUTE, errors);
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(
          "The substitution names members who do not exist or are inactive.", errors);
    }
    // One naming per leader at a time: a second one waits here, then sees the first's period.
    em.lock(leader.get(), LockModeType.PESSIMISTIC_WRITE);
    Substitution substitution;
    try {
      substitution =
          new Substitution(
              leader.get(),
              substitute.get(),
              request.from() == null ? now : request.from().toInstant(),
              request.until().toInstant(),
              request.reason(),
              caller.getUsername(),
              now);
    } catch (Substitution.Invalid e) {
      throw ApiException.badRequest(e.field(), e.getMessage());
    }
    Optional<Substitution> overlapping =
        em
            .createQuery(
                "select s from Substitution s where s.leader = :leader and s.cancelledAt is null"
                    + " and s.endsAt > :from order by s.startsAt, s.id",
                Substitution.class)
            .setParameter("leader", leader.get())
            .setParameter("from", substitution.getStartsAt())
            .getResultList()
            .stream()
            .filter(s -> s.overlaps(substitution.getStartsAt(), substitution.getEndsAt()))
            .findFirst();
    if (overlapping.isPresent()) {
      Substitution other = overlapping.get();
      String message =
          "overlaps substitution "
              + other.getId()
              + " ("
              + other.getSubstitute().getUsername()
              + " from "
              + other.getStartsAt()
              + " until "
              + other.getEndsAt()
              + ")";
      throw new ApiException(
          409,
          "Conflict",
          "Leader "
              + leaderName
              + " already has a substitute for part of this period: substitution "
              + other.getId()
              + " runs from "
              + other.getStartsAt()
              + " until "
              + other.getEndsAt()
              + ". End it first or choose a period that does not overlap.",
          List.of(
              new FieldError(Substitution.FROM, message),
              new FieldError(Substitution.UNTIL, message)));
    }
    em.persist(substitution);
    em.flush();
    audit.record(
        AuditAction.SUBSTITUTION_NAMED,
        AuditObject.SUBSTITUTION,
        String.valueOf(substitution.getId()),
        null,
        AuditedFields.substitution(substitution));
    return SubstitutionView.of(substitution, now);
  }

  /** The leader named in the request, or the caller; 403 for who may not name for that leader. */
  private static String leaderNamed(String requested, Member caller) {
    boolean admin = caller.getRoles().contains(Role.ADMIN);
    boolean leader = caller.getRoles().contains(Role.LEADER);
    String named = requested == null || requested.isBlank() ? null : requested.strip();
    if (named == null) {
      if (leader) {
        return caller.getUsername();
      }
      if (admin) {
        throw ApiException.badRequest(
            Substitution.LEADER, "name the leader whose substitute this is");
      }
      throw ApiException.forbidden(
          "Only leaders name their substitutes (and admins, for a leader).");
    }
    if (!named.equals(caller.getUsername()) && !admin) {
      throw ApiException.forbidden(
          leader
              ? "A leader names substitutes for themselves only; admins name them for any leader."
              : "Only leaders name their substitutes (and admins, for a leader).");
    }
    return named;
  }

  /** The substitutions the caller may read, latest period first, filtered and paged. */
  @Transactional
  public Page<SubstitutionView> list(
      String callerName, String leader, String substitute, String state, String page, String size) {
    Instant now = Instant.now();
    List<FieldError> errors = new ArrayList<>();
    Page.Request paging = Page.Request.parse(page, size, errors);
    SubstitutionState wanted = null;
    if (state != null && !state.isBlank()) {
      try {
        wanted = SubstitutionState.valueOf(state.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(
            new FieldError(
                STATE, "one of UPCOMING, CURRENT, ENDED, CANCELLED, not '" + state + "'"));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest("Fix the query parameters.", errors);
    }
    Member caller = activeCaller(callerName);
    List<String> where = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    if (!caller.getRoles().contains(Role.ADMIN)) {
      String visible = "s.leader.username = :me or s.substitute.username = :me";
      parameters.put("me", caller.getUsername());
      if (caller.getRoles().contains(Role.SUPERVISOR) && caller.getCommittee() != null) {
        visible += " or s.committee.id = :supervised";
        parameters.put("supervised", caller.getCommittee().getId());
      }
      where.add("(" + visible + ")");
    }
    if (leader != null && !leader.isBlank()) {
      where.add("s.leader.username = :leader");
      parameters.put("leader", leader.strip());
    }
    if (substitute != null && !substitute.isBlank()) {
      where.add("s.substitute.username = :substitute");
      parameters.put("substitute", substitute.strip());
    }
    if (wanted != null) {
      where.add(
          switch (wanted) {
            case CANCELLED -> "s.cancelledAt is not null";
            case UPCOMING -> "s.cancelledAt is null and s.startsAt > :now";
            case CURRENT -> "s.cancelledAt is null and s.startsAt <= :now and s.endsAt > :now";
            case ENDED -> "s.cancelledAt is null and s.endsAt <= :now";
          });
      if (wanted != SubstitutionState.CANCELLED) {
        parameters.put("now", now);
      }
    }
    String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
    TypedQuery<Long> count =
        em.createQuery("select count(s) from Substitution s" + condition, Long.class);
    TypedQuery<Substitution> query =
        em.createQuery(
            "select s from Substitution s" + condition + " order by s.startsAt desc, s.id desc",
            Substitution.class);
    parameters.forEach(
        (name, value) -> {
          count.setParameter(name, value);
          query.setParameter(name, value);
        });
    List<SubstitutionView> items =
        query.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList().stream()
            .map(s -> SubstitutionView.of(s, now))
            .toList();
    return new Page<>(items, count.getSingleResult(), paging.page(), paging.size());
  }

  @Transactional
  public SubstitutionView get(long id, String callerName) {
    return SubstitutionView.of(visible(id, activeCaller(callerName)), Instant.now());
  }

  /**
   * Ends the substitution now (or calls off one not yet started): its leader or an admin, against
   * the version they read. From the next request on, the substitute no longer acts.
   */
  @Transactional
  public SubstitutionView end(long id, SubstitutionEnd request, String callerName) {
    Instant now = Instant.now();
    Member caller = activeCaller(callerName);
    Substitution substitution = visible(id, caller);
    if (!substitution.getLeader().getUsername().equals(caller.getUsername())
        && !caller.getRoles().contains(Role.ADMIN)) {
      throw ApiException.forbidden(
          "Only the leader "
              + substitution.getLeader().getUsername()
              + " or an admin ends substitution "
              + id
              + ".");
    }
    request = validation.check(request, "end of the substitution");
    if (substitution.getVersion() != request.version()) {
      throw ApiException.conflict(
          "Substitution "
              + id
              + " changed since version "
              + request.version()
              + " (it is at "
              + substitution.getVersion()
              + "): reload it and try again.");
    }
    try {
      substitution.cancel(caller.getUsername(), now);
    } catch (IllegalStateException e) {
      throw ApiException.conflict("Substitution " + id + " cannot be ended: " + e.getMessage());
    }
    em.flush();
    audit.record(
        AuditAction.SUBSTITUTION_ENDED,
        AuditObject.SUBSTITUTION,
        String.valueOf(id),
        AuditValues.of("cancelled", false),
        AuditValues.of("cancelled", true, "cancelledAt", now));
    return SubstitutionView.of(substitution, now);
  }

  /**
   * The substitutions through which the member acts for a leader at the instant. Joins the caller's
   * transaction; read on every authenticated request, so a substitution takes effect, ends or is
   * cancelled from the next request on, without a cache to evict.
   */
  public List<Substitution> inForce(Member substitute, Instant at) {
    return em
        .createQuery(
            "select s from Substitution s where s.substitute = :member and s.cancelledAt is null"
                + " and s.startsAt <= :at and s.endsAt > :at order by s.startsAt, s.id",
            Substitution.class)
        .setParameter("member", substitute)
        .setParameter("at", at)
        .getResultList()
        .stream()
        .filter(s -> s.isInForceAt(at))
        .toList();
  }

  private Substitution visible(long id, Member caller) {
    Substitution substitution = em.find(Substitution.class, id);
    if (substitution == null || !canRead(substitution, caller)) {
      throw ApiException.notFound("No substitution " + id + " that you can see.");
    }
    return substitution;
  }

  private static boolean canRead(Substitution s, Member caller) {
    String me = caller.getUsername();
    return caller.getRoles().contains(Role.ADMIN)
        || s.getLeader().getUsername().equals(me)
        || s.getSubstitute().getUsername().equals(me)
        || (caller.getRoles().contains(Role.SUPERVISOR)
            && caller.getCommittee() != null
            && caller.getCommittee().getId().equals(s.getCommittee().getId()));
  }

  private Member activeCaller(String username) {
    return directory
        .member(username)
        .filter(Member::isActive)
        .orElseThrow(() -> ApiException.forbidden("Member " + username + " is inactive."));
  }

  private Optional<Member> activeMember(String username, String field, List<FieldError> errors) {
    Optional<Member> member = directory.member(username).filter(Member::isActive);
    if (member.isEmpty()) {
      errors.add(new FieldError(field, "no active member has username '" + username + "'"));
    }
    return member;
  }
}
