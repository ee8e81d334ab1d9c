package vn.steerflow.report;

/**
 * Where an extension request stands: awaiting a supervisor, decided once, or WITHDRAWN because the
 * task ended (done or cancelled) before a supervisor decided.
 */
public enum ExtensionState {
  PENDING,
  GRANTED,
  REFUSED,
  WITHDRAWN
}
