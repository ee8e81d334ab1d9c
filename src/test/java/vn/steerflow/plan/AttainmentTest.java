package vn.steerflow.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.steerflow.plan.IndicatorDirection.HIGHER_IS_BETTER;
import static vn.steerflow.plan.IndicatorDirection.LOWER_IS_BETTER;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The attainment formula, its caps, rounding and colour thresholds, against worked answers. */
class AttainmentTest {

  private static BigDecimal n(String number) {
    return new BigDecimal(number);
  }

  private static String of(
      IndicatorDirection direction, String target, String baseline, String value) {
    Attainment a =
        Attainment.of(direction, n(target), baseline == null ? null : n(baseline), n(value));
    return a.percent().toPlainString() + " " + a.colour();
  }

  @Test
  void higherIsBetterCountsTheWayFromBaselineToTarget() {
    // online applications: from 55 % to 95 %
    assertThat(of(HIGHER_IS_BETTER, "95", "55", "91")).isEqualTo("90.0 GREEN");
    assertThat(of(HIGHER_IS_BETTER, "95", "55", "83")).isEqualTo("70.0 AMBER");
    assertThat(of(HIGHER_IS_BETTER, "95", "55", "82.9")).isEqualTo("69.8 RED");
    assertThat(of(HIGHER_IS_BETTER, "95", "55", "55")).isEqualTo("0.0 RED");
    assertThat(of(HIGHER_IS_BETTER, "95", "55", "95")).isEqualTo("100.0 GREEN");
  }

  @Test
  void aValueBeyondTheTargetCountsAsTheTargetReachedAndOneWorseThanTheBaselineAsNothing() {
    assertThat(of(HIGHER_IS_BETTER, "95", "55", "99")).isEqualTo("100.0 GREEN");
    assertThat(of(HIGHER_IS_BETTER, "95", "55", "40")).isEqualTo("0.0 RED");
    assertThat(of(LOWER_IS_BETTER, "3", "7", "1")).isEqualTo("100.0 GREEN");
    assertThat(of(LOWER_IS_BETTER, "3", "7", "9")).isEqualTo("0.0 RED");
  }

  @Test
  void withNoBaselineHigherIsBetterCountsFromZero() {
    assertThat(of(HIGHER_IS_BETTER, "95", null, "76")).isEqualTo("80.0 AMBER");
    assertThat(of(HIGHER_IS_BETTER, "12", null, "3")).isEqualTo("25.0 RED");
    assertThat(of(HIGHER_IS_BETTER, "12", null, "-2")).isEqualTo("0.0 RED");
  }

  @Test
  void lowerIsBetterIsTheMirrorFromBaselineDownToTarget() {
    // days to settle an application: from 7 down to 3
    assertThat(of(LOWER_IS_BETTER, "3", "7", "4.2")).isEqualTo("70.0 AMBER");
    assertThat(of(LOWER_IS_BETTER, "3", "7", "3.4")).isEqualTo("90.0 GREEN");
    assertThat(of(LOWER_IS_BETTER, "3", "7", "6.5")).isEqualTo("12.5 RED");
    assertThat(of(LOWER_IS_BETTER, "3", "7", "3")).isEqualTo("100.0 GREEN");
  }

  @Test
  void lowerIsBetterWithNoBaselineIsTargetOverValue() {
    assertThat(of(LOWER_IS_BETTER, "5", null, "10")).isEqualTo("50.0 RED");
    assertThat(of(LOWER_IS_BETTER, "5", null, "5.5")).isEqualTo("90.9 GREEN");
    assertThat(of(LOWER_IS_BETTER, "5", null, "7")).isEqualTo("71.4 AMBER");
    assertThat(of(LOWER_IS_BETTER, "5", null, "5")).isEqualTo("100.0 GREEN");
    assertThat(of(LOWER_IS_BETTER, "5", null, "0")).isEqualTo("100.0 GREEN");
    assertThat(of(LOWER_IS_BETTER, "5", null, "-1")).isEqualTo("100.0 GREEN");
  }

  @Test
  void theColourIsReadFromTheRoundedFigureSoTheTwoShownAgree() {
    assertThat(of(HIGHER_IS_BETTER, "100", null, "89.96")).isEqualTo("90.0 GREEN");
    assertThat(of(HIGHER_IS_BETTER, "100", null, "89.94")).isEqualTo("89.9 AMBER");
    assertThat(of(HIGHER_IS_BETTER, "100", null, "69.95")).isEqualTo("70.0 AMBER");
    assertThat(of(HIGHER_IS_BETTER, "100", null, "69.94")).isEqualTo("69.9 RED");
  }

  @Test
  void theThresholdsAreNinetyAndSeventyPercent() {
    assertThat(Attainment.GREEN_FROM).isEqualByComparingTo("90");
    assertThat(Attainment.AMBER_FROM).isEqualByComparingTo("70");
    assertThat(Attainment.colourOf(n("100"))).isEqualTo(RiskColour.GREEN);
    assertThat(Attainment.colourOf(n("90.0"))).isEqualTo(RiskColour.GREEN);
    assertThat(Attainment.colourOf(n("89.9"))).isEqualTo(RiskColour.AMBER);
    assertThat(Attainment.colourOf(n("70"))).isEqualTo(RiskColour.AMBER);
    assertThat(Attainment.colourOf(n("69.9"))).isEqualTo(RiskColour.RED);
    assertThat(Attainment.colourOf(n("0"))).isEqualTo(RiskColour.RED);
  }

  @Test
  void aTargetThatCannotBeMeasuredAgainstItsBaselineIsRefused() {
    assertThat(Attainment.targetProblem(HIGHER_IS_BETTER, n("95"), n("95.0")))
        .hasValueSatisfying(p -> assertThat(p).contains("equals the baseline"));
    assertThat(Attainment.targetProblem(LOWER_IS_BETTER, n("3"), n("3")))
        .hasValueSatisfying(p -> assertThat(p).contains("equals the baseline"));
    // no baseline is a baseline of 0
    assertThat(Attainment.targetProblem(HIGHER_IS_BETTER, n("0"), null))
        .hasValueSatisfying(p -> assertThat(p).contains("nothing to attain"));
    assertThat(Attainment.targetProblem(LOWER_IS_BETTER, n("0"), null)).isPresent();
    assertThat(Attainment.targetProblem(HIGHER_IS_BETTER, n("50"), n("60")))
        .hasValueSatisfying(p -> assertThat(p).contains("above the baseline"));
    assertThat(Attainment.targetProblem(HIGHER_IS_BETTER, n("-5"), null)).isPresent();
    assertThat(Attainment.targetProblem(LOWER_IS_BETTER, n("8"), n("7")))
        .hasValueSatisfying(p -> assertThat(p).contains("below the baseline"));
    assertThat(Attainment.targetProblem(LOWER_IS_BETTER, n("-1"), null)).isPresent();

    assertThat(Attainment.targetProblem(HIGHER_IS_BETTER, n("95"), null)).isEmpty();
    assertThat(Attainment.targetProblem(HIGHER_IS_BETTER, n("-5"), n("-10"))).isEmpty();
    assertThat(Attainment.targetProblem(LOWER_IS_BETTER, n("3"), n("7"))).isEmpty();
    assertThat(Attainment.targetProblem(LOWER_IS_BETTER, n("5"), null)).isEmpty();
    assertThatThrownBy(() -> Attainment.of(HIGHER_IS_BETTER, n("95"), n("95"), n("90")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("equals the baseline");
  }
}
