package vn.steerflow.plan;

import java.math.BigDecimal;

/**
 * An indicator as the API shows it. Numbers are shown as given (95, not 95.0000); the baseline is
 * null when none was given (attainment then counts from 0).
 */
public record IndicatorView(
    int number,
    String name,
    String unitOfMeasure,
    BigDecimal target,
    BigDecimal baseline,
    IndicatorDirection direction) {

  public static IndicatorView of(Indicator indicator) {
    return new IndicatorView(
        indicator.getNumber(),
        indicator.getName(),
        indicator.getUnitOfMeasure(),
        plain(indicator.getTarget()),
        plain(indicator.getBaseline()),
        indicator.getDirection());
  }

  /**
   * The number without the database's trailing zeros, never in exponent form (100, not 1E+2), as
   * JSON shows a BigDecimal by its toString.
   */
  public static BigDecimal plain(BigDecimal number) {
    if (number == null) {
      return null;
    }
    BigDecimal stripped = number.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
