package vn.steerflow.security.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** The audit trail's CSV export: one header row, then one row per entry, newest first. */
final class AuditCsv {

  static final List<String> HEADER =
      List.of(
          "id",
          "at",
          "actor",
          "actingFor",
          "action",
          "objectType",
          "objectId",
          "before",
          "after",
          "clientAddress");

  private AuditCsv() {}

  /** Something that yields the filtered entries a chunk at a time, after the last one given. */
  interface Chunks {
    List<AuditEntry> after(AuditEntry last);
  }

  /** Writes every entry the chunks yield, flushing after each chunk so the download streams. */
  static void write(OutputStream stream, Chunks chunks) throws IOException {
    CsvWriter csv = new CsvWriter(stream);
    csv.row(HEADER);
    AuditEntry last = null;
    List<AuditEntry> chunk = chunks.after(null);
    while (!chunk.isEmpty()) {
      for (AuditEntry entry : chunk) {
        csv.row(row(entry));
        last = entry;
      }
      csv.flush();
      chunk = chunks.after(last);
    }
    csv.flush();
  }

  static List<String> row(AuditEntry entry) {
    return Arrays.asList(
        String.valueOf(entry.getId()),
        entry.getAt().atOffset(ZoneOffset.UTC).toString(),
        entry.getActor(),
        entry.getActingFor(),
        entry.getAction(),
        entry.getObjectType(),
        entry.getObjectId(),
        entry.getBefore(),
        entry.getAfter(),
        entry.getClientAddress());
  }
}
