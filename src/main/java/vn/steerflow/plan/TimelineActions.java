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

  /** The actor of steps the engine takes on its own (timers). */
  public static final String SYSTEM_ACTOR = "system";

  private TimelineActions() {}
}
