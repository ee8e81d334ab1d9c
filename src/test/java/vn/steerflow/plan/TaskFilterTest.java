package vn.steerflow.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.FieldError;

class TaskFilterTest {

  @Test
  void withoutParametersTheFirstFiftyByDeadlineAscending() {
    TaskFilter filter =
        TaskFilter.parse(null, null, null, null, null, null, null, null, null, null, null);

    assertThat(filter.sort()).isEqualTo(TaskFilter.Sort.DEADLINE);
    assertThat(filter.descending()).isFalse();
    assertThat(filter.paging().page()).isZero();
    assertThat(filter.paging().size()).isEqualTo(50);
    assertThat(filter.outcomes()).isEmpty();
    assertThat(filter.overdue()).isNull();
  }

  @Test
  void outcomesMayRepeatOrBeCommaSeparatedAndDatesMayArriveWithTheirPlusDecodedToASpace() {
    TaskFilter filter =
        TaskFilter.parse(
            " KH-1 ",
            "STP",
            List.of("on_time,LATE", "OVERDUE"),
            "true",
            "2026-01-01T00:00:00 07:00",
            "2026-12-31T17:00:00Z",
            "  hộ tịch ",
            "2",
            "200",
            "createdAt",
            "desc");

    assertThat(filter.plan()).isEqualTo("KH-1");
    assertThat(filter.outcomes())
        .containsExactlyInAnyOrder(Outcome.ON_TIME, Outcome.LATE, Outcome.OVERDUE);
    assertThat(filter.overdue()).isTrue();
    assertThat(filter.deadlineFrom()).isEqualTo(Instant.parse("2025-12-31T17:00:00Z"));
    assertThat(filter.deadlineTo()).isEqualTo(Instant.parse("2026-12-31T17:00:00Z"));
    assertThat(filter.text()).isEqualTo("hộ tịch");
    assertThat(filter.sort()).isEqualTo(TaskFilter.Sort.CREATED_AT);
    assertThat(filter.descending()).isTrue();
    assertThat(filter.paging().offset()).isEqualTo(400);
  }

  @Test
  void everyParameterAtFaultIsNamedInOneAnswer() {
    ApiException e =
        catchThrowableOfType(
            ApiException.class,
            () ->
                TaskFilter.parse(
                    null,
                    null,
                    List.of("SOON"),
                    "yes",
                    "tomorrow",
                    "2026-01-01T00:00:00Z",
                    "x".repeat(201),
                    "-1",
                    "201",
                    "priority",
                    "up"));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.errors())
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder(
            "outcome", "overdue", "deadlineFrom", "q", "page", "size", "sort", "dir");
  }

  @Test
  void aRangeThatEndsBeforeItStartsIsRefused() {
    ApiException e =
        catchThrowableOfType(
            ApiException.class,
            () ->
                TaskFilter.parse(
                    null,
                    null,
                    null,
                    null,
                    "2026-02-01T00:00:00Z",
                    "2026-01-01T00:00:00Z",
                    null,
                    null,
                    "abc",
                    null,
                    null));

    assertThat(e.errors())
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("deadlineTo", "size");
  }
}
