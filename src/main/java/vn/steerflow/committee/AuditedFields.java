package vn.steerflow.committee;

import java.util.List;
import java.util.Map;
import vn.steerflow.security.audit.AuditValues;

/**
 * The fields of units, committees and members the audit trail keeps before and after a change.
 * Never a password or its hash.
 */
final class AuditedFields {

  private AuditedFields() {}

  static Map<String, Object> unit(Unit unit) {
    return AuditValues.of(
        "name", unit.getName(),
        "nameEn", unit.getNameEn(),
        "kind", unit.getKind(),
        "parent", unit.getParent() == null ? null : unit.getParent().getCode(),
        "active", unit.isActive(),
        "successor", unit.getSuccessor() == null ? null : unit.getSuccessor().getCode());
  }

  static Map<String, Object> committee(Committee committee, List<Member> leaders) {
    return AuditValues.of(
        "name", committee.getName(),
        "level", committee.getLevel(),
        "standingAgency", committee.getStandingAgency().getCode(),
        "leaders", leaders.stream().map(Member::getUsername).sorted().toList(),
        "active", committee.isActive());
  }

  static Map<String, Object> substitution(Substitution substitution) {
    return AuditValues.of(
        "leader", substitution.getLeader().getUsername(),
        "substitute", substitution.getSubstitute().getUsername(),
        "committee", substitution.getCommittee().getCode(),
        "from", substitution.getStartsAt(),
        "until", substitution.getEndsAt(),
        "reason", substitution.getReason());
  }

  static Map<String, Object> member(Member member) {
    return AuditValues.of(
        "fullName", member.getFullName(),
        "unit", member.getUnit().getCode(),
        "committee", member.getCommittee() == null ? null : member.getCommittee().getCode(),
        "roles", member.getRoles(),
        "active", member.isActive());
  }
}
