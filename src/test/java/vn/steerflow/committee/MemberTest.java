package vn.steerflow.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberTest {

  private final Unit province = new Unit("UBND-LC", "UBND tỉnh", null, UnitKind.PROVINCE, null);
  private final Unit justice = new Unit("STP", "Sở Tư pháp", null, UnitKind.DEPARTMENT, province);
  private final Committee committee =
      new Committee("BCD-LC", "Ban Chỉ đạo", CommitteeLevel.PROVINCE, province);
  private final Committee other =
      new Committee("BCD-X", "Ban Chỉ đạo khác", CommitteeLevel.COMMUNE, province);

  private Member member(Set<Role> roles, Committee committee) {
    return new Member("nguoidung", "Người Dùng", justice, committee, roles, "hash");
  }

  @Test
  void supervisorsAndLeadersBelongToACommitteeAndEveryMemberHasARole() {
    assertThatThrownBy(() -> member(EnumSet.of(Role.SUPERVISOR), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> member(EnumSet.noneOf(Role.class), null))
        .isInstanceOf(IllegalArgumentException.class);
    Member officer = member(EnumSet.of(Role.OFFICER), null);
    assertThatThrownBy(() -> officer.change("Người Dùng", justice, null, EnumSet.of(Role.LEADER)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(officer.getRoles()).containsExactly(Role.OFFICER);
  }

  @Test
  void aMemberStaysInADeactivatedUnitButDoesNotJoinOne() {
    Member officer = member(EnumSet.of(Role.OFFICER), null);
    Unit police = new Unit("CAT", "Công an tỉnh", null, UnitKind.POLICE, province);
    justice.mergeInto(police, List.of());

    officer.change("Người Dùng Mới", justice, null, EnumSet.of(Role.OFFICER));
    assertThat(officer.getFullName()).isEqualTo("Người Dùng Mới");

    Unit closed = new Unit("SNV", "Sở Nội vụ", null, UnitKind.DEPARTMENT, province);
    closed.deactivate();
    assertThatThrownBy(() -> officer.change("Người Dùng", closed, null, EnumSet.of(Role.OFFICER)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Member("moi", "Mới", closed, null, EnumSet.of(Role.OFFICER), "hash"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void appointingALeaderGivesTheRoleAndTheCommitteeButNeverMovesThemFromAnother() {
    Member officer = member(EnumSet.of(Role.OFFICER), null);
    officer.appointLeaderOf(committee);
    assertThat(officer.getRoles()).containsExactlyInAnyOrder(Role.OFFICER, Role.LEADER);
    assertThat(officer.getCommittee()).isSameAs(committee);

    assertThatThrownBy(() -> officer.appointLeaderOf(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("serves one committee");
    assertThat(officer.getCommittee()).isSameAs(committee);
  }

  @Test
  void standingDownLeavesTheCommitteeUnlessStillSupervisingAndNeedsAnotherRole() {
    Member both = member(EnumSet.of(Role.SUPERVISOR, Role.LEADER), committee);
    both.standDownAsLeader();
    assertThat(both.getRoles()).containsExactly(Role.SUPERVISOR);
    assertThat(both.getCommittee()).isSameAs(committee);

    Member officerLeader = member(EnumSet.of(Role.OFFICER, Role.LEADER), committee);
    officerLeader.standDownAsLeader();
    assertThat(officerLeader.getCommittee()).isNull();

    Member leaderOnly = member(EnumSet.of(Role.LEADER), committee);
    assertThatThrownBy(leaderOnly::standDownAsLeader)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only role");
    assertThat(leaderOnly.getRoles()).containsExactly(Role.LEADER);
  }

  @Test
  void aDeactivatedMemberNoLongerChanges() {
    Member officer = member(EnumSet.of(Role.OFFICER), null);
    officer.deactivate();

    assertThat(officer.isActive()).isFalse();
    assertThatThrownBy(() -> officer.changePassword("other"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(officer::deactivate).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aResetPasswordMustBeChangedAndItsTemporaryPasswordExpires() {
    Member member = member(EnumSet.of(Role.OFFICER), null);
    assertThat(member.isPasswordChangeRequired()).isFalse();
    Instant expiry = Instant.parse("2026-11-28T08:00:00Z");

    member.requirePasswordChange("temporary-hash", expiry);
    assertThat(member.getPasswordHash()).isEqualTo("temporary-hash");
    assertThat(member.isPasswordChangeRequired()).isTrue();
    assertThat(member.isTemporaryPasswordExpired(expiry.minusSeconds(1))).isFalse();
    assertThat(member.isTemporaryPasswordExpired(expiry)).isTrue();

    member.choosePassword("chosen-hash");
    assertThat(member.getPasswordHash()).isEqualTo("chosen-hash");
    assertThat(member.isPasswordChangeRequired()).isFalse();
    assertThat(member.isTemporaryPasswordExpired(expiry.plusSeconds(3600))).isFalse();

    // The first admin's start-up password never expires but must be changed all the same.
    member.requirePasswordChange("start-hash", null);
    assertThat(member.isPasswordChangeRequired()).isTrue();
    assertThat(member.isTemporaryPasswordExpired(Instant.MAX)).isFalse();

    member.deactivate();
    assertThatThrownBy(() -> member.requirePasswordChange("x", null))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> member.choosePassword("x")).isInstanceOf(IllegalStateException.class);
  }
}
