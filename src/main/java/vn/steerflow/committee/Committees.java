package vn.steerflow.committee;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.FieldError;
import vn.steerflow.security.audit.AuditAction;
import vn.steerflow.security.audit.AuditObject;
import vn.steerflow.security.audit.AuditTrail;
import vn.steerflow.security.audit.AuditValues;

/** Steering committees: creating, changing and deactivating them, and naming their leaders. */
@ApplicationScoped
public class Committees {

  static final String STANDING_AGENCY = "standingAgency";
  static final String LEADERS = "leaders";

  @PersistenceContext private EntityManager em;

  @Inject private Directory directory;

  @Inject private AuditTrail audit;

  @Transactional
  public List<CommitteeView> list() {
    return em
        .createQuery("select c from Committee c order by c.code", Committee.class)
        .getResultList()
        .stream()
        .map(this::view)
        .toList();
  }

  @Transactional
  public CommitteeView get(String code) {
    return view(directory.committeeInPath(code));
  }

  @Transactional
  public CommitteeView create(CommitteeRequest request) {
    List<FieldError> errors = new ArrayList<>();
    Optional<Unit> agency = activeUnit(request.standingAgency(), errors);
    List<Member> leaders = members(request.leadersOrEmpty(), errors);
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(
          "The committee refers to what does not exist: fix the fields listed.", errors);
    }
    if (directory.committee(request.code()).isPresent()) {
      throw ApiException.conflict(
          "A committee with code " + request.code() + " exists already; codes are never reused.");
    }
    Committee committee =
        new Committee(request.code(), request.name(), request.level(), agency.get());
    em.persist(committee);
    appoint(committee, leaders);
    em.flush();
    audit.record(
        AuditAction.COMMITTEE_CREATED,
        AuditObject.COMMITTEE,
        committee.getCode(),
        null,
        AuditedFields.committee(committee, leaders));
    return view(committee);
  }

  @Transactional
  public CommitteeView change(String code, CommitteeChange request) {
    Committee committee = directory.committeeInPath(code);
    if (!committee.isActive()) {
      throw ApiException.conflict("Committee " + code + " is inactive; it no longer changes.");
    }
    if (committee.getVersion() != request.version()) {
      throw ApiException.conflict(
          "Committee "
              + code
              + " changed since version "
              + request.version()
              + " (it is at "
              + committee.getVersion()
              + "): reload it and try again.");
    }
    AuditTrail.Snapshot before =
        audit.snapshot(
            () ->
                AuditedFields.committee(
                    committee, directory.membersWithRole(committee, Role.LEADER)));
    List<FieldError> errors = new ArrayList<>();
    Optional<Unit> agency = activeUnit(request.standingAgency(), errors);
    List<Member> leaders = request.leaders() == null ? null : members(request.leaders(), errors);
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(
          "The committee refers to what does not exist: fix the fields listed.", errors);
    }
    committee.change(request.name(), request.level(), agency.get());
    if (leaders != null) {
      Set<String> named = new LinkedHashSet<>(leaders.stream().map(Member::getUsername).toList());
      appoint(committee, leaders);
      for (Member current : directory.membersWithRole(committee, Role.LEADER)) {
        if (!named.contains(current.getUsername())) {
          try {
            current.standDownAsLeader();
          } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(LEADERS, e.getMessage());
          }
        }
      }
    }
    em.lock(committee, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    em.flush();
    audit.recordChange(
        AuditAction.COMMITTEE_CHANGED, AuditObject.COMMITTEE, committee.getCode(), before);
    return view(committee);
  }

  /** Ends the committee's work: no new tasks or plans. Its members and history stay. */
  @Transactional
  public CommitteeView deactivate(String code) {
    Committee committee = directory.committeeInPath(code);
    if (!committee.isActive()) {
      throw ApiException.conflict("Committee " + code + " is inactive already.");
    }
    committee.deactivate();
    em.flush();
    audit.record(
        AuditAction.COMMITTEE_DEACTIVATED,
        AuditObject.COMMITTEE,
        committee.getCode(),
        AuditValues.of("active", true),
        AuditValues.of("active", false));
    return view(committee);
  }

  private void appoint(Committee committee, List<Member> leaders) {
    for (Member leader : leaders) {
      try {
        leader.appointLeaderOf(committee);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(LEADERS, e.getMessage());
      }
    }
  }

  private Optional<Unit> activeUnit(String code, List<FieldError> errors) {
    Optional<Unit> unit = directory.unit(code).filter(Unit::isActive);
    if (unit.isEmpty()) {
      errors.add(new FieldError(STANDING_AGENCY, "no active unit has code '" + code + "'"));
    }
    return unit;
  }

  private List<Member> members(List<String> usernames, List<FieldError> errors) {
    List<Member> members = new ArrayList<>();
    for (String username : new LinkedHashSet<>(usernames)) {
      Optional<Member> member = directory.member(username).filter(Member::isActive);
      if (member.isEmpty()) {
        errors.add(new FieldError(LEADERS, "no active member has username '" + username + "'"));
      } else {
        members.add(member.get());
      }
    }
    return members;
  }

  private CommitteeView view(Committee committee) {
    return CommitteeView.of(committee, directory.membersWithRole(committee, Role.LEADER));
  }
}
