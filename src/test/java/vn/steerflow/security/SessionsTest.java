package vn.steerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T01:00:00Z"));
  private final Sessions sessions =
      Sessions.of(clock, Duration.ofMinutes(30), Duration.ofHours(8), 10_000);

  @Test
  void eachSessionHasItsOwnRandomIdAndCsrfToken() {
    Session first = sessions.open("sotuphap", "stamp");
    Session second = sessions.open("sotuphap", "stamp");

    assertThat(first.id()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(second.id());
    assertThat(first.csrfToken())
        .matches("[A-Za-z0-9_-]{43}")
        .isNotEqualTo(first.id())
        .isNotEqualTo(second.csrfToken());
    assertThat(sessions.find(first.id())).containsSame(first);
    assertThat(sessions.find("made-up")).isEmpty();
    assertThat(sessions.find(null)).isEmpty();
  }

  @Test
  void aSessionEndsAfterThirtyIdleMinutes() {
    Session session = sessions.open("sotuphap", "stamp");
    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.find(session.id())).isPresent();
    // Use restarts the idle time.
    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.find(session.id())).isPresent();
    clock.advance(Duration.ofMinutes(30));
    assertThat(sessions.find(session.id())).isEmpty();
    assertThat(sessions.size()).isZero();
  }

  @Test
  void aSessionEndsAfterEightHoursHoweverBusy() {
    Session session = sessions.open("sotuphap", "stamp");
    for (int i = 0; i < 23; i++) {
      clock.advance(Duration.ofMinutes(20));
      assertThat(sessions.find(session.id())).as("after %d minutes", (i + 1) * 20).isPresent();
    }
    clock.advance(Duration.ofMinutes(20));
    assertThat(sessions.find(session.id())).isEmpty();
    assertThat(sessions.absoluteEnd(session)).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
  }

  @Test
  void aClosedSessionIsGone() {
    Session session = sessions.open("sotuphap", "stamp");
    sessions.close(session);
    assertThat(sessions.find(session.id())).isEmpty();
  }

  @Test
  void whenFullTheLeastRecentlyUsedSessionMakesRoom() {
    Sessions two = Sessions.of(clock, Duration.ofMinutes(30), Duration.ofHours(8), 2);
    Session older = two.open("a", "s");
    clock.advance(Duration.ofMinutes(1));
    Session newer = two.open("b", "s");
    clock.advance(Duration.ofMinutes(1));
    two.find(older.id());
    clock.advance(Duration.ofMinutes(1));
    Session third = two.open("c", "s");

    assertThat(two.size()).isEqualTo(2);
    assertThat(two.find(newer.id())).isEmpty();
    assertThat(two.find(older.id())).isPresent();
    assertThat(two.find(third.id())).isPresent();
  }

  @Test
  void theCsrfTokenMustMatchExactly() {
    Session session = sessions.open("sotuphap", "stamp");
    assertThat(session.csrfMatches(session.csrfToken())).isTrue();
    assertThat(session.csrfMatches(null)).isFalse();
    assertThat(session.csrfMatches("")).isFalse();
    assertThat(session.csrfMatches(session.csrfToken().substring(1))).isFalse();
    assertThat(session.csrfMatches(session.id())).isFalse();
  }

  @Test
  void theCookieIsHttpOnlyAndSameSiteStrictAndOverTlsSecureWithTheHostPrefix() {
    assertThat(SessionCookie.issue("abc", false))
        .isEqualTo("sf_session=abc; Path=/; HttpOnly; SameSite=Strict");
    assertThat(SessionCookie.issue("abc", true))
        .isEqualTo("__Host-sf_session=abc; Path=/; HttpOnly; SameSite=Strict; Secure");
    assertThat(SessionCookie.clear(true))
        .startsWith("__Host-sf_session=; Path=/; Max-Age=0;")
        .endsWith("; Secure");
  }
}
