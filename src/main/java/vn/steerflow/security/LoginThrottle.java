package vn.steerflow.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows password guessing (ASVS V2.2.1): failed logins are counted per account and per client
 * address over a sliding window; once an account has {@code steerflow.login.max-failures} failures
 * (10) within {@code steerflow.login.window} (15 minutes), or an address {@code
 * steerflow.login.max-failures-per-address} (100), every further attempt is refused, with the right
 * password too, until the oldest of those failures leaves the window. Only failures count, and a
 * success clears nothing: otherwise an API client's steady successful requests would reset the
 * count of someone guessing the same account, and one valid account would reset a guesser's
 * address. The address limit is higher because many people can share one address (an office behind
 * NAT, the integration tests on 127.0.0.1).
 *
 * <p>Kept in memory on each node, in two maps bounded to {@code steerflow.login.tracked} keys each;
 * when one is full the key that failed least recently is forgotten. In a cluster each node counts
 * its own attempts.
 */
@ApplicationScoped
public class LoginThrottle {

  @Inject
  @ConfigProperty(name = "steerflow.login.max-failures", defaultValue = "10")
  int maxFailuresPerAccount;

  @Inject
  @ConfigProperty(name = "steerflow.login.max-failures-per-address", defaultValue = "100")
  int maxFailuresPerAddress;

  @Inject
  @ConfigProperty(name = "steerflow.login.window", defaultValue = "PT15M")
  String window;

  @Inject
  @ConfigProperty(name = "steerflow.login.tracked", defaultValue = "10000")
  int tracked;

  private Clock clock = Clock.systemUTC();
  private FailureLog accounts;
  private FailureLog addresses;

  /** For CDI; the configuration is injected. */
  protected LoginThrottle() {}

  /** A throttle on its own clock, for tests. */
  static LoginThrottle of(
      Clock clock, int perAccount, int perAddress, Duration window, int tracked) {
    LoginThrottle throttle = new LoginThrottle();
    throttle.clock = clock;
    throttle.maxFailuresPerAccount = perAccount;
    throttle.maxFailuresPerAddress = perAddress;
    throttle.window = window.toString();
    throttle.tracked = tracked;
    throttle.init();
    return throttle;
  }

  @PostConstruct
  void init() {
    Duration span = Config.duration("steerflow.login.window", window);
    if (maxFailuresPerAccount < 1 || maxFailuresPerAddress < 1 || tracked < 1) {
      throw new IllegalArgumentException(
          "steerflow.login.max-failures, max-failures-per-address and tracked must be positive");
    }
    accounts = new FailureLog(maxFailuresPerAccount, span, tracked);
    addresses = new FailureLog(maxFailuresPerAddress, span, tracked);
  }

  /**
   * How long the account or the address must wait before its next attempt; empty when it may try
   * now.
   */
  public Optional<Duration> retryAfter(String username, String address) {
    Instant now = clock.instant();
    Optional<Duration> account = accounts.blockedFor(account(username), now);
    Optional<Duration> from = addresses.blockedFor(address(address), now);
    if (account.isPresent() && from.isPresent()) {
      return Optional.of(account.get().compareTo(from.get()) >= 0 ? account.get() : from.get());
    }
    return account.isPresent() ? account : from;
  }

  public void failed(String username, String address) {
    Instant now = clock.instant();
    accounts.record(account(username), now);
    addresses.record(address(address), now);
  }

  /** Usernames are lower case; the key is bounded so that guesses cannot grow memory. */
  private static String account(String username) {
    String key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    return key.length() > 100 ? key.substring(0, 100) : key;
  }

  private static String address(String address) {
    String key = address == null ? "" : address;
    return key.length() > 64 ? key.substring(0, 64) : key;
  }

  /** The times of the latest failures of each key, at most {@code max} per key. */
  static final class FailureLog {
    private final int max;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures;

    FailureLog(int max, Duration window, int capacity) {
      this.max = max;
      this.window = window;
      this.failures =
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
              return size() > capacity;
            }
          };
    }

    synchronized Optional<Duration> blockedFor(String key, Instant now) {
      Deque<Instant> times = recent(key, now);
      if (times == null || times.size() < max) {
        return Optional.empty();
      }
      return Optional.of(Duration.between(now, times.peekFirst().plus(window)));
    }

    synchronized void record(String key, Instant now) {
      Deque<Instant> times = recent(key, now);
      if (times == null) {
        times = new ArrayDeque<>();
        failures.put(key, times);
      }
      times.addLast(now);
      while (times.size() > max) {
        times.removeFirst();
      }
    }

    synchronized int size() {
      return failures.size();
    }

    /** The key's failures still inside the window; null (and forgotten) when there are none. */
    private Deque<Instant> recent(String key, Instant now) {
      Deque<Instant> times = failures.get(key);
      if (times == null) {
        return null;
      }
      Instant horizon = now.minus(window);
      while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
        times.removeFirst();
      }
      if (times.isEmpty()) {
        failures.remove(key);
        return null;
      }
      return times;
    }
  }

  int trackedAccounts() {
    return accounts.size();
  }
}
