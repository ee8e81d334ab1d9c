package vn.steerflow.plan;

/**
 * The process a plan's new tasks run on, when an admin pinned one: its key, and its version or null
 * for the latest active version at each assignment.
 */
public record ModelPin(String key, Integer version) {

  static ModelPin of(Plan plan) {
    return plan.getModelKey() == null
        ? null
        : new ModelPin(plan.getModelKey(), plan.getModelVersion());
  }
}
