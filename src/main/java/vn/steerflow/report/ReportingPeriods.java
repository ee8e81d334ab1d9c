package vn.steerflow.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.steerflow.plan.Task;
import vn.steerflow.plan.TaskEnded;
import vn.steerflow.plan.TaskKind;
import vn.steerflow.plan.TaskStatus;
import vn.steerflow.plan.Tasks;
import vn.steerflow.plan.TimelineActions;
import vn.steerflow.security.Caller;
import vn.steerflow.workflow.TaskCycleContract.Vars;
import vn.steerflow.workflow.Workflow;
import vn.steerflow.workflow.delegate.ReportingPeriodEvents;

/**
 * The periods of REGULAR tasks: the cycle opens, misses and ends them (as the model's beans' sink,
 * in the engine's transaction); an approved report closes the period in hand; members read them.
 */
@ApplicationScoped
@Transactional
public class ReportingPeriods implements ReportingPeriodEvents {

  @PersistenceContext private EntityManager em;

  @Inject private Tasks tasks;

  @Inject private Workflow workflow;

  @Inject private Event<TaskEnded> taskEnded;

  @Override
  public void periodOpened(String taskCode, int number, Instant start, Instant end) {
    Task task = task(taskCode);
    em.persist(new ReportingPeriod(task, number, start, end));
    tasks.record(
        task,
        TimelineActions.SYSTEM_ACTOR,
        TimelineActions.PERIOD_OPENED,
        "Period " + number + " opened: report due by " + end);
  }

  @Override
  public void periodMissed(String taskCode, int number) {
    Task task = task(taskCode);
    ReportingPeriod period =
        period(task, number)
            .orElseThrow(
                () -> new IllegalStateException("task " + taskCode + " has no period " + number));
    period.missed(Instant.now());
    tasks.record(
        task,
        TimelineActions.SYSTEM_ACTOR,
        TimelineActions.PERIOD_MISSED,
        "Period " + number + " ended " + period.getEndsAt() + " with no report");
  }

  @Override
  public void reportingEnded(String taskCode) {
    Task task = task(taskCode);
    if (task.getStatus() != TaskStatus.OPEN) {
      return; // already ended (a DONE report was approved); the cycle only confirms it
    }
    // The reporting ends on schedule with the last period; the periods carry each report's
    // judgement.
    task.complete(task.getDeadline());
    tasks.record(
        task,
        TimelineActions.SYSTEM_ACTOR,
        TimelineActions.REPORTING_ENDED,
        "Last period closed; outcome " + task.outcome(Instant.now()));
    taskEnded.fire(new TaskEnded(task, Instant.now()));
  }

  /**
   * A cancelled task owes no report for the period in hand: it closes as CANCELLED rather than
   * staying OPEN for ever (or being judged MISSED, which would count against the unit).
   */
  void closeOpenPeriods(@Observes TaskEnded ended) {
    if (ended.task().getKind() != TaskKind.REGULAR) {
      return;
    }
    for (ReportingPeriod period : all(ended.task())) {
      if (period.getState() == PeriodState.OPEN) {
        period.cancelled(ended.at());
      }
    }
  }

  /**
   * The number of the period a REGULAR task's cycle is in now, empty for a ONE_OFF task. Read it
   * before completing a review step: completing the last one may open the next period.
   */
  public Optional<Integer> periodInHand(Task task) {
    if (task.getKind() != TaskKind.REGULAR) {
      return Optional.empty();
    }
    Object number =
        workflow
            .variable(task.getProcessInstanceId(), Vars.PERIOD_NUMBER)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the cycle of REGULAR task " + task.getCode() + " names no period"));
    return Optional.of(((Number) number).intValue());
  }

  /** The review approved {@code report} for good: it closes the task's period {@code number}. */
  public void reportApproved(Task task, Report report, int number, Instant at) {
    ReportingPeriod period =
        period(task, number)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "task " + task.getCode() + " has no period " + number));
    period.reported(report, at);
  }

  /** The task's periods, first first, as the caller may see them. */
  public List<PeriodView> periods(String taskCode, Caller caller) {
    return all(tasks.visible(taskCode, caller)).stream().map(PeriodView::of).toList();
  }

  public List<ReportingPeriod> all(Task task) {
    return em.createQuery(
            "select p from ReportingPeriod p where p.task = :task order by p.number",
            ReportingPeriod.class)
        .setParameter("task", task)
        .getResultList();
  }

  private Optional<ReportingPeriod> period(Task task, int number) {
    return em
        .createQuery(
            "select p from ReportingPeriod p where p.task = :task and p.number = :number",
            ReportingPeriod.class)
        .setParameter("task", task)
        .setParameter("number", number)
        .getResultList()
        .stream()
        .findFirst();
  }

  private Task task(String taskCode) {
    // The cycle runs for tasks only: a missing task is a broken invariant, and failing retries the
    // job.
    return tasks
        .byCode(taskCode)
        .orElseThrow(() -> new IllegalStateException("no task " + taskCode + " for its cycle"));
  }
}
