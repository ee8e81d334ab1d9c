package vn.steerflow.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnitTest {

  private final Unit province = new Unit("UBND-LC", "UBND tỉnh", null, UnitKind.PROVINCE, null);
  private final Unit district =
      new Unit("BAOYEN", "UBND huyện Bảo Yên", null, UnitKind.DISTRICT, province);
  private final Unit commune = new Unit("XA-1", "UBND xã 1", null, UnitKind.COMMUNE, district);
  private final Unit otherDistrict =
      new Unit("SAPA", "UBND thị xã Sa Pa", null, UnitKind.DISTRICT, province);

  @Test
  void aUnitMovesUnderAnotherParentWithItsSubtree() {
    district.moveUnder(otherDistrict);

    assertThat(district.getParent()).isSameAs(otherDistrict);
    assertThat(commune.getParent()).isSameAs(district);
    assertThat(commune.isWithin(otherDistrict)).isTrue();
  }

  @Test
  void aUnitCannotMoveUnderItselfOrItsDescendant() {
    assertThatThrownBy(() -> district.moveUnder(district))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lies below");
    assertThatThrownBy(() -> province.moveUnder(commune))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lies below");
    assertThat(province.getParent()).isNull();
    assertThat(district.getParent()).isSameAs(province);
  }

  @Test
  void aUnitMayBecomeATopUnit() {
    district.moveUnder(null);

    assertThat(district.getParent()).isNull();
    assertThat(commune.isWithin(province)).isFalse();
  }

  @Test
  void mergingDeactivatesTheUnitNamesItsSuccessorAndHandsItsChildrenOver() {
    district.mergeInto(otherDistrict, List.of(commune));

    assertThat(district.isActive()).isFalse();
    assertThat(district.getSuccessor()).isSameAs(otherDistrict);
    assertThat(district.getCode()).isEqualTo("BAOYEN");
    assertThat(commune.getParent()).isSameAs(otherDistrict);
  }

  @Test
  void aUnitCannotMergeIntoItselfItsDescendantOrAnInactiveUnit() {
    assertThatThrownBy(() -> district.mergeInto(district, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> district.mergeInto(commune, List.of(commune)))
        .isInstanceOf(IllegalArgumentException.class);
    otherDistrict.mergeInto(province, List.of());
    assertThatThrownBy(() -> district.mergeInto(otherDistrict, List.of(commune)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inactive");
    assertThat(district.isActive()).isTrue();
    assertThat(commune.getParent()).isSameAs(district);
  }

  @Test
  void aMergeRefusesToHandOverAUnitThatIsNotAChild() {
    assertThatThrownBy(() -> district.mergeInto(otherDistrict, List.of(otherDistrict)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMergedUnitNoLongerChangesAndTakesNoNewUnits() {
    district.mergeInto(otherDistrict, List.of(commune));

    assertThatThrownBy(() -> district.rename("Tên mới", null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("merged into SAPA");
    assertThatThrownBy(() -> district.moveUnder(province))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> district.mergeInto(province, List.of()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> commune.moveUnder(district))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Unit("XA-2", "UBND xã 2", null, UnitKind.COMMUNE, district))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void renamingKeepsTheCodeAndRefusesABlankName() {
    district.rename("  UBND huyện Bảo Yên (mới) ", " ");

    assertThat(district.getName()).isEqualTo("UBND huyện Bảo Yên (mới)");
    assertThat(district.getNameEn()).isNull();
    assertThat(district.getCode()).isEqualTo("BAOYEN");
    assertThatThrownBy(() -> district.rename(" ", null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
