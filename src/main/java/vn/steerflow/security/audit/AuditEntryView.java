package vn.steerflow.security.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** An audit entry as the API shows it: the time in UTC, the values as JSON objects. */
public record AuditEntryView(
    long id,
    OffsetDateTime at,
    String actor,
    String actingFor,
    String action,
    String objectType,
    String objectId,
    JsonNode before,
    JsonNode after,
    String clientAddress) {

  public static AuditEntryView of(AuditEntry entry) {
    return new AuditEntryView(
        entry.getId(),
        entry.getAt().atOffset(ZoneOffset.UTC),
        entry.getActor(),
        entry.getActingFor(),
        entry.getAction(),
        entry.getObjectType(),
        entry.getObjectId(),
        AuditValues.parse(entry.getBefore()),
        AuditValues.parse(entry.getAfter()),
        entry.getClientAddress());
  }
}
