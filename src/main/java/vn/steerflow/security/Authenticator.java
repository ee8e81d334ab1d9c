package vn.steerflow.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.steerflow.committee.Member;

/**
 * Checks a member's credentials. A PBKDF2 check at 600,000 iterations costs a few hundred
 * milliseconds by design, too much for every request of an API client using HTTP Basic; so a
 * successful check is remembered for a few minutes under a SHA-256 digest of the credentials (never
 * the password itself). A changed password or deactivated member changes what the database returns
 * and misses the cache.
 */
@ApplicationScoped
public class Authenticator {

  static final Duration REMEMBER_FOR = Duration.ofMinutes(5);

  @PersistenceContext private EntityManager em;

  private final Map<String, Instant> verified = new ConcurrentHashMap<>();

  @Transactional
  public Optional<Caller> authenticate(String username, char[] password) {
    List<Member> found =
        em.createQuery("select m from Member m where m.username = :u", Member.class)
            .setParameter("u", username)
            .getResultList();
    if (found.isEmpty() || !found.get(0).isActive()) {
      return Optional.empty();
    }
    Member member = found.get(0);
    String key = digest(username, password, member.getPasswordHash());
    Instant until = verified.get(key);
    Instant now = Instant.now();
    if (until == null || until.isBefore(now)) {
      if (!PasswordHasher.verify(password, member.getPasswordHash())) {
        return Optional.empty();
      }
      verified.put(key, now.plus(REMEMBER_FOR));
      verified.entrySet().removeIf(e -> e.getValue().isBefore(now));
    }
    return Optional.of(Caller.of(member));
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
}
