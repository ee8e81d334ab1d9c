package vn.steerflow.plan;

/** A plan and the model its new tasks run on ({@code model} null: the default process). */
public record PlanModelView(String plan, String name, ModelPin model, long version) {

  static PlanModelView of(Plan plan) {
    return new PlanModelView(plan.getCode(), plan.getName(), ModelPin.of(plan), plan.getVersion());
  }
}
