package vn.steerflow.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.steerflow.committee.Committee;
import vn.steerflow.committee.CommitteeLevel;
import vn.steerflow.committee.Unit;
import vn.steerflow.committee.UnitKind;

class PlanTest {

  private static final Instant NOW = Instant.parse("2026-03-01T03:00:00Z");
  private final Unit province = new Unit("UBND-LC", "UBND tỉnh", null, UnitKind.PROVINCE, null);
  private final Unit justice = new Unit("STP", "Sở Tư pháp", null, UnitKind.DEPARTMENT, province);
  private final Committee committee =
      new Committee("BCD-LC", "Ban Chỉ đạo", CommitteeLevel.PROVINCE, province);
  private final Plan.Directive directive =
      new Plan.Directive("12/KH-BCĐ", LocalDate.of(2026, 1, 15), "Kế hoạch thực hiện Đề án 06");

  private Plan plan(Committee committee, LocalDate start, LocalDate end) {
    return new Plan(
        "KH-DA06", "Đề án 06 năm 2026", committee, directive, start, end, "giamsat", NOW);
  }

  @Test
  void aPlanComesFromADirectiveOfAnActiveCommittee() {
    Plan plan = plan(committee, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
    assertThat(plan.getDirective()).isEqualTo(directive);

    assertThatThrownBy(
            () ->
                new Plan(
                    "KH",
                    "Tên",
                    committee,
                    new Plan.Directive(" ", LocalDate.of(2026, 1, 15), "Tiêu đề"),
                    null,
                    null,
                    "giamsat",
                    NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("directive.number");
    committee.deactivate();
    assertThatThrownBy(() -> plan(committee, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inactive");
  }

  @Test
  void thePeriodDoesNotEndBeforeItStarts() {
    assertThatThrownBy(() -> plan(committee, LocalDate.of(2026, 12, 31), LocalDate.of(2026, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(plan(committee, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)).getPeriodEnd())
        .isEqualTo(LocalDate.of(2026, 1, 1));
  }

  @Test
  void aTaskBelongsOnlyToAPlanOfItsSupervisingCommittee() {
    Plan plan = plan(committee, null, null);
    Committee other = new Committee("BCD-X", "Ban khác", CommitteeLevel.COMMUNE, province);

    Task task = new Task(assignment(), justice, committee, Set.of(), plan, "giamsat", NOW);
    assertThat(task.getPlan()).isSameAs(plan);
    assertThatThrownBy(() -> new Task(assignment(), justice, other, Set.of(), plan, "giamsat", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BCD-LC");
    assertThat(new Task(assignment(), justice, other, Set.of(), "giamsat", NOW).getPlan()).isNull();
  }

  private static Assignment assignment() {
    return new Assignment(
        "Số hoá sổ hộ tịch",
        "Nội dung",
        "STP",
        "Giám đốc",
        OffsetDateTime.of(2026, 6, 30, 17, 0, 0, 0, ZoneOffset.ofHours(7)),
        "Kết quả",
        "BCD-LC",
        List.of(),
        "KH-DA06");
  }
}
