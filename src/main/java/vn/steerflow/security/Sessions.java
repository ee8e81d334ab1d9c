package vn.steerflow.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The web UI's login sessions, in memory on this node. A session ends after {@code
 * steerflow.session.idle-timeout} (30 minutes) without a request, after {@code
 * steerflow.session.absolute-timeout} (8 hours) whatever happens, at logout, or when its member's
 * password changes. Ids and anti-CSRF tokens are 256 random bits each; an id is never reused, so
 * every login gets a new one (no session fixation). At most {@code steerflow.session.max} sessions
 * are kept: past that, expired ones go first, then the least recently used.
 */
@ApplicationScoped
public class Sessions {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject
  @ConfigProperty(name = "steerflow.session.idle-timeout", defaultValue = "PT30M")
  String idleTimeout;

  @Inject
  @ConfigProperty(name = "steerflow.session.absolute-timeout", defaultValue = "PT8H")
  String absoluteTimeout;

  @Inject
  @ConfigProperty(name = "steerflow.session.max", defaultValue = "10000")
  int max;

  private Clock clock = Clock.systemUTC();
  private Duration idle;
  private Duration absolute;
  private final Map<String, Session> byId = new ConcurrentHashMap<>();

  protected Sessions() {}

  /** Sessions on their own clock, for tests. */
  static Sessions of(Clock clock, Duration idle, Duration absolute, int max) {
    Sessions sessions = new Sessions();
    sessions.clock = clock;
    sessions.idleTimeout = idle.toString();
    sessions.absoluteTimeout = absolute.toString();
    sessions.max = max;
    sessions.init();
    return sessions;
  }

  @PostConstruct
  void init() {
    idle = Config.duration("steerflow.session.idle-timeout", idleTimeout);
    absolute = Config.duration("steerflow.session.absolute-timeout", absoluteTimeout);
    if (max < 1) {
      throw new IllegalArgumentException("steerflow.session.max must be positive");
    }
  }

  /** A new session for the member, with a fresh id and anti-CSRF token. */
  public Session open(String username, String stamp) {
    Instant now = clock.instant();
    if (byId.size() >= max) {
      byId.values().removeIf(s -> !s.expiresAt(idle, absolute).isAfter(now));
      while (byId.size() >= max) {
        byId.values().stream()
            .min(Comparator.comparing(Session::lastSeen))
            .ifPresent(s -> byId.remove(s.id()));
      }
    }
    Session session = new Session(token(), username, token(), now, stamp);
    byId.put(session.id(), session);
    return session;
  }

  /** The live session with this id, marked as used now; an expired one is ended. */
  public Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session session = byId.get(id);
    if (session == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (!session.expiresAt(idle, absolute).isAfter(now)) {
      byId.remove(id, session);
      return Optional.empty();
    }
    session.seen(now);
    return Optional.of(session);
  }

  public void close(Session session) {
    byId.remove(session.id(), session);
  }

  public Duration idleTimeout() {
    return idle;
  }

  /** When the session ends at the latest, whatever its use. */
  public Instant absoluteEnd(Session session) {
    return session.createdAt().plus(absolute);
  }

  int size() {
    return byId.size();
  }

  private static String token() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
