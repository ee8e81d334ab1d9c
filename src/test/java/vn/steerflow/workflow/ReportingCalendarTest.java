package vn.steerflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.temporal.TemporalAmount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportingCalendarTest {

  /** 31 January, 09:00 in Vietnam. */
  private static final Instant FROM = Instant.parse("2026-01-31T02:00:00Z");

  @Test
  void monthlyPeriodsAreCountedFromTheStartAndDoNotDriftAfterAShortMonth() {
    TemporalAmount monthly = ReportingCalendar.period("MONTHLY").orElseThrow();
    Instant until = Instant.parse("2026-12-31T00:00:00Z");

    assertThat(ReportingCalendar.periodEnd(FROM, monthly, until, 1))
        .isEqualTo(Instant.parse("2026-02-28T02:00:00Z"));
    // the second period ends on 31 March, not 28 March: each end counts from the start
    assertThat(ReportingCalendar.periodStart(FROM, monthly, 2))
        .isEqualTo(Instant.parse("2026-02-28T02:00:00Z"));
    assertThat(ReportingCalendar.periodEnd(FROM, monthly, until, 2))
        .isEqualTo(Instant.parse("2026-03-31T02:00:00Z"));
    assertThat(ReportingCalendar.periodEnd(FROM, monthly, until, 3))
        .isEqualTo(Instant.parse("2026-04-30T02:00:00Z"));
  }

  @Test
  void theLastPeriodIsCutAtTheEndOfReporting() {
    TemporalAmount quarterly = ReportingCalendar.period("quarterly").orElseThrow();
    Instant until = Instant.parse("2026-06-15T10:00:00Z");

    assertThat(ReportingCalendar.periodCount(FROM, quarterly, until)).isEqualTo(2);
    assertThat(ReportingCalendar.periodEnd(FROM, quarterly, until, 1))
        .isEqualTo(Instant.parse("2026-04-30T02:00:00Z"));
    assertThat(ReportingCalendar.periodEnd(FROM, quarterly, until, 2)).isEqualTo(until);
  }

  @Test
  void isoPeriodsAndDurationsAreAccepted() {
    assertThat(ReportingCalendar.period("P2W")).contains(Period.ofWeeks(2));
    assertThat(ReportingCalendar.period(" p1m ")).contains(Period.ofMonths(1));
    assertThat(ReportingCalendar.period("PT20S")).contains(Duration.ofSeconds(20));
    assertThat(ReportingCalendar.period("P1DT12H")).contains(Duration.ofHours(36));
    assertThat(ReportingCalendar.periodCount(FROM, Duration.ofSeconds(20), FROM.plusSeconds(60)))
        .isEqualTo(3);
    assertThat(ReportingCalendar.periodCount(FROM, Duration.ofSeconds(20), FROM.plusSeconds(61)))
        .isEqualTo(4);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "WEEKLY-ISH",
        "P",
        "P0D",
        "P-1M",
        "PT0S",
        "PT9S",
        "PT-20S",
        "1M",
        "P1.5M",
        "R3/PT20S"
      })
  void anythingElseIsNoPeriod(String text) {
    assertThat(ReportingCalendar.period(text)).isEmpty();
  }

  @Test
  void theUnitIsUrgedHalfWayButAtMostThreeDaysBeforeTheDeadline() {
    Instant now = Instant.parse("2026-03-01T00:00:00Z");
    assertThat(ReportingCalendar.urgeAt(now, now.plus(Duration.ofDays(30))))
        .isEqualTo(now.plus(Duration.ofDays(27)));
    assertThat(ReportingCalendar.urgeAt(now, now.plus(Duration.ofDays(2))))
        .isEqualTo(now.plus(Duration.ofDays(1)));
    assertThat(ReportingCalendar.urgeAt(now, now.plusSeconds(20))).isEqualTo(now.plusSeconds(10));
  }
}
