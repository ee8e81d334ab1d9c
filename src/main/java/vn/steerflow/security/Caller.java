package vn.steerflow.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.steerflow.committee.Member;
import vn.steerflow.committee.Role;
import vn.steerflow.workflow.WorkGroups;

/**
 * The authenticated member of the current request, reduced to what access decisions need: the
 * member's unit, committee and roles, the work groups those give, and the leaders the member acts
 * for now (substitutions in force at the moment of the request).
 */
public record Caller(
    String username,
    Long unitId,
    String unitCode,
    Long committeeId,
    String committeeCode,
    Set<Role> roles,
    List<ActingFor> acting) {

  /** A leader this caller acts for now, by a substitution in force, and the committee led. */
  public record ActingFor(String leader, Long committeeId, String committeeCode) {}

  public Caller {
    acting = acting == null ? List.of() : List.copyOf(acting);
  }

  /** A caller acting for no one. */
  public Caller(
      String username,
      Long unitId,
      String unitCode,
      Long committeeId,
      String committeeCode,
      Set<Role> roles) {
    this(username, unitId, unitCode, committeeId, committeeCode, roles, List.of());
  }

  public static Caller of(Member member) {
    return of(member, List.of());
  }

  public static Caller of(Member member, List<ActingFor> acting) {
    return new Caller(
        member.getUsername(),
        member.getUnit().getId(),
        member.getUnit().getCode(),
        member.getCommittee() == null ? null : member.getCommittee().getId(),
        member.getCommittee() == null ? null : member.getCommittee().getCode(),
        member.getRoles(),
        acting);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Whether the caller supervises the committee's tasks. */
  public boolean supervises(Long committee) {
    return has(Role.SUPERVISOR) && committee != null && committee.equals(committeeId);
  }

  /**
   * Whether the caller supervises or leads some committee in their own right: who may assign tasks
   * and issue plans at all, before the request says for which committee.
   */
  public boolean supervisesOrLeadsACommittee() {
    return committeeId != null && (has(Role.SUPERVISOR) || has(Role.LEADER));
  }

  /** Whether the caller leads the committee in their own right (holds its LEADER role). */
  public boolean leads(Long committee) {
    return has(Role.LEADER) && committee != null && committee.equals(committeeId);
  }

  /**
   * Whether the caller may do a leader's work on the committee's tasks (see them, answer their
   * escalations): a leader of it, or a substitute acting for one now.
   */
  public boolean leadsOrActsFor(Long committee) {
    return leads(committee) || actingFor(committee).isPresent();
  }

  /**
   * The leader of the committee the caller acts for now, when the caller does not lead it in their
   * own right; what the caller does as a leader is recorded as done for that leader. With two
   * leaders of the committee naming the same substitute at once, the one whose period started
   * first.
   */
  public Optional<String> actingFor(Long committee) {
    if (committee == null || leads(committee)) {
      return Optional.empty();
    }
    return acting.stream()
        .filter(a -> committee.equals(a.committeeId()))
        .map(ActingFor::leader)
        .findFirst();
  }

  /** The committees whose leaders this caller acts for now (and does not lead themselves). */
  public Set<Long> actingCommittees() {
    Set<Long> committees = new LinkedHashSet<>();
    acting.forEach(
        a -> {
          if (!leads(a.committeeId())) {
            committees.add(a.committeeId());
          }
        });
    return committees;
  }

  /** Whether the caller is an officer of the unit. */
  public boolean isOfficerOf(Long unit) {
    return has(Role.OFFICER) && unit != null && unit.equals(unitId);
  }

  /** Whether the caller leads the unit (role UNIT_LEADER there). */
  public boolean leadsUnit(Long unit) {
    return has(Role.UNIT_LEADER) && unit != null && unit.equals(unitId);
  }

  /** Whether the caller works for the unit: one of its officers or its leaders. */
  public boolean worksFor(Long unit) {
    return isOfficerOf(unit) || leadsUnit(unit);
  }

  /**
   * The engine candidate groups whose steps this caller may act on; a substitute's include the
   * leaders' group of each committee whose leader they act for.
   */
  public Set<String> workGroups() {
    Set<String> groups = new LinkedHashSet<>();
    if (has(Role.OFFICER)) {
      groups.add(WorkGroups.unit(unitCode));
    }
    if (has(Role.UNIT_LEADER)) {
      groups.add(WorkGroups.unitLeaders(unitCode));
    }
    if (has(Role.SUPERVISOR) && committeeCode != null) {
      groups.add(WorkGroups.supervisors(committeeCode));
    }
    if (has(Role.LEADER) && committeeCode != null) {
      groups.add(WorkGroups.leaders(committeeCode));
    }
    for (ActingFor a : acting) {
      groups.add(WorkGroups.leaders(a.committeeCode()));
    }
    return groups;
  }
}
