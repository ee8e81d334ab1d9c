package vn.steerflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outcome's query conditions agree with the outcome the code derives, on the edges too. */
class OutcomeTest {

  private static final Instant DEADLINE = Instant.parse("2026-06-30T10:00:00Z");
  private static final Duration SECOND = Duration.ofSeconds(1);

  @Test
  void exactlyOneConditionHoldsForEveryTaskAndItIsTheDerivedOutcome() {
    List<Instant> moments =
        List.of(
            DEADLINE.minus(Duration.ofDays(1)),
            DEADLINE.minus(SECOND),
            DEADLINE,
            DEADLINE.plus(SECOND),
            DEADLINE.plus(Duration.ofDays(1)));
    int checked = 0;
    for (TaskStatus status : TaskStatus.values()) {
      for (Instant now : moments) {
        // Only a done task has a completion time.
        for (Instant completedAt :
            status == TaskStatus.DONE ? moments : Collections.<Instant>singletonList(null)) {
          Outcome derived = Outcome.of(status, DEADLINE, completedAt, now);
          List<Outcome> holding =
              Arrays.stream(Outcome.values())
                  .filter(o -> o.condition().holds(status, DEADLINE, completedAt, now))
                  .toList();
          assertThat(holding)
              .as("%s, completed %s, now %s", status, completedAt, now)
              .containsExactly(derived);
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(5 * 5 + 5 + 5);
  }

  @Test
  void aTaskDoneExactlyAtTheDeadlineIsOnTimeAndOneOpenAtTheDeadlineIsNotYetOverdue() {
    assertThat(Outcome.of(TaskStatus.DONE, DEADLINE, DEADLINE, DEADLINE.plus(SECOND)))
        .isEqualTo(Outcome.ON_TIME);
    assertThat(Outcome.of(TaskStatus.OPEN, DEADLINE, null, DEADLINE))
        .isEqualTo(Outcome.IN_PROGRESS);
    assertThat(Outcome.of(TaskStatus.OPEN, DEADLINE, null, DEADLINE.plus(SECOND)))
        .isEqualTo(Outcome.OVERDUE);
  }

  @Test
  void theConditionsReadAsJpqlOnTheTaskWithTheirParameters() {
    Outcome.Condition overdue = Outcome.OVERDUE.condition();
    assertThat(overdue.jpql("t"))
        .isEqualTo("(t.status = :outcomeStatus2 and t.deadline < :outcomeNow)");
    assertThat(overdue.parameters(DEADLINE))
        .containsEntry("outcomeStatus2", TaskStatus.OPEN)
        .containsEntry("outcomeNow", DEADLINE);
    assertThat(Outcome.LATE.condition().jpql("t"))
        .isEqualTo("(t.status = :outcomeStatus1 and t.completedAt > t.deadline)");
    assertThat(Outcome.LATE.condition().parameters(DEADLINE)).containsOnlyKeys("outcomeStatus1");
    assertThat(Outcome.CANCELLED.condition().jpql("t")).isEqualTo("(t.status = :outcomeStatus4)");
  }
}
