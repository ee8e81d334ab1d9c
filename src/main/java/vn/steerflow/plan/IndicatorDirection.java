package vn.steerflow.plan;

/** Which way an indicator improves; the attainment formula runs the other way for LOWER. */
public enum IndicatorDirection {
  /** More is better: an online application rate, connected databases. */
  HIGHER_IS_BETTER,
  /** Less is better: days to settle an application, complaints. */
  LOWER_IS_BETTER
}
