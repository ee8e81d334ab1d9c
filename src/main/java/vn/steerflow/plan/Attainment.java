package vn.steerflow.plan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a reported value has come from an indicator's baseline to its target, in percent, and the
 * risk colour that follows. Computed whenever asked, never stored, so changing a threshold here
 * re-colours every series.
 *
 * <pre>
 * HIGHER_IS_BETTER: attainment = (value − baseline) / (target − baseline)   baseline absent: 0
 * LOWER_IS_BETTER:  attainment = (baseline − value) / (baseline − target)
 *                   baseline absent: target / value (value at or below the target: 100 %)
 * </pre>
 *
 * The result is capped to 0..100 %: a value beyond the target counts as the target reached (100 %),
 * a value worse than the baseline as nothing attained (0 %). It is rounded half up to one decimal,
 * and the colour is read from the rounded figure, so the two shown never disagree: GREEN from
 * {@link #GREEN_FROM} %, AMBER from {@link #AMBER_FROM} %, RED below.
 */
public record Attainment(BigDecimal percent, RiskColour colour) {

  /** GREEN at or above this attainment, in percent. */
  public static final BigDecimal GREEN_FROM = new BigDecimal("90");

  /** AMBER at or above this attainment (and below GREEN), in percent; RED below it. */
  public static final BigDecimal AMBER_FROM = new BigDecimal("70");

  private static final BigDecimal HUNDRED = new BigDecimal("100");

  public Attainment {
    Objects.requireNonNull(percent);
    Objects.requireNonNull(colour);
  }

  /** The attainment of {@code value} for the indicator with this direction, target and baseline. */
  public static Attainment of(
      IndicatorDirection direction, BigDecimal target, BigDecimal baseline, BigDecimal value) {
    targetProblem(direction, target, baseline)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(problem);
            });
    BigDecimal fraction = fraction(direction, target, baseline, Objects.requireNonNull(value));
    BigDecimal percent =
        fraction
            .max(BigDecimal.ZERO)
            .min(BigDecimal.ONE)
            .multiply(HUNDRED)
            .setScale(1, RoundingMode.HALF_UP);
    return new Attainment(percent, colourOf(percent));
  }

  /** GREEN, AMBER or RED for an attainment in percent. */
  public static RiskColour colourOf(BigDecimal percent) {
    if (percent.compareTo(GREEN_FROM) >= 0) {
      return RiskColour.GREEN;
    }
    return percent.compareTo(AMBER_FROM) >= 0 ? RiskColour.AMBER : RiskColour.RED;
  }

  private static BigDecimal fraction(
      IndicatorDirection direction, BigDecimal target, BigDecimal baseline, BigDecimal value) {
    MathContext precision = MathContext.DECIMAL64;
    if (direction == IndicatorDirection.HIGHER_IS_BETTER) {
      BigDecimal from = baseline == null ? BigDecimal.ZERO : baseline;
      return value.subtract(from).divide(target.subtract(from), precision);
    }
    if (baseline != null) {
      return baseline.subtract(value).divide(baseline.subtract(target), precision);
    }
    // No baseline to count down from: the mirror of value / target.
    return value.compareTo(target) <= 0 ? BigDecimal.ONE : target.divide(value, precision);
  }

  /**
   * Why a target cannot be measured against, if it cannot: it equals the baseline (0 when absent),
   * or lies on the wrong side of it for the direction. Empty when the target is fine.
   */
  public static Optional<String> targetProblem(
      IndicatorDirection direction, BigDecimal target, BigDecimal baseline) {
    Objects.requireNonNull(direction);
    Objects.requireNonNull(target);
    BigDecimal from = baseline == null ? BigDecimal.ZERO : baseline;
    int side = target.compareTo(from);
    if (side == 0) {
      return Optional.of(
          baseline == null
              ? "the target is 0, which is also the baseline when none is given: nothing to attain"
              : "the target equals the baseline: nothing to attain");
    }
    if (direction == IndicatorDirection.HIGHER_IS_BETTER && side < 0) {
      return Optional.of(
          baseline == null
              ? "HIGHER_IS_BETTER: the target must be above 0 (the baseline when none is given)"
              : "HIGHER_IS_BETTER: the target must be above the baseline");
    }
    if (direction == IndicatorDirection.LOWER_IS_BETTER && baseline != null && side > 0) {
      return Optional.of("LOWER_IS_BETTER: the target must be below the baseline");
    }
    if (direction == IndicatorDirection.LOWER_IS_BETTER && baseline == null && side < 0) {
      return Optional.of(
          "LOWER_IS_BETTER with no baseline: the target must be above 0; give a baseline to aim"
              + " below 0");
    }
    return Optional.empty();
  }
}
