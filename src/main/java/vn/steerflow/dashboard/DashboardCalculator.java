package vn.steerflow.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.steerflow.plan.Outcome;
import vn.steerflow.plan.TaskKind;

/**
 * Statistics and ranking from aggregate counts, in plain Java: no database, no server, so that
 * known answers can be checked exactly. The service feeds it the rows its GROUP BY queries return.
 *
 * <p>The ranking score of a unit with {@code assigned} tasks (its tasks in scope, cancelled ones
 * left out):
 *
 * <pre>
 * score = 100 × (onTime + 0.5 × late) / assigned − 10 × overdue / assigned
 *         − 2 × reportsReturned / assigned
 * </pre>
 *
 * computed exactly as {@code (100·onTime + 50·late − 10·overdue − 2·reportsReturned) / assigned}
 * and rounded half up to one decimal. Units with no assigned task are not ranked. Order: score
 * descending, then more on-time tasks, then unit code; the rank is the position (1..n), so equal
 * scores do not share a rank.
 */
public final class DashboardCalculator {

  /** The score formula as shown to clients. */
  public static final String FORMULA =
      "score = 100 × (onTime + 0.5 × late) / assigned − 10 × overdue / assigned"
          + " − 2 × reportsReturned / assigned, rounded to 1 decimal; assigned excludes cancelled"
          + " tasks; units with no task are not ranked; ties: more onTime, then unit code";

  private DashboardCalculator() {}

  /**
   * Statistics from the counts per lead unit, kind and outcome, and the returned reviews per unit
   * (unit code to count; units with no task in scope are ignored).
   */
  public static Statistics statistics(
      Scope scope, List<OutcomeCount> counts, Map<String, Long> returnedByUnit) {
    Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      outcomes.put(o, 0L);
    }
    Map<TaskKind, Long> kinds = new EnumMap<>(TaskKind.class);
    for (TaskKind k : TaskKind.values()) {
      kinds.put(k, 0L);
    }
    Map<String, Map<Outcome, Long>> perUnit = new TreeMap<>();
    Map<String, String> names = new TreeMap<>();
    long total = 0;
    for (OutcomeCount row : counts) {
      total += row.count();
      outcomes.merge(row.outcome(), row.count(), Long::sum);
      kinds.merge(row.kind(), row.count(), Long::sum);
      perUnit
          .computeIfAbsent(row.unitCode(), u -> new EnumMap<>(Outcome.class))
          .merge(row.outcome(), row.count(), Long::sum);
      if (row.unitName() != null) {
        names.putIfAbsent(row.unitCode(), row.unitName());
      }
    }
    List<UnitFigures> units = new ArrayList<>();
    perUnit.forEach(
        (unit, byOutcome) -> {
          long onTime = byOutcome.getOrDefault(Outcome.ON_TIME, 0L);
          long late = byOutcome.getOrDefault(Outcome.LATE, 0L);
          long overdue = byOutcome.getOrDefault(Outcome.OVERDUE, 0L);
          long inProgress = byOutcome.getOrDefault(Outcome.IN_PROGRESS, 0L);
          long cancelled = byOutcome.getOrDefault(Outcome.CANCELLED, 0L);
          units.add(
              new UnitFigures(
                  unit,
                  names.get(unit),
                  onTime + late + overdue + inProgress,
                  onTime,
                  late,
                  overdue,
                  inProgress,
                  cancelled,
                  returnedByUnit.getOrDefault(unit, 0L)));
        });
    Map<String, Long> outcomeNames = new LinkedHashMap<>();
    outcomes.forEach((o, n) -> outcomeNames.put(o.name(), n));
    Map<String, Long> kindNames = new LinkedHashMap<>();
    kindNames.put(TaskKind.REGULAR.name(), kinds.get(TaskKind.REGULAR));
    kindNames.put(TaskKind.ONE_OFF.name(), kinds.get(TaskKind.ONE_OFF));
    return new Statistics(
        scope,
        total,
        outcomeNames,
        kindNames,
        List.copyOf(units),
        headline(outcomes, kinds.get(TaskKind.REGULAR)));
  }

  /**
   * "23 of 25 tasks completed, 14 regular, 2 in progress": completed = ON_TIME + LATE, of all tasks
   * but cancelled ones; regular = REGULAR tasks in scope; the overdue count is added when there is
   * one.
   */
  static Headline headline(Map<Outcome, Long> outcomes, long regular) {
    long completed = outcomes.get(Outcome.ON_TIME) + outcomes.get(Outcome.LATE);
    long due = completed + outcomes.get(Outcome.OVERDUE) + outcomes.get(Outcome.IN_PROGRESS);
    long inProgress = outcomes.get(Outcome.IN_PROGRESS);
    long overdue = outcomes.get(Outcome.OVERDUE);
    String vi =
        "Hoàn thành "
            + completed
            + "/"
            + due
            + " nhiệm vụ, "
            + regular
            + " nhiệm vụ thường xuyên, "
            + inProgress
            + " đang thực hiện"
            + (overdue > 0 ? ", " + overdue + " quá hạn" : "");
    String en =
        completed
            + " of "
            + due
            + " tasks completed, "
            + regular
            + " regular, "
            + inProgress
            + " in progress"
            + (overdue > 0 ? ", " + overdue + " overdue" : "");
    return new Headline(vi, en);
  }

  /** The ranking of the statistics' units (see the class comment for the formula and order). */
  public static Ranking ranking(Statistics statistics) {
    List<UnitFigures> ranked =
        statistics.units().stream()
            .filter(u -> u.assigned() > 0)
            .sorted(
                Comparator.comparing(DashboardCalculator::score)
                    .reversed()
                    .thenComparing(Comparator.comparingLong(UnitFigures::onTime).reversed())
                    .thenComparing(UnitFigures::unit))
            .toList();
    List<RankedUnit> units = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      units.add(new RankedUnit(i + 1, score(ranked.get(i)), ranked.get(i)));
    }
    return new Ranking(statistics.scope(), FORMULA, List.copyOf(units));
  }

  /**
   * The unit's score, exact then rounded half up to one decimal; {@code assigned} must be positive.
   */
  public static BigDecimal score(UnitFigures unit) {
    if (unit.assigned() <= 0) {
      throw new IllegalArgumentException("unit " + unit.unit() + " has no task to score");
    }
    long points =
        100 * unit.onTime() + 50 * unit.late() - 10 * unit.overdue() - 2 * unit.reportsReturned();
    return BigDecimal.valueOf(points)
        .divide(BigDecimal.valueOf(unit.assigned()), 1, RoundingMode.HALF_UP);
  }
}
