package vn.steerflow.security.audit;

import java.util.Set;

/**
 * The kinds of object an audit entry is about, with how each is identified: a task by its code
 * (every step of its cycle is recorded on the task), a plan, unit or committee by its code, a
 * member by username, a substitution (acting leader) by its id, a model deployment by the engine's
 * deployment id.
 */
public final class AuditObject {

  public static final String TASK = "TASK";
  public static final String PLAN = "PLAN";
  public static final String UNIT = "UNIT";
  public static final String COMMITTEE = "COMMITTEE";
  public static final String MEMBER = "MEMBER";
  public static final String SUBSTITUTION = "SUBSTITUTION";
  public static final String DEPLOYMENT = "DEPLOYMENT";

  public static final Set<String> ALL =
      Set.of(TASK, PLAN, UNIT, COMMITTEE, MEMBER, SUBSTITUTION, DEPLOYMENT);

  private AuditObject() {}
}
