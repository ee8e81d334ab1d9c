package vn.steerflow.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.FieldError;
import vn.steerflow.api.Page;
import vn.steerflow.api.RequestValidation;
import vn.steerflow.committee.Committee;
import vn.steerflow.committee.Directory;
import vn.steerflow.committee.Role;
import vn.steerflow.security.Caller;
import vn.steerflow.security.audit.AuditAction;
import vn.steerflow.security.audit.AuditObject;
import vn.steerflow.security.audit.AuditTrail;

/**
 * Plans: a committee's supervisors and leaders issue them; who may read one follows who may read
 * its tasks: the committee's supervisors and leaders, and the officers and leaders of units with a
 * task in it.
 */
@ApplicationScoped
public class Plans {

  @PersistenceContext private EntityManager em;

  @Inject private Directory directory;

  @Inject private TaskSearch search;

  @Inject private AuditTrail audit;

  @Inject private RequestValidation validation;

  /**
   * Order of checks: the caller supervises or leads a committee (else 403), the request is
   * well-formed (else 400), the committee it names is the caller's (else 403), the rest holds (else
   * 400), the code is new (else 409).
   */
  @Transactional
  public PlanView create(PlanRequest request, Caller caller) {
    if (!caller.supervisesOrLeadsACommittee()) {
      throw ApiException.forbidden("Only a committee's supervisors and leaders issue its plans.");
    }
    request = validation.check(request, "plan");
    Optional<Committee> committee =
        directory.committee(request.committee()).filter(Committee::isActive);
    if (committee.isPresent()
        && !caller.supervises(committee.get().getId())
        && !caller.leads(committee.get().getId())) {
      throw ApiException.forbidden(
          "Only the supervisors and leaders of committee "
              + committee.get().getCode()
              + " issue its plans.");
    }
    List<FieldError> errors = new ArrayList<>();
    if (committee.isEmpty()) {
      errors.add(
          new FieldError(
              "committee", "no active committee has code '" + request.committee() + "'"));
    }
    if (request.periodStart() != null
        && request.periodEnd() != null
        && request.periodEnd().isBefore(request.periodStart())) {
      errors.add(new FieldError("periodEnd", "the period ends before it starts"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest("The plan does not hold: fix the fields listed.", errors);
    }
    if (byCode(request.code()).isPresent()) {
      throw ApiException.conflict("A plan with code " + request.code() + " exists already.");
    }
    PlanRequest.DirectiveRequest directive = request.directive();
    Plan plan =
        new Plan(
            request.code(),
            request.name(),
            committee.get(),
            new Plan.Directive(directive.number(), directive.date(), directive.title()),
            request.periodStart(),
            request.periodEnd(),
            caller.username(),
            Instant.now());
    em.persist(plan);
    em.flush();
    audit.record(
        AuditAction.PLAN_CREATED, AuditObject.PLAN, plan.getCode(), null, AuditedFields.plan(plan));
    return PlanView.of(plan, 0);
  }

  /** The plans the caller may read, newest directive first. */
  @Transactional
  public Page<PlanView> list(Caller caller, Page.Request paging) {
    List<String> any = new ArrayList<>();
    Map<String, Object> parameters = new java.util.HashMap<>();
    if ((caller.has(Role.SUPERVISOR) || caller.has(Role.LEADER)) && caller.committeeId() != null) {
      any.add("p.committee.id = :committee");
      parameters.put("committee", caller.committeeId());
    }
    if ((caller.has(Role.OFFICER) || caller.has(Role.UNIT_LEADER)) && caller.unitId() != null) {
      any.add(
          "exists (select t.id from Task t left join t.coordinatingUnits c where t.plan = p and (t.leadUnit.id = :unit or c.id = :unit))");
      parameters.put("unit", caller.unitId());
    }
    if (any.isEmpty()) {
      return new Page<>(List.of(), 0, paging.page(), paging.size());
    }
    String where = " where " + String.join(" or ", any);
    var count = em.createQuery("select count(p) from Plan p" + where, Long.class);
    var query =
        em.createQuery(
            "select p from Plan p" + where + " order by p.directiveDate desc, p.id desc",
            Plan.class);
    parameters.forEach(
        (name, value) -> {
          count.setParameter(name, value);
          query.setParameter(name, value);
        });
    List<PlanView> items =
        query.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList().stream()
            .map(p -> PlanView.of(p, search.countInPlan(p, caller)))
            .toList();
    return new Page<>(items, count.getSingleResult(), paging.page(), paging.size());
  }

  /** The plan by id or code, if the caller may read it; else 404. */
  @Transactional
  public PlanView get(String reference, Caller caller) {
    Plan plan =
        byReference(reference)
            .filter(p -> canRead(p, caller))
            .orElseThrow(() -> notFound(reference));
    return PlanView.of(plan, search.countInPlan(plan, caller));
  }

  /**
   * Whether the caller may read the plan: its committee's supervisors and leaders, and whoever may
   * see one of its tasks.
   */
  @Transactional
  public boolean canRead(Plan plan, Caller caller) {
    Long committee = plan.getCommittee().getId();
    return caller.supervises(committee)
        || caller.leads(committee)
        || search.countInPlan(plan, caller) > 0;
  }

  /** A plan by its id (all digits) or its code (which starts with a letter). */
  public Optional<Plan> byReference(String reference) {
    if (reference == null || reference.isBlank()) {
      return Optional.empty();
    }
    String ref = reference.strip();
    if (ref.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.ofNullable(em.find(Plan.class, Long.valueOf(ref)));
      } catch (NumberFormatException tooLong) {
        return Optional.empty();
      }
    }
    return byCode(ref);
  }

  private Optional<Plan> byCode(String code) {
    return em
        .createQuery("select p from Plan p where p.code = :code", Plan.class)
        .setParameter("code", code)
        .getResultList()
        .stream()
        .findFirst();
  }

  private static ApiException notFound(String reference) {
    return ApiException.notFound("No plan " + reference + " that you can see.");
  }
}
