package vn.steerflow.security.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.Page;
import vn.steerflow.committee.Role;
import vn.steerflow.security.Caller;

/**
 * Reading the audit trail, for admins only: newest first (by time, then by id, so the order is
 * total and pages never overlap), a page at a time, or the whole filtered trail in chunks for the
 * CSV export.
 */
@ApplicationScoped
public class AuditSearch {

  /** Entries read per query while exporting. */
  static final int CHUNK = 500;

  private static final String ORDER = " order by e.at desc, e.id desc";

  @PersistenceContext private EntityManager em;

  /** 403 for anyone but an admin. */
  public void requireAdmin(Caller caller) {
    if (!caller.has(Role.ADMIN)) {
      throw ApiException.forbidden("Only admins read the audit trail.");
    }
  }

  @Transactional
  public Page<AuditEntryView> search(AuditFilter filter, Caller caller) {
    requireAdmin(caller);
    Where where = where(filter);
    long total =
        where
            .bind(em.createQuery("select count(e) from AuditEntry e" + where.jpql(), Long.class))
            .getSingleResult();
    List<AuditEntryView> items =
        where
            .bind(
                em.createQuery(
                    "select e from AuditEntry e" + where.jpql() + ORDER, AuditEntry.class))
            .setFirstResult(filter.paging().offset())
            .setMaxResults(filter.paging().size())
            .getResultList()
            .stream()
            .map(AuditEntryView::of)
            .toList();
    return new Page<>(items, total, filter.paging().page(), filter.paging().size());
  }

  /**
   * The next entries of the filtered trail after the given one (the newest when null), newest
   * first. Paging by the last entry seen, not by offset: entries written while an export runs do
   * not shift it.
   */
  @Transactional
  public List<AuditEntry> chunkAfter(AuditFilter filter, AuditEntry last, int size) {
    Where where = where(filter);
    if (last != null) {
      where.and("(e.at < :lastAt or (e.at = :lastAt and e.id < :lastId))");
      where.parameters.put("lastAt", last.getAt());
      where.parameters.put("lastId", last.getId());
    }
    return where
        .bind(em.createQuery("select e from AuditEntry e" + where.jpql() + ORDER, AuditEntry.class))
        .setMaxResults(size)
        .getResultList();
  }

  private static Where where(AuditFilter filter) {
    Where where = new Where();
    if (filter.objectType() != null) {
      where.and("e.objectType = :objectType", "objectType", filter.objectType());
    }
    if (filter.objectId() != null) {
      where.and("e.objectId = :objectId", "objectId", filter.objectId());
    }
    if (filter.member() != null) {
      where.and("(e.actor = :member or e.actingFor = :member)", "member", filter.member());
    }
    if (filter.from() != null) {
      where.and("e.at >= :from", "from", filter.from());
    }
    if (filter.to() != null) {
      where.and("e.at <= :to", "to", filter.to());
    }
    if (!filter.actions().isEmpty()) {
      where.and("e.action in :actions", "actions", List.copyOf(filter.actions()));
    }
    return where;
  }

  /** Conditions joined with AND, and the parameters they name. */
  private static final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    void and(String condition) {
      conditions.add(condition);
    }

    void and(String condition, String name, Object value) {
      conditions.add(condition);
      parameters.put(name, value);
    }

    String jpql() {
      return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    <T> TypedQuery<T> bind(TypedQuery<T> query) {
      parameters.forEach(query::setParameter);
      return query;
    }
  }
}
