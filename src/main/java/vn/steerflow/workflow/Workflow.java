package vn.steerflow.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

/**
 * What the features ask of the engine, in their terms: start a task's cycle, find its open steps by
 * form key, complete a step, deliver a message, list the steps a member's groups may act on. Calls
 * join the caller's transaction.
 */
@ApplicationScoped
public class Workflow {

  private ProcessEngine engine;

  Workflow() {
    // for CDI proxies
  }

  @Inject
  Workflow(ProcessEngine engine) {
    this.engine = engine;
  }

  /**
   * Starts the cycle of a task on the latest active version of the process; returns the process
   * instance id. Collections among the variables (the coordinating units) are given to the start
   * only and not stored: storing a Java object would need Java serialization, which is off, and the
   * model reads them where it starts.
   */
  public String start(String processId, String taskCode, Map<String, Object> variables) {
    return start(processId, null, taskCode, variables);
  }

  /**
   * Starts the cycle of a task on the given version of the process, or on its latest active version
   * when {@code version} is null (a suspended version takes no new tasks, so suspending the newest
   * one sends new tasks back to the one before). Throws {@link ModelUnavailableException} when no
   * such version exists or it is suspended.
   */
  public String start(
      String processId, Integer version, String taskCode, Map<String, Object> variables) {
    ProcessVersion definition = startableVersion(processId, version);
    Map<String, Object> startVariables = new HashMap<>();
    variables.forEach(
        (name, value) ->
            startVariables.put(
                name,
                value instanceof Collection<?>
                    ? Variables.objectValue(value, true).create()
                    : value));
    ProcessInstance instance =
        engine
            .getRuntimeService()
            .startProcessInstanceById(definition.definitionId(), taskCode, startVariables);
    return instance.getId();
  }

  /** The version a new task of the process would start on; see {@link #start}. */
  public ProcessVersion startableVersion(String processId, Integer version) {
    ProcessDefinitionQuery query =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(processId);
    if (version == null) {
      return query.active().orderByProcessDefinitionVersion().desc().listPage(0, 1).stream()
          .findFirst()
          .map(Workflow::toVersion)
          .orElseThrow(
              () ->
                  new ModelUnavailableException(
                      "process " + processId + " has no active version: deploy or activate one"));
    }
    ProcessDefinition definition =
        query.processDefinitionVersion(version).list().stream()
            .findFirst()
            .orElseThrow(
                () ->
                    new ModelUnavailableException(
                        "process " + processId + " has no version " + version));
    if (definition.isSuspended()) {
      throw new ModelUnavailableException(
          "version " + version + " of process " + processId + " is suspended: activate it first");
    }
    return toVersion(definition);
  }

  /**
   * Delivers a message of the contract to the task's running cycle, with its variables. False when
   * the cycle is not waiting for that message now (or has ended); nothing is changed then.
   */
  public boolean deliver(String taskCode, String messageName, Map<String, Object> variables) {
    try {
      engine
          .getRuntimeService()
          .createMessageCorrelation(messageName)
          .processInstanceBusinessKey(taskCode)
          .setVariables(variables)
          .correlate();
      return true;
    } catch (MismatchingMessageCorrelationException e) {
      return false;
    }
  }

  /** The task's open steps, oldest first. */
  public List<WorkStep> openSteps(String taskCode) {
    List<Task> tasks =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(taskCode)
            .initializeFormKeys()
            .orderByTaskCreateTime()
            .asc()
            .orderByTaskId()
            .asc()
            .list();
    return tasks.stream().map(t -> toStep(t, taskCode)).toList();
  }

  /** The task's open step with the given form key, if the cycle is waiting at one. */
  public Optional<WorkStep> openStep(String taskCode, String formKey) {
    return openSteps(taskCode).stream().filter(s -> formKey.equals(s.formKey())).findFirst();
  }

  /** The task's open step with the form key offered to the group, if there is one. */
  public Optional<WorkStep> openStep(String taskCode, String formKey, String candidateGroup) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(taskCode)
        .taskCandidateGroup(candidateGroup)
        .initializeFormKeys()
        .orderByTaskCreateTime()
        .asc()
        .orderByTaskId()
        .asc()
        .list()
        .stream()
        .filter(t -> formKey.equals(t.getFormKey()))
        .map(t -> toStep(t, taskCode))
        .findFirst();
  }

  /** Open steps whose candidate groups include one of the given groups, oldest first. */
  public List<WorkStep> stepsFor(Collection<String> groups, int firstResult, int maxResults) {
    if (groups.isEmpty()) {
      return List.of();
    }
    List<Task> tasks =
        engine
            .getTaskService()
            .createTaskQuery()
            .taskCandidateGroupIn(List.copyOf(groups))
            .initializeFormKeys()
            .orderByTaskCreateTime()
            .asc()
            .orderByTaskId()
            .asc()
            .listPage(firstResult, maxResults);
    Set<String> instanceIds =
        tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
    Map<String, String> businessKeys = new HashMap<>();
    if (!instanceIds.isEmpty()) {
      engine
          .getRuntimeService()
          .createProcessInstanceQuery()
          .processInstanceIds(instanceIds)
          .list()
          .forEach(p -> businessKeys.put(p.getId(), p.getBusinessKey()));
    }
    return tasks.stream().map(t -> toStep(t, businessKeys.get(t.getProcessInstanceId()))).toList();
  }

  /** Completes a step with the variables the model's contract expects. */
  public void complete(WorkStep step, Map<String, Object> variables) {
    engine.getTaskService().complete(step.id(), variables);
  }

  /**
   * A process variable of the task's running cycle, or empty when absent or the cycle has ended.
   */
  public Optional<Object> variable(String processInstanceId, String name) {
    boolean running =
        engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .count()
            > 0;
    return running
        ? Optional.ofNullable(engine.getRuntimeService().getVariable(processInstanceId, name))
        : Optional.empty();
  }

  /** Whether the task's cycle still runs. */
  public boolean isRunning(String processInstanceId) {
    return engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .count()
        > 0;
  }

  /** Ends the task's cycle for good, with the reason; its open steps and timers go with it. */
  public void cancel(String processInstanceId, String reason) {
    engine.getRuntimeService().deleteProcessInstance(processInstanceId, reason);
  }

  /**
   * Gives the cycle's report steps to another unit: sets {@link TaskCycleContract.Vars#LEAD_UNIT}
   * for steps yet to come, and moves the open steps offered to the old group to the new one.
   * Returns how many open steps moved.
   */
  public int reassignLeadUnit(String processInstanceId, String oldGroup, String newGroup) {
    return reassignGroup(processInstanceId, TaskCycleContract.Vars.LEAD_UNIT, oldGroup, newGroup);
  }

  /**
   * Moves the cycle's work from one group to another: sets the group variable of the contract for
   * steps yet to come, and moves the open steps offered to the old group to the new one. Returns
   * how many open steps moved.
   */
  public int reassignGroup(
      String processInstanceId, String groupVariable, String oldGroup, String newGroup) {
    engine.getRuntimeService().setVariable(processInstanceId, groupVariable, newGroup);
    return moveOpenSteps(processInstanceId, oldGroup, newGroup);
  }

  /**
   * Offers the instance's open steps that are offered to {@code oldGroup} to {@code newGroup}
   * instead; answers how many moved.
   */
  public int moveOpenSteps(String processInstanceId, String oldGroup, String newGroup) {
    TaskService taskService = engine.getTaskService();
    List<Task> open =
        taskService
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskCandidateGroup(oldGroup)
            .includeAssignedTasks()
            .list();
    for (Task step : open) {
      taskService.deleteCandidateGroup(step.getId(), oldGroup);
      taskService.addCandidateGroup(step.getId(), newGroup);
    }
    return open.size();
  }

  /** The candidate groups of an open step: who may act on it. */
  public Set<String> candidateGroups(String stepId) {
    return engine.getTaskService().getIdentityLinksForTask(stepId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .filter(java.util.Objects::nonNull)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private static ProcessVersion toVersion(ProcessDefinition definition) {
    return new ProcessVersion(definition.getKey(), definition.getVersion(), definition.getId());
  }

  private static WorkStep toStep(Task task, String taskCode) {
    return new WorkStep(
        task.getId(),
        task.getFormKey(),
        task.getName(),
        taskCode,
        task.getCreateTime().toInstant(),
        task.getProcessInstanceId());
  }
}
