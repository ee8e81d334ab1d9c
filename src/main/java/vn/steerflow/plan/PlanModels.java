package vn.steerflow.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import vn.steerflow.api.ApiException;
import vn.steerflow.workflow.ModelUnavailableException;
import vn.steerflow.workflow.Workflow;

/**
 * Which model a plan's new tasks run on: admins pin a plan to a process (a version, or its latest
 * active one) and unpin it. Tasks already assigned keep the model version they started on.
 */
@ApplicationScoped
@Transactional
public class PlanModels {

  @PersistenceContext private EntityManager em;

  @Inject private Plans plans;

  @Inject private Workflow workflow;

  /** The plans pinned to a model, by code. */
  public List<PlanModelView> pinned() {
    return em
        .createQuery(
            "select p from Plan p where p.modelKey is not null order by p.code", Plan.class)
        .getResultList()
        .stream()
        .map(PlanModelView::of)
        .toList();
  }

  /**
   * Pins the plan: the version must exist and take new tasks (400 naming key or version if not);
   * {@code planVersion}, when given, must be the plan's version (else 409).
   */
  public PlanModelView pin(String planReference, String key, Integer version, Long planVersion) {
    Plan plan = plan(planReference, planVersion);
    try {
      workflow.startableVersion(key.strip(), version);
    } catch (ModelUnavailableException e) {
      throw ApiException.badRequest(version == null ? "key" : "version", e.getMessage());
    }
    plan.pinModel(key, version);
    em.flush();
    return PlanModelView.of(plan);
  }

  /** New tasks of the plan run on the default process again. */
  public PlanModelView unpin(String planReference, Long planVersion) {
    Plan plan = plan(planReference, planVersion);
    plan.unpinModel();
    em.flush();
    return PlanModelView.of(plan);
  }

  private Plan plan(String reference, Long expectedVersion) {
    Plan plan =
        plans
            .byReference(reference)
            .orElseThrow(() -> ApiException.notFound("No plan " + reference + "."));
    if (expectedVersion != null && expectedVersion != plan.getVersion()) {
      throw ApiException.conflict(
          "Plan "
              + plan.getCode()
              + " changed since you read it (version "
              + plan.getVersion()
              + ", you sent "
              + expectedVersion
              + "): read it again.");
    }
    return plan;
  }
}
