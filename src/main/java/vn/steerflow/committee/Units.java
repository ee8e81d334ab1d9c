package vn.steerflow.committee;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import vn.steerflow.api.ApiException;
import vn.steerflow.security.audit.AuditAction;
import vn.steerflow.security.audit.AuditObject;
import vn.steerflow.security.audit.AuditTrail;
import vn.steerflow.security.audit.AuditValues;

/**
 * The unit tree: creating, renaming, moving and merging units. Each method is one transaction; a
 * refused change leaves nothing written. Units are never deleted.
 */
@ApplicationScoped
public class Units {

  static final String PARENT = "parent";

  /** The unit a merge goes into, as the 400 names it (it is the last segment of the merge URL). */
  static final String TARGET = "target";

  @PersistenceContext private EntityManager em;

  @Inject private Directory directory;

  @Inject private AuditTrail audit;

  @Inject private Event<UnitMerged> merged;

  @Transactional
  public List<UnitView> list(Boolean active) {
    String where = active == null ? "" : " where u.active = :active";
    var query = em.createQuery("select u from Unit u" + where + " order by u.code", Unit.class);
    if (active != null) {
      query.setParameter("active", active);
    }
    return query.getResultList().stream().map(UnitView::of).toList();
  }

  @Transactional
  public UnitView get(String code) {
    return UnitView.of(directory.unitInPath(code));
  }

  @Transactional
  public UnitView create(UnitRequest request) {
    Unit parent = null;
    if (request.parent() != null) {
      parent =
          directory
              .unit(request.parent())
              .filter(Unit::isActive)
              .orElseThrow(
                  () ->
                      ApiException.badRequest(
                          PARENT, "no active unit has code '" + request.parent() + "'"));
    }
    if (directory.unit(request.code()).isPresent()) {
      throw ApiException.conflict(
          "A unit with code " + request.code() + " exists already; codes are never reused.");
    }
    Unit unit = new Unit(request.code(), request.name(), request.nameEn(), request.kind(), parent);
    em.persist(unit);
    if (parent != null) {
      // A merge of the parent running at the same time would miss this new child: one of the two
      // gets 409.
      em.lock(parent, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }
    em.flush();
    audit.record(
        AuditAction.UNIT_CREATED, AuditObject.UNIT, unit.getCode(), null, AuditedFields.unit(unit));
    return UnitView.of(unit);
  }

  /**
   * Renames the unit and moves it (with its subtree) under another parent; its tasks stay its own.
   */
  @Transactional
  public UnitView change(String code, UnitChange request) {
    Unit unit = current(code, request.version());
    AuditTrail.Snapshot before = audit.snapshot(() -> AuditedFields.unit(unit));
    Unit parent = null;
    if (request.parent() != null) {
      parent =
          directory
              .unit(request.parent())
              .filter(Unit::isActive)
              .orElseThrow(
                  () ->
                      ApiException.badRequest(
                          PARENT, "no active unit has code '" + request.parent() + "'"));
    }
    try {
      unit.moveUnder(parent);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(PARENT, e.getMessage());
    }
    unit.rename(request.name(), request.nameEn());
    guardChain(parent);
    em.lock(unit, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    em.flush();
    audit.recordChange(AuditAction.UNIT_CHANGED, AuditObject.UNIT, unit.getCode(), before);
    return UnitView.of(unit);
  }

  /**
   * Merges the unit into the target: the unit is deactivated and names its successor, its active
   * child units move under the target. Its finished tasks, its reports and its members stay
   * attached to it, so its history reads as before; its open work passes to the successor in the
   * same transaction (observers of {@link UnitMerged}), since the successor's officers are the ones
   * who will carry it on.
   */
  @Transactional
  public UnitView merge(String code, String targetCode, String admin) {
    Unit unit = directory.unitInPath(code);
    Unit target = directory.unitInPath(targetCode);
    if (!unit.isActive()) {
      throw ApiException.conflict(
          "Unit "
              + code
              + " is inactive"
              + (unit.getSuccessor() == null
                  ? ""
                  : ", merged into " + unit.getSuccessor().getCode())
              + ".");
    }
    List<Unit> children =
        em.createQuery(
                "select u from Unit u where u.parent = :unit and u.active = true", Unit.class)
            .setParameter("unit", unit)
            .getResultList();
    try {
      unit.mergeInto(target, children);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(TARGET, e.getMessage());
    }
    guardChain(target);
    em.lock(unit, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    em.flush();
    audit.record(
        AuditAction.UNIT_MERGED,
        AuditObject.UNIT,
        unit.getCode(),
        AuditValues.of("active", true),
        AuditValues.of(
            "active",
            false,
            "successor",
            target.getCode(),
            "childrenMoved",
            children.stream().map(Unit::getCode).sorted().toList()));
    merged.fire(new UnitMerged(unit, target, admin));
    return UnitView.of(unit);
  }

  /** Deactivates a unit nothing active depends on: no active child units, no active members. */
  @Transactional
  public UnitView deactivate(String code) {
    Unit unit = directory.unitInPath(code);
    if (!unit.isActive()) {
      throw ApiException.conflict("Unit " + code + " is inactive already.");
    }
    List<String> dependants = new ArrayList<>();
    em.createQuery(
            "select u.code from Unit u where u.parent = :unit and u.active = true order by u.code",
            String.class)
        .setParameter("unit", unit)
        .getResultList()
        .forEach(c -> dependants.add("unit " + c));
    em.createQuery(
            "select m.username from Member m where m.unit = :unit and m.active = true order by m.username",
            String.class)
        .setParameter("unit", unit)
        .getResultList()
        .forEach(u -> dependants.add("member " + u));
    em.createQuery(
            "select c.code from Committee c where c.standingAgency = :unit and c.active = true order by c.code",
            String.class)
        .setParameter("unit", unit)
        .getResultList()
        .forEach(c -> dependants.add("committee " + c + " (standing agency)"));
    if (!dependants.isEmpty()) {
      throw ApiException.conflict(
          "Unit "
              + code
              + " still has "
              + String.join(", ", dependants)
              + ": move or deactivate them first, or merge the unit into another.");
    }
    unit.deactivate();
    em.flush();
    audit.record(
        AuditAction.UNIT_DEACTIVATED,
        AuditObject.UNIT,
        unit.getCode(),
        AuditValues.of("active", true),
        AuditValues.of("active", false));
    return UnitView.of(unit);
  }

  /** The active unit at the version the client read; 404, 409 otherwise. */
  private Unit current(String code, long version) {
    Unit unit = directory.unitInPath(code);
    if (!unit.isActive()) {
      throw ApiException.conflict(
          "Unit "
              + code
              + " is inactive"
              + (unit.getSuccessor() == null
                  ? ""
                  : ", merged into " + unit.getSuccessor().getCode())
              + "; it no longer changes.");
    }
    if (unit.getVersion() != version) {
      throw ApiException.conflict(
          "Unit "
              + code
              + " changed since version "
              + version
              + " (it is at "
              + unit.getVersion()
              + "): reload it and try again.");
    }
    return unit;
  }

  /**
   * The tree check reads the chain of units above the new parent. Bumping their versions makes two
   * concurrent moves that would together close a loop (A under B, B under A) collide at commit: one
   * of them gets 409 instead of both succeeding.
   */
  private void guardChain(Unit top) {
    for (Unit u = top; u != null; u = u.getParent()) {
      em.lock(u, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }
  }
}
