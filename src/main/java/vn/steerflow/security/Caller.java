package vn.steerflow.security;

import java.util.LinkedHashSet;
import java.util.Set;
import vn.steerflow.committee.Member;
import vn.steerflow.committee.Role;
import vn.steerflow.workflow.WorkGroups;

/**
 * The authenticated member of the current request, reduced to what access decisions need: the
 * member's unit, committee and roles, and the work groups those give.
 */
public record Caller(
    String username,
    Long unitId,
    String unitCode,
    Long committeeId,
    String committeeCode,
    Set<Role> roles) {

  public static Caller of(Member member) {
    return new Caller(
        member.getUsername(),
        member.getUnit().getId(),
        member.getUnit().getCode(),
        member.getCommittee() == null ? null : member.getCommittee().getId(),
        member.getCommittee() == null ? null : member.getCommittee().getCode(),
        member.getRoles());
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Whether the caller supervises the committee's tasks. */
  public boolean supervises(Long committee) {
    return has(Role.SUPERVISOR) && committee != null && committee.equals(committeeId);
  }

  /** Whether the caller leads the committee. */
  public boolean leads(Long committee) {
    return has(Role.LEADER) && committee != null && committee.equals(committeeId);
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

  /** The engine candidate groups whose steps this caller may act on. */
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
    return groups;
  }
}
