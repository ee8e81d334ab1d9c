package vn.steerflow.report;

/** Where an extension request stands: awaiting a supervisor, or decided once. */
public enum ExtensionState {
  PENDING,
  GRANTED,
  REFUSED
}
