package vn.steerflow.workflow.admin;

import java.util.List;
import java.util.Map;

/**
 * The answer to a migration request: the two versions, whether it was a dry run, problems of the
 * plan itself (then no instance moves), one entry per instance, a count per status, and how many
 * instances of the source were left out because a request handles at most {@link
 * Migrations#MAX_INSTANCES}.
 */
public record MigrationReport(
    DefinitionView source,
    DefinitionView target,
    boolean dryRun,
    List<String> planProblems,
    List<InstanceMigration> instances,
    Map<MigrationStatus, Long> counts,
    long notIncluded) {}
