package vn.steerflow.report;

import java.math.BigDecimal;
import vn.steerflow.plan.Attainment;
import vn.steerflow.plan.IndicatorView;
import vn.steerflow.plan.RiskColour;

/** A report's value for one indicator, with its attainment (percent) and risk colour. */
public record IndicatorValueView(
    String indicator,
    String unitOfMeasure,
    BigDecimal value,
    BigDecimal attainment,
    RiskColour colour) {

  static IndicatorValueView of(IndicatorValue value) {
    Attainment attainment = value.attainment();
    return new IndicatorValueView(
        value.getIndicator().getName(),
        value.getIndicator().getUnitOfMeasure(),
        IndicatorView.plain(value.getValue()),
        attainment.percent(),
        attainment.colour());
  }
}
