package vn.steerflow.security.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import vn.steerflow.security.Caller;
import vn.steerflow.security.CurrentCaller;
import vn.steerflow.security.RequestClient;
import vn.steerflow.workflow.ModelDeployed;
import vn.steerflow.workflow.admin.TaskCycleMigrated;

/**
 * Writes the audit trail: one entry per state change, in the transaction of the change, so that an
 * entry commits with its change and rolls back with it (a refused or failed request leaves no
 * entry). Failed logins are the exception: they change nothing, yet must be recorded, so they
 * commit on their own.
 *
 * <p>Who did it and from where come from the request (the authenticated caller, the client's
 * address); outside any HTTP request (start-up, jobs) the actor is {@value AuditEntry#SYSTEM}; in a
 * request no member is authenticated for, {@value AuditEntry#ANONYMOUS}. There is no method to
 * change or remove an entry, here or anywhere.
 */
@ApplicationScoped
public class AuditTrail {

  @PersistenceContext private EntityManager em;

  @Inject private CurrentCaller currentCaller;

  @Inject private RequestClient requestClient;

  /**
   * Records a change by the current caller: {@code before} and {@code after} hold the fields that
   * changed (null for a creation's before, or when there is nothing to show).
   */
  @Transactional(TxType.REQUIRED)
  public void record(
      String action,
      String objectType,
      String objectId,
      Map<String, ?> before,
      Map<String, ?> after) {
    recordActingFor(null, action, objectType, objectId, before, after);
  }

  /**
   * Records a change the caller made for someone else (a substitute acting for a leader): {@code
   * actingFor} is that person's username, null when the caller acted in their own right.
   */
  @Transactional(TxType.REQUIRED)
  public void recordActingFor(
      String actingFor,
      String action,
      String objectType,
      String objectId,
      Map<String, ?> before,
      Map<String, ?> after) {
    Origin origin = origin();
    persist(
        origin.actor(), actingFor, action, objectType, objectId, before, after, origin.address());
  }

  /**
   * Takes a snapshot of an object's audited fields before it changes; {@link #recordChange} then
   * records only the fields that differ afterwards.
   */
  public Snapshot snapshot(Supplier<Map<String, ?>> fields) {
    return new Snapshot(fields, Collections.unmodifiableMap(new LinkedHashMap<>(fields.get())));
  }

  /**
   * Records the fields that changed since the snapshot; nothing when none did (a change that
   * repeats the values it found).
   */
  @Transactional(TxType.REQUIRED)
  public void recordChange(String action, String objectType, String objectId, Snapshot snapshot) {
    AuditValues.Change change = AuditValues.diff(snapshot.before(), snapshot.fields().get());
    if (!change.isEmpty()) {
      record(action, objectType, objectId, change.before(), change.after());
    }
  }

  /** The audited fields of an object as they were, and how to read them again. */
  public record Snapshot(Supplier<Map<String, ?>> fields, Map<String, ?> before) {}

  /**
   * A member logged in, by the channel named ({@code SESSION}, {@code BASIC}). Joins the login's
   * transaction if there is one; {@code clientAddress} null means the current request's.
   */
  @Transactional(TxType.REQUIRED)
  public void loginSucceeded(String username, String clientAddress, String channel) {
    persist(
        username,
        null,
        AuditAction.LOGIN_SUCCEEDED,
        AuditObject.MEMBER,
        username,
        null,
        AuditValues.of("channel", channel),
        addressOr(clientAddress));
  }

  /**
   * A login failed: committed on its own, since nothing else of the request commits. The actor is
   * {@value AuditEntry#ANONYMOUS}, the object the username tried (which may not exist); {@code
   * reason} says why ({@code WRONG_PASSWORD}, {@code UNKNOWN_MEMBER}, {@code THROTTLED}, ...).
   * Never the password.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void loginFailed(
      String attemptedUsername, String clientAddress, String channel, String reason) {
    persist(
        AuditEntry.ANONYMOUS,
        null,
        AuditAction.LOGIN_FAILED,
        AuditObject.MEMBER,
        attemptedUsername == null || attemptedUsername.isBlank() ? "?" : attemptedUsername,
        null,
        AuditValues.of("channel", channel, "reason", reason),
        addressOr(clientAddress));
  }

  /** A new model version reached the engine: at start-up by the system, or by an admin. */
  @Transactional(TxType.REQUIRED)
  void modelDeployed(@Observes ModelDeployed deployed) {
    record(
        AuditAction.MODEL_DEPLOYED,
        AuditObject.DEPLOYMENT,
        deployed.deploymentId(),
        null,
        AuditValues.of(
            "name", deployed.name(),
            "source", deployed.source(),
            "resources", deployed.resources(),
            "processDefinitions", deployed.processDefinitions()));
  }

  /**
   * A task's running cycle moved to another model version, in the engine transaction that moved it.
   */
  @Transactional(TxType.REQUIRED)
  void taskCycleMigrated(@Observes TaskCycleMigrated migrated) {
    record(
        AuditAction.TASK_MIGRATED,
        AuditObject.TASK,
        migrated.businessKey() == null ? migrated.processInstanceId() : migrated.businessKey(),
        AuditValues.of("processDefinition", migrated.sourceDefinitionId()),
        AuditValues.of("processDefinition", migrated.targetDefinitionId()));
  }

  private void persist(
      String actor,
      String actingFor,
      String action,
      String objectType,
      String objectId,
      Map<String, ?> before,
      Map<String, ?> after,
      String clientAddress) {
    em.persist(
        new AuditEntry(
            Instant.now(),
            actor,
            actingFor,
            action,
            objectType,
            objectId,
            AuditValues.json(before),
            AuditValues.json(after),
            clientAddress));
  }

  /** The address given, else the current request's, if any. */
  private String addressOr(String clientAddress) {
    if (clientAddress != null) {
      return clientAddress;
    }
    try {
      return requestClient.address().orElse(null);
    } catch (ContextNotActiveException noRequest) {
      return null;
    }
  }

  private record Origin(String actor, String address) {}

  /** Who acts, and from where: the request's caller and client, or the system. */
  private Origin origin() {
    try {
      Optional<Caller> caller = currentCaller.find();
      Optional<String> address = requestClient.address();
      String actor =
          caller
              .map(Caller::username)
              .orElse(address.isPresent() ? AuditEntry.ANONYMOUS : AuditEntry.SYSTEM);
      return new Origin(actor, address.orElse(null));
    } catch (ContextNotActiveException noRequest) {
      return new Origin(AuditEntry.SYSTEM, null);
    }
  }
}
