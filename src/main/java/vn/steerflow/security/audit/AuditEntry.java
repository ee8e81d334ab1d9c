package vn.steerflow.security.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the audit trail: who did what to which object, when (an instant, shown in UTC), the
 * values before and after (small JSON objects of the fields that changed, or null), from which
 * client address, and for whom when acting for someone else.
 *
 * <p>Append-only: no setter, every column mapped {@code updatable = false} so JPA never writes an
 * UPDATE for it, no service or endpoint that changes or removes one, and database triggers that
 * refuse UPDATE and DELETE on the table (migration {@code V10_1}).
 */
@Entity
@Table(name = "SF_AUDIT_ENTRY")
public class AuditEntry {

  /** The actor of what the application does on its own: start-up deployment, jobs. */
  public static final String SYSTEM = "system";

  /** The actor of an HTTP request no member is authenticated for (a failed login). */
  public static final String ANONYMOUS = "anonymous";

  static final int NAME_LENGTH = 100;
  static final int OBJECT_ID_LENGTH = 200;
  static final int VALUES_LENGTH = 8000;
  static final int ADDRESS_LENGTH = 64;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sf_seq")
  @Column(name = "ID", updatable = false)
  private Long id;

  @Column(name = "RECORDED_AT", nullable = false, updatable = false)
  private Instant at;

  @Column(name = "ACTOR", nullable = false, updatable = false, length = NAME_LENGTH)
  private String actor;

  @Column(name = "ACTING_FOR", updatable = false, length = NAME_LENGTH)
  private String actingFor;

  @Column(name = "ACTION_NAME", nullable = false, updatable = false, length = 60)
  private String action;

  @Column(name = "OBJECT_TYPE", nullable = false, updatable = false, length = 40)
  private String objectType;

  @Column(name = "OBJECT_ID", nullable = false, updatable = false, length = OBJECT_ID_LENGTH)
  private String objectId;

  @Column(name = "BEFORE_VALUES", updatable = false, length = VALUES_LENGTH)
  private String before;

  @Column(name = "AFTER_VALUES", updatable = false, length = VALUES_LENGTH)
  private String after;

  @Column(name = "CLIENT_ADDRESS", updatable = false, length = ADDRESS_LENGTH)
  private String clientAddress;

  protected AuditEntry() {}

  AuditEntry(
      Instant at,
      String actor,
      String actingFor,
      String action,
      String objectType,
      String objectId,
      String before,
      String after,
      String clientAddress) {
    this.at = Objects.requireNonNull(at, "at");
    this.actor = cut(Objects.requireNonNull(actor, "actor"), NAME_LENGTH);
    this.actingFor = cut(actingFor, NAME_LENGTH);
    this.action = Objects.requireNonNull(action, "action");
    this.objectType = Objects.requireNonNull(objectType, "objectType");
    this.objectId = cut(Objects.requireNonNull(objectId, "objectId"), OBJECT_ID_LENGTH);
    this.before = before;
    this.after = after;
    this.clientAddress = cut(clientAddress, ADDRESS_LENGTH);
    if (actor.isBlank() || action.isBlank() || objectType.isBlank() || objectId.isBlank()) {
      throw new IllegalArgumentException("an audit entry names its actor, action and object");
    }
    if (!AuditAction.ALL.contains(action)) {
      throw new IllegalArgumentException("unknown audit action " + action);
    }
    if (!AuditObject.ALL.contains(objectType)) {
      throw new IllegalArgumentException("unknown audited object type " + objectType);
    }
  }

  /** Text from outside (an attempted username) kept to the column's length. */
  private static String cut(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }

  public Long getId() {
    return id;
  }

  public Instant getAt() {
    return at;
  }

  public String getActor() {
    return actor;
  }

  public String getActingFor() {
    return actingFor;
  }

  public String getAction() {
    return action;
  }

  public String getObjectType() {
    return objectType;
  }

  public String getObjectId() {
    return objectId;
  }

  /** The values before, as a JSON object's text; null when there were none (a creation). */
  public String getBefore() {
    return before;
  }

  /** The values after, as a JSON object's text; null when not applicable. */
  public String getAfter() {
    return after;
  }

  public String getClientAddress() {
    return clientAddress;
  }
}
