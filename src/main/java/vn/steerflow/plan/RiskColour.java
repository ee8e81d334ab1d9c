package vn.steerflow.plan;

/** How an indicator's latest value stands against its target; thresholds in {@link Attainment}. */
public enum RiskColour {
  GREEN,
  AMBER,
  RED
}
