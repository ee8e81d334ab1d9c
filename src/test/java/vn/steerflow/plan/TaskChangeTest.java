package vn.steerflow.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.steerflow.committee.Committee;
import vn.steerflow.committee.CommitteeLevel;
import vn.steerflow.committee.Unit;
import vn.steerflow.committee.UnitKind;

/** Cancelling a task and giving it to another lead unit, on the entity. */
class TaskChangeTest {

  private static final Instant NOW = Instant.parse("2026-03-01T03:00:00Z");
  private final Unit province = new Unit("UBND-LC", "UBND tỉnh", null, UnitKind.PROVINCE, null);
  private final Unit justice = new Unit("STP", "Sở Tư pháp", null, UnitKind.DEPARTMENT, province);
  private final Unit police = new Unit("CAT", "Công an tỉnh", null, UnitKind.DEPARTMENT, province);
  private final Unit sapa = new Unit("SAPA", "Thị xã Sa Pa", null, UnitKind.DEPARTMENT, province);
  private final Committee committee =
      new Committee("BCD-LC", "Ban Chỉ đạo", CommitteeLevel.PROVINCE, province);

  private Task task() {
    Assignment assignment =
        new Assignment(
            "Số hoá hồ sơ",
            "Số hoá sổ hộ tịch",
            "STP",
            "Giám đốc",
            NOW.plusSeconds(86_400 * 10).atOffset(ZoneOffset.UTC),
            "100% sổ",
            "BCD-LC",
            List.of("SAPA"));
    return new Task(assignment, justice, committee, Set.of(sapa), "giamsat", NOW);
  }

  @Test
  void aCancelledTaskHasTheOutcomeCancelledAndCannotChangeAgain() {
    Task task = task();
    task.cancel();
    assertThat(task.getStatus()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(task.outcome(NOW)).isEqualTo(Outcome.CANCELLED);
    assertThat(task.outcome(NOW.plusSeconds(86_400 * 100))).isEqualTo(Outcome.CANCELLED);
    assertThatThrownBy(task::cancel).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> task.reassign(police)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> task.complete(NOW)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void reassigningChangesTheLeadUnitAndReturnsTheOldOne() {
    Task task = task();
    assertThat(task.reassign(police)).isSameAs(justice);
    assertThat(task.getLeadUnit()).isSameAs(police);
    assertThat(task.outcome(NOW)).isEqualTo(Outcome.IN_PROGRESS);
  }

  @Test
  void theNewLeadUnitIsNeitherTheCurrentOneNorACoordinatingOne() {
    Task task = task();
    assertThatThrownBy(() -> task.reassign(justice))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already led by STP");
    assertThatThrownBy(() -> task.reassign(sapa))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("coordinate");
    task.complete(NOW);
    assertThatThrownBy(() -> task.reassign(police)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aMergedCoordinatingUnitsSuccessorCoordinatesInItsPlace() {
    Task task = task();
    task.replaceCoordinatingUnit(sapa, police);
    assertThat(task.getCoordinatingUnits()).containsExactly(police);
  }

  @Test
  void aSuccessorThatAlreadyLeadsOrCoordinatesCannotTakeOverACoordinatingPart() {
    Task task = task();
    assertThatThrownBy(() -> task.replaceCoordinatingUnit(sapa, justice))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already leads or coordinates");
    assertThatThrownBy(() -> task.replaceCoordinatingUnit(police, province))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not coordinate");
    task.cancel();
    assertThatThrownBy(() -> task.replaceCoordinatingUnit(sapa, police))
        .isInstanceOf(IllegalStateException.class);
    assertThat(task.getCoordinatingUnits()).containsExactly(sapa);
  }
}
