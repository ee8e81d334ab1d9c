package vn.steerflow.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.steerflow.plan.Task;
import vn.steerflow.plan.Tasks;
import vn.steerflow.security.Caller;
import vn.steerflow.workflow.TaskCycleContract.FormKeys;
import vn.steerflow.workflow.TaskCycleContract.Vars;
import vn.steerflow.workflow.WorkStep;
import vn.steerflow.workflow.Workflow;

/**
 * Lists the caller's actionable work: only steps offered to the caller's unit or committee role.
 */
@ApplicationScoped
public class Inbox {

  @Inject private Workflow workflow;

  @Inject private Tasks tasks;

  @Transactional
  public List<WorkItem> workOf(Caller caller, int page, int size) {
    long first = (long) page * size;
    if (first > Integer.MAX_VALUE) {
      // page × size would overflow into a negative offset; no work list is that long, so the page
      // is empty.
      return List.of();
    }
    List<WorkStep> steps = workflow.stepsFor(caller.workGroups(), (int) first, size);
    Map<String, Task> byCode =
        tasks.byCodes(steps.stream().map(WorkStep::taskCode).collect(Collectors.toSet())).stream()
            .collect(Collectors.toMap(Task::getCode, Function.identity()));
    return steps.stream()
        .filter(s -> byCode.containsKey(s.taskCode()))
        .map(
            s -> {
              Task task = byCode.get(s.taskCode());
              Long reportId =
                  FormKeys.REVIEW.equals(s.formKey())
                      ? (Long) workflow.variable(s.processInstanceId(), Vars.REPORT_ID).orElse(null)
                      : null;
              Long extensionId =
                  FormKeys.EXTENSION.equals(s.formKey())
                      ? (Long)
                          workflow.variable(s.processInstanceId(), Vars.EXTENSION_ID).orElse(null)
                      : null;
              return new WorkItem(
                  s.id(),
                  s.formKey(),
                  s.name(),
                  task.getCode(),
                  task.getTitle(),
                  task.getDeadline().atOffset(ZoneOffset.UTC),
                  s.since().atOffset(ZoneOffset.UTC),
                  reportId,
                  extensionId);
            })
        .toList();
  }
}
