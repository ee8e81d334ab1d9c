package vn.steerflow.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * One indicator of a task's clear result: a name, a unit of measure, a target, an optional baseline
 * and the direction that is better. Fixed at assignment with the task (a task's clears do not
 * change), so it has no version. Reports give values for it by its name; {@link Attainment} says
 * how far a value has come.
 */
@Entity
@Table(name = "SF_INDICATOR")
public class Indicator {

  /** The most indicators one task carries: a task is one assignment, not a scorecard. */
  public static final int MOST_PER_TASK = 20;

  static final int NAME_LENGTH = 200;
  static final int UNIT_LENGTH = 40;

  /** DECIMAL(19, 4) in the database: 15 digits before the point, 4 after. */
  public static final int INTEGER_DIGITS = 15;

  public static final int FRACTION_DIGITS = 4;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sf_seq")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "TASK_ID", nullable = false)
  private Task task;

  /** 1, 2, ... in the order the assignment listed them. */
  @Column(name = "ITEM_NUMBER", nullable = false)
  private int number;

  @Column(name = "NAME", nullable = false, length = NAME_LENGTH)
  private String name;

  /** The name as reports may spell it: {@link #key}; unique within the task. */
  @Column(name = "NAME_KEY", nullable = false, length = NAME_LENGTH)
  private String nameKey;

  @Column(name = "UNIT_OF_MEASURE", nullable = false, length = UNIT_LENGTH)
  private String unitOfMeasure;

  @Column(name = "TARGET_VALUE", nullable = false, precision = 19, scale = FRACTION_DIGITS)
  private BigDecimal target;

  @Column(name = "BASELINE_VALUE", precision = 19, scale = FRACTION_DIGITS)
  private BigDecimal baseline;

  @Enumerated(EnumType.STRING)
  @Column(name = "DIRECTION", nullable = false, length = 20)
  private IndicatorDirection direction;

  protected Indicator() {}

  Indicator(Task task, int number, IndicatorRequest request) {
    this.task = Objects.requireNonNull(task);
    if (number < 1 || number > MOST_PER_TASK) {
      throw new IllegalArgumentException(
          "indicators are numbered 1 to " + MOST_PER_TASK + ", not " + number);
    }
    this.number = number;
    this.name = clean(Objects.requireNonNull(request.name(), "name"));
    if (name.isEmpty() || name.length() > NAME_LENGTH) {
      throw new IllegalArgumentException(
          "an indicator's name has 1 to " + NAME_LENGTH + " characters");
    }
    this.nameKey = key(name);
    this.unitOfMeasure = clean(Objects.requireNonNull(request.unitOfMeasure(), "unitOfMeasure"));
    if (unitOfMeasure.isEmpty() || unitOfMeasure.length() > UNIT_LENGTH) {
      throw new IllegalArgumentException(
          "a unit of measure has 1 to " + UNIT_LENGTH + " characters");
    }
    this.direction = Objects.requireNonNull(request.direction(), "direction");
    this.target = Objects.requireNonNull(request.target(), "target");
    this.baseline = request.baseline();
    Attainment.targetProblem(direction, target, baseline)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException("indicator '" + name + "': " + problem);
            });
  }

  /**
   * How a name is matched: Unicode NFC (Vietnamese text arrives composed or decomposed), spaces
   * collapsed, case ignored. "Tỷ lệ hồ sơ trực tuyến" and " tỷ lệ HỒ SƠ trực tuyến" are one name.
   */
  public static String key(String name) {
    return clean(name).toLowerCase(Locale.ROOT);
  }

  private static String clean(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
  }

  /** Whether a report's reference (a name, spelt as {@link #key} allows) means this indicator. */
  public boolean isNamed(String reference) {
    return reference != null && nameKey.equals(key(reference));
  }

  public Attainment attainment(BigDecimal value) {
    return Attainment.of(direction, target, baseline, value);
  }

  public Long getId() {
    return id;
  }

  public Task getTask() {
    return task;
  }

  public int getNumber() {
    return number;
  }

  public String getName() {
    return name;
  }

  public String getUnitOfMeasure() {
    return unitOfMeasure;
  }

  public BigDecimal getTarget() {
    return target;
  }

  /** The baseline as given; null when none was (attainment then counts from 0). */
  public BigDecimal getBaseline() {
    return baseline;
  }

  public IndicatorDirection getDirection() {
    return direction;
  }
}
