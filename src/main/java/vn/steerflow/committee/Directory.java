package vn.steerflow.committee;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import vn.steerflow.api.ApiException;

/**
 * Finds units, committees and members by the codes and usernames clients know them by. Joins the
 * caller's transaction; the services that call it are the transaction boundary.
 */
@ApplicationScoped
public class Directory {

  @PersistenceContext private EntityManager em;

  public Optional<Unit> unit(String code) {
    return one(em.createQuery("select u from Unit u where u.code = :code", Unit.class), code);
  }

  public Optional<Committee> committee(String code) {
    return one(
        em.createQuery("select c from Committee c where c.code = :code", Committee.class), code);
  }

  public Optional<Member> member(String username) {
    return one(
        em.createQuery("select m from Member m where m.username = :code", Member.class), username);
  }

  /** The unit named in the URL; 404 when there is none. */
  Unit unitInPath(String code) {
    return unit(code).orElseThrow(() -> ApiException.notFound("No unit " + code + "."));
  }

  Committee committeeInPath(String code) {
    return committee(code).orElseThrow(() -> ApiException.notFound("No committee " + code + "."));
  }

  Member memberInPath(String username) {
    return member(username).orElseThrow(() -> ApiException.notFound("No member " + username + "."));
  }

  /** Active members holding the role in the committee, by username. */
  List<Member> membersWithRole(Committee committee, Role role) {
    return em.createQuery(
            "select m from Member m join m.roles r where m.committee = :c and r = :role and m.active = true order by m.username",
            Member.class)
        .setParameter("c", committee)
        .setParameter("role", role)
        .getResultList();
  }

  private static <T> Optional<T> one(jakarta.persistence.TypedQuery<T> query, String key) {
    if (key == null || key.isBlank()) {
      return Optional.empty();
    }
    return query.setParameter("code", key.strip()).getResultList().stream().findFirst();
  }
}
