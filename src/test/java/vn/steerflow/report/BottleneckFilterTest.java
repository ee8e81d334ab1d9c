package vn.steerflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.FieldError;

/** Parsing a bottleneck listing's query, and the age condition the query uses. */
class BottleneckFilterTest {

  private static BottleneckFilter parse(
      List<String> state, String minAgeDays, String size, String sort, String dir) {
    return BottleneckFilter.parse(
        " BCD-LC ", state, "STP", "leaders", "NV-1", minAgeDays, null, size, sort, dir);
  }

  @Test
  void statesAreReadRepeatedOrCommaSeparatedInAnyCaseAndTheRestKeptAsGiven() {
    BottleneckFilter filter = parse(List.of("open, in_hand", "OPEN"), "7", null, "task", "desc");

    assertThat(filter.states()).containsExactly(BottleneckState.OPEN, BottleneckState.IN_HAND);
    assertThat(filter.committee()).isEqualTo("BCD-LC");
    assertThat(filter.resolver()).isEqualTo("leaders");
    assertThat(filter.minAgeDays()).isEqualTo(7);
    assertThat(filter.sort()).isEqualTo(BottleneckFilter.Sort.TASK);
    assertThat(filter.descending()).isTrue();
    assertThat(filter.paging().size()).isEqualTo(50);
  }

  @Test
  void byDefaultTheOldestComeFirstAndNothingIsFiltered() {
    BottleneckFilter filter =
        BottleneckFilter.parse(null, null, null, null, null, null, null, null, null, null);

    assertThat(filter.sort()).isEqualTo(BottleneckFilter.Sort.RAISED_AT);
    assertThat(filter.descending()).isFalse();
    assertThat(filter.states()).isEmpty();
    assertThat(filter.minAgeDays()).isNull();
  }

  @Test
  void everyParameterAtFaultIsNamedInOneRefusal() {
    ApiException refused =
        catchThrowableOfType(
            () -> parse(List.of("OPEN,CLOSED"), "-1", "500", "age", "up"), ApiException.class);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errors())
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("state", "minAgeDays", "size", "sort", "dir");
    assertThat(refused.errors())
        .filteredOn(e -> e.field().equals("state"))
        .extracting(FieldError::message)
        .containsExactly("one of [OPEN, IN_HAND, RESOLVED], not 'CLOSED'");
    assertThat(
            catchThrowableOfType(() -> parse(null, "a week", null, null, null), ApiException.class)
                .errors())
        .extracting(FieldError::field)
        .containsExactly("minAgeDays");
  }

  @Test
  void raisedBeforeIsTheStartOfTheRightDayInVietnam() {
    Instant noonInHanoiOnTheTenth = Instant.parse("2026-03-10T05:00:00Z");

    // at least 0 days: everything raised before tomorrow (Vietnam) began
    assertThat(BottleneckFilter.raisedBefore(noonInHanoiOnTheTenth, 0))
        .isEqualTo(Instant.parse("2026-03-10T17:00:00Z"));
    // at least 1 day: raised before today began, i.e. yesterday or earlier
    assertThat(BottleneckFilter.raisedBefore(noonInHanoiOnTheTenth, 1))
        .isEqualTo(Instant.parse("2026-03-09T17:00:00Z"));
    assertThat(BottleneckFilter.raisedBefore(noonInHanoiOnTheTenth, 10))
        .isEqualTo(Instant.parse("2026-02-28T17:00:00Z"));
  }

  /** The query's condition agrees with the age the API shows, hour by hour over three weeks. */
  @Test
  void theAgeConditionOfTheQueryAgreesWithTheAgeShown() {
    Instant now = Instant.parse("2026-03-21T16:45:00Z"); // 23:45 in Vietnam
    for (int minAge = 0; minAge <= 20; minAge++) {
      Instant before = BottleneckFilter.raisedBefore(now, minAge);
      for (int hours = 0; hours <= 21 * 24; hours++) {
        Instant raised = now.minusSeconds(hours * 3600L);
        assertThat(raised.isBefore(before))
            .as("raised %s, now %s, at least %d days", raised, now, minAge)
            .isEqualTo(Bottleneck.daysBetween(raised, now) >= minAge);
      }
    }
  }
}
