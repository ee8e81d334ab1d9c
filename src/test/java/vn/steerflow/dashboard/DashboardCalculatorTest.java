package vn.steerflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.steerflow.plan.Outcome;
import vn.steerflow.plan.TaskKind;

/**
 * Known answers, without the server: a generated plan of 25 tasks over seven units, given as the
 * rows the service's GROUP BY queries would return.
 */
class DashboardCalculatorTest {

  private static final Scope PLAN = new Scope("KH-TEST", null, null);

  private static List<OutcomeCount> generatedPlan() {
    List<OutcomeCount> rows = new ArrayList<>();
    row(rows, "A", TaskKind.ONE_OFF, Outcome.ON_TIME, 3);
    row(rows, "A", TaskKind.REGULAR, Outcome.ON_TIME, 1);
    row(rows, "A", TaskKind.ONE_OFF, Outcome.IN_PROGRESS, 1);
    row(rows, "B", TaskKind.ONE_OFF, Outcome.ON_TIME, 3);
    row(rows, "B", TaskKind.ONE_OFF, Outcome.LATE, 2);
    row(rows, "C", TaskKind.REGULAR, Outcome.ON_TIME, 2);
    row(rows, "C", TaskKind.ONE_OFF, Outcome.LATE, 1);
    row(rows, "C", TaskKind.ONE_OFF, Outcome.OVERDUE, 2);
    row(rows, "C", TaskKind.ONE_OFF, Outcome.CANCELLED, 1);
    row(rows, "D", TaskKind.ONE_OFF, Outcome.ON_TIME, 1);
    row(rows, "D", TaskKind.REGULAR, Outcome.IN_PROGRESS, 1);
    row(rows, "E", TaskKind.ONE_OFF, Outcome.ON_TIME, 2);
    row(rows, "E", TaskKind.ONE_OFF, Outcome.IN_PROGRESS, 2);
    row(rows, "F", TaskKind.ONE_OFF, Outcome.CANCELLED, 1);
    row(rows, "G", TaskKind.ONE_OFF, Outcome.ON_TIME, 1);
    row(rows, "G", TaskKind.ONE_OFF, Outcome.IN_PROGRESS, 1);
    return rows;
  }

  private static void row(
      List<OutcomeCount> rows, String unit, TaskKind kind, Outcome outcome, long count) {
    rows.add(new OutcomeCount(unit, "Unit " + unit, kind, outcome, count));
  }

  // A returned 1, C returned 3; Z has returned reports but no task in scope: ignored.
  private static final Map<String, Long> RETURNED = Map.of("A", 1L, "C", 3L, "Z", 5L);

  @Test
  void countsPerOutcomeKindAndUnit() {
    Statistics s = DashboardCalculator.statistics(PLAN, generatedPlan(), RETURNED);

    assertThat(s.total()).isEqualTo(25);
    assertThat(s.outcomes())
        .containsExactly(
            Map.entry("ON_TIME", 13L),
            Map.entry("LATE", 3L),
            Map.entry("OVERDUE", 2L),
            Map.entry("IN_PROGRESS", 5L),
            Map.entry("CANCELLED", 2L));
    assertThat(s.kinds()).containsExactly(Map.entry("REGULAR", 4L), Map.entry("ONE_OFF", 21L));
    assertThat(s.units())
        .containsExactly(
            new UnitFigures("A", "Unit A", 5, 4, 0, 0, 1, 0, 1),
            new UnitFigures("B", "Unit B", 5, 3, 2, 0, 0, 0, 0),
            new UnitFigures("C", "Unit C", 5, 2, 1, 2, 0, 1, 3),
            new UnitFigures("D", "Unit D", 2, 1, 0, 0, 1, 0, 0),
            new UnitFigures("E", "Unit E", 4, 2, 0, 0, 2, 0, 0),
            new UnitFigures("F", "Unit F", 0, 0, 0, 0, 0, 1, 0),
            new UnitFigures("G", "Unit G", 2, 1, 0, 0, 1, 0, 0));
    assertThat(s.headline())
        .isEqualTo(
            new Headline(
                "Hoàn thành 16/23 nhiệm vụ, 4 nhiệm vụ thường xuyên, 5 đang thực hiện, 2 quá hạn",
                "16 of 23 tasks completed, 4 regular, 5 in progress, 2 overdue"));
  }

  @Test
  void rankingOrderScoresAndTies() {
    Ranking r =
        DashboardCalculator.ranking(
            DashboardCalculator.statistics(PLAN, generatedPlan(), RETURNED));

    // B 400/5; A (400-2)/5; E, D, G all 50.0: E has more on time, then D before G by code;
    // C (200+50-20-6)/5; F has no task but a cancelled one: not ranked.
    assertThat(r.units().stream().map(u -> u.figures().unit()))
        .containsExactly("B", "A", "E", "D", "G", "C");
    assertThat(r.units().stream().map(RankedUnit::rank)).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(r.units().stream().map(u -> u.score().toPlainString()))
        .containsExactly("80.0", "79.6", "50.0", "50.0", "50.0", "44.8");
    assertThat(r.formula()).contains("100 × (onTime + 0.5 × late) / assigned");
  }

  @Test
  void theCommitteesExampleHeadline() {
    List<OutcomeCount> rows = new ArrayList<>();
    row(rows, "A", TaskKind.REGULAR, Outcome.ON_TIME, 14);
    row(rows, "A", TaskKind.ONE_OFF, Outcome.ON_TIME, 7);
    row(rows, "B", TaskKind.ONE_OFF, Outcome.LATE, 2);
    row(rows, "B", TaskKind.ONE_OFF, Outcome.IN_PROGRESS, 2);
    Statistics s = DashboardCalculator.statistics(PLAN, rows, Map.of());
    assertThat(s.headline().en()).isEqualTo("23 of 25 tasks completed, 14 regular, 2 in progress");
    assertThat(s.headline().vi())
        .isEqualTo("Hoàn thành 23/25 nhiệm vụ, 14 nhiệm vụ thường xuyên, 2 đang thực hiện");
  }

  @Test
  void emptyScopeHasZeroesAndNoRanking() {
    Statistics s = DashboardCalculator.statistics(PLAN, List.of(), Map.of());
    assertThat(s.total()).isZero();
    assertThat(s.outcomes().values()).containsOnly(0L).hasSize(5);
    assertThat(s.headline().en()).isEqualTo("0 of 0 tasks completed, 0 regular, 0 in progress");
    assertThat(DashboardCalculator.ranking(s).units()).isEmpty();
  }

  @Test
  void scoreRoundsHalfUpToOneDecimal() {
    // (100 + 50 - 10 - 2) / 3 = 46.0; 200 / 3 = 66.666.. -> 66.7; (0 - 10) / 4 = -2.5
    assertThat(DashboardCalculator.score(new UnitFigures("X", null, 3, 1, 1, 1, 0, 0, 1)))
        .isEqualTo(new BigDecimal("46.0"));
    assertThat(DashboardCalculator.score(new UnitFigures("X", null, 3, 2, 0, 0, 1, 0, 0)))
        .isEqualTo(new BigDecimal("66.7"));
    assertThat(DashboardCalculator.score(new UnitFigures("X", null, 4, 0, 0, 1, 3, 0, 0)))
        .isEqualTo(new BigDecimal("-2.5"));
    assertThatThrownBy(
            () -> DashboardCalculator.score(new UnitFigures("X", null, 0, 0, 0, 0, 0, 1, 0)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
