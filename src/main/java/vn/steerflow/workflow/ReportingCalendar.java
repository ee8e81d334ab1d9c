package vn.steerflow.workflow;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.TemporalAmount;
import java.util.Locale;
import java.util.Optional;

/**
 * The reporting calendar of tasks: when a REGULAR task's periods start and end, and when a unit is
 * urged before a deadline. Pure arithmetic, shared by the code that assigns tasks and the model's
 * beans, so the two cannot disagree.
 *
 * <p>Period n (from 1) runs from {@code from + (n-1) × period} to {@code from + n × period}, the
 * last one cut at {@code until}. Each end is counted from {@code from}, not from the previous end,
 * so monthly periods from 31 January end on 28 February, 31 March, 30 April: they do not drift.
 * Calendar periods (months, weeks, days) are counted in Vietnam's time zone, where the committees
 * work.
 */
public final class ReportingCalendar {

  /**
   * The zone calendar periods are counted in. Vietnam keeps no summer time, so days are 24 hours.
   */
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  /** How long before a deadline the unit is urged, at most. */
  public static final Duration URGE_BEFORE_DEADLINE = Duration.ofDays(3);

  /** The shortest period accepted; shorter ones would flood the unit with steps. */
  public static final Duration SHORTEST_PERIOD = Duration.ofSeconds(10);

  /** The most periods a task may have. */
  public static final int MOST_PERIODS = 1000;

  private ReportingCalendar() {}

  /**
   * The period named by {@code text}: MONTHLY, QUARTERLY, or a positive ISO-8601 period (P2W, P1M)
   * or duration (PT20S) of at least {@link #SHORTEST_PERIOD}. Empty if it is none of these.
   */
  public static Optional<TemporalAmount> period(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String value = text.strip().toUpperCase(Locale.ROOT);
    try {
      TemporalAmount amount =
          switch (value) {
            case "MONTHLY" -> Period.ofMonths(1);
            case "QUARTERLY" -> Period.ofMonths(3);
            default -> value.contains("T") ? Duration.parse(value) : Period.parse(value);
          };
      return isLongEnough(amount) ? Optional.of(amount) : Optional.empty();
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static boolean isLongEnough(TemporalAmount amount) {
    if (amount instanceof Duration duration) {
      return duration.compareTo(SHORTEST_PERIOD) >= 0;
    }
    Period period = (Period) amount;
    // a period with any negative part is refused, and a zero period has no length
    return !period.isNegative()
        && !period.isZero()
        && period.getYears() >= 0
        && period.getMonths() >= 0
        && period.getDays() >= 0;
  }

  /** Start of period {@code number} (from 1). */
  public static Instant periodStart(Instant from, TemporalAmount period, int number) {
    return plus(from, period, number - 1);
  }

  /**
   * End of period {@code number} (from 1): the next period's start, or {@code until} if that is
   * sooner.
   */
  public static Instant periodEnd(Instant from, TemporalAmount period, Instant until, int number) {
    Instant end = plus(from, period, number);
    return end.isAfter(until) ? until : end;
  }

  /** How many periods fit from {@code from} to {@code until}, the last one possibly short. */
  public static int periodCount(Instant from, TemporalAmount period, Instant until) {
    int count = 1;
    while (plus(from, period, count).isBefore(until)) {
      count++;
      if (count > MOST_PERIODS) {
        return count;
      }
    }
    return count;
  }

  /**
   * When to urge the unit about a deadline: half-way there, but no more than three days before it.
   */
  public static Instant urgeAt(Instant now, Instant deadline) {
    Duration half = Duration.between(now, deadline).dividedBy(2);
    return deadline.minus(half.compareTo(URGE_BEFORE_DEADLINE) < 0 ? half : URGE_BEFORE_DEADLINE);
  }

  private static Instant plus(Instant from, TemporalAmount period, int times) {
    if (period instanceof Duration duration) {
      return from.plus(duration.multipliedBy(times));
    }
    return from.atZone(ZONE).plus(((Period) period).multipliedBy(times)).toInstant();
  }
}
