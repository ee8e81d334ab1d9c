package vn.steerflow.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A row of the coordinating units' join table, for queries only: {@link Task#getCoordinatingUnits}
 * writes the table, nothing persists or changes this entity (no setters; EclipseLink wants its
 * primary key columns writable all the same). Listings ask "does this unit coordinate task t?" as a
 * correlated subquery on this one table, which Derby answers with a probe of its primary key (task,
 * unit). The same question through {@code t.coordinatingUnits} joins SF_TASK and SF_UNIT into the
 * subquery, and Derby then builds a hash table of all tasks for every task it filters: 40 s instead
 * of 10 ms for an officer's listing on 10,000 tasks (docs/benchmark-derby.md).
 */
@Entity
@Table(name = "SF_TASK_COORDINATOR")
@IdClass(TaskCoordination.Key.class)
public class TaskCoordination {

  @Id
  @Column(name = "TASK_ID")
  private Long taskId;

  @Id
  @Column(name = "UNIT_ID")
  private Long unitId;

  protected TaskCoordination() {}

  public Long getTaskId() {
    return taskId;
  }

  public Long getUnitId() {
    return unitId;
  }

  /** The primary key: task and unit. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long taskId;
    private Long unitId;

    public Key() {}

    public Key(Long taskId, Long unitId) {
      this.taskId = taskId;
      this.unitId = unitId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(taskId, key.taskId)
          && Objects.equals(unitId, key.unitId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(taskId, unitId);
    }
  }
}
