package vn.steerflow.workflow;

/**
 * The contract between steerflow's code and the BPMN models it runs (DESIGN.md §2). Code and tests use
 * these names; models use the same strings. A model that keeps to this contract can change the cycle
 * without a code change.
 *
 * <ul>
 *   <li>One process instance per task; its business key is the task's code.
 *   <li>User tasks are recognised by their {@code camunda:formKey}, never by their activity id.
 *   <li>Candidate groups come from the group variables the code sets when it starts an instance.
 *   <li>Service steps call beans of {@link Beans} only.
 *   <li>Outcomes flow back in the variables below.
 * </ul>
 */
public final class TaskCycleContract {

  /** Process id of the default model, {@code bpmn/task-cycle.bpmn}. */
  public static final String DEFAULT_PROCESS_ID = "task-cycle";

  private TaskCycleContract() {}

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
    /** Group id of the supervisors of the standing agency: candidate group of review steps. String. */
    public static final String SUPERVISOR_GROUP = "supervisorGroup";
    /** Group id of the committee's leaders: candidate group of direction steps. String. */
    public static final String LEADER_GROUP = "leaderGroup";
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

  /**
   * The only beans a model's expressions may name ({@code camunda:delegateExpression="${urgeUnit}"}).
   * The engine is configured with exactly these beans, so any other name fails to resolve.
   */
  public static final class Beans {
    /** Records that the lead unit was urged and notifies it. */
    public static final String URGE_UNIT = "urgeUnit";
    /** Marks the task OVERDUE. */
    public static final String MARK_OVERDUE = "markOverdue";

    private Beans() {}
  }
}
