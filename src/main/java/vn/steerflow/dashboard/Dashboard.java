package vn.steerflow.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.steerflow.api.ApiException;
import vn.steerflow.committee.Role;
import vn.steerflow.plan.Outcome;
import vn.steerflow.plan.Plan;
import vn.steerflow.plan.Plans;
import vn.steerflow.plan.TaskKind;
import vn.steerflow.report.ReviewState;
import vn.steerflow.security.Caller;
import vn.steerflow.workflow.ReportingCalendar;

/**
 * Statistics and ranking for a committee's leaders and supervisors. Counting happens in the
 * database: one GROUP BY query per outcome (lead unit × kind, on {@link Outcome}'s own
 * stored-column condition) and one for returned reviews per unit, so the cost does not grow with
 * loading tasks; {@link DashboardCalculator} does the rest.
 */
@ApplicationScoped
@Transactional
public class Dashboard {

  @PersistenceContext private EntityManager em;

  @Inject private Plans plans;

  /** Over a plan ({@code plan}, its id or code) or a period ({@code from}, {@code to}). */
  public Statistics statistics(String plan, String from, String to, Caller caller) {
    return compute(plan, from, to, caller);
  }

  public Ranking ranking(String plan, String from, String to, Caller caller) {
    return DashboardCalculator.ranking(compute(plan, from, to, caller));
  }

  /**
   * Order of checks: the caller's role (403, whatever the parameters), the parameters (400, the
   * same whether a plan exists or not), the plan named is one the caller may read (404 otherwise,
   * as {@code GET /plans/{id}} answers, so a plan's existence does not leak through the dashboard).
   */
  private Statistics compute(String planParam, String fromParam, String toParam, Caller caller) {
    if (!caller.has(Role.LEADER) && !caller.has(Role.SUPERVISOR) || caller.committeeId() == null) {
      throw ApiException.forbidden(
          "Only a committee's leaders and supervisors read its dashboard.");
    }
    Params params = Params.parse(planParam, fromParam, toParam);
    String where;
    Map<String, Object> parameters = new HashMap<>();
    Scope scope;
    if (params.plan() != null) {
      Plan plan =
          plans
              .byReference(params.plan())
              .filter(
                  p ->
                      caller.leads(p.getCommittee().getId())
                          || caller.supervises(p.getCommittee().getId()))
              .orElseThrow(
                  () -> ApiException.notFound("No plan " + params.plan() + " that you can see."));
      where = "t.plan.id = :scopePlan";
      parameters.put("scopePlan", plan.getId());
      scope = new Scope(plan.getCode(), null, null);
    } else {
      LocalDate from = params.from();
      LocalDate to = params.to();
      where =
          "t.committee.id = :scopeCommittee and t.deadline >= :scopeFrom and t.deadline < :scopeTo";
      parameters.put("scopeCommittee", caller.committeeId());
      parameters.put("scopeFrom", from.atStartOfDay(ReportingCalendar.ZONE).toInstant());
      parameters.put("scopeTo", to.plusDays(1).atStartOfDay(ReportingCalendar.ZONE).toInstant());
      scope = new Scope(null, from, to);
    }
    Instant now = Instant.now();
    List<OutcomeCount> counts = new ArrayList<>();
    for (Outcome outcome : Outcome.values()) {
      TypedQuery<Object[]> query =
          em.createQuery(
              "select t.leadUnit.code, t.leadUnit.name, t.kind, count(t) from Task t where "
                  + where
                  + " and "
                  + outcome.jpqlCondition("t")
                  + " group by t.leadUnit.code, t.leadUnit.name, t.kind",
              Object[].class);
      parameters.forEach(query::setParameter);
      outcome.jpqlParameters(now).forEach(query::setParameter);
      for (Object[] row : query.getResultList()) {
        counts.add(
            new OutcomeCount(
                (String) row[0],
                (String) row[1],
                (TaskKind) row[2],
                outcome,
                ((Number) row[3]).longValue()));
      }
    }
    // Returned reviews counted on the reports themselves: only an approval passes a report on to a
    // further review, a RETURN settles the report (Review's constructor sets its state) and a
    // settled report takes no more review, so a report has at most one RETURN review and is
    // RETURNED exactly when it has one. Counting them needs no join to SF_REVIEW and reads only
    // index SF_REPORT_STATE_TASK_IX: a probe per task in scope rather than a review read per report
    // (docs/benchmark-derby.md).
    TypedQuery<Object[]> returned =
        em.createQuery(
            "select r.unit.code, count(r) from Report r join r.task t where "
                + where
                + " and r.reviewState = :returned group by r.unit.code",
            Object[].class);
    parameters.forEach(returned::setParameter);
    returned.setParameter("returned", ReviewState.RETURNED);
    Map<String, Long> returnedByUnit = new HashMap<>();
    for (Object[] row : returned.getResultList()) {
      returnedByUnit.put((String) row[0], ((Number) row[1]).longValue());
    }
    return DashboardCalculator.statistics(scope, counts, returnedByUnit);
  }

  /** Either a plan or both dates, never both nor neither. */
  record Params(String plan, LocalDate from, LocalDate to) {

    static Params parse(String plan, String from, String to) {
      boolean hasPlan = plan != null && !plan.isBlank();
      boolean hasDates = from != null || to != null;
      if (hasPlan && hasDates) {
        throw ApiException.badRequest("plan", "give either plan or from and to, not both");
      }
      if (hasPlan) {
        return new Params(plan.strip(), null, null);
      }
      if (!hasDates) {
        throw ApiException.badRequest("plan", "give plan, or from and to (ISO dates)");
      }
      LocalDate start = date("from", from);
      LocalDate end = date("to", to);
      if (end.isBefore(start)) {
        throw ApiException.badRequest("to", "the period ends before it starts");
      }
      return new Params(null, start, end);
    }

    private static LocalDate date(String field, String value) {
      if (value == null || value.isBlank()) {
        throw ApiException.badRequest(field, field + " is required with a period (ISO date)");
      }
      try {
        return LocalDate.parse(value.strip());
      } catch (DateTimeParseException e) {
        throw ApiException.badRequest(field, "not an ISO date (yyyy-mm-dd): " + value);
      }
    }
  }
}
