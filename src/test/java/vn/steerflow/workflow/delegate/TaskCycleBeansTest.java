package vn.steerflow.workflow.delegate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.steerflow.workflow.TaskCycleContract.Beans;

class TaskCycleBeansTest {

  private final TaskCycleEvents ignored =
      new TaskCycleEvents() {
        @Override
        public void unitUrged(String taskCode, int urgeCount) {}

        @Override
        public void taskOverdue(String taskCode) {}
      };

  private final ReportingPeriodEvents ignoredPeriods =
      new ReportingPeriodEvents() {
        @Override
        public void periodOpened(
            String taskCode, int number, java.time.Instant start, java.time.Instant end) {}

        @Override
        public void periodMissed(String taskCode, int number) {}

        @Override
        public void reportingEnded(String taskCode) {}
      };

  @Test
  void theAllowlistHoldsExactlyTheContractBeans() {
    Map<String, Object> beans = TaskCycleBeans.allowlist(ignored, ignoredPeriods);

    assertThat(beans)
        .containsOnlyKeys(
            Beans.URGE_UNIT,
            Beans.MARK_OVERDUE,
            Beans.OPEN_PERIOD,
            Beans.MARK_PERIOD_MISSED,
            Beans.END_REPORTING);
    assertThat(beans.get(Beans.URGE_UNIT)).isInstanceOf(UrgeUnitDelegate.class);
    assertThat(beans.get(Beans.MARK_OVERDUE)).isInstanceOf(MarkOverdueDelegate.class);
    assertThat(beans.get(Beans.OPEN_PERIOD)).isInstanceOf(OpenPeriodDelegate.class);
    assertThat(beans.get(Beans.MARK_PERIOD_MISSED)).isInstanceOf(MarkPeriodMissedDelegate.class);
    assertThat(beans.get(Beans.END_REPORTING)).isInstanceOf(EndReportingDelegate.class);
  }

  @Test
  void theAllowlistCannotBeExtendedByWhoeverHoldsIt() {
    // the engine keeps the map it is given; nobody should slip another bean in later
    Map<String, Object> beans = TaskCycleBeans.allowlist(ignored, ignoredPeriods);

    assertThatThrownBy(() -> beans.put("runtimeService", new Object()))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void delegatesNeedASink() {
    assertThatThrownBy(() -> TaskCycleBeans.allowlist(null, ignoredPeriods))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> TaskCycleBeans.allowlist(ignored, null))
        .isInstanceOf(NullPointerException.class);
  }
}
