package vn.steerflow.workflow.admin;

import java.util.List;

/**
 * One instance's part of a migration report: the task it belongs to (the business key), what became
 * of it, where its active activities go, and, when it cannot move, why in plain words.
 */
public record InstanceMigration(
    String processInstanceId,
    String taskCode,
    MigrationStatus status,
    List<ActivityMove> moves,
    List<String> problems) {}
