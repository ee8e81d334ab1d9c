package vn.steerflow.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommitteeTest {

  private final Unit province = new Unit("UBND-LC", "UBND tỉnh", null, UnitKind.PROVINCE, null);
  private final Unit science =
      new Unit("SKHCN", "Sở Khoa học và Công nghệ", null, UnitKind.DEPARTMENT, province);

  @Test
  void theStandingAgencyIsAnActiveUnit() {
    Unit closed = new Unit("SNV", "Sở Nội vụ", null, UnitKind.DEPARTMENT, province);
    closed.deactivate();

    assertThatThrownBy(() -> new Committee("BCD", "Ban", CommitteeLevel.PROVINCE, closed))
        .isInstanceOf(IllegalArgumentException.class);
    Committee committee = new Committee("BCD", "Ban", CommitteeLevel.PROVINCE, science);
    assertThatThrownBy(() -> committee.change("Ban", CommitteeLevel.PROVINCE, closed))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(committee.getStandingAgency()).isSameAs(science);
  }

  @Test
  void aDeactivatedCommitteeNoLongerChanges() {
    Committee committee = new Committee("BCD", "Ban", CommitteeLevel.PROVINCE, science);
    committee.change("Ban Chỉ đạo", CommitteeLevel.COMMUNE, province);
    assertThat(committee.getName()).isEqualTo("Ban Chỉ đạo");
    assertThat(committee.getLevel()).isEqualTo(CommitteeLevel.COMMUNE);

    committee.deactivate();
    assertThat(committee.isActive()).isFalse();
    assertThatThrownBy(() -> committee.change("Ban", CommitteeLevel.PROVINCE, science))
        .isInstanceOf(IllegalStateException.class);
  }
}
