package vn.steerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private static final Duration WINDOW = Duration.ofMinutes(15);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
  private final LoginThrottle throttle = LoginThrottle.of(clock, 10, 100, WINDOW, 10_000);

  @Test
  void anAccountIsThrottledAfterTenFailuresInTheWindowUntilTheOldestLeavesIt() {
    for (int i = 0; i < 9; i++) {
      throttle.failed("sotuphap", "10.0.0." + i);
      clock.advance(Duration.ofSeconds(10));
    }
    assertThat(throttle.retryAfter("sotuphap", "10.0.0.99")).isEmpty();
    throttle.failed("sotuphap", "10.0.0.9");

    // From any address: the account is what is guessed at.
    assertThat(throttle.retryAfter("sotuphap", "192.0.2.1"))
        .contains(WINDOW.minus(Duration.ofSeconds(90)));
    assertThat(throttle.retryAfter("SoTuPhap ", "192.0.2.1")).isPresent();
    assertThat(throttle.retryAfter("congan", "192.0.2.1")).isEmpty();

    clock.advance(WINDOW.minus(Duration.ofSeconds(91)));
    assertThat(throttle.retryAfter("sotuphap", "192.0.2.1")).contains(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    // The first failure left the window: one more attempt may be made.
    assertThat(throttle.retryAfter("sotuphap", "192.0.2.1")).isEmpty();
  }

  @Test
  void anAddressIsThrottledAfterItsOwnHigherLimitOfFailuresOverAnyAccounts() {
    for (int i = 0; i < 99; i++) {
      throttle.failed("user" + i, "203.0.113.7");
    }
    assertThat(throttle.retryAfter("someone-else", "203.0.113.7")).isEmpty();
    throttle.failed("user99", "203.0.113.7");

    assertThat(throttle.retryAfter("someone-else", "203.0.113.7")).contains(WINDOW);
    assertThat(throttle.retryAfter("someone-else", "203.0.113.8")).isEmpty();
    clock.advance(WINDOW);
    assertThat(throttle.retryAfter("someone-else", "203.0.113.7")).isEmpty();
  }

  @Test
  void memoryIsBoundedByForgettingTheKeyThatFailedLeastRecently() {
    LoginThrottle small = LoginThrottle.of(clock, 2, 1_000, WINDOW, 3);
    small.failed("target", "192.0.2.1");
    small.failed("target", "192.0.2.1");
    for (int i = 0; i < 5; i++) {
      small.failed("other" + i, "192.0.2.1");
    }
    assertThat(small.trackedAccounts()).isEqualTo(3);
    assertThat(small.retryAfter("target", "192.0.2.9")).isEmpty();
    assertThat(small.retryAfter("other4", "192.0.2.9")).isEmpty();
    small.failed("other4", "192.0.2.1");
    assertThat(small.retryAfter("other4", "192.0.2.9")).isPresent();
  }

  @Test
  void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
    assertThat(new LoginResult.Throttled(Duration.ofMillis(1500)).retryAfterSeconds()).isEqualTo(2);
    assertThat(new LoginResult.Throttled(Duration.ofSeconds(900)).retryAfterSeconds())
        .isEqualTo(900);
    assertThat(new LoginResult.Throttled(Duration.ofNanos(1)).retryAfterSeconds()).isEqualTo(1);
  }
}
