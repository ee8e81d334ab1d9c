package vn.steerflow.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.steerflow.api.FieldError;
import vn.steerflow.committee.Committee;
import vn.steerflow.committee.CommitteeLevel;
import vn.steerflow.committee.Unit;
import vn.steerflow.committee.UnitKind;

/** A task's indicators guard their invariants, and the assignment names each field at fault. */
class IndicatorTest {

  private static final Instant NOW = Instant.parse("2026-03-01T03:00:00Z");
  private final Unit province = new Unit("UBND-LC", "UBND tỉnh", null, UnitKind.PROVINCE, null);
  private final Unit justice = new Unit("STP", "Sở Tư pháp", null, UnitKind.DEPARTMENT, province);
  private final Committee committee =
      new Committee("BCD-LC", "Ban Chỉ đạo", CommitteeLevel.PROVINCE, province);

  private static IndicatorRequest rate(String name) {
    return new IndicatorRequest(
        name, "%", new BigDecimal("95"), new BigDecimal("60"), IndicatorDirection.HIGHER_IS_BETTER);
  }

  private static Assignment with(List<IndicatorRequest> indicators) {
    return new Assignment(
        "Số hoá hồ sơ",
        "Số hoá sổ hộ tịch",
        "STP",
        "Giám đốc",
        OffsetDateTime.of(2026, 6, 30, 17, 0, 0, 0, ZoneOffset.ofHours(7)),
        "Tỷ lệ hồ sơ trực tuyến đạt 95%",
        "BCD-LC",
        List.of(),
        null,
        null,
        null,
        null,
        indicators);
  }

  private Task task(List<IndicatorRequest> indicators) {
    return new Task(with(indicators), justice, committee, Set.of(), "giamsat", NOW);
  }

  @Test
  void aTaskKeepsItsIndicatorsInTheOrderGivenAndMatchesTheirNamesLoosely() {
    Task task =
        task(
            List.of(
                rate("  Tỷ lệ hồ sơ   trực tuyến "),
                new IndicatorRequest(
                    "Thời gian giải quyết",
                    "ngày",
                    new BigDecimal("3"),
                    null,
                    IndicatorDirection.LOWER_IS_BETTER)));

    assertThat(task.getIndicators()).extracting(Indicator::getNumber).containsExactly(1, 2);
    Indicator rate = task.getIndicators().get(0);
    assertThat(rate.getName()).isEqualTo("Tỷ lệ hồ sơ trực tuyến");
    assertThat(rate.getBaseline()).isEqualByComparingTo("60");
    assertThat(task.getIndicators().get(1).getBaseline()).isNull();
    assertThat(rate.isNamed("TỶ LỆ HỒ SƠ TRỰC TUYẾN")).isTrue();
    assertThat(rate.isNamed(Normalizer.normalize("tỷ lệ hồ sơ trực tuyến", Normalizer.Form.NFD)))
        .isTrue();
    assertThat(rate.isNamed("Tỷ lệ hồ sơ")).isFalse();
    assertThat(rate.attainment(new BigDecimal("91.5")).percent()).isEqualByComparingTo("90.0");
    assertThat(task(null).getIndicators()).isEmpty();
  }

  @Test
  void aTaskRefusesTwoIndicatorsOfOneNameATargetEqualToItsBaselineAndTooMany() {
    assertThatThrownBy(() -> task(List.of(rate("Tỷ lệ"), rate("  TỶ  lệ "))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two indicators");
    assertThatThrownBy(
            () ->
                task(
                    List.of(
                        new IndicatorRequest(
                            "Tỷ lệ",
                            "%",
                            new BigDecimal("95"),
                            new BigDecimal("95.00"),
                            IndicatorDirection.HIGHER_IS_BETTER))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("equals the baseline");
    List<IndicatorRequest> many =
        IntStream.rangeClosed(1, Indicator.MOST_PER_TASK + 1).mapToObj(i -> rate("I" + i)).toList();
    assertThatThrownBy(() -> task(many))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 20");
    assertThat(task(many.subList(0, Indicator.MOST_PER_TASK)).getIndicators()).hasSize(20);
  }

  @Test
  void theAssignmentNamesEachIndicatorFieldAtFault() {
    List<IndicatorRequest> indicators = new ArrayList<>();
    indicators.add(rate("Tỷ lệ hồ sơ trực tuyến"));
    indicators.add(
        new IndicatorRequest(
            "Thời gian",
            "ngày",
            new BigDecimal("9"),
            new BigDecimal("7"),
            IndicatorDirection.LOWER_IS_BETTER));
    indicators.add(rate("tỷ lệ hồ sơ TRỰC TUYẾN"));
    indicators.add(null);

    assertThat(TaskAssignments.indicatorErrors(indicators))
        .extracting(FieldError::field)
        .containsExactly("indicators[1].target", "indicators[2].name");
    assertThat(TaskAssignments.indicatorErrors(indicators).get(1).message())
        .contains("indicators[0]");
    assertThat(TaskAssignments.indicatorErrors(List.of(rate("A"), rate("B")))).isEmpty();
  }
}
