package vn.steerflow.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import vn.steerflow.api.ApiException;
import vn.steerflow.security.Caller;
import vn.steerflow.workflow.Workflow;

/**
 * Finding tasks, and the rule of who may see one: officers and leaders of its lead or coordinating
 * units, and the supervisors and leaders of its committee (and a leader's substitute while acting).
 * A task the caller may not see answers 404, as if it did not exist, so that codes of other units'
 * tasks do not leak.
 */
@ApplicationScoped
@Transactional
public class Tasks {

  @PersistenceContext private EntityManager em;

  @Inject private Workflow workflow;

  /** The task as the caller may see it, with its open steps and timeline. */
  public TaskView view(String code, Caller caller) {
    Task task = visible(code, caller);
    return TaskView.of(task, workflow.openSteps(code), timeline(task), Instant.now());
  }

  public Optional<Task> byCode(String code) {
    return em
        .createQuery("select t from Task t where t.code = :code", Task.class)
        .setParameter("code", code)
        .getResultList()
        .stream()
        .findFirst();
  }

  public List<Task> byCodes(Collection<String> codes) {
    if (codes.isEmpty()) {
      return List.of();
    }
    return em.createQuery("select t from Task t where t.code in :codes", Task.class)
        .setParameter("codes", codes)
        .getResultList();
  }

  /** The task, if it exists and the caller may see it; else 404. */
  public Task visible(String code, Caller caller) {
    return byCode(code)
        .filter(t -> canSee(t, caller))
        .orElseThrow(() -> ApiException.notFound("No task " + code + " that you can see."));
  }

  public static boolean canSee(Task task, Caller caller) {
    Long committee = task.getCommittee().getId();
    return caller.supervises(committee)
        || caller.leadsOrActsFor(committee)
        || caller.worksFor(task.getLeadUnit().getId())
        || task.getCoordinatingUnits().stream().anyMatch(u -> caller.worksFor(u.getId()));
  }

  public void record(Task task, String actor, String action, String detail) {
    record(task, actor, null, action, detail);
  }

  /**
   * Records a step taken by {@code actor}; {@code actingFor} names the leader a substitute acted
   * for, null when the actor acted in their own right.
   */
  public void record(Task task, String actor, String actingFor, String action, String detail) {
    em.persist(new TimelineEntry(task, Instant.now(), actor, actingFor, action, detail));
  }

  public List<TimelineEntry> timeline(Task task) {
    return em.createQuery(
            "select e from TimelineEntry e where e.task = :task order by e.at, e.id",
            TimelineEntry.class)
        .setParameter("task", task)
        .getResultList();
  }
}
