package vn.steerflow.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.lang.reflect.Field;
import vn.steerflow.security.audit.AuditEntry;

/**
 * Inside the server, for {@link AuditAppendOnlyIT}: every way JPA offers to change or remove an
 * audit entry, each in its own transaction, as a careless or malicious piece of code would try.
 */
@ApplicationScoped
public class AuditTampering {

  @PersistenceContext private EntityManager em;

  @Transactional
  public int bulkUpdate(long id) {
    return em.createQuery("update AuditEntry e set e.actor = 'someone else' where e.id = :id")
        .setParameter("id", id)
        .executeUpdate();
  }

  @Transactional
  public int bulkDelete(long id) {
    return em.createQuery("delete from AuditEntry e where e.id = :id")
        .setParameter("id", id)
        .executeUpdate();
  }

  @Transactional
  public void remove(long id) {
    em.remove(em.find(AuditEntry.class, id));
    em.flush();
  }

  @Transactional
  public int nativeUpdate(long id) {
    return em.createNativeQuery("UPDATE SF_AUDIT_ENTRY SET ACTION_NAME = 'NOTHING' WHERE ID = ?")
        .setParameter(1, id)
        .executeUpdate();
  }

  /** Changes the loaded entity's fields behind its back (it has no setters) and commits. */
  @Transactional
  public void changeInMemory(long id) throws ReflectiveOperationException {
    AuditEntry entry = em.find(AuditEntry.class, id);
    for (String name : new String[] {"actor", "action", "after"}) {
      Field field = AuditEntry.class.getDeclaredField(name);
      field.setAccessible(true);
      field.set(entry, "TAMPERED");
    }
    em.flush();
  }

  @Transactional
  public AuditEntry read(long id) {
    AuditEntry entry = em.find(AuditEntry.class, id);
    em.detach(entry);
    return entry;
  }
}
