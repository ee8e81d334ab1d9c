package vn.steerflow.security.audit;

import java.util.Set;

/**
 * What an audit entry records. A new state-changing use case adds its action here (and to {@link
 * #ALL}, which the query validates against).
 */
public final class AuditAction {

  // the cycle of a task; the object is the task
  public static final String TASK_ASSIGNED = "TASK_ASSIGNED";
  public static final String TASK_CANCELLED = "TASK_CANCELLED";
  public static final String TASK_REASSIGNED = "TASK_REASSIGNED";

  /** The task's running cycle moved to another model version (an admin's migration). */
  public static final String TASK_MIGRATED = "TASK_MIGRATED";

  public static final String REPORT_SUBMITTED = "REPORT_SUBMITTED";
  public static final String REPORT_REVIEWED = "REPORT_REVIEWED";
  public static final String DIRECTION_GIVEN = "DIRECTION_GIVEN";
  public static final String EXTENSION_REQUESTED = "EXTENSION_REQUESTED";
  public static final String EXTENSION_DECIDED = "EXTENSION_DECIDED";
  public static final String CONTRIBUTION_SUBMITTED = "CONTRIBUTION_SUBMITTED";
  public static final String BOTTLENECK_RAISED = "BOTTLENECK_RAISED";

  /** Taken in hand or resolved (with the answer). */
  public static final String BOTTLENECK_MOVED = "BOTTLENECK_MOVED";

  public static final String BOTTLENECK_RESOLVER_SET = "BOTTLENECK_RESOLVER_SET";

  // plans
  public static final String PLAN_CREATED = "PLAN_CREATED";

  // the organisation
  public static final String UNIT_CREATED = "UNIT_CREATED";
  public static final String UNIT_CHANGED = "UNIT_CHANGED";
  public static final String UNIT_MERGED = "UNIT_MERGED";
  public static final String UNIT_DEACTIVATED = "UNIT_DEACTIVATED";
  public static final String COMMITTEE_CREATED = "COMMITTEE_CREATED";
  public static final String COMMITTEE_CHANGED = "COMMITTEE_CHANGED";
  public static final String COMMITTEE_DEACTIVATED = "COMMITTEE_DEACTIVATED";
  public static final String MEMBER_CREATED = "MEMBER_CREATED";

  /** Name, unit, committee or roles of a member changed; the roles before and after if they did. */
  public static final String MEMBER_CHANGED = "MEMBER_CHANGED";

  public static final String MEMBER_DEACTIVATED = "MEMBER_DEACTIVATED";

  // acting leaders; the object is the substitution
  public static final String SUBSTITUTION_NAMED = "SUBSTITUTION_NAMED";
  public static final String SUBSTITUTION_ENDED = "SUBSTITUTION_ENDED";

  // models
  public static final String MODEL_DEPLOYED = "MODEL_DEPLOYED";

  // logins and passwords; never a password or its hash in the values
  public static final String LOGIN_SUCCEEDED = "LOGIN_SUCCEEDED";
  public static final String LOGIN_FAILED = "LOGIN_FAILED";
  public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";

  /** An admin's reset (a temporary password), or the operator's start-up password for an admin. */
  public static final String PASSWORD_RESET = "PASSWORD_RESET";

  public static final Set<String> ALL =
      Set.of(
          TASK_ASSIGNED,
          TASK_CANCELLED,
          TASK_REASSIGNED,
          TASK_MIGRATED,
          REPORT_SUBMITTED,
          REPORT_REVIEWED,
          DIRECTION_GIVEN,
          EXTENSION_REQUESTED,
          EXTENSION_DECIDED,
          CONTRIBUTION_SUBMITTED,
          BOTTLENECK_RAISED,
          BOTTLENECK_MOVED,
          BOTTLENECK_RESOLVER_SET,
          PLAN_CREATED,
          UNIT_CREATED,
          UNIT_CHANGED,
          UNIT_MERGED,
          UNIT_DEACTIVATED,
          COMMITTEE_CREATED,
          COMMITTEE_CHANGED,
          COMMITTEE_DEACTIVATED,
          MEMBER_CREATED,
          MEMBER_CHANGED,
          MEMBER_DEACTIVATED,
          SUBSTITUTION_NAMED,
          SUBSTITUTION_ENDED,
          MODEL_DEPLOYED,
          LOGIN_SUCCEEDED,
          LOGIN_FAILED,
          PASSWORD_CHANGED,
          PASSWORD_RESET);

  private AuditAction() {}
}
