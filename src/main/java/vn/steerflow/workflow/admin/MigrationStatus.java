package vn.steerflow.workflow.admin;

/** What became of one instance in a migration request. */
public enum MigrationStatus {
  /** Dry run: the instance can move; nothing was changed. */
  WOULD_MIGRATE,
  /** The instance now runs on the target version. */
  MIGRATED,
  /** The plan cannot place the instance in the target; it stays on the source version. */
  NOT_MIGRATABLE,
  /** The migration failed for another reason (a concurrent change, say); nothing was changed. */
  FAILED
}
