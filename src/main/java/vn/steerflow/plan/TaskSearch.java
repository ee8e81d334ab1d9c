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

  @PersistenceContext private EntityManager em;

  @Inject private Directory directory;

  @Inject private Plans plans;

  @Transactional
  public Page<TaskSummary> search(TaskFilter filter, Caller caller) {
    Instant now = Instant.now();
    Where where = where(filter, caller, now);
    int page = filter.paging().page();
    int size = filter.paging().size();
    if (where == null) {
      return new Page<>(List.of(), 0, page, size);
    }
    // One pass gives both the total and the page: the id (and sort key) of every matching task, in
    // order. Narrow rows sort cheaply, where whole task rows were sorted before (contents
    // included), and the conditions (a text search reads every content) are evaluated once rather
    // than once for a count and again for the page. Some thousands of ids are a few kilobytes; past
    // some 100,000
    // visible tasks a count and an id page would be better (docs/benchmark-derby.md).
    String direction = filter.descending() ? " desc" : " asc";
    String sort = "t." + filter.sort().attribute;
    List<Object[]> ordered =
        where
            .bind(
                em.createQuery(
                    "select t.id, "
                        + sort
                        + " from Task t where "
                        + where.jpql()
                        + " order by "
                        + sort
                        + direction
                        + ", t.id"
                        + direction,
                    Object[].class))
            .getResultList();
    long offset = (long) page * size;
    List<Long> ids = ordered.stream().skip(offset).limit(size).map(row -> (Long) row[0]).toList();
    return new Page<>(
        load(ids).stream().map(t -> TaskSummary.of(t, now)).toList(), ordered.size(), page, size);
  }

  /**
   * The tasks with these ids, in the ids' order, with what a summary shows: their lead units,
   * committees and plans joined into the same rows (EclipseLink, with no shared cache, would read
   * each distinct one with a query of its own, some 25 a page), their coordinating units in one
   * more query for the whole page.
   */
  private List<Task> load(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, Task> byId = new HashMap<>();
    em.createQuery(
            "select t from Task t join fetch t.leadUnit join fetch t.committee"
                + " left join fetch t.plan where t.id in :ids",
            Task.class)
        .setParameter("ids", ids)
        .setHint("eclipselink.batch", "t.coordinatingUnits")
        .setHint("eclipselink.batch.type", "IN")
        .getResultList()
        .forEach(t -> byId.put(t.getId(), t));
    return ids.stream().map(byId::get).toList();
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
      // LOCATE rather than LIKE '%...%': the same substring test with no wildcards to escape, and a
      // quarter less work for Derby, which reads every title and content of the caller's tasks.
      where.and(
          "(locate(:text, lower(t.title)) > 0 or locate(:text, lower(t.content)) > 0)",
          "text",
          filter.text().toLowerCase(Locale.ROOT));
    }
    return where;
  }

  /**
   * {@link Tasks#canSee} as a condition: the supervisors and leaders of the task's committee (and
   * substitutes acting for its leaders), the officers and leaders of its lead or coordinating
   * units. False when the caller holds none of those roles.
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
    if ((caller.has(Role.OFFICER) || caller.has(Role.UNIT_LEADER)) && caller.unitId() != null) {
      any.add("t.leadUnit.id = :seeUnit or " + coordinates("seeUnit"));
      where.parameters.put("seeUnit", caller.unitId());
    }
    if (any.isEmpty()) {
      return false;
    }
    where.and("(" + String.join(" or ", any) + ")");
    return true;
  }

  /**
   * Whether the unit coordinates task t: a subquery on the join table alone (see {@link
   * TaskCoordination} for why not through {@code t.coordinatingUnits}).
   */
  private static String coordinates(String unitParameter) {
    String alias = "c_" + unitParameter;
    return "exists (select "
        + alias
        + " from TaskCoordination "
        + alias
        + " where "
        + alias
        + ".taskId = t.id and "
        + alias
        + ".unitId = :"
        + unitParameter
        + ")";
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
