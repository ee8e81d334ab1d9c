package vn.steerflow.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.FieldError;
import vn.steerflow.plan.Indicator;
import vn.steerflow.plan.Task;
import vn.steerflow.plan.TaskKind;
import vn.steerflow.plan.Tasks;
import vn.steerflow.security.Caller;
import vn.steerflow.workflow.TaskCycleContract.Vars;
import vn.steerflow.workflow.Workflow;

/**
 * Indicator values: a report's values matched to its task's indicators and saved with it (in the
 * report's transaction, so they commit or roll back with the report and its engine step), and each
 * indicator's series for reading.
 *
 * <p>What counts in a series: every value of a report that was not RETURNED (a pending, approved or
 * escalated report's values count; a returned report's do not, the report sent again brings its
 * own). A REGULAR task has one point per reporting period, the latest counted value of the period
 * (a report sent again after an escalation replaces the earlier one), and no value for a period
 * nobody reported on; a ONE_OFF task has one point per counted report that gave a value.
 */
@ApplicationScoped
@Transactional
public class Indicators {

  @PersistenceContext private EntityManager em;

  @Inject private Tasks tasks;

  @Inject private Workflow workflow;

  @Inject private ReportingPeriods periods;

  /** A report's value matched to the task's indicator it is for. */
  public record Reading(Indicator indicator, BigDecimal value) {}

  /**
   * Matches each value to one of the task's indicators by name; 400 naming every value that names
   * an indicator the task does not have, or one an earlier value already gave.
   */
  public List<Reading> match(Task task, List<IndicatorValueRequest> values) {
    List<Indicator> indicators = task.getIndicators();
    List<FieldError> errors = new ArrayList<>();
    List<Reading> readings = new ArrayList<>();
    Map<Long, Integer> firstByIndicator = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      IndicatorValueRequest given = values.get(i);
      if (given == null || given.indicator() == null || given.value() == null) {
        continue; // named by the request's own validation
      }
      String field = "indicatorValues[" + i + "].indicator";
      Optional<Indicator> indicator =
          indicators.stream().filter(candidate -> candidate.isNamed(given.indicator())).findFirst();
      if (indicator.isEmpty()) {
        errors.add(new FieldError(field, unknown(task, given.indicator())));
        continue;
      }
      Integer first = firstByIndicator.putIfAbsent(indicator.get().getId(), i);
      if (first != null) {
        errors.add(
            new FieldError(
                field,
                "indicatorValues["
                    + first
                    + "] already gives the value of '"
                    + indicator.get().getName()
                    + "': one value per indicator"));
        continue;
      }
      readings.add(new Reading(indicator.get(), given.value()));
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(
          "Fix these indicator values: "
              + errors.stream()
                  .map(e -> e.field() + " (" + e.message() + ")")
                  .collect(Collectors.joining(", ")),
          errors);
    }
    return readings;
  }

  private static String unknown(Task task, String reference) {
    List<Indicator> indicators = task.getIndicators();
    if (indicators.isEmpty()) {
      return "task " + task.getCode() + " has no indicators: leave indicatorValues out";
    }
    return "task "
        + task.getCode()
        + " has no indicator '"
        + reference.strip()
        + "'; its indicators are "
        + indicators.stream().map(i -> "'" + i.getName() + "'").collect(Collectors.joining(", "));
  }

  /**
   * Saves the report's values; call after persisting the report and before completing its step,
   * while the cycle still names the period the report is for.
   */
  public void record(Report report, List<Reading> readings) {
    if (readings.isEmpty()) {
      return;
    }
    Integer period = periodInHand(report.getTask());
    for (Reading reading : readings) {
      em.persist(new IndicatorValue(report, reading.indicator(), reading.value(), period));
    }
  }

  private Integer periodInHand(Task task) {
    if (task.getKind() != TaskKind.REGULAR) {
      return null;
    }
    Object number =
        workflow
            .variable(task.getProcessInstanceId(), Vars.PERIOD_NUMBER)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the cycle of REGULAR task " + task.getCode() + " names no period"));
    return ((Number) number).intValue();
  }

  /** The report's values, in the order of the task's indicators. */
  public List<IndicatorValueView> values(Report report) {
    return em
        .createQuery(
            "select v from IndicatorValue v where v.report = :report order by v.indicator.number",
            IndicatorValue.class)
        .setParameter("report", report)
        .getResultList()
        .stream()
        .map(IndicatorValueView::of)
        .toList();
  }

  /** Each of the task's indicators with its series and latest point, as the caller may see them. */
  public List<IndicatorSeriesView> series(String taskCode, Caller caller) {
    Task task = tasks.visible(taskCode, caller);
    List<Indicator> indicators = task.getIndicators();
    if (indicators.isEmpty()) {
      return List.of();
    }
    Map<Long, List<IndicatorValue>> counted = new HashMap<>();
    for (IndicatorValue value : counted(task)) {
      counted.computeIfAbsent(value.getIndicator().getId(), id -> new ArrayList<>()).add(value);
    }
    List<ReportingPeriod> taskPeriods =
        task.getKind() == TaskKind.REGULAR ? periods.all(task) : List.of();
    return indicators.stream()
        .map(
            indicator -> {
              List<IndicatorValue> values = counted.getOrDefault(indicator.getId(), List.of());
              return IndicatorSeriesView.of(
                  indicator,
                  task.getKind() == TaskKind.REGULAR
                      ? perPeriod(taskPeriods, values)
                      : values.stream().map(IndicatorPoint::ofReport).toList());
            })
        .toList();
  }

  /** One point per period, first first: the period's latest counted value, or none. */
  private static List<IndicatorPoint> perPeriod(
      List<ReportingPeriod> taskPeriods, List<IndicatorValue> values) {
    Map<Integer, IndicatorValue> latest = new LinkedHashMap<>();
    values.forEach(v -> latest.put(v.getPeriodNumber(), v)); // in submission order: later wins
    return taskPeriods.stream()
        .map(p -> IndicatorPoint.ofPeriod(p, latest.get(p.getNumber())))
        .toList();
  }

  /** The task's values that count (their report was not returned), in submission order. */
  private List<IndicatorValue> counted(Task task) {
    return em.createQuery(
            "select v from IndicatorValue v join fetch v.report"
                + " where v.report.task = :task and v.report.reviewState <> :returned"
                + " order by v.report.submittedAt, v.report.id",
            IndicatorValue.class)
        .setParameter("task", task)
        .setParameter("returned", ReviewState.RETURNED)
        .getResultList();
  }
}
