package vn.steerflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A timeline entry's detail always fits its column, so recording a change never fails it. */
class TimelineEntryTest {

  @Test
  void aDetailThatFitsIsKeptAsItIs() {
    String exact = "x".repeat(TimelineEntry.DETAIL_LENGTH);
    assertThat(TimelineEntry.fitting(exact)).isSameAs(exact);
    assertThat(TimelineEntry.fitting(null)).isNull();
  }

  @Test
  void aLongerDetailIsCutToTheColumnWithAnEllipsis() {
    String reason = "Extension 12: " + "Chờ phần mềm hộ tịch mới. ".repeat(200);
    String kept = TimelineEntry.fitting(reason);
    assertThat(kept).hasSize(TimelineEntry.DETAIL_LENGTH).endsWith("…");
    assertThat(reason).startsWith(kept.substring(0, kept.length() - 1));
  }

  @Test
  void theCutNeverSplitsACharacter() {
    String emoji = "\uD83D\uDE00"; // one character, two chars
    String detail = "x".repeat(TimelineEntry.DETAIL_LENGTH - 2) + emoji + "tail";
    String kept = TimelineEntry.fitting(detail);
    assertThat(kept.length()).isLessThanOrEqualTo(TimelineEntry.DETAIL_LENGTH);
    assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 2))).isFalse();
  }
}
