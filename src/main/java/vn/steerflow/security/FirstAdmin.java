package vn.steerflow.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.steerflow.committee.DemoOrganisation;
import vn.steerflow.committee.Directory;
import vn.steerflow.committee.Member;
import vn.steerflow.committee.Members;
import vn.steerflow.committee.Role;

/**
 * No default password stays usable outside a demo run, and a fresh install gets its first admin
 * only from the operator. At start-up with {@code steerflow.demo=false}:
 *
 * <ol>
 *   <li>a demo member whose password is still the published demo password (a database once loaded
 *       for a demo) gets an unusable password; an admin must reset it;
 *   <li>when no active admin can log in, and {@code steerflow.bootstrap.admin-password} is set and
 *       passes the password policy, the member {@code steerflow.bootstrap.admin-username} ({@code
 *       admin}) is created with that password (or given it, if they exist) and must change it at
 *       first login; without it, the log says how to do this;
 *   <li>once an admin can log in, the setting is ignored, and the log asks to remove it.
 * </ol>
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigrations", "DemoOrganisation"})
public class FirstAdmin {

  private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

  static final String PASSWORD_PROPERTY = "steerflow.bootstrap.admin-password";

  @PersistenceContext private EntityManager em;

  @Inject private Members members;

  @Inject private Directory directory;

  @Inject
  @ConfigProperty(name = "steerflow.demo", defaultValue = "false")
  boolean demo;

  @Inject
  @ConfigProperty(name = PASSWORD_PROPERTY)
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "steerflow.bootstrap.admin-username", defaultValue = "admin")
  String username;

  @PostConstruct
  void check() {
    if (demo) {
      LOG.warning(
          "Demo run (steerflow.demo=true): the demo members' password is published; "
              + "never run a demo on real data.");
      return;
    }
    disableDemoPasswords();
    boolean adminCanLogIn =
        em
            .createQuery(
                "select m from Member m join m.roles r where r = :admin and m.active = true",
                Member.class)
            .setParameter("admin", Role.ADMIN)
            .getResultList()
            .stream()
            .anyMatch(m -> !PasswordHasher.UNUSABLE.equals(m.getPasswordHash()));
    Optional<String> given = password.map(String::strip).filter(p -> !p.isEmpty());
    if (adminCanLogIn) {
      given.ifPresent(
          p ->
              LOG.warning(
                  PASSWORD_PROPERTY
                      + " is set but an admin exists already: it is ignored. Remove it from the "
                      + "configuration."));
      return;
    }
    if (given.isEmpty()) {
      LOG.severe(
          "No admin can log in. Set "
              + PASSWORD_PROPERTY
              + " (or the environment variable STEERFLOW_BOOTSTRAP_ADMIN_PASSWORD) to a password of "
              + PasswordPolicy.MIN_LENGTH
              + " to "
              + PasswordPolicy.MAX_LENGTH
              + " characters that is not a common one, and restart: the member '"
              + username
              + "' is created with it and must change it at first login.");
      return;
    }
    Optional<String> problem = PasswordPolicy.problem(given.get(), username);
    if (problem.isPresent()) {
      LOG.severe(
          PASSWORD_PROPERTY
              + " does not pass the password policy ("
              + problem.get()
              + "); no admin was created. Choose another and restart.");
      return;
    }
    Optional<Member> existing = directory.member(username);
    if (existing.isEmpty()) {
      members.createFirstAdmin(username, given.get());
      LOG.warning(
          "First admin '"
              + username
              + "' created from "
              + PASSWORD_PROPERTY
              + " in unit "
              + Members.FIRST_ADMIN_UNIT
              + "; they must change the password at first login. Remove the setting now.");
    } else if (existing.get().isActive() && existing.get().getRoles().contains(Role.ADMIN)) {
      members.giveStartPassword(username, given.get());
      LOG.warning(
          "Admin '"
              + username
              + "' was given the password of "
              + PASSWORD_PROPERTY
              + "; they must change it at first login. Remove the setting now.");
    } else {
      LOG.severe(
          "The member '"
              + username
              + "' exists but is not an active admin; set steerflow.bootstrap.admin-username to "
              + "another name and restart.");
    }
  }

  /** Demo members in a production database must not keep the published password. */
  private void disableDemoPasswords() {
    List<Member> found =
        em.createQuery(
                "select m from Member m where m.username in :names and m.active = true",
                Member.class)
            .setParameter("names", DemoOrganisation.MEMBERS)
            .getResultList();
    for (Member member : found) {
      if (PasswordHasher.verify(
          DemoOrganisation.DEMO_PASSWORD.toCharArray(), member.getPasswordHash())) {
        member.changePassword(PasswordHasher.UNUSABLE);
        LOG.warning(
            "Member '"
                + member.getUsername()
                + "' had the published demo password, which no longer works: an admin must "
                + "reset their password.");
      }
    }
  }
}
