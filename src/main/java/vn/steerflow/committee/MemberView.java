package vn.steerflow.committee;

import java.util.List;

/** A member as admins see it; never the password hash. */
public record MemberView(
    String username,
    String fullName,
    String unit,
    String committee,
    List<Role> roles,
    boolean active,
    long version) {

  static MemberView of(Member member) {
    return new MemberView(
        member.getUsername(),
        member.getFullName(),
        member.getUnit().getCode(),
        member.getCommittee() == null ? null : member.getCommittee().getCode(),
        member.getRoles().stream().sorted().toList(),
        member.isActive(),
        member.getVersion());
  }
}
