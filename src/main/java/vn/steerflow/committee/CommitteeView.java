package vn.steerflow.committee;

import java.util.List;

/** A committee as the API shows it, with the usernames of its active leaders. */
public record CommitteeView(
    String code,
    String name,
    CommitteeLevel level,
    String standingAgency,
    List<String> leaders,
    boolean active,
    long version) {

  static CommitteeView of(Committee committee, List<Member> leaders) {
    return new CommitteeView(
        committee.getCode(),
        committee.getName(),
        committee.getLevel(),
        committee.getStandingAgency().getCode(),
        leaders.stream().map(Member::getUsername).sorted().toList(),
        committee.isActive(),
        committee.getVersion());
  }
}
