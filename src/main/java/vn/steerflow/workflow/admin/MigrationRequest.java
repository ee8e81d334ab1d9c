package vn.steerflow.workflow.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Which running task cycles to move, from which model version to which. The definitions are named
 * by id ({@code task-cycle:3:8f2c…}) or by key and version ({@code task-cycle:3}). The instances
 * are chosen one way only: by process instance id, by task code, or all instances of the source.
 * {@code dryRun} is required, so that nothing moves by a forgotten field.
 */
public record MigrationRequest(
    @NotBlank(message = "name the version the instances run on: its id, or key:version")
        @Size(max = 255)
        String source,
    @NotBlank(message = "name the version to move them to: its id, or key:version") @Size(max = 255)
        String target,
    @Size(max = Migrations.MAX_INSTANCES)
        List<@NotBlank(message = "give a process instance id") @Size(max = 64) String>
            processInstanceIds,
    @Size(max = Migrations.MAX_INSTANCES)
        List<@NotBlank(message = "give a task code") @Size(max = 40) String> taskCodes,
    Boolean allInstances,
    @NotNull(message = "say true to see what would move, false to move it") Boolean dryRun) {

  List<String> processInstanceIdsOrEmpty() {
    return processInstanceIds == null ? List.of() : processInstanceIds;
  }

  List<String> taskCodesOrEmpty() {
    return taskCodes == null ? List.of() : taskCodes;
  }

  boolean all() {
    return Boolean.TRUE.equals(allInstances);
  }
}
