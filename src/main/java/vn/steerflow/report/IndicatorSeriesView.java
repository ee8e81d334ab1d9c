package vn.steerflow.report;

import java.math.BigDecimal;
import java.util.List;
import vn.steerflow.plan.Indicator;
import vn.steerflow.plan.IndicatorDirection;
import vn.steerflow.plan.IndicatorView;

/**
 * An indicator with its series, first point first, and on top the latest point that has a value
 * (null until a counted report gives one).
 */
public record IndicatorSeriesView(
    int number,
    String name,
    String unitOfMeasure,
    BigDecimal target,
    BigDecimal baseline,
    IndicatorDirection direction,
    IndicatorPoint latest,
    List<IndicatorPoint> series) {

  static IndicatorSeriesView of(Indicator indicator, List<IndicatorPoint> series) {
    IndicatorView shown = IndicatorView.of(indicator);
    IndicatorPoint latest = null;
    for (IndicatorPoint point : series) {
      if (point.hasValue()) {
        latest = point;
      }
    }
    return new IndicatorSeriesView(
        shown.number(),
        shown.name(),
        shown.unitOfMeasure(),
        shown.target(),
        shown.baseline(),
        shown.direction(),
        latest,
        List.copyOf(series));
  }
}
