package vn.steerflow.security.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.steerflow.committee.Role;

class AuditValuesTest {

  @Test
  void valuesBecomePlainJsonAndNullsAreLeftOut() {
    Map<String, Object> values =
        AuditValues.of(
            "leadUnit",
            "STP",
            "plan",
            null,
            "deadline",
            Instant.parse("2027-03-31T10:00:00Z"),
            "periodEnd",
            LocalDate.of(2026, 12, 31),
            "roles",
            EnumSet.of(Role.SUPERVISOR, Role.OFFICER),
            "progress",
            60,
            "active",
            true);

    assertThat(AuditValues.json(values))
        .isEqualTo(
            "{\"leadUnit\":\"STP\",\"deadline\":\"2027-03-31T10:00:00Z\",\"periodEnd\":\"2026-12-31\","
                + "\"roles\":[\"OFFICER\",\"SUPERVISOR\"],\"progress\":60,\"active\":true}");
    assertThat(AuditValues.json(null)).isNull();
  }

  @Test
  void aDiffKeepsOnlyTheFieldsThatChangedWithNullForOneThatAppearedOrWent() {
    Map<String, Object> before =
        AuditValues.of("fullName", "Nguyễn Văn A", "unit", "STP", "roles", List.of("OFFICER"));
    Map<String, Object> after =
        AuditValues.of(
            "fullName",
            "Nguyễn Văn A",
            "committee",
            "BCD-LC",
            "unit",
            "STP",
            "roles",
            EnumSet.of(Role.OFFICER, Role.SUPERVISOR));

    AuditValues.Change change = AuditValues.diff(before, after);

    assertThat(AuditValues.json(change.before()))
        .isEqualTo("{\"roles\":[\"OFFICER\"],\"committee\":null}");
    assertThat(AuditValues.json(change.after()))
        .isEqualTo("{\"roles\":[\"OFFICER\",\"SUPERVISOR\"],\"committee\":\"BCD-LC\"}");
    assertThat(AuditValues.diff(before, new LinkedHashMap<>(before)).isEmpty()).isTrue();
  }

  @Test
  void longTextsAreShortenedSoTheObjectFitsItsColumn() {
    String reason = "Lý do ".repeat(700);
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < 12; i++) {
      values.put("reason" + i, reason);
    }

    String json = AuditValues.json(values);

    assertThat(json.length()).isLessThanOrEqualTo(AuditEntry.VALUES_LENGTH);
    assertThat(AuditValues.parse(json).get("reason11").asText())
        .startsWith("Lý do Lý do")
        .endsWith("…");
  }

  @Test
  void namesAndValuesComeInPairs() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuditValues.of("leadUnit"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
