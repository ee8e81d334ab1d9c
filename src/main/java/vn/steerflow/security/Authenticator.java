package vn.steerflow.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.steerflow.committee.Member;
import vn.steerflow.committee.Substitutions;
import vn.steerflow.security.LoginAttempted.Channel;
import vn.steerflow.security.LoginAttempted.Outcome;

/**
 * Checks a member's credentials, for the JSON login and HTTP Basic alike, behind the login
 * throttle; logs every attempt and fires {@link LoginAttempted} for it.
 *
 * <p>A PBKDF2 check at 600,000 iterations costs a few hundred milliseconds by design, too much for
 * every request of an API client using HTTP Basic; so a successful check is remembered for a few
 * minutes under a SHA-256 digest of the credentials (never the password itself). A changed password
 * or deactivated member changes what the database returns and misses the cache. An unknown or
 * inactive member costs a PBKDF2 check too, so that timing does not tell which usernames exist.
 *
 * <p>Only the password check is remembered, never the caller: roles, unit and the leaders the
 * member acts for (substitutions in force) are read afresh on every request, session or Basic, so a
 * substitution that starts, ends at its {@code until} or is ended early changes what the member may
 * do at once.
 */
@ApplicationScoped
public class Authenticator {

  static final Duration REMEMBER_FOR = Duration.ofMinutes(5);

  private static final Logger LOG = Logger.getLogger(Authenticator.class.getName());

  @PersistenceContext private EntityManager em;

  @Inject private LoginThrottle throttle;

  @Inject private Substitutions substitutions;

  @Inject private Event<LoginAttempted> attempts;

  @Inject
  @ConfigProperty(name = "steerflow.password.iterations", defaultValue = "600000")
  int iterations;

  private final Clock clock = Clock.systemUTC();

  private final Map<String, Instant> verified = new ConcurrentHashMap<>();

  private final Object[] stripes = new Object[64];

  {
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new Object();
    }
  }

  private volatile String decoy;

  /**
   * Checks the password of the member, unless the account or the address has failed too often
   * lately; every failure counts towards that.
   */
  @Transactional
  public LoginResult authenticate(
      String username, char[] password, String address, Channel channel) {
    Optional<LoginResult> throttled = throttled(username, address, channel);
    if (throttled.isPresent()) {
      return throttled.get();
    }
    Optional<Member> found = member(username);
    Instant now = clock.instant();
    String key = found.map(m -> digest(username, password, m.getPasswordHash())).orElse(null);
    Instant until = key == null ? null : verified.get(key);
    boolean remembered =
        channel == Channel.BASIC && until != null && until.isAfter(now) && found.get().isActive();
    if (!remembered) {
      // One check at a time per account: parallel guesses would otherwise all pass the throttle
      // before the first failure is counted. Remembered credentials skip this, so an API client's
      // parallel requests do not queue.
      synchronized (stripe(username)) {
        throttled = throttled(username, address, channel);
        if (throttled.isPresent()) {
          return throttled.get();
        }
        if (found.isEmpty() || !found.get().isActive()) {
          PasswordHasher.verify(password, decoy());
          return failed(
              username,
              address,
              channel,
              found.isEmpty() ? Outcome.UNKNOWN_MEMBER : Outcome.INACTIVE_MEMBER);
        }
        if (!PasswordHasher.verify(password, found.get().getPasswordHash())) {
          return failed(username, address, channel, Outcome.WRONG_PASSWORD);
        }
        verified.put(key, now.plus(REMEMBER_FOR));
        verified.entrySet().removeIf(e -> e.getValue().isBefore(now));
      }
    }
    Member member = found.get();
    if (member.isTemporaryPasswordExpired(now)) {
      attempted(username, address, channel, Outcome.TEMPORARY_PASSWORD_EXPIRED);
      return new LoginResult.Refused(Outcome.TEMPORARY_PASSWORD_EXPIRED);
    }
    if (!remembered) {
      attempted(username, address, channel, Outcome.SUCCEEDED);
    }
    return new LoginResult.Succeeded(authenticated(member));
  }

  private Optional<LoginResult> throttled(String username, String address, Channel channel) {
    Optional<Duration> wait = throttle.retryAfter(username, address);
    if (wait.isEmpty()) {
      return Optional.empty();
    }
    attempted(username, address, channel, Outcome.THROTTLED);
    return Optional.of(new LoginResult.Throttled(wait.get()));
  }

  /**
   * For code running inside the server (in-container tests): the member's caller when the password
   * is right, through the same throttle, log and event as an HTTP Basic login from "in-process".
   */
  @Transactional
  public Optional<Caller> authenticate(String username, char[] password) {
    return authenticate(username, password, "in-process", Channel.BASIC)
            instanceof LoginResult.Succeeded succeeded
        ? Optional.of(succeeded.member().caller())
        : Optional.empty();
  }

  /**
   * The member of a session, if they are still active and their password is still the one the
   * session was opened with.
   */
  @Transactional
  public Optional<Authenticated> resume(String username, String stamp) {
    return member(username)
        .filter(Member::isActive)
        .filter(m -> MessageDigest.isEqual(bytes(stamp(m.getPasswordHash())), bytes(stamp)))
        .filter(m -> !m.isTemporaryPasswordExpired(clock.instant()))
        .map(this::authenticated);
  }

  /**
   * Identifies a stored password hash without revealing it: sessions keep this, not the hash, and
   * die when it changes.
   */
  static String stamp(String passwordHash) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(sha256("session-stamp\0" + passwordHash));
  }

  private Authenticated authenticated(Member member) {
    List<Caller.ActingFor> acting =
        substitutions.inForce(member, clock.instant()).stream()
            .map(
                s ->
                    new Caller.ActingFor(
                        s.getLeader().getUsername(),
                        s.getCommittee().getId(),
                        s.getCommittee().getCode()))
            .toList();
    return new Authenticated(
        Caller.of(member, acting),
        member.getFullName(),
        member.isPasswordChangeRequired(),
        stamp(member.getPasswordHash()));
  }

  private Optional<Member> member(String username) {
    if (username == null || username.isBlank() || username.length() > 100) {
      return Optional.empty();
    }
    List<Member> found =
        em.createQuery("select m from Member m where m.username = :u", Member.class)
            .setParameter("u", username)
            .getResultList();
    return found.stream().findFirst();
  }

  private LoginResult failed(String username, String address, Channel channel, Outcome reason) {
    throttle.failed(username, address);
    attempted(username, address, channel, reason);
    return new LoginResult.Refused(reason);
  }

  private void attempted(String username, String address, Channel channel, Outcome outcome) {
    LoginAttempted attempt =
        new LoginAttempted(clock.instant(), printable(username), address, channel, outcome);
    LOG.log(
        outcome.succeeded() ? Level.INFO : Level.WARNING,
        () ->
            "Login "
                + outcome
                + ": user '"
                + attempt.username()
                + "' from "
                + address
                + " by "
                + channel);
    attempts.fire(attempt);
  }

  /** The username as logged: at most 100 characters, no line breaks or other control characters. */
  static String printable(String username) {
    if (username == null) {
      return "";
    }
    String bounded = username.length() > 100 ? username.substring(0, 100) + "…" : username;
    return bounded.replaceAll("\\p{Cntrl}", "?");
  }

  private Object stripe(String username) {
    String key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    return stripes[Math.floorMod(key.hashCode(), stripes.length)];
  }

  /** A hash no password matches in practice, checked against when there is no member. */
  private String decoy() {
    String hash = decoy;
    if (hash == null) {
      hash = new PasswordHasher(iterations).hash("no such member: decoy".toCharArray());
      decoy = hash;
    }
    return hash;
  }

  private static String digest(String username, char[] password, String storedHash) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(username.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(new String(password).getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(storedHash.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(String text) {
    return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
  }
}
