package vn.steerflow.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SubstitutionTest {

  private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
  private static final Instant TOMORROW = NOW.plus(Duration.ofDays(1));

  private final Unit province = new Unit("UBND-LC", "UBND tỉnh", null, UnitKind.PROVINCE, null);
  private final Unit science = new Unit("SKHCN", "Sở KH&CN", null, UnitKind.DEPARTMENT, province);
  private final Unit police = new Unit("CAT", "Công an tỉnh", null, UnitKind.DEPARTMENT, province);
  private final Committee committee =
      new Committee("BCD-LC", "Ban Chỉ đạo", CommitteeLevel.PROVINCE, science);
  private final Committee other =
      new Committee("BCD-X", "Ban Chỉ đạo khác", CommitteeLevel.PROVINCE, science);

  private final Member leader = member("lanhdao", province, committee, Role.LEADER);
  private final Member viceChairman = member("phochutich", province, null, Role.OFFICER);
  private final Member supervisor = member("giamsat", science, committee, Role.SUPERVISOR);

  private static Member member(String username, Unit unit, Committee committee, Role... roles) {
    return new Member(
        username, "Cán bộ " + username, unit, committee, EnumSet.of(roles[0], roles), "hash");
  }

  private Substitution name(Member substitute, Instant from, Instant until, String reason) {
    return new Substitution(leader, substitute, from, until, reason, "lanhdao", NOW);
  }

  private Substitution named() {
    return name(viceChairman, NOW, TOMORROW, "Đi công tác Hà Nội");
  }

  private static void assertInvalid(ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOf(Substitution.Invalid.class)
        .satisfies(e -> assertThat(((Substitution.Invalid) e).field()).isEqualTo(field));
  }

  @Test
  void aSubstituteOfTheLeadersUnitOrOfTheCommitteeMayActForTheLeadersCommittee() {
    Substitution byUnit = named();
    assertThat(byUnit.getCommittee()).isSameAs(committee);
    assertThat(byUnit.getLeader()).isSameAs(leader);
    assertThat(byUnit.getSubstitute()).isSameAs(viceChairman);
    assertThat(byUnit.getReason()).isEqualTo("Đi công tác Hà Nội");
    assertThat(byUnit.getNamedBy()).isEqualTo("lanhdao");
    assertThat(byUnit.getNamedAt()).isEqualTo(NOW);

    Substitution byCommittee = name(supervisor, NOW, TOMORROW, "Nghỉ phép");
    assertThat(byCommittee.getSubstitute()).isSameAs(supervisor);
  }

  @Test
  void aMemberOfAnotherUnitAndCommitteeOrAnotherLeaderOrTheLeaderMayNotAct() {
    Member policeOfficer = member("congan", police, null, Role.OFFICER);
    assertInvalid(() -> name(policeOfficer, NOW, TOMORROW, "x"), "substitute");
    Member otherCommittee = member("giamsatx", science, other, Role.SUPERVISOR);
    assertInvalid(() -> name(otherCommittee, NOW, TOMORROW, "x"), "substitute");
    Member coLeader = member("lanhdao2", science, committee, Role.LEADER);
    assertInvalid(() -> name(coLeader, NOW, TOMORROW, "x"), "substitute");
    assertInvalid(() -> name(leader, NOW, TOMORROW, "x"), "substitute");
    assertInvalid(() -> name(null, NOW, TOMORROW, "x"), "substitute");
    Member inactive = member("nghihuu", province, null, Role.OFFICER);
    inactive.deactivate();
    assertInvalid(() -> name(inactive, NOW, TOMORROW, "x"), "substitute");
  }

  @Test
  void onlyAnActiveLeaderOfACommitteeNamesASubstitute() {
    Member officer = member("sotuphap", province, null, Role.OFFICER);
    assertInvalid(
        () -> new Substitution(officer, viceChairman, NOW, TOMORROW, "x", "admin", NOW), "leader");
    Member supervisorOnly = member("giamsat2", province, committee, Role.SUPERVISOR);
    assertInvalid(
        () -> new Substitution(supervisorOnly, viceChairman, NOW, TOMORROW, "x", "admin", NOW),
        "leader");
    Member retired = member("lanhdaocu", province, committee, Role.LEADER);
    retired.deactivate();
    assertInvalid(
        () -> new Substitution(retired, viceChairman, NOW, TOMORROW, "x", "admin", NOW), "leader");
  }

  @Test
  void thePeriodEndsAfterItStartsLastsAtMostNinetyDaysAndDoesNotStartInThePast() {
    assertInvalid(() -> name(viceChairman, TOMORROW, NOW.plusSeconds(60), "x"), "until");
    assertInvalid(() -> name(viceChairman, TOMORROW, TOMORROW, "x"), "until");
    assertInvalid(() -> name(viceChairman, NOW, null, "x"), "until");
    assertInvalid(() -> name(viceChairman, null, TOMORROW, "x"), "from");
    assertInvalid(
        () -> name(viceChairman, NOW, NOW.plus(Substitution.MAX_LENGTH).plusSeconds(1), "x"),
        "until");
    assertThat(name(viceChairman, NOW, NOW.plus(Substitution.MAX_LENGTH), "x").getEndsAt())
        .isEqualTo(NOW.plus(Substitution.MAX_LENGTH));
    assertInvalid(() -> name(viceChairman, NOW.minus(Duration.ofHours(1)), TOMORROW, "x"), "from");
    // a client clock a minute behind is not "the past"
    assertThat(name(viceChairman, NOW.minusSeconds(60), TOMORROW, "x").getStartsAt())
        .isEqualTo(NOW.minusSeconds(60));
  }

  @Test
  void aReasonIsRequiredAndStripped() {
    assertInvalid(() -> name(viceChairman, NOW, TOMORROW, null), "reason");
    assertInvalid(() -> name(viceChairman, NOW, TOMORROW, "   "), "reason");
    assertInvalid(() -> name(viceChairman, NOW, TOMORROW, "x".repeat(2001)), "reason");
    assertThat(name(viceChairman, NOW, TOMORROW, "  Nghỉ ốm  ").getReason()).isEqualTo("Nghỉ ốm");
  }

  @Test
  void itIsInForceDuringItsPeriodOnlyAndNeverAfterItsEnd() {
    Instant from = NOW.plus(Duration.ofHours(1));
    Substitution s = name(viceChairman, from, TOMORROW, "x");
    assertThat(s.stateAt(NOW)).isEqualTo(SubstitutionState.UPCOMING);
    assertThat(s.isInForceAt(NOW)).isFalse();
    assertThat(s.stateAt(from)).isEqualTo(SubstitutionState.CURRENT);
    assertThat(s.isInForceAt(from)).isTrue();
    assertThat(s.isInForceAt(TOMORROW.minusMillis(1))).isTrue();
    assertThat(s.stateAt(TOMORROW)).isEqualTo(SubstitutionState.ENDED);
    assertThat(s.isInForceAt(TOMORROW)).isFalse();
  }

  @Test
  void aLeaderWhoStoodDownOrLeftPassesNothingOn() {
    Member leaderAndSupervisor =
        member("lanhdao3", province, committee, Role.LEADER, Role.SUPERVISOR);
    Substitution s =
        new Substitution(leaderAndSupervisor, viceChairman, NOW, TOMORROW, "x", "lanhdao3", NOW);
    assertThat(s.isInForceAt(NOW)).isTrue();
    leaderAndSupervisor.standDownAsLeader();
    assertThat(s.isInForceAt(NOW)).isFalse();
    assertThat(s.stateAt(NOW)).isEqualTo(SubstitutionState.CURRENT);

    Substitution other = named();
    leader.deactivate();
    assertThat(other.isInForceAt(NOW)).isFalse();
  }

  @Test
  void endingEarlyRecordsWhoAndWhenAndEndsItForGood() {
    Substitution s = named();
    Instant noon = NOW.plus(Duration.ofHours(3));
    s.cancel("admin", noon);
    assertThat(s.getCancelledBy()).isEqualTo("admin");
    assertThat(s.getCancelledAt()).isEqualTo(noon);
    assertThat(s.stateAt(noon)).isEqualTo(SubstitutionState.CANCELLED);
    assertThat(s.isInForceAt(noon.plusSeconds(1))).isFalse();
    // the period as named stays on record
    assertThat(s.getEndsAt()).isEqualTo(TOMORROW);
    assertThatThrownBy(() -> s.cancel("lanhdao", noon.plusSeconds(1)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(s.getCancelledBy()).isEqualTo("admin");
  }

  @Test
  void anUpcomingOneCanBeCalledOffButAnEndedOneCannotBeEnded() {
    Substitution upcoming = name(viceChairman, TOMORROW, TOMORROW.plus(Duration.ofDays(2)), "x");
    upcoming.cancel("lanhdao", NOW);
    assertThat(upcoming.stateAt(TOMORROW.plusSeconds(1))).isEqualTo(SubstitutionState.CANCELLED);
    assertThat(upcoming.isInForceAt(TOMORROW.plusSeconds(1))).isFalse();

    Substitution s = named();
    assertThatThrownBy(() -> s.cancel("lanhdao", TOMORROW))
        .isInstanceOf(IllegalStateException.class);
    assertThat(s.getCancelledAt()).isNull();
    assertThat(s.stateAt(TOMORROW)).isEqualTo(SubstitutionState.ENDED);
  }

  @Test
  void periodsThatShareAnyTimeOverlapUnlessOneWasCancelled() {
    Substitution s = named(); // [NOW, TOMORROW)
    assertThat(s.overlaps(NOW.minusSeconds(10), NOW.plusSeconds(1))).isTrue();
    assertThat(s.overlaps(TOMORROW.minusSeconds(1), TOMORROW.plusSeconds(60))).isTrue();
    assertThat(s.overlaps(NOW.plusSeconds(60), NOW.plusSeconds(120))).isTrue();
    assertThat(s.overlaps(NOW.minusSeconds(60), TOMORROW.plusSeconds(60))).isTrue();
    // half-open periods: one may start when the other ends
    assertThat(s.overlaps(TOMORROW, TOMORROW.plusSeconds(60))).isFalse();
    assertThat(s.overlaps(NOW.minusSeconds(60), NOW)).isFalse();
    s.cancel("lanhdao", NOW.plusSeconds(1));
    assertThat(s.overlaps(NOW.plusSeconds(60), NOW.plusSeconds(120))).isFalse();
  }
}
