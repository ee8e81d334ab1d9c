package vn.steerflow.workflow;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The contract between steerflow's code and the BPMN models it runs (DESIGN.md §2). Code and tests
 * use these names; models use the same strings. A model that keeps to this contract can change the
 * cycle without a code change.
 *
 * <ul>
 *   <li>One process instance per task; its business key is the task's code.
 *   <li>User tasks are recognised by their {@code camunda:formKey}, never by their activity id.
 *   <li>Candidate groups come from the group variables the code sets when it starts an instance.
 *   <li>Service steps call beans of {@link Beans} only.
 *   <li>Outcomes flow back in the variables below; requests that do not complete a step (an
 *       extension request) arrive as the {@link Messages} below.
 * </ul>
 */
public final class TaskCycleContract {

  /** Process id of the default model, {@code bpmn/task-cycle.bpmn}. */
  public static final String DEFAULT_PROCESS_ID = "task-cycle";

  /**
   * The variables a user task may take its candidate groups from ({@code
   * camunda:candidateGroups="${leadUnit}"}): the code sets each to a group of {@link WorkGroups}.
   */
  public static final Set<String> GROUP_VARIABLES =
      Set.of(
          Vars.LEAD_UNIT,
          Vars.LEAD_UNIT_LEADER_GROUP,
          Vars.SUPERVISOR_GROUP,
          Vars.LEADER_GROUP,
          Vars.COORDINATING_UNIT);

  private TaskCycleContract() {}

  /**
   * The values of the public String constants of one of the nested classes ({@link FormKeys},
   * {@link Vars}, ...): what a model may name.
   */
  public static Set<String> names(Class<?> constants) {
    Set<String> names = new TreeSet<>();
    for (Field field : constants.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isPublic(modifiers)
          && Modifier.isStatic(modifiers)
          && field.getType() == String.class) {
        try {
          names.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Collections.unmodifiableSet(names);
  }

  /** Form keys of the user tasks the code knows how to serve. */
  public static final class FormKeys {
    public static final String REPORT = "steerflow:report";
    public static final String REVIEW = "steerflow:review";
    public static final String DIRECTION = "steerflow:direction";
    public static final String EXTENSION = "steerflow:extension";
    public static final String COORDINATE = "steerflow:coordinate";

    private FormKeys() {}
  }

  /** Process variables, set by code or by the model, with fixed names. */
  public static final class Vars {
    /** Group id of the lead unit: candidate group of report steps. String. */
    public static final String LEAD_UNIT = "leadUnit";

    /**
     * Group id of the supervisors of the standing agency: candidate group of review steps. String.
     */
    public static final String SUPERVISOR_GROUP = "supervisorGroup";

    /** Group id of the committee's leaders: candidate group of direction steps. String. */
    public static final String LEADER_GROUP = "leaderGroup";

    /**
     * Group id of the lead unit's own leaders: candidate group of a review step by the unit itself,
     * before the standing agency's (the two-level review model). String. A contract addition of
     * issue 6: the default model does not use it.
     */
    public static final String LEAD_UNIT_LEADER_GROUP = "leadUnitLeaderGroup";

    /** The task's deadline in force. java.util.Date. */
    public static final String DEADLINE = "deadline";

    /** When to urge the lead unit, before the deadline. java.util.Date. */
    public static final String URGE_AT = "urgeAt";

    /** Id of the report under review. Long. */
    public static final String REPORT_ID = "reportId";

    /** Status of the report under review, one of {@link ReportStatus}. String. */
    public static final String REPORT_STATUS = "reportStatus";

    /** A supervisor's decision on the report, one of {@link Decision}. String. */
    public static final String DECISION = "decision";

    /** The reason for RETURN, or the question for ESCALATE. String. */
    public static final String DECISION_COMMENT = "decisionComment";

    /** A leader's direction in answer to an escalation. String. */
    public static final String DIRECTION = "direction";

    /** Set true by the model when the deadline passed before the task was done. Boolean. */
    public static final String OVERDUE = "overdue";

    /** How many times the unit was urged. Integer. */
    public static final String URGE_COUNT = "urgeCount";

    /**
     * The task's kind, one of {@link TaskKind}: the model takes the one-off or the periodic way.
     * String.
     */
    public static final String TASK_KIND = "taskKind";

    // coordination
    /**
     * Group ids of the coordinating units, one coordinate step each. A java.util.List of String,
     * given at the start only and not stored (stored Java objects would need Java serialization,
     * which is off): a model reads it where the instance starts, in the same transaction.
     */
    public static final String COORDINATING_UNITS = "coordinatingUnits";

    /** The element variable of the coordinate steps: one coordinating unit's group id. String. */
    public static final String COORDINATING_UNIT = "coordinatingUnit";

    // periodic (REGULAR) tasks
    /**
     * How often a REGULAR task reports: MONTHLY, QUARTERLY or an ISO-8601 period (P2W, PT20S).
     * String.
     */
    public static final String REPORTING_PERIOD = "reportingPeriod";

    /** When the first period starts. java.util.Date. */
    public static final String REPORTING_FROM = "reportingFrom";

    /** When reporting ends: the last period ends here. java.util.Date. */
    public static final String REPORTING_UNTIL = "reportingUntil";

    /** Number of the period in hand, from 1; set by bean openPeriod. Integer. */
    public static final String PERIOD_NUMBER = "periodNumber";

    /** Start of the period in hand. java.util.Date. */
    public static final String PERIOD_START = "periodStart";

    /** End of the period in hand: its report is due by then. java.util.Date. */
    public static final String PERIOD_END = "periodEnd";

    /** Whether the period in hand is the last one. Boolean. */
    public static final String LAST_PERIOD = "lastPeriod";

    // extensions
    /** Id of the extension request the supervisors decide on. Long. */
    public static final String EXTENSION_ID = "extensionId";

    /** A supervisor's decision on an extension, one of {@link ExtensionDecision}. String. */
    public static final String EXTENSION_DECISION = "extensionDecision";

    private Vars() {}
  }

  /** Values of {@link Vars#DECISION}. */
  public static final class Decision {
    public static final String APPROVE = "APPROVE";
    public static final String RETURN = "RETURN";
    public static final String ESCALATE = "ESCALATE";

    private Decision() {}
  }

  /** Values of {@link Vars#REPORT_STATUS}. */
  public static final class ReportStatus {
    public static final String DONE = "DONE";
    public static final String IN_PROGRESS = "IN_PROGRESS";

    private ReportStatus() {}
  }

  /** Values of {@link Vars#TASK_KIND}. */
  public static final class TaskKind {
    public static final String ONE_OFF = "ONE_OFF";
    public static final String REGULAR = "REGULAR";

    private TaskKind() {}
  }

  /**
   * Values of {@link Vars#EXTENSION_DECISION}. Completing a step with GRANT also sets {@link
   * Vars#DEADLINE} and {@link Vars#URGE_AT} to the new deadline and urge time, for the model to
   * re-arm its timers with.
   */
  public static final class ExtensionDecision {
    public static final String GRANT = "GRANT";
    public static final String REFUSE = "REFUSE";

    private ExtensionDecision() {}
  }

  /** Messages the code correlates to a task's instance (by business key). */
  public static final class Messages {
    /** The lead unit asked for a new deadline; carries {@link Vars#EXTENSION_ID}. */
    public static final String EXTENSION_REQUESTED = "extensionRequested";

    private Messages() {}
  }

  /**
   * The only beans a model's expressions may name ({@code
   * camunda:delegateExpression="${urgeUnit}"}). The engine is configured with exactly these beans,
   * so any other name fails to resolve.
   */
  public static final class Beans {
    /** Records that the lead unit was urged and notifies it. */
    public static final String URGE_UNIT = "urgeUnit";

    /** Marks the task OVERDUE. */
    public static final String MARK_OVERDUE = "markOverdue";

    /**
     * Opens the next reporting period of a REGULAR task: sets {@link Vars#PERIOD_NUMBER}, {@link
     * Vars#PERIOD_START}, {@link Vars#PERIOD_END}, {@link Vars#LAST_PERIOD} and {@link
     * Vars#URGE_AT}.
     */
    public static final String OPEN_PERIOD = "openPeriod";

    /** Records the period in hand as MISSED: no report by its end. */
    public static final String MARK_PERIOD_MISSED = "markPeriodMissed";

    /** Records that a REGULAR task's reporting ran to its end. */
    public static final String END_REPORTING = "endReporting";

    private Beans() {}
  }
}
