package vn.steerflow.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.Page;
import vn.steerflow.committee.Directory;
import vn.steerflow.committee.Role;
import vn.steerflow.committee.Unit;
import vn.steerflow.security.Caller;

/**
 * Task listings. Everything is decided in the database: who may see a task ({@link Tasks#canSee},
 * as a condition), the filters, the outcome (as {@link Outcome.Condition}s), the order and the
 * page; so the total is the number of tasks the caller may see that match, not a count of one
 * filtered page.
 */
@ApplicationScoped
public class TaskSearch {

  private static final String TASK = "t";
  private static final char LIKE_ESCAPE = '!';

  @PersistenceContext private EntityManager em;

  @Inject private Directory directory;

  @Inject private Plans plans;

  @Transactional
  public Page<TaskSummary> search(TaskFilter filter, Caller caller) {
    Instant now = Instant.now();
    Where where = where(filter, caller, now);
    if (where == null) {
      return new Page<>(List.of(), 0, filter.paging().page(), filter.paging().size());
    }
    long total =
        where
            .bind(em.createQuery("select count(t) from Task t where " + where.jpql(), Long.class))
            .getSingleResult();
    String direction = filter.descending() ? " desc" : " asc";
    TypedQuery<Task> query =
        where.bind(
            em.createQuery(
                "select t from Task t where "
                    + where.jpql()
                    + " order by t."
                    + filter.sort().attribute
                    + direction
                    + ", t.id"
                    + direction,
                Task.class));
    List<Task> tasks =
        query
            // One query for the coordinating units of the whole page instead of one per task.
            .setHint("eclipselink.batch", "t.coordinatingUnits")
            .setHint("eclipselink.batch.type", "IN")
            .setFirstResult(filter.paging().offset())
            .setMaxResults(filter.paging().size())
            .getResultList();
    return new Page<>(
        tasks.stream().map(t -> TaskSummary.of(t, now)).toList(),
        total,
        filter.paging().page(),
        filter.paging().size());
  }

  /** How many of the plan's tasks the caller may see. */
  long countInPlan(Plan plan, Caller caller) {
    Where where = new Where();
    if (!visibility(where, caller)) {
      return 0;
    }
    where.and("t.plan.id = :planId", "planId", plan.getId());
    return where
        .bind(em.createQuery("select count(t) from Task t where " + where.jpql(), Long.class))
        .getSingleResult();
  }

  /** The conditions of the listing; null when the caller may see no task at all. */
  private Where where(TaskFilter filter, Caller caller, Instant now) {
    Where where = new Where();
    if (!visibility(where, caller)) {
      return null;
    }
    if (filter.plan() != null) {
      // A plan the caller may not read is answered as one that does not exist, as GET /plans/{id}
      // answers 404 for it: the filter must not tell which plan codes exist.
      Plan plan =
          plans
              .byReference(filter.plan())
              .filter(p -> plans.canRead(p, caller))
              .orElseThrow(
                  () ->
                      ApiException.badRequest(
                          TaskFilter.PLAN,
                          "no plan you can see has id or code '" + filter.plan() + "'"));
      where.and("t.plan.id = :planId", "planId", plan.getId());
    }
    if (filter.unit() != null) {
      Unit unit =
          directory
              .unit(filter.unit())
              .orElseThrow(
                  () ->
                      ApiException.badRequest(
                          TaskFilter.UNIT, "no unit has code '" + filter.unit() + "'"));
      where.and(
          "(t.leadUnit.id = :unitId or " + coordinates("unitId") + ")", "unitId", unit.getId());
    }
    if (!filter.outcomes().isEmpty()) {
      List<String> any = new ArrayList<>();
      for (Outcome outcome : filter.outcomes()) {
        Outcome.Condition condition = outcome.condition();
        any.add(condition.jpql(TASK));
        where.parameters.putAll(condition.parameters(now));
      }
      where.and("(" + String.join(" or ", any) + ")");
    }
    if (filter.overdue() != null) {
      Outcome.Condition overdue = Outcome.OVERDUE.condition();
      where.and(filter.overdue() ? overdue.jpql(TASK) : "not " + overdue.jpql(TASK));
      where.parameters.putAll(overdue.parameters(now));
    }
    if (filter.deadlineFrom() != null) {
      where.and("t.deadline >= :deadlineFrom", "deadlineFrom", filter.deadlineFrom());
    }
    if (filter.deadlineTo() != null) {
      where.and("t.deadline <= :deadlineTo", "deadlineTo", filter.deadlineTo());
    }
    if (filter.text() != null) {
      String like = "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%";
      where.and(
          "(lower(t.title) like :text escape '"
              + LIKE_ESCAPE
              + "' or lower(t.content) like :text escape '"
              + LIKE_ESCAPE
              + "')",
          "text",
          like);
    }
    return where;
  }

  /**
   * {@link Tasks#canSee} as a condition: the supervisors and leaders of the task's committee (and
   * substitutes acting for its leaders), the officers of its lead or coordinating units. False when
   * the caller holds none of those roles.
   */
  private static boolean visibility(Where where, Caller caller) {
    List<String> any = new ArrayList<>();
    if ((caller.has(Role.SUPERVISOR) || caller.has(Role.LEADER)) && caller.committeeId() != null) {
      any.add("t.committee.id = :seeCommittee");
      where.parameters.put("seeCommittee", caller.committeeId());
    }
    if (!caller.actingCommittees().isEmpty()) {
      any.add("t.committee.id in :seeActing");
      where.parameters.put("seeActing", List.copyOf(caller.actingCommittees()));
    }
    if (caller.has(Role.OFFICER) && caller.unitId() != null) {
      any.add("t.leadUnit.id = :seeUnit or " + coordinates("seeUnit"));
      where.parameters.put("seeUnit", caller.unitId());
    }
    if (any.isEmpty()) {
      return false;
    }
    where.and("(" + String.join(" or ", any) + ")");
    return true;
  }

  private static String coordinates(String unitParameter) {
    String alias = "c_" + unitParameter;
    return "exists (select "
        + alias
        + "t.id from Task "
        + alias
        + "t join "
        + alias
        + "t.coordinatingUnits "
        + alias
        + " where "
        + alias
        + "t.id = t.id and "
        + alias
        + ".id = :"
        + unitParameter
        + ")";
  }

  static String escapeLike(String text) {
    StringBuilder escaped = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
        escaped.append(LIKE_ESCAPE);
      }
      escaped.append(c);
    }
    return escaped.toString();
  }

  /** Conditions joined with AND, and the parameters they name. */
  private static final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    void and(String condition) {
      conditions.add(condition);
    }

    void and(String condition, String parameter, Object value) {
      conditions.add(condition);
      parameters.put(parameter, value);
    }

    String jpql() {
      return String.join(" and ", conditions);
    }

    <T> TypedQuery<T> bind(TypedQuery<T> query) {
      parameters.forEach(query::setParameter);
      return query;
    }
  }
}
