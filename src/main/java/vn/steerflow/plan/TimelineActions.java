package vn.steerflow.plan;

/** The actions a timeline records. */
public final class TimelineActions {
  public static final String ASSIGNED = "ASSIGNED";
  public static final String REPORTED = "REPORTED";
  public static final String APPROVED = "APPROVED";
  public static final String RETURNED = "RETURNED";
  public static final String ESCALATED = "ESCALATED";
  public static final String DIRECTED = "DIRECTED";
  public static final String URGED = "URGED";
  public static final String OVERDUE = "OVERDUE";
  public static final String COMPLETED = "COMPLETED";
  public static final String CONTRIBUTED = "CONTRIBUTED";
  public static final String EXTENSION_REQUESTED = "EXTENSION_REQUESTED";
  public static final String EXTENSION_GRANTED = "EXTENSION_GRANTED";
  public static final String EXTENSION_REFUSED = "EXTENSION_REFUSED";
  public static final String EXTENSION_WITHDRAWN = "EXTENSION_WITHDRAWN";
  public static final String PERIOD_OPENED = "PERIOD_OPENED";
  public static final String PERIOD_MISSED = "PERIOD_MISSED";
  public static final String REPORTING_ENDED = "REPORTING_ENDED";
  public static final String CANCELLED = "CANCELLED";
  public static final String REASSIGNED = "REASSIGNED";
  public static final String NOT_TRANSFERRED = "NOT_TRANSFERRED";
  public static final String BOTTLENECK_RAISED = "BOTTLENECK_RAISED";
  public static final String BOTTLENECK_REPEATED = "BOTTLENECK_REPEATED";
  public static final String BOTTLENECK_RESOLVER_SET = "BOTTLENECK_RESOLVER_SET";
  public static final String BOTTLENECK_IN_HAND = "BOTTLENECK_IN_HAND";
  public static final String BOTTLENECK_RESOLVED = "BOTTLENECK_RESOLVED";

  /** The actor of steps the engine takes on its own (timers). */
  public static final String SYSTEM_ACTOR = "system";

  private TimelineActions() {}
}
