package vn.steerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.steerflow.committee.Role;

class CallerTest {

  private static final long COMMITTEE = 7L;
  private static final long OTHER_COMMITTEE = 8L;
  private static final Caller.ActingFor FOR_LANHDAO =
      new Caller.ActingFor("lanhdao", COMMITTEE, "BCD-LC");

  private static Caller officer(List<Caller.ActingFor> acting) {
    return new Caller("phochutich", 1L, "UBND-LC", null, null, EnumSet.of(Role.OFFICER), acting);
  }

  @Test
  void aSubstituteInForceCarriesTheLeadersWorkGroupAndDoesTheirWorkForThem() {
    Caller substitute = officer(List.of(FOR_LANHDAO));
    assertThat(substitute.workGroups()).containsExactly("unit:UBND-LC", "leaders:BCD-LC");
    assertThat(substitute.leadsOrActsFor(COMMITTEE)).isTrue();
    assertThat(substitute.actingFor(COMMITTEE)).contains("lanhdao");
    assertThat(substitute.actingCommittees()).containsExactly(COMMITTEE);
    // acting is not holding the role: no LEADER, no own committee
    assertThat(substitute.leads(COMMITTEE)).isFalse();
    assertThat(substitute.has(Role.LEADER)).isFalse();
    assertThat(substitute.leadsOrActsFor(OTHER_COMMITTEE)).isFalse();
    assertThat(substitute.actingFor(OTHER_COMMITTEE)).isEmpty();
  }

  @Test
  void withoutASubstitutionInForceTheSameMemberHasOnlyTheirOwnWork() {
    Caller plain = officer(List.of());
    assertThat(plain.workGroups()).containsExactly("unit:UBND-LC");
    assertThat(plain.leadsOrActsFor(COMMITTEE)).isFalse();
    assertThat(plain.actingFor(COMMITTEE)).isEmpty();
    assertThat(plain.actingCommittees()).isEmpty();
    Caller sixArgs = new Caller("x", 1L, "UBND-LC", null, null, EnumSet.of(Role.OFFICER));
    assertThat(sixArgs.acting()).isEmpty();
  }

  @Test
  void aLeaderActsInTheirOwnRightOnTheirCommitteeEvenWhenAlsoNamedSubstitute() {
    Caller leader =
        new Caller(
            "lanhdao2",
            1L,
            "UBND-LC",
            COMMITTEE,
            "BCD-LC",
            EnumSet.of(Role.LEADER),
            List.of(FOR_LANHDAO));
    assertThat(leader.leads(COMMITTEE)).isTrue();
    assertThat(leader.actingFor(COMMITTEE)).isEmpty();
    assertThat(leader.actingCommittees()).isEmpty();
    assertThat(leader.workGroups()).containsExactly("leaders:BCD-LC");
  }

  @Test
  void withTwoLeadersInForceTheFirstNamedIsRecorded() {
    Caller substitute =
        officer(
            List.of(
                new Caller.ActingFor("lanhdao", COMMITTEE, "BCD-LC"),
                new Caller.ActingFor("pholanhdao", COMMITTEE, "BCD-LC"),
                new Caller.ActingFor("truongban", OTHER_COMMITTEE, "BCD-X")));
    assertThat(substitute.actingFor(COMMITTEE)).contains("lanhdao");
    assertThat(substitute.actingFor(OTHER_COMMITTEE)).contains("truongban");
    assertThat(substitute.workGroups())
        .containsExactly("unit:UBND-LC", "leaders:BCD-LC", "leaders:BCD-X");
  }
}
