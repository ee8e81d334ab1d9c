package vn.steerflow.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Objects;
import vn.steerflow.plan.Attainment;
import vn.steerflow.plan.Indicator;
import vn.steerflow.plan.TaskKind;

/**
 * A value a report gave for one of its task's indicators. Saved with the report, in its
 * transaction, and never changed: a returned report's values stay on record but stop counting, and
 * the report sent again brings its own.
 *
 * <p>A REGULAR task's value also records the period the report was for (the cycle's period in hand
 * when it was submitted): a report sent again after a return, even past the period's end, is still
 * that period's, which the report's time alone would not tell.
 */
@Entity
@Table(name = "SF_INDICATOR_VALUE")
public class IndicatorValue {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sf_seq")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "REPORT_ID", nullable = false)
  private Report report;

  @ManyToOne(optional = false)
  @JoinColumn(name = "INDICATOR_ID", nullable = false)
  private Indicator indicator;

  @Column(name = "PERIOD_NUMBER")
  private Integer periodNumber;

  @Column(name = "MEASURED_VALUE", nullable = false, precision = 19, scale = 4)
  private BigDecimal value;

  protected IndicatorValue() {}

  IndicatorValue(Report report, Indicator indicator, BigDecimal value, Integer periodNumber) {
    this.report = Objects.requireNonNull(report);
    this.indicator = Objects.requireNonNull(indicator);
    this.value = Objects.requireNonNull(value);
    if (!indicator.getTask().getId().equals(report.getTask().getId())) {
      throw new IllegalArgumentException(
          "indicator '"
              + indicator.getName()
              + "' is not one of task "
              + report.getTask().getCode()
              + "'s");
    }
    boolean regular = report.getTask().getKind() == TaskKind.REGULAR;
    if (regular != (periodNumber != null)) {
      throw new IllegalArgumentException(
          regular
              ? "a REGULAR task's value is for a period"
              : "a ONE_OFF task's value is for its report, not a period");
    }
    this.periodNumber = periodNumber;
  }

  public Attainment attainment() {
    return indicator.attainment(value);
  }

  public Long getId() {
    return id;
  }

  public Report getReport() {
    return report;
  }

  public Indicator getIndicator() {
    return indicator;
  }

  /** The period of a REGULAR task's report; null for a ONE_OFF task. */
  public Integer getPeriodNumber() {
    return periodNumber;
  }

  public BigDecimal getValue() {
    return value;
  }
}
