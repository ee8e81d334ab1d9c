package vn.steerflow.workflow.admin;

/**
 * A running task cycle moved to another model version: fired inside the engine transaction that
 * moved it, so what observers write (the audit trail) commits or rolls back with the move. Not
 * fired for a dry run.
 *
 * @param businessKey the task's code
 * @param sourceDefinitionId the version it ran on, as the engine's definition id
 * @param targetDefinitionId the version it runs on now
 */
public record TaskCycleMigrated(
    String businessKey,
    String processInstanceId,
    String sourceDefinitionId,
    String targetDefinitionId) {}
