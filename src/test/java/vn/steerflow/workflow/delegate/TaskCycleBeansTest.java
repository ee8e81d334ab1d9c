package vn.steerflow.workflow.delegate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.steerflow.workflow.TaskCycleContract.Beans;

class TaskCycleBeansTest {

  private final TaskCycleEvents ignored = new TaskCycleEvents() {
    @Override
    public void unitUrged(String taskCode, int urgeCount) {}

    @Override
    public void taskOverdue(String taskCode) {}
  };

  @Test
  void theAllowlistHoldsExactlyTheContractBeans() {
    Map<String, Object> beans = TaskCycleBeans.allowlist(ignored);

    assertThat(beans).containsOnlyKeys(Beans.URGE_UNIT, Beans.MARK_OVERDUE);
    assertThat(beans.get(Beans.URGE_UNIT)).isInstanceOf(UrgeUnitDelegate.class);
    assertThat(beans.get(Beans.MARK_OVERDUE)).isInstanceOf(MarkOverdueDelegate.class);
  }

  @Test
  void theAllowlistCannotBeExtendedByWhoeverHoldsIt() {
    // the engine keeps the map it is given; nobody should slip another bean in later
    Map<String, Object> beans = TaskCycleBeans.allowlist(ignored);

    assertThatThrownBy(() -> beans.put("runtimeService", new Object())).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void delegatesNeedASink() {
    assertThatThrownBy(() -> TaskCycleBeans.allowlist(null)).isInstanceOf(NullPointerException.class);
  }
}
