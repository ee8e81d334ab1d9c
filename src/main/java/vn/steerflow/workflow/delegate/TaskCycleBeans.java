package vn.steerflow.workflow.delegate;

import java.util.Map;
import vn.steerflow.workflow.TaskCycleContract.Beans;

/**
 * The beans a task-cycle model may name. Give this map to the engine configuration's {@code
 * setBeans(...)}: the engine then resolves these names and no other bean, so a model uploaded by an
 * admin cannot call into the rest of the server.
 */
public final class TaskCycleBeans {

  private TaskCycleBeans() {}

  /** Exactly the beans of {@link Beans}, keyed by their names, wired to the sinks. Unmodifiable. */
  public static Map<String, Object> allowlist(
      TaskCycleEvents events, ReportingPeriodEvents periodEvents) {
    return Map.of(
        Beans.URGE_UNIT, new UrgeUnitDelegate(events),
        Beans.MARK_OVERDUE, new MarkOverdueDelegate(events),
        Beans.OPEN_PERIOD, new OpenPeriodDelegate(periodEvents),
        Beans.MARK_PERIOD_MISSED, new MarkPeriodMissedDelegate(periodEvents),
        Beans.END_REPORTING, new EndReportingDelegate(periodEvents));
  }
}
