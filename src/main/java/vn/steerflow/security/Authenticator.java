package vn.steerflow.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import vn.steerflow.committee.Substitutions;

/**
 * Checks a member's credentials. A PBKDF2 check at 600,000 iterations costs a few hundred
 * milliseconds by design, too much for every request of an API client using HTTP Basic; so a
 * successful check is remembered for a few minutes under a SHA-256 digest of the credentials (never
 * the password itself). A changed password or deactivated member changes what the database returns
 * and misses the cache.
 *
 * <p>Only the password check is remembered, never the caller: roles, unit and the leaders the
 * member acts for (substitutions in force) are read afresh on every request, so a substitution that
 * starts, ends at its {@code until} or is ended early changes what the member may do at once.
 */
@ApplicationScoped
public class Authenticator {

  static final Duration REMEMBER_FOR = Duration.ofMinutes(5);

  @PersistenceContext private EntityManager em;

  @Inject private Substitutions substitutions;

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
    List<Caller.ActingFor> acting =
        substitutions.inForce(member, now).stream()
            .map(
                s ->
                    new Caller.ActingFor(
                        s.getLeader().getUsername(),
                        s.getCommittee().getId(),
                        s.getCommittee().getCode()))
            .toList();
    return Optional.of(Caller.of(member, acting));
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
