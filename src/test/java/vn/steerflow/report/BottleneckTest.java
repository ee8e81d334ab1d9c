package vn.steerflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.steerflow.committee.Committee;
import vn.steerflow.committee.CommitteeLevel;
import vn.steerflow.committee.Unit;
import vn.steerflow.committee.UnitKind;
import vn.steerflow.plan.Assignment;
import vn.steerflow.plan.Task;

/** A bottleneck's state machine, resolver and age, on the entity. */
class BottleneckTest {

  /** 10:00 in Vietnam, 1 March 2026. */
  private static final Instant RAISED = Instant.parse("2026-03-01T03:00:00Z");

  private static final long DAY = 86_400;

  private final Unit province = new Unit("UBND-LC", "UBND tỉnh", null, UnitKind.PROVINCE, null);
  private final Unit justice = new Unit("STP", "Sở Tư pháp", null, UnitKind.DEPARTMENT, province);
  private final Unit finance = new Unit("STC", "Sở Tài chính", null, UnitKind.DEPARTMENT, province);
  private final Committee committee =
      new Committee("BCD-LC", "Ban Chỉ đạo", CommitteeLevel.PROVINCE, province);

  private Bottleneck raised(Unit resolverUnit) {
    Task task =
        new Task(
            new Assignment(
                "Số hoá hồ sơ",
                "Số hoá sổ hộ tịch",
                "STP",
                "Giám đốc",
                RAISED.plusSeconds(DAY * 30).atOffset(ZoneOffset.UTC),
                "100% sổ",
                "BCD-LC",
                List.of()),
            justice,
            committee,
            Set.of(),
            "giamsat",
            RAISED.minusSeconds(DAY));
    Report report =
        new Report(
            task,
            justice,
            new ReportRequest(
                ReportStatus.IN_PROGRESS, 40, "Đã số hoá 40%", "Thiếu kinh phí", null),
            "sotuphap",
            RAISED);
    return new Bottleneck(report, "  Thiếu kinh phí số hoá  ", resolverUnit, "sotuphap", RAISED);
  }

  @Test
  void aRaisedBottleneckIsOpenWithTheReportingUnitAndTheTasksCommitteeAndTheLeadersResolveIt() {
    Bottleneck bottleneck = raised(null);

    assertThat(bottleneck.getState()).isEqualTo(BottleneckState.OPEN);
    assertThat(bottleneck.getSummary()).isEqualTo("Thiếu kinh phí số hoá");
    assertThat(bottleneck.getUnit()).isSameAs(justice);
    assertThat(bottleneck.getCommittee()).isSameAs(committee);
    assertThat(bottleneck.resolver()).isEqualTo(Bottleneck.LEADERS);
    assertThat(bottleneck.getRaisedBy()).isEqualTo("sotuphap");
    assertThat(bottleneck.ageDays(RAISED)).isZero();
    assertThat(raised(finance).resolver()).isEqualTo("STC");
  }

  @Test
  void aBottleneckNeedsItsSummaryAndAnActiveResolverUnit() {
    assertThatThrownBy(() -> raisedWithSummary("   "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("summary");
    finance.deactivate();
    assertThatThrownBy(() -> raised(finance))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("STC is inactive");
  }

  private Bottleneck raisedWithSummary(String summary) {
    Bottleneck any = raised(null);
    return new Bottleneck(any.getReport(), summary, null, "sotuphap", RAISED);
  }

  @Test
  void openThenInHandThenResolvedWithTheAnswerRecordsWhoAndWhenAndFreezesTheAge() {
    Bottleneck bottleneck = raised(finance);

    bottleneck.takeInHand("sotaichinh", RAISED.plusSeconds(DAY));
    assertThat(bottleneck.getState()).isEqualTo(BottleneckState.IN_HAND);
    assertThat(bottleneck.getTakenBy()).isEqualTo("sotaichinh");
    assertThat(bottleneck.getTakenAt()).isEqualTo(RAISED.plusSeconds(DAY));
    assertThat(bottleneck.ageDays(RAISED.plusSeconds(DAY * 2))).isEqualTo(2);

    bottleneck.resolve("  Đã bố trí 2 tỷ đồng  ", "lanhdao", RAISED.plusSeconds(DAY * 3));
    assertThat(bottleneck.getState()).isEqualTo(BottleneckState.RESOLVED);
    assertThat(bottleneck.getAnswer()).isEqualTo("Đã bố trí 2 tỷ đồng");
    assertThat(bottleneck.getResolvedBy()).isEqualTo("lanhdao");
    assertThat(bottleneck.getResolvedAt()).isEqualTo(RAISED.plusSeconds(DAY * 3));
    // frozen: a month later it is still three days, the days it stood open
    assertThat(bottleneck.ageDays(RAISED.plusSeconds(DAY * 33))).isEqualTo(3);
  }

  @Test
  void aLeaderMayResolveAnOpenBottleneckAtOnce() {
    Bottleneck bottleneck = raised(null);

    bottleneck.resolve("Giao Sở Tài chính bố trí kinh phí", "lanhdao", RAISED.plusSeconds(60));

    assertThat(bottleneck.getState()).isEqualTo(BottleneckState.RESOLVED);
    assertThat(bottleneck.getTakenBy()).isNull();
    assertThat(bottleneck.ageDays(RAISED.plusSeconds(DAY * 9))).isZero();
  }

  @Test
  void resolvingNeedsAnAnswerAndARefusalChangesNothing() {
    Bottleneck bottleneck = raised(null);

    for (String blank : new String[] {null, "", "  \n "}) {
      assertThatThrownBy(() -> bottleneck.resolve(blank, "lanhdao", RAISED.plusSeconds(60)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("answer");
    }
    assertThat(bottleneck.getState()).isEqualTo(BottleneckState.OPEN);
    assertThat(bottleneck.getResolvedBy()).isNull();
    assertThat(bottleneck.ageDays(RAISED.plusSeconds(DAY * 4))).isEqualTo(4);
  }

  @Test
  void thereIsNoGoingBackFromResolvedNorTakingInHandTwice() {
    Bottleneck resolved = raised(null);
    resolved.resolve("Đã giải quyết", "lanhdao", RAISED.plusSeconds(60));
    assertThatThrownBy(() -> resolved.takeInHand("lanhdao", RAISED.plusSeconds(120)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("RESOLVED");
    assertThatThrownBy(() -> resolved.resolve("Lần nữa", "lanhdao", RAISED.plusSeconds(120)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(resolved.getAnswer()).isEqualTo("Đã giải quyết");

    Bottleneck inHand = raised(null);
    inHand.takeInHand("lanhdao", RAISED.plusSeconds(60));
    assertThatThrownBy(() -> inHand.takeInHand("giamsat", RAISED.plusSeconds(120)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(inHand.getTakenBy()).isEqualTo("lanhdao");
  }

  @Test
  void aBottleneckMovesOnlyAfterItWasRaised() {
    Bottleneck bottleneck = raised(null);
    assertThatThrownBy(() -> bottleneck.takeInHand("lanhdao", RAISED.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(bottleneck.getState()).isEqualTo(BottleneckState.OPEN);
  }

  @Test
  void theResolverChangesOnlyWhileOpenAndOnlyToAnotherActiveResolver() {
    Bottleneck bottleneck = raised(null);
    assertThatThrownBy(() -> bottleneck.assignResolver(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already LEADERS");

    bottleneck.assignResolver(finance);
    assertThat(bottleneck.resolver()).isEqualTo("STC");
    assertThatThrownBy(() -> bottleneck.assignResolver(finance))
        .isInstanceOf(IllegalArgumentException.class);
    bottleneck.assignResolver(null);
    assertThat(bottleneck.resolver()).isEqualTo(Bottleneck.LEADERS);

    Unit merged = new Unit("SKHDT", "Sở Kế hoạch", null, UnitKind.DEPARTMENT, province);
    merged.deactivate();
    assertThatThrownBy(() -> bottleneck.assignResolver(merged))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(bottleneck.resolver()).isEqualTo(Bottleneck.LEADERS);

    bottleneck.takeInHand("lanhdao", RAISED.plusSeconds(60));
    assertThatThrownBy(() -> bottleneck.assignResolver(finance))
        .isInstanceOf(IllegalStateException.class);
    assertThat(bottleneck.resolver()).isEqualTo(Bottleneck.LEADERS);
  }

  /** Ages count calendar days in Vietnam (UTC+7), as people count "raised yesterday". */
  @ParameterizedTest
  @CsvSource({
    "2026-03-01T03:00:00Z, 2026-03-01T16:59:59Z, 0", // 10:00 → 23:59:59 the same day
    "2026-03-01T16:30:00Z, 2026-03-01T17:30:00Z, 1", // 23:30 → 00:30 the next day
    "2026-03-01T03:00:00Z, 2026-03-02T02:00:00Z, 1", // 23 hours, but the next day
    "2026-03-01T03:00:00Z, 2026-03-11T03:00:00Z, 10",
    "2026-02-28T03:00:00Z, 2026-03-01T03:00:00Z, 1", // over the month's end
    "2026-03-01T03:00:00Z, 2026-02-28T03:00:00Z, 0" // a clock behind the raising: not negative
  })
  void ageCountsCalendarDaysInVietnam(Instant raised, Instant now, int days) {
    assertThat(Bottleneck.daysBetween(raised, now)).isEqualTo(days);
  }

  @ParameterizedTest
  @CsvSource({
    "OPEN, IN_HAND, true",
    "OPEN, RESOLVED, true",
    "OPEN, OPEN, false",
    "IN_HAND, RESOLVED, true",
    "IN_HAND, IN_HAND, false",
    "IN_HAND, OPEN, false",
    "RESOLVED, OPEN, false",
    "RESOLVED, IN_HAND, false",
    "RESOLVED, RESOLVED, false"
  })
  void statesMoveForwardOnly(BottleneckState from, BottleneckState to, boolean allowed) {
    assertThat(from.canMoveTo(to)).isEqualTo(allowed);
  }
}
