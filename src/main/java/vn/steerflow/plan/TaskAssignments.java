package vn.steerflow.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.FieldError;
import vn.steerflow.api.RequestValidation;
import vn.steerflow.committee.Committee;
import vn.steerflow.committee.Unit;
import vn.steerflow.security.Caller;
import vn.steerflow.security.audit.AuditAction;
import vn.steerflow.security.audit.AuditObject;
import vn.steerflow.security.audit.AuditTrail;
import vn.steerflow.workflow.ModelUnavailableException;
import vn.steerflow.workflow.ProcessVersion;
import vn.steerflow.workflow.ReportingCalendar;
import vn.steerflow.workflow.TaskCycleContract;
import vn.steerflow.workflow.TaskCycleContract.Vars;
import vn.steerflow.workflow.WorkGroups;
import vn.steerflow.workflow.Workflow;

/**
 * Assigning a task: checks the five clears against the organisation, saves the task and starts its
 * cycle in one transaction, so there is never a task without a cycle or a cycle without a task.
 *
 * <p>Order of checks: the caller supervises or leads a committee (else 403), the request is
 * well-formed (else 400), the committee it names is the caller's (else 403), the five clears hold
 * (else 400). Who may not assign for the committee learns nothing of what else is wrong.
 */
@ApplicationScoped
public class TaskAssignments {

  @PersistenceContext private EntityManager em;

  @Inject private Workflow workflow;

  @Inject private Tasks tasks;

  @Inject private Plans plans;

  @Inject private AuditTrail audit;

  @Inject private RequestValidation validation;

  @Transactional
  public Task assign(Assignment request, Caller caller) {
    if (!caller.supervisesOrLeadsACommittee()) {
      throw ApiException.forbidden("Only a committee's supervisors and leaders assign its tasks.");
    }
    request = validation.check(request, "assignment");
    Optional<Committee> committee = committee(request.committee());
    if (committee.isPresent()
        && !caller.supervises(committee.get().getId())
        && !caller.leads(committee.get().getId())) {
      throw ApiException.forbidden(
          "Only the supervisors and leaders of committee "
              + committee.get().getCode()
              + " assign its tasks.");
    }
    List<FieldError> errors = new ArrayList<>();
    Optional<Unit> lead = unit(request.leadUnit());
    if (lead.isEmpty()) {
      errors.add(
          new FieldError("leadUnit", "no active unit has code '" + request.leadUnit() + "'"));
    }
    if (committee.isEmpty()) {
      errors.add(
          new FieldError(
              "committee", "no active committee has code '" + request.committee() + "'"));
    }
    Optional<Plan> plan = Optional.empty();
    if (request.plan() != null) {
      plan = plans.byReference(request.plan());
      if (plan.isEmpty()) {
        errors.add(new FieldError("plan", "no plan has id or code '" + request.plan() + "'"));
      } else if (committee.isPresent()
          && !plan.get().getCommittee().getId().equals(committee.get().getId())) {
        errors.add(
            new FieldError(
                "plan",
                "plan "
                    + plan.get().getCode()
                    + " is committee "
                    + plan.get().getCommittee().getCode()
                    + "'s; its tasks are supervised by that committee"));
      }
    }
    if (request.kindOrDefault() == TaskKind.REGULAR
        && request.reportingUntil() == null
        && plan.isPresent()) {
      Optional<OffsetDateTime> planEnd = endOfPlan(plan.get());
      if (planEnd.isEmpty()) {
        errors.add(
            new FieldError(
                "reportingUntil",
                "clear time: plan "
                    + plan.get().getCode()
                    + " has no end date, so give the end of reporting"));
      } else {
        request = request.withReportingUntil(planEnd.get());
      }
    }
    Set<Unit> coordinating = new LinkedHashSet<>();
    for (String code : request.coordinatingUnitsOrEmpty()) {
      Optional<Unit> unit = unit(code);
      if (unit.isEmpty()) {
        errors.add(new FieldError("coordinatingUnits", "no active unit has code '" + code + "'"));
      } else if (lead.isPresent() && unit.get().getId().equals(lead.get().getId())) {
        errors.add(
            new FieldError(
                "coordinatingUnits", "the lead unit '" + code + "' cannot also coordinate"));
      } else {
        coordinating.add(unit.get());
      }
    }
    Instant now = Instant.now();
    if (request.deadline() != null && !request.deadline().toInstant().isAfter(now)) {
      errors.add(new FieldError("deadline", "clear time: the deadline must be in the future"));
    }
    if (request.kindOrDefault() == TaskKind.REGULAR && request.reportingUntil() != null) {
      errors.addAll(reportingErrors(request, now));
    }
    errors.addAll(indicatorErrors(request.indicatorsOrEmpty()));
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(
          "The assignment does not hold by the five clears: fix the fields listed.", errors);
    }

    String processKey = plan.map(Plan::getModelKey).orElse(TaskCycleContract.DEFAULT_PROCESS_ID);
    Integer processVersion = plan.map(Plan::getModelVersion).orElse(null);
    ProcessVersion model;
    try {
      model = workflow.startableVersion(processKey, processVersion);
    } catch (ModelUnavailableException e) {
      throw ApiException.conflict(
          plan.map(p -> "Plan " + p.getCode() + " runs its tasks on a model that cannot start: ")
                  .orElse("The default model cannot start: ")
              + e.getMessage()
              + ".");
    }

    Task task =
        new Task(
            request,
            lead.get(),
            committee.get(),
            coordinating,
            plan.orElse(null),
            caller.username(),
            now);
    em.persist(task);
    // The sequence gives the id at persist time, so the code goes into the same INSERT.
    task.assignCode("NV-" + now.atZone(ZoneOffset.UTC).getYear() + "-" + task.getId());
    // recorded before the cycle starts: a REGULAR task's first period opens inside the start
    tasks.record(
        task,
        caller.username(),
        TimelineActions.ASSIGNED,
        "Lead unit "
            + task.getLeadUnit().getCode()
            + (task.getKind() == TaskKind.REGULAR
                ? ", reporting " + task.getReportingPeriod() + " until " + task.getReportingUntil()
                : ", deadline " + task.getDeadline())
            + "; model "
            + model.key()
            + " version "
            + model.version());
    task.cycleStarted(
        workflow.start(model.key(), model.version(), task.getCode(), cycleVariables(task, now)));
    audit.record(
        AuditAction.TASK_ASSIGNED,
        AuditObject.TASK,
        task.getCode(),
        null,
        AuditedFields.task(task));
    return task;
  }

  /**
   * A REGULAR task in a plan reports until the plan ends: the end of the plan's last day in the
   * province's time.
   */
  static Optional<OffsetDateTime> endOfPlan(Plan plan) {
    return Optional.ofNullable(plan.getPeriodEnd())
        .map(last -> last.plusDays(1).atStartOfDay(ReportingCalendar.ZONE).toOffsetDateTime());
  }

  /** The end of reporting must leave room for at least one period, and not for too many. */
  private static List<FieldError> reportingErrors(Assignment request, Instant now) {
    Instant until = request.reportingUntil().toInstant();
    if (!until.isAfter(now)) {
      return List.of(
          new FieldError(
              "reportingUntil", "clear time: the end of reporting must be in the future"));
    }
    return ReportingCalendar.period(request.reportingPeriod())
        .filter(
            period ->
                ReportingCalendar.periodCount(now, period, until) > ReportingCalendar.MOST_PERIODS)
        .map(
            period ->
                List.of(
                    new FieldError(
                        "reportingPeriod",
                        "more than "
                            + ReportingCalendar.MOST_PERIODS
                            + " periods before reportingUntil: choose a longer period")))
        .orElse(List.of());
  }

  /**
   * What Task would refuse in its indicators, named per field: a target that cannot be measured
   * against its baseline, a name an earlier indicator of the task already has.
   */
  static List<FieldError> indicatorErrors(List<IndicatorRequest> indicators) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, Integer> firstByName = new HashMap<>();
    for (int i = 0; i < indicators.size(); i++) {
      IndicatorRequest indicator = indicators.get(i);
      if (indicator == null) {
        continue; // named by the request's own validation
      }
      if (indicator.name() != null && !indicator.name().isBlank()) {
        Integer first = firstByName.putIfAbsent(Indicator.key(indicator.name()), i);
        if (first != null) {
          errors.add(
              new FieldError(
                  "indicators[" + i + "].name",
                  "indicators["
                      + first
                      + "] already has this name: names are unique within a task (case and spacing"
                      + " aside)"));
        }
      }
      if (indicator.target() != null && indicator.direction() != null) {
        final int index = i;
        Attainment.targetProblem(indicator.direction(), indicator.target(), indicator.baseline())
            .ifPresent(
                problem -> errors.add(new FieldError("indicators[" + index + "].target", problem)));
      }
    }
    return errors;
  }

  /**
   * The variables the cycle starts with (TaskCycleContract.Vars); periods start at the assignment.
   */
  static Map<String, Object> cycleVariables(Task task, Instant now) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(
        Vars.TASK_KIND,
        task.getKind() == TaskKind.REGULAR
            ? TaskCycleContract.TaskKind.REGULAR
            : TaskCycleContract.TaskKind.ONE_OFF);
    variables.put(Vars.LEAD_UNIT, WorkGroups.unit(task.getLeadUnit().getCode()));
    variables.put(
        Vars.LEAD_UNIT_LEADER_GROUP, WorkGroups.unitLeaders(task.getLeadUnit().getCode()));
    variables.put(Vars.SUPERVISOR_GROUP, WorkGroups.supervisors(task.getCommittee().getCode()));
    variables.put(Vars.LEADER_GROUP, WorkGroups.leaders(task.getCommittee().getCode()));
    variables.put(
        Vars.COORDINATING_UNITS,
        task.getCoordinatingUnits().stream()
            .map(Unit::getCode)
            .sorted()
            .map(WorkGroups::unit)
            .collect(Collectors.toCollection(ArrayList::new)));
    variables.put(Vars.DEADLINE, Date.from(task.getDeadline()));
    if (task.getKind() == TaskKind.REGULAR) {
      variables.put(Vars.REPORTING_PERIOD, task.getReportingPeriod());
      variables.put(Vars.REPORTING_FROM, Date.from(now));
      variables.put(Vars.REPORTING_UNTIL, Date.from(task.getReportingUntil()));
    } else {
      variables.put(Vars.URGE_AT, Date.from(ReportingCalendar.urgeAt(now, task.getDeadline())));
    }
    return variables;
  }

  private Optional<Unit> unit(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return em
        .createQuery("select u from Unit u where u.code = :code and u.active = true", Unit.class)
        .setParameter("code", code.strip())
        .getResultList()
        .stream()
        .findFirst();
  }

  private Optional<Committee> committee(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return em
        .createQuery(
            "select c from Committee c where c.code = :code and c.active = true", Committee.class)
        .setParameter("code", code.strip())
        .getResultList()
        .stream()
        .findFirst();
  }
}
