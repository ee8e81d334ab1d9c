package vn.steerflow.report;

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
import java.util.Map;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.Page;
import vn.steerflow.committee.Committee;
import vn.steerflow.committee.Directory;
import vn.steerflow.committee.Role;
import vn.steerflow.committee.Unit;
import vn.steerflow.plan.Tasks;
import vn.steerflow.security.Caller;

/**
 * Bottleneck listings. As for tasks, everything is decided in the database: who may see a
 * bottleneck ({@link Bottlenecks#canSee}, as a condition), the filters, the order and the page; so
 * the total counts what the caller may see that matches.
 */
@ApplicationScoped
@Transactional
public class BottleneckSearch {

  /** The query's source: bottlenecks with their resolver unit, which may be none (the leaders). */
  private static final String FROM = " from Bottleneck b left join b.resolverUnit r where ";

  @PersistenceContext private EntityManager em;

  @Inject private Directory directory;

  @Inject private Tasks tasks;

  public Page<BottleneckView> search(BottleneckFilter filter, Caller caller) {
    Instant now = Instant.now();
    Where where = where(filter, caller, now);
    if (where == null) {
      return new Page<>(List.of(), 0, filter.paging().page(), filter.paging().size());
    }
    long total =
        where
            .bind(em.createQuery("select count(b)" + FROM + where.jpql(), Long.class))
            .getSingleResult();
    String direction = filter.descending() ? " desc" : " asc";
    TypedQuery<Bottleneck> query =
        where.bind(
            em.createQuery(
                "select b"
                    + FROM
                    + where.jpql()
                    + " order by "
                    + filter.sort().path
                    + direction
                    + ", b.id"
                    + direction,
                Bottleneck.class));
    // The page's tasks, reports and units in a few queries instead of a few per row.
    for (String path : List.of("b.task", "b.report", "b.unit", "b.committee", "b.resolverUnit")) {
      query.setHint("eclipselink.batch", path);
    }
    List<Bottleneck> page =
        query
            .setHint("eclipselink.batch.type", "IN")
            .setFirstResult(filter.paging().offset())
            .setMaxResults(filter.paging().size())
            .getResultList();
    return new Page<>(
        page.stream().map(b -> BottleneckView.of(b, now)).toList(),
        total,
        filter.paging().page(),
        filter.paging().size());
  }

  /** The bottlenecks of a task the caller may see (404 otherwise), as far as the caller may see. */
  public Page<BottleneckView> ofTask(String taskCode, BottleneckFilter filter, Caller caller) {
    String code = tasks.visible(taskCode, caller).getCode();
    return search(filter.ofTask(code), caller);
  }

  /** The conditions of the listing; null when the caller may see no bottleneck at all. */
  private Where where(BottleneckFilter filter, Caller caller, Instant now) {
    Where where = new Where();
    if (!visibility(where, caller)) {
      return null;
    }
    if (filter.committee() != null) {
      Committee committee =
          directory
              .committee(filter.committee())
              .orElseThrow(
                  () ->
                      ApiException.badRequest(
                          BottleneckFilter.COMMITTEE,
                          "no committee has code '" + filter.committee() + "'"));
      where.and("b.committee.id = :committeeId", "committeeId", committee.getId());
    }
    if (!filter.states().isEmpty()) {
      where.and("b.state in :states", "states", List.copyOf(filter.states()));
    }
    if (filter.unit() != null) {
      where.and("b.unit.id = :unitId", "unitId", unit(filter.unit(), BottleneckFilter.UNIT));
    }
    if (filter.resolver() != null) {
      if (filter.resolver().equalsIgnoreCase(Bottleneck.LEADERS)) {
        where.and("r.id is null");
      } else {
        where.and(
            "r.id = :resolverId", "resolverId", unit(filter.resolver(), BottleneckFilter.RESOLVER));
      }
    }
    if (filter.task() != null) {
      // matched, not looked up: an unknown code and another unit's task both list nothing
      where.and("b.task.code = :taskCode", "taskCode", filter.task());
    }
    if (filter.minAgeDays() != null) {
      where.and(
          "((b.resolvedAt is null and b.raisedAt < :raisedBefore)"
              + " or (b.resolvedAt is not null and b.daysOpen >= :minAgeDays))");
      where.parameters.put("raisedBefore", BottleneckFilter.raisedBefore(now, filter.minAgeDays()));
      where.parameters.put("minAgeDays", filter.minAgeDays());
    }
    return where;
  }

  private Long unit(String code, String parameter) {
    return directory
        .unit(code)
        .map(Unit::getId)
        .orElseThrow(() -> ApiException.badRequest(parameter, "no unit has code '" + code + "'"));
  }

  /**
   * {@link Bottlenecks#canSee} as a condition: the supervisors and leaders of its committee (and
   * substitutes acting for its leaders), the officers of the unit that raised it or must resolve
   * it. False when the caller holds none of those roles.
   */
  private static boolean visibility(Where where, Caller caller) {
    List<String> any = new ArrayList<>();
    if ((caller.has(Role.SUPERVISOR) || caller.has(Role.LEADER)) && caller.committeeId() != null) {
      any.add("b.committee.id = :seeCommittee");
      where.parameters.put("seeCommittee", caller.committeeId());
    }
    if (!caller.actingCommittees().isEmpty()) {
      any.add("b.committee.id in :seeActing");
      where.parameters.put("seeActing", List.copyOf(caller.actingCommittees()));
    }
    if (caller.has(Role.OFFICER) && caller.unitId() != null) {
      any.add("b.unit.id = :seeUnit or r.id = :seeUnit");
      where.parameters.put("seeUnit", caller.unitId());
    }
    if (any.isEmpty()) {
      return false;
    }
    where.and("(" + String.join(" or ", any) + ")");
    return true;
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
